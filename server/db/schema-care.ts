// Row types of the care tables (migration 0018_care; domain-rules §5.3, §5.4, §9.1).
import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, Json } from './schema.ts';

export type CareLevel = 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS';
export type ServiceType = 'HOME_CARE' | 'MEAL' | 'HEALTH_VISIT' | 'SOCIAL_WORK';

export type CareProviderTable = {
  county_code: string;
  id: Generated<string>;
  name: string;
  credit_code: string;
  qualification: Generated<string>;
  contact_name: string;
  contact_phone: string;
  address: Generated<string>;
  account_name: string;
  bank_account: string;
  bank_name: string;
  active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
};

export type CareProviderStaffTable = {
  county_code: string;
  id: Generated<string>;
  provider_id: string;
  name: string;
  phone_enc: Buffer | null;
  phone_mask: string | null;
  active: Generated<boolean>;
  created_at: Date;
};

export type CareProviderUserTable = {
  county_code: string;
  user_id: string;
  provider_id: string;
  staff_id: string | null;
  created_at: Date;
};

export type CareContractTable = {
  county_code: string;
  id: Generated<string>;
  contract_no: string;
  provider_id: string;
  town_code: string;
  service_type: ServiceType;
  items: Json<string[]>;
  visits_per_month: number;
  fee_fen: number;
  valid_from: CalendarDate;
  valid_to: CalendarDate;
  status: 'ACTIVE' | 'TERMINATED';
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export type CareContractPersonTable = {
  county_code: string;
  id: Generated<string>;
  contract_id: string;
  service_type: ServiceType;
  person_id: string;
  case_id: string;
  town_code: string;
  village_code: string;
  care_level: CareLevel;
  from_on: CalendarDate;
  to_on: CalendarDate;
  created_at: Date;
};

export type CarePlanDefaultTable = {
  county_code: string;
  care_level: CareLevel;
  visits_per_month: number;
  min_minutes: number;
  items: Json<string[]>;
  updated_by: string | null;
  updated_at: Date;
};

export type CarePlanTable = {
  county_code: string;
  coverage_id: string;
  care_level: CareLevel;
  visits_per_month: number;
  min_minutes: number;
  items: Json<string[]>;
  updated_by: string | null;
  updated_at: Date;
};

export type CareVisitTable = {
  county_code: string;
  id: Generated<string>;
  coverage_id: string;
  contract_id: string;
  provider_id: string;
  staff_id: string;
  person_id: string;
  case_id: string;
  town_code: string;
  village_code: string;
  visit_on: CalendarDate;
  started_at: Date;
  ended_at: Date;
  minutes: number;
  lat: ColumnType<string | null, number | null, number | null>;
  lng: ColumnType<string | null, number | null, number | null>;
  gps_accuracy_m: number | null;
  items: Json<string[]>;
  confirmed_by: 'PERSON' | 'WITNESS';
  witness_name: string | null;
  health_event: Generated<boolean>;
  health_note: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date;
};

export type CareVisitFileTable = {
  county_code: string;
  id: Generated<string>;
  visit_id: string;
  kind: 'PHOTO' | 'SIGNATURE';
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  sha256: string;
};

export type CareVerificationTable = {
  county_code: string;
  id: Generated<string>;
  contract_id: string;
  provider_id: string;
  town_code: string;
  month: CalendarDate;
  status: 'DRAFT' | 'VERIFIED';
  sample_seed: string;
  persons: Generated<number>;
  basis_fen: Generated<number>;
  note: string | null;
  created_by: string | null;
  created_at: Date;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_at: Date | null;
};

export type CareVerificationCheckTable = {
  county_code: string;
  verification_id: string;
  visit_id: string;
  result: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  note: string | null;
  checked_by: string | null;
  checked_at: Date | null;
};

export type CareSatisfactionCallTable = {
  county_code: string;
  verification_id: string;
  coverage_id: string;
  result: 'SATISFIED' | 'NEUTRAL' | 'DISSATISFIED' | 'UNREACHABLE';
  note: string | null;
  called_by: string | null;
  called_at: Date;
};

export type CareVerificationLineTable = {
  county_code: string;
  verification_id: string;
  coverage_id: string;
  contract_id: string;
  provider_id: string;
  case_id: string;
  person_id: string;
  month: CalendarDate;
  covered_days: number;
  required_visits: number;
  recorded_visits: number;
  counted_visits: number;
  fee_fen: number;
  basis_fen: number;
};

export type CareDB = {
  care_provider: CareProviderTable;
  care_provider_staff: CareProviderStaffTable;
  care_provider_user: CareProviderUserTable;
  care_contract: CareContractTable;
  care_contract_person: CareContractPersonTable;
  care_plan_default: CarePlanDefaultTable;
  care_plan: CarePlanTable;
  care_visit: CareVisitTable;
  care_visit_file: CareVisitFileTable;
  care_verification: CareVerificationTable;
  care_verification_check: CareVerificationCheckTable;
  care_satisfaction_call: CareSatisfactionCallTable;
  care_verification_line: CareVerificationLineTable;
};
