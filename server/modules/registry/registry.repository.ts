import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, PersonTable } from '../../db/schema.ts';

// All SQL of the registry. Bulk writes use one INSERT … SELECT FROM unnest(arrays) per chunk, so a
// household created in the console and 400,000 imported from a file take the same path.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type JurisdictionFilter = { column: 'county_code' | 'town_code' | 'village_code'; value: string };

export const getDivision = (db: Db, code: string) =>
  db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit as p', 'p.code', 'u.parent_code')
    .select([
      'u.code',
      'u.county_code',
      'u.level',
      'u.name',
      'u.urban_rural_code',
      'u.valid_to',
      'p.code as parent_code',
      'p.name as parent_name',
    ])
    .where('u.code', '=', code)
    .executeTakeFirst();

export const listVillages = (db: Db, countyCode: string) =>
  db
    .selectFrom('admin_unit')
    .select(['code', 'parent_code', 'name', 'urban_rural_code', 'valid_to'])
    .where('county_code', '=', countyCode)
    .where('level', '=', 'village')
    .execute();

/**
 * Reserves consecutive household numbers in several villages at once (one statement); each
 * village's counter row lock serialises concurrent callers. Villages are locked in code order.
 */
export async function reserveHouseholdNumbers(
  trx: Trx,
  counts: Map<string, number>,
): Promise<Map<string, number>> {
  const entries = [...counts].sort(([a], [b]) => a.localeCompare(b));
  const r = await sql<{ village_code: string; first_no: number }>`
    insert into village_counter (village_code, next_no)
    select v, 1 + n from unnest(${entries.map(([v]) => v)}::text[], ${entries.map(([, n]) => n)}::int4[]) as x(v, n)
    order by v
    on conflict (village_code) do update set next_no = village_counter.next_no + excluded.next_no - 1
    returning village_code, next_no - (select n from unnest(${entries.map(([v]) => v)}::text[], ${entries.map(([, n]) => n)}::int4[]) as y(v, n) where y.v = village_counter.village_code) as first_no`.execute(
    trx,
  );
  return new Map(r.rows.map((row) => [row.village_code, row.first_no]));
}

export type HouseholdRow = {
  county_code: string;
  id: string;
  household_no: string;
  town_code: string;
  village_code: string;
  address: string;
  hukou_type: string;
  residence_code: string | null;
  urban_rural: 'urban' | 'rural';
  head_person_id: string;
  created_by: string | null;
  created_at: Date;
};

