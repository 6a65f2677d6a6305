import { type Kysely, sql } from 'kysely';

// Reminders the daily job raises on cases (§3.6 SLAs; §3.9 review schedules; §6.5 first aid within
// 24 hours): one row per case, kind and due date, so a reminder is raised once however often the
// job runs, and a new deadline raises a new one.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table case_reminder (
      county_code char(6) not null,
      id bigint generated always as identity,
      case_id uuid not null,
      kind text not null check (kind in ('DUE_SOON', 'OVERDUE', 'REVIEW_DUE')),
      due_on date not null,
      raised_on date not null,
      town_code char(9) not null,
      village_code char(12) not null,
      primary key (county_code, id),
      unique (county_code, case_id, kind, due_on),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create index case_reminder_town on case_reminder (county_code, town_code, raised_on desc);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table case_reminder;`.execute(db);
}
