import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { standardChange } from '../../../../contracts/standards.ts';
import type { StandardsView, StandardValue } from '../../api/standards.ts';
import {
  chartSeries,
  entryOn,
  monthStart,
  parseStandardYuan,
  resolveAdjustField,
  shippedDefault,
  standardRows,
  stepPoints,
  toStandardChanges,
  upcoming,
} from './standardsModel.ts';

let nextId = 1;
const value = (series: StandardValue['series'], amountFen: number, effectiveFrom: string): StandardValue => ({
  id: nextId++,
  series,
  amountFen,
  effectiveFrom,
  reason: '区民政发〔2025〕1号',
  createdByName: '管理员',
  createdAt: '2025-01-02T02:00:00.000Z',
});

const urban2025 = value('dibao.urban', 95000, '2025-01-01');
const urban2026 = value('dibao.urban', 100000, '2026-01-01');
const urbanFix = value('dibao.urban', 101000, '2026-01-01'); // a later entry of the same date wins
const urban2027 = value('dibao.urban', 105000, '2027-01-01');
const rural2026 = value('dibao.rural', 80000, '2026-01-01');

const view = (date: string, history: StandardValue[]): StandardsView => ({
  date,
  series: (['dibao.urban', 'dibao.rural', 'tekun_basic.urban', 'orphan.community'] as const).map((key) => {
    const h = history.filter((v) => v.series === key).reverse();
    return { key, current: entryOn(h, date)?.amountFen ?? null, history: h };
  }),
});

describe('parseStandardYuan', () => {
  it('reads yuan into integer fen', () => {
    expect(parseStandardYuan('1000')).toEqual({ ok: true, fen: 100000 });
    expect(parseStandardYuan('1,000.5')).toEqual({ ok: true, fen: 100050 });
    expect(parseStandardYuan(' 0.29 ')).toEqual({ ok: true, fen: 29 });
    expect(parseStandardYuan(800)).toEqual({ ok: true, fen: 80000 });
    expect(parseStandardYuan('100000')).toEqual({ ok: true, fen: 10_000_000 });
  });
  it('refuses more than two decimals, negatives, junk and out-of-range amounts', () => {
    expect(parseStandardYuan('1000.505')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseStandardYuan('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(parseStandardYuan('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseStandardYuan(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parseStandardYuan('1e3')).toEqual({ ok: false, reason: 'format' });
    expect(parseStandardYuan('12.')).toEqual({ ok: false, reason: 'format' });
    expect(parseStandardYuan('100000.01')).toEqual({ ok: false, reason: 'range' });
    expect(parseStandardYuan('12345678901')).toEqual({ ok: false, reason: 'range' });
  });
});

describe('the value in force', () => {
  const h = [urban2027, urbanFix, urban2026, urban2025];
  it('is the latest effective date on or before the date, the latest entry of that date', () => {
    expect(entryOn(h, '2026-06-15')?.amountFen).toBe(101000);
    expect(entryOn(h, '2025-12-31')?.amountFen).toBe(95000);
    expect(entryOn(h, '2024-12-31')).toBeNull();
  });
  it('lists announced values after the date, earliest first', () => {
    expect(upcoming(h, '2026-06-15').map((v) => v.amountFen)).toEqual([105000]);
  });
});

describe('stepPoints', () => {
  it('gives one point per effective date, oldest first, closed at the right edge', () => {
    expect(stepPoints([urbanFix, urban2026, urban2025], '2026-11-29')).toEqual([
      ['2025-01-01', 950],
      ['2026-01-01', 1010],
      ['2026-11-29', 1010],
    ]);
  });
  it('adds no closing point when the last value starts at the edge, none for an empty series', () => {
    expect(stepPoints([urban2026], '2026-01-01')).toEqual([['2026-01-01', 1000]]);
    expect(stepPoints([], '2026-01-01')).toEqual([]);
  });
});

describe('chartSeries', () => {
  const v = view('2026-11-29', [urban2025, urban2026, urbanFix, urban2027, rural2026]);
  it('draws the picked series to a common edge: the latest announced date beyond today', () => {
    const s = chartSeries(v, ['dibao.urban', 'dibao.rural'], 'zh');
    expect(s.map((x) => x.name)).toEqual(['城市低保标准', '农村低保标准']);
    expect(s[0]?.points.at(-1)).toEqual(['2027-01-01', 1050]);
    expect(s[1]?.points).toEqual([
      ['2026-01-01', 800],
      ['2027-01-01', 800],
    ]);
  });
  it('leaves out series without values and keeps the picked order', () => {
    const s = chartSeries(v, ['dibao.rural', 'orphan.community'], 'en');
    expect(s.map((x) => x.key)).toEqual(['dibao.rural']);
    expect(s[0]?.points.at(-1)).toEqual(['2026-11-29', 800]);
  });
});

describe('standardRows', () => {
  it('orders rows by category and marks the first of each category', () => {
    const rows = standardRows(view('2026-11-29', [urban2026]));
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.def.category)).toEqual([1, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 9]);
    expect(rows.filter((r) => r.firstOfCategory)).toHaveLength(9);
    expect(rows[4]?.categorySize).toBe(3);
    expect(rows[0]?.inForce?.amountFen).toBe(100000);
    expect(rows[6]?.history).toEqual([]);
  });
});

describe('shippedDefault', () => {
  it('is the §15 value, with 特困 basic living following the county 低保 standard', () => {
    const v = view('2026-11-29', [value('dibao.urban', 110000, '2026-01-01')]);
    expect(shippedDefault('dibao.rural', v)).toEqual({ kind: 'amount', fen: 80000 });
    expect(shippedDefault('tekun_care.FULL_LOSS', v)).toEqual({ kind: 'amount', fen: 120000 });
    expect(shippedDefault('tekun_basic.urban', v)).toEqual({
      kind: 'followsDibao',
      fen: 143000,
      area: 'urban',
      multiplier: 1.3,
    });
    expect(shippedDefault('orphan.community', v)).toEqual({ kind: 'none' });
  });
});

describe('the adjustment form', () => {
  it('sends integer fen from the first of the month with the shared reason', () => {
    const changes = toStandardChanges({
      reason: ' 区民政发〔2026〕3号 ',
      changes: [
        { series: 'dibao.urban', amountYuan: '1050', month: dayjs('2027-01-17') },
        { series: 'dibao.rural', amountYuan: '840.5', month: dayjs('2027-01-01') },
      ],
    });
    expect(changes).toEqual([
      {
        series: 'dibao.urban',
        amountFen: 105000,
        effectiveFrom: '2027-01-01',
        reason: '区民政发〔2026〕3号',
      },
      { series: 'dibao.rural', amountFen: 84050, effectiveFrom: '2027-01-01', reason: '区民政发〔2026〕3号' },
    ]);
    for (const c of changes) expect(standardChange.safeParse(c).success).toBe(true);
    expect(monthStart(dayjs('2026-02-28'))).toBe('2026-02-01');
  });
  it('puts server field errors on the right row', () => {
    expect(resolveAdjustField(['changes', 1, 'effectiveFrom'])).toEqual(['changes', 1, 'month']);
    expect(resolveAdjustField(['changes', 0, 'amountFen'])).toEqual(['changes', 0, 'amountYuan']);
    expect(resolveAdjustField(['changes', 2, 'series'])).toEqual(['changes', 2, 'series']);
    expect(resolveAdjustField(['changes', 0, 'reason'])).toEqual(['reason']);
    expect(resolveAdjustField(['changes', 1, 'reason'])).toBe(false);
    expect(resolveAdjustField(['changes'])).toBeNull();
  });
});
