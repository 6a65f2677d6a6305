import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Recovery deductions on approval (M5 rule 6; §2.5; S3 Art.68): what a run deducted is checked
// against what households still owe and booked as PAYROLL_DEDUCTION recovery payments, in the
// approval transaction.

type Trx = Transaction<DB>;
const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/** Households whose deductions in the run exceed what they still owe (a repayment since computing). */
export async function countStaleDeductions(trx: Trx, county: string, runId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    with d as (
      select household_id, sum(deduction_fen) as amt from payroll_line
      where county_code = ${county} and run_id = ${runId}::uuid and deduction_fen > 0 group by household_id
    ), owed as (
      select r.household_id, sum(greatest(0, r.obtained_fen + coalesce(r.fine_fen, 0) - coalesce((
        select sum(p.amount_fen) from recovery_payment p where p.county_code = r.county_code and p.record_id = r.id), 0)))
        as owed
      from integrity_record r where r.county_code = ${county} and r.kind = 'FRAUD'
        and r.household_id in (select household_id from d)
      group by r.household_id
    )
    select count(*)::int4 as n from d left join owed o on o.household_id = d.household_id
    where d.amt > coalesce(o.owed, 0)`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/**
 * Rule 6 on approval: the run's deductions become PAYROLL_DEDUCTION recovery payments, each
 * household's total spread over its FRAUD records, oldest first, each up to what it still owes.
 */
export async function insertDeductionRecoveries(
  trx: Trx,
  county: string,
  runId: string,
  on: string,
  by: string | null,
  at: Date,
  note: string,
): Promise<number> {
  const r = await sql`
    with d as (
      select household_id, sum(deduction_fen) as amt from payroll_line
      where county_code = ${county} and run_id = ${runId}::uuid and deduction_fen > 0 group by household_id
    ), rec as (
      select r.id, r.household_id, greatest(0, r.obtained_fen + coalesce(r.fine_fen, 0) - coalesce((
        select sum(p.amount_fen) from recovery_payment p where p.county_code = r.county_code and p.record_id = r.id), 0))
        as owed
      from integrity_record r where r.county_code = ${county} and r.kind = 'FRAUD'
        and r.household_id in (select household_id from d)
    ), spread as (
      select rec.id, rec.owed, d.amt - coalesce(sum(rec.owed) over (partition by rec.household_id order by rec.id
        rows between unbounded preceding and 1 preceding), 0) as left_amt
      from rec join d on d.household_id = rec.household_id
    )
    insert into recovery_payment (county_code, record_id, on_date, amount_fen, method, note, created_by, created_at)
    select ${county}, id, ${on}::date, least(owed, left_amt), 'PAYROLL_DEDUCTION', ${note}, ${by}::uuid, ${at}
    from spread where owed > 0 and left_amt > 0`.execute(trx);
  return affected(r);
}
