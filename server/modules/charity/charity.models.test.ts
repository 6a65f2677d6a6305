import { describe, expect, it } from 'vitest';
import type { ReferralState } from '../../../contracts/charity.ts';
import { DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import {
  answerDue,
  checkPayment,
  isOverdue,
  type ReferralEvent,
  referralTransition,
} from './charity.models.ts';

// §9.2 referral to charity (S6 §四(六)): the organisation answers (accept, or decline with the
// reason), gives help, and closes with feedback; declined and closed referrals are final.

const EVENTS: Record<string, ReferralEvent> = {
  accept: { type: 'ACCEPT' },
  decline: { type: 'DECLINE', reason: '不符合本项目帮扶对象' },
  disburse: { type: 'DISBURSE' },
  close: { type: 'CLOSE', note: '已帮扶完毕' },
};

describe('referral state table', () => {
  it.each([
    ['REFERRED', 'accept', 'ACCEPTED'],
    ['REFERRED', 'decline', 'DECLINED'],
    ['REFERRED', 'disburse', 'charity.accept_first'],
    ['REFERRED', 'close', 'charity.not_closable'],
    ['ACCEPTED', 'accept', 'charity.already_answered'],
    ['ACCEPTED', 'decline', 'charity.already_answered'],
    ['ACCEPTED', 'disburse', 'DISBURSED'],
    ['ACCEPTED', 'close', 'CLOSED'],
    ['DISBURSED', 'disburse', 'DISBURSED'],
    ['DISBURSED', 'close', 'CLOSED'],
    ['DISBURSED', 'decline', 'charity.already_answered'],
    ['DECLINED', 'accept', 'charity.already_answered'],
    ['DECLINED', 'disburse', 'charity.referral_final'],
    ['DECLINED', 'close', 'charity.not_closable'],
    ['CLOSED', 'disburse', 'charity.referral_final'],
    ['CLOSED', 'close', 'charity.not_closable'],
    ['CLOSED', 'accept', 'charity.already_answered'],
  ] as const)('%s + %s → %s', (state, event, expected) => {
    const r = referralTransition(state as ReferralState, EVENTS[event]!);
    expect(r.ok ? r.next : r.code).toBe(expected);
  });

  it('a decline without a reason is refused (the referrer must learn why)', () => {
    const r = referralTransition('REFERRED', { type: 'DECLINE', reason: ' ' });
    expect(r.ok ? r.next : r.code).toBe('charity.reason_required');
  });
});

describe('answer due date in working days (§2.1: the referral day does not count)', () => {
  it.each([
    [
      'Monday 2026-09-28 + 5 WD: 29, 30 Sep, (国庆节 1–7 Oct), 8, 9 Oct and the worked Saturday 10 Oct',
      '2026-09-28',
      5,
      '2026-10-10',
    ],
    [
      'Friday 2026-06-12 + 5 WD skips the weekend: Friday 19 June falls on 端午 → Monday 22 June',
      '2026-06-12',
      5,
      '2026-06-22',
    ],
    ['Wednesday 2026-11-25 + 3 WD → Monday 30 November', '2026-11-25', 3, '2026-11-30'],
  ])('%s', (_name, on, wd, due) => {
    expect(answerDue(on, wd, DEFAULT_CALENDAR)).toBe(due);
  });
  it('only an unanswered referral is overdue, and only after its due day', () => {
    expect(isOverdue({ state: 'REFERRED', dueOn: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ state: 'REFERRED', dueOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ state: 'ACCEPTED', dueOn: '2026-11-30' }, '2026-12-01')).toBe(false);
  });
});

describe('project budget and period', () => {
  const p = {
    status: 'ACTIVE',
    budgetFen: 100_000,
    usedFen: 60_000,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
  } as const;
  it.each([
    ['exactly the rest of the budget fits', p, 40_000, '2026-06-01', 'ok'],
    ['one fen over the budget is refused', p, 40_001, '2026-06-01', 'charity.budget_exceeded'],
    ['before the period', p, 1, '2025-12-31', 'charity.outside_period'],
    ['after the period', p, 1, '2027-01-01', 'charity.outside_period'],
    [
      'a suspended project pays nothing',
      { ...p, status: 'SUSPENDED' as const },
      1,
      '2026-06-01',
      'charity.project_inactive',
    ],
  ])('%s', (_name, project, value, on, expected) => {
    const r = checkPayment(project, value, on);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
    if (r.ok) expect(r.usedAfterFen).toBe(100_000);
  });
});
