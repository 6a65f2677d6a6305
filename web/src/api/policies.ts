// The comprehensive-assistance catalogue 泰汇救 (§9.3): policies with their CEL eligibility, the
// departments and their liaison accounts, matching runs and matches, and the department referrals.
import type { z } from 'zod';
import type {
  CelIssue,
  DepartmentView,
  departmentInput,
  MatchRunResult,
  MatchView,
  matchPage,
  PolicyDepartmentCode,
  PolicyInput,
  PolicyView,
  ReferralAnswerInput,
  ReferralView,
  referralPage,
  ValidateExpressionResult,
  validateExpressionInput,
} from '../../../contracts/policies.ts';
import { apiGet, apiPost, apiRequest, type Query } from './client.ts';

export type {
  CelIssue,
  DepartmentView,
  MatchRunResult,
  MatchView,
  PolicyDepartmentCode,
  PolicyInput,
  PolicyView,
  ReferralAnswerInput,
  ReferralView,
  ValidateExpressionResult,
};
export type DepartmentInput = z.input<typeof departmentInput>;
export type ValidateExpressionInput = z.input<typeof validateExpressionInput>;
export type MatchPage = z.infer<typeof matchPage>;
export type ReferralPage = z.infer<typeof referralPage>;
/** A department-liaison account linked to a department. */
export type DepartmentUser = { userId: string; username: string; displayName: string };

export type MatchQuery = {
  policyId?: string;
  departmentCode?: PolicyDepartmentCode;
  state?: MatchView['state'];
  townCode?: string;
  villageCode?: string;
  page: number;
  pageSize: number;
};
export type ReferralQuery = {
  departmentCode?: PolicyDepartmentCode;
  state?: ReferralView['state'];
  overdue?: boolean;
  villageCode?: string;
  householdId?: string;
  page: number;
  pageSize: number;
};

const enc = encodeURIComponent;
const P = '/api/v1/policies';

export const policiesApi = {
  list: () => apiGet<{ items: PolicyView[] }>(P),
  get: (id: string) => apiGet<PolicyView>(`${P}/${enc(id)}`),
  create: (body: PolicyInput) => apiPost<PolicyView>(P, body),
  update: (id: string, body: PolicyInput & { version: number }) =>
    apiRequest<PolicyView>('PUT', `${P}/${enc(id)}`, body),
  validate: (body: ValidateExpressionInput, signal?: AbortSignal) =>
    apiPost<ValidateExpressionResult>(`${P}/validate-expression`, body, { signal }),

  departments: () => apiGet<{ items: DepartmentView[] }>(`${P}/departments`),
  updateDepartment: (code: PolicyDepartmentCode, body: DepartmentInput) =>
    apiRequest<DepartmentView>('PUT', `${P}/departments/${enc(code)}`, body),
  departmentUsers: (code: PolicyDepartmentCode) =>
    apiGet<{ items: DepartmentUser[] }>(`${P}/departments/${enc(code)}/users`),
  linkUser: (code: PolicyDepartmentCode, userId: string) =>
    apiRequest<unknown>('PUT', `${P}/departments/${enc(code)}/users/${enc(userId)}`, {}),
  unlinkUser: (code: PolicyDepartmentCode, userId: string) =>
    apiRequest<unknown>('DELETE', `${P}/departments/${enc(code)}/users/${enc(userId)}`),

  startMatchRun: () => apiPost<{ jobId: string }>(`${P}/match-runs`, {}),
  matches: (q: MatchQuery) => apiGet<MatchPage>(`${P}/matches`, q as Query),

  referrals: (q: ReferralQuery) => apiGet<ReferralPage>('/api/v1/referrals', q as Query),
  referral: (id: string) => apiGet<ReferralView>(`/api/v1/referrals/${enc(id)}`),
  answer: (id: string, body: ReferralAnswerInput) =>
    apiPost<ReferralView>(`/api/v1/referrals/${enc(id)}/answer`, body),
};
