import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disbursedFen,
  type ExpenditureCase,
  type ExpenditureEvent,
  type ExpenditureParams,
  type ExpenditureState,
  newExpenditureCase,
  transition,
} from './expenditure.models.ts';
import type { Actor } from './procedure.models.ts';

const VILLAGE: Actor = { role: 'village_assistant', level: 'village' };
const TOWN: Actor = { role: 'town_officer', level: 'town' };
const COUNTY: Actor = { role: 'district_officer', level: 'county' };
const params: ExpenditureParams = {
  townshipApprovalLimitFen: 1000,
  generalCapFen: 5000,
  prevYearPerCapitaIncomeFen: 2500,
  publicityRequired: false,
};
const withPublicity: ExpenditureParams = { ...params, publicityRequired: true };

const D = '2026-04-01';
const fresh = newExpenditureCase({ id: 'e1', appliedOn: '2026-03-20' });
const mk = (state: ExpenditureState, patch: Partial<ExpenditureCase> = {}): ExpenditureCase => ({
  ...fresh,
  state,
  ...patch,
});
const inv = { perCapitaIncomeFen: 1200, propertyMeetsLocalRule: true, rigidSpendingFen: 30_000 };
const investigated = { investigation: inv };
const approved = { approvedAmountFen: 3000, approvedBy: 'COUNTY' as const };
const investigate = (patch: Partial<typeof inv> = {}, investigators = ['甲', '乙']): ExpenditureEvent => ({
  type: 'INVESTIGATE',
  at: D,
  investigators,
  ...inv,
  ...patch,
});
const opinion = (recommend: boolean, proposedAmountFen = 3000, reasons = '医疗支出'): ExpenditureEvent => ({
  type: 'TOWN_OPINION',
  at: D,
  recommend,
  proposedAmountFen,
  reasons,
});

type Row = [
  string,
  ExpenditureCase,
  ExpenditureEvent,
  Actor,
  ExpenditureParams,
  ExpenditureState | { refused: string },
];

