import { type Kysely, sql } from 'kysely';

// Dynamic monitoring (低收入人口动态监测, domain-rules §7.1, §7.3, §7.4):
// - alert_rule: the rules of a county, as data (§7.4 "configurable AlertType list"): a threshold over
//   a feed field (FIELD_THRESHOLD) or a built-in kind that reads cases and standards; enabled, SLA;
//   latest_only: only a person's newest record of the source counts (status lists such as 防返贫).
// - compare_run: one comparison of every feed against the registry and the caseload (a job).
// - alert: one finding, its evidence and its handling. UNIQUE (county, rule, evidence key): a re-run
//   over the same evidence adds nothing. person_id is null for people unknown to the registry.
// - alert_event: the append-only timeline of an alert.
// - person_category: §7.1 categories, many-to-many, with source (CASE / FEED / MANUAL) and validity;
//   keyed by the blind index of the ID number so people not in the registry count too, once.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table alert_rule (
      county_code char(6) not null,
      code text not null,
      alert_type text not null,
      category text not null check (category in ('SUSPICIOUS', 'PROACTIVE', 'RECIPIENT')),
      kind text not null check (kind in ('FIELD_THRESHOLD', 'LIKELY_ENTER', 'LIKELY_EXIT', 'BORDERLINE')),
      source text,
      conditions jsonb not null default '[]',
      within_days integer,
      latest_only boolean not null default false,
      population text not null check (population in ('RECIPIENTS', 'REGISTRY', 'NOT_HELPED', 'ANYONE')),
      enabled boolean not null default true,
      sla_wd integer not null check (sla_wd > 0),
      legal_basis text not null,
      name_zh text not null,
      name_en text not null,
      built_in boolean not null default false,
      version integer not null default 1,
      updated_by uuid,
      updated_at timestamptz not null,
      primary key (county_code, code),
      check (kind <> 'FIELD_THRESHOLD' or source is not null)
    );

    create table compare_run (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      status text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
      job_id uuid,
      run_on date not null,
      started_by uuid,
      started_by_name text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      raised integer not null default 0,
      counts jsonb not null default '{}',
      primary key (county_code, id)
    );
    create unique index compare_run_one_running on compare_run (county_code) where status = 'RUNNING';

    create table alert (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      rule_code text not null,
      alert_type text not null,
      category text not null,
      person_bidx bytea,
      person_id uuid,
      household_id uuid,
      case_id uuid,
      town_code varchar(9),
      village_code varchar(12),
      assignee_level text not null check (assignee_level in ('VILLAGE', 'TOWN', 'DISTRICT')),
      assignee_code text not null,
      state text not null,
      raised_on date not null,
      due_on date not null,
      evidence jsonb not null,
      evidence_key text not null,
      run_id uuid,
      verified_on date,
      verification jsonb,
      disposition text,
      disposition_detail jsonb,
      disposed_on date,
      linked_case_id uuid,
      closed_on date,
      feedback text,
      escalated_on date,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, rule_code, evidence_key),
      foreign key (county_code, rule_code) references alert_rule (county_code, code)
    );
    create index alert_village on alert (county_code, village_code, state, due_on);
    create index alert_town on alert (county_code, town_code, state, due_on);
    create index alert_open_person on alert (county_code, rule_code, person_bidx) where state <> 'CLOSED';
    create index alert_household on alert (county_code, household_id);
    create index alert_due on alert (county_code, due_on) where verified_on is null;

    create table alert_event (
      county_code char(6) not null,
      alert_id uuid not null,
      seq integer not null,
      type text not null,
      on_date date not null,
      state_before text not null,
      state_after text not null,
      actor_id uuid,
      actor_name text not null,
      actor_role text not null,
      note text,
      payload jsonb not null default '{}',
      recorded_at timestamptz not null,
      primary key (county_code, alert_id, seq),
      foreign key (county_code, alert_id) references alert (county_code, id)
    );

    create table person_category (
      county_code char(6) not null,
      person_bidx bytea not null,
      category text not null,
      source text not null check (source in ('CASE', 'FEED', 'MANUAL')),
      source_ref text not null,
      person_id uuid,
      town_code varchar(9),
      village_code varchar(12),
      valid_from date not null,
      valid_to date,
      updated_on date not null,
      primary key (county_code, person_bidx, category, source, source_ref)
    );
    create index person_category_current on person_category (county_code, category) where valid_to is null;
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table person_category; drop table alert_event; drop table alert; drop table compare_run;
    drop table alert_rule;`.execute(db);
}
