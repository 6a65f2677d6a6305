import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightsInput } from '../../../contracts/grassroots.ts';
import {
  competitionRanks,
  DEFAULT_WEIGHTS,
  metricScores,
  monthBounds,
  onTimePercent,
  rankAssessments,
  totalCenti,
  validateWeights,
} from './assessment.models.ts';

// §9.6 monthly 德能勤绩廉 assessment: ranking arithmetic (standard competition ranking, ties share a
// rank and the next rank skips), weights summing to 100 %, metric scores in whole percent.

describe('competition ranking (1224)', () => {
  it.each([
    [[90, 80, 70], [1, 2, 3], 'no ties'],
    [[90, 80, 80, 70], [1, 2, 2, 4], 'a tie for second: the next rank skips to 4'],
    [[80, 80, 80], [1, 1, 1], 'everyone equal shares first place'],
    [[70, 90, 90, 60, 70], [3, 1, 1, 5, 3], 'unsorted input, two ties'],
    [[5000], [1], 'a single assistant is first'],
    [[], [], 'nobody to rank'],
  ])('%j → %j (%s)', (totals, ranks) => {
    expect(competitionRanks(totals as number[])).toEqual(ranks);
  });

  it('ranks in the town and in the district separately; unscored assessments are unranked', () => {
    const r = rankAssessments([
      { key: 'a', townCode: 'T1', total: 8500 },
      { key: 'b', townCode: 'T1', total: 9000 },
      { key: 'c', townCode: 'T2', total: 9000 },
      { key: 'd', townCode: 'T2', total: null },
      { key: 'e', townCode: 'T2', total: 8000 },
    ]);
    expect(r).toEqual([
      { key: 'a', rankTown: 2, rankDistrict: 3 },
      { key: 'b', rankTown: 1, rankDistrict: 1 },
      { key: 'c', rankTown: 1, rankDistrict: 1 },
      { key: 'd', rankTown: null, rankDistrict: null },
      { key: 'e', rankTown: 2, rankDistrict: 4 },
    ]);
  });

  const totals = fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 60 });

  it('is a permutation-invariant function of the totals', () => {
    fc.assert(
      fc.property(
        totals.chain((t) =>
          fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length, maxLength: t.length })),
        ),
        ([t, shuffled]) => {
          const byTotal = (xs: number[]) => {
            const r = competitionRanks(xs);
            return new Map(xs.map((x, i) => [x, r[i]]));
          };
          expect(byTotal(shuffled)).toEqual(byTotal(t));
        },
      ),
    );
  });

  it('equal totals share a rank; ranks are 1-based, 1 + the number of strictly higher totals', () => {
    fc.assert(
      fc.property(totals, (t) => {
        const r = competitionRanks(t);
        t.forEach((x, i) => {
          expect(r[i]).toBe(1 + t.filter((y) => y > x).length);
          t.forEach((y, j) => {
            if (x === y) expect(r[i]).toBe(r[j]);
            if (x > y) expect(r[i]).toBeLessThan(r[j] as number);
          });
        });
        if (t.length > 0) expect(Math.min(...r)).toBe(1);
      }),
    );
  });

  it('the number of assistants at or above a rank is at least that rank (ranks skip after ties)', () => {
    fc.assert(
      fc.property(totals, (t) => {
        const r = competitionRanks(t);
        for (const k of r) expect(r.filter((x) => x <= k).length).toBeGreaterThanOrEqual(k);
      }),
    );
  });
});

describe('weights (must sum to 100 %)', () => {
  it('the built-in weights are valid', () => {
    expect(validateWeights(DEFAULT_WEIGHTS)).toEqual([]);
  });

  it.each([
    [{ ...DEFAULT_WEIGHTS, de: 11 }, 'weights', 'sums to 101 %'],
    [{ ...DEFAULT_WEIGHTS, de: 9 }, 'weights', 'sums to 99 %'],
    [{ ...DEFAULT_WEIGHTS, de: -5, neng: 30 }, 'weights.de', 'a negative weight'],
    [{ ...DEFAULT_WEIGHTS, qin: 7.5, ji: 7.5 }, 'weights.qin', 'fractions of a percent'],
  ])('%j is refused at %s (%s)', (w, field) => {
    expect(validateWeights(w).map((i) => i.field)).toContain(field);
  });

  it('the API schema refuses the same sums with a bilingual message', () => {
    const bad = weightsInput.safeParse({
      effectiveFrom: '2026-01',
      weights: { ...DEFAULT_WEIGHTS, lian: 0 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('合计应为 100%');
    expect(weightsInput.safeParse({ effectiveFrom: '2026-01', weights: DEFAULT_WEIGHTS }).success).toBe(true);
  });
});

describe('automatic metric scores and the total', () => {
  it.each([
    [0, 0, 100, 'nothing due: nothing late'],
    [3, 0, 100, 'all on time'],
    [2, 1, 67, '2 of 3 rounds half up to 67'],
    [1, 1, 50, 'half'],
    [1, 7, 13, '12.5 rounds up to 13'],
    [0, 4, 0, 'all late'],
  ])('%i on time, %i late → %i (%s)', (on, late, pct) => {
    expect(onTimePercent(on, late)).toBe(pct);
  });

  it('data-quality errors and substantiated complaints take points off, never below 0', () => {
    const m = metricScores({
      reviewsOnTime: 3,
      reviewsLate: 1,
      alertsOnTime: 0,
      alertsLate: 0,
      dqIntegrityAlerts: 2,
      dqCorrections: 1,
      complaints: 5,
    });
    expect(m).toEqual({ visits: 75, alerts: 100, quality: 70, complaints: 0 });
  });

  it('the total is Σ weight × score in hundredths of a point', () => {
    const scores = { de: 90, neng: 80, qin: 85, ji: 70, lian: 100 };
    const metrics = { visits: 75, alerts: 100, quality: 70, complaints: 0 };
    // 10·90 + 15·80 + 15·85 + 15·70 + 10·100 + 15·75 + 10·100 + 5·70 + 5·0 = 7 900 → 79.00 points
    expect(totalCenti(scores, metrics, DEFAULT_WEIGHTS)).toBe(7900);
    const full = { de: 100, neng: 100, qin: 100, ji: 100, lian: 100 };
    expect(
      totalCenti(full, { visits: 100, alerts: 100, quality: 100, complaints: 100 }, DEFAULT_WEIGHTS),
    ).toBe(10_000);
  });

  it('month bounds know the length of February', () => {
    expect(monthBounds('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });
});
