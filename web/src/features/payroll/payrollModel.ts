// Pure helpers of the payroll page (M5): status colours, who may do what with a run, months, the
// review's totals line and paging.
import type { Dayjs } from 'dayjs';
import type { PayrollReview, PayrollRunStatus, PayrollRunView } from '../../api/payroll.ts';

export const RUN_STATUS_COLORS: Record<PayrollRunStatus, string> = {
  COMPUTING: 'processing',
  REVIEW: 'gold',
  APPROVED: 'success',
  FAILED: 'error',
};

export const SCHEMES = ['DIBAO', 'TEKUN', 'TEMPORARY'] as const;
export const KINDS = ['MONTHLY', 'BACK_PAY', 'REISSUE', 'TEMPORARY'] as const;

/** '2026-10-01' → '2026-10'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first day of the picked month as the API takes it: 'YYYY-MM-01'. */
export const monthStart = (d: Dayjs): string => d.startOf('month').format('YYYY-MM-DD');

/** Rule 1: a month not yet reached cannot be paid (`today` is 'YYYY-MM-DD'). */
export const isFutureMonth = (month: string, today: string): boolean => month.slice(0, 7) > today.slice(0, 7);

/** Rule 9: only a run in review is approved, by someone allowed to manage payroll. */
export const canApprove = (run: Pick<PayrollRunView, 'status'>, mayManage: boolean): boolean =>
  mayManage && run.status === 'REVIEW';

/** Rule 9: a run not yet approved (in review, or failed) may be computed again. */
export const canRecompute = (run: Pick<PayrollRunView, 'status'>, mayManage: boolean): boolean =>
  mayManage && (run.status === 'REVIEW' || run.status === 'FAILED');

export const isComputing = (runs: readonly Pick<PayrollRunView, 'status'>[]): boolean =>
  runs.some((r) => r.status === 'COMPUTING');

/** The run named in the address, else the newest. */
export function selectedRun<R extends { id: string }>(runs: readonly R[], id: string | null): R | null {
  return runs.find((r) => r.id === id) ?? runs[0] ?? null;
}

/** The sum row of the town totals table. */
export function sumTowns(towns: PayrollReview['towns']) {
  return towns.reduce(
    (s, t) => ({
      lines: s.lines + t.lines,
      grossFen: s.grossFen + t.grossFen,
      deductionFen: s.deductionFen + t.deductionFen,
      netFen: s.netFen + t.netFen,
    }),
    { lines: 0, grossFen: 0, deductionFen: 0, netFen: 0 },
  );
}

export const pageToOffset = (page: number, pageSize: number) => ({
  offset: Math.max(0, (page - 1) * pageSize),
  limit: Math.min(500, pageSize),
});
