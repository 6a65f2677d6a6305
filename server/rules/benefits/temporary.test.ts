import { describe, expect, it } from 'vitest';
import { DEFAULTS_2026 } from './parameters.ts';
import { assessTemporary, type PriorTemporaryEvent, type TemporaryInput } from './temporary.ts';
import { incomeOf, propertyFails, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026; // urban standard 1000 元; township limit 3000 元
const DATE = '2026-11-29';

const urgent = (
  size: number,
  requested: number,
  priorEvents: PriorTemporaryEvent[] = [],
): TemporaryInput => ({
  kind: 'urgent',
  date: DATE,
  cause: 'fire',
  householdSize: size,
  requestedFen: requested,
  priorEvents,
  params: P,
});
const expenditure = (
  size: number,
  requested: number,
  windowIncome = 0,
  propOk = true,
  priorEvents: PriorTemporaryEvent[] = [],
): TemporaryInput => ({
  kind: 'expenditure',
  date: DATE,
  cause: 'illness',
  householdSize: size,
  requestedFen: requested,
  priorEvents,
  area: 'urban',
  income: incomeOf(size, windowIncome),
  property: propOk ? propertyOk(size) : propertyFails(size),
  params: P,
});

describe('assessTemporary — caps and approval (§6.4; §15)', () => {
  it.each<[string, TemporaryInput, number, number, 'TOWNSHIP' | 'COUNTY', string | null, string]>([
    [
      'urgent, 3 people: cap 1 × 1000 × 3, request within',
      urgent(3, y(2500)),
      y(3000),
      y(2500),
      'TOWNSHIP',
      null,
      '§15',
    ],
    [
      'urgent request above the first-aid cap is capped',
      urgent(2, y(5000)),
      y(2000),
      y(2000),
      'TOWNSHIP',
      'FOLLOW_UP',
      '§15; S7 §二(四)',
    ],
    [
      'urgent, 4 people, 4000 元 exceeds the township limit',
      urgent(4, y(4000)),
      y(4000),
      y(4000),
      'COUNTY',
      null,
      'S3 Art.48; §15',
    ],
    [
      'expenditure, 2 people: cap 6 × 1000 × 2',
      expenditure(2, y(8000)),
      y(12000),
      y(8000),
      'COUNTY',
      null,
      '§15',
    ],
    [
      'exactly 3000 元 is within the township limit',
      expenditure(1, y(3000)),
      y(6000),
      y(3000),
      'TOWNSHIP',
      null,
      '§15 (≤ 3000)',
    ],
    [
      '3000.01 元 goes to the county',
      expenditure(1, y(3000) + 1),
      y(6000),
      y(3000) + 1,
      'COUNTY',
      null,
      '§15',
    ],
    [
      'exactly the general cap is not 一事一议',
      expenditure(1, y(6000)),
      y(6000),
      y(6000),
      'COUNTY',
      null,
      '§15',
    ],
    [
      'above the general cap: capped, the excess goes to 一事一议',
      expenditure(1, y(10000)),
      y(6000),
      y(6000),
      'COUNTY',
      'CASE_BY_CASE',
      'S4 #15; §15',
    ],
  ])('%s', (_name, input, cap, amount, approval, route, _rule) => {
    const r = assessTemporary(input);
    expect(r).toMatchObject({ eligible: true, capFen: cap, amountFen: amount, approval, excessRoute: route });
    if (r.eligible) expect(r.excessFen).toBe(input.requestedFen - amount);
  });
});

describe('assessTemporary — eligibility (§6.1; S7 §二(一); §6.4 events)', () => {
  it.each<[string, TemporaryInput, string[] | null, string]>([
    ['urgent needs no economic check', urgent(1, y(500)), null, 'S7 §二(二)'],
    [
      'expenditure: per capita EQUAL to the previous-year disposable income (48 000) fails',
      expenditure(2, y(1000), y(96000)),
      ['S7 §二(一) (strict <)'],
      'S7 §二(一) (strict <)',
    ],
    ['expenditure: one fen below passes', expenditure(2, y(1000), y(96000) - 1), null, 'S7 §二(一)'],
    [
      'expenditure: every failure listed (income, assets, vehicle)',
      expenditure(2, y(1000), y(200000), false),
      ['S7 §二(一) (strict <)', 'S7 §二(一); S1 Art.14; §15', 'S7 §二(一); S1 Art.14; §10.2'],
      'S7 §二(一)',
    ],
    [
      'one earlier event with another cause is allowed',
      urgent(1, y(500), [{ date: '2026-03-01', cause: 'illness' }]),
      null,
      '§6.4 (max 2 per 12 months)',
    ],
    [
      'a second event for the same cause within 12 months fails',
      urgent(1, y(500), [{ date: '2026-03-01', cause: 'fire' }]),
      ['§6.4; §13'],
      '§6.4 (same cause: 1)',
    ],
    [
      'two earlier events in 12 months: the limit of 2 is reached',
      urgent(1, y(500), [
        { date: '2026-03-01', cause: 'illness' },
        { date: '2026-06-01', cause: 'flood' },
      ]),
      ['§6.4; §13'],
      '§6.4',
    ],
    [
      'an event exactly one year earlier no longer counts',
      urgent(1, y(500), [{ date: '2025-11-29', cause: 'fire' }]),
      null,
      '§6.4 (12-month window)',
    ],
    [
      'an event one year minus a day earlier still counts',
      urgent(1, y(500), [{ date: '2025-11-30', cause: 'fire' }]),
      ['§6.4; §13'],
      '§6.4',
    ],
    ['nothing requested', urgent(1, 0), ['S3 Art.47'], 'S3 Art.47'],
  ])('%s', (_name, input, failures, _rule) => {
    const r = assessTemporary(input);
    if (failures === null) expect(r.eligible).toBe(true);
    else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });

  it('refuses malformed input', () => {
    expect(() => assessTemporary({ ...urgent(1, 1), date: '2026-02-30' })).toThrow(RangeError);
    expect(() => assessTemporary(urgent(0, 1))).toThrow(RangeError);
    expect(() => assessTemporary(urgent(1, -1))).toThrow(RangeError);
  });
});
