import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of the statistics: set-based aggregates over the case timeline, "as of" a date. A case is on
// the rolls at D when its decision (the CONFIRM event, or decided_on of a migrated LEGACY case) is
// ≤ D and no ending event (STOP, DECIDE_TERMINATION, REVOKE, EXPIRE, or END_GRADUAL_EXIT) is dated
// ≤ D. The stage column is today's state and is never used for history.

type Db = Kysely<DB>;

/** Where the figures come from: a county, narrowed by a jurisdiction column (convention 7). */
export type StatsScope = {
  county: string;
  column: 'county_code' | 'town_code' | 'village_code';
  value: string;
};

export const ENDING_EVENTS = ['STOP', 'DECIDE_TERMINATION', 'REVOKE', 'EXPIRE', 'END_GRADUAL_EXIT'] as const;
export const ROLL_SCHEMES = ['DIBAO', 'DIBAO_SINGLE', 'TEKUN', 'DIBAO_EDGE', 'RIGID'] as const;

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
export const inScope = (s: StatsScope, alias: string) =>
  sql`${sql.ref(`${alias}.county_code`)} = ${s.county} and ${sql.ref(`${alias}.${s.column}`)} = ${s.value}`;

/** The decided cases of the scope, with their decision and end dates from the timeline. */
export function decidedCases(s: StatsScope, schemes: readonly string[] = ROLL_SCHEMES) {
  return sql`
    select c.county_code, c.id, c.scheme, c.town_code, c.village_code, c.area, c.household_id,
      c.subject_person_id, c.channel,
      coalesce(d.on_date, case when c.channel = 'LEGACY' then c.decided_on end) as decided_on,
      x.on_date as ended_on
    from assistance_case c
    left join lateral (select min(e.on_date) as on_date from case_event e
      where e.county_code = c.county_code and e.case_id = c.id and e.type in ('CONFIRM', 'LEGACY_MIGRATED')) d on true
    left join lateral (select min(e.on_date) as on_date from case_event e
      where e.county_code = c.county_code and e.case_id = c.id and e.type in (${list(ENDING_EVENTS)})) x on true
    where ${inScope(s, 'c')} and c.scheme in (${list(schemes)})`;
}

/**
 * Persons a case covers at D: the household size of the entitlement in force (the earliest version
 * before the first payment month), 1 for single-person 低保 and 特困; for the recognised 边缘 /
 * 刚性支出 households (no entitlement) the registry's members at D.
 */
export function personsAt(alias: string, d: RawBuilder<unknown>) {
  const k = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<number>`case
    when ${k('scheme')} in ('TEKUN', 'DIBAO_SINGLE') then 1
    when ${k('scheme')} = 'DIBAO' then coalesce(
      (select en.household_size from entitlement en where en.county_code = ${k('county_code')}
        and en.case_id = ${k('id')} and en.effective_from <= ${d} order by en.version desc limit 1),
      (select en.household_size from entitlement en where en.county_code = ${k('county_code')}
        and en.case_id = ${k('id')} order by en.version asc limit 1), 1)
    else (select count(*)::int from household_member hm where hm.county_code = ${k('county_code')}
      and hm.household_id = ${k('household_id')} and hm.joined_on <= ${d} and (hm.left_on is null or hm.left_on > ${d}))
  end`;
}

export const onRollsAt = (alias: string, d: RawBuilder<unknown>) =>
  sql`${sql.ref(`${alias}.decided_on`)} <= ${d} and (${sql.ref(`${alias}.ended_on`)} is null or ${sql.ref(`${alias}.ended_on`)} > ${d})`;

export const dateParam = (d: string) => sql`${d}::date`;

export type RollRow = {
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  scheme: string;
  households: number;
  persons: number;
  gradual: number;
};

/** Cases and persons on the rolls at D by village, area and scheme (and how many are in gradual exit). */
export async function rollsAt(db: Db, s: StatsScope, asOf: string): Promise<RollRow[]> {
  const d = dateParam(asOf);
  const r = await sql<RollRow>`
    with k as (${decidedCases(s)})
    select k.town_code, k.village_code, k.area, k.scheme, count(*)::int as households,
      coalesce(sum(${personsAt('k', d)}), 0)::int as persons,
      (count(*) filter (where exists (select 1 from case_event e where e.county_code = k.county_code
        and e.case_id = k.id and e.type = 'START_GRADUAL_EXIT' and e.on_date <= ${d})))::int as gradual
    from k where ${onRollsAt('k', d)}
    group by k.town_code, k.village_code, k.area, k.scheme`.execute(db);
  return r.rows;
}

