import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from './procedure.models.ts';
import {
  newUrgentCase,
  transition,
  type UrgentCase,
  type UrgentEvent,
  type UrgentParams,
  type UrgentState,
} from './temporary.models.ts';

const VILLAGE: Actor = { role: 'village_assistant', level: 'village' };
const TOWN: Actor = { role: 'town_officer', level: 'town' };
const COUNTY: Actor = { role: 'district_officer', level: 'county' };
const params: UrgentParams = { townshipApprovalLimitFen: 1000 };

const T0 = '2026-03-02T10:00:00+08:00';
const T1 = '2026-03-02T15:00:00+08:00';
const fresh = newUrgentCase({
  id: 'u1',
  township: '370902001',
  source: 'HOTLINE_12349',
  nonLocalHukou: true,
  reportedAt: T0,
});

function mk(state: UrgentState, patch: Partial<UrgentCase> = {}): UrgentCase {
  return { ...fresh, state, ...patch };
}
const approved = { approvedAmountFen: 800 };
const paid = { approvedAmountFen: 800, paidAmountFen: 800, paidAt: T0 };
const paperwork = { recipient: '张三', reason: '火灾', amountFen: 800, signatures: ['张三', '经办人'] };

type Row = [string, UrgentCase, UrgentEvent, Actor, UrgentState | { refused: string }];

const rows: Row[] = [
  [
    '§6.5, S7 §二(二): township approves first aid within the limit',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 800, assessment: '房屋失火' },
    TOWN,
    'FIRST_AID_APPROVED',
  ],
  [
    '§6.3, S3 Art.48: county approves above the township limit',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 5000, assessment: '重病' },
    COUNTY,
    'FIRST_AID_APPROVED',
  ],
  [
    '§6.5: paid from the reserve fund',
    mk('FIRST_AID_APPROVED', approved),
    { type: 'PAY_FIRST_AID', at: T1, amountFen: 800, method: 'CASH' },
    TOWN,
    'FIRST_AID_PAID',
  ],
  [
    'S7 §二(二), S4 #15: paperwork completed afterwards → REGULARIZED',
    mk('FIRST_AID_PAID', paid),
    { type: 'REGULARIZE', at: T1, ...paperwork },
    TOWN,
    'REGULARIZED',
  ],
  [
    'S7 §二(四): staged follow-up help',
    mk('REGULARIZED', paid),
    { type: 'FOLLOW_UP', at: T1, amountFen: 500 },
    TOWN,
    'STAGED_FOLLOWUP',
  ],
  [
    '§6.5: referral (低保)',
    mk('REGULARIZED', paid),
    { type: 'REFER', at: T1, to: 'DIBAO' },
    VILLAGE,
    'REFERRED',
  ],
  [
    '§6.5: referral after follow-up',
    mk('STAGED_FOLLOWUP', paid),
    { type: 'REFER', at: T1, to: 'CHARITY' },
    TOWN,
    'REFERRED',
  ],
  ['§6.5: close after referral', mk('REFERRED', paid), { type: 'CLOSE', at: T1 }, TOWN, 'CLOSED'],
  ['§6.5: close after follow-up', mk('STAGED_FOLLOWUP', paid), { type: 'CLOSE', at: T1 }, TOWN, 'CLOSED'],
  ['§6.5: further need is optional', mk('REGULARIZED', paid), { type: 'CLOSE', at: T1 }, COUNTY, 'CLOSED'],
  // refusals
  [
    '§6.5: cannot pay before approval',
    mk('REPORTED'),
    { type: 'PAY_FIRST_AID', at: T1, amountFen: 800, method: 'CASH' },
    TOWN,
    { refused: 'INVALID_TRANSITION' },
  ],
  [
    '§6.5: closed is final',
    mk('CLOSED'),
    { type: 'REFER', at: T1, to: 'DIBAO' },
    TOWN,
    { refused: 'CASE_CLOSED' },
  ],
  [
    '§2.3: village cannot approve',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 100, assessment: 'x' },
    VILLAGE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§6.3, S3 Art.48: township above its limit',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 1001, assessment: 'x' },
    TOWN,
    { refused: 'OVER_TOWNSHIP_LIMIT' },
  ],
  [
    '§6.3: an amount is required',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 0, assessment: 'x' },
    TOWN,
    { refused: 'AMOUNT_REQUIRED' },
  ],
  [
    '§6.5: assess before approving',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: T1, amountFen: 100, assessment: '' },
    TOWN,
    { refused: 'ASSESSMENT_REQUIRED' },
  ],
  [
    '§6.5: payment within the approved amount',
    mk('FIRST_AID_APPROVED', approved),
    { type: 'PAY_FIRST_AID', at: T1, amountFen: 900, method: 'TRANSFER' },
    TOWN,
    { refused: 'OVER_APPROVED_AMOUNT' },
  ],
  [
    'S7 §二(二): paperwork needs signatures',
    mk('FIRST_AID_PAID', paid),
    { type: 'REGULARIZE', at: T1, ...paperwork, signatures: [] },
    TOWN,
    { refused: 'PAPERWORK_INCOMPLETE' },
  ],
  [
    'S7 §二(二): recorded amount equals the amount paid',
    mk('FIRST_AID_PAID', paid),
    { type: 'REGULARIZE', at: T1, ...paperwork, amountFen: 700 },
    TOWN,
    { refused: 'AMOUNT_MISMATCH' },
  ],
  [
    'times must be ISO date-times',
    mk('REPORTED'),
    { type: 'CLOSE', at: '2026-03-02' },
    TOWN,
    { refused: 'INVALID_TIME' },
  ],
  [
    'events cannot go back in time',
    mk('REPORTED'),
    { type: 'APPROVE_FIRST_AID', at: '2026-03-02T09:00:00+08:00', amountFen: 100, assessment: 'x' },
    TOWN,
    { refused: 'DATE_BEFORE_PREVIOUS' },
  ],
];

