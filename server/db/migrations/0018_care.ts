import { type Kysely, sql } from 'kysely';

// Purchased care for dispersed 特困 persons (分散供养, domain-rules §5.4; §9.1 物质+服务):
// - care_provider / care_provider_staff / care_provider_user: the organisations the county buys care
//   from, their carers (phone sealed: personal data, convention 14) and the accounts (role
//   care_provider) that act for a provider — a mapping of ours, the users module is untouched.
// - care_contract: one service (service_type) per contract, per town, for a period, with the visits
//   per month agreed and the monthly fee per person in fen.
// - care_contract_person: who a contract covers and when. "A person cannot be in two overlapping
//   contracts for the same service" is enforced here by a trigger under an advisory lock: an
//   exclusion constraint would need btree_gist, which the embedded PGlite does not load.
// - care_plan_default / care_plan: visits per month, minutes and items per self-care level (§5.3),
//   as data a county changes; each covered person's plan is taken from them at signing.
// - care_visit / care_visit_file: a visit recorded by the carer (time, GPS, items, confirmation,
//   photo and signature kept as files), with a health-event flag.
// - care_verification (+ check, call, line): the town's monthly verification per contract (sample
//   checks, satisfaction calls); its lines are the provider's payment basis read by the CARE payroll.
// - payroll: scheme CARE, line kind CARE, payee PROVIDER with provider_id; alert rule kind CARE.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table care_provider (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 2 and 100),
      credit_code char(18) not null,
      qualification text not null default '',
      contact_name text not null,
      contact_phone text not null,
      address text not null default '',
      account_name text not null,
      bank_account text not null check (bank_account ~ '^[0-9]{8,30}$'),
      bank_name text not null,
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, credit_code)
    );

    create table care_provider_staff (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      provider_id uuid not null,
      name text not null check (length(name) between 2 and 40),
      phone_enc bytea,
      phone_mask text,
      active boolean not null default true,
      created_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, provider_id) references care_provider (county_code, id)
    );

    create table care_provider_user (
      county_code char(6) not null,
      user_id uuid not null,
      provider_id uuid not null,
      staff_id uuid,
      created_at timestamptz not null,
      primary key (county_code, user_id),
      foreign key (county_code, provider_id) references care_provider (county_code, id),
      foreign key (county_code, staff_id) references care_provider_staff (county_code, id)
    );

    create table care_contract (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      contract_no text not null,
      provider_id uuid not null,
      town_code char(9) not null,
      service_type text not null check (service_type in ('HOME_CARE', 'MEAL', 'HEALTH_VISIT', 'SOCIAL_WORK')),
      items jsonb not null,
      visits_per_month integer not null check (visits_per_month between 1 and 62),
      fee_fen bigint not null check (fee_fen between 0 and 10000000),
      valid_from date not null,
      valid_to date not null,
      status text not null check (status in ('ACTIVE', 'TERMINATED')),
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, id, service_type),
      unique (county_code, contract_no),
      check (valid_to >= valid_from),
      foreign key (county_code, provider_id) references care_provider (county_code, id)
    );

    create table care_contract_person (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      service_type text not null,
      person_id uuid not null,
      case_id uuid not null,
      town_code char(9) not null,
      village_code char(12) not null,
      care_level text not null check (care_level in ('SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS')),
      from_on date not null,
      to_on date not null,
      created_at timestamptz not null,
      primary key (county_code, id),
      check (to_on >= from_on),
      foreign key (county_code, contract_id, service_type) references care_contract (county_code, id, service_type),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      foreign key (county_code, person_id) references person (county_code, id)
    );
    create index care_contract_person_person on care_contract_person (county_code, person_id, service_type);
    create index care_contract_person_contract on care_contract_person (county_code, contract_id);

    -- Same person, same service, overlapping dates (inclusive) → 23P01, whichever engine. The lock
    -- serialises the check per person and service, so two concurrent signings cannot both pass.
    create function care_coverage_no_overlap() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtext('care_coverage:' || new.county_code || ':' || new.person_id::text
        || ':' || new.service_type));
      if exists (select 1 from care_contract_person x
          where x.county_code = new.county_code and x.person_id = new.person_id
            and x.service_type = new.service_type and x.id <> new.id
            and x.from_on <= new.to_on and new.from_on <= x.to_on) then
        raise exception using errcode = '23P01', constraint = 'care_contract_person_no_overlap',
          message = '同一服务的照护合同期限重叠 (a person is in two overlapping contracts for the same service)';
      end if;
      return new;
    end $$;
    create trigger care_contract_person_no_overlap before insert or update on care_contract_person
      for each row execute function care_coverage_no_overlap();

    create table care_plan_default (
      county_code char(6) not null,
      care_level text not null check (care_level in ('SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS')),
      visits_per_month integer not null check (visits_per_month between 1 and 62),
      min_minutes integer not null check (min_minutes between 10 and 480),
      items jsonb not null,
      updated_by uuid,
      updated_at timestamptz not null,
      primary key (county_code, care_level)
    );

    create table care_plan (
      county_code char(6) not null,
      coverage_id uuid not null,
      care_level text not null,
      visits_per_month integer not null check (visits_per_month between 1 and 62),
      min_minutes integer not null check (min_minutes between 10 and 480),
      items jsonb not null,
      updated_by uuid,
      updated_at timestamptz not null,
      primary key (county_code, coverage_id),
      foreign key (county_code, coverage_id) references care_contract_person (county_code, id)
    );

    create table care_visit (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      coverage_id uuid not null,
      contract_id uuid not null,
      provider_id uuid not null,
      staff_id uuid not null,
      person_id uuid not null,
      case_id uuid not null,
      town_code char(9) not null,
      village_code char(12) not null,
      visit_on date not null,
      started_at timestamptz not null,
      ended_at timestamptz not null,
      minutes integer not null check (minutes between 1 and 1440),
      lat numeric(9, 6),
      lng numeric(9, 6),
      gps_accuracy_m integer,
      items jsonb not null,
      confirmed_by text not null check (confirmed_by in ('PERSON', 'WITNESS')),
      witness_name text,
      health_event boolean not null default false,
      health_note text,
      note text,
      recorded_by uuid,
      recorded_at timestamptz not null,
      primary key (county_code, id),
      check (ended_at > started_at),
      check ((lat is null) = (lng is null)),
      check (confirmed_by <> 'WITNESS' or witness_name is not null),
      check (not health_event or health_note is not null),
      foreign key (county_code, coverage_id) references care_contract_person (county_code, id),
      foreign key (county_code, staff_id) references care_provider_staff (county_code, id)
    );
    create index care_visit_coverage on care_visit (county_code, coverage_id, visit_on);
    create index care_visit_provider on care_visit (county_code, provider_id, visit_on);

    create table care_visit_file (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      visit_id uuid not null,
      kind text not null check (kind in ('PHOTO', 'SIGNATURE')),
      mime text not null check (mime in ('image/png', 'image/jpeg')),
      bytes bytea not null,
      sha256 text not null,
      primary key (county_code, id),
      foreign key (county_code, visit_id) references care_visit (county_code, id)
    );
    create index care_visit_file_visit on care_visit_file (county_code, visit_id);

    create table care_verification (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      provider_id uuid not null,
      town_code char(9) not null,
      month date not null check (extract(day from month) = 1),
      status text not null check (status in ('DRAFT', 'VERIFIED')),
      sample_seed text not null,
      persons integer not null default 0,
      basis_fen bigint not null default 0,
      note text,
      created_by uuid,
      created_at timestamptz not null,
      verified_by uuid,
      verified_by_name text,
      verified_at timestamptz,
      primary key (county_code, id),
      unique (county_code, contract_id, month),
      foreign key (county_code, contract_id) references care_contract (county_code, id)
    );

    create table care_verification_check (
      county_code char(6) not null,
      verification_id uuid not null,
      visit_id uuid not null,
      result text not null check (result in ('PENDING', 'CONFIRMED', 'REJECTED')),
      note text,
      checked_by uuid,
      checked_at timestamptz,
      primary key (county_code, verification_id, visit_id),
      foreign key (county_code, verification_id) references care_verification (county_code, id),
      foreign key (county_code, visit_id) references care_visit (county_code, id)
    );

    create table care_satisfaction_call (
      county_code char(6) not null,
      verification_id uuid not null,
      coverage_id uuid not null,
      result text not null check (result in ('SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'UNREACHABLE')),
      note text,
      called_by uuid,
      called_at timestamptz not null,
      primary key (county_code, verification_id, coverage_id),
      foreign key (county_code, verification_id) references care_verification (county_code, id),
      foreign key (county_code, coverage_id) references care_contract_person (county_code, id)
    );

    create table care_verification_line (
      county_code char(6) not null,
      verification_id uuid not null,
      coverage_id uuid not null,
      contract_id uuid not null,
      provider_id uuid not null,
      case_id uuid not null,
      person_id uuid not null,
      month date not null,
      covered_days integer not null,
      required_visits integer not null,
      recorded_visits integer not null,
      counted_visits integer not null,
      fee_fen bigint not null,
      basis_fen bigint not null check (basis_fen >= 0),
      primary key (county_code, verification_id, coverage_id),
      foreign key (county_code, verification_id) references care_verification (county_code, id)
    );

    alter table payroll_run drop constraint payroll_run_scheme_check,
      add constraint payroll_run_scheme_check check (scheme in ('DIBAO', 'TEKUN', 'TEMPORARY', 'CARE'));
    alter table bank_layout drop constraint bank_layout_scheme_check,
      add constraint bank_layout_scheme_check check (scheme in ('DIBAO', 'TEKUN', 'TEMPORARY', 'CARE'));
    alter table payroll_line drop constraint payroll_line_kind_check,
      add constraint payroll_line_kind_check check (kind in ('MONTHLY', 'BACK_PAY', 'REISSUE', 'TEMPORARY', 'CARE')),
      drop constraint payroll_line_payee_check,
      add constraint payroll_line_payee_check check (payee in ('HOUSEHOLD', 'INSTITUTION', 'PROVIDER')),
      add column provider_id uuid,
      add constraint payroll_line_provider check ((payee = 'PROVIDER') = (provider_id is not null)),
      add constraint payroll_line_provider_fk foreign key (county_code, provider_id)
        references care_provider (county_code, id);
    alter table alert_rule drop constraint alert_rule_kind_check,
      add constraint alert_rule_kind_check
        check (kind in ('FIELD_THRESHOLD', 'LIKELY_ENTER', 'LIKELY_EXIT', 'BORDERLINE', 'CARE'));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table alert_rule drop constraint alert_rule_kind_check,
      add constraint alert_rule_kind_check
        check (kind in ('FIELD_THRESHOLD', 'LIKELY_ENTER', 'LIKELY_EXIT', 'BORDERLINE'));
    alter table payroll_line drop constraint payroll_line_provider_fk, drop constraint payroll_line_provider,
      drop column provider_id;
    drop table care_verification_line; drop table care_satisfaction_call; drop table care_verification_check;
    drop table care_verification; drop table care_visit_file; drop table care_visit; drop table care_plan;
    drop table care_plan_default; drop table care_contract_person; drop function care_coverage_no_overlap;
    drop table care_contract; drop table care_provider_user; drop table care_provider_staff;
    drop table care_provider;
  `.execute(db);
}
