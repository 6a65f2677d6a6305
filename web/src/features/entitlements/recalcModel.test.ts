import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { RECALC_STATUSES } from '../../../../contracts/entitlements.ts';
import { ApiError } from '../../api/client.ts';
import type { RecalcRunView } from '../../api/entitlements.ts';
import {
  canDecide,
  canRecompute,
  differenceFen,
  isComputing,
  isKnownScheme,
  isKnownTrigger,
  monthOf,
  monthStart,
  pageToOffset,
  RUN_STATUS_COLORS,
  reasonProblem,
  selectedRun,
  signOf,
  staleCount,
  statusColor,
} from './recalcModel.ts';

const run = (id: string, status: RecalcRunView['status']): RecalcRunView => ({
  id,
  effectiveFrom: '2027-01-01',
  computedOn: '2026-11-29',
  status,
  jobId: status === 'COMPUTING' ? 'job-1' : null,
  trigger: 'standards',
  casesChecked: 10,
  casesChanged: 3,
  casesIneligible: 1,
  monthlyDeltaFen: 15000,
  backPayFen: 0,
  createdAt: '2026-11-29T01:00:00.000Z',
  decidedByName: null,
  decidedAt: null,
  decisionReason: null,
});

describe('recalculation model', () => {
  it('has a colour for every run status, pending and approved distinct', () => {
    for (const s of RECALC_STATUSES) expect(RUN_STATUS_COLORS[s]).toBeTruthy();
    expect(statusColor('PENDING')).not.toBe(statusColor('APPROVED'));
    expect(statusColor('APPROVED')).toBe('success');
    expect(statusColor('SOMETHING_NEW')).toBe('default');
  });

  it('computes the monthly difference with its sign', () => {
    expect(differenceFen({ oldFen: 95000, newFen: 100000 })).toBe(5000);
    expect(differenceFen({ oldFen: 100000, newFen: 98050 })).toBe(-1950);
    expect(signOf(5000)).toBe('+');
    expect(signOf(0)).toBe('');
    expect(signOf(-1950)).toBe('');
  });

  it('turns a picked month into the first day and a date into its month', () => {
    expect(monthStart(dayjs('2027-01-17'))).toBe('2027-01-01');
    expect(monthStart(dayjs('2026-12-01'))).toBe('2026-12-01');
    expect(monthOf('2027-01-01')).toBe('2027-01');
  });

  it('lets approvers decide only a pending list, and recompute a pending or failed one', () => {
    expect(canDecide(run('a', 'PENDING'), true)).toBe(true);
    expect(canDecide(run('a', 'PENDING'), false)).toBe(false);
    for (const s of ['COMPUTING', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'FAILED'] as const)
      expect(canDecide(run('a', s), true)).toBe(false);
    expect(canRecompute(run('a', 'FAILED'), true)).toBe(true);
    expect(canRecompute(run('a', 'APPROVED'), true)).toBe(false);
    expect(canRecompute(run('a', 'PENDING'), false)).toBe(false);
  });

  it('maps table pages to offset and limit, the limit capped at 500', () => {
    expect(pageToOffset(1, 20)).toEqual({ offset: 0, limit: 20 });
    expect(pageToOffset(3, 50)).toEqual({ offset: 100, limit: 50 });
    expect(pageToOffset(1, 1000)).toEqual({ offset: 0, limit: 500 });
  });

  it('selects the run in the URL, else the newest', () => {
    const runs = [run('new', 'PENDING'), run('old', 'APPROVED')];
    expect(selectedRun(runs, 'old')?.id).toBe('old');
    expect(selectedRun(runs, null)?.id).toBe('new');
    expect(selectedRun(runs, 'gone')?.id).toBe('new');
    expect(selectedRun([], null)).toBeNull();
    expect(isComputing(runs)).toBe(false);
    expect(isComputing([...runs, run('c', 'COMPUTING')])).toBe(true);
  });

  it('reads the stale count of a "recompute first" answer only', () => {
    const stale = new ApiError({
      status: 409,
      code: 'entitlements.recalc_stale',
      message: '清单生成后有 2 件案件的待遇已变化，请重新计算后再审批',
      messageEn: '2 cases changed since the list was computed; recompute before approving',
      details: { stale: 2 },
    });
    expect(staleCount(stale)).toBe(2);
    const notPending = new ApiError({
      status: 409,
      code: 'entitlements.recalc_not_pending',
      message: 'x',
      messageEn: 'x',
    });
    expect(staleCount(notPending)).toBeNull();
    expect(staleCount(new Error('boom'))).toBeNull();
  });

  it('checks the reason as the contract does, in the UI language', () => {
    expect(reasonProblem('同意', 'zh')).toBeNull();
    expect(reasonProblem(' 同 ', 'zh')).toBe('请填写审批意见');
    expect(reasonProblem(undefined, 'en')).toBe('give the reason for the decision');
  });

  it('knows the triggers and schemes it has names for', () => {
    expect(isKnownTrigger('manual')).toBe(true);
    expect(isKnownTrigger('cron')).toBe(false);
    expect(isKnownScheme('DIBAO_SINGLE')).toBe(true);
    expect(isKnownScheme('EDGE')).toBe(false);
  });
});
