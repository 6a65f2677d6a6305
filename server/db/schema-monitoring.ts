// Row types of the monitoring tables (migration 0016_monitoring; domain-rules §7.1, §7.4).
import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, Json } from './schema.ts';

export type AlertRuleTable = {
  county_code: string;
  code: string;
  alert_type: string;
  category: 'SUSPICIOUS' | 'PROACTIVE' | 'RECIPIENT';
  kind: 'FIELD_THRESHOLD' | 'LIKELY_ENTER' | 'LIKELY_EXIT' | 'BORDERLINE' | 'CARE';
  source: string | null;
  conditions: ColumnType<unknown[], string | undefined, string>;
  within_days: number | null;
  latest_only: Generated<boolean>;
  population: 'RECIPIENTS' | 'REGISTRY' | 'NOT_HELPED' | 'ANYONE';
  enabled: Generated<boolean>;
  sla_wd: number;
  legal_basis: string;
  name_zh: string;
  name_en: string;
  built_in: Generated<boolean>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Date;
};

export type CompareRunTable = {
  county_code: string;
  id: Generated<string>;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  job_id: string | null;
  run_on: CalendarDate;
  started_by: string | null;
  started_by_name: string;
  started_at: Date;
  finished_at: Date | null;
  raised: Generated<number>;
  counts: ColumnType<Record<string, number>, string | undefined, string>;
};

export type AlertTable = {
  county_code: string;
  id: Generated<string>;
  rule_code: string;
  alert_type: string;
  category: string;
  person_bidx: Buffer | null;
  person_id: string | null;
  household_id: string | null;
  case_id: string | null;
  town_code: string | null;
  village_code: string | null;
  assignee_level: 'VILLAGE' | 'TOWN' | 'DISTRICT';
  assignee_code: string;
  state: string;
  raised_on: CalendarDate;
  due_on: CalendarDate;
  evidence: Json<Record<string, unknown>>;
  evidence_key: string;
  run_id: string | null;
  verified_on: CalendarDate | null;
  verification: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  disposition: string | null;
  disposition_detail: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  disposed_on: CalendarDate | null;
  linked_case_id: string | null;
  closed_on: CalendarDate | null;
  feedback: string | null;
  escalated_on: CalendarDate | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
};

export type AlertEventTable = {
  county_code: string;
  alert_id: string;
  seq: number;
  type: string;
  on_date: CalendarDate;
  state_before: string;
  state_after: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  note: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  recorded_at: Date;
};

export type PersonCategoryTable = {
  county_code: string;
  person_bidx: Buffer;
  category: string;
  source: 'CASE' | 'FEED' | 'MANUAL';
  source_ref: string;
  person_id: string | null;
  town_code: string | null;
  village_code: string | null;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  updated_on: CalendarDate;
};

export type MonitoringDB = {
  alert_rule: AlertRuleTable;
  compare_run: CompareRunTable;
  alert: AlertTable;
  alert_event: AlertEventTable;
  person_category: PersonCategoryTable;
};
