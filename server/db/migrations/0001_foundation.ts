import { type Kysely, sql } from 'kysely';

// Foundation schema: divisions, users and sessions, the household registry with its history,
// the hash-chained audit log and the job table.
// Tenant tables carry county_code and lead their primary key with it, so that a Citus deployment
// can distribute them by county without a schema change (see docs/DEPLOYMENT.md).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Facts about this installation: the key fingerprint (a wrong key is refused at boot) and
    -- the backup format marker.
    create table instance_meta (
      key text primary key,
      value text not null
    );

    create table admin_unit (
      code varchar(12) primary key check (code ~ '^[0-9]{12}$'),
      county_code char(6) not null,
      level text not null check (level in ('county', 'town', 'village')),
      parent_code varchar(12) references admin_unit (code),
      name text not null,
      urban_rural_code char(3) check (urban_rural_code ~ '^[12][0-9]{2}$'),
      managed_by_zone boolean not null default true,
      valid_from date not null default date '2000-01-01',
      valid_to date,
      created_at timestamptz not null default now()
    );
    create index admin_unit_parent on admin_unit (parent_code);
    create index admin_unit_county on admin_unit (county_code, level);

    create table app_user (
      id uuid primary key default gen_random_uuid(),
      county_code char(6) not null,
      username text not null unique,
      display_name text not null,
      role text not null,
      jurisdiction_code varchar(12) not null,
      password_hash text not null,
      must_change_password boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled boolean not null default false,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table user_session (
      id text primary key,
      user_id uuid not null references app_user (id) on delete cascade,
      csrf_token text not null,
      client_ip text,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index user_session_user on user_session (user_id);

    create table village_counter (
      village_code varchar(12) primary key,
      next_no integer not null default 1
    );

    create table household (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      household_no text not null,
      town_code char(9) not null,
      village_code char(12) not null,
      address text not null default '',
      hukou_type char(2) not null default '10',
      urban_rural text not null check (urban_rural in ('urban', 'rural')),
      residence_code varchar(12),
      status text not null default 'active' check (status in ('active', 'closed')),
      head_person_id uuid,
      version integer not null default 1,
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, household_no)
    );
    create index household_village on household (county_code, village_code, household_no);
    create index household_town on household (county_code, town_code, household_no);

    create table person (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      id_type text not null default 'resident' check (id_type in ('resident', 'hk_mo_tw', 'foreign')),
      id_number_enc bytea not null,
      id_number_bidx bytea not null,
      id_number_mask text not null,
      name_enc bytea not null,
      name_bidx bytea not null,
      name_mask text not null,
      sex smallint not null check (sex in (0, 1, 2, 9)),
      birth_date date not null,
      ethnicity char(2),
      marital_status char(2),
      phone_enc bytea,
      phone_bidx bytea,
      phone_mask text,
      bank_account_enc bytea,
      bank_account_mask text,
      bank_name text,
      disability_cert_enc bytea,
      disability_category smallint check (disability_category between 1 and 7),
      disability_grade smallint check (disability_grade between 1 and 4),
      self_care_level text check (self_care_level in ('SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS')),
      education_level text,
      in_fulltime_education boolean not null default false,
      special_status text check (special_status in ('IN_PRISON', 'COMPULSORY_REHAB', 'DECLARED_MISSING', 'CLERGY_3Y')),
      cohabiting_long_term boolean not null default true,
      employment_status text,
      monthly_income_fen bigint not null default 0 check (monthly_income_fen >= 0),
      deceased_on date,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, id_number_bidx)
    );
    create index person_name on person (county_code, name_bidx);
    create index person_phone on person (county_code, phone_bidx);

    create table household_member (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      household_id uuid not null,
      person_id uuid not null,
      relation_code char(2) not null,
      joined_on date not null,
      left_on date,
      left_reason text,
      primary key (county_code, id),
      foreign key (county_code, household_id) references household (county_code, id),
      foreign key (county_code, person_id) references person (county_code, id)
    );
    -- A person is an active member of at most one household (§3.2; issue M1).
    create unique index household_member_one_active on household_member (county_code, person_id)
      where left_on is null;
    create index household_member_household on household_member (county_code, household_id);

    create table record_version (
      county_code char(6) not null,
      id bigint generated always as identity,
      household_id uuid not null,
      entity_type text not null,
      entity_id uuid not null,
      action text not null,
      actor_id uuid,
      actor_name text not null,
      at timestamptz not null,
      reason text not null,
      changes jsonb not null,
      primary key (county_code, id)
    );
    create index record_version_household on record_version (county_code, household_id, id);

    create table audit_log (
      county_code char(6) not null,
      seq bigint not null,
      at timestamptz not null,
      actor_id uuid,
      actor_username text,
      actor_role text,
      action text not null,
      record_type text,
      record_id text,
      client_ip text,
      request_id text,
      detail jsonb not null default '{}'::jsonb,
      prev_hash bytea not null,
      hash bytea not null,
      primary key (county_code, seq)
    );
    create index audit_log_at on audit_log (county_code, at desc);
    create index audit_log_record on audit_log (county_code, record_type, record_id);

    -- The head of each county's chain: its row lock serialises appends, and it anchors the tail
    -- so that deleting the newest rows is detected too.
    create table audit_head (
      county_code char(6) primary key,
      seq bigint not null,
      hash bytea not null
    );

    -- Append-only: the application role may insert, never rewrite history.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (审计日志只可追加)';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();

    create table job (
      id uuid primary key default gen_random_uuid(),
      county_code char(6) not null,
      name text not null,
      idempotency_key text not null unique,
      status text not null default 'queued'
        check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      payload jsonb not null default '{}'::jsonb,
      progress_done bigint not null default 0,
      progress_total bigint not null default 0,
      progress_message text,
      checkpoint jsonb,
      result jsonb,
      error jsonb,
      attempts integer not null default 0,
      created_by uuid,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz,
      heartbeat_at timestamptz,
      runner_id text
    );
    create index job_status on job (status, created_at);
    create index job_county on job (county_code, created_at desc);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table job;
    drop table audit_head;
    drop table audit_log;
    drop function audit_log_append_only;
    drop table record_version;
    drop table household_member;
    drop table person;
    drop table household;
    drop table village_counter;
    drop table user_session;
    drop table app_user;
    drop table admin_unit;
    drop table instance_meta;
  `.execute(db);
}
