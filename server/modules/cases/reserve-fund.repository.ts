import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of the township reserve fund (备用金) ledger.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

/**
 * An entry's effect on the town's balance: the district allocates (+), first aid draws (−), the
 * town returns money to the district (−); a reconciliation moves nothing.
 */
export const SIGNED_AMOUNT = sql<number>`case kind when 'ALLOCATE' then amount_fen when 'DRAW' then -amount_fen when 'RETURN' then -amount_fen else 0 end`;

/** Serialises writers of one town's ledger for the rest of the transaction. */
export async function lockTownLedger(trx: Trx, countyCode: string, townCode: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`reserve:${countyCode}:${townCode}`}))`.execute(trx);
}

/** The balance now, or at the end of the day before `before` ('YYYY-MM-DD') when given. */
export async function balanceFen(
  db: Db | Trx,
  countyCode: string,
  townCode: string,
  before?: string,
): Promise<number> {
  const r = await sql<{ b: number }>`
    select coalesce(sum(${SIGNED_AMOUNT}), 0)::int8 as b
    from reserve_fund_entry where county_code = ${countyCode} and town_code = ${townCode}
      and (${before ?? null}::date is null or on_date < ${before ?? null}::date)`.execute(db);
  return Number(r.rows[0]?.b ?? 0);
}

export type NewEntry = {
  county_code: string;
  town_code: string;
  on_date: string;
  kind: 'ALLOCATE' | 'DRAW' | 'RETURN' | 'RECONCILE';
  amount_fen: number;
  case_id: string | null;
  month: string | null;
  note: string;
  detail: Record<string, unknown>;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
};

export const insertEntry = (trx: Trx, e: NewEntry) =>
  trx
    .insertInto('reserve_fund_entry')
    .values({ ...e, detail: JSON.stringify(e.detail) })
    .returning('id')
    .executeTakeFirstOrThrow();

export const listEntries = (db: Db, countyCode: string, townCode: string, from: string, to: string) =>
  db
    .selectFrom('reserve_fund_entry as f')
    .leftJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'f.county_code').onRef('c.id', '=', 'f.case_id'),
    )
    .select([
      'f.id',
      'f.on_date',
      'f.kind',
      'f.amount_fen',
      'f.case_id',
      'f.month',
      'f.note',
      'f.detail',
      'f.created_by_name',
      'c.case_no',
      'c.state as case_state',
      sql<string | null>`c.model->>'regularizedAt'`.as('regularized_at'),
    ])
    .where('f.county_code', '=', countyCode)
    .where('f.town_code', '=', townCode)
    .where('f.on_date', '>=', from)
    .where('f.on_date', '<', to)
    .orderBy('f.id')
    .execute();

export const findReconcile = (db: Db | Trx, countyCode: string, townCode: string, month: string) =>
  db
    .selectFrom('reserve_fund_entry')
    .select(['id', 'on_date', 'note', 'detail', 'created_by_name'])
    .where('county_code', '=', countyCode)
    .where('town_code', '=', townCode)
    .where('kind', '=', 'RECONCILE')
    .where('month', '=', month)
    .executeTakeFirst();
