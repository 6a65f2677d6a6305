import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Disability } from '../disability.ts';
import { assessDibao, assessDibaoSingle, assessGradualExit } from './dibao.ts';
import { DEFAULTS_2025, DEFAULTS_2026 } from './parameters.ts';
import { incomeOf, incomePerCapita, propertyFails, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026; // urban 1000, rural 800 元/人·月

describe('assessDibao — household, gap method (S3 Art.9, Art.12; S1 Art.23; §15)', () => {
  it.each<[string, 'urban' | 'rural', number, number, number | null, string]>([
    ['no income, 3 people: 3 × 1000', 'urban', 3, 0, y(3000), 'S3 Art.12; §15'],
    ['per capita 600, 3 people: (1000 − 600) × 3', 'urban', 3, y(600), y(1200), 'S3 Art.12'],
    ['rural standard 800, per capita 500, 2 people', 'rural', 2, y(500), y(600), 'S3 Art.10; §15'],
    ['income EQUAL to the standard is NOT eligible', 'urban', 3, y(1000), null, 'S3 Art.9 (strict <)'],
    ['income one fen above the standard is not eligible', 'urban', 1, y(1000) + 1, null, 'S3 Art.9'],
    [
      'one fen below the standard is eligible; 0.03 元 rounds to 0',
      'urban',
      3,
      y(1000) - 1,
      0,
      'S3 Art.9; §15',
    ],
    ['gap 1.50 元 rounds half-up to 2 元', 'urban', 3, y(999.5), y(2), '§15 ROUND_HALF_UP'],
    ['gap 1.47 元 rounds down to 1 元', 'urban', 3, y(999.51), y(1), '§15 ROUND_HALF_UP'],
  ])('%s', (_name, area, size, perCapita, amount, _rule) => {
    const r = assessDibao({
      area,
      income: incomePerCapita(size, perCapita),
      property: propertyOk(size),
      params: P,
    });
    if (amount === null) {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(['S3 Art.9 (strict <)']);
    } else {
      expect(r).toMatchObject({ eligible: true, amountFen: amount, method: 'GAP' });
    }
  });

  it('uses the 2025 standard under the 2025 parameters (950 × 2 − 0)', () => {
    const r = assessDibao({
      area: 'urban',
      income: incomeOf(2, 0, DEFAULTS_2025),
      property: propertyOk(2, DEFAULTS_2025),
      params: DEFAULTS_2025,
    });
    expect(r).toMatchObject({ eligible: true, amountFen: y(1900) });
  });

  it('lists every failed condition: income and each property failure (S3 Art.9; S1 Art.14)', () => {
    const r = assessDibao({
      area: 'urban',
      income: incomePerCapita(2, y(1500)),
      property: propertyFails(2),
      params: P,
    });
    expect(r.eligible).toBe(false);
    if (r.eligible) return;
    expect(r.failures.map((f) => f.rule)).toEqual([
      'S3 Art.9 (strict <)',
      'S1 Art.14; §15',
      'S1 Art.14; §10.2',
    ]);
  });

  it('the breakdown cites an article on every line and ends with the amount', () => {
    const r = assessDibao({
      area: 'urban',
      income: incomePerCapita(3, y(600)),
      property: propertyOk(3),
      params: P,
    });
    expect(r.breakdown.every((l) => l.rule.length > 0 && l.zh.length > 0 && l.en.length > 0)).toBe(true);
    expect(r.breakdown.at(-1)).toMatchObject({ code: 'dibao.amount', amountFen: y(1200), rule: '§15' });
  });

  const arb = fc.record({
    size: fc.integer({ min: 1, max: 8 }),
    windowFen: fc.integer({ min: 0, max: 20_000_000 }),
    extra: fc.integer({ min: 0, max: 5_000_000 }),
    area: fc.constantFrom<'urban' | 'rural'>('urban', 'rural'),
  });
  it('property: the amount is never negative and never above standard × size', () => {
    fc.assert(
      fc.property(arb, ({ size, windowFen, area }) => {
        const r = assessDibao({
          area,
          income: incomeOf(size, windowFen),
          property: propertyOk(size),
          params: P,
        });
        if (r.eligible) {
          expect(r.amountFen).toBeGreaterThanOrEqual(0);
          expect(r.amountFen).toBeLessThanOrEqual(P.dibao.standardFen[area] * size);
          expect(r.amountFen % 100).toBe(0);
        }
      }),
    );
  });
  it('property: more income never raises the gap amount', () => {
    fc.assert(
      fc.property(arb, ({ size, windowFen, extra, area }) => {
        const amount = (w: number) => {
          const r = assessDibao({ area, income: incomeOf(size, w), property: propertyOk(size), params: P });
          return r.eligible ? r.amountFen : 0;
        };
        expect(amount(windowFen + extra)).toBeLessThanOrEqual(amount(windowFen));
      }),
    );
  });
});

describe('assessDibaoSingle — 单人保 (S1 Art.8; §3.3; §15)', () => {
  const severe: Disability = { category: 4, grade: 2 };
  const grade3Mental: Disability = { category: 6, grade: 3 };
  const grade3Physical: Disability = { category: 4, grade: 3 };
  it.each<[string, Disability | null, boolean, number, string[] | null, string]>([
    [
      'severe (grade 2) disability in an edge household: full standard',
      severe,
      false,
      y(1200),
      null,
      'S1 Art.8(一); §15',
    ],
    ['grade-3 mental disability qualifies', grade3Mental, false, y(1200), null, 'S1 Art.8(一)'],
    ['serious illness qualifies', null, true, y(1400), null, 'S1 Art.8(二)'],
    [
      'grade-3 physical disability does not qualify',
      grade3Physical,
      false,
      y(1200),
      ['S1 Art.8(一)(二)'],
      'S1 Art.8(一)',
    ],
    [
      'per capita EQUAL to 1.5 × standard is not an edge household',
      severe,
      false,
      y(1500),
      ['S1 Art.8 last ¶; §15'],
      'S1 Art.8 last ¶ (strict <)',
    ],
    [
      'a household below the standard applies as a household instead',
      severe,
      false,
      y(900),
      ['S1 Art.8; S3 Art.9'],
      'S1 Art.8; S3 Art.9',
    ],
    [
      'all failures listed: category and income',
      null,
      false,
      y(2000),
      ['S1 Art.8(一)(二)', 'S1 Art.8 last ¶; §15'],
      'S1 Art.8',
    ],
  ])('%s', (_name, disability, seriousIllness, perCapita, failures, _rule) => {
    const r = assessDibaoSingle({
      area: 'urban',
      income: incomePerCapita(3, perCapita),
      property: propertyOk(3),
      params: P,
      person: { id: 'm2', disability, seriousIllness },
    });
    if (failures === null)
      expect(r).toMatchObject({ eligible: true, amountFen: y(1000), mode: 'FULL_STANDARD' });
    else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });

  it('property failures of the household are listed too (§4: property meets local rules)', () => {
    const r = assessDibaoSingle({
      area: 'urban',
      income: incomePerCapita(2, y(1200)),
      property: propertyFails(2),
      params: P,
      person: { id: 'm1', disability: severe, seriousIllness: false },
    });
    expect(r.eligible).toBe(false);
    if (!r.eligible) expect(r.failures).toHaveLength(2);
  });
});

describe('assessGradualExit — 渐退 (S1 Art.33; S5 §一(三); §15)', () => {
  const base = {
    area: 'urban' as const,
    dueToEmployment: true,
    lastAmountFen: y(1200),
    firstMonth: '2026-11',
    params: P,
  };
  it.each<[string, number, boolean, number, string[] | null, string]>([
    [
      'income rose to exactly the standard through work: 6 months',
      y(1000),
      true,
      y(1200),
      null,
      'S5 §一(三); §15',
    ],
    ['income rose above the standard through work', y(1300), true, y(1200), null, 'S1 Art.33'],
    [
      'income still below the standard: adjust instead',
      y(999),
      true,
      y(1200),
      ['S1 Art.33; S3 Art.9'],
      'S1 Art.33',
    ],
    ['rise not due to employment', y(1300), false, y(1200), ['S1 Art.33'], 'S1 Art.33'],
    [
      'nothing to continue, not employment: both listed',
      y(1300),
      false,
      0,
      ['S1 Art.33', 'S1 Art.33'],
      'S1 Art.33',
    ],
  ])('%s', (_name, perCapita, dueToEmployment, lastAmountFen, failures, _rule) => {
    const r = assessGradualExit({
      ...base,
      income: incomePerCapita(3, perCapita),
      dueToEmployment,
      lastAmountFen,
    });
    if (failures === null) {
      expect(r.eligible).toBe(true);
      if (!r.eligible) return;
      expect(r.schedule).toHaveLength(6);
      expect(r.schedule.every((s) => s.amountFen === lastAmountFen)).toBe(true);
      expect(r.schedule[0]?.month).toBe('2026-11');
      expect(r.lastMonth).toBe('2027-04');
    } else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });

  it('a bureau may set a shorter period (§13 gradual_exit_max_months)', () => {
    const params = { ...P, dibao: { ...P.dibao, gradualExitMaxMonths: 3 } };
    const r = assessGradualExit({ ...base, params, income: incomePerCapita(3, y(1100)) });
    expect(r.eligible && r.schedule.map((s) => s.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
