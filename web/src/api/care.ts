// Purchased care (§5.4, §9.1): providers, contracts, visits and the town's monthly verification.
import type {
  CareLevelCode,
  ContractInput,
  ContractView,
  CoverageView,
  ProviderInput,
  ProviderView,
  VerificationView,
  VisitInput,
  VisitView,
} from '../../../contracts/care.ts';
import { apiGet, apiPost, apiRequest } from './client.ts';

export type {
  CareLevelCode,
  ContractInput,
  ContractView,
  CoverageView,
  ProviderInput,
  ProviderView,
  VerificationView,
  VisitInput,
  VisitView,
};

/** The body of a plan change (contracts/care.ts planInput). */
export type PlanBody = { visitsPerMonth: number; minMinutes: number; items: string[] };
export type PlanDefault = { careLevel: string; visitsPerMonth: number; minMinutes: number; items: string[] };
export type MonthRow = {
  contractId: string;
  contractNo: string;
  townCode: string;
  serviceType: string;
  providerName: string;
  verificationId: string | null;
  status: 'DRAFT' | 'VERIFIED' | null;
  persons: number | null;
  basisFen: number | null;
};
export type PersonsToday = {
  items: CoverageView[];
  staff: { id: string; name: string }[];
  ownStaffId: string | null;
};

const enc = encodeURIComponent;

export const careApi = {
  providers: () => apiGet<{ items: ProviderView[] }>('/api/v1/care/providers'),
  createProvider: (b: ProviderInput) => apiPost<ProviderView>('/api/v1/care/providers', b),
  updateProvider: (id: string, b: ProviderInput) =>
    apiRequest<ProviderView>('PUT', `/api/v1/care/providers/${enc(id)}`, b),
  addStaff: (id: string, b: { name: string; phone?: string }) =>
    apiPost<ProviderView>(`/api/v1/care/providers/${enc(id)}/staff`, b),
  createAccount: (id: string, b: { username: string; displayName: string; staffId: string | null }) =>
    apiPost<{ username: string; password: string | null }>(`/api/v1/care/providers/${enc(id)}/accounts`, b),
  contracts: () => apiGet<{ items: ContractView[] }>('/api/v1/care/contracts'),
  createContract: (b: ContractInput) => apiPost<ContractView>('/api/v1/care/contracts', b),
  cover: (id: string, b: { caseId: string; fromOn: string; toOn: string }) =>
    apiPost<ContractView>(`/api/v1/care/contracts/${enc(id)}/persons`, b),
  planDefaults: () => apiGet<{ items: PlanDefault[] }>('/api/v1/care/plan-defaults'),
  /** A covered person's plan (care.manage); 204. */
  updatePlan: (coverageId: string, b: PlanBody) =>
    apiRequest<void>('PUT', `/api/v1/care/plans/${enc(coverageId)}`, b),
  /** A self-care level's default plan for new signings (care.manage); answers all the defaults. */
  savePlanDefault: (level: CareLevelCode, b: PlanBody) =>
    apiRequest<{ items: PlanDefault[] }>('PUT', `/api/v1/care/plan-defaults/${enc(level)}`, b),
  personsToday: () => apiGet<PersonsToday>('/api/v1/care/persons-today'),
  visits: (q: { month?: string; coverageId?: string; contractId?: string }) =>
    apiGet<{ items: VisitView[] }>('/api/v1/care/visits', q),
  recordVisit: (b: VisitInput) => apiPost<VisitView>('/api/v1/care/visits', b),
  months: (month: string) => apiGet<{ items: MonthRow[] }>('/api/v1/care/verifications', { month }),
  openMonth: (contractId: string, month: string) =>
    apiPost<VerificationView>('/api/v1/care/verifications', { contractId, month }),
  verification: (id: string) => apiGet<VerificationView>(`/api/v1/care/verifications/${enc(id)}`),
  checkSample: (id: string, visitId: string, result: 'CONFIRMED' | 'REJECTED', note: string | null) =>
    apiPost<VerificationView>(`/api/v1/care/verifications/${enc(id)}/samples/${enc(visitId)}`, {
      result,
      note,
    }),
  call: (id: string, coverageId: string, result: string) =>
    apiPost<VerificationView>(`/api/v1/care/verifications/${enc(id)}/calls`, {
      coverageId,
      result,
      note: null,
    }),
  verify: (id: string) => apiPost<VerificationView>(`/api/v1/care/verifications/${enc(id)}/verify`),
};
