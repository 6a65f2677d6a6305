// 供养服务机构 (§5.4): the institutions centralised 特困 support is paid to.
import type { InstitutionInput, InstitutionView } from '../../../contracts/institutions.ts';
import { apiGet, apiPost, apiRequest } from './client.ts';

export type { InstitutionInput, InstitutionView };

export const institutionsApi = {
  list: () => apiGet<{ items: InstitutionView[] }>('/api/v1/institutions'),
  create: (body: InstitutionInput) => apiPost<InstitutionView>('/api/v1/institutions', body),
  update: (id: string, body: InstitutionInput) =>
    apiRequest<InstitutionView>('PUT', `/api/v1/institutions/${encodeURIComponent(id)}`, body),
};