const rows: Row[] = [
  [
    'S3 Art.48, §6.2: the township accepts',
    mk('APPLIED'),
    { type: 'ACCEPT', at: D },
    TOWN,
    params,
    'ACCEPTED',
  ],
  [
    'S7 §二(二), S1 Art.16: investigation by two',
    mk('ACCEPTED'),
    investigate(),
    TOWN,
    params,
    'INVESTIGATED',
  ],
  [
    'S7 §二(一): township recommends',
    mk('INVESTIGATED', investigated),
    opinion(true),
    TOWN,
    params,
    'TOWN_REVIEWED',
  ],
  [
    'S3 Art.48: township rejects with reasons',
    mk('INVESTIGATED', investigated),
    opinion(false),
    TOWN,
    params,
    'REJECTED',
  ],
  [
    '§6.5: publicity where the local rule requires it',
    mk('TOWN_REVIEWED', investigated),
    { type: 'START_PUBLICITY', at: D },
    TOWN,
    withPublicity,
    'PUBLICIZING',
  ],
  [
    'S3 Art.48, S7 §二(二): township approves within its limit',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 1000 },
    TOWN,
    params,
    'APPROVED',
  ],
  [
    'S7 §二(二): the county approves above the township limit',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 5000 },
    COUNTY,
    params,
    'APPROVED',
  ],
  [
    'S7 §二(三), S4 #15: 一事一议 above the general cap',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 20_000, meetingMinutes: '协调会纪要 2026-3' },
    COUNTY,
    params,
    'APPROVED',
  ],
  [
    'S1 Art.19, §2.1: approve after the 7-day publicity',
    mk('PUBLICIZING', { ...investigated, publicityFirstDayAfter: '2026-04-01' }),
    { type: 'APPROVE', at: D, amountFen: 800 },
    TOWN,
    withPublicity,
    'APPROVED',
  ],
  [
    'S7 §二(四): first stage',
    mk('APPROVED', approved),
    { type: 'DISBURSE', at: D, amountFen: 1000 },
    TOWN,
    params,
    'DISBURSING',
  ],
  [
    'S7 §二(四): last stage pays the rest',
    mk('DISBURSING', { ...approved, disbursements: [{ on: D, amountFen: 1000 }] }),
    { type: 'DISBURSE', at: D, amountFen: 2000 },
    COUNTY,
    params,
    'PAID',
  ],
  ['§6.5: closed after payment', mk('PAID', approved), { type: 'CLOSE', at: D }, TOWN, params, 'CLOSED'],
  // refusals
  ['§6.5: closed is final', mk('CLOSED'), { type: 'CLOSE', at: D }, TOWN, params, { refused: 'CASE_CLOSED' }],
  [
    '§6.5: rejected is final',
    mk('REJECTED'),
    { type: 'ACCEPT', at: D },
    TOWN,
    params,
    { refused: 'CASE_CLOSED' },
  ],
  [
    '§6.3: no approval before the township opinion',
    mk('INVESTIGATED', investigated),
    { type: 'APPROVE', at: D, amountFen: 100 },
    COUNTY,
    params,
    { refused: 'INVALID_TRANSITION' },
  ],
  [
    '§2.3: the village does not accept',
    mk('APPLIED'),
    { type: 'ACCEPT', at: D },
    VILLAGE,
    params,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§2.5: dates never go backwards',
    mk('APPLIED'),
    { type: 'ACCEPT', at: '2026-03-01' },
    TOWN,
    params,
    { refused: 'DATE_BEFORE_PREVIOUS' },
  ],
  [
    'S1 Art.16: one investigator is not enough',
    mk('ACCEPTED'),
    investigate({}, ['甲']),
    TOWN,
    params,
    { refused: 'TOO_FEW_INVESTIGATORS' },
  ],
  [
    'S7 §二(一): the rigid spending is recorded',
    mk('ACCEPTED'),
    investigate({ rigidSpendingFen: 0 }),
    TOWN,
    params,
    { refused: 'INVESTIGATION_INCOMPLETE' },
  ],
  [
    'S7 §二(一): income below the previous-year per-capita income',
    mk('INVESTIGATED', { investigation: { ...inv, perCapitaIncomeFen: 2500 } }),
    opinion(true),
    TOWN,
    params,
    { refused: 'NOT_ELIGIBLE' },
  ],
  [
    'S7 §二(一): property meets the local rule',
    mk('INVESTIGATED', { investigation: { ...inv, propertyMeetsLocalRule: false } }),
    opinion(true),
    TOWN,
    params,
    { refused: 'NOT_ELIGIBLE' },
  ],
  [
    'S3 Art.48: a rejection gives reasons',
    mk('INVESTIGATED', investigated),
    opinion(false, 0, ''),
    TOWN,
    params,
    { refused: 'REASONS_REQUIRED' },
  ],
  [
    '§6.4: a proposed amount is required',
    mk('INVESTIGATED', investigated),
    opinion(true, 0),
    TOWN,
    params,
    { refused: 'AMOUNT_REQUIRED' },
  ],
  [
    '§6.5: no publicity unless the local rule requires it',
    mk('TOWN_REVIEWED', investigated),
    { type: 'START_PUBLICITY', at: D },
    TOWN,
    params,
    { refused: 'PUBLICITY_NOT_REQUIRED' },
  ],
  [
    '§6.5: the local rule requires publicity first',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 800 },
    TOWN,
    withPublicity,
    { refused: 'PUBLICITY_REQUIRED' },
  ],
  [
    'S1 Art.19, §2.1: not during the publicity',
    mk('PUBLICIZING', { ...investigated, publicityFirstDayAfter: '2026-04-02' }),
    { type: 'APPROVE', at: D, amountFen: 800 },
    TOWN,
    withPublicity,
    { refused: 'PUBLICITY_RUNNING' },
  ],
  [
    'S3 Art.48, S7 §二(二): township above its limit',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 1001 },
    TOWN,
    params,
    { refused: 'OVER_TOWNSHIP_LIMIT' },
  ],
  [
    'S7 §二(三): above the cap without 一事一议',
    mk('TOWN_REVIEWED', investigated),
    { type: 'APPROVE', at: D, amountFen: 5001 },
    COUNTY,
    params,
    { refused: 'MAJOR_CASE_REVIEW_REQUIRED' },
  ],
  [
    'S7 §二(四): stages never exceed the approval',
    mk('DISBURSING', { ...approved, disbursements: [{ on: D, amountFen: 2500 }] }),
    { type: 'DISBURSE', at: D, amountFen: 501 },
    TOWN,
    params,
    { refused: 'OVER_APPROVED_AMOUNT' },
  ],
  [
    '§6.4: a stage has a positive amount',
    mk('APPROVED', approved),
    { type: 'DISBURSE', at: D, amountFen: 0 },
    TOWN,
    params,
    { refused: 'AMOUNT_REQUIRED' },
  ],
  [
    '§6.5: not closed before full payment',
    mk('DISBURSING', approved),
    { type: 'CLOSE', at: D },
    TOWN,
    params,
    { refused: 'INVALID_TRANSITION' },
  ],
];

