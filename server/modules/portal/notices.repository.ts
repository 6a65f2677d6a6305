import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of 码上查: the county's towns and villages, and a village's long-term recipient list. The
// publicity list is the documents module's query (documents.repository publicityCases), so the
// printed notice and the web notice show the same cases.

type Db = Kysely<DB>;

export const currentDivisions = (db: Db, countyCode: string) =>
  db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('county_code', '=', countyCode)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();

/** Schemes whose current recipients are published (S1 Art.24 低保; S2 Art.17 特困). */
export const RECIPIENT_SCHEMES = ['DIBAO', 'DIBAO_SINGLE', 'TEKUN'] as const;

/**
 * The village's cases now paid (stage ACTIVE) with the applicant and the amount in force this month
 * (else the version about to start, for a case confirmed this month).
 */
export async function recipients(db: Db, countyCode: string, villageCode: string, month: string) {
  const r = await sql<{
    id: string;
    scheme: (typeof RECIPIENT_SCHEMES)[number];
    applicant_id: string | null;
    amount_fen: string | number;
    household_size: number;
  }>`
    select c.id, c.scheme, coalesce(c.subject_person_id, h.head_person_id) as applicant_id,
           e.amount_fen, e.household_size
    from assistance_case c
    left join household h on h.county_code = c.county_code and h.id = c.household_id
    cross join lateral (
      select amount_fen, household_size from entitlement e
      where e.county_code = c.county_code and e.case_id = c.id
      order by (e.effective_from <= ${month}::date) desc, e.version desc
      limit 1
    ) e
    where c.county_code = ${countyCode} and c.village_code = ${villageCode}
      and c.stage = 'ACTIVE' and c.scheme in ('DIBAO', 'DIBAO_SINGLE', 'TEKUN')
    order by c.scheme, c.case_no`.execute(db);
  return r.rows.map((x) => ({ ...x, amount_fen: Number(x.amount_fen) }));
}

/** Masks (and, for an unmasked notice, sealed names) of the named persons of one county. */
export const personNames = (db: Db, countyCode: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'name_mask', 'name_enc'])
        .where('county_code', '=', countyCode)
        .where('id', 'in', [...ids])
        .execute();
