import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './breakdown.ts';
import {
  householdIncome,
  type IncomeKind,
  type IncomeRecord,
  lookbackWindow,
  perCapitaAnnualBelow,
  perCapitaBelow,
} from './income.ts';
import { DEFAULTS_2026 } from './parameters.ts';

const P = DEFAULTS_2026;
const ACCEPTED = '2026-03-15'; // window 2025-03 … 2026-02
const WINDOW = Array.from({ length: 12 }, (_, i) => addMonths('2025-03', i));
const y = (yuan: number): number => yuan * 100;

/** The same monthly amount in every month of the window. */
const monthly = (memberId: string, kind: IncomeKind, yuan: number): IncomeRecord[] =>
  WINDOW.map((month) => ({ memberId, month, kind, amountFen: y(yuan) }));

const run = (memberIds: string[], records: IncomeRecord[]) =>
  householdIncome({ acceptanceDate: ACCEPTED, memberIds, records, params: P });

describe('lookbackWindow (§15: the 12 full months before acceptance)', () => {
  it.each([
    ['mid-month acceptance', '2026-03-15', 12, '2025-03', '2026-02', '§15'],
    ['acceptance in January crosses the year', '2026-01-01', 12, '2025-01', '2025-12', '§15'],
    ['a 6-month look-back', '2026-07-31', 6, '2026-01', '2026-06', '§13 income_lookback_months'],
  ])('%s', (_name, date, months, from, to, _rule) => {
    expect(lookbackWindow(date, months)).toEqual({ from, to });
  });
});

describe('householdIncome (§3.5, S1 Art.13, §15)', () => {
  it.each<[string, string[], IncomeRecord[], number, number, string]>([
    [
      'wage 3000/month, 3 members: deduction capped at 600 → per capita 800',
      ['a', 'b', 'c'],
      monthly('a', 'wage', 3000),
      y(2400),
      y(800),
      'S1 Art.13(一); §15 employment cost cap 600 元',
    ],
    [
      'wage 1000/month: deduction 30 % = 300 → 700',
      ['a'],
      monthly('a', 'wage', 1000),
      y(700),
      y(700),
      '§15 employment cost 30 %',
    ],
    [
      'wage exactly 2000/month: 30 % equals the 600 cap → 1400',
      ['a'],
      monthly('a', 'wage', 2000),
      y(1400),
      y(1400),
      '§15 employment cost boundary',
    ],
    [
      'deduction is per employed member: two members at 1500 each deduct 450 each',
      ['a', 'b'],
      [...monthly('a', 'wage', 1500), ...monthly('b', 'wage', 1500)],
      y(2100),
      y(1050),
      '§15 per employed member',
    ],
    [
      'business income minus business costs',
      ['a', 'b'],
      [...monthly('a', 'business', 2000), ...monthly('a', 'business_cost', 500)],
      y(1500),
      y(750),
      'S1 Art.13(二)',
    ],
    [
      'transfer income minus transfer expenditure, plus property and other income',
      ['a'],
      [
        ...monthly('a', 'transfer_in', 600),
        ...monthly('a', 'transfer_out', 100),
        ...monthly('a', 'property', 50),
        ...monthly('a', 'other', 30),
      ],
      y(580),
      y(580),
      'S1 Art.13(三)(四)(五)',
    ],
    [
      'excluded kinds are not counted',
      ['a'],
      [
        ...monthly('a', 'preferential_care', 900),
        ...monthly('a', 'family_planning', 100),
        ...monthly('a', 'reward_subsidy', 100),
        ...monthly('a', 'social_assistance', 800),
        ...monthly('a', 'basic_pension_central', 150),
        ...monthly('a', 'locally_excluded', 10),
        ...monthly('a', 'exempted_support', 300),
        ...monthly('a', 'other', 200),
      ],
      y(200),
      y(200),
      'S1 Art.13 exclusions (一)–(四); S5 §一(一)',
    ],
    [
      'disability / illness rigid spending is deducted',
      ['a', 'b'],
      [...monthly('a', 'other', 1000), ...monthly('b', 'disability_illness_spending', 400)],
      y(600),
      y(300),
      'S1 Art.13 last ¶',
    ],
    [
      'deductions larger than income floor at 0',
      ['a'],
      [...monthly('a', 'other', 100), ...monthly('a', 'disability_illness_spending', 400)],
      0,
      0,
      '§3.8 (no negative income)',
    ],
    [
      'months outside the window (incl. the acceptance month) and non-members are ignored',
      ['a'],
      [
        { memberId: 'a', month: '2025-02', kind: 'other', amountFen: y(9999) },
        { memberId: 'a', month: '2026-03', kind: 'other', amountFen: y(9999) },
        { memberId: 'x', month: '2025-06', kind: 'other', amountFen: y(9999) },
        { memberId: 'a', month: '2025-03', kind: 'other', amountFen: y(1200) },
      ],
      y(100),
      y(100),
      '§15 look-back; S1 Art.7',
    ],
  ])('%s', (_name, members, records, householdMonthly, perCapita, _rule) => {
    const r = run(members, records);
    expect(r.householdMonthlyFen).toBe(householdMonthly);
    expect(r.perCapitaMonthlyFen).toBe(perCapita);
    expect(r.breakdown.every((l) => l.rule.length > 0)).toBe(true);
  });

  it.each<[string, 'dibao' | 'tekun', number, string]>([
    ['高龄津贴 counts as transfer income for 低保', 'dibao', y(300), 'S1 Art.13(四)'],
    ['高龄津贴 is not counted for 特困', 'tekun', 0, 'S2 Art.6 ¶2'],
  ])('%s', (_name, scheme, perCapita, _rule) => {
    const r = householdIncome({
      acceptanceDate: ACCEPTED,
      memberIds: ['a'],
      records: monthly('a', 'old_age_allowance', 300),
      params: P,
      scheme,
    });
    expect(r.perCapitaMonthlyFen).toBe(perCapita);
  });

  it('the employment-cost deduction uses the average monthly wage over the window (§15 "averaged per month")', () => {
    // 12 000 元 in a single month = 1000 元/month on average → 300 元/month deduction, not the 600 cap once.
    const lump = run(['a'], [{ memberId: 'a', month: '2025-08', kind: 'wage', amountFen: y(12000) }]);
    expect(lump.employmentCostFen).toBe(y(3600));
    expect(lump.perCapitaMonthlyFen).toBe(y(700));
  });

  it('keeps the per-capita figure exact (1000 fen over 12 months and 3 people)', () => {
    const r = run(['a', 'b', 'c'], [{ memberId: 'a', month: '2025-05', kind: 'other', amountFen: 1000 }]);
    expect(r.perCapitaMonthly).toEqual({ num: 1000, den: 36 });
    expect(r.perCapitaMonthlyFen).toBe(28);
  });

  it('itemises the employment-cost deduction with its article', () => {
    const r = run(['a'], monthly('a', 'wage', 3000));
    expect(r.employmentCostFen).toBe(y(7200));
    expect(r.breakdown).toContainEqual(
      expect.objectContaining({ code: 'income.deduct.employment_cost', amountFen: -y(7200) }),
    );
  });

  it.each<[string, () => unknown]>([
    [
      'a negative amount',
      () => run(['a'], [{ memberId: 'a', month: '2025-05', kind: 'other', amountFen: -1 }]),
    ],
    [
      'a fractional fen',
      () => run(['a'], [{ memberId: 'a', month: '2025-05', kind: 'other', amountFen: 0.5 }]),
    ],
    ['a bad month', () => run(['a'], [{ memberId: 'a', month: '2025-5', kind: 'other', amountFen: 1 }])],
    ['an empty household', () => run([], [])],
    ['a duplicated member', () => run(['a', 'a'], [])],
  ])('refuses %s', (_name, f) => {
    expect(f).toThrow(RangeError);
  });
});

