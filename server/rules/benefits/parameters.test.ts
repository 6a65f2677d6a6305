import { describe, expect, it } from 'vitest';
import { DEFAULTS_2025, DEFAULTS_2026, dibaoStandardFen, parametersOn, tekunBasicFen } from './parameters.ts';

describe('§15 shipped defaults', () => {
  it.each([
    ['2025 urban 低保 standard 950 元', DEFAULTS_2025, 'urban', 95000, '§15 (2025-01-01)'],
    ['2025 rural 低保 standard 760 元', DEFAULTS_2025, 'rural', 76000, '§15 (2025-01-01)'],
    ['2026 urban 低保 standard 1000 元', DEFAULTS_2026, 'urban', 100000, '§15 (2026-01-01)'],
    ['2026 rural 低保 standard 800 元', DEFAULTS_2026, 'rural', 80000, '§15 (2026-01-01)'],
  ] as const)('%s', (_name, p, area, fen, _rule) => {
    expect(dibaoStandardFen(p, area)).toBe(fen);
  });

  it.each([
    ['2026 urban 特困 basic 1.3 × 1000 = 1300 元', DEFAULTS_2026, 'urban', 130000, '§15'],
    ['2026 rural 特困 basic 1.3 × 800 = 1040 元', DEFAULTS_2026, 'rural', 104000, '§15'],
    ['2025 urban 特困 basic 1.3 × 950 = 1235 元', DEFAULTS_2025, 'urban', 123500, '§15'],
    ['2025 rural 特困 basic 1.3 × 760 = 988 元', DEFAULTS_2025, 'rural', 98800, '§15'],
  ] as const)('%s', (_name, p, area, fen, _rule) => {
    expect(tekunBasicFen(p, area)).toBe(fen);
  });

  it('特困 basic is rounded UP to the yuan (1.3 × 761 元 = 989.3 → 990 元, §15)', () => {
    const p = {
      ...DEFAULTS_2026,
      dibao: { ...DEFAULTS_2026.dibao, standardFen: { urban: 76100, rural: 76100 } },
    };
    expect(tekunBasicFen(p, 'rural')).toBe(99000);
  });

  it('carries the §13/§15 scalar defaults', () => {
    const p = DEFAULTS_2026;
    expect(p.dibao.employmentCost).toEqual({ pct: { num: 3, den: 10 }, capFenPerMonth: 60000 });
    expect(p.dibao.incomeLookbackMonths).toBe(12);
    expect(p.dibao.financialAssetsMaxMonthsOfStandard).toBe(24);
    expect(p.dibao.gradualExitMaxMonths).toBe(6);
    expect(p.edge.multiplier).toEqual({ num: 3, den: 2 });
    expect(p.tekun.careFen).toEqual({ SELF_CARE: 20000, PARTIAL_LOSS: 60000, FULL_LOSS: 120000 });
    expect(p.temporary.townshipApprovalLimitFen).toBe(300000);
    expect(p.temporary.urgentFirstAidCapMonths).toBe(1);
    expect(p.temporary.generalCapMonths).toBe(6);
    expect(p.rigid.ratioThreshold).toEqual({ num: 1, den: 2 });
    expect(p.prevYearDisposableIncomeFenPerYear).toEqual({ urban: 4800000, rural: 2400000 });
  });
});

describe('parametersOn (effective-dated, §9.4)', () => {
  it.each([
    ['first day of 2025 set', '2025-01-01', '2025-01-01', '§15'],
    ['last day before the yearly adjustment', '2025-12-31', '2025-01-01', '§15'],
    ['the adjustment day itself', '2026-01-01', '2026-01-01', '§15'],
    ['later in 2026', '2026-11-29', '2026-01-01', '§15'],
  ])('%s', (_name, date, effectiveFrom, _rule) => {
    expect(parametersOn(date).effectiveFrom).toBe(effectiveFrom);
  });
  it('refuses a date before any parameter set', () => {
    expect(() => parametersOn('2024-12-31')).toThrow(RangeError);
  });
});