describe('临时救助 urgent flow (§6.5)', () => {
  it.each(rows)('%s', (_label, state, event, actor, expected) => {
    const out = transition(state, event, actor, params);
    if (typeof expected === 'string') {
      expect(out.ok ? out.next.state : `${out.code}: ${out.en}`).toBe(expected);
    } else {
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.code).toBe(expected.refused);
        expect(out.zh.length).toBeGreaterThan(0);
        expect(out.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('§6.3: pay-by is report time + 24 h; a late payment is made but flagged', () => {
    expect(fresh.payBy).toBe('2026-03-03T02:00:00.000Z');
    const onTime = transition(
      mk('FIRST_AID_APPROVED', approved),
      { type: 'PAY_FIRST_AID', at: '2026-03-03T10:00:00+08:00', amountFen: 800, method: 'CASH' },
      TOWN,
      params,
    );
    expect(onTime.ok && onTime.next.paidLate).toBe(false);
    const late = transition(
      mk('FIRST_AID_APPROVED', approved),
      { type: 'PAY_FIRST_AID', at: '2026-03-03T10:00:01+08:00', amountFen: 800, method: 'CASH' },
      TOWN,
      params,
    );
    expect(late.ok && late.next.paidLate).toBe(true);
    expect(late.ok && late.effects.map((x) => x.type)).toEqual(['RESERVE_FUND_DRAW', 'FIRST_AID_SLA_MISSED']);
  });
});

describe('urgent flow invariants (property)', () => {
  it('never regularised or closed without approval and payment; payment never exceeds approval', () => {
    const actorArb = fc.constantFrom(VILLAGE, TOWN, COUNTY);
    const eventArb = fc.oneof(
      fc.record({
        type: fc.constant('APPROVE_FIRST_AID' as const),
        amountFen: fc.integer({ min: 0, max: 3000 }),
        assessment: fc.constantFrom('', 'x'),
      }),
      fc.record({
        type: fc.constant('PAY_FIRST_AID' as const),
        amountFen: fc.integer({ min: 0, max: 3000 }),
        method: fc.constantFrom('CASH' as const, 'GOODS' as const),
      }),
      fc.record({
        type: fc.constant('REGULARIZE' as const),
        recipient: fc.constantFrom('', 'a'),
        reason: fc.constant('r'),
        amountFen: fc.integer({ min: 0, max: 3000 }),
        signatures: fc.constantFrom([], ['s']),
      }),
      fc.record({ type: fc.constant('FOLLOW_UP' as const), amountFen: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({
        type: fc.constant('REFER' as const),
        to: fc.constantFrom('DIBAO' as const, 'MEDICAL' as const),
      }),
      fc.record({ type: fc.constant('CLOSE' as const) }),
    );
    let regularized = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(eventArb, actorArb, fc.integer({ min: 0, max: 20 })), {
          minLength: 5,
          maxLength: 40,
        }),
        (steps) => {
          let c = fresh;
          let ms = Date.parse(T0);
          let drawn = 0;
          const seen = new Set<UrgentState>([c.state]);
          for (const [ev, actor, hours] of steps) {
            ms += hours * 3_600_000;
            const e = { ...ev, at: new Date(ms).toISOString() } as UrgentEvent;
            // A guided amount half of the time so that runs get past payment.
            const g =
              e.type === 'REGULARIZE' && c.paidAmountFen !== null && hours % 2 === 0
                ? { ...e, amountFen: c.paidAmountFen }
                : e;
            const out = transition(c, g, actor, params);
            if (!out.ok) continue;
            for (const x of out.effects) if (x.type === 'RESERVE_FUND_DRAW') drawn += x.amountFen;
            c = out.next;
            seen.add(c.state);
            if (c.paidAmountFen !== null) {
              expect(c.approvedAmountFen).not.toBeNull();
              expect(c.paidAmountFen).toBeLessThanOrEqual(c.approvedAmountFen ?? 0);
              expect(drawn).toBe(c.paidAmountFen);
            }
            if (c.state === 'REGULARIZED' || c.state === 'CLOSED') {
              regularized += 1;
              expect(seen.has('FIRST_AID_APPROVED')).toBe(true);
              expect(seen.has('FIRST_AID_PAID')).toBe(true);
              expect(c.regularizedAt).not.toBeNull();
            }
          }
        },
      ),
      {
        numRuns: 400,
        // One hand-made run always goes the whole way, so the assertions below it are exercised
        // on every run of the suite, not only when the random walk happens to get there.
        examples: [
          [
            [
              [{ type: 'APPROVE_FIRST_AID', amountFen: 800, assessment: 'x' }, TOWN, 1],
              [{ type: 'PAY_FIRST_AID', amountFen: 800, method: 'CASH' }, TOWN, 2],
              [
                { type: 'REGULARIZE', recipient: 'a', reason: 'r', amountFen: 800, signatures: ['s'] },
                TOWN,
                2,
              ],
              [{ type: 'FOLLOW_UP', amountFen: 100 }, TOWN, 1],
              [{ type: 'FOLLOW_UP', amountFen: 100 }, TOWN, 1],
            ],
          ],
        ],
      },
    );
    expect(regularized).toBeGreaterThan(0);
  });
});
