// Pure helpers of the 救助标准 page: the series table grouped by category, the value in force on a
// date, the shipped default a calculator falls back to, the step-line points of the chart, and the
// adjustment form (yuan → integer fen, month → its first day, server field → form field).
import type { Dayjs } from 'dayjs';
import { STANDARD_SERIES, type StandardSeries } from '../../../../contracts/standards.ts';
import {
  type Area,
  type PolicyParameters,
  parametersOn,
  tekunBasicFen,
} from '../../../../server/rules/benefits/parameters.ts';
import type {
  StandardChange,
  StandardSeriesView,
  StandardsView,
  StandardValue,
} from '../../api/standards.ts';
import type { NamePath } from '../../lib/fieldPath.ts';

export type SeriesDef = (typeof STANDARD_SERIES)[number];

/** The chart shows the two 低保 standards until the user picks others. */
export const DEFAULT_CHART_SERIES: StandardSeries[] = ['dibao.urban', 'dibao.rural'];

/** The contract's upper bound of a standard, in fen. */
export const MAX_STANDARD_FEN = 10_000_000;

export const seriesDef = (key: StandardSeries): SeriesDef => STANDARD_SERIES.find((s) => s.key === key)!;

export const seriesName = (key: StandardSeries, lang: 'zh' | 'en'): string => {
  const d = seriesDef(key);
  return lang === 'en' ? d.en : d.zh;
};

/** History newest first: latest effective date, then the latest entry (highest id) of that date. */
export const newestFirst = (history: readonly StandardValue[]): StandardValue[] =>
  [...history].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? b.id - a.id : a.effectiveFrom < b.effectiveFrom ? 1 : -1,
  );

/** The entry in force on `date` (as the server picks it), or null when none has taken effect yet. */
export function entryOn(history: readonly StandardValue[], date: string): StandardValue | null {
  return newestFirst(history).find((h) => h.effectiveFrom <= date) ?? null;
}

/** Entries that take effect after `date` (announced adjustments), earliest first. */
export function upcoming(history: readonly StandardValue[], date: string): StandardValue[] {
  return newestFirst(history)
    .filter((h) => h.effectiveFrom > date)
    .reverse();
}

export type StandardRow = StandardSeriesView & {
  def: SeriesDef;
  /** The entry in force on the view's date. */
  inForce: StandardValue | null;
  /** The first row of its category (the table shows the category there). */
  firstOfCategory: boolean;
  /** How many rows the category has. */
  categorySize: number;
};

/** Table rows in the contract's order, sorted by category 1–9 and marked at each category's start. */
export function standardRows(view: StandardsView): StandardRow[] {
  const byKey = new Map(view.series.map((s) => [s.key, s]));
  const defs = [...STANDARD_SERIES].sort((a, b) => a.category - b.category);
  const sizes = new Map<number, number>();
  for (const d of defs) sizes.set(d.category, (sizes.get(d.category) ?? 0) + 1);
  let last = 0;
  return defs.map((def) => {
    const s = byKey.get(def.key) ?? { key: def.key, current: null, history: [] };
    const row: StandardRow = {
      ...s,
      def,
      inForce: entryOn(s.history, view.date),
      firstOfCategory: def.category !== last,
      categorySize: sizes.get(def.category) ?? 1,
    };
    last = def.category;
    return row;
  });
}

export type ShippedDefault =
  /** A fixed shipped value in fen. */
  | { kind: 'amount'; fen: number }
  /** 特困 basic living follows the 低保 standard of its area (multiplier, rounded up to the yuan). */
  | { kind: 'followsDibao'; fen: number; area: Area; multiplier: number }
  /** No shipped value: the calculators do not use this standard yet. */
  | { kind: 'none' };

function shippedOn(date: string): PolicyParameters | null {
  try {
    return parametersOn(date);
  } catch {
    return null;
  }
}

/**
 * What the calculators use for a series the county has not set: the shipped default (§15), except
 * 特困 basic living, which follows the 低保 standard in force (the county's own when it has set one).
 */
export function shippedDefault(key: StandardSeries, view: StandardsView): ShippedDefault {
  const p = shippedOn(view.date);
  if (!p) return { kind: 'none' };
  const [group, sub] = key.split('.') as [string, string | undefined];
  const current = (k: StandardSeries) => view.series.find((s) => s.key === k)?.current ?? null;
  if (group === 'dibao' && (sub === 'urban' || sub === 'rural')) {
    return { kind: 'amount', fen: p.dibao.standardFen[sub] };
  }
  if (group === 'tekun_basic' && (sub === 'urban' || sub === 'rural')) {
    const dibao = {
      urban: current('dibao.urban') ?? p.dibao.standardFen.urban,
      rural: current('dibao.rural') ?? p.dibao.standardFen.rural,
    };
    const params = { ...p, dibao: { ...p.dibao, standardFen: dibao } };
    const m = p.tekun.basicMultiplierOfDibao;
    return { kind: 'followsDibao', fen: tekunBasicFen(params, sub), area: sub, multiplier: m.num / m.den };
  }
  if (group === 'tekun_care' && (sub === 'SELF_CARE' || sub === 'PARTIAL_LOSS' || sub === 'FULL_LOSS')) {
    return { kind: 'amount', fen: p.tekun.careFen[sub] };
  }
  return { kind: 'none' };
}

