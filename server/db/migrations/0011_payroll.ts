import { type Kysely, sql } from 'kysely';

// Monthly payroll (M5, domain-rules §3.8, §5.4, §6.3): a run per county, scheme and month computes
// one line per case, kind and item from the entitlement versions in force; the primary key of a
// line IS the idempotency rule (running twice, or resuming after a crash, adds nothing). An
// approved run is immutable except for what the bank reports back (paid / failed, reason).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table payroll_run (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      scheme text not null check (scheme in ('DIBAO', 'TEKUN', 'TEMPORARY')),
      month date not null check (extract(day from month) = 1),
      status text not null check (status in ('COMPUTING', 'REVIEW', 'APPROVED', 'FAILED')),
      job_id uuid,
      line_count integer not null default 0,
      gross_fen bigint not null default 0,
      deduction_fen bigint not null default 0,
      net_fen bigint not null default 0,
      created_by uuid,
      created_at timestamptz not null,
      approved_by uuid,
      approved_by_name text,
      approved_at timestamptz,
      approval_note text,
      primary key (county_code, id),
      unique (county_code, scheme, month)
    );

    create table payroll_line (
      county_code char(6) not null,
      scheme text not null,
      month date not null,
      case_id uuid not null,
      kind text not null check (kind in ('MONTHLY', 'BACK_PAY', 'REISSUE', 'TEMPORARY')),
      item text not null default '',
      run_id uuid not null,
      household_id uuid,
      town_code char(9) not null,
      village_code char(12) not null,
      payee text not null default 'HOUSEHOLD' check (payee in ('HOUSEHOLD', 'INSTITUTION')),
      entitlement_version integer,
      gross_fen bigint not null check (gross_fen >= 0),
      deduction_fen bigint not null default 0 check (deduction_fen >= 0 and deduction_fen <= gross_fen),
      net_fen bigint generated always as (gross_fen - deduction_fen) stored,
      reason jsonb not null default '{}'::jsonb,
      bank_status text not null default 'PENDING' check (bank_status in ('PENDING', 'PAID', 'FAILED')),
      bank_reason text,
      bank_ref text,
      primary key (county_code, scheme, month, case_id, kind, item),
      foreign key (county_code, run_id) references payroll_run (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create index payroll_line_run on payroll_line (county_code, run_id, town_code);
    create index payroll_line_case on payroll_line (county_code, case_id, month);

    -- An approved run's lines never change, except for the bank's answer.
    create function payroll_line_guard() returns trigger language plpgsql as $$
    declare st text;
    begin
      select status into st from payroll_run where county_code = old.county_code and id = old.run_id;
      if st = 'APPROVED' then
        if tg_op = 'DELETE' or (to_jsonb(new) - 'bank_status' - 'bank_reason' - 'bank_ref')
            is distinct from (to_jsonb(old) - 'bank_status' - 'bank_reason' - 'bank_ref') then
          raise exception 'payroll run % is approved: its lines are immutable (已审批的发放批次不可修改)', old.run_id;
        end if;
      end if;
      return coalesce(new, old);
    end $$;
    create trigger payroll_line_immutable before update or delete on payroll_line
      for each row execute function payroll_line_guard();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table payroll_line;
    drop function payroll_line_guard;
    drop table payroll_run;
  `.execute(db);
}