export type MovementRow = {
  kind: 'NEW' | 'EXIT';
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  scheme: string;
  channel: string;
  households: number;
  persons: number;
};

/** Decisions (NEW) and ends (EXIT) dated inside [from, to], with the persons covered at that date. */
export async function movements(db: Db, s: StatsScope, from: string, to: string): Promise<MovementRow[]> {
  const r = await sql<MovementRow>`
    with k as (${decidedCases(s)}),
    mv as (
      select 'NEW' as kind, k.*, k.decided_on as on_date from k where k.decided_on between ${from}::date and ${to}::date
      union all
      select 'EXIT' as kind, k.*, k.ended_on as on_date from k
        where k.decided_on is not null and k.ended_on between ${from}::date and ${to}::date
    )
    select mv.kind, mv.town_code, mv.village_code, mv.area, mv.scheme, mv.channel, count(*)::int as households,
      coalesce(sum(${personsAt('mv', sql`mv.on_date`)}), 0)::int as persons
    from mv group by mv.kind, mv.town_code, mv.village_code, mv.area, mv.scheme, mv.channel`.execute(db);
  return r.rows;
}

export type TrendRow = { on: string; scheme: string; households: number; persons: number };

/** Cases and persons on the rolls at each of the given dates (month ends), by scheme. */
export async function rollsTrend(db: Db, s: StatsScope, dates: string[]): Promise<TrendRow[]> {
  if (dates.length === 0) return [];
  const r = await sql<TrendRow>`
    with k as (${decidedCases(s, ['DIBAO', 'DIBAO_SINGLE', 'TEKUN'])})
    select t.d::text as on, k.scheme, count(*)::int as households,
      coalesce(sum(${personsAt('k', sql`t.d`)}), 0)::int as persons
    from unnest(${dates}::date[]) as t(d) join k on ${onRollsAt('k', sql`t.d`)}
    group by t.d, k.scheme order by t.d`.execute(db);
  return r.rows;
}

export type PaidRow = {
  month: string;
  scheme: 'DIBAO' | 'TEKUN' | 'TEMPORARY';
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  net_fen: number;
};

/** Money actually paid: net of the lines of APPROVED payroll runs, months from..to (first days). */
export async function paidByMonth(db: Db, s: StatsScope, from: string, to: string): Promise<PaidRow[]> {
  const r = await sql<PaidRow>`
    select to_char(l.month, 'YYYY-MM') as month, l.scheme, l.town_code, l.village_code, c.area,
      coalesce(sum(l.net_fen), 0)::int8 as net_fen
    from payroll_line l
    join payroll_run r on r.county_code = l.county_code and r.id = l.run_id and r.status = 'APPROVED'
    join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
    where ${inScope(s, 'l')} and l.month between ${from}::date and ${to}::date
    group by l.month, l.scheme, l.town_code, l.village_code, c.area`.execute(db);
  return r.rows.map((x) => ({ ...x, net_fen: Number(x.net_fen) }));
}

export type PlacedRow = { town_code: string; village_code: string; area: string; persons: number };

/**
 * 集中供养 persons of a month (§5.4), from the approved payroll: 特困 cases whose monthly line was
 * paid to an institution. History, like every figure of the reports, not today's placements.
 */
export async function centralisedIn(db: Db, s: StatsScope, month: string): Promise<PlacedRow[]> {
  const r = await sql<PlacedRow>`
    select l.town_code, l.village_code, c.area, count(distinct l.case_id)::int4 as persons
    from payroll_line l
    join payroll_run r on r.county_code = l.county_code and r.id = l.run_id and r.status = 'APPROVED'
    join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
    where ${inScope(s, 'l')} and l.scheme = 'TEKUN' and l.kind = 'MONTHLY' and l.payee = 'INSTITUTION'
      and l.month = date_trunc('month', ${month}::date)::date
    group by l.town_code, l.village_code, c.area`.execute(db);
  return r.rows;
}

const LENGTH: Record<string, number> = { county: 6, town: 9, village: 12 };

export type UnitRow = { code: string; name: string; level: string; parent_code: string | null };

/** The divisions of the county (the county itself, its towns and villages), valid now. */
export async function divisions(db: Db, county: string): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('county_code', '=', county)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  // admin_unit keeps 12-digit codes; cases and jurisdictions use 6 / 9 / 12 digits by level.
  const short = (code: string, level: string) => code.slice(0, LENGTH[level] ?? 12);
  const levels = new Map(rows.map((r) => [r.code, r.level]));
  return rows.map((r) => ({
    ...r,
    code: short(r.code, r.level),
    parent_code: r.parent_code === null ? null : short(r.parent_code, levels.get(r.parent_code) ?? ''),
  }));
}
