// 慈善帮扶 (§9.2) and the household's assistance chain (一户一条救助链, §7.3).
import type {
  AnswerInput,
  AssistanceChain,
  ChainLink,
  DisbursementInput,
  DisbursementView,
  OrgInput,
  OrgView,
  ProjectInput,
  ProjectView,
  ReferralInput,
  ReferralView,
} from '../../../contracts/charity.ts';
import { apiGet, apiPost, apiRequest, type Query } from './client.ts';

export type {
  AnswerInput,
  AssistanceChain,
  ChainLink,
  DisbursementInput,
  DisbursementView,
  OrgInput,
  OrgView,
  ProjectInput,
  ProjectView,
  ReferralInput,
  ReferralView,
};

const enc = encodeURIComponent;

export const charityApi = {
  me: () => apiGet<{ orgId: string | null; orgName: string | null }>('/api/v1/charity/me'),
  orgs: () => apiGet<{ items: OrgView[] }>('/api/v1/charity/orgs'),
  createOrg: (body: OrgInput) => apiPost<OrgView>('/api/v1/charity/orgs', body),
  updateOrg: (id: string, body: OrgInput) =>
    apiRequest<OrgView>('PUT', `/api/v1/charity/orgs/${enc(id)}`, body),
  linkUser: (id: string, username: string) =>
    apiPost<OrgView>(`/api/v1/charity/orgs/${enc(id)}/users`, { username }),
  projects: () => apiGet<{ items: ProjectView[] }>('/api/v1/charity/projects'),
  createProject: (body: ProjectInput) => apiPost<ProjectView>('/api/v1/charity/projects', body),
  updateProject: (id: string, body: ProjectInput) =>
    apiRequest<ProjectView>('PUT', `/api/v1/charity/projects/${enc(id)}`, body),
  referrals: (q: Query = {}) =>
    apiGet<{ total: number; items: ReferralView[] }>('/api/v1/charity/referrals', q),
  refer: (body: ReferralInput) => apiPost<ReferralView>('/api/v1/charity/referrals', body),
  answer: (id: string, body: AnswerInput) =>
    apiPost<ReferralView>(`/api/v1/charity/referrals/${enc(id)}/answer`, body),
  close: (id: string, note: string) =>
    apiPost<ReferralView>(`/api/v1/charity/referrals/${enc(id)}/close`, { note }),
  disbursements: (q: Query = {}) => apiGet<{ items: DisbursementView[] }>('/api/v1/charity/disbursements', q),
  disburse: (body: DisbursementInput) => apiPost<DisbursementView>('/api/v1/charity/disbursements', body),
  chain: (householdId: string) =>
    apiGet<AssistanceChain>(`/api/v1/households/${enc(householdId)}/assistance-chain`),
};
