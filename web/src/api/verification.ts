// Economic-status checks (家庭经济状况核对): a case's requests, one report, starting and re-running a
// check, and the printed PDF (each print counted and audited by the server).
import type {
  CheckItemView,
  CheckReportRef,
  CheckReportView,
  CheckRequestView,
  DirectCheckInput,
  ReportSections,
} from '../../../contracts/checks.ts';
import { apiGet, apiPost } from './client.ts';

export type {
  CheckItemView,
  CheckReportRef,
  CheckReportView,
  CheckRequestView,
  DirectCheckInput,
  ReportSections,
};
export type Generated = { late?: boolean; report: { id: string; reportNo: string; version: number } };

export const verificationApi = {
  caseChecks: (caseId: string) =>
    apiGet<{ items: CheckRequestView[] }>(`/api/v1/cases/${encodeURIComponent(caseId)}/check-requests`),
  request: (body: DirectCheckInput) =>
    apiPost<{ id: string; startBy: string }>('/api/v1/check-requests', body),
  start: (requestId: string) =>
    apiPost<Generated>(`/api/v1/check-requests/${encodeURIComponent(requestId)}/start`),
  rerun: (requestId: string) =>
    apiPost<Generated>(`/api/v1/check-requests/${encodeURIComponent(requestId)}/rerun`),
  report: (id: string) => apiGet<CheckReportView>(`/api/v1/check-reports/${encodeURIComponent(id)}`),
  /** Opened in a new tab with the session cookie; the server counts and audits the print. */
  pdfUrl: (id: string) => `/api/v1/check-reports/${encodeURIComponent(id)}/pdf`,
};
