import { type Kysely, sql } from 'kysely';

// Effective-dated policy parameters per county (§13), append-only like the standards (0004).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table policy_parameter (
      county_code char(6) not null,
      id bigint generated always as identity,
      key text not null,
      value jsonb not null,
      effective_from date not null check (extract(day from effective_from) = 1),
      reason text not null,
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id)
    );
    create index policy_parameter_lookup on policy_parameter (county_code, key, effective_from desc, id desc);
    create trigger policy_parameter_no_update before update or delete on policy_parameter
      for each row execute function append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table policy_parameter;`.execute(db);
}
