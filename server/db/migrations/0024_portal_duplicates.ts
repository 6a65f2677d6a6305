import { type Kysely, sql } from 'kysely';

// One open case per household and scheme (0006) is checked when the town accepts an online
// application, not when the citizen submits it: a portal application still at SUBMITTED is left out of
// the unique index. Refusing the submission would tell anyone holding an ID number that the
// household has a case in progress (§2.2, §9.5: no public endpoint reveals registry membership); the
// town instead records 不予受理 for a duplicate, and accepting one is refused by the index as before.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index assistance_case_one_open;
    create unique index assistance_case_one_open on assistance_case
      (county_code, household_id, scheme, coalesce(subject_person_id, '00000000-0000-0000-0000-000000000000'::uuid))
      where stage <> 'CLOSED' and scheme not in ('TEMP_URGENT', 'TEMP_EXPENDITURE')
        and not (channel = 'PORTAL' and state = 'SUBMITTED');
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index assistance_case_one_open;
    create unique index assistance_case_one_open on assistance_case
      (county_code, household_id, scheme, coalesce(subject_person_id, '00000000-0000-0000-0000-000000000000'::uuid))
      where stage <> 'CLOSED' and scheme not in ('TEMP_URGENT', 'TEMP_EXPENDITURE');
  `.execute(db);
}
