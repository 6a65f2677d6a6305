import type { REVEAL_FIELDS } from '../../../contracts/registry.ts';
import { apiGet, apiPatch, apiPost } from './client.ts';
import type {
  DivisionNode,
  HistoryEntry,
  HouseholdDetail,
  HouseholdInput,
  HouseholdListItem,
  Paged,
  PersonInput,
} from './types.ts';

export type HouseholdQuery = {
  q?: string;
  divisionCode?: string;
  status?: 'active' | 'closed';
  page: number;
  pageSize: number;
};

export type RevealField = (typeof REVEAL_FIELDS)[number];
type Change = { expectedVersion: number; reason: string };
export type HouseholdPatch = Change & {
  address?: string;
  hukouType?: '01' | '02' | '09' | '10';
  residenceCode?: string | null;
  urbanRural?: 'urban' | 'rural';
};

const hh = (id: string) => `/api/v1/households/${encodeURIComponent(id)}`;
const mem = (id: string, memberId: string) => `${hh(id)}/members/${encodeURIComponent(memberId)}`;

export const registryApi = {
  search: (q: HouseholdQuery) => apiGet<Paged<HouseholdListItem>>('/api/v1/households', q),
  create: (input: HouseholdInput) =>
    apiPost<{ id: string; householdNo: string }>('/api/v1/households', input),
  detail: (id: string) => apiGet<HouseholdDetail>(hh(id)),
  history: (id: string) => apiGet<{ items: HistoryEntry[] }>(`${hh(id)}/history`),
  update: (id: string, patch: HouseholdPatch) => apiPatch<{ ok: true }>(hh(id), patch),
  addMember: (id: string, body: PersonInput & Change) =>
    apiPost<{ memberId: string; personId: string }>(`${hh(id)}/members`, body),
  updateMember: (id: string, memberId: string, body: Partial<PersonInput> & Change) =>
    apiPatch<{ ok: true }>(mem(id, memberId), body),
  leave: (id: string, memberId: string, body: Change & { leftOn?: string }) =>
    apiPost<{ memberId: string; householdClosed: boolean }>(`${mem(id, memberId)}/leave`, body),
  changeHead: (id: string, body: Change & { memberId: string; formerHeadRelationCode: string }) =>
    apiPost<{ ok: true }>(`${hh(id)}/head`, body),
  reveal: (personId: string, field: RevealField, reason: string) =>
    apiPost<{ value: string }>(`/api/v1/persons/${encodeURIComponent(personId)}/reveal`, { field, reason }),
  divisionTree: () => apiGet<{ items: DivisionNode[] }>('/api/v1/divisions/tree'),
};
