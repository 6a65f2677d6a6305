// The township reserve fund (乡镇临时救助备用金, §6.3) and the urgent report that opens a
// 急难型临时救助 case (§6.5). Amounts are integer fen.
import type { UrgentReportInput } from '../../../contracts/cases.ts';
import { apiGet, apiPost } from './client.ts';

export type { UrgentReportInput };
export type UrgentSource = UrgentReportInput['source'];
export type UrgentCause = UrgentReportInput['cause'];

export type ReserveFundEntryKind = 'ALLOCATE' | 'DRAW' | 'RETURN' | 'RECONCILE';

export type ReserveFundEntry = {
  id: number | string;
  /** YYYY-MM-DD (Beijing). */
  on: string;
  kind: ReserveFundEntryKind;
  amountFen: number;
  caseNo: string | null;
  /** For a draw: whether its case has been regularised (补办手续); null for other kinds. */
  regularized: boolean | null;
  note: string | null;
  by: string | null;
};

export type OutstandingDraw = { caseId: string | null; caseNo: string | null; amountFen: number };

export type ReserveFundMonth = {
  townCode: string;
  /** The first day of the month, YYYY-MM-01. */
  month: string;
  balanceFen: number;
  drawnFen: number;
  draws: number;
  regularized: number;
  outstanding: OutstandingDraw[];
  /** The month's reconciliation entry, or null while not reconciled. */
  reconciled: { id: number | string; [k: string]: unknown } | null;
  entries: ReserveFundEntry[];
};

export type ReserveFundMovement = {
  townCode: string;
  kind: 'ALLOCATE' | 'RETURN';
  amountFen: number;
  note: string;
};

export const reserveFundApi = {
  /** `month` as YYYY-MM. District roles may ask for any town, town and village roles only their own. */
  month: (townCode: string, month: string) =>
    apiGet<ReserveFundMonth>('/api/v1/reserve-fund', { townCode, month }),
  /** 拨付 / 收回 (district officer or administrator). */
  move: (input: ReserveFundMovement) =>
    apiPost<{ id: number | string; balanceFen: number }>('/api/v1/reserve-fund/movements', input),
  /** 月度对账 of a finished month, once. */
  reconcile: (input: { townCode: string; month: string; note: string }) =>
    apiPost<unknown>('/api/v1/reserve-fund/reconcile', input),
};

export const urgentApi = {
  report: (input: UrgentReportInput) =>
    apiPost<{ id: string; caseNo: string }>('/api/v1/cases/urgent', input),
};
