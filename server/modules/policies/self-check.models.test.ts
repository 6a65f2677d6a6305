import { describe, expect, it } from 'vitest';
import { benefitQuoteInput } from '../../../contracts/benefits.ts';
import { selfCheckInput } from '../../../contracts/policies.ts';
import { quoteBenefits } from '../benefits/benefits.usecases.ts';
import {
  guessRelations,
  quoteInputFor,
  schemeViews,
  selfCheckHousehold,
  yuanToFen,
} from './self-check.models.ts';

// The self-check's answers (§9.5) become the CEL context and the quote request; yuan become fen.

const answers = selfCheckInput.parse({
  area: 'rural',
  hasVehicle: true,
  financialAssetsYuan: 1234.56,
  rigidSpendingYuan: 5000,
  receiving: ['DIBAO_EDGE'],
  members: [
    { age: 50, monthlyIncomeYuan: 1200.5 },
    { age: 48, sex: 'F', selfCare: 'PARTIAL_LOSS' },
    { age: 20, inEducation: true },
    { age: 78, disabilityGrade: 1, selfCare: 'FULL_LOSS' },
  ],
});

describe('self-check models', () => {
  it('converts yuan to whole fen', () => {
    expect([yuanToFen(0), yuanToFen(1200.5), yuanToFen(0.1 + 0.2), yuanToFen(1234.56)]).toEqual([
      0, 120_050, 30, 123_456,
    ]);
  });

  it.each([
    [
      [40, 38, 12],
      ['head', 'spouse', 'child'],
    ],
    [
      [40, 66, 70],
      ['head', 'parent', 'parent'],
    ],
    [
      [70, 45, 8],
      ['head', 'child', 'grandchild'],
    ],
    [
      [10, 80],
      ['head', 'grandparent'],
    ],
    [
      [30, 32, 28],
      ['head', 'spouse', 'sibling'],
    ],
  ])(
    'guesses relations to member 1 from ages %j (support duties in the 特困 quote, S2 Art.8)',
    (ages, rel) => {
      expect(guessRelations(ages)).toEqual(rel);
    },
  );

  it('builds the CEL context: head first, figures in fen, schemes received apply to the household', () => {
    const h = selfCheckHousehold(answers, { dibaoStandardFen: 80_000, townCode: 't', villageCode: 'v' });
    expect(h).toMatchObject({
      size: 4,
      area: 'rural',
      monthlyIncomeFen: 120_050,
      perCapitaIncomeFen: 30_012,
      hasVehicle: true,
      activeSchemes: ['DIBAO_EDGE'],
      categories: ['DIBAO_EDGE'],
    });
    expect(h.members.map((m) => m.isHead)).toEqual([true, false, false, false]);
    expect(h.members[3]).toMatchObject({ disabilityGrade: 1, selfCare: 'FULL_LOSS' });
  });

  it('builds a valid quote request with the same facts', () => {
    const q = benefitQuoteInput.parse(quoteInputFor(answers, '2026-06-15'));
    expect(q.financialAssetsFen).toBe(123_456);
    expect(q.vehicles).toHaveLength(1);
    expect(q.rigidSpending).toEqual([{ kind: 'medical', totalFen: 500_000 }]);
    expect(q.status).toEqual({ onDibao: false, onTekun: false, isDibaoEdge: true });
    expect(q.members[3]?.disability).toEqual({ category: 4, grade: 1 });
    expect(Object.values(q.members[3]?.selfCare ?? {}).filter((x) => !x)).toHaveLength(6);
    expect(Object.values(q.members[1]?.selfCare ?? {}).filter((x) => !x)).toHaveLength(1);
  });

  it('a scheme already received is never "may apply"', () => {
    const quote = quoteBenefits(benefitQuoteInput.parse(quoteInputFor(answers, '2026-06-15')));
    const edge = schemeViews(quote, ['DIBAO_EDGE']).find((s) => s.scheme === 'DIBAO_EDGE');
    expect(edge).toMatchObject({ mayApply: false, monthlyAmountFen: null });
    expect(edge?.reasons[0]?.zh).toContain('已在享受');
  });
});
