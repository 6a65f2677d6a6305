import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { householdIncome } from '../../rules/benefits/income.ts';
import { DEFAULTS_2026 } from '../../rules/benefits/parameters.ts';
import { applyParameters } from '../standards/parameters.models.ts';
import {
  type CharityReceipt,
  charityIncome,
  charityIncomeRule,
  monthlyCharityIncomes,
} from './charity-income.models.ts';

// §9.2: charity money is a supplement; donations are transfer income (S1 Art.13(四)) unless a local
// rule excludes them (Art.13 exclusion (四)) — the county parameter charity.countsAsIncome. The
// window is the means test's full months before the acceptance month (§15).

const receipts: CharityReceipt[] = [
  { id: 'in-window-cash', on: '2026-03-10', valueFen: 50_000, personId: null },
  { id: 'in-window-goods', on: '2026-10-31', valueFen: 20_000, personId: 'B' },
  { id: 'acceptance-month', on: '2026-11-02', valueFen: 9_000, personId: null },
  { id: 'before-window', on: '2025-10-31', valueFen: 7_000, personId: 'A' },
  { id: 'former-member', on: '2026-05-01', valueFen: 3_000, personId: 'X' },
];
const run = (countsAsIncome: boolean, months: number) =>
  charityIncome({
    acceptanceDate: '2026-11-15',
    months,
    countsAsIncome,
    receipts,
    memberIds: ['A', 'B'],
    householdMemberId: 'A',
  });

describe('which charity disbursements count as income', () => {
  it.each([
    [
      'rule on, 12 months (Nov 2025–Oct 2026): cash and goods in the window count',
      true,
      12,
      70_000,
      0,
      ['in-window-cash', 'in-window-goods'],
    ],
    [
      'rule off (local exclusion): nothing counts, the window’s items are shown as excluded',
      false,
      12,
      0,
      70_000,
      [],
    ],
    ['rule on, 3 months (Aug–Oct 2026): only October’s goods', true, 3, 20_000, 0, ['in-window-goods']],
    [
      'rule on, 13 months reaches October 2025',
      true,
      13,
      77_000,
      0,
      ['in-window-cash', 'in-window-goods', 'before-window'],
    ],
  ])('%s', (_name, on, months, counted, excluded, ids) => {
    const r = run(on, months);
    expect(r.countedFen).toBe(counted);
    expect(r.excludedFen).toBe(excluded);
    expect(r.items.filter((i) => i.counted).map((i) => i.id)).toEqual(ids);
    expect(r.rule).toContain(on ? 'S1 Art.13(四)' : 'exclusion (四)');
  });

  it('the acceptance month itself and a former member’s receipt are never in the window', () => {
    const r = run(true, 12);
    expect(r.items.find((i) => i.id === 'acceptance-month')?.inWindow).toBe(false);
    expect(r.items.find((i) => i.id === 'former-member')?.inWindow).toBe(false);
  });

  it('its records feed the means test: counted as transfer income, or shown as locally excluded', () => {
    const on = run(true, 12);
    expect(on.records).toEqual([
      { memberId: 'A', month: '2026-03', kind: 'transfer_in', amountFen: 50_000 },
      { memberId: 'B', month: '2026-10', kind: 'transfer_in', amountFen: 20_000 },
    ]);
    const income = householdIncome({
      acceptanceDate: '2026-11-15',
      memberIds: ['A', 'B'],
      records: on.records,
      params: DEFAULTS_2026,
    });
    expect(income.netFen).toBe(70_000);
    const off = run(false, 12);
    expect(off.records.map((r) => r.kind)).toEqual(['locally_excluded', 'locally_excluded']);
    expect(
      householdIncome({
        acceptanceDate: '2026-11-15',
        memberIds: ['A', 'B'],
        records: off.records,
        params: DEFAULTS_2026,
      }).netFen,
    ).toBe(0);
  });

  it('reads the rule from the county parameters: shipped default counts (S1 Art.13(四)); 0 excludes', () => {
    expect(charityIncomeRule(DEFAULTS_2026)).toEqual({ countsAsIncome: true, months: 12 });
    const local = applyParameters(
      DEFAULTS_2026,
      new Map<string, number | string>([['charity.countsAsIncome', 0]]),
    );
    expect(charityIncomeRule(local).countsAsIncome).toBe(false);
  });
});

describe('charity income as the starting facts of an application (monthly, per member)', () => {
  // In window: 50,000 to the household (booked to the head A) and 20,000 to B.
  it.each([
    [
      true,
      12,
      {
        A: [{ kind: 'transfer_in', monthlyFen: 4_167 }], // 50,000 / 12 = 4,166.67 → 4,167
        B: [{ kind: 'transfer_in', monthlyFen: 1_667 }], // 20,000 / 12 = 1,666.67 → 1,667
      },
    ],
    [
      false,
      12,
      {
        A: [{ kind: 'locally_excluded', monthlyFen: 4_167 }],
        B: [{ kind: 'locally_excluded', monthlyFen: 1_667 }],
      },
    ],
    [true, 6, { B: [{ kind: 'transfer_in', monthlyFen: 3_333 }] }], // March is outside May–October
  ] as const)('counts as income %s over %i months → %j', (counts, months, expected) => {
    expect(Object.fromEntries(monthlyCharityIncomes(run(counts, months)))).toEqual(expected);
  });

  it('rounds half up to the fen, and never strays more than half a fen a month from the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (values, months) => {
          const income = charityIncome({
            acceptanceDate: '2026-11-15',
            months,
            countsAsIncome: true,
            receipts: values.map((valueFen, i) => ({
              id: `r${i}`,
              on: '2026-10-01',
              valueFen,
              personId: null,
            })),
            memberIds: ['A'],
            householdMemberId: 'A',
          });
          const total = values.reduce((a, b) => a + b, 0);
          const monthly = monthlyCharityIncomes(income).get('A')![0]!.monthlyFen;
          expect(Number.isInteger(monthly)).toBe(true);
          expect(Math.abs(monthly * months - total)).toBeLessThanOrEqual(months / 2);
          expect(monthly).toBe(Math.round(total / months));
        },
      ),
    );
  });
});
