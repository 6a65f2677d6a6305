import { type Kysely, sql } from 'kysely';

// Bank files of payroll runs (M5):
// - bank_layout: the column layout and format a county sends its paying bank, per payroll scheme
//   (absent ⇒ the standard layout 户主姓名, 身份证号, 银行账号, 开户行, 金额(元), 摘要 in xlsx).
// - bank_export: one row per bank file downloaded (count and control total), so the reconciliation
//   can tell "approved" from "sent to the bank" without touching the immutable lines.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table bank_layout (
      county_code char(6) not null,
      scheme text not null check (scheme in ('DIBAO', 'TEKUN', 'TEMPORARY')),
      columns jsonb not null,
      format text not null check (format in ('xlsx', 'csv')),
      updated_by uuid,
      updated_at timestamptz not null,
      primary key (county_code, scheme)
    );

    create table bank_export (
      county_code char(6) not null,
      id bigint generated always as identity,
      run_id uuid not null,
      format text not null,
      line_count integer not null,
      total_fen bigint not null,
      created_by uuid,
      created_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, run_id) references payroll_run (county_code, id)
    );
    create index bank_export_run on bank_export (county_code, run_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table bank_export; drop table bank_layout;`.execute(db);
}
