import { describe, expect, it } from 'vitest';
import { chainTitle, isOverdue, mayAnswer } from './referrals.models.ts';

// Department referrals (转办, §9.3): the overdue rule, who answers, and the chain's wording.

describe('isOverdue: PENDING and due before today (due_on is the last day to answer, §2.1)', () => {
  it.each([
    ['PENDING', '2026-10-09', '2026-10-09', false],
    ['PENDING', '2026-10-09', '2026-10-10', true],
    ['GRANTED', '2026-10-09', '2026-12-01', false],
    ['REFUSED', '2026-10-09', '2026-12-01', false],
  ] as const)('%s due %s on %s → %s', (state, dueOn, today, overdue) =>
    expect(isOverdue({ state, dueOn }, today)).toBe(overdue),
  );
});

describe('mayAnswer', () => {
  it.each([
    [{ kind: 'liaison', departmentCode: 'HEALTH' }, 'HEALTH', true],
    [{ kind: 'liaison', departmentCode: 'HEALTH' }, 'EDUCATION', false],
    [{ kind: 'liaison', departmentCode: 'HEALTH' }, 'CIVIL_AFFAIRS', false],
    [{ kind: 'civil_affairs' }, 'CIVIL_AFFAIRS', true],
    [{ kind: 'civil_affairs' }, 'HEALTH', false],
  ] as const)('%j answers %s: %s', (who, dept, ok) => expect(mayAnswer(who, dept)).toBe(ok));
});

describe('chainTitle', () => {
  const r = {
    policyName: '医疗救助',
    departmentName: '医保',
    departmentNameEn: 'Medical insurance',
    dueOn: '2026-10-09',
    answeredOn: null,
    answerReason: null,
  };
  it('pending: who and by when', () =>
    expect(chainTitle({ ...r, state: 'PENDING' })).toEqual({
      title: '医疗救助（待医保答复，限 2026-10-09 前）',
      titleEn: '医疗救助 (awaiting Medical insurance, due 2026-10-09)',
    }));
  it('granted: the date given', () =>
    expect(chainTitle({ ...r, state: 'GRANTED', answeredOn: '2026-10-02' }).title).toBe(
      '医疗救助（医保已给予（2026-10-02））',
    ));
  it('refused: the reason', () =>
    expect(
      chainTitle({ ...r, state: 'REFUSED', answeredOn: '2026-10-02', answerReason: '已参保' }).titleEn,
    ).toBe('医疗救助 (refused by Medical insurance: 已参保)'));
});
