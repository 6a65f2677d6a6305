import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of integrity findings, recoveries and decision corrections (§2.5).

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type NewRecord = {
  county_code: string;
  household_id: string | null;
  case_id: string | null;
  kind: 'CRITICISM' | 'FRAUD';
  found_on: string;
  months_unreported: number | null;
  obtained_fen: number;
  fine_min_fen: number;
  fine_max_fen: number;
  note: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
};

export const insertRecord = (trx: Trx, r: NewRecord) =>
  trx.insertInto('integrity_record').values(r).returning('id').executeTakeFirstOrThrow();

/** Records with what has been recovered so far. */
export async function listRecords(
  db: Db | Trx,
  countyCode: string,
  where: {
    householdId?: string | undefined;
    caseId?: string | undefined;
    id?: number | undefined;
    townCode?: string | undefined;
  },
) {
  const r = await sql<{
    id: number;
    household_id: string | null;
    case_id: string | null;
    case_no: string | null;
    kind: 'CRITICISM' | 'FRAUD';
    found_on: string;
    months_unreported: number | null;
    obtained_fen: number;
    fine_min_fen: number;
    fine_max_fen: number;
    fine_fen: number | null;
    recovered_fen: number;
    note: string;
    created_by_name: string;
  }>`
    select r.id, r.household_id, r.case_id, c.case_no, r.kind, r.found_on, r.months_unreported, r.obtained_fen,
      r.fine_min_fen, r.fine_max_fen, r.fine_fen, r.note, r.created_by_name,
      coalesce((select sum(p.amount_fen) from recovery_payment p
        where p.county_code = r.county_code and p.record_id = r.id), 0)::int8 as recovered_fen
    from integrity_record r
    left join assistance_case c on c.county_code = r.county_code and c.id = r.case_id
    where r.county_code = ${countyCode}
      and (${where.householdId ?? null}::uuid is null or r.household_id = ${where.householdId ?? null}::uuid)
      and (${where.caseId ?? null}::uuid is null or r.case_id = ${where.caseId ?? null}::uuid)
      and (${where.id ?? null}::int8 is null or r.id = ${where.id ?? null}::int8)
      and (${where.townCode ?? null}::text is null or c.town_code = ${where.townCode ?? null}::text)
    order by r.found_on desc, r.id desc
    limit 500`.execute(db);
  return r.rows.map((x) => ({ ...x, recovered_fen: Number(x.recovered_fen) }));
}

export const lockRecord = (trx: Trx, countyCode: string, id: number) =>
  trx
    .selectFrom('integrity_record')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const setFine = (trx: Trx, countyCode: string, id: number, fineFen: number) =>
  trx
    .updateTable('integrity_record')
    .set({ fine_fen: fineFen })
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .execute();

export const insertPayment = (
  trx: Trx,
  p: {
    county_code: string;
    record_id: number;
    on_date: string;
    amount_fen: number;
    method: 'REPAYMENT' | 'PAYROLL_DEDUCTION';
    note: string;
    created_by: string | null;
    created_at: Date;
  },
) => trx.insertInto('recovery_payment').values(p).returning('id').executeTakeFirstOrThrow();

export const recoveredFen = async (trx: Trx, countyCode: string, recordId: number) =>
  Number(
    (
      await trx
        .selectFrom('recovery_payment')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
        .where('county_code', '=', countyCode)
        .where('record_id', '=', recordId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertCorrection = (
  trx: Trx,
  c: {
    county_code: string;
    case_id: string;
    event_seq: number;
    cause: 'OBJECTIVE' | 'SUBJECTIVE';
    description: string;
    remedy: string;
    proposed_by: string | null;
    proposed_by_name: string;
    proposed_at: Date;
  },
) => trx.insertInto('decision_correction').values(c).returning('id').executeTakeFirstOrThrow();

export const lockCorrection = (trx: Trx, countyCode: string, id: number) =>
  trx
    .selectFrom('decision_correction')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const listCorrections = (db: Db, countyCode: string, from: string, to: string) =>
  db
    .selectFrom('decision_correction as d')
    .innerJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'd.county_code').onRef('c.id', '=', 'd.case_id'),
    )
    .innerJoin('case_event as e', (j) =>
      j
        .onRef('e.county_code', '=', 'd.county_code')
        .onRef('e.case_id', '=', 'd.case_id')
        .onRef('e.seq', '=', 'd.event_seq'),
    )
    .select([
      'd.id',
      'd.case_id',
      'c.case_no',
      'c.town_code',
      'd.event_seq',
      'e.type as event_type',
      'e.on_date as event_on',
      'd.cause',
      'd.description',
      'd.remedy',
      'd.status',
      'd.proposed_by_name',
      'd.proposed_at',
      'd.decided_by_name',
      'd.decided_at',
      'd.decision_note',
    ])
    .where('d.county_code', '=', countyCode)
    .where('d.proposed_at', '>=', new Date(`${from}T00:00:00+08:00`))
    .where('d.proposed_at', '<', new Date(`${to}T00:00:00+08:00`))
    .orderBy('d.proposed_at', 'desc')
    .execute();
