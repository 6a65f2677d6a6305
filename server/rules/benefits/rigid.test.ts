import { describe, expect, it } from 'vitest';
import { householdIncome } from './income.ts';
import { DEFAULTS_2026 } from './parameters.ts';
import { assessRigidSpending, type RigidInput } from './rigid.ts';
import { incomeOf, propertyFails, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026; // previous-year disposable income: urban 48 000 元/人·年
const none = { onDibao: false, onTekun: false, isDibaoEdge: false };
const spend = (
  amountFen: number,
  kind: RigidInput['spending'][number]['kind'] = 'medical',
  month = '2025-09',
) => [{ month, kind, amountFen }];

describe('assessRigidSpending — 刚性支出困难家庭 (§7.2; S8 Art.4; §15)', () => {
  // 3 people, 36 000 元 over 12 months = 1000 元/人·月 = 12 000 元/人·年 (< 48 000).
  it.each<[string, number, RigidInput['spending'], RigidInput['status'], boolean, string[] | null, string]>([
    [
      'rigid spending 18 000.01 > 0.5 × 36 000',
      y(36000),
      spend(y(18000) + 1),
      none,
      true,
      null,
      'S8 Art.4(四)',
    ],
    [
      'rigid spending EQUAL to 0.5 × income is not enough',
      y(36000),
      spend(y(18000)),
      none,
      true,
      ['S8 Art.4(四); §15 (strict >)'],
      'S8 Art.4(四) (strict >)',
    ],
    [
      'spending of several kinds adds up',
      y(36000),
      [...spend(y(10000), 'medical'), ...spend(y(5000), 'education'), ...spend(y(3001), 'basic_living')],
      none,
      true,
      null,
      'S8 Art.5',
    ],
    [
      'spending outside the 12 months is ignored',
      y(36000),
      [...spend(y(10000)), ...spend(y(10000), 'medical', '2026-03')],
      none,
      true,
      ['S8 Art.4(四); §15 (strict >)'],
      'S8 Art.4(四) (12 months before applying)',
    ],
    ['no income and some spending qualifies', 0, spend(1), none, true, null, 'S8 Art.4(四)'],
    [
      'no income and no spending does not',
      0,
      [],
      none,
      true,
      ['S8 Art.4(四); §15 (strict >)'],
      'S8 Art.4(四)',
    ],
    [
      'per capita EQUAL to the previous-year disposable income fails',
      y(144000),
      spend(y(100000)),
      none,
      true,
      ['S8 Art.4(二) (strict <)'],
      'S8 Art.4(二) (strict <)',
    ],
    [
      'already 低保边缘',
      y(36000),
      spend(y(20000)),
      { ...none, isDibaoEdge: true },
      true,
      ['S8 Art.4(一)'],
      'S8 Art.4(一)',
    ],
    [
      'every failure listed',
      y(200000),
      spend(y(1000)),
      { ...none, onTekun: true },
      false,
      [
        'S8 Art.4(一)',
        'S8 Art.4(二) (strict <)',
        'S1 Art.14; §15',
        'S1 Art.14; §10.2',
        'S8 Art.4(四); §15 (strict >)',
      ],
      'S8 Art.4',
    ],
  ])('%s', (_name, windowIncome, spending, status, propOk, failures, _rule) => {
    const r = assessRigidSpending({
      area: 'urban',
      income: incomeOf(3, windowIncome),
      property: propOk ? propertyOk(3) : propertyFails(3),
      status,
      spending,
      params: P,
    });
    if (failures === null) expect(r.eligible).toBe(true);
    else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });

  it('refuses an income window that is not 12 months (S8 Art.4(四))', () => {
    const params = { ...P, dibao: { ...P.dibao, incomeLookbackMonths: 6 } };
    const income = householdIncome({ acceptanceDate: '2026-03-01', memberIds: ['a'], records: [], params });
    expect(() =>
      assessRigidSpending({
        area: 'urban',
        income,
        property: propertyOk(1),
        status: none,
        spending: [],
        params: P,
      }),
    ).toThrow(RangeError);
  });
});
