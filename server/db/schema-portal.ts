// Row types of the public portal tables (migration 0022_portal; domain-rules §9.5, §2.2).
import type { Generated } from 'kysely';
import type { CalendarDate } from './schema.ts';

export type PortalOtpTable = {
  county_code: string;
  id: Generated<string>;
  id_number_bidx: Buffer;
  phone_bidx: Buffer;
  client_ip: string;
  code_salt: Buffer;
  code_hash: Buffer;
  attempts: Generated<number>;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
};

export type PortalSessionTable = {
  county_code: string;
  /** SM3 of the token, hex. */
  id: string;
  id_number_enc: Buffer;
  id_number_bidx: Buffer;
  phone_enc: Buffer;
  phone_bidx: Buffer;
  phone_mask: string;
  client_ip: string | null;
  created_at: Date;
  expires_at: Date;
};

export type PortalUploadMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export type PortalUploadTable = {
  county_code: string;
  id: Generated<string>;
  session_id: string;
  filename: string;
  mime: PortalUploadMime;
  size_bytes: number;
  sha256: string;
  bytes: Buffer | null;
  case_id: string | null;
  attachment_id: string | null;
  created_at: Date;
  used_at: Date | null;
};

export type PortalApplicationTable = {
  county_code: string;
  case_id: string;
  id_number_bidx: Buffer;
  phone_bidx: Buffer;
  chosen_village_code: string;
  pledge_version: string;
  client_ip: string | null;
  submitted_at: Date;
};

export type PortalSubmissionKind = 'OBJECTION' | 'COMPLAINT';
export type PortalSubmissionState = 'RECEIVED' | 'IN_PROGRESS' | 'ANSWERED';

export type PortalSubmissionTable = {
  county_code: string;
  id: Generated<string>;
  tracking_no: string;
  query_code_hash: string;
  kind: PortalSubmissionKind;
  category: string;
  case_id: string | null;
  town_code: string | null;
  village_code: string | null;
  content: string;
  contact_name_enc: Buffer | null;
  contact_name_mask: string | null;
  contact_phone_enc: Buffer | null;
  contact_phone_bidx: Buffer | null;
  contact_phone_mask: string | null;
  client_ip: string | null;
  received_on: CalendarDate;
  feedback_due_on: CalendarDate;
  state: PortalSubmissionState;
  feedback: string | null;
  answered_on: CalendarDate | null;
  answered_by: string | null;
  answered_by_name: string | null;
  case_event_seq: number | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
};

export type SmsStatus = 'QUEUED' | 'SENT' | 'FAILED';

export type SmsOutboxTable = {
  county_code: string;
  id: Generated<string>;
  phone_enc: Buffer;
  phone_bidx: Buffer;
  phone_mask: string;
  template: string;
  body: string;
  status: SmsStatus;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
};

export type PortalDB = {
  portal_otp: PortalOtpTable;
  portal_session: PortalSessionTable;
  portal_upload: PortalUploadTable;
  portal_application: PortalApplicationTable;
  portal_submission: PortalSubmissionTable;
  sms_outbox: SmsOutboxTable;
};
