import type { StatsColumn, StatsTable, StatsTableRow } from '../../../contracts/stats.ts';

// Pure helpers of the statistics: periods, age bands, the employment mapping, money units and the
// table model (rows, derived totals) that the JSON, the xlsx and the print view all share.

/** 特困 age bands of the real reporting system (§12.2 B, [V2]): < 16, 16–60, 60–80, ≥ 80. */
export const TEKUN_AGE_BANDS = [16, 60, 80] as const;
/** 老年人 in report A (§12.2 A). */
export const ELDERLY_AGE = 60;
/** 未成年人 below this age (§12.2 A; S2 ageMinorLimit). */
export const ADULT_AGE = 18;

/** Index of the band an age falls in: 0 for < bands[0], …, bands.length for ≥ the last bound. */
export function ageBand(age: number, bands: readonly number[] = TEKUN_AGE_BANDS): number {
  let i = 0;
  while (i < bands.length && age >= bands[i]!) i += 1;
  return i;
}

/** Whole years between a birth date and a date, both 'YYYY-MM-DD'. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The registry keeps `employment_status` as free text (imports, the demo: 务工 / 务农 / 灵活就业);
 * these are the values that map to each column of report A. Anything else is not counted.
 */
export const EMPLOYMENT_VALUES = {
  employed: ['在职', '务工', '务农', '就业', '在岗', 'EMPLOYED'],
  flexible: ['灵活就业', 'FLEXIBLE'],
  registeredUnemployed: ['登记失业', 'REGISTERED_UNEMPLOYED'],
  unregisteredUnemployed: ['未登记失业', '失业', 'UNEMPLOYED'],
} as const;

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** The last day of a month given as 'YYYY-MM'. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month.slice(0, 7)}-${pad2(last)}`;
}

/** The month ends from January of `asOf`'s year through `asOf` (the last one is `asOf` itself). */
export function monthEndsOfYear(asOf: string): string[] {
  const out: string[] = [];
  const last = Number(asOf.slice(5, 7));
  for (let m = 1; m <= last; m += 1) {
    const end = monthEnd(`${asOf.slice(0, 4)}-${pad2(m)}`);
    out.push(end < asOf ? end : asOf);
  }
  return out;
}

/** The period of the overview: a year (to today at most) or an explicit as-of date. */
export function overviewPeriod(q: { year?: number; asOf?: string }, today: string) {
  if (q.asOf) return { year: Number(q.asOf.slice(0, 4)), from: `${q.asOf.slice(0, 4)}-01-01`, asOf: q.asOf };
  const year = q.year ?? Number(today.slice(0, 4));
  const end = `${year}-12-31`;
  return { year, from: `${year}-01-01`, asOf: end < today ? end : today };
}

/** fen → 万元, rounded to 0.01 万元 (the unit of the money columns). */
export const fenToWanYuan = (fen: number): number => Math.round(fen / 10_000) / 100;
/** fen → 元, rounded to the yuan (standards, average levels). */
export const fenToYuan = (fen: number): number => Math.round(fen / 100);
/** a ÷ b rounded to 2 decimals, or null when b is 0. */
export const ratio = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((a / b) * 100) / 100;

type ColumnSpec = [key: string, label: string, labelEn: string, unit: StatsColumn['unit'], sum?: boolean];

/** Columns of one heading group. */
export function group(name: string | null, specs: ColumnSpec[]): StatsColumn[] {
  return specs.map(([key, label, labelEn, unit, sum = true]) => ({
    key,
    label,
    labelEn,
    group: name,
    unit,
    sum,
  }));
}

/**
 * A table with its total row: summed columns are the sum of the rows (null stays null); the other
 * columns are derived from the summed ones by `derive` (e.g. the average level = paid ÷ persons).
 */
export function buildTable(
  meta: { key: string; title: string; titleEn: string },
  columns: StatsColumn[],
  rows: StatsTableRow[],
  derive: (total: Record<string, number | null>) => Record<string, number | null> = () => ({}),
): StatsTable {
  const total: Record<string, number | null> = {};
  for (const c of columns) {
    if (!c.sum) {
      total[c.key] = null;
      continue;
    }
    let s: number | null = null;
    for (const r of rows) {
      const v = r.values[c.key];
      if (v !== null && v !== undefined) s = Math.round(((s ?? 0) + v) * 100) / 100;
    }
    total[c.key] = rows.length === 0 ? 0 : s;
  }
  Object.assign(total, derive(total));
  return { ...meta, columns, rows, total };
}

/** Rows of cells for a sheet: two heading rows (group, column + unit), the data rows, the total. */
export function sheetModel(table: StatsTable, totalLabel = '合计') {
  const groups = ['单位', ...table.columns.map((c) => c.group ?? c.label)];
  const headings = ['单位', ...table.columns.map((c) => `${c.label}（${c.unit}）`)];
  const body = table.rows.map((r) => [r.name, ...table.columns.map((c) => r.values[c.key] ?? null)]);
  const total = [totalLabel, ...table.columns.map((c) => table.total[c.key] ?? null)];
  return { groups, headings, body, total };
}
