// Row types of the database, as Kysely sees them. Kept beside the migrations: a migration that
// changes a table changes its type here in the same commit (checked by `npm run typecheck` and by
// the schema test that compares these columns with information_schema).
import type { ColumnType, Generated } from 'kysely';
import type { CareDB } from './schema-care.ts';
import type { CharityDB } from './schema-charity.ts';
import type { GrassrootsDB } from './schema-grassroots.ts';
import type { MonitoringDB } from './schema-monitoring.ts';
import type { PoliciesDB } from './schema-policies.ts';
import type { PortalDB } from './schema-portal.ts';
import type { VerificationDB } from './schema-verification.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp the application always supplies (no default). */
export type AppTimestamp = Date;
/** A calendar date, always 'YYYY-MM-DD' (Asia/Shanghai). */
export type CalendarDate = string;

export type AdminUnitTable = {
  code: string;
  county_code: string;
  level: 'county' | 'town' | 'village';
  parent_code: string | null;
  name: string;
  urban_rural_code: string | null;
  managed_by_zone: Generated<boolean>;
  valid_from: Generated<CalendarDate>;
  valid_to: CalendarDate | null;
  created_at: Timestamp;
};

export type AppUserTable = {
  id: Generated<string>;
  county_code: string;
  username: string;
  display_name: string;
  role: string;
  jurisdiction_code: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: AppTimestamp | null;
  disabled: Generated<boolean>;
  last_login_at: AppTimestamp | null;
  created_at: Timestamp;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type UserSessionTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  client_ip: string | null;
  created_at: AppTimestamp;
  last_seen_at: AppTimestamp;
  expires_at: AppTimestamp;
};

export type VillageCounterTable = {
  village_code: string;
  next_no: Generated<number>;
};

export type HouseholdTable = {
  county_code: string;
  id: Generated<string>;
  household_no: string;
  town_code: string;
  village_code: string;
  address: Generated<string>;
  hukou_type: Generated<string>;
  urban_rural: 'urban' | 'rural';
  residence_code: string | null;
  status: Generated<'active' | 'closed'>;
  head_person_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: AppTimestamp;
  updated_at: AppTimestamp;
};

export type PersonTable = {
  county_code: string;
  id: Generated<string>;
  id_type: Generated<'resident' | 'hk_mo_tw' | 'foreign'>;
  id_number_enc: Buffer;
  id_number_bidx: Buffer;
  id_number_mask: string;
  name_enc: Buffer;
  name_bidx: Buffer;
  name_mask: string;
  sex: number;
  birth_date: CalendarDate;
  ethnicity: string | null;
  marital_status: string | null;
  phone_enc: Buffer | null;
  phone_bidx: Buffer | null;
  phone_mask: string | null;
  bank_account_enc: Buffer | null;
  bank_account_mask: string | null;
  bank_name: string | null;
  disability_cert_enc: Buffer | null;
  disability_category: number | null;
  disability_grade: number | null;
  self_care_level: 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS' | null;
  education_level: string | null;
  in_fulltime_education: Generated<boolean>;
  special_status: 'IN_PRISON' | 'COMPULSORY_REHAB' | 'DECLARED_MISSING' | 'CLERGY_3Y' | null;
  cohabiting_long_term: Generated<boolean>;
  employment_status: string | null;
  monthly_income_fen: Generated<number>;
  deceased_on: CalendarDate | null;
  version: Generated<number>;
  created_at: AppTimestamp;
  updated_at: AppTimestamp;
};

export type HouseholdMemberTable = {
  county_code: string;
  id: Generated<string>;
  household_id: string;
  person_id: string;
  relation_code: string;
  joined_on: CalendarDate;
  left_on: CalendarDate | null;
  left_reason: string | null;
};

export type RecordVersionTable = {
  county_code: string;
  id: Generated<number>;
  household_id: string;
  entity_type: 'household' | 'person' | 'member';
  entity_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  at: AppTimestamp;
  reason: string;
  changes: ColumnType<Record<string, { before: unknown; after: unknown }>, string, string>;
};

export type AuditLogTable = {
  county_code: string;
  seq: number;
  at: AppTimestamp;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  client_ip: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: Buffer;
  hash: Buffer;
};

