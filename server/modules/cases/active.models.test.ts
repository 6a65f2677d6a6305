import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActiveCase,
  type ActiveEvent,
  type ActiveState,
  amountForMonth,
  newActiveCase,
  nextReviewDue,
  type StopReason,
  transition,
} from './active.models.ts';
import type { Actor } from './procedure.models.ts';

const VILLAGE: Actor = { role: 'village_assistant', level: 'village' };
const TOWN: Actor = { role: 'town_officer', level: 'town' };
const COUNTY: Actor = { role: 'district_officer', level: 'county' };

const fresh = newActiveCase({
  id: 'a1',
  approvalLevel: 'COUNTY',
  stability: 'STABLE',
  confirmedOn: '2026-01-20',
  amountFen: 60_000,
});
const mk = (state: ActiveState, patch: Partial<ActiveCase> = {}): ActiveCase => ({
  ...fresh,
  state,
  ...patch,
});
const D = '2026-05-10';
type StopEvent = Extract<ActiveEvent, { type: 'STOP' }>;
const stop = (reason: StopReason, extra: Partial<StopEvent> = {}): StopEvent => ({
  type: 'STOP',
  decidedOn: D,
  reason,
  writtenReasons: '收入超过标准',
  ...extra,
});

type Row = [string, ActiveCase, ActiveEvent, Actor, ActiveState | { refused: string }];

