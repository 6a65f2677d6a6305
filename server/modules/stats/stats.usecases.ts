import {
  AGGREGATION,
  type StatsScope as ScopeView,
  type StatsKpis,
  type StatsMonthRow,
  type StatsOverview,
  type StatsOverviewQuery,
  type StatsUnitRow,
} from '../../../contracts/stats.ts';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { monthEndsOfYear, overviewPeriod } from './stats.models.ts';
import * as repo from './stats.repository.ts';
import * as profile from './stats-profile.repository.ts';

// The statistics dashboard (§12.2 E, the press-release figures) for the caller's jurisdiction or a
// town / village inside it, as of a date: KPIs, a breakdown by town (or village) and a monthly trend.

export type StatsDeps = { db: Database; clock: Clock };

const DIBAO = new Set(['DIBAO', 'DIBAO_SINGLE']);
const LEVEL = { 6: 'county', 9: 'town', 12: 'village' } as const;

export type ResolvedScope = { scope: repo.StatsScope; view: ScopeView; units: repo.UnitRow[] };

/**
 * The scope of a statistics request: the caller's own jurisdiction, or a town / village inside it
 * (404 outside it, as for any record — convention 7). Needs `cases.read`.
 */
export async function resolveScope(
  deps: StatsDeps,
  ctx: RequestContext,
  q: { townCode?: string; villageCode?: string },
): Promise<ResolvedScope> {
  requirePermission(ctx.actor, 'cases.read');
  const county = ctx.actor.countyCode;
  const own = ctx.actor.jurisdictionCode;
  if (q.townCode && q.villageCode && !q.villageCode.startsWith(q.townCode))
    throw fieldError(
      'villageCode',
      '村（社区）不属于所选乡镇（街道）',
      'the village is not in the chosen town',
    );
  const code = q.villageCode ?? q.townCode ?? own;
  if (!code.startsWith(own) || !code.startsWith(county))
    throw errors.notFound('统计范围', 'Statistics scope');
  const units = await repo.divisions(deps.db, county);
  const name = (c: string) => units.find((u) => u.code === c)?.name ?? c;
  if (code.length > 6 && !units.some((u) => u.code === code))
    throw errors.notFound('统计范围', 'Statistics scope');
  const level = LEVEL[code.length as 6 | 9 | 12];
  const column = level === 'county' ? 'county_code' : level === 'town' ? 'town_code' : 'village_code';
  const path = [6, 9, 12]
    .filter((n) => n <= code.length)
    .map((n) => ({ level: LEVEL[n as 6 | 9 | 12], code: code.slice(0, n), name: name(code.slice(0, n)) }));
  return {
    scope: { county, column, value: code },
    view: { level, code, name: name(code), path },
    units,
  };
}

export type KpiSources = {
  rolls: repo.RollRow[];
  moves: repo.MovementRow[];
  temp: profile.TempRow[];
  paid: repo.PaidRow[];
  low: profile.LowIncomeRow[];
};

/** Everything the KPIs need, fetched once for the scope and the period [from, asOf]. */
export async function fetchKpiSources(db: Database, s: repo.StatsScope, from: string, asOf: string) {
  const [rolls, moves, temp, paid, low] = await Promise.all([
    repo.rollsAt(db, s, asOf),
    repo.movements(db, s, from, asOf),
    profile.temporaryEvents(db, s, from, asOf),
    repo.paidByMonth(db, s, from, asOf),
    profile.lowIncome(db, s, asOf),
  ]);
  return { rolls, moves, temp, paid, low } satisfies KpiSources;
}

type Located = { town_code: string; village_code?: string };
const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

