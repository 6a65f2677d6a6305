// Pure helpers of the reserve-fund page (备用金台账, §6.3): the town a user may look at, months,
// yuan → fen for a movement, which buttons a role gets, and how ledger entries count.
import type { Role } from '../../../../contracts/roles.ts';
import type { ReserveFundEntry, ReserveFundEntryKind, ReserveFundMonth } from '../../api/reserveFund.ts';
import { yuanToFen } from '../../lib/format.ts';

const DISTRICT_ROLES: readonly Role[] = ['district_officer', 'district_admin', 'auditor'];
const MOVERS: readonly Role[] = ['district_officer', 'district_admin'];
const RECONCILERS: readonly Role[] = ['town_officer', 'district_officer', 'district_admin'];

/** District roles (county-wide jurisdiction) choose the town; everyone else sees their own. */
export const choosesTown = (jurisdictionCode: string): boolean => jurisdictionCode.length === 6;

/** The fixed town of a town or village user (9 digits), or null for a district user. */
export const ownTown = (jurisdictionCode: string): string | null =>
  jurisdictionCode.length >= 9 ? jurisdictionCode.slice(0, 9) : null;

export const isDistrictRole = (role: Role): boolean => DISTRICT_ROLES.includes(role);

/** 拨付 / 收回: district officers and administrators. */
export const canMove = (role: Role): boolean => MOVERS.includes(role);

/** 月度对账: the town officer or the district. */
export const canReconcileRole = (role: Role): boolean => RECONCILERS.includes(role);

export const isMonth = (s: string | null | undefined): s is string =>
  typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** '2026-11-29' or '2026-11-01' → '2026-11'. */
export const monthOfDate = (date: string): string => date.slice(0, 7);

/** The month in the URL when valid, else the current month (from today's date, YYYY-MM-DD). */
export const pickMonth = (param: string | null, today: string): string =>
  isMonth(param) ? param : monthOfDate(today);

/** Only a finished month can be reconciled: strictly before the month of today. */
export const isPastMonth = (month: string, today: string): boolean => month < monthOfDate(today);

/** The town in the URL when the user may see it, else the own town, else the first town offered. */
export function pickTown(param: string | null, jurisdictionCode: string, towns: string[]): string | null {
  const own = ownTown(jurisdictionCode);
  if (own) return own;
  if (param && /^\d{9}$/.test(param) && param.startsWith(jurisdictionCode)) return param;
  return towns[0] ?? null;
}

export type AmountProblem = 'required' | 'format' | 'positive' | 'exceeds';

/**
 * A movement's amount typed in yuan → fen. A return may not exceed the balance (the server checks
 * too); `balanceFen` is only used for returns.
 */
export function movementAmount(
  yuan: string | number | null | undefined,
  kind: 'ALLOCATE' | 'RETURN',
  balanceFen: number,
): { ok: true; fen: number } | { ok: false; problem: AmountProblem } {
  if (yuan === null || yuan === undefined || String(yuan).trim() === '')
    return { ok: false, problem: 'required' };
  const fen = yuanToFen(yuan);
  if (fen === null) return { ok: false, problem: 'format' };
  if (fen <= 0) return { ok: false, problem: 'positive' };
  if (kind === 'RETURN' && fen > balanceFen) return { ok: false, problem: 'exceeds' };
  return { ok: true, fen };
}

export type ReconcileButton = { visible: boolean; disabled: boolean; reason: 'current' | 'done' | null };

/** The 月度对账 button: shown to town officers and the district; only a past, unreconciled month. */
export function reconcileButton(role: Role, view: ReserveFundMonth | null, today: string): ReconcileButton {
  if (!canReconcileRole(role)) return { visible: false, disabled: true, reason: null };
  if (!view) return { visible: true, disabled: true, reason: null };
  if (!isPastMonth(monthOfDate(view.month), today))
    return { visible: true, disabled: true, reason: 'current' };
  if (view.reconciled) return { visible: true, disabled: true, reason: 'done' };
  return { visible: true, disabled: false, reason: null };
}

/** How an entry moves the balance: allocations add, draws and returns take, reconciliation is 0. */
export function signedFen(e: Pick<ReserveFundEntry, 'kind' | 'amountFen'>): number {
  if (e.kind === 'ALLOCATE') return e.amountFen;
  if (e.kind === 'DRAW' || e.kind === 'RETURN') return -e.amountFen;
  return 0;
}

export const KIND_COLORS: Record<ReserveFundEntryKind, string> = {
  ALLOCATE: 'green',
  DRAW: 'orange',
  RETURN: 'blue',
  RECONCILE: 'purple',
};

export const kindColor = (kind: string): string => KIND_COLORS[kind as ReserveFundEntryKind] ?? 'default';

/** Sum of what the listed outstanding draws still owe in paperwork, fen. */
export const outstandingFen = (view: Pick<ReserveFundMonth, 'outstanding'>): number =>
  view.outstanding.reduce((s, o) => s + o.amountFen, 0);

type TreeNode = { code: string; level: string; children?: TreeNode[] | null };

/** The 9-digit codes of the towns in a division tree, in tree order. */
export function townCodesOf(nodes: TreeNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.level === 'town') out.push(n.code.slice(0, 9));
    else out.push(...townCodesOf(n.children ?? []));
  }
  return out;
}
