import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageOn,
  buildTable,
  fenToWanYuan,
  group,
  monthEnd,
  monthEndsOfYear,
  overviewPeriod,
  ratio,
  sheetModel,
  TEKUN_AGE_BANDS,
} from './stats.models.ts';

describe('age bands of the 特困 report (§12.2 B: < 16, 16–60, 60–80, ≥ 80)', () => {
  it.each([
    [0, 0],
    [15, 0],
    [16, 1],
    [59, 1],
    [60, 2],
    [79, 2],
    [80, 3],
    [101, 3],
  ])('age %i falls in band %i', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
  it('the bounds are a named constant', () => {
    expect(TEKUN_AGE_BANDS).toEqual([16, 60, 80]);
  });
  it('counts whole years up to the period end (a birthday on the day counts)', () => {
    expect(ageOn('1966-03-31', '2026-03-31')).toBe(60);
    expect(ageOn('1966-04-01', '2026-03-31')).toBe(59);
  });
});

describe('periods', () => {
  it('ends a month on its last day, leap years included', () => {
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
  it('lists the month ends of the year up to the as-of date (the last is the date itself)', () => {
    expect(monthEndsOfYear('2026-03-15')).toEqual(['2026-01-31', '2026-02-28', '2026-03-15']);
  });
  it('reads a past year to its end and the current year to today', () => {
    expect(overviewPeriod({ year: 2025 }, '2026-06-15')).toEqual({
      year: 2025,
      from: '2025-01-01',
      asOf: '2025-12-31',
    });
    expect(overviewPeriod({}, '2026-06-15')).toEqual({ year: 2026, from: '2026-01-01', asOf: '2026-06-15' });
    expect(overviewPeriod({ asOf: '2026-02-28' }, '2026-06-15').asOf).toBe('2026-02-28');
  });
});

describe('money units', () => {
  it('shows fen in 万元 with two decimals (the press release: 1536.73 万元)', () => {
    expect(fenToWanYuan(1_536_730_000)).toBe(1536.73);
    expect(fenToWanYuan(4_999)).toBe(0);
    expect(fenToWanYuan(5_000)).toBe(0.01);
  });
  it('divides to two decimals, null when dividing by 0', () => {
    expect(ratio(10, 3)).toBe(3.33);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('the table model', () => {
  const columns = [
    ...group('基本情况', [
      ['households', '保障户数', 'households', '户'],
      ['persons', '保障人数', 'persons', '人'],
      ['ill', '重病', 'ill', '人'],
    ]),
    ...group('保障水平', [['avg', '当月人均补助水平', 'average', '元/人·月', false]]),
  ];
  const rows = [
    { code: 't1', name: '甲街道', values: { households: 2, persons: 5, ill: null, avg: 300 } },
    { code: 't2', name: '乙镇', values: { households: 1, persons: 1, ill: null, avg: 500 } },
  ];
  const table = buildTable({ key: 'A', title: '测试', titleEn: 'test' }, columns, rows, (t) => ({
    avg: ratio(2000, t.persons ?? 0),
  }));
  it('sums the summed columns, keeps null columns null, and derives the levels', () => {
    expect(table.total).toEqual({ households: 3, persons: 6, ill: null, avg: 333.33 });
  });
  it('lays a sheet out as group headings, headings with units, rows and the total', () => {
    const m = sheetModel(table);
    expect(m.groups).toEqual(['单位', '基本情况', '基本情况', '基本情况', '保障水平']);
    expect(m.headings).toEqual([
      '单位',
      '保障户数（户）',
      '保障人数（人）',
      '重病（人）',
      '当月人均补助水平（元/人·月）',
    ]);
    expect(m.body).toEqual([
      ['甲街道', 2, 5, null, 300],
      ['乙镇', 1, 1, null, 500],
    ]);
    expect(m.total).toEqual(['合计', 3, 6, null, 333.33]);
  });
});
