import { type Kysely, sql } from 'kysely';

// Effective-dated assistance standards per county (§9.4). Rows are only ever added: the value of a
// series on a date is the row with the latest effective_from on or before it (a later row with
// the same effective_from corrects an earlier one), so the history of every standard survives.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table benefit_standard (
      county_code char(6) not null,
      id bigint generated always as identity,
      series text not null,
      amount_fen bigint not null check (amount_fen >= 0),
      effective_from date not null check (extract(day from effective_from) = 1),
      reason text not null,
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id)
    );
    create index benefit_standard_lookup on benefit_standard (county_code, series, effective_from desc, id desc);
    create function append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: add a new row instead (只可追加，不可修改)', tg_table_name;
    end $$;
    create trigger benefit_standard_no_update before update or delete on benefit_standard
      for each row execute function append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table benefit_standard;
    drop function append_only;
  `.execute(db);
}