const rows: Row[] = [
  [
    'S1 Art.31: reclassify as unstable',
    mk('ACTIVE'),
    { type: 'SCHEDULE_REVIEW', at: D, stability: 'UNSTABLE' },
    TOWN,
    'ACTIVE',
  ],
  [
    'S1 Art.31, S4 #7: township starts the periodic review',
    mk('ACTIVE'),
    { type: 'START_REVIEW', at: D, trigger: 'SCHEDULED' },
    TOWN,
    'UNDER_REVIEW',
  ],
  [
    'S1 Art.31: no obvious change → amount unchanged',
    mk('UNDER_REVIEW'),
    { type: 'COMPLETE_REVIEW_NO_CHANGE', at: D },
    TOWN,
    'ACTIVE',
  ],
  [
    'S1 Art.32: 减发 with reasons',
    mk('UNDER_REVIEW'),
    { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 40_000, reason: '收入增加' },
    COUNTY,
    'ACTIVE',
  ],
  ['S1 Art.32, S3 Art.13: 停发 in writing', mk('UNDER_REVIEW'), stop('ineligible'), COUNTY, 'STOPPED'],
  [
    'S5 §五(五), S3 Art.68: fraud stops directly from ACTIVE',
    mk('ACTIVE'),
    stop('fraud', { obtainedFen: 120_000 }),
    COUNTY,
    'STOPPED',
  ],
  [
    'S1 Art.33, S5 §一(三): gradual exit of 6 months',
    mk('UNDER_REVIEW'),
    { type: 'START_GRADUAL_EXIT', at: D, months: 6 },
    COUNTY,
    'GRADUAL_EXIT',
  ],
  [
    'S1 Art.33: gradual exit expires → STOPPED',
    mk('GRADUAL_EXIT', { gradualExitLastMonth: '2026-05-01' }),
    { type: 'END_GRADUAL_EXIT', at: '2026-05-31' },
    TOWN,
    'STOPPED',
  ],
  [
    'S1 Art.34: first refusal recorded by the village',
    mk('ACTIVE'),
    { type: 'RECORD_JOB_REFUSAL', at: D, memberId: 'm1' },
    VILLAGE,
    'ACTIVE',
  ],
  [
    'S1 Art.34: third consecutive refusal → review',
    mk('ACTIVE', { jobRefusals: { m1: 2 } }),
    { type: 'RECORD_JOB_REFUSAL', at: D, memberId: 'm1' },
    VILLAGE,
    'UNDER_REVIEW',
  ],
  [
    'S1 Art.34: stop after three consecutive refusals',
    mk('UNDER_REVIEW', { jobRefusals: { m1: 3 } }),
    stop('job_refusals'),
    COUNTY,
    'STOPPED',
  ],
  [
    'S5 §一(三): a death triggers the review',
    mk('ACTIVE'),
    { type: 'RECORD_DEATH', at: D, diedOn: '2026-05-02', lastMember: false },
    VILLAGE,
    'UNDER_REVIEW',
  ],
  [
    'S1 Art.30, S5 §五(五): unreported change → review',
    mk('ACTIVE'),
    { type: 'RECORD_UNREPORTED_CHANGE', at: D, changedOn: '2025-12-01' },
    TOWN,
    'UNDER_REVIEW',
  ],
  // refusals
  ['§2.1: a stopped case is final', mk('STOPPED'), stop('other'), COUNTY, { refused: 'CASE_STOPPED' }],
  [
    'S1 Art.31: a review must be started first',
    mk('ACTIVE'),
    { type: 'COMPLETE_REVIEW_NO_CHANGE', at: D },
    TOWN,
    { refused: 'INVALID_TRANSITION' },
  ],
  [
    '§2.3: the village does not start reviews',
    mk('ACTIVE'),
    { type: 'START_REVIEW', at: D, trigger: 'SCHEDULED' },
    VILLAGE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§2.3: county confirms the change when approval is not delegated',
    mk('UNDER_REVIEW'),
    { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 40_000, reason: 'x' },
    TOWN,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§2.5: dates never go backwards',
    mk('ACTIVE'),
    { type: 'START_REVIEW', at: '2026-01-01', trigger: 'SCHEDULED' },
    TOWN,
    { refused: 'DATE_BEFORE_PREVIOUS' },
  ],
  [
    'S1 Art.32: a zero amount is a stop',
    mk('UNDER_REVIEW'),
    { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 0, reason: 'x' },
    COUNTY,
    { refused: 'AMOUNT_INVALID' },
  ],
  [
    'S1 Art.31: the same amount is no adjustment',
    mk('UNDER_REVIEW'),
    { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 60_000, reason: 'x' },
    COUNTY,
    { refused: 'AMOUNT_UNCHANGED' },
  ],
  [
    'S1 Art.32: a reason is required',
    mk('UNDER_REVIEW'),
    { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 70_000, reason: ' ' },
    COUNTY,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    'S3 Art.13: written reasons for a stop',
    mk('UNDER_REVIEW'),
    stop('ineligible', { writtenReasons: '' }),
    COUNTY,
    { refused: 'WRITTEN_REASONS_REQUIRED' },
  ],
  [
    'S1 Art.34: two refusals are not enough',
    mk('UNDER_REVIEW', { jobRefusals: { m1: 2 } }),
    stop('job_refusals'),
    COUNTY,
    { refused: 'JOB_REFUSALS_NOT_REACHED' },
  ],
  [
    'S5 §一(三): stop for death needs a recorded death',
    mk('UNDER_REVIEW'),
    stop('death'),
    COUNTY,
    { refused: 'DEATH_NOT_RECORDED' },
  ],
  [
    'S3 Art.68: fraud needs the amount obtained',
    mk('ACTIVE'),
    stop('fraud'),
    COUNTY,
    { refused: 'FRAUD_AMOUNT_REQUIRED' },
  ],
  [
    'S5 §一(三): gradual exit at most 6 months',
    mk('UNDER_REVIEW'),
    { type: 'START_GRADUAL_EXIT', at: D, months: 7 },
    COUNTY,
    { refused: 'GRADUAL_EXIT_TOO_LONG' },
  ],
  [
    'S1 Art.33: gradual exit cannot end early',
    mk('GRADUAL_EXIT', { gradualExitLastMonth: '2026-08-01' }),
    { type: 'END_GRADUAL_EXIT', at: D },
    TOWN,
    { refused: 'GRADUAL_EXIT_NOT_EXPIRED' },
  ],
  [
    'S1 Art.34: the member is named',
    mk('ACTIVE'),
    { type: 'RECORD_JOB_REFUSAL', at: D, memberId: '' },
    VILLAGE,
    { refused: 'MEMBER_REQUIRED' },
  ],
  [
    'S5 §一(三): death cannot be in the future',
    mk('ACTIVE'),
    { type: 'RECORD_DEATH', at: D, diedOn: '2026-06-01', lastMember: true },
    VILLAGE,
    { refused: 'DEATH_IN_FUTURE' },
  ],
  [
    'S1 Art.30: the change precedes its discovery',
    mk('ACTIVE'),
    { type: 'RECORD_UNREPORTED_CHANGE', at: D, changedOn: '2026-06-01' },
    VILLAGE,
    { refused: 'CHANGE_IN_FUTURE' },
  ],
];

