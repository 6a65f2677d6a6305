// Row types of the comprehensive-assistance catalogue (domain-rules §9.3; S6 §五(一)):
// migration 0021_policies (departments, policies) and 0023_referrals (department users, matches,
// department referrals 转办).
import type { Generated } from 'kysely';
import type { CalendarDate, Json } from './schema.ts';

export type PolicyDepartmentTable = {
  county_code: string;
  code: string;
  name: string;
  name_en: string;
  contact_phone: string;
  /** Working days a department has to answer a referral. */
  answer_working_days: number;
  created_at: Date;
  updated_at: Date;
};

export type PolicyTable = {
  county_code: string;
  id: Generated<string>;
  code: string;
  department_code: string;
  name: string;
  summary: string;
  legal_basis: string;
  target_categories: string[];
  benefit: string;
  how_to_apply: string;
  contact: string;
  subject: 'PERSON' | 'HOUSEHOLD';
  /** CEL over the documented context (contracts/policies.ts CEL_CONTEXT); validated when saved. */
  eligibility: string;
  eligibility_text: string;
  referable: boolean;
  active: boolean;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
};

/** Which department an account of the department_liaison role answers for (one each). */
export type DepartmentUserTable = {
  county_code: string;
  user_id: string;
  department_code: string;
  linked_by: string | null;
  linked_at: Date;
};

export type PolicyMatchTable = {
  county_code: string;
  id: Generated<string>;
  policy_id: string;
  /** The person's id for PERSON policies, the household's for HOUSEHOLD policies. */
  subject_key: string;
  household_id: string;
  person_id: string | null;
  town_code: string;
  village_code: string;
  state: 'ELIGIBLE' | 'PUSHED' | 'GRANTED' | 'REFUSED' | 'LAPSED';
  first_matched_on: CalendarDate;
  last_matched_on: CalendarDate;
  /** The figures the condition read when it last held (income per head, ages, …): the evidence. */
  evidence: Json<Record<string, unknown>>;
  referral_id: string | null;
  updated_at: Date;
};

export type DepartmentReferralTable = {
  county_code: string;
  id: Generated<string>;
  match_id: string | null;
  policy_id: string;
  department_code: string;
  household_id: string;
  person_id: string | null;
  town_code: string;
  village_code: string;
  reason: string;
  referred_on: CalendarDate;
  due_on: CalendarDate;
  state: 'PENDING' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN';
  answered_on: CalendarDate | null;
  answer_reason: string | null;
  amount_fen: number | null;
  answered_by: string | null;
  answered_by_name: string | null;
  created_at: Date;
  updated_at: Date;
};

export type PoliciesDB = {
  policy_department: PolicyDepartmentTable;
  policy: PolicyTable;
  department_user: DepartmentUserTable;
  policy_match: PolicyMatchTable;
  department_referral: DepartmentReferralTable;
};
