import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CareInstitutionTable, DB } from '../../db/schema.ts';

// The county's 供养服务机构 with how many open 特困 cases each supports now.

type Db = Kysely<DB> | Transaction<DB>;
export type InstitutionRow = Selectable<CareInstitutionTable> & { residents: number };

const withResidents = (db: Db, county: string) =>
  db
    .selectFrom('care_institution as i')
    .selectAll('i')
    .select(
      sql<number>`(select count(*)::int4 from assistance_case c
        where c.county_code = i.county_code and c.institution_id = i.id and c.stage <> 'CLOSED')`.as(
        'residents',
      ),
    )
    .where('i.county_code', '=', county);

export const listInstitutions = (db: Db, county: string) =>
  withResidents(db, county).orderBy('i.town_code').orderBy('i.name').execute();

export const getInstitution = (db: Db, county: string, id: string) =>
  withResidents(db, county).where('i.id', '=', id).executeTakeFirst();

/** Locks the institution row so two placements cannot both take its last bed. */
export const lockInstitution = (trx: Transaction<DB>, county: string, id: string) =>
  trx
    .selectFrom('care_institution')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function countResidents(trx: Db, county: string, id: string, exceptCase: string | null) {
  const r = await trx
    .selectFrom('assistance_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('county_code', '=', county)
    .where('institution_id', '=', id)
    .where('stage', '<>', 'CLOSED')
    .$if(exceptCase !== null, (q) => q.where('id', '<>', exceptCase as string))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
