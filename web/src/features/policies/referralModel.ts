// Pure helpers of the referral worklist (also used by the portal inbox): how far a deadline is, and
// the answer body of the answer form (yuan typed by the user → integer fen).

import type { ReferralAnswerInput } from '../../api/policies.ts';
import { yuanToFen } from '../../lib/format.ts';

export type DueStatus =
  | { kind: 'closed' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'open'; days: number };

/** Calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const d = (s: string) => {
    const [y, m, day] = s.split('-').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, day ?? 1);
  };
  return Math.round((d(to) - d(from)) / 86_400_000);
}

/**
 * Where a deadline stands today. The server's `overdue` flag decides (it counts working days and
 * knows the answer); the days are calendar days for the label, at least one when overdue.
 */
export function dueStatus(dueOn: string, today: string, overdue: boolean, open: boolean): DueStatus {
  if (!open) return { kind: 'closed' };
  const left = daysBetween(today, dueOn);
  if (overdue) return { kind: 'overdue', days: Math.max(1, -left) };
  if (left <= 0) return { kind: 'today' };
  return { kind: 'open', days: left };
}

export type AnswerValues = {
  outcome: 'GRANTED' | 'REFUSED';
  grantedOn?: string;
  amountYuan?: string | number | null;
  note?: string;
  reason?: string;
};

/**
 * The answer as the API takes it, or the field that is wrong. An amount left empty is null (no money
 * or goods); one with more than two decimals or negative is refused here rather than rounded.
 */
export function answerBody(
  v: AnswerValues,
): { ok: true; body: ReferralAnswerInput } | { ok: false; field: 'grantedOn' | 'amountYuan' | 'reason' } {
  if (v.outcome === 'REFUSED') {
    const reason = (v.reason ?? '').trim();
    if (reason.length < 2) return { ok: false, field: 'reason' };
    return { ok: true, body: { outcome: 'REFUSED', reason } };
  }
  if (!v.grantedOn || !/^\d{4}-\d{2}-\d{2}$/.test(v.grantedOn)) return { ok: false, field: 'grantedOn' };
  const raw = v.amountYuan;
  const empty = raw === null || raw === undefined || String(raw).trim() === '';
  const fen = empty ? null : yuanToFen(raw);
  if (!empty && (fen === null || fen < 0)) return { ok: false, field: 'amountYuan' };
  return {
    ok: true,
    body: { outcome: 'GRANTED', grantedOn: v.grantedOn, amountFen: fen, note: (v.note ?? '').trim() },
  };
}
