import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// The SQL the printed documents need beyond the case and entitlement repositories: division names,
// the cases of a village in publicity, the deciding event, and sealed names of people inside the
// caller's jurisdiction (decrypted by the use case, which audits the disclosure).

type Db = Kysely<DB>;

/** Names of current or past divisions by their 12-digit codes. */
export async function divisionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export const getVillage = (db: Db, code: string) =>
  db
    .selectFrom('admin_unit')
    .select(['code', 'county_code', 'parent_code', 'name', 'level'])
    .where('code', '=', code)
    .where('level', '=', 'village')
    .executeTakeFirst();

/** 初审公示 covers the applications of these schemes (S1 Art.19; S2 Art.15). */
export const PUBLICITY_SCHEMES = ['DIBAO', 'DIBAO_SINGLE', 'TEKUN'] as const;

/** The village's applications now in publicity, with the latest initial opinion and the household size. */
export const publicityCases = (db: Db, countyCode: string, villageCode: string) =>
  db
    .selectFrom('assistance_case as c')
    .leftJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'c.county_code').onRef('h.id', '=', 'c.household_id'),
    )
    .select([
      'c.id',
      'c.case_no',
      'c.scheme',
      'c.area',
      'c.model',
      'c.facts',
      'c.applied_on',
      'c.subject_person_id',
      sql<string | null>`coalesce(c.subject_person_id, h.head_person_id)`.as('applicant_id'),
      sql<number>`(select count(*)::int from household_member m
        where m.county_code = c.county_code and m.household_id = c.household_id and m.left_on is null)`.as(
        'household_size',
      ),
      sql<string | null>`(select e.opinion from case_event e
        where e.county_code = c.county_code and e.case_id = c.id and e.type in ('DRAFT_OPINION', 'NEW_OPINION')
        order by e.seq desc limit 1)`.as('opinion'),
    ])
    .where('c.county_code', '=', countyCode)
    .where('c.village_code', '=', villageCode)
    .where('c.state', '=', 'PUBLICIZING')
    .where('c.scheme', 'in', PUBLICITY_SCHEMES)
    .orderBy('c.case_no')
    .execute();

/** The case's latest decision event (审核确认 or 不予确认), if any. */
export const decisionEvent = (db: Db, countyCode: string, caseId: string) =>
  db
    .selectFrom('case_event')
    .select(['type', 'on_date', 'payload', 'actor_role'])
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .where('type', 'in', ['CONFIRM', 'REJECT'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();

export const householdHead = (db: Db, countyCode: string, householdId: string) =>
  db
    .selectFrom('household')
    .select('head_person_id')
    .where('county_code', '=', countyCode)
    .where('id', '=', householdId)
    .executeTakeFirst()
    .then((h) => h?.head_person_id ?? null);

/** Sealed names of people who are (or were) members of a household in the caller's jurisdiction. */
export async function sealedNames(
  db: Db,
  countyCode: string,
  filter: JurisdictionFilter,
  personIds: readonly string[],
) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person as p')
    .innerJoin('household_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.person_id', '=', 'p.id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'm.county_code').onRef('h.id', '=', 'm.household_id'),
    )
    .select(['p.id', 'p.name_enc', 'p.name_mask'])
    .distinctOn('p.id')
    .where('p.county_code', '=', countyCode)
    .where('p.id', 'in', personIds)
    .where(`h.${filter.column}`, '=', filter.value)
    .execute();
}
