import { type Kysely, sql } from 'kysely';

// Where the county has delegated the 低保 confirmation to a township (S1 Art.2 ¶2; S4 #24; §2.3):
// effective-dated per town and scheme, only ever added, so an application keeps the level that
// applied on the day it was made.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table approval_delegation (
      county_code char(6) not null,
      id bigint generated always as identity,
      town_code char(9) not null,
      scheme text not null check (scheme in ('DIBAO', 'DIBAO_SINGLE')),
      approval_level text not null check (approval_level in ('COUNTY', 'TOWNSHIP')),
      effective_from date not null,
      reason text not null,
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id)
    );
    create index approval_delegation_lookup on approval_delegation (county_code, town_code, scheme, effective_from desc, id desc);
    create trigger approval_delegation_no_update before update or delete on approval_delegation
      for each row execute function append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table approval_delegation;`.execute(db);
}
