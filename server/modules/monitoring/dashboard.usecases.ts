import { sql } from 'kysely';
import type { z } from 'zod';
import { ALERT_STATES, type AlertState, type AlertType } from '../../../contracts/alerts.ts';
import type { DashboardView, PopulationView, populationQuery } from '../../../contracts/monitoring.ts';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { populationCounts } from './population.repository.ts';

// The monitoring dashboard (issue 6 part 6; §7.3 数字监督): alerts by type and state, the on-time
// rate (verified by the due date, see onTimeStatus in alerts.models.ts) overall and by month raised,
// and the monitored population (§7.1) by category and division — all within the caller's jurisdiction.

export type DashboardDeps = { db: Database; clock: Clock };

const rate = (on: number, late: number) =>
  on + late === 0 ? null : Math.round((on / (on + late)) * 1000) / 1000;

export async function monitoringDashboard(deps: DashboardDeps, ctx: RequestContext): Promise<DashboardView> {
  requirePermission(ctx.actor, 'monitoring.read');
  const today = shanghaiDateOf(deps.clock.now());
  const f = jurisdictionFilter(ctx.actor);
  const scope = sql`a.county_code = ${ctx.actor.countyCode} and ${sql.ref(`a.${f.column}`)} = ${f.value}`;
  // The SQL form of onTimeStatus (alerts.models.ts): verified by the due date, or overdue unverified.
  const status = sql`case when a.verified_on is not null then (case when a.verified_on <= a.due_on then 'ON_TIME' else 'LATE' end)
    when ${today}::date > a.due_on then 'LATE' else 'PENDING' end`;
  const [byType, byState, timely, byMonth, flags] = await Promise.all([
    sql<{ type: AlertType; open: number; total: number }>`
      select a.alert_type as type, (count(*) filter (where a.state <> 'CLOSED'))::int as open, count(*)::int as total
      from alert a where ${scope} group by a.alert_type order by total desc`.execute(deps.db),
    sql<{ state: AlertState; n: number }>`
      select a.state, count(*)::int as n from alert a where ${scope} group by a.state`.execute(deps.db),
    sql<{ status: string; n: number }>`
      select ${status} as status, count(*)::int as n from alert a where ${scope} group by 1`.execute(deps.db),
    sql<{ month: string; on_time: number; late: number }>`
      select to_char(a.raised_on, 'YYYY-MM') as month,
        (count(*) filter (where ${status} = 'ON_TIME'))::int as on_time,
        (count(*) filter (where ${status} = 'LATE'))::int as late
      from alert a where ${scope} and a.raised_on > ${today}::date - 366 group by 1 order by 1`.execute(
      deps.db,
    ),
    sql<{ overdue: number; escalated: number }>`
      select (count(*) filter (where a.verified_on is null and a.due_on < ${today}::date and a.state <> 'CLOSED'))::int as overdue,
        (count(*) filter (where a.escalated_on is not null))::int as escalated
      from alert a where ${scope}`.execute(deps.db),
  ]);
  const n = (s: string) => timely.rows.find((r) => r.status === s)?.n ?? 0;
  const states = new Map(byState.rows.map((r) => [r.state, r.n]));
  return {
    asOf: today,
    byType: byType.rows,
    byState: ALERT_STATES.map((s) => ({ state: s, n: states.get(s) ?? 0 })),
    onTime: {
      onTime: n('ON_TIME'),
      late: n('LATE'),
      pending: n('PENDING'),
      rate: rate(n('ON_TIME'), n('LATE')),
    },
    onTimeByMonth: byMonth.rows.map((r) => ({
      month: r.month,
      onTime: r.on_time,
      late: r.late,
      rate: rate(r.on_time, r.late),
    })),
    overdueOpen: flags.rows[0]?.overdue ?? 0,
    escalated: flags.rows[0]?.escalated ?? 0,
  };
}

/** §7.1 de-duplicated counts: the towns of the caller's jurisdiction, or the villages of one town. */
export async function monitoredPopulation(
  deps: DashboardDeps,
  ctx: RequestContext,
  q: z.output<typeof populationQuery>,
): Promise<PopulationView> {
  requirePermission(ctx.actor, 'monitoring.read');
  const county = ctx.actor.countyCode;
  let scope = { county, ...jurisdictionFilter(ctx.actor) };
  if (q.divisionCode) {
    if (
      !withinJurisdiction(ctx.actor, q.divisionCode) &&
      !ctx.actor.jurisdictionCode.startsWith(q.divisionCode)
    )
      throw errors.notFound('镇（街道）', 'town');
    scope = { county, column: 'town_code', value: q.divisionCode };
  }
  const group = scope.column === 'county_code' ? 'town_code' : 'village_code';
  const { totals, rows, unknown } = await populationCounts(deps.db, scope, group);
  const names = new Map(
    (
      await deps.db
        .selectFrom('admin_unit')
        .select(['code', 'name'])
        .where('county_code', '=', county)
        .execute()
    ).map((d) => [d.code, d.name]),
  );
  const byDivision = new Map<string | null, { total: number; byCategory: Record<string, number> }>();
  for (const r of rows) {
    const e = byDivision.get(r.code) ?? { total: 0, byCategory: {} };
    if (r.category === null) e.total = r.n;
    else e.byCategory[r.category] = r.n;
    byDivision.set(r.code, e);
  }
  return {
    asOf: shanghaiDateOf(deps.clock.now()),
    total: totals.find((t) => t.category === null)?.n ?? 0,
    byCategory: Object.fromEntries(totals.filter((t) => t.category !== null).map((t) => [t.category, t.n])),
    unknownToRegistry: unknown,
    rows: [...byDivision.entries()]
      .map(([code, e]) => ({ code, name: code ? (names.get(code.padEnd(12, '0')) ?? code) : '—', ...e }))
      .sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~')),
  };
}
