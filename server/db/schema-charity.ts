// Row types of the charity tables (migration 0020_charity; domain-rules §9.2, §7.3).
import type { Generated } from 'kysely';
import type { CalendarDate } from './schema.ts';

export type CharityOrgTable = {
  county_code: string;
  id: Generated<string>;
  name: string;
  credit_code: string;
  contact_name: string;
  contact_phone: string;
  address: Generated<string>;
  active: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
};

export type CharityUserTable = {
  county_code: string;
  user_id: string;
  org_id: string;
  linked_by: string | null;
  linked_at: Date;
};

export type CharityProjectStatus = 'ACTIVE' | 'SUSPENDED' | 'CLOSED';

export type CharityProjectTable = {
  county_code: string;
  id: Generated<string>;
  org_id: string;
  name: string;
  description: Generated<string>;
  budget_fen: number;
  used_fen: Generated<number>;
  target_categories: string[];
  needs: string[];
  period_from: CalendarDate;
  period_to: CalendarDate;
  status: CharityProjectStatus;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
};

export type CharityReferralState = 'REFERRED' | 'ACCEPTED' | 'DECLINED' | 'DISBURSED' | 'CLOSED';

export type CharityReferralTable = {
  county_code: string;
  id: Generated<string>;
  org_id: string;
  project_id: string | null;
  household_id: string;
  person_id: string | null;
  case_id: string | null;
  alert_id: string | null;
  town_code: string;
  village_code: string;
  need: string;
  description: string;
  state: CharityReferralState;
  referred_by: string | null;
  referred_by_name: string;
  referred_on: CalendarDate;
  due_on: CalendarDate;
  answered_on: CalendarDate | null;
  answered_by_name: string | null;
  decline_reason: string | null;
  closed_on: CalendarDate | null;
  close_note: string | null;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
};

export type CharityDisbursementTable = {
  county_code: string;
  id: Generated<string>;
  org_id: string;
  project_id: string;
  referral_id: string | null;
  household_id: string;
  person_id: string | null;
  town_code: string;
  village_code: string;
  kind: 'CASH' | 'IN_KIND';
  value_fen: number;
  item_description: string | null;
  disbursed_on: CalendarDate;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: Date;
};

export type CharityDB = {
  charity_org: CharityOrgTable;
  charity_user: CharityUserTable;
  charity_project: CharityProjectTable;
  charity_referral: CharityReferralTable;
  charity_disbursement: CharityDisbursementTable;
};
