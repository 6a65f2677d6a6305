import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JurisdictionFilter } from './registry.repository.ts';

// Read queries of the registry. Every query of tenant data takes the caller's jurisdiction filter.

type Db = Kysely<DB>;

/** The caller's jurisdiction as a condition on the household alias `h`. */
const inJurisdiction = (f: JurisdictionFilter) => sql<boolean>`${sql.ref(`h.${f.column}`)} = ${f.value}`;

/** Households with their village (v) and town (t): the names every registry view shows. */
const householdsWithDivisions = (db: Db) =>
  db
    .selectFrom('household as h')
    .innerJoin('admin_unit as v', 'v.code', 'h.village_code')
    .innerJoin('admin_unit as t', 't.code', 'v.parent_code');

export type SearchCriteria = {
  countyCode: string;
  filter: JurisdictionFilter;
  divisionCode?: string;
  status?: 'active' | 'closed';
  householdNoPrefix?: string;
  idIndex?: Buffer;
  nameIndex?: Buffer;
  limit: number;
  offset: number;
};

export async function searchHouseholds(db: Db, c: SearchCriteria) {
  const memberMatch = c.idIndex
    ? { column: 'id_number_bidx' as const, value: c.idIndex }
    : c.nameIndex
      ? { column: 'name_bidx' as const, value: c.nameIndex }
      : null;
  let q = householdsWithDivisions(db)
    .leftJoin('person as hp', (j) =>
      j.onRef('hp.county_code', '=', 'h.county_code').onRef('hp.id', '=', 'h.head_person_id'),
    )
    .where('h.county_code', '=', c.countyCode)
    .where(inJurisdiction(c.filter));
  if (c.divisionCode) {
    const len = c.divisionCode.length;
    if (len === 12) q = q.where('h.village_code', '=', c.divisionCode);
    else if (len === 9) q = q.where('h.town_code', '=', c.divisionCode);
  }
  if (c.status) q = q.where('h.status', '=', c.status);
  if (c.householdNoPrefix) q = q.where('h.household_no', 'like', `${c.householdNoPrefix}%`);
  if (memberMatch) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('household_member as m')
          .innerJoin('person as p', (j) =>
            j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.person_id'),
          )
          .select(sql.lit(1).as('one'))
          .whereRef('m.county_code', '=', 'h.county_code')
          .whereRef('m.household_id', '=', 'h.id')
          .where(`p.${memberMatch.column}`, '=', memberMatch.value),
      ),
    );
  }
  return q
    .select((eb) => [
      'h.id',
      'h.household_no',
      'h.village_code',
      'v.name as village_name',
      't.name as town_name',
      'hp.name_mask as head_name_mask',
      'hp.id_number_mask as head_id_mask',
      'h.urban_rural',
      'h.status',
      'h.updated_at',
      eb
        .selectFrom('household_member as mc')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('mc.county_code', '=', 'h.county_code')
        .whereRef('mc.household_id', '=', 'h.id')
        .where('mc.left_on', 'is', null)
        .as('member_count'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('h.household_no')
    .limit(c.limit)
    .offset(c.offset)
    .execute();
}

export const getHousehold = (db: Db, countyCode: string, filter: JurisdictionFilter, id: string) =>
  householdsWithDivisions(db)
    .selectAll('h')
    .select(['v.name as village_name', 't.name as town_name'])
    .where('h.county_code', '=', countyCode)
    .where(inJurisdiction(filter))
    .where('h.id', '=', id)
    .executeTakeFirst();

/**
 * A household and all its members (current and former) in one round trip: every row carries the
 * household's columns. A household always has at least one member row, so no rows means "not
 * found or not in the caller's jurisdiction".
 */
export const getHouseholdWithMembers = (db: Db, countyCode: string, filter: JurisdictionFilter, id: string) =>
  householdsWithDivisions(db)
    .innerJoin('household_member as m', (j) =>
      j.onRef('m.county_code', '=', 'h.county_code').onRef('m.household_id', '=', 'h.id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.person_id'),
    )
    // Only what the view shows: sealed identifiers other than the name stay in the database.
    .select([
      'p.id',
      'p.county_code',
      'p.name_enc',
      'p.name_mask',
      'p.id_type',
      'p.id_number_mask',
      'p.sex',
      'p.birth_date',
      'p.ethnicity',
      'p.marital_status',
      'p.phone_mask',
      'p.bank_account_mask',
      'p.bank_name',
      'p.disability_category',
      'p.disability_grade',
      'p.self_care_level',
      'p.education_level',
      'p.in_fulltime_education',
      'p.special_status',
      'p.cohabiting_long_term',
      'p.employment_status',
      'p.monthly_income_fen',
      'm.id as member_id',
      'm.relation_code',
      'm.joined_on',
      'm.left_on',
      'm.left_reason',
      'h.household_no',
      'h.town_code',
      'h.village_code',
      'h.address',
      'h.hukou_type',
      'h.residence_code',
      'h.urban_rural',
      'h.status as household_status',
      'h.version as household_version',
      'h.created_at as household_created_at',
      'h.updated_at as household_updated_at',
      'v.name as village_name',
      't.name as town_name',
    ])
    .where('h.county_code', '=', countyCode)
    .where(inJurisdiction(filter))
    .where('h.id', '=', id)
    .orderBy('m.left_on', (o) => o.nullsFirst())
    .orderBy('m.relation_code')
    .orderBy('p.birth_date')
    .execute();

export type MemberWithPerson = Awaited<ReturnType<typeof getHouseholdWithMembers>>[number];

export const getHistory = (db: Db, countyCode: string, householdId: string) =>
  db
    .selectFrom('record_version')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('household_id', '=', householdId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();

/** A person reachable by the caller: through a household in the caller's jurisdiction. */
export const getPersonInJurisdiction = (
  db: Db,
  countyCode: string,
  filter: JurisdictionFilter,
  personId: string,
) =>
  db
    .selectFrom('person as p')
    .innerJoin('household_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.person_id', '=', 'p.id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'm.county_code').onRef('h.id', '=', 'm.household_id'),
    )
    .select([
      'p.id',
      'p.id_number_enc',
      'p.phone_enc',
      'p.bank_account_enc',
      'p.name_mask',
      'p.id_number_mask',
      'h.id as household_id',
    ])
    .where('p.county_code', '=', countyCode)
    .where('p.id', '=', personId)
    .where(inJurisdiction(filter))
    .orderBy('m.left_on', (o) => o.nullsFirst())
    .limit(1)
    .executeTakeFirst();
