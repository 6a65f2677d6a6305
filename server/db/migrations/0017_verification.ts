import { type Kysely, sql } from 'kysely';

// Family economic-status checks (家庭经济状况核对, domain-rules §8.3):
// - check_request: a request to check a case's people (members, and 特困 legal supporters), with the
//   consent each one signed (§2.2) copied in, the county's start-by date (3 working days, S1 Art.17)
//   and when it actually started. town_code/village_code come from the case: every read filters by
//   the caller's jurisdiction on them.
// - check_report: one version of the report of a request. Frozen once written (§8.3: "keep the raw
//   payload immutable and versioned"): a re-run is a new version; only print_count ever changes.
// - check_item_result: the department records the report relied on, each a copy of the feed record
//   (data, record key, batch and delivery time) with its normalised value and suspicion. Append-only.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table check_request (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      case_event_seq integer,
      purpose text not null check (purpose in ('NEW_APPLICATION', 'PERIODIC_REVIEW', 'ALERT_VERIFY',
        'OTHER_PROVINCE_REQUEST')),
      town_code char(9) not null,
      village_code char(12) not null,
      subjects jsonb not null check (jsonb_array_length(subjects) > 0),
      note text,
      requested_by uuid,
      requested_by_name text not null,
      requested_on date not null,
      requested_at timestamptz not null,
      start_by date not null,
      started_at timestamptz,
      started_on date,
      started_by uuid,
      started_by_name text,
      started_late boolean,
      status text not null check (status in ('REQUESTED', 'STARTED', 'REPORTED')),
      primary key (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      check ((started_at is null) = (status = 'REQUESTED'))
    );
    create index check_request_case on check_request (county_code, case_id);
    create index check_request_waiting on check_request (county_code, start_by) where status = 'REQUESTED';

    create table check_report (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      request_id uuid not null,
      case_id uuid not null,
      report_no text not null,
      version integer not null check (version > 0),
      as_of date not null,
      generated_at timestamptz not null,
      generated_by uuid,
      generated_by_name text not null,
      sections jsonb not null,
      summary_flags jsonb not null,
      suspect_count integer not null,
      excludes_count integer not null,
      objection_until date not null,
      print_count integer not null default 0 check (print_count >= 0),
      primary key (county_code, id),
      unique (county_code, request_id, version),
      unique (county_code, report_no, version),
      foreign key (county_code, request_id) references check_request (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create index check_report_case on check_report (county_code, case_id, generated_at desc);

    -- A report is evidence (§2.5): nothing but the print counter may change, and it is never deleted.
    create function check_report_frozen() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'check_report is append-only';
      end if;
      if (to_jsonb(new) - 'print_count') <> (to_jsonb(old) - 'print_count') then
        raise exception 'check_report is frozen: only print_count may change';
      end if;
      return new;
    end $$;
    create trigger check_report_no_edit before update or delete on check_report
      for each row execute function check_report_frozen();

    create table check_item_result (
      county_code char(6) not null,
      report_id uuid not null,
      seq integer not null,
      person_id uuid not null,
      person_role text not null check (person_role in ('MEMBER', 'SUPPORTER')),
      source text not null,
      item_type text not null,
      record_key bytea not null,
      batch_id uuid not null,
      delivered_at timestamptz not null,
      occurred_on date not null,
      raw_payload jsonb not null,
      normalized jsonb not null,
      suspicious text not null check (suspicious in ('NONE', 'SUSPECT', 'EXCLUDES')),
      rule_hits text[] not null,
      reason_zh text not null,
      reason_en text not null,
      primary key (county_code, report_id, seq),
      foreign key (county_code, report_id) references check_report (county_code, id),
      foreign key (county_code, person_id) references person (county_code, id)
    );
    create trigger check_item_result_no_update before update or delete on check_item_result
      for each row execute function append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table check_item_result;
    drop table check_report;
    drop function check_report_frozen();
    drop table check_request;
  `.execute(db);
}
