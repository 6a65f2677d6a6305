import { describe, expect, it } from 'vitest';
import type { StatsOverview, StatsTable } from '../../api/stats.ts';
import { cellText, columnGroups, drillTarget, fenToWan, kpiList, lastCompleteMonth } from './statsModel.ts';

const overview = (level: 'county' | 'town'): StatsOverview => ({
  year: 2026,
  from: '2026-01-01',
  asOf: '2026-06-15',
  scope: { level, code: level === 'county' ? '370971' : '370971001', name: 'x', path: [] },
  kpis: {
    dibaoHouseholds: 1709,
    dibaoPersons: 2720,
    dibaoUrbanHouseholds: 900,
    dibaoUrbanPersons: 1400,
    dibaoRuralHouseholds: 809,
    dibaoRuralPersons: 1320,
    tekunPersons: 936,
    newDibaoHouseholds: 165,
    newDibaoPersons: 291,
    newTekunPersons: 77,
    tempEvents: 692,
    tempAmountFen: 113_910_000,
    paidFen: { DIBAO: 1_536_730_000, TEKUN: 1_359_510_000, TEMPORARY: 0 },
    monitoredPersons: 3803,
    monitoredHouseholds: 2000,
    departments: 12,
    policies: 37,
  },
  units: [
    {
      code: level === 'county' ? '370971001' : '370971001201',
      name: 'u',
      dibaoHouseholds: 1,
      dibaoPersons: 2,
      tekunPersons: 0,
      tempEvents: 0,
      paidFen: 0,
    },
  ],
  months: [],
  aggregationSource: '',
});

describe('stats page model', () => {
  it('formats fen as 万元 like the press release', () => {
    expect(fenToWan(1_536_730_000)).toBe('1536.73');
    expect(fenToWan(0)).toBe('0.00');
  });
  it('lists the press-release figures', () => {
    const k = Object.fromEntries(kpiList(overview('county')).map((x) => [x.key, x.value]));
    expect(k).toMatchObject({
      dibao: '1709 / 2720',
      tekun: '936',
      temp: '692',
      tempAmount: '113.91',
      aggregation: '12 / 37',
    });
  });
  it('drills from the district to a town and from a town to a village', () => {
    expect(drillTarget(overview('county'), 0)).toEqual({ townCode: '370971001' });
    expect(drillTarget(overview('town'), 0)).toEqual({ townCode: '370971001', villageCode: '370971001201' });
    expect(drillTarget(overview('town'), 5)).toBeNull();
  });
  it('shows a column that cannot be derived yet as —', () => {
    expect(cellText(null)).toBe('—');
    expect(cellText(3)).toBe('3');
    expect(cellText(3.5)).toBe('3.50');
  });
  it('groups adjacent columns under their heading', () => {
    const table = {
      key: 'A',
      title: 't',
      titleEn: 't',
      rows: [],
      total: {},
      columns: [
        { key: 'a', label: '户数', labelEn: 'h', group: '基本情况', unit: '户', sum: true },
        { key: 'b', label: '人数', labelEn: 'p', group: '基本情况', unit: '人', sum: true },
        { key: 'c', label: '转介', labelEn: 'r', group: null, unit: '人次', sum: true },
      ],
    } satisfies StatsTable;
    expect(columnGroups(table, 'zh')).toEqual([
      {
        title: '基本情况',
        columns: [
          { key: 'a', title: '户数（户）' },
          { key: 'b', title: '人数（人）' },
        ],
      },
      { title: '转介（人次）', columns: [{ key: 'c', title: '转介（人次）' }] },
    ]);
  });
  it('opens the reports on the last complete month', () => {
    expect(lastCompleteMonth('2026-01-10')).toBe('2025-12');
    expect(lastCompleteMonth('2026-06-15')).toBe('2026-05');
  });
});