export type AuditHeadTable = { county_code: string; seq: number; hash: Buffer };

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type JobTable = {
  id: Generated<string>;
  county_code: string;
  name: string;
  idempotency_key: string;
  status: Generated<JobStatus>;
  payload: ColumnType<Record<string, unknown>, string, string>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  progress_message: string | null;
  checkpoint: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  error: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  attempts: Generated<number>;
  created_by: string | null;
  created_at: AppTimestamp;
  started_at: AppTimestamp | null;
  finished_at: AppTimestamp | null;
  heartbeat_at: AppTimestamp | null;
  runner_id: string | null;
};

export type InstanceMetaTable = { key: string; value: string };

export type BenefitStandardTable = {
  county_code: string;
  id: Generated<number>;
  series: string;
  amount_fen: number;
  effective_from: CalendarDate;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: AppTimestamp;
};

export type PolicyParameterTable = {
  county_code: string;
  id: Generated<number>;
  key: string;
  value: ColumnType<number | string, string, string>;
  effective_from: CalendarDate;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: AppTimestamp;
};

export type Json<T> = ColumnType<T, string, string>;

export type CaseScheme =
  | 'DIBAO'
  | 'DIBAO_SINGLE'
  | 'TEKUN'
  | 'DIBAO_EDGE'
  | 'RIGID'
  | 'TEMP_URGENT'
  | 'TEMP_EXPENDITURE';
export type CaseStage = 'APPLICATION' | 'ACTIVE' | 'CLOSED';
export type CaseChannel = 'PORTAL' | 'VILLAGE_PROXY' | 'TOWN_WINDOW' | 'DISCOVERY' | 'LEGACY';

export type AssistanceCaseTable = {
  county_code: string;
  id: Generated<string>;
  case_no: string;
  scheme: CaseScheme;
  stage: CaseStage;
  state: string;
  household_id: string | null;
  subject_person_id: string | null;
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  channel: CaseChannel;
  model: Json<Record<string, unknown>>;
  facts: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  deadline: CalendarDate | null;
  overall_due: CalendarDate | null;
  next_review_on: CalendarDate | null;
  legacy: Generated<boolean>;
  applied_on: CalendarDate;
  decided_on: CalendarDate | null;
  /** 特困 only (§5.4): null = not recorded, paid as dispersed. */
  support_mode: Generated<'DISPERSED' | 'CENTRALISED' | null>;
  institution_id: Generated<string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: AppTimestamp;
  updated_at: AppTimestamp;
};

/** 供养服务机构: where centralised 特困 support is paid (§5.4). */
export type CareInstitutionTable = {
  county_code: string;
  id: Generated<string>;
  name: string;
  credit_code: string;
  town_code: string;
  address: Generated<string>;
  capacity: number;
  account_name: string;
  bank_account: string;
  bank_name: string;
  active: Generated<boolean>;
  created_at: AppTimestamp;
  updated_at: AppTimestamp;
};

export type CaseCounterTable = {
  county_code: string;
  prefix: string;
  year: number;
  next_no: Generated<number>;
};

export type CaseEventTable = {
  county_code: string;
  case_id: string;
  seq: number;
  type: string;
  on_date: CalendarDate;
  state_before: string;
  state_after: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  opinion: string | null;
  payload: Json<Record<string, unknown>>;
  attachments: Json<unknown[]>;
  recorded_at: AppTimestamp;
};

export type CaseConsentTable = {
  county_code: string;
  case_id: string;
  person_id: string;
  kind: 'MEMBER' | 'SUPPORTER';
  signed_on: CalendarDate;
  document_ref: string;
  recorded_by: string | null;
  recorded_at: AppTimestamp;
};

export type CaseAttachmentTable = {
  county_code: string;
  id: Generated<string>;
  case_id: string;
  kind: 'SIGNATURE' | 'AUTHORIZATION' | 'CONSENT' | 'PHOTO' | 'DOCUMENT';
  filename: string;
  mime: string;
  bytes: Buffer;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: AppTimestamp;
};

export type EntitlementMethod = 'GAP' | 'FULL_STANDARD' | 'TEKUN_SUPPORT';

