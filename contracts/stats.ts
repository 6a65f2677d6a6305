import { z } from 'zod';

// Statistics (domain-rules §12): every figure is computed from the system's own records "as of" a
// date — decisions and stops from the case timeline, persons from the entitlement in force, money
// from approved payroll lines — never from today's stage of a case.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const STATS_REPORTS = ['A', 'B', 'C', 'D', 'E'] as const;
export type StatsReportCode = (typeof STATS_REPORTS)[number];

/**
 * The aggregation of the press release ("汇集12个部门37项政策", §9.3): there is no policy catalogue
 * in the data model yet, so the figures are a documented constant until it exists.
 */
export const AGGREGATION = { departments: 12, policies: 37, source: '泰安高新区新闻发布会（§9.3）' } as const;

export const statsOverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD')).optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/, bi('乡镇（街道）代码应为 9 位数字', 'a 9-digit town code'))
    .optional(),
  villageCode: z
    .string()
    .regex(/^\d{12}$/, bi('村（社区）代码应为 12 位数字', 'a 12-digit village code'))
    .optional(),
});
export type StatsOverviewQuery = z.infer<typeof statsOverviewQuery>;

export const statsReportQuery = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bi('统计月份格式应为 YYYY-MM', 'a month as YYYY-MM')),
  townCode: statsOverviewQuery.shape.townCode,
});

const paidByScheme = z.object({ DIBAO: z.number(), TEKUN: z.number(), TEMPORARY: z.number() });

export const statsKpis = z.object({
  dibaoHouseholds: z.number(),
  dibaoPersons: z.number(),
  dibaoUrbanHouseholds: z.number(),
  dibaoUrbanPersons: z.number(),
  dibaoRuralHouseholds: z.number(),
  dibaoRuralPersons: z.number(),
  tekunPersons: z.number(),
  newDibaoHouseholds: z.number(),
  newDibaoPersons: z.number(),
  newTekunPersons: z.number(),
  tempEvents: z.number(),
  tempAmountFen: z.number(),
  /** Net amounts of approved payroll lines, year to date, fen (0 while no run is approved). */
  paidFen: paidByScheme,
  monitoredPersons: z.number(),
  monitoredHouseholds: z.number(),
  departments: z.number(),
  policies: z.number(),
});
export type StatsKpis = z.infer<typeof statsKpis>;

export const statsUnitRow = z.object({
  code: z.string(),
  name: z.string(),
  dibaoHouseholds: z.number(),
  dibaoPersons: z.number(),
  tekunPersons: z.number(),
  tempEvents: z.number(),
  paidFen: z.number(),
});
export type StatsUnitRow = z.infer<typeof statsUnitRow>;

export const statsMonthRow = z.object({
  /** YYYY-MM */
  month: z.string(),
  dibaoPersons: z.number(),
  tekunPersons: z.number(),
  paidFen: paidByScheme,
  tempAmountFen: z.number(),
});
export type StatsMonthRow = z.infer<typeof statsMonthRow>;

export const statsScope = z.object({
  level: z.enum(['county', 'town', 'village']),
  code: z.string(),
  name: z.string(),
  /** From the district down to this scope, for the breadcrumb. */
  path: z.array(
    z.object({ level: z.enum(['county', 'town', 'village']), code: z.string(), name: z.string() }),
  ),
});
export type StatsScope = z.infer<typeof statsScope>;

export const statsOverview = z.object({
  year: z.number(),
  from: z.string(),
  asOf: z.string(),
  scope: statsScope,
  kpis: statsKpis,
  /** One row per town (district scope) or village (town scope); empty at village scope. */
  units: z.array(statsUnitRow),
  months: z.array(statsMonthRow),
  aggregationSource: z.string(),
});
export type StatsOverview = z.infer<typeof statsOverview>;

export const STATS_UNITS = [
  '户',
  '人',
  '人次',
  '户次',
  '万元',
  '元',
  '元/人·月',
  '元/人·年',
  '元/人次',
  '%',
] as const;

export const statsColumn = z.object({
  key: z.string(),
  /** The official Chinese heading. */
  label: z.string(),
  labelEn: z.string(),
  /** The heading group above the column (two-row headings), if any. */
  group: z.string().nullable(),
  unit: z.enum(STATS_UNITS),
  /** Summed in the total row; otherwise the total is derived (levels, averages, standards). */
  sum: z.boolean(),
});
export type StatsColumn = z.infer<typeof statsColumn>;

export const statsTableRow = z.object({
  code: z.string(),
  name: z.string(),
  values: z.record(z.string(), z.number().nullable()),
});
export type StatsTableRow = z.infer<typeof statsTableRow>;

export const statsTable = z.object({
  key: z.string(),
  title: z.string(),
  titleEn: z.string(),
  columns: z.array(statsColumn),
  rows: z.array(statsTableRow),
  total: z.record(z.string(), z.number().nullable()),
});
export type StatsTable = z.infer<typeof statsTable>;

export const statsNote = z.object({ column: z.string(), zh: z.string(), en: z.string() });
export type StatsNote = z.infer<typeof statsNote>;

export const statsReport = z.object({
  report: z.enum(STATS_REPORTS),
  title: z.string(),
  titleEn: z.string(),
  /** YYYY-MM */
  period: z.string(),
  from: z.string(),
  asOf: z.string(),
  districtName: z.string(),
  scope: statsScope,
  tables: z.array(statsTable),
  /** Columns that cannot be derived from the data model yet (output as null), and other caveats. */
  notes: z.array(statsNote),
});
export type StatsReport = z.infer<typeof statsReport>;
