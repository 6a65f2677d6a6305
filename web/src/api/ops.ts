// Imports, background jobs and the audit log.
import { apiGet, apiPost, apiUpload } from './client.ts';
import type { AuditEntry, AuditVerifyResult, JobView } from './types.ts';

export type AuditQuery = {
  action?: string;
  actor?: string;
  recordId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export const IMPORT_TEMPLATE_URL = '/api/v1/imports/template.xlsx';
export const importErrorsUrl = (jobId: string) => `/api/v1/imports/${encodeURIComponent(jobId)}/errors.xlsx`;

export const importsApi = {
  upload: (file: File) => apiUpload<{ jobId: string }>('/api/v1/imports/households', file),
  job: (jobId: string) => apiGet<JobView>(`/api/v1/imports/${encodeURIComponent(jobId)}`),
};

export const jobsApi = {
  list: () => apiGet<{ items: JobView[] }>('/api/v1/jobs'),
  get: (id: string) => apiGet<JobView>(`/api/v1/jobs/${encodeURIComponent(id)}`),
};

export const auditApi = {
  list: (q: AuditQuery) => apiGet<{ items: AuditEntry[]; total: number }>('/api/v1/audit', q),
  verify: () => apiPost<AuditVerifyResult>('/api/v1/audit/verify', {}),
};
