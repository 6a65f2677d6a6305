import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// The monitored population (§7.1): person_category rows, one per (person, category, source, source
// reference), synced set-based from the caseload and the 乡村振兴 feed at every comparison run; a row
// whose basis is gone gets valid_to instead of being deleted, so history stays. People are keyed by
// the blind index of the ID number, so a person on a department list but not in the registry still
// counts, and counts are de-duplicated by ID number (§7.1 "Deduplicate by ID number").

type Db = Kysely<DB>;

/** §7.1 category of an active case's scheme (单人保 is 低保 too). */
const SCHEME_CATEGORY = sql.raw(`case c.scheme when 'DIBAO' then 'DIBAO' when 'DIBAO_SINGLE' then 'DIBAO'
  when 'TEKUN' then 'TEKUN' when 'DIBAO_EDGE' then 'DIBAO_EDGE' else 'RIGID_EXP' end`);

/**
 * Reopening a closed row starts a new validity; an open row keeps its original start. A row that is
 * open and unchanged is left alone (updated_on is the day it last changed), so a run over a settled
 * caseload writes nothing instead of a new version of every row.
 */
const UPSERT = sql.raw(`on conflict (county_code, person_bidx, category, source, source_ref) do update set
  person_id = excluded.person_id, town_code = excluded.town_code, village_code = excluded.village_code,
  valid_from = case when person_category.valid_to is null then person_category.valid_from else excluded.valid_from end,
  valid_to = null, updated_on = excluded.updated_on
  where person_category.valid_to is not null
    or (person_category.person_id, person_category.town_code, person_category.village_code)
      is distinct from (excluded.person_id, excluded.town_code, excluded.village_code)`);

/** What a category row needs of its case. */
const CASE_COLUMNS = sql.raw('c.id, c.scheme, c.county_code, c.valid_from, c.town_code, c.village_code');

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/**
 * Active 低保 / 单人保 / 特困 / 边缘 / 刚性支出 cases → their persons, valid from the decision: the applicant
 * for 特困 and 单人保, the persons of the case's facts (the covered members) for household cases, or
 * the household's current members when a migrated case has no facts.
 */
export async function syncCaseCategories(db: Db, county: string, today: string): Promise<number> {
  const r = await sql`
    with c as not materialized (
      -- Not materialized: each branch below scans the cases with its own filter, instead of a
      -- million cases with their facts written to a temporary store and read three times.
      select c.id, c.scheme, c.county_code, c.household_id, c.subject_person_id, c.facts, c.town_code,
        c.village_code, coalesce(c.decided_on, c.applied_on) as valid_from
      from assistance_case c
      where c.county_code = ${county} and c.stage = 'ACTIVE'
        and c.scheme in ('DIBAO', 'DIBAO_SINGLE', 'TEKUN', 'DIBAO_EDGE', 'RIGID')
    ), who as (
      -- Three set-based branches (not one lateral union per case), each carrying the case's columns
      -- (not joined back to the million cases): the household branch becomes one hash join.
      select ${CASE_COLUMNS}, c.subject_person_id as person_id from c where c.scheme in ('TEKUN', 'DIBAO_SINGLE')
      union all
      select ${CASE_COLUMNS}, e.v::uuid from c cross join lateral jsonb_array_elements_text(c.facts->'personIds') e(v)
      where c.scheme not in ('TEKUN', 'DIBAO_SINGLE') and jsonb_typeof(c.facts->'personIds') = 'array'
      union all
      select ${CASE_COLUMNS}, m.person_id from c
      join household_member m on m.county_code = c.county_code and m.household_id = c.household_id
        and m.left_on is null
      where c.scheme not in ('TEKUN', 'DIBAO_SINGLE') and jsonb_typeof(c.facts->'personIds') is distinct from 'array'
    ), cur as (
      select distinct c.id::text as ref, ${SCHEME_CATEGORY} as category, c.valid_from, c.town_code,
        c.village_code, p.id as person_id, p.id_number_bidx as bidx
      from who c
      join person p on p.county_code = c.county_code and p.id = c.person_id and p.deceased_on is null
    ), up as (
      insert into person_category (county_code, person_bidx, category, source, source_ref, person_id, town_code,
        village_code, valid_from, valid_to, updated_on)
      select ${county}, bidx, category, 'CASE', ref, person_id, town_code, village_code, valid_from, null, ${today}::date
      from cur ${UPSERT}
    )
    update person_category pc set valid_to = ${today}::date, updated_on = ${today}::date
    where pc.county_code = ${county} and pc.source = 'CASE' and pc.valid_to is null
      and not exists (select 1 from cur where cur.bidx = pc.person_bidx and cur.category = pc.category
        and cur.ref = pc.source_ref)`.execute(db);
  return affected(r);
}

