// Monitoring (§7.3, §7.4): alerts and their handling, the rules, comparison runs, the dashboard and
// the monitored population.
import type {
  AlertDetail,
  AlertSummary,
  DisposeInput,
  RuleCreate,
  RuleView,
  VerifyMethod,
} from '../../../contracts/alerts.ts';
import type { CompareRunView, DashboardView, PopulationView } from '../../../contracts/monitoring.ts';
import { apiGet, apiPatch, apiPost } from './client.ts';

export type { AlertDetail, AlertSummary, CompareRunView, DashboardView, PopulationView, RuleView };

export type AlertQuery = {
  type?: string | undefined;
  category?: string | undefined;
  state?: string | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  offset: number;
  limit: number;
};

const alert = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}`;

export const monitoringApi = {
  alerts: (q: AlertQuery) => apiGet<{ total: number; items: AlertSummary[] }>('/api/v1/alerts', q),
  alert: (id: string) => apiGet<AlertDetail>(alert(id)),
  verify: (id: string, body: { method: VerifyMethod; findings: string; version?: number }) =>
    apiPost<AlertDetail>(`${alert(id)}/verify`, body),
  dispose: (id: string, body: DisposeInput) => apiPost<AlertDetail>(`${alert(id)}/dispose`, body),
  close: (id: string, body: { feedback: string; version?: number }) =>
    apiPost<AlertDetail>(`${alert(id)}/close`, body),
  rules: () => apiGet<{ items: RuleView[] }>('/api/v1/alert-rules'),
  updateRule: (code: string, body: Partial<Pick<RuleView, 'enabled' | 'slaWd' | 'conditions'>>) =>
    apiPatch<RuleView>(`/api/v1/alert-rules/${encodeURIComponent(code)}`, body),
  createRule: (body: RuleCreate) => apiPost<RuleView>('/api/v1/alert-rules', body),
  runs: () => apiGet<{ items: CompareRunView[] }>('/api/v1/monitoring/runs'),
  startRun: () => apiPost<{ runId: string; jobId: string }>('/api/v1/monitoring/runs'),
  dashboard: () => apiGet<DashboardView>('/api/v1/monitoring/dashboard'),
  population: (divisionCode?: string) =>
    apiGet<PopulationView>('/api/v1/monitoring/population', { divisionCode }),
};