/** The KPIs of the rows that `pick` keeps (all of them for the scope, one town or village for a unit). */
export function kpisOf(src: KpiSources, pick: (r: Located) => boolean = () => true): StatsKpis {
  const rolls = src.rolls.filter(pick);
  const dibao = rolls.filter((r) => DIBAO.has(r.scheme));
  const urban = dibao.filter((r) => r.area === 'urban');
  const rural = dibao.filter((r) => r.area === 'rural');
  const news = src.moves.filter((m) => m.kind === 'NEW' && pick(m));
  const temp = src.temp.filter(pick);
  const paid = src.paid.filter(pick);
  const paidOf = (scheme: repo.PaidRow['scheme']) =>
    sum(
      paid.filter((p) => p.scheme === scheme),
      (p) => p.net_fen,
    );
  const all = src.low.filter((l) => l.category === 'ALL' && pick(l));
  return {
    dibaoHouseholds: sum(dibao, (r) => r.households),
    dibaoPersons: sum(dibao, (r) => r.persons),
    dibaoUrbanHouseholds: sum(urban, (r) => r.households),
    dibaoUrbanPersons: sum(urban, (r) => r.persons),
    dibaoRuralHouseholds: sum(rural, (r) => r.households),
    dibaoRuralPersons: sum(rural, (r) => r.persons),
    tekunPersons: sum(
      rolls.filter((r) => r.scheme === 'TEKUN'),
      (r) => r.persons,
    ),
    newDibaoHouseholds: sum(
      news.filter((m) => DIBAO.has(m.scheme)),
      (m) => m.households,
    ),
    newDibaoPersons: sum(
      news.filter((m) => DIBAO.has(m.scheme)),
      (m) => m.persons,
    ),
    newTekunPersons: sum(
      news.filter((m) => m.scheme === 'TEKUN'),
      (m) => m.persons,
    ),
    tempEvents: sum(temp, (t) => t.events),
    tempAmountFen: sum(temp, (t) => t.amount_fen),
    paidFen: { DIBAO: paidOf('DIBAO'), TEKUN: paidOf('TEKUN'), TEMPORARY: paidOf('TEMPORARY') },
    monitoredPersons: sum(all, (l) => l.persons),
    monitoredHouseholds: sum(all, (l) => l.households),
    departments: AGGREGATION.departments,
    policies: AGGREGATION.policies,
  };
}

/** The towns of a county scope, or the villages of a town scope (none below a village). */
export function childUnits(
  r: ResolvedScope,
): { code: string; name: string; key: 'town_code' | 'village_code' }[] {
  if (r.view.level === 'village') return [];
  const key = r.view.level === 'county' ? 'town_code' : 'village_code';
  return r.units
    .filter((u) => u.parent_code === r.view.code)
    .map((u) => ({ code: u.code, name: u.name, key }));
}

export async function statsOverview(
  deps: StatsDeps,
  ctx: RequestContext,
  q: StatsOverviewQuery,
): Promise<StatsOverview> {
  const resolved = await resolveScope(deps, ctx, q);
  const { year, from, asOf } = overviewPeriod(q, shanghaiDateOf(deps.clock.now()));
  const s = resolved.scope;
  const src = await fetchKpiSources(deps.db, s, from, asOf);
  const ends = monthEndsOfYear(asOf);
  const trend = await repo.rollsTrend(deps.db, s, ends);

  const units: StatsUnitRow[] = childUnits(resolved).map((u) => {
    const k = kpisOf(src, (r) => (u.key === 'town_code' ? r.town_code : r.village_code) === u.code);
    return {
      code: u.code,
      name: u.name,
      dibaoHouseholds: k.dibaoHouseholds,
      dibaoPersons: k.dibaoPersons,
      tekunPersons: k.tekunPersons,
      tempEvents: k.tempEvents,
      paidFen: k.paidFen.DIBAO + k.paidFen.TEKUN + k.paidFen.TEMPORARY,
    };
  });

  const months: StatsMonthRow[] = ends.map((end) => {
    const month = end.slice(0, 7);
    const at = trend.filter((t) => t.on === end);
    const paid = src.paid.filter((p) => p.month === month);
    const paidOf = (scheme: repo.PaidRow['scheme']) =>
      sum(
        paid.filter((p) => p.scheme === scheme),
        (p) => p.net_fen,
      );
    return {
      month,
      dibaoPersons: sum(
        at.filter((t) => DIBAO.has(t.scheme)),
        (t) => t.persons,
      ),
      tekunPersons: sum(
        at.filter((t) => t.scheme === 'TEKUN'),
        (t) => t.persons,
      ),
      paidFen: { DIBAO: paidOf('DIBAO'), TEKUN: paidOf('TEKUN'), TEMPORARY: paidOf('TEMPORARY') },
      tempAmountFen: sum(
        src.temp.filter((t) => t.month === month),
        (t) => t.amount_fen,
      ),
    };
  });

  return {
    year,
    from,
    asOf,
    scope: resolved.view,
    kpis: kpisOf(src),
    units,
    months,
    aggregationSource: AGGREGATION.source,
  };
}
