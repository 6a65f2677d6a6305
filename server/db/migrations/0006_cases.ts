import { type Kysely, sql } from 'kysely';

// Cases (申请与在保对象), their recorded transitions, entitlement versions and the batch
// recalculation that follows a standard change (domain-rules §1, §2.4, §3.7–3.9, §5, §9.4).
//
// - assistance_case keeps the pure state-machine snapshot (model) beside the columns worklists
//   filter and sort on (state, deadline); the snapshot is only ever written by a transition.
// - case_event is the append-only timeline: every accepted transition with actor, date, opinion,
//   payload and attachments.
// - entitlement holds the monthly amount by version with the facts it was computed from (basis
//   columns), so a standard change recomputes it without re-running the means test; payroll reads
//   the version in force for a month.
// - recalc_run / recalc_change: the change list a standard change produces, approved or rejected
//   as a whole.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table assistance_case (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      case_no text not null,
      scheme text not null check (scheme in ('DIBAO', 'DIBAO_SINGLE', 'TEKUN', 'DIBAO_EDGE', 'RIGID',
        'TEMP_URGENT', 'TEMP_EXPENDITURE')),
      stage text not null check (stage in ('APPLICATION', 'ACTIVE', 'CLOSED')),
      state text not null,
      household_id uuid,
      subject_person_id uuid,
      town_code char(9) not null,
      village_code char(12) not null,
      area text not null check (area in ('urban', 'rural')),
      channel text not null check (channel in ('PORTAL', 'VILLAGE_PROXY', 'TOWN_WINDOW', 'DISCOVERY', 'LEGACY')),
      model jsonb not null,
      facts jsonb,
      deadline date,
      overall_due date,
      next_review_on date,
      legacy boolean not null default false,
      applied_on date not null,
      decided_on date,
      version integer not null default 1,
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, case_no),
      foreign key (county_code, household_id) references household (county_code, id),
      foreign key (county_code, subject_person_id) references person (county_code, id),
      check (legacy = (channel = 'LEGACY')),
      -- A non-local person helped where the emergency happened (§6.2) has no household here.
      check (household_id is not null or scheme in ('TEMP_URGENT', 'TEMP_EXPENDITURE'))
    );
    create index assistance_case_worklist on assistance_case (county_code, town_code, deadline)
      where stage <> 'CLOSED';
    create index assistance_case_village on assistance_case (county_code, village_code, stage, state);
    create index assistance_case_household on assistance_case (county_code, household_id);
    create index assistance_case_review on assistance_case (county_code, next_review_on) where stage = 'ACTIVE';
    -- One open application or active case per household and scheme (per person for the person
    -- schemes); temporary assistance is one record per event and may repeat.
    create unique index assistance_case_one_open on assistance_case
      (county_code, household_id, scheme, coalesce(subject_person_id, '00000000-0000-0000-0000-000000000000'::uuid))
      where stage <> 'CLOSED' and scheme not in ('TEMP_URGENT', 'TEMP_EXPENDITURE');

    create table case_counter (
      county_code char(6) not null,
      prefix text not null,
      year smallint not null,
      next_no integer not null default 1,
      primary key (county_code, prefix, year)
    );

    create table case_event (
      county_code char(6) not null,
      case_id uuid not null,
      seq integer not null,
      type text not null,
      on_date date not null,
      state_before text not null,
      state_after text not null,
      actor_id uuid,
      actor_name text not null,
      actor_role text not null,
      opinion text,
      payload jsonb not null default '{}'::jsonb,
      attachments jsonb not null default '[]'::jsonb,
      recorded_at timestamptz not null,
      primary key (county_code, case_id, seq),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create trigger case_event_no_update before update or delete on case_event
      for each row execute function append_only();

    create table case_consent (
      county_code char(6) not null,
      case_id uuid not null,
      person_id uuid not null,
      kind text not null check (kind in ('MEMBER', 'SUPPORTER')),
      signed_on date not null,
      document_ref text not null,
      recorded_by uuid,
      recorded_at timestamptz not null,
      primary key (county_code, case_id, person_id),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      foreign key (county_code, person_id) references person (county_code, id)
    );

    -- Signatures, scanned authorisations and photos: small files kept with the case, by content hash.
    create table case_attachment (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      kind text not null check (kind in ('SIGNATURE', 'AUTHORIZATION', 'CONSENT', 'PHOTO', 'DOCUMENT')),
      filename text not null,
      mime text not null,
      bytes bytea not null check (octet_length(bytes) <= 2097152),
      sha256 char(64) not null,
      uploaded_by uuid,
      uploaded_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );

    create table entitlement (
      county_code char(6) not null,
      case_id uuid not null,
      version integer not null,
      effective_from date not null check (extract(day from effective_from) = 1),
      amount_fen bigint not null check (amount_fen >= 0),
      method text not null check (method in ('GAP', 'FULL_STANDARD', 'TEKUN_SUPPORT')),
      area text not null check (area in ('urban', 'rural')),
      household_size smallint not null check (household_size > 0),
      net_income_fen bigint not null default 0,
      income_months smallint not null default 1 check (income_months > 0),
      care_level text check (care_level in ('SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS')),
      breakdown jsonb not null,
      source text not null check (source in ('DECISION', 'RECALC', 'ADJUSTMENT', 'LEGACY')),
      recalc_run_id uuid,
      is_current boolean not null default true,
      created_at timestamptz not null,
      primary key (county_code, case_id, version),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create unique index entitlement_current on entitlement (county_code, case_id) where is_current;

    create table recalc_run (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      effective_from date not null check (extract(day from effective_from) = 1),
      computed_on date not null,
      status text not null check (status in ('COMPUTING', 'PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'FAILED')),
      job_id uuid,
      trigger text not null,
      cases_checked integer not null default 0,
      cases_changed integer not null default 0,
      cases_ineligible integer not null default 0,
      monthly_delta_fen bigint not null default 0,
      back_pay_fen bigint not null default 0,
      created_by uuid,
      created_at timestamptz not null,
      decided_by uuid,
      decided_by_name text,
      decided_at timestamptz,
      decision_reason text,
      primary key (county_code, id)
    );
    create unique index recalc_run_one_open on recalc_run (county_code)
      where status in ('COMPUTING', 'PENDING');

    create table recalc_change (
      county_code char(6) not null,
      run_id uuid not null,
      case_id uuid not null,
      base_version integer not null,
      old_fen bigint not null,
      new_fen bigint not null,
      applies_from date not null,
      back_pay_months smallint not null,
      back_pay_fen bigint not null,
      outcome text not null check (outcome in ('CHANGE', 'INELIGIBLE')),
      primary key (county_code, run_id, case_id),
      foreign key (county_code, run_id) references recalc_run (county_code, id)
    );
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table recalc_change;
    drop table recalc_run;
    drop table entitlement;
    drop table case_attachment;
    drop table case_consent;
    drop table case_event;
    drop table assistance_case;
    drop table case_counter;
  `.execute(db);
}
