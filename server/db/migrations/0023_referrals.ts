import { type Kysely, sql } from 'kysely';

// Indexes of "policy finds the person" (domain-rules §9.3) over the tables of 0021_policies:
// - policy_match_subject: a matching run reads the matches of a batch's persons and households by
//   subject, for all policies at once (the unique key leads with the policy);
// - department_referral_match: the referrals of those matches ("not yet delivered" = none in any state);
// - department_referral_one_pending: at most one pending referral per match, so two runs racing on the
//   same subject cannot refer it twice;
// - department_referral_village: the worklists of towns and villages.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index policy_match_subject on policy_match (county_code, subject_key);
    create index policy_match_household on policy_match (county_code, household_id);
    create index department_referral_match on department_referral (county_code, match_id);
    create unique index department_referral_one_pending on department_referral (county_code, match_id)
      where state = 'PENDING';
    create index department_referral_village on department_referral (county_code, village_code, state);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index department_referral_village; drop index department_referral_one_pending;
    drop index department_referral_match; drop index policy_match_household; drop index policy_match_subject;`.execute(
    db,
  );
}
