import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseRow, HouseholdRow, MemberRow } from './policy-context.ts';

// The registry reads behind the matcher's contexts, set-based: a batch of households (keyset by id)
// and then, for all of them at once, their current members, the cases in force, the §7.1 categories
// valid on the run date and the latest department records that matter (serious illness, vehicles).
// Five statements per batch whatever its size; never one per household. Names are not read at all.

type Db = Kysely<DB>;

/** Active households with at least one current member, after `afterId` in id order. */
export async function householdBatch(db: Db, county: string, afterId: string | null, limit: number) {
  const r = await sql<HouseholdRow>`
    select h.id, h.household_no, h.town_code, h.village_code, h.urban_rural, h.head_person_id
    from household h
    where h.county_code = ${county} and h.status = 'active'
      and h.id > ${afterId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      and exists (select 1 from household_member m
        join person p on p.county_code = m.county_code and p.id = m.person_id and p.deceased_on is null
        where m.county_code = h.county_code and m.household_id = h.id and m.left_on is null)
    order by h.id
    limit ${limit}`.execute(db);
  return r.rows;
}

export async function countHouseholds(db: Db, county: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from household h where h.county_code = ${county} and h.status = 'active'`.execute(
    db,
  );
  return r.rows[0]?.n ?? 0;
}

/** Current members (not left, alive), in joining order. */
export async function membersOf(db: Db, county: string, householdIds: readonly string[]) {
  if (householdIds.length === 0) return [];
  const r = await sql<MemberRow>`
    select m.household_id, p.id as person_id, p.sex, p.birth_date, p.disability_grade, p.disability_category,
      p.self_care_level, p.in_fulltime_education, p.employment_status, p.monthly_income_fen
    from household_member m
    join person p on p.county_code = m.county_code and p.id = m.person_id and p.deceased_on is null
    where m.county_code = ${county} and m.household_id = any(${householdIds}::uuid[]) and m.left_on is null
    order by m.household_id, m.joined_on, p.id`.execute(db);
  return r.rows;
}

/** Cases in force (stage ACTIVE) of the households or of any of their members. */
export async function activeCasesOf(
  db: Db,
  county: string,
  householdIds: readonly string[],
  personIds: readonly string[],
) {
  if (householdIds.length === 0) return [];
  const r = await sql<CaseRow>`
    select c.household_id, c.subject_person_id, c.scheme,
      case when jsonb_typeof(c.facts->'personIds') = 'array'
        then array(select jsonb_array_elements_text(c.facts->'personIds')) end as person_ids
    from assistance_case c
    where c.county_code = ${county} and c.stage = 'ACTIVE'
      and (c.household_id = any(${householdIds}::uuid[]) or c.subject_person_id = any(${personIds}::uuid[]))`.execute(
    db,
  );
  return r.rows;
}

/** §7.1 categories valid on `on` (valid_from ≤ on, no valid_to or valid_to after on). */
export async function categoriesOf(db: Db, county: string, personIds: readonly string[], on: string) {
  if (personIds.length === 0) return [];
  const r = await sql<{ person_id: string; category: string }>`
    select distinct p.id as person_id, pc.category
    from person p
    join person_category pc on pc.county_code = p.county_code and pc.person_bidx = p.id_number_bidx
    where p.county_code = ${county} and p.id = any(${personIds}::uuid[])
      and pc.valid_from <= ${on}::date and (pc.valid_to is null or pc.valid_to > ${on}::date)`.execute(db);
  return r.rows;
}

/**
 * The latest SERIOUS_ILLNESS record per person and the latest VEHICLE record per person and plate,
 * dated on or before `on` (registrations hold until a later record changes them).
 */
export async function departmentFactsOf(db: Db, county: string, personIds: readonly string[], on: string) {
  if (personIds.length === 0) return [];
  const r = await sql<{ person_id: string; source: string; data: Record<string, unknown> }>`
    select distinct on (p.id, r.source, coalesce(r.data->>'plate', '')) p.id as person_id, r.source, r.data
    from person p
    join feed_record r on r.county_code = p.county_code and r.person_bidx = p.id_number_bidx
    where p.county_code = ${county} and p.id = any(${personIds}::uuid[])
      and r.source in ('SERIOUS_ILLNESS', 'VEHICLE') and r.occurred_on <= ${on}::date
    order by p.id, r.source, coalesce(r.data->>'plate', ''), r.occurred_on desc, r.record_key desc`.execute(
    db,
  );
  return r.rows;
}