export async function insertHouseholds(trx: Trx, rows: HouseholdRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof HouseholdRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into household (county_code, id, household_no, town_code, village_code, address, hukou_type,
      residence_code, urban_rural, head_person_id, created_by, created_at, updated_at)
    select c, i, n, t, v, a, h, r, u, hp, cb, ca, ca from unnest(
      ${col('county_code')}::text[], ${col('id')}::uuid[], ${col('household_no')}::text[], ${col('town_code')}::text[],
      ${col('village_code')}::text[], ${col('address')}::text[], ${col('hukou_type')}::text[],
      ${col('residence_code')}::text[], ${col('urban_rural')}::text[],
      ${col('head_person_id')}::uuid[], ${col('created_by')}::uuid[], ${col('created_at')}::timestamptz[]
    ) as x(c, i, n, t, v, a, h, r, u, hp, cb, ca)`.execute(trx);
}

/** A person as the bulk insert writes it (version and updated_at are filled by the database; a death is a later change). */
export type PersonRow = Omit<Selectable<PersonTable>, 'version' | 'updated_at' | 'deceased_on'>;

const PERSON_COLUMNS: [keyof PersonRow, string][] = [
  ['county_code', 'text'],
  ['id', 'uuid'],
  ['id_type', 'text'],
  ['id_number_enc', 'bytea'],
  ['id_number_bidx', 'bytea'],
  ['id_number_mask', 'text'],
  ['name_enc', 'bytea'],
  ['name_bidx', 'bytea'],
  ['name_mask', 'text'],
  ['sex', 'int2'],
  ['birth_date', 'date'],
  ['ethnicity', 'text'],
  ['marital_status', 'text'],
  ['phone_enc', 'bytea'],
  ['phone_bidx', 'bytea'],
  ['phone_mask', 'text'],
  ['bank_account_enc', 'bytea'],
  ['bank_account_mask', 'text'],
  ['bank_name', 'text'],
  ['disability_cert_enc', 'bytea'],
  ['disability_category', 'int2'],
  ['disability_grade', 'int2'],
  ['self_care_level', 'text'],
  ['education_level', 'text'],
  ['in_fulltime_education', 'bool'],
  ['special_status', 'text'],
  ['cohabiting_long_term', 'bool'],
  ['employment_status', 'text'],
  ['monthly_income_fen', 'int8'],
  ['created_at', 'timestamptz'],
];

export async function insertPersons(trx: Trx, rows: PersonRow[]): Promise<void> {
  if (rows.length === 0) return;
  const names = PERSON_COLUMNS.map(([c]) => c);
  const arrays = PERSON_COLUMNS.map(([c, t]) => sql`${rows.map((r) => r[c])}::${sql.raw(t)}[]`);
  await sql`
    insert into person (${sql.join(names.map((n) => sql.ref(n)))}, updated_at)
    select *, x.created_at from unnest(${sql.join(arrays)}) as x(${sql.join(names.map((n) => sql.ref(n)))})`.execute(
    trx,
  );
}

export type MemberRow = {
  county_code: string;
  id: string;
  household_id: string;
  person_id: string;
  relation_code: string;
  joined_on: string;
};

export async function insertMembers(trx: Trx, rows: MemberRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof MemberRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into household_member (county_code, id, household_id, person_id, relation_code, joined_on)
    select * from unnest(${col('county_code')}::text[], ${col('id')}::uuid[], ${col('household_id')}::uuid[],
      ${col('person_id')}::uuid[], ${col('relation_code')}::text[], ${col('joined_on')}::date[])`.execute(
    trx,
  );
}

export type VersionRow = {
  county_code: string;
  household_id: string;
  entity_type: 'household' | 'person' | 'member';
  entity_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
  reason: string;
  changes: string;
};

export async function insertVersions(trx: Trx, rows: VersionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof VersionRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into record_version (county_code, household_id, entity_type, entity_id, action, actor_id, actor_name, at, reason, changes)
    select * from unnest(${col('county_code')}::text[], ${col('household_id')}::uuid[], ${col('entity_type')}::text[],
      ${col('entity_id')}::uuid[], ${col('action')}::text[], ${col('actor_id')}::uuid[], ${col('actor_name')}::text[],
      ${col('at')}::timestamptz[], ${col('reason')}::text[], ${col('changes')}::jsonb[])`.execute(trx);
}

/** Persons known by ID number (blind index), with the household they are active in, if any. */
export async function findPersonsByIdIndex(db: Db, countyCode: string, bidx: Buffer[]) {
  if (bidx.length === 0) return [];
  return db
    .selectFrom('person as p')
    .leftJoin('household_member as m', (j) =>
      j
        .onRef('m.county_code', '=', 'p.county_code')
        .onRef('m.person_id', '=', 'p.id')
        .on('m.left_on', 'is', null),
    )
    .leftJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'm.county_code').onRef('h.id', '=', 'm.household_id'),
    )
    .select(['p.id', 'p.id_number_bidx', 'p.id_number_mask', 'h.id as household_id', 'h.household_no'])
    .where('p.county_code', '=', countyCode)
    .where('p.id_number_bidx', 'in', bidx)
    .execute();
}

/** Rewrites a known person's stored fields (a returning person joining a new household). */
export async function overwritePerson(trx: Trx, row: PersonRow): Promise<void> {
  const { county_code, id, created_at, ...fields } = row;
  await trx
    .updateTable('person')
    .set((eb) => ({ ...fields, updated_at: created_at, version: eb('version', '+', 1) }) as never)
    .where('county_code', '=', county_code)
    .where('id', '=', id)
    .execute();
}
