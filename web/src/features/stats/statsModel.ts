// Pure helpers of the statistics pages: money units, the KPI cards, the chart options and the table
// columns built from a report table (group headings over columns with their units).
import type { StatsOverview, StatsTable } from '../../api/stats.ts';
import type { Messages } from '../../i18n/zh-CN.ts';

/** fen → 万元 with two decimals ("1536.73"), the press release's unit. */
export function fenToWan(fen: number): string {
  return (Math.round(fen / 100) / 10_000).toFixed(2);
}

/** A table cell: '—' for a column that cannot be derived yet (null), numbers as they come. */
export function cellText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

export type Kpi = {
  key: keyof Messages['stats']['kpi'];
  value: string;
  unit: keyof Messages['stats']['unit'];
};

/** The press-release figures in their order (§12.2 E). `t` translates `stats.kpi.<key>`. */
export function kpiList(o: StatsOverview): Kpi[] {
  const k = o.kpis;
  return [
    { key: 'dibao', value: `${k.dibaoHouseholds} / ${k.dibaoPersons}`, unit: 'householdsPersons' },
    {
      key: 'dibaoUrban',
      value: `${k.dibaoUrbanHouseholds} / ${k.dibaoUrbanPersons}`,
      unit: 'householdsPersons',
    },
    {
      key: 'dibaoRural',
      value: `${k.dibaoRuralHouseholds} / ${k.dibaoRuralPersons}`,
      unit: 'householdsPersons',
    },
    { key: 'paidDibao', value: fenToWan(k.paidFen.DIBAO), unit: 'wan' },
    { key: 'tekun', value: String(k.tekunPersons), unit: 'persons' },
    { key: 'paidTekun', value: fenToWan(k.paidFen.TEKUN), unit: 'wan' },
    { key: 'newDibao', value: `${k.newDibaoHouseholds} / ${k.newDibaoPersons}`, unit: 'householdsPersons' },
    { key: 'newTekun', value: String(k.newTekunPersons), unit: 'persons' },
    { key: 'temp', value: String(k.tempEvents), unit: 'times' },
    { key: 'tempAmount', value: fenToWan(k.tempAmountFen), unit: 'wan' },
    { key: 'monitored', value: String(k.monitoredPersons), unit: 'persons' },
    { key: 'aggregation', value: `${k.departments} / ${k.policies}`, unit: 'deptPolicies' },
  ];
}

type Labels = { dibao: string; tekun: string; temp: string; paid: string };

/** Bar chart by town (or village): 低保 persons, 特困 persons, temporary-assistance events. */
export function unitsChart(o: StatsOverview, l: Labels) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, bottom: 64, top: 36 },
    xAxis: { type: 'category', data: o.units.map((u) => u.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: l.dibao, type: 'bar', data: o.units.map((u) => u.dibaoPersons) },
      { name: l.tekun, type: 'bar', data: o.units.map((u) => u.tekunPersons) },
      { name: l.temp, type: 'bar', data: o.units.map((u) => u.tempEvents) },
    ],
  };
}

/** Line chart by month: persons on the rolls at each month end, and the money paid (万元). */
export function monthsChart(o: StatsOverview, l: Labels) {
  const paid = o.months.map((m) => Number(fenToWan(m.paidFen.DIBAO + m.paidFen.TEKUN + m.tempAmountFen)));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, bottom: 32, top: 36 },
    xAxis: { type: 'category', data: o.months.map((m) => m.month) },
    yAxis: [{ type: 'value' }, { type: 'value', name: '万元' }],
    series: [
      { name: l.dibao, type: 'line', data: o.months.map((m) => m.dibaoPersons) },
      { name: l.tekun, type: 'line', data: o.months.map((m) => m.tekunPersons) },
      { name: l.paid, type: 'line', yAxisIndex: 1, data: paid },
    ],
  };
}

export type ColumnGroup = { title: string; columns: { key: string; title: string }[] };

/** Adjacent columns of the same group under one heading; a column without a group stands alone. */
export function columnGroups(table: StatsTable, lang: 'zh' | 'en'): ColumnGroup[] {
  const out: ColumnGroup[] = [];
  for (const c of table.columns) {
    const title = `${lang === 'en' ? c.labelEn : c.label}（${c.unit}）`;
    const last = out[out.length - 1];
    const g = c.group ?? title;
    if (last && c.group !== null && last.title === g) last.columns.push({ key: c.key, title });
    else out.push({ title: g, columns: [{ key: c.key, title }] });
  }
  return out;
}

/** The drill-down target of a clicked bar: the town (from the district) or the village (from a town). */
export function drillTarget(
  o: StatsOverview,
  index: number,
): { townCode?: string; villageCode?: string } | null {
  const u = o.units[index];
  if (!u) return null;
  if (o.scope.level === 'county') return { townCode: u.code };
  if (o.scope.level === 'town') return { townCode: o.scope.code, villageCode: u.code };
  return null;
}

/** The month before today's (the last complete month), as YYYY-MM, for the reports tab. */
export function lastCompleteMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
