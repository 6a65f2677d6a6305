// Row types of the verification tables (migration 0017: economic-status checks, domain-rules §8.3).
import type { Generated } from 'kysely';
import type { CalendarDate, Json } from './schema.ts';

export type CheckSubjectRow = {
  personId: string;
  kind: 'MEMBER' | 'SUPPORTER';
  consentSignedOn: string;
  consentRef: string;
};

export type CheckRequestTable = {
  county_code: string;
  id: Generated<string>;
  case_id: string;
  case_event_seq: number | null;
  purpose: 'NEW_APPLICATION' | 'PERIODIC_REVIEW' | 'ALERT_VERIFY' | 'OTHER_PROVINCE_REQUEST';
  town_code: string;
  village_code: string;
  subjects: Json<CheckSubjectRow[]>;
  note: string | null;
  requested_by: string | null;
  requested_by_name: string;
  requested_on: CalendarDate;
  requested_at: Date;
  start_by: CalendarDate;
  started_at: Date | null;
  started_on: CalendarDate | null;
  started_by: string | null;
  started_by_name: string | null;
  started_late: boolean | null;
  status: 'REQUESTED' | 'STARTED' | 'REPORTED';
};

export type CheckReportTable = {
  county_code: string;
  id: Generated<string>;
  request_id: string;
  case_id: string;
  report_no: string;
  version: number;
  as_of: CalendarDate;
  generated_at: Date;
  generated_by: string | null;
  generated_by_name: string;
  sections: Json<Record<string, unknown>>;
  summary_flags: Json<unknown[]>;
  suspect_count: number;
  excludes_count: number;
  objection_until: CalendarDate;
  print_count: Generated<number>;
};

export type CheckItemResultTable = {
  county_code: string;
  report_id: string;
  seq: number;
  person_id: string;
  person_role: 'MEMBER' | 'SUPPORTER';
  source: string;
  item_type: string;
  record_key: Buffer;
  batch_id: string;
  delivered_at: Date;
  occurred_on: CalendarDate;
  raw_payload: Json<Record<string, unknown>>;
  normalized: Json<Record<string, unknown>>;
  suspicious: 'NONE' | 'SUSPECT' | 'EXCLUDES';
  rule_hits: string[];
  reason_zh: string;
  reason_en: string;
};

export type VerificationDB = {
  check_request: CheckRequestTable;
  check_report: CheckReportTable;
  check_item_result: CheckItemResultTable;
};
