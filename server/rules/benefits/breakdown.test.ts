import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  applyRatioFen,
  ceilToYuanFen,
  divRoundHalfUp,
  monthOf,
  ratio,
  roundHalfUpToYuanFen,
} from './breakdown.ts';

describe('exact rounding helpers (§15)', () => {
  it.each([
    ['half-up on a tie', 5, 2, 3, '§15 ROUND_HALF_UP'],
    ['below half rounds down', 4, 3, 1, '§15 ROUND_HALF_UP'],
    ['exact division', 9, 3, 3, '§15'],
    ['zero', 0, 7, 0, '§15'],
  ])('divRoundHalfUp: %s', (_name, num, den, want, _rule) => {
    expect(divRoundHalfUp(num, den)).toBe(want);
  });
  it.each([
    ['0.50 yuan rounds up to 1 yuan', 50, 1, 100, '§15 household amount half-up to the yuan'],
    ['0.49 yuan rounds down to 0', 49, 1, 0, '§15'],
    ['1234.50 yuan → 1235 yuan', 123450, 1, 123500, '§15'],
    ['fraction 1001/2 fen (5.005 yuan) → 5 yuan', 1001, 2, 500, '§15'],
  ])('roundHalfUpToYuanFen: %s', (_name, num, den, want, _rule) => {
    expect(roundHalfUpToYuanFen(num, den)).toBe(want);
  });
  it.each([
    ['1.3 × 950 yuan = 1235 yuan exactly', 95000 * 13, 10, 123500, '§15 特困 basic rounded up'],
    ['1.3 × 761 yuan = 989.3 → 990', 76100 * 13, 10, 99000, '§15 rounded up to the yuan'],
    ['0.01 yuan rounds up to 1 yuan', 1, 1, 100, '§15'],
  ])('ceilToYuanFen: %s', (_name, num, den, want, _rule) => {
    expect(ceilToYuanFen(num, den)).toBe(want);
  });
  it('applyRatioFen is within half a fen of the real product', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 100 }), (fen, pct) => {
        const got = applyRatioFen(fen, ratio(pct, 100));
        expect(Math.abs(got - (fen * pct) / 100)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
  it('rejects malformed ratios, months and dates', () => {
    expect(() => ratio(-1, 2)).toThrow(RangeError);
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
    expect(() => monthOf('2026-1-1')).toThrow(RangeError);
  });
  it('month arithmetic crosses year boundaries', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 6)).toBe('2026-06');
  });
});
