// Pure helpers of the recalculation page (§9.4): status colours, the amount difference, months and
// paging, and reading the server's answers (stale list, decision reason).
import type { Dayjs } from 'dayjs';
import { recalcDecision } from '../../../../contracts/entitlements.ts';
import { isApiError } from '../../api/client.ts';
import type { RecalcChangeView, RecalcRunStatus, RecalcRunView } from '../../api/entitlements.ts';
import { schemaProblem } from '../../lib/schemaRule.ts';

/** Ant Design tag colours of the run statuses. */
export const RUN_STATUS_COLORS: Record<RecalcRunStatus, string> = {
  COMPUTING: 'processing',
  PENDING: 'gold',
  APPROVED: 'success',
  REJECTED: 'error',
  SUPERSEDED: 'default',
  FAILED: 'red',
};

export const statusColor = (status: string): string =>
  RUN_STATUS_COLORS[status as RecalcRunStatus] ?? 'default';

export const TRIGGERS = ['standards', 'parameters', 'manual'] as const;
export type RecalcTrigger = (typeof TRIGGERS)[number];
export const isKnownTrigger = (t: string): t is RecalcTrigger => (TRIGGERS as readonly string[]).includes(t);

export const SCHEMES = ['DIBAO', 'DIBAO_SINGLE', 'TEKUN'] as const;
export type RecalcScheme = (typeof SCHEMES)[number];
export const isKnownScheme = (s: string): s is RecalcScheme => (SCHEMES as readonly string[]).includes(s);

/** New minus old monthly amount in fen; what a case no longer qualifying would lose is negative. */
export const differenceFen = (c: Pick<RecalcChangeView, 'oldFen' | 'newFen'>): number => c.newFen - c.oldFen;

/** The sign a difference is shown with: '+' for a rise, '' otherwise (the minus is in the number). */
export const signOf = (fen: number): string => (fen > 0 ? '+' : '');

/** '2027-01-01' → '2027-01'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first day of the picked month as the API takes it: 'YYYY-MM-01'. */
export const monthStart = (d: Dayjs): string => d.startOf('month').format('YYYY-MM-DD');

/** A run can be decided only while its list awaits a decision, by someone allowed to approve. */
export const canDecide = (run: Pick<RecalcRunView, 'status'>, mayApprove: boolean): boolean =>
  mayApprove && run.status === 'PENDING';

/** Recomputing is offered for a list that awaits a decision or failed (it supersedes the old list). */
export const canRecompute = (run: Pick<RecalcRunView, 'status'>, mayApprove: boolean): boolean =>
  mayApprove && (run.status === 'PENDING' || run.status === 'FAILED');

export const isComputing = (runs: readonly Pick<RecalcRunView, 'status'>[]): boolean =>
  runs.some((r) => r.status === 'COMPUTING');

/** Ant Table pages (1-based) to the API's offset/limit. */
export const pageToOffset = (page: number, pageSize: number) => ({
  offset: Math.max(0, (page - 1) * pageSize),
  limit: Math.min(500, pageSize),
});

/**
 * The number of cases that changed since the list was computed, when `err` is the server's
 * "recompute first" answer (409 entitlements.recalc_stale); null for any other error.
 */
export function staleCount(err: unknown): number | null {
  if (!isApiError(err) || err.code !== 'entitlements.recalc_stale') return null;
  const n = (err.details as { stale?: unknown } | null | undefined)?.stale;
  return typeof n === 'number' ? n : 0;
}

/** The run selected in the URL if it is listed, else the newest run (the list is newest first). */
export function selectedRun(runs: readonly RecalcRunView[], id: string | null): RecalcRunView | null {
  return (id ? runs.find((r) => r.id === id) : undefined) ?? runs[0] ?? null;
}

/** The contract's check of a decision reason; the message in the UI language, or null when fine. */
export function reasonProblem(reason: string | undefined, lang: 'zh' | 'en'): string | null {
  return schemaProblem(recalcDecision.shape.reason, reason, lang);
}