describe('active 低保 case transitions (table)', () => {
  it.each(rows)('%s', (_why, c, e, actor, expected) => {
    const out = transition(c, e, actor);
    if (typeof expected === 'string') {
      expect(out.ok).toBe(true);
      if (out.ok) expect(out.next.state).toBe(expected);
    } else {
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.code).toBe(expected.refused);
        expect(out.zh).not.toBe('');
        expect(out.en).not.toBe('');
      }
    }
  });
});

describe('dates and amounts', () => {
  it.each([
    ['S1 Art.31: stable → 12 months', 'STABLE' as const, '2027-01-20'],
    ['S1 Art.31: unstable → 6 months', 'UNSTABLE' as const, '2026-07-20'],
  ])('%s', (_why, stability, due) => {
    expect(nextReviewDue({ ...fresh, stability })).toBe(due);
  });

  it('S1 Art.21, §2.1: a change takes effect the month after the decision', () => {
    const out = transition(
      mk('UNDER_REVIEW'),
      { type: 'CHANGE_AMOUNT', decidedOn: D, newAmountFen: 40_000, reason: 'x' },
      COUNTY,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(amountForMonth(out.next, '2026-05-01')).toBe(60_000);
    expect(amountForMonth(out.next, '2026-06-01')).toBe(40_000);
    expect(out.effects[0]).toMatchObject({ type: 'WRITTEN_NOTICE', kind: 'DECREASE' });
  });

  it('§2.1: two changes in one month — the decision month keeps the amount in force', () => {
    const change = (newAmountFen: number, decidedOn: string): ActiveEvent => ({
      type: 'CHANGE_AMOUNT',
      decidedOn,
      newAmountFen,
      reason: 'x',
    });
    const a = transition(mk('UNDER_REVIEW'), change(50_000, '2026-05-05'), COUNTY);
    if (!a.ok) throw new Error(a.en);
    const b = transition({ ...a.next, state: 'UNDER_REVIEW' }, change(45_000, '2026-05-20'), COUNTY);
    if (!b.ok) throw new Error(b.en);
    expect(amountForMonth(b.next, '2026-05-01')).toBe(60_000);
    expect(amountForMonth(b.next, '2026-06-01')).toBe(45_000);
  });

  it('§2.1: stopped from the month after the decision; S3 Art.68 fine 1–3×', () => {
    const out = transition(mk('ACTIVE'), stop('fraud', { obtainedFen: 1000 }), COUNTY);
    expect(out.ok && out.next.lastPaidMonth).toBe('2026-05-01');
    expect(out.ok && out.effects[1]).toEqual({
      type: 'RECOVERY_ORDER',
      obtainedFen: 1000,
      fineMinFen: 1000,
      fineMaxFen: 3000,
    });
  });

  it('S5 §一(三): death review due in 3 months; last member not paid after the death month', () => {
    const died = transition(
      mk('ACTIVE'),
      { type: 'RECORD_DEATH', at: D, diedOn: '2026-03-15', lastMember: true },
      VILLAGE,
    );
    expect(died.ok).toBe(true);
    if (!died.ok) return;
    expect(died.next.reviewDeadline).toBe('2026-06-15');
    expect(amountForMonth(died.next, '2026-03-01')).toBe(60_000);
    expect(amountForMonth(died.next, '2026-04-01')).toBe(0);
    const late = transition(
      { ...died.next, lastEventOn: '2026-06-20' },
      { ...stop('death'), decidedOn: '2026-06-20' },
      COUNTY,
    );
    expect(late.ok && late.next.lastPaidMonth).toBe('2026-03-01');
    expect(late.ok && late.effects.map((x) => x.type)).toEqual(['WRITTEN_NOTICE', 'REVIEW_OVERDUE']);
  });

  it('S5 §五(五): criticism only above 3 months unreported', () => {
    const out = transition(
      mk('ACTIVE'),
      { type: 'RECORD_UNREPORTED_CHANGE', at: D, changedOn: '2026-03-01' },
      TOWN,
    );
    expect(out.ok && out.effects).toEqual([]);
  });

  it('S1 Art.34: an accepted job resets the consecutive count', () => {
    const out = transition(
      mk('ACTIVE', { jobRefusals: { m1: 2 } }),
      { type: 'RECORD_JOB_ACCEPTED', at: D, memberId: 'm1' },
      VILLAGE,
    );
    expect(out.ok && out.next.jobRefusals.m1).toBe(0);
  });
});

describe('active case invariants (property)', () => {
  it('a stopped case never pays a month after its stop month; gradual exit ≤ 6 months', () => {
    const actorArb = fc.constantFrom(VILLAGE, TOWN, COUNTY);
    const eventArb: fc.Arbitrary<Omit<ActiveEvent, 'at' | 'decidedOn'> & Record<string, unknown>> = fc.oneof(
      fc.record({ type: fc.constant('START_REVIEW' as const), trigger: fc.constant('SCHEDULED' as const) }),
      fc.record({ type: fc.constant('COMPLETE_REVIEW_NO_CHANGE' as const) }),
      fc.record({
        type: fc.constant('CHANGE_AMOUNT' as const),
        newAmountFen: fc.integer({ min: 0, max: 90_000 }),
        reason: fc.constantFrom('', 'r'),
      }),
      fc.record({
        type: fc.constant('STOP' as const),
        reason: fc.constantFrom<StopReason>('death', 'ineligible', 'fraud', 'job_refusals', 'moved', 'other'),
        writtenReasons: fc.constantFrom('', 'w'),
        obtainedFen: fc.integer({ min: 0, max: 5000 }),
      }),
      fc.record({ type: fc.constant('START_GRADUAL_EXIT' as const), months: fc.integer({ min: 0, max: 8 }) }),
      fc.record({ type: fc.constant('END_GRADUAL_EXIT' as const) }),
      fc.record({ type: fc.constant('RECORD_JOB_REFUSAL' as const), memberId: fc.constantFrom('m1', 'm2') }),
      fc.record({ type: fc.constant('RECORD_DEATH' as const), lastMember: fc.boolean() }),
    );
    let stopped = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, actorArb, fc.integer({ min: 0, max: 70 })), {
          minLength: 5,
          maxLength: 40,
          size: 'max',
        }),
        (steps) => {
          let c = fresh;
          let day = Date.parse('2026-02-01T00:00:00Z');
          for (const [ev, actor, gap] of steps) {
            day += gap * 86_400_000;
            const at = new Date(day).toISOString().slice(0, 10);
            const e = { ...ev, at, decidedOn: at, diedOn: at, changedOn: at } as unknown as ActiveEvent;
            const out = transition(c, e, actor);
            if (!out.ok) continue;
            c = out.next;
            if (c.gradualExitLastMonth !== null) {
              const months = (Number(c.gradualExitLastMonth.slice(0, 4)) - Number(at.slice(0, 4))) * 12;
              expect(
                months + Number(c.gradualExitLastMonth.slice(5, 7)) - Number(at.slice(5, 7)),
              ).toBeLessThanOrEqual(6);
            }
            if (c.state === 'STOPPED') {
              stopped += 1;
              expect(c.lastPaidMonth).not.toBeNull();
              const last = c.lastPaidMonth ?? '';
              expect(last <= `${at.slice(0, 7)}-01`).toBe(true);
              for (let k = 1; k <= 24; k++) {
                const d = new Date(`${last}T00:00:00Z`);
                d.setUTCMonth(d.getUTCMonth() + k);
                expect(amountForMonth(c, d.toISOString().slice(0, 10))).toBe(0);
              }
              break;
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(stopped).toBeGreaterThan(0);
  });
});
