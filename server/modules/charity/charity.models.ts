import type { ReferralState } from '../../../contracts/charity.ts';
import { addWorkingDays, type HolidayCalendar } from '../../rules/calendar.ts';

// Pure rules of charity referrals and project budgets (§9.2; S6 §四(六)):
//   REFERRED ─accept─▶ ACCEPTED ─disburse─▶ DISBURSED ─disburse─▶ DISBURSED
//   REFERRED ─decline (reason)─▶ DECLINED
//   ACCEPTED | DISBURSED ─close (feedback)─▶ CLOSED
// DECLINED and CLOSED are final: the referrer refers again (to another organisation or need).
// A project pays at most its budget; a disbursement falls inside the project's period and while it
// is active.

/**
 * Working days an organisation has to answer a referral [U]: the brief names no figure; five matches
 * the township's "3 working days" style limits while leaving room for an organisation's board.
 */
export const CHARITY_ANSWER_WD = 5;

export type ReferralEvent =
  | { type: 'ACCEPT' }
  | { type: 'DECLINE'; reason: string }
  | { type: 'DISBURSE' }
  | { type: 'CLOSE'; note: string };

export type Refusal = { ok: false; code: string; zh: string; en: string };
export type Moved = { ok: true; next: ReferralState };

const refuse = (code: string, zh: string, en: string): Refusal => ({ ok: false, code, zh, en });

export const OPEN_STATES: readonly ReferralState[] = ['REFERRED', 'ACCEPTED', 'DISBURSED'];

export function referralTransition(state: ReferralState, e: ReferralEvent): Moved | Refusal {
  switch (e.type) {
    case 'ACCEPT':
    case 'DECLINE':
      if (state !== 'REFERRED')
        return refuse('charity.already_answered', '该转介已答复', 'the referral has been answered already');
      if (e.type === 'DECLINE' && e.reason.trim().length < 2)
        return refuse('charity.reason_required', '不予帮扶须说明理由', 'give the reason for declining');
      return { ok: true, next: e.type === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED' };
    case 'DISBURSE':
      if (state === 'REFERRED')
        return refuse(
          'charity.accept_first',
          '请先接收转介再登记帮扶',
          'accept the referral before giving help',
        );
      if (state !== 'ACCEPTED' && state !== 'DISBURSED')
        return refuse(
          'charity.referral_final',
          '该转介已办结或未被接收',
          'the referral is closed or was declined',
        );
      return { ok: true, next: 'DISBURSED' };
    case 'CLOSE':
      if (state !== 'ACCEPTED' && state !== 'DISBURSED')
        return refuse(
          'charity.not_closable',
          '只有已接收的转介可以办结',
          'only an accepted referral can be closed',
        );
      return { ok: true, next: 'CLOSED' };
  }
}

/** The answer is due `wd` working days after the referral (the day itself does not count, §2.1). */
export const answerDue = (referredOn: string, wd: number, cal: HolidayCalendar): string =>
  addWorkingDays(referredOn, wd, cal);

export const isOverdue = (r: { state: ReferralState; dueOn: string }, today: string): boolean =>
  r.state === 'REFERRED' && r.dueOn < today;

export type ProjectForPayment = {
  status: 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  budgetFen: number;
  usedFen: number;
  periodFrom: string;
  periodTo: string;
};

/** Whether a project can pay `valueFen` on `on`: active, within its period, within its budget. */
export function checkPayment(
  p: ProjectForPayment,
  valueFen: number,
  on: string,
): Refusal | { ok: true; usedAfterFen: number } {
  if (p.status !== 'ACTIVE')
    return refuse('charity.project_inactive', '该慈善项目未在实施', 'the project is not active');
  if (on < p.periodFrom || on > p.periodTo)
    return refuse(
      'charity.outside_period',
      `帮扶日期不在项目实施期（${p.periodFrom} 至 ${p.periodTo}）内`,
      `the date is outside the project period (${p.periodFrom} to ${p.periodTo})`,
    );
  if (p.usedFen + valueFen > p.budgetFen)
    return refuse(
      'charity.budget_exceeded',
      `超出项目预算：剩余 ${(p.budgetFen - p.usedFen) / 100} 元`,
      `over the project budget: ${(p.budgetFen - p.usedFen) / 100} yuan left`,
    );
  return { ok: true, usedAfterFen: p.usedFen + valueFen };
}
