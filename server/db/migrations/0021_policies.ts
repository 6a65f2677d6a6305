import { type Kysely, sql } from 'kysely';

// The comprehensive-assistance catalogue "泰汇救" (domain-rules §9.3; S6 §五(一) 一次申请、分类审核认定):
// - policy_department: the county's departments (12 in the demo) with the working days they have
//   to answer a referral.
// - policy: a department's policy with its eligibility in CEL over the documented context
//   (contracts/policies.ts CEL_CONTEXT), validated when saved; version counts the edits.
// - department_user: which department an account of the department_liaison role answers for.
// - policy_match: a subject (person or household) a matching run found eligible, one row per
//   policy and subject; LAPSED when the condition no longer holds.
// - department_referral: a match referred (转办) to its department, answered GRANTED / REFUSED by
//   due_on; the answer closes the link in the household's assistance chain (一户一条救助链).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table policy_department (
      county_code char(6) not null,
      code text not null,
      name text not null,
      name_en text not null,
      contact_phone text not null,
      answer_working_days integer not null check (answer_working_days between 1 and 60),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, code)
    );

    create table policy (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      code text not null,
      department_code text not null,
      name text not null,
      summary text not null,
      legal_basis text not null,
      target_categories text[] not null,
      benefit text not null,
      how_to_apply text not null,
      contact text not null,
      subject text not null check (subject in ('PERSON', 'HOUSEHOLD')),
      eligibility text not null,
      eligibility_text text not null,
      referable boolean not null,
      active boolean not null,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      updated_by uuid,
      primary key (county_code, id),
      unique (county_code, code),
      foreign key (county_code, department_code) references policy_department (county_code, code)
    );
    create index policy_department_code on policy (county_code, department_code);

    create table department_user (
      county_code char(6) not null,
      user_id uuid not null references app_user (id),
      department_code text not null,
      linked_by uuid,
      linked_at timestamptz not null,
      primary key (county_code, user_id),
      foreign key (county_code, department_code) references policy_department (county_code, code)
    );

    create table policy_match (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      policy_id uuid not null,
      subject_key text not null,
      household_id uuid not null,
      person_id uuid,
      town_code varchar(9) not null,
      village_code varchar(12) not null,
      state text not null check (state in ('ELIGIBLE', 'PUSHED', 'GRANTED', 'REFUSED', 'LAPSED')),
      first_matched_on date not null,
      last_matched_on date not null,
      evidence jsonb not null,
      referral_id uuid,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, policy_id, subject_key),
      foreign key (county_code, policy_id) references policy (county_code, id),
      foreign key (county_code, household_id) references household (county_code, id),
      check (first_matched_on <= last_matched_on)
    );
    create index policy_match_state on policy_match (county_code, state);

    create table department_referral (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      match_id uuid,
      policy_id uuid not null,
      department_code text not null,
      household_id uuid not null,
      person_id uuid,
      town_code varchar(9) not null,
      village_code varchar(12) not null,
      reason text not null,
      referred_on date not null,
      due_on date not null,
      state text not null check (state in ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
      answered_on date,
      answer_reason text,
      amount_fen bigint check (amount_fen >= 0),
      answered_by uuid,
      answered_by_name text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, match_id) references policy_match (county_code, id),
      foreign key (county_code, policy_id) references policy (county_code, id),
      foreign key (county_code, department_code) references policy_department (county_code, code),
      foreign key (county_code, household_id) references household (county_code, id),
      check (referred_on <= due_on),
      check (state <> 'REFUSED' or answer_reason is not null)
    );
    create index department_referral_department on department_referral (county_code, department_code, state);
    create index department_referral_household on department_referral (county_code, household_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table department_referral; drop table policy_match; drop table department_user;
    drop table policy; drop table policy_department;`.execute(db);
}