describe('per-capita comparisons are exact', () => {
  const income = { perCapitaMonthly: { num: y(1000) * 36, den: 36 } }; // exactly 1000 元
  it.each([
    ['equal to the threshold is not below', y(1000), false, 'S3 Art.9 (strict <)'],
    ['one fen above', y(1000) + 1, true, 'S3 Art.9'],
    ['one fen under', y(1000) - 1, false, 'S3 Art.9'],
  ])('%s', (_name, threshold, below, _rule) => {
    expect(perCapitaBelow(income, threshold)).toBe(below);
  });
  it('applies a multiplier (1.5 × 800 = 1200 > 1000)', () => {
    expect(perCapitaBelow(income, y(800), { num: 3, den: 2 })).toBe(true);
    expect(perCapitaBelow(income, y(600), { num: 5, den: 3 })).toBe(false);
  });
  it('annualised comparison: 12 000 元/year equals 1000 元/month and is not below', () => {
    expect(perCapitaAnnualBelow(income, y(12000))).toBe(false);
    expect(perCapitaAnnualBelow(income, y(12000) + 1)).toBe(true);
  });
});

describe('property: how income is spread across the window does not change the monthly average', () => {
  const kinds: IncomeKind[] = ['wage', 'business', 'property', 'transfer_in', 'other', 'social_assistance'];
  /** Splits `total` into 12 non-negative parts using the cut points. */
  const split = (total: number, cuts: number[]): number[] => {
    const points = [0, ...cuts.map((c) => Math.floor(c * total)).sort((a, b) => a - b), total];
    return WINDOW.map((_, i) => points[i + 1]! - points[i]!);
  };
  const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 11, maxLength: 11 });
  it('holds for any split of each member-kind total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            member: fc.constantFrom('a', 'b', 'c'),
            kind: fc.constantFrom(...kinds),
            total: fc.integer({ min: 0, max: 10_000_000 }),
            cuts1: cutsArb,
            cuts2: cutsArb,
          }),
          { maxLength: 8 },
        ),
        (items) => {
          const layout = (which: 'cuts1' | 'cuts2'): IncomeRecord[] =>
            items.flatMap((it) =>
              split(it.total, it[which]).map((amountFen, i) => ({
                memberId: it.member,
                month: WINDOW[i]!,
                kind: it.kind,
                amountFen,
              })),
            );
          const a = run(['a', 'b', 'c'], layout('cuts1'));
          const b = run(['a', 'b', 'c'], layout('cuts2'));
          expect(a.perCapitaMonthly).toEqual(b.perCapitaMonthly);
          expect(a.householdMonthlyFen).toBe(b.householdMonthlyFen);
        },
      ),
    );
  });
});