/** A point of the step line: [effective date 'YYYY-MM-DD', yuan]. */
export type StepPoint = [string, number];

/**
 * The step points of one series: one point per effective date (the latest entry of a date wins, as
 * on the server), oldest first, and a closing point at `until` so the last value reaches the edge.
 */
export function stepPoints(history: readonly StandardValue[], until: string): StepPoint[] {
  const seen = new Set<string>();
  const points: StepPoint[] = [];
  for (const h of newestFirst(history)) {
    if (seen.has(h.effectiveFrom)) continue;
    seen.add(h.effectiveFrom);
    points.push([h.effectiveFrom, h.amountFen / 100]);
  }
  points.reverse();
  const last = points[points.length - 1];
  if (last && last[0] < until) points.push([until, last[1]]);
  return points;
}

export type ChartSeries = { key: StandardSeries; name: string; points: StepPoint[] };

/**
 * The chart's lines for the selected series, all drawn to a common right edge: the view's date or
 * the latest announced effective date, whichever is later. Series without any value are left out.
 */
export function chartSeries(
  view: StandardsView,
  keys: readonly StandardSeries[],
  lang: 'zh' | 'en',
): ChartSeries[] {
  const picked = view.series.filter((s) => keys.includes(s.key) && s.history.length > 0);
  let until = view.date;
  for (const s of picked) for (const h of s.history) if (h.effectiveFrom > until) until = h.effectiveFrom;
  return keys
    .map((k) => picked.find((s) => s.key === k))
    .filter((s): s is StandardSeriesView => s !== undefined)
    .map((s) => ({ key: s.key, name: seriesName(s.key, lang), points: stepPoints(s.history, until) }));
}

export type YuanParse =
  | { ok: true; fen: number }
  | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'negative' | 'range' };

/** A standard typed in yuan ("1,000.5", "800") → integer fen; more than two decimals is refused. */
export function parseStandardYuan(input: string | number | null | undefined): YuanParse {
  const s =
    input === null || input === undefined
      ? ''
      : String(input)
          .trim()
          .replace(/[,，\s]/g, '');
  if (!s) return { ok: false, reason: 'empty' };
  if (/^-\d/.test(s)) return { ok: false, reason: 'negative' };
  if (/^\d+\.\d{3,}$/.test(s)) return { ok: false, reason: 'decimals' };
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, reason: /^\d{10,}(\.\d*)?$/.test(s) ? 'range' : 'format' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_STANDARD_FEN) return { ok: false, reason: 'range' };
  return { ok: true, fen };
}

/** The month picked → the first day of that month, 'YYYY-MM-01'. */
export const monthStart = (d: Dayjs): string => d.startOf('month').format('YYYY-MM-DD');

export type AdjustRowValues = { series?: StandardSeries; amountYuan?: string; month?: Dayjs | null };
export type AdjustValues = { changes?: AdjustRowValues[]; reason?: string };

/** The request body of a validated adjustment form: one change per row, all with the shared reason. */
export function toStandardChanges(v: AdjustValues): StandardChange[] {
  const reason = (v.reason ?? '').trim();
  return (v.changes ?? []).map((r) => {
    const amount = parseStandardYuan(r.amountYuan);
    return {
      series: r.series as StandardSeries,
      amountFen: amount.ok ? amount.fen : Number.NaN,
      effectiveFrom: r.month ? monthStart(r.month) : '',
      reason,
    };
  });
}

const ROW_FIELD: Record<string, string> = {
  series: 'series',
  amountFen: 'amountYuan',
  effectiveFrom: 'month',
};

/**
 * Where a server field error of the adjustment goes: `changes.N.amountFen` → row N's amount,
 * `changes.N.effectiveFrom` → row N's month, `changes.N.reason` → the shared reason (once), anything
 * else above the form.
 */
export function resolveAdjustField(p: NamePath): NamePath | null | false {
  const [a, n, field] = p;
  if (a !== 'changes' || typeof n !== 'number' || typeof field !== 'string' || p.length !== 3) return null;
  if (field === 'reason') return n === 0 ? ['reason'] : false;
  const name = ROW_FIELD[field];
  return name ? ['changes', n, name] : null;
}
