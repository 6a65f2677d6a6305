import { describe, expect, it } from 'vitest';
import { calibrateCare, calibrateGap } from './calibration.ts';

describe('calibrating the demo to the press release through the data', () => {
  it('moves gap amounts in whole yuan with the assessed income, to within 12 yuan of the target', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({
      amountFen: 50_000 + i * 100,
      months: i < 90 ? 12 : 5,
      netIncomeFen: 6_000_000,
      incomeMonths: 12,
    }));
    const target = 70_000_000;
    const out = calibrateGap(rows, 1_000_000, target);
    const total = 1_000_000 + out.reduce((s, r) => s + r.amountFen * r.months, 0);
    expect(Math.abs(total - target)).toBeLessThanOrEqual(1200);
    out.forEach((r, i) => {
      // the amount follows the income: +1 yuan a month = −12 yuan a year of net income
      expect((r.amountFen - rows[i]!.amountFen) * 12).toBe(rows[i]!.netIncomeFen - r.netIncomeFen);
      expect(r.netIncomeFen).toBeGreaterThanOrEqual(0);
    });
    expect(out.slice(90)).toEqual(rows.slice(90));
  });

  it('chooses care levels to within half a level step of the target', () => {
    const levels = Array.from({ length: 50 }, () => 'SELF_CARE' as const);
    const basic = levels.map(() => 99_000);
    const care = { SELF_CARE: 20_000, PARTIAL_LOSS: 60_000, FULL_LOSS: 120_000 };
    const target = 50 * 12 * 119_000 + 10 * 12 * 40_000 + 1_000;
    const out = calibrateCare(levels, basic, care, 0, target);
    const total = out.reduce((s, l) => s + 12 * (99_000 + care[l]), 0);
    expect(Math.abs(total - target)).toBeLessThanOrEqual((12 * 40_000) / 2);
    expect(out.filter((l) => l === 'PARTIAL_LOSS')).toHaveLength(10);
  });
});

describe('rural treatment for 特困 (S2 Art.19)', () => {
  it('moves urban people to rural treatment only until the year fits the target', async () => {
    const { calibrateTreatment } = await import('./calibration.ts');
    const basic = (a: 'urban' | 'rural') => (a === 'urban' ? 123_500 : 98_800);
    const care = { SELF_CARE: 20_000, PARTIAL_LOSS: 60_000, FULL_LOSS: 120_000 };
    const areas = Array.from({ length: 10 }, () => 'urban' as const);
    const levels = areas.map(() => 'SELF_CARE' as const);
    const target = 12 * (6 * 143_500 + 4 * 118_800);
    const out = calibrateTreatment(areas, levels, basic, care, 0, target);
    expect(out.filter((a) => a === 'rural')).toHaveLength(4);
  });
});
