// Benefit recalculation after a standard change (§9.4): runs, their change lists, and the district
// officer's decision on a whole list.
import type { z } from 'zod';
import type { RecalcChangeView, RecalcRunView, recalcChangesPage } from '../../../contracts/entitlements.ts';
import { apiGet, apiPost } from './client.ts';

export type RecalcChangesPage = z.infer<typeof recalcChangesPage>;
export type RecalcRunStatus = RecalcRunView['status'];
export type { RecalcChangeView, RecalcRunView };

/** What starting a run answers (202); also what an added standard reports when it started one. */
export type RecalcStarted = { runId: string; jobId: string };

/** POST /api/v1/standards: the new ids and the recalculation it started (null when one is running). */
export type StandardsAdded = { ids: number[]; recalc: RecalcStarted | null };

const run = (id: string) => `/api/v1/recalc-runs/${encodeURIComponent(id)}`;

export const entitlementsApi = {
  runs: () => apiGet<{ items: RecalcRunView[] }>('/api/v1/recalc-runs'),
  /** Recomputes every active case from `effectiveFrom` ('YYYY-MM-01'); supersedes an undecided list. */
  start: (effectiveFrom: string) => apiPost<RecalcStarted>('/api/v1/recalc-runs', { effectiveFrom }),
  changes: (id: string, page: { offset: number; limit: number }) =>
    apiGet<RecalcChangesPage>(`${run(id)}/changes`, page),
  approve: (id: string, reason: string) => apiPost<RecalcRunView>(`${run(id)}/approve`, { reason }),
  reject: (id: string, reason: string) => apiPost<RecalcRunView>(`${run(id)}/reject`, { reason }),
};