describe('expenditure temporary assistance transitions (table)', () => {
  it.each(rows)('%s', (_why, c, e, actor, p, expected) => {
    const out = transition(c, e, actor, p);
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

  it.each([
    ['S3 Art.48: township within its limit', TOWN, 900, undefined, 'TOWNSHIP'],
    ['S7 §二(二): county above the township limit', COUNTY, 4000, undefined, 'COUNTY'],
    ['S7 §二(三): 一事一议', COUNTY, 9000, '纪要', 'COORDINATION_MEETING'],
  ] as const)('%s → approvedBy', (_why, actor, amountFen, meetingMinutes, by) => {
    const out = transition(
      mk('TOWN_REVIEWED', investigated),
      { type: 'APPROVE', at: D, amountFen, ...(meetingMinutes ? { meetingMinutes } : {}) },
      actor,
      params,
    );
    expect(out.ok && out.next.approvedBy).toBe(by);
  });

  it('§2.1: publicity is 7 calendar days from the day after posting', () => {
    const out = transition(
      mk('TOWN_REVIEWED', investigated),
      { type: 'START_PUBLICITY', at: D },
      TOWN,
      withPublicity,
    );
    expect(out.ok && out.next.publicityFirstDayAfter).toBe('2026-04-09');
  });
});

describe('expenditure flow invariants (property)', () => {
  it('S7 §二(四): the sum of staged disbursements never exceeds the approval', () => {
    // Weighted towards the happy path so that runs reach approval and payment.
    const actorArb = fc.constantFrom(VILLAGE, TOWN, TOWN, COUNTY, COUNTY);
    const amount = fc.integer({ min: 0, max: 8000 });
    const mostly = fc.constantFrom(true, true, true, true, false);
    const eventArb = fc.oneof(
      fc.record({ type: fc.constant('ACCEPT' as const) }),
      fc.record({
        type: fc.constant('INVESTIGATE' as const),
        investigators: fc.constantFrom(['a'], ['a', 'b']),
        perCapitaIncomeFen: fc.integer({ min: 0, max: 3000 }),
        propertyMeetsLocalRule: mostly,
        rigidSpendingFen: amount,
      }),
      fc.record({
        type: fc.constant('TOWN_OPINION' as const),
        recommend: mostly,
        proposedAmountFen: amount,
        reasons: fc.constantFrom('', 'r'),
      }),
      fc.record({ type: fc.constant('START_PUBLICITY' as const) }),
      fc.record({
        type: fc.constant('APPROVE' as const),
        amountFen: amount,
        meetingMinutes: fc.constantFrom('', 'm'),
      }),
      fc.record({ type: fc.constant('DISBURSE' as const), amountFen: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ type: fc.constant('CLOSE' as const) }),
    );
    let paid = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(eventArb, actorArb, fc.integer({ min: 0, max: 5 })), {
          minLength: 5,
          maxLength: 60,
          size: 'max',
        }),
        (publicity, steps) => {
          const p = { ...params, publicityRequired: publicity };
          let c = fresh;
          let day = Date.parse('2026-03-20T00:00:00Z');
          let effectSum = 0;
          for (const [ev, actor, gap] of steps) {
            day += gap * 86_400_000;
            const raw = { ...ev, at: new Date(day).toISOString().slice(0, 10) } as ExpenditureEvent;
            // A guided amount half of the time so that runs reach full payment.
            const e =
              raw.type === 'DISBURSE' && c.approvedAmountFen !== null && gap % 2 === 0
                ? { ...raw, amountFen: c.approvedAmountFen - disbursedFen(c) }
                : raw;
            const out = transition(c, e, actor, p);
            if (!out.ok) continue;
            for (const x of out.effects) if (x.type === 'DISBURSE') effectSum += x.amountFen;
            c = out.next;
            expect(effectSum).toBe(disbursedFen(c));
            if (c.disbursements.length > 0) {
              expect(c.approvedAmountFen).not.toBeNull();
              expect(disbursedFen(c)).toBeLessThanOrEqual(c.approvedAmountFen ?? 0);
            }
            if (c.state === 'PAID' || c.state === 'CLOSED') {
              paid += 1;
              expect(disbursedFen(c)).toBe(c.approvedAmountFen);
            }
            if (c.approvedBy === 'TOWNSHIP')
              expect(c.approvedAmountFen ?? 0).toBeLessThanOrEqual(p.townshipApprovalLimitFen);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(paid).toBeGreaterThan(0);
  });
});