/**
 * 防止返贫监测对象 from the 乡村振兴 feed (§7.1 RURAL_REVITALIZATION_MONITORED; §7.3 quarterly
 * comparison): the newest record per person decides — MONITORED opens (or keeps) the category from
 * its date, RISK_REMOVED closes it. Registry persons take their household's village; others the
 * village code the list gives (if it is a village of the county).
 */
export async function syncFeedCategories(db: Db, county: string, today: string): Promise<number> {
  const r = await sql`
    with latest as (
      select distinct on (r.person_bidx) r.person_bidx, r.occurred_on, r.data from feed_record r
      where r.county_code = ${county} and r.source = 'RURAL_REVITALIZATION' and r.occurred_on <= ${today}::date
      order by r.person_bidx, r.occurred_on desc, r.record_key desc
    ), mon as (
      select l.person_bidx, l.occurred_on, p.id as person_id, coalesce(h.town_code, left(ft.code, 9)) as town_code,
        coalesce(h.village_code, fv.code) as village_code
      from latest l
      left join person p on p.county_code = ${county} and p.id_number_bidx = l.person_bidx
      left join household_member m on m.county_code = ${county} and m.person_id = p.id and m.left_on is null
      left join household h on h.county_code = ${county} and h.id = m.household_id
      left join admin_unit fv on fv.code = l.data->>'villageCode' and fv.level = 'village' and fv.county_code = ${county}
      left join admin_unit ft on ft.code = left(l.data->>'villageCode', 9) || '000' and ft.level = 'town' and ft.county_code = ${county}
      where l.data->>'status' = 'MONITORED'
    ), up as (
      insert into person_category (county_code, person_bidx, category, source, source_ref, person_id, town_code,
        village_code, valid_from, valid_to, updated_on)
      select ${county}, person_bidx, 'RURAL_REVITALIZATION_MONITORED', 'FEED', 'RURAL_REVITALIZATION', person_id,
        town_code, village_code, occurred_on, null, ${today}::date
      from mon ${UPSERT}
    )
    update person_category pc set valid_to = ${today}::date, updated_on = ${today}::date
    where pc.county_code = ${county} and pc.source = 'FEED' and pc.source_ref = 'RURAL_REVITALIZATION'
      and pc.valid_to is null and not exists (select 1 from mon where mon.person_bidx = pc.person_bidx)`.execute(
    db,
  );
  return affected(r);
}

export type PopulationScope = {
  county: string;
  column: 'county_code' | 'town_code' | 'village_code';
  value: string;
};

/**
 * Current de-duplicated counts (§7.1): `group` = the division column to break down by. A person is
 * counted once in the total and once per category they hold; by division, once per division.
 */
export async function populationCounts(db: Db, s: PopulationScope, group: 'town_code' | 'village_code') {
  const scope = sql`pc.county_code = ${s.county} and ${sql.ref(`pc.${s.column}`)} = ${s.value} and pc.valid_to is null`;
  const [totals, rows, unknown] = await Promise.all([
    sql<{ category: string | null; n: number }>`
      select category, count(distinct person_bidx)::int as n from person_category pc where ${scope}
      group by grouping sets ((category), ())`.execute(db),
    sql<{ code: string | null; category: string | null; n: number }>`
      select ${sql.ref(`pc.${group}`)} as code, category, count(distinct person_bidx)::int as n
      from person_category pc where ${scope}
      group by grouping sets ((${sql.ref(`pc.${group}`)}, category), (${sql.ref(`pc.${group}`)}))`.execute(
      db,
    ),
    sql<{ n: number }>`
      select count(distinct person_bidx)::int as n from person_category pc where ${scope}
        and not exists (select 1 from person p where p.county_code = pc.county_code
          and p.id_number_bidx = pc.person_bidx)`.execute(db),
  ]);
  return { totals: totals.rows, rows: rows.rows, unknown: unknown.rows[0]?.n ?? 0 };
}