export type EntitlementTable = {
  county_code: string;
  case_id: string;
  version: number;
  effective_from: CalendarDate;
  amount_fen: number;
  method: EntitlementMethod;
  area: 'urban' | 'rural';
  household_size: number;
  net_income_fen: Generated<number>;
  income_months: Generated<number>;
  care_level: 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS' | null;
  breakdown: Json<unknown[]>;
  source: 'DECISION' | 'RECALC' | 'ADJUSTMENT' | 'LEGACY';
  recalc_run_id: string | null;
  is_current: Generated<boolean>;
  created_at: AppTimestamp;
};

export type RecalcStatus = 'COMPUTING' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUPERSEDED' | 'FAILED';

export type RecalcRunTable = {
  county_code: string;
  id: Generated<string>;
  effective_from: CalendarDate;
  computed_on: CalendarDate;
  status: RecalcStatus;
  job_id: string | null;
  trigger: string;
  cases_checked: Generated<number>;
  cases_changed: Generated<number>;
  cases_ineligible: Generated<number>;
  monthly_delta_fen: Generated<number>;
  back_pay_fen: Generated<number>;
  created_by: string | null;
  created_at: AppTimestamp;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: AppTimestamp | null;
  decision_reason: string | null;
};

export type RecalcChangeTable = {
  county_code: string;
  run_id: string;
  case_id: string;
  base_version: number;
  old_fen: number;
  new_fen: number;
  applies_from: CalendarDate;
  back_pay_months: number;
  back_pay_fen: number;
  outcome: 'CHANGE' | 'INELIGIBLE';
};

export type ReserveFundEntryTable = {
  county_code: string;
  id: Generated<number>;
  town_code: string;
  on_date: CalendarDate;
  kind: 'ALLOCATE' | 'DRAW' | 'RETURN' | 'RECONCILE';
  amount_fen: number;
  case_id: string | null;
  month: CalendarDate | null;
  note: Generated<string>;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_by: string | null;
  created_by_name: string;
  created_at: AppTimestamp;
};

export type CaseReminderTable = {
  county_code: string;
  id: Generated<number>;
  case_id: string;
  kind: 'DUE_SOON' | 'OVERDUE' | 'REVIEW_DUE';
  due_on: CalendarDate;
  raised_on: CalendarDate;
  town_code: string;
  village_code: string;
};

export type IntegrityRecordTable = {
  county_code: string;
  id: Generated<number>;
  household_id: string | null;
  case_id: string | null;
  kind: 'CRITICISM' | 'FRAUD';
  found_on: CalendarDate;
  months_unreported: number | null;
  obtained_fen: Generated<number>;
  fine_min_fen: Generated<number>;
  fine_max_fen: Generated<number>;
  fine_fen: number | null;
  note: Generated<string>;
  created_by: string | null;
  created_by_name: string;
  created_at: AppTimestamp;
};

export type RecoveryPaymentTable = {
  county_code: string;
  id: Generated<number>;
  record_id: number;
  on_date: CalendarDate;
  amount_fen: number;
  method: 'REPAYMENT' | 'PAYROLL_DEDUCTION';
  note: Generated<string>;
  created_by: string | null;
  created_at: AppTimestamp;
};

export type DecisionCorrectionTable = {
  county_code: string;
  id: Generated<number>;
  case_id: string;
  event_seq: number;
  cause: 'OBJECTIVE' | 'SUBJECTIVE';
  description: string;
  remedy: string;
  status: Generated<'PROPOSED' | 'APPROVED' | 'REJECTED'>;
  proposed_by: string | null;
  proposed_by_name: string;
  proposed_at: AppTimestamp;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: AppTimestamp | null;
  decision_note: string | null;
};

export type ApprovalDelegationTable = {
  county_code: string;
  id: Generated<number>;
  town_code: string;
  scheme: 'DIBAO' | 'DIBAO_SINGLE';
  approval_level: 'COUNTY' | 'TOWNSHIP';
  effective_from: CalendarDate;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: AppTimestamp;
};

export type PayrollScheme = 'DIBAO' | 'TEKUN' | 'TEMPORARY' | 'CARE';

export type PayrollRunTable = {
  county_code: string;
  id: Generated<string>;
  scheme: PayrollScheme;
  month: CalendarDate;
  status: 'COMPUTING' | 'REVIEW' | 'APPROVED' | 'FAILED';
  job_id: string | null;
  line_count: Generated<number>;
  gross_fen: Generated<number>;
  deduction_fen: Generated<number>;
  net_fen: Generated<number>;
  created_by: string | null;
  created_at: AppTimestamp;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: AppTimestamp | null;
  approval_note: string | null;
};

