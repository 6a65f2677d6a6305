import { type Kysely, sql } from 'kysely';

// Payroll (M5), after 0011:
// - Reissues: every run looks for lines the bank reported FAILED in earlier approved runs. They are
//   few among millions of lines, so a partial index finds them without scanning every line; the
//   back-pay and reissue items already paid are found by case through a second partial index.
// - The immutability guard compared whole rows, but in a BEFORE trigger a stored generated column
//   (net_fen) is not yet computed in NEW (it reads NULL), so even recording the bank's answer on an
//   approved line was refused. net_fen follows gross and deduction, which stay compared.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index payroll_line_failed on payroll_line (county_code, scheme, month)
      where bank_status = 'FAILED';
    -- "Already back-paid / reissued in another month?" is asked per candidate line; the primary key
    -- leads with the month, so without this (small, partial) index each question scans the scheme.
    create index payroll_line_once on payroll_line (county_code, case_id, kind, item)
      where kind <> 'MONTHLY';

    create or replace function payroll_line_guard() returns trigger language plpgsql as $$
    declare st text;
    begin
      select status into st from payroll_run where county_code = old.county_code and id = old.run_id;
      if st = 'APPROVED' then
        if tg_op = 'DELETE' or (to_jsonb(new) - 'bank_status' - 'bank_reason' - 'bank_ref' - 'net_fen')
            is distinct from (to_jsonb(old) - 'bank_status' - 'bank_reason' - 'bank_ref' - 'net_fen') then
          raise exception 'payroll run % is approved: its lines are immutable (已审批的发放批次不可修改)', old.run_id;
        end if;
      end if;
      return coalesce(new, old);
    end $$;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index payroll_line_once; drop index payroll_line_failed;`.execute(db);
}
