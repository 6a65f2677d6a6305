import type { StatsNote, StatsTableRow } from '../../../contracts/stats.ts';
import type { RequestContext } from '../../platform/context.ts';
import { monthEnd } from './stats.models.ts';
import { type ResolvedScope, resolveScope, type StatsDeps } from './stats.usecases.ts';

// What every monthly report (§12.2 A–E) shares: the scope, the period's dates, the rows (one per
// town of the scope) and how a data row is matched to a report row.

export type ReportContext = {
  resolved: ResolvedScope;
  period: string;
  from: string;
  asOf: string;
  yearFrom: string;
  districtName: string;
  rows: { code: string; name: string }[];
};

export async function reportContext(
  deps: StatsDeps,
  ctx: RequestContext,
  q: { period: string; townCode?: string },
): Promise<ReportContext> {
  const resolved = await resolveScope(deps, ctx, { townCode: q.townCode });
  const county = resolved.scope.county;
  const districtName = resolved.units.find((u) => u.code === county)?.name ?? county;
  const rows =
    resolved.view.level === 'county'
      ? resolved.units.filter((u) => u.parent_code === county).map((u) => ({ code: u.code, name: u.name }))
      : [{ code: resolved.view.code, name: resolved.view.name }];
  return {
    resolved,
    period: q.period,
    from: `${q.period}-01`,
    asOf: monthEnd(q.period),
    yearFrom: `${q.period.slice(0, 4)}-01-01`,
    districtName,
    rows,
  };
}

/** A data row belongs to a report row by its town (the scope has already narrowed a village). */
export const inRow = (code: string) => (r: { town_code: string }) => r.town_code === code.slice(0, 9);

export const sumOf = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

export const row = (
  u: { code: string; name: string },
  values: Record<string, number | null>,
): StatsTableRow => ({
  code: u.code,
  name: u.name,
  values,
});

export const note = (column: string, zh: string, en: string): StatsNote => ({ column, zh, en });