export type PayrollLineTable = {
  county_code: string;
  scheme: PayrollScheme;
  month: CalendarDate;
  case_id: string;
  kind: 'MONTHLY' | 'BACK_PAY' | 'REISSUE' | 'TEMPORARY' | 'CARE';
  item: Generated<string>;
  run_id: string;
  household_id: string | null;
  town_code: string;
  village_code: string;
  payee: Generated<'HOUSEHOLD' | 'INSTITUTION' | 'PROVIDER'>;
  institution_id: Generated<string | null>;
  /** §5.4 purchased care (0018): the care provider a CARE line pays. */
  provider_id: Generated<string | null>;
  entitlement_version: number | null;
  gross_fen: number;
  deduction_fen: Generated<number>;
  net_fen: ColumnType<number, never, never>;
  reason: ColumnType<Record<string, unknown>, string | undefined, string>;
  bank_status: Generated<'PENDING' | 'PAID' | 'FAILED'>;
  bank_reason: string | null;
  bank_ref: string | null;
};

export type BankLayoutTable = {
  county_code: string;
  scheme: PayrollScheme;
  columns: ColumnType<{ key: string; header: string }[], string, string>;
  format: 'xlsx' | 'csv';
  updated_by: string | null;
  updated_at: AppTimestamp;
};

export type BankExportTable = {
  county_code: string;
  id: Generated<number>;
  run_id: string;
  format: string;
  line_count: number;
  total_fen: number;
  created_by: string | null;
  created_at: AppTimestamp;
};

export type ApiKeyTable = {
  county_code: string;
  id: Generated<string>;
  department: string;
  label: string;
  scopes: string[];
  key_prefix: string;
  key_hash: Buffer;
  created_by: string | null;
  created_at: AppTimestamp;
  revoked_at: AppTimestamp | null;
  revoked_by: string | null;
  last_used_at: AppTimestamp | null;
};

export type FeedBatchTable = {
  county_code: string;
  id: Generated<string>;
  source: string;
  channel: 'FILE' | 'API';
  api_key_id: string | null;
  filename: string | null;
  record_count: number;
  new_count: number;
  delivered_by: string | null;
  delivered_by_name: string;
  delivered_at: AppTimestamp;
};

export type FeedRecordTable = {
  county_code: string;
  source: string;
  record_key: Buffer;
  person_bidx: Buffer;
  occurred_on: CalendarDate;
  data: Json<Record<string, unknown>>;
  batch_id: string;
  row_no: number;
};

/** Every table; the monitoring and verification modules keep theirs in files of their own. */
export type DB = CoreDB &
  MonitoringDB &
  VerificationDB &
  CareDB &
  GrassrootsDB &
  CharityDB &
  PoliciesDB &
  PortalDB;

type CoreDB = {
  api_key: ApiKeyTable;
  feed_batch: FeedBatchTable;
  feed_record: FeedRecordTable;
  bank_layout: BankLayoutTable;
  bank_export: BankExportTable;
  payroll_run: PayrollRunTable;
  payroll_line: PayrollLineTable;
  approval_delegation: ApprovalDelegationTable;
  integrity_record: IntegrityRecordTable;
  recovery_payment: RecoveryPaymentTable;
  decision_correction: DecisionCorrectionTable;
  case_reminder: CaseReminderTable;
  reserve_fund_entry: ReserveFundEntryTable;
  assistance_case: AssistanceCaseTable;
  care_institution: CareInstitutionTable;
  case_counter: CaseCounterTable;
  case_event: CaseEventTable;
  case_consent: CaseConsentTable;
  case_attachment: CaseAttachmentTable;
  entitlement: EntitlementTable;
  recalc_run: RecalcRunTable;
  recalc_change: RecalcChangeTable;
  policy_parameter: PolicyParameterTable;
  benefit_standard: BenefitStandardTable;
  instance_meta: InstanceMetaTable;
  admin_unit: AdminUnitTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  village_counter: VillageCounterTable;
  household: HouseholdTable;
  person: PersonTable;
  household_member: HouseholdMemberTable;
  record_version: RecordVersionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  job: JobTable;
};
