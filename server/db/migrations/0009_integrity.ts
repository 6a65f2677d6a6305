import { type Kysely, sql } from 'kysely';

// Integrity and error tolerance (诚信与容错纠错, domain-rules §2.5): findings against households
// (criticism for a change unreported > 3 months, fraud with the amount obtained, the order to
// recover it and a fine of 1–3×), what has been recovered (repaid, or deducted by payroll), and
// officials' corrections of their own decisions with the cause, approval and report.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table integrity_record (
      county_code char(6) not null,
      id bigint generated always as identity,
      household_id uuid,
      case_id uuid,
      kind text not null check (kind in ('CRITICISM', 'FRAUD')),
      found_on date not null,
      months_unreported smallint,
      obtained_fen bigint not null default 0 check (obtained_fen >= 0),
      fine_min_fen bigint not null default 0,
      fine_max_fen bigint not null default 0,
      fine_fen bigint check (fine_fen is null or (fine_fen >= fine_min_fen and fine_fen <= fine_max_fen)),
      note text not null default '',
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create index integrity_record_household on integrity_record (county_code, household_id);

    create table recovery_payment (
      county_code char(6) not null,
      id bigint generated always as identity,
      record_id bigint not null,
      on_date date not null,
      amount_fen bigint not null check (amount_fen > 0),
      method text not null check (method in ('REPAYMENT', 'PAYROLL_DEDUCTION')),
      note text not null default '',
      created_by uuid,
      created_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, record_id) references integrity_record (county_code, id)
    );
    create trigger recovery_payment_no_update before update or delete on recovery_payment
      for each row execute function append_only();

    create table decision_correction (
      county_code char(6) not null,
      id bigint generated always as identity,
      case_id uuid not null,
      event_seq integer not null,
      cause text not null check (cause in ('OBJECTIVE', 'SUBJECTIVE')),
      description text not null,
      remedy text not null,
      status text not null default 'PROPOSED' check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
      proposed_by uuid,
      proposed_by_name text not null,
      proposed_at timestamptz not null,
      decided_by uuid,
      decided_by_name text,
      decided_at timestamptz,
      decision_note text,
      primary key (county_code, id),
      foreign key (county_code, case_id, event_seq) references case_event (county_code, case_id, seq)
    );
    create index decision_correction_status on decision_correction (county_code, status, proposed_at);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table decision_correction;
    drop table recovery_payment;
    drop table integrity_record;
  `.execute(db);
}
