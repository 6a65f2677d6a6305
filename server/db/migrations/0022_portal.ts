import { type Kysely, sql } from 'kysely';

// The public portal 救助服务码上通 (domain-rules §9.5, §2.2, §2.3):
// - portal_otp: phone verification codes (码上办 identity = ID number + a code sent to the phone).
//   Only hashes: the code (salted SM3), the ID number and the phone (blind indexes). Rows also carry
//   the client address, so the request limits (per phone, per address) are counted here and every
//   server process agrees on them.
// - portal_session: a citizen's session after the code, 2 h; the token is stored hashed (SM3). The
//   ID number and phone are sealed (the application needs them to register a new household).
// - portal_upload: materials uploaded before the application (jpg / png / pdf ≤ 10 MB), bound to
//   the session until an application uses them; the bytes then move into case_attachment.
// - portal_application: which cases were opened through the portal by which ID number + phone
//   (blind indexes), so "my applications" shows those and nothing else.
// - portal_submission: objections to a publicity (公示异议) and 12349 complaints (投诉举报), with a
//   tracking number, a hashed query code, the contact sealed and masked, and the feedback due date.
// - sms_outbox: every text message the platform sends (the default sender writes here only; a
//   gateway adapter delivers from it), phone sealed and masked.
// case_attachment grows to 10 MB per file for the portal's uploads; staff attachments keep their
// 2 MB limit in the case use case.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table case_attachment drop constraint case_attachment_bytes_check;
    alter table case_attachment add constraint case_attachment_bytes_check
      check (octet_length(bytes) <= 10485760);

    create table portal_otp (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      id_number_bidx bytea not null,
      phone_bidx bytea not null,
      client_ip text not null,
      code_salt bytea not null,
      code_hash bytea not null,
      attempts smallint not null default 0 check (attempts >= 0),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      primary key (county_code, id)
    );
    -- A code is checked by (ID number, phone) alone: the session request names no county.
    create index portal_otp_pair on portal_otp (id_number_bidx, phone_bidx, created_at desc);
    create index portal_otp_phone on portal_otp (phone_bidx, created_at);
    create index portal_otp_ip on portal_otp (client_ip, created_at);
    create index portal_otp_created on portal_otp (created_at);

    create table portal_session (
      county_code char(6) not null,
      id char(64) not null,
      id_number_enc bytea not null,
      id_number_bidx bytea not null,
      phone_enc bytea not null,
      phone_bidx bytea not null,
      phone_mask text not null,
      client_ip text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (county_code, id)
    );
    -- The token's hash is 256 random bits: looked up on its own (a request names no county).
    create index portal_session_token on portal_session (id);
    create index portal_session_expiry on portal_session (expires_at);

    create table portal_upload (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      session_id char(64) not null,
      filename text not null,
      mime text not null check (mime in ('image/jpeg', 'image/png', 'application/pdf')),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      sha256 char(64) not null,
      bytes bytea,
      case_id uuid,
      attachment_id uuid,
      created_at timestamptz not null,
      used_at timestamptz,
      primary key (county_code, id),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      check ((case_id is null) = (used_at is null)),
      check (bytes is not null or case_id is not null)
    );
    create index portal_upload_session on portal_upload (county_code, session_id);

    create table portal_application (
      county_code char(6) not null,
      case_id uuid not null,
      id_number_bidx bytea not null,
      phone_bidx bytea not null,
      chosen_village_code char(12) not null,
      pledge_version text not null,
      client_ip text,
      submitted_at timestamptz not null,
      primary key (county_code, case_id),
      foreign key (county_code, case_id) references assistance_case (county_code, id)
    );
    create index portal_application_applicant on portal_application (county_code, id_number_bidx, phone_bidx);

    create table portal_submission (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      tracking_no text not null,
      query_code_hash char(64) not null,
      kind text not null check (kind in ('OBJECTION', 'COMPLAINT')),
      category text not null,
      case_id uuid,
      town_code char(9),
      village_code char(12),
      content text not null,
      contact_name_enc bytea,
      contact_name_mask text,
      contact_phone_enc bytea,
      contact_phone_bidx bytea,
      contact_phone_mask text,
      client_ip text,
      received_on date not null,
      feedback_due_on date not null,
      state text not null check (state in ('RECEIVED', 'IN_PROGRESS', 'ANSWERED')),
      feedback text,
      answered_on date,
      answered_by uuid,
      answered_by_name text,
      case_event_seq integer,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, tracking_no),
      foreign key (county_code, case_id) references assistance_case (county_code, id),
      check (kind <> 'OBJECTION' or case_id is not null),
      check (state <> 'ANSWERED' or (feedback is not null and answered_on is not null)),
      check ((contact_phone_enc is null) = (contact_phone_mask is null))
    );
    create index portal_submission_tracking on portal_submission (tracking_no);
    create index portal_submission_town on portal_submission (county_code, town_code, state, feedback_due_on);
    create index portal_submission_village on portal_submission (county_code, village_code, state);
    create index portal_submission_case on portal_submission (county_code, case_id);

    create table sms_outbox (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      phone_enc bytea not null,
      phone_bidx bytea not null,
      phone_mask text not null,
      template text not null,
      body text not null,
      status text not null check (status in ('QUEUED', 'SENT', 'FAILED')),
      attempts integer not null default 0,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null,
      primary key (county_code, id)
    );
    create index sms_outbox_recent on sms_outbox (county_code, created_at desc);
    create index sms_outbox_queued on sms_outbox (county_code, created_at) where status = 'QUEUED';
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table sms_outbox; drop table portal_submission; drop table portal_application;
    drop table portal_upload; drop table portal_session; drop table portal_otp;
    alter table case_attachment drop constraint case_attachment_bytes_check;
    alter table case_attachment add constraint case_attachment_bytes_check
      check (octet_length(bytes) <= 2097152);`.execute(db);
}
