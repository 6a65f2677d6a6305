import { type Kysely, sql } from 'kysely';

// household.village_code was char(12) while admin_unit.code is varchar(12): joining them cast the
// key, so the planner could not use admin_unit's primary key (a sequential scan of every division,
// harmless for 116 villages, ruinous for a province's 600,000). Same type on both sides now.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table household
      alter column village_code type varchar(12),
      alter column town_code type varchar(9);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table household
      alter column village_code type char(12),
      alter column town_code type char(9);
  `.execute(db);
}
