import { type Kysely, sql } from 'kysely';

// Charity as a supplement (慈善帮扶, domain-rules §9.2; S6 §四(六)):
// - charity_org: the county's charity organisations (统一社会信用代码 unique per county).
// - charity_user: which organisation an account of the charity role acts for (one each).
// - charity_project: a project with its budget in fen, target groups, needs and period. used_fen is
//   the sum of its disbursements, kept under the project's row lock; the check constraint is the last
//   guard that a project never pays more than its budget.
// - charity_referral: a household (or person) referred to an organisation, from a case or an alert,
//   with the answer due date; REFERRED → ACCEPTED / DECLINED → DISBURSED → CLOSED. One open referral
//   per household, organisation and need (avoids duplicate help, §7.3).
// - charity_disbursement: money or goods (at their value) given from a project to a household; it
//   shows in the household's assistance chain (一户一条救助链, §7.3).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table charity_org (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      name text not null,
      credit_code char(18) not null,
      contact_name text not null,
      contact_phone text not null,
      address text not null default '',
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, credit_code)
    );

    create table charity_user (
      county_code char(6) not null,
      user_id uuid not null references app_user (id),
      org_id uuid not null,
      linked_by uuid,
      linked_at timestamptz not null,
      primary key (county_code, user_id),
      foreign key (county_code, org_id) references charity_org (county_code, id)
    );

    create table charity_project (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      org_id uuid not null,
      name text not null,
      description text not null default '',
      budget_fen bigint not null check (budget_fen > 0),
      used_fen bigint not null default 0 check (used_fen >= 0),
      target_categories text[] not null,
      needs text[] not null,
      period_from date not null,
      period_to date not null,
      status text not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, org_id) references charity_org (county_code, id),
      check (period_from <= period_to),
      check (used_fen <= budget_fen)
    );
    create index charity_project_org on charity_project (county_code, org_id);

    create table charity_referral (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      org_id uuid not null,
      project_id uuid,
      household_id uuid not null,
      person_id uuid,
      case_id uuid,
      alert_id uuid,
      town_code varchar(9) not null,
      village_code varchar(12) not null,
      need text not null,
      description text not null,
      state text not null check (state in ('REFERRED', 'ACCEPTED', 'DECLINED', 'DISBURSED', 'CLOSED')),
      referred_by uuid,
      referred_by_name text not null,
      referred_on date not null,
      due_on date not null,
      answered_on date,
      answered_by_name text,
      decline_reason text,
      closed_on date,
      close_note text,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, org_id) references charity_org (county_code, id),
      foreign key (county_code, project_id) references charity_project (county_code, id),
      foreign key (county_code, household_id) references household (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      foreign key (county_code, alert_id) references alert (county_code, id),
      check (state <> 'DECLINED' or decline_reason is not null)
    );
    create unique index charity_referral_open on charity_referral (county_code, org_id, household_id, need)
      where state in ('REFERRED', 'ACCEPTED');
    create index charity_referral_org on charity_referral (county_code, org_id, state, due_on);
    create index charity_referral_village on charity_referral (county_code, village_code, state);
    create index charity_referral_town on charity_referral (county_code, town_code, state);
    create index charity_referral_household on charity_referral (county_code, household_id);

    create table charity_disbursement (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      org_id uuid not null,
      project_id uuid not null,
      referral_id uuid,
      household_id uuid not null,
      person_id uuid,
      town_code varchar(9) not null,
      village_code varchar(12) not null,
      kind text not null check (kind in ('CASH', 'IN_KIND')),
      value_fen bigint not null check (value_fen > 0),
      item_description text,
      disbursed_on date not null,
      note text not null default '',
      recorded_by uuid,
      recorded_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, project_id) references charity_project (county_code, id),
      foreign key (county_code, referral_id) references charity_referral (county_code, id),
      foreign key (county_code, household_id) references household (county_code, id),
      check (kind <> 'IN_KIND' or item_description is not null)
    );
    create index charity_disbursement_household on charity_disbursement (county_code, household_id, disbursed_on);
    create index charity_disbursement_project on charity_disbursement (county_code, project_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table charity_disbursement; drop table charity_referral; drop table charity_project;
    drop table charity_user; drop table charity_org;`.execute(db);
}
