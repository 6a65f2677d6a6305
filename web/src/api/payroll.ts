// Monthly payroll (M5): runs, their review and lines, approval, a case's payments and the ledger.
import type { z } from 'zod';
import type {
  casePaymentsView,
  PayrollLedger,
  PayrollLineView,
  PayrollReview,
  PayrollRunView,
  PayrollSchemeCode,
  payrollLinesPage,
} from '../../../contracts/payroll.ts';
import { apiGet, apiPost } from './client.ts';

export type PayrollLinesPage = z.infer<typeof payrollLinesPage>;
export type CasePayments = z.infer<typeof casePaymentsView>;
export type PayrollRunStatus = PayrollRunView['status'];
export type { PayrollLedger, PayrollLineView, PayrollReview, PayrollRunView, PayrollSchemeCode };

/** What starting (or recomputing) a run answers (202). */
export type PayrollStarted = { runId: string; jobId: string; run: PayrollRunView };

const run = (id: string) => `/api/v1/payroll-runs/${encodeURIComponent(id)}`;

export const payrollApi = {
  runs: () => apiGet<{ items: PayrollRunView[] }>('/api/v1/payroll-runs'),
  /** Starts the run of a scheme for a month ('YYYY-MM-01'); a month is paid once. */
  start: (scheme: PayrollSchemeCode, month: string) =>
    apiPost<PayrollStarted>('/api/v1/payroll-runs', { scheme, month }),
  review: (id: string) => apiGet<PayrollReview>(`${run(id)}/review`),
  lines: (id: string, q: { offset: number; limit: number; townCode?: string | undefined }) =>
    apiGet<PayrollLinesPage>(`${run(id)}/lines`, q),
  approve: (id: string, note: string) => apiPost<PayrollRunView>(`${run(id)}/approve`, { note }),
  recompute: (id: string) => apiPost<PayrollStarted>(`${run(id)}/recompute`),
  casePayments: (caseId: string) =>
    apiGet<CasePayments>(`/api/v1/cases/${encodeURIComponent(caseId)}/payments`),
  ledger: (year: number) => apiGet<PayrollLedger>('/api/v1/payroll/ledger', { year }),
};
