import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Provenance } from './dated-values.ts';

type Db = Kysely<DB>;

export const listStandardRows = (db: Db, countyCode: string) =>
  db
    .selectFrom('benefit_standard')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('series')
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** The value of every series on a date: latest effective_from on or before it, latest row first. */
export async function standardsOn(db: Db, countyCode: string, date: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('benefit_standard')
    .select(['series', 'amount_fen'])
    .distinctOn('series')
    .where('county_code', '=', countyCode)
    .where('effective_from', '<=', date)
    .orderBy('series')
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.series, r.amount_fen]));
}

export const insertStandards = (db: Db, rows: (Provenance & { series: string; amount_fen: number })[]) =>
  db.insertInto('benefit_standard').values(rows).returning('id').execute();

export const listParameterRows = (db: Db, countyCode: string) =>
  db
    .selectFrom('policy_parameter')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('key')
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Each parameter's value in force on a date (latest effective_from on or before it, latest row first). */
export async function parametersOnDate(
  db: Db,
  countyCode: string,
  date: string,
): Promise<Map<string, number | string>> {
  const rows = await db
    .selectFrom('policy_parameter')
    .select(['key', 'value'])
    .distinctOn('key')
    .where('county_code', '=', countyCode)
    .where('effective_from', '<=', date)
    .orderBy('key')
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export const insertParameters = (db: Db, rows: (Provenance & { key: string; value: string })[]) =>
  db.insertInto('policy_parameter').values(rows).returning('id').execute();
