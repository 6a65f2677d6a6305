import { type Kysely, sql } from 'kysely';

// The grassroots network (区镇村三级网络, 民政协理员; domain-rules §9.6, §2.3, issue 8 part 2):
// - assistant_post: who holds the village's assistant post (社会救助协理员) from when to when. One
//   holder per village at a time: the partial unique index on the open post (to_on is null) is the
//   database's guarantee; a handover closes the old row (to_on) and keeps it as history.
// - assistant_complaint: complaints against an assistant recorded by the town (12349 or other
//   channels, §2.3); until the portal's complaint table exists these are the complaints metric.
// - training_session / training_material / training_attendance: trainings held by a town (for its
//   assistants) or by the district (for all), their materials (files ≤ 2 MB like case attachments, or
//   links) and who attended or why not.
// - assessment_weights: per county, effective from a month, the weights (integer percent, summing to
//   100) of the town's five scores (德能勤绩廉) and of the four automatic metrics.
// - monthly_assessment: one row per post and month: the raw counts behind the automatic metrics, the
//   town's five scores with a reason each, the weights used, the total (hundredths of a point), the
//   competition ranks in the town and the district, DRAFT → CONFIRMED and who scored and confirmed.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table assistant_post (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      town_code char(9) not null,
      village_code char(12) not null,
      user_id uuid references app_user (id),
      holder_name text not null,
      from_on date not null,
      to_on date,
      end_reason text,
      created_by uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      check (to_on is null or to_on >= from_on),
      check (town_code = substr(village_code, 1, 9))
    );
    create unique index assistant_post_one_open on assistant_post (county_code, village_code) where to_on is null;
    create index assistant_post_village on assistant_post (county_code, village_code, from_on);
    create index assistant_post_user on assistant_post (user_id);

    create table assistant_complaint (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      post_id uuid not null,
      received_on date not null,
      channel text not null check (channel in ('HOTLINE_12349', 'VISIT', 'LETTER', 'OTHER')),
      summary text not null,
      substantiated boolean not null,
      finding text not null,
      recorded_by uuid,
      recorded_by_name text not null,
      recorded_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, post_id) references assistant_post (county_code, id)
    );
    create index assistant_complaint_post on assistant_complaint (county_code, post_id, received_on);

    create table training_session (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      level text not null check (level in ('TOWN', 'DISTRICT')),
      town_code char(9),
      title text not null,
      held_on date not null,
      place text not null,
      trainer text not null,
      hours numeric(4, 1) not null check (hours > 0),
      content text not null default '',
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id),
      check ((level = 'TOWN') = (town_code is not null))
    );
    create index training_session_date on training_session (county_code, held_on);

    create table training_material (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      session_id uuid not null,
      title text not null,
      url text,
      filename text,
      mime text,
      bytes bytea check (bytes is null or octet_length(bytes) <= 2097152),
      sha256 char(64),
      uploaded_by uuid,
      uploaded_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, session_id) references training_session (county_code, id),
      check ((url is null) <> (bytes is null))
    );

    create table training_attendance (
      county_code char(6) not null,
      session_id uuid not null,
      post_id uuid not null,
      present boolean not null,
      absence_reason text,
      recorded_by uuid,
      recorded_at timestamptz not null,
      primary key (county_code, session_id, post_id),
      foreign key (county_code, session_id) references training_session (county_code, id),
      foreign key (county_code, post_id) references assistant_post (county_code, id),
      check (present or absence_reason is not null)
    );

    create table assessment_weights (
      county_code char(6) not null,
      effective_from date not null check (extract(day from effective_from) = 1),
      w_de smallint not null check (w_de >= 0),
      w_neng smallint not null check (w_neng >= 0),
      w_qin smallint not null check (w_qin >= 0),
      w_ji smallint not null check (w_ji >= 0),
      w_lian smallint not null check (w_lian >= 0),
      w_visits smallint not null check (w_visits >= 0),
      w_alerts smallint not null check (w_alerts >= 0),
      w_quality smallint not null check (w_quality >= 0),
      w_complaints smallint not null check (w_complaints >= 0),
      note text not null default '',
      created_by uuid,
      created_at timestamptz not null,
      primary key (county_code, effective_from),
      check (w_de + w_neng + w_qin + w_ji + w_lian + w_visits + w_alerts + w_quality + w_complaints = 100)
    );

    create table monthly_assessment (
      county_code char(6) not null,
      post_id uuid not null,
      month date not null check (extract(day from month) = 1),
      town_code char(9) not null,
      village_code char(12) not null,
      status text not null default 'DRAFT' check (status in ('DRAFT', 'CONFIRMED')),
      reviews_on_time integer not null default 0,
      reviews_late integer not null default 0,
      alerts_on_time integer not null default 0,
      alerts_late integer not null default 0,
      dq_integrity_alerts integer not null default 0,
      dq_corrections integer not null default 0,
      complaints integer not null default 0,
      metrics_at timestamptz not null,
      scores jsonb,
      weights jsonb not null,
      total_centi integer,
      rank_town integer,
      rank_district integer,
      scored_by uuid,
      scored_by_name text,
      scored_at timestamptz,
      confirmed_by uuid,
      confirmed_by_name text,
      confirmed_at timestamptz,
      primary key (county_code, post_id, month),
      foreign key (county_code, post_id) references assistant_post (county_code, id),
      check (status = 'DRAFT' or (scores is not null and total_centi is not null))
    );
    create index monthly_assessment_month on monthly_assessment (county_code, month, town_code);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table monthly_assessment; drop table assessment_weights; drop table training_attendance;
    drop table training_material; drop table training_session; drop table assistant_complaint;
    drop table assistant_post;`.execute(db);
}
