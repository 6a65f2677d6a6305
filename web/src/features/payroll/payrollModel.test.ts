import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  canApprove,
  canRecompute,
  isComputing,
  isFutureMonth,
  monthOf,
  monthStart,
  pageToOffset,
  selectedRun,
  sumTowns,
} from './payrollModel.ts';

describe('payroll page helpers (M5)', () => {
  it('rule 1: a month not yet reached cannot be started', () => {
    expect(isFutureMonth('2026-12-01', '2026-11-29')).toBe(true);
    expect(isFutureMonth('2026-11-01', '2026-11-29')).toBe(false);
    expect(isFutureMonth('2026-10-01', '2026-11-01')).toBe(false);
  });

  it('rule 9: only a run in review is approved, and only an unapproved run is recomputed, by a manager', () => {
    expect(canApprove({ status: 'REVIEW' }, true)).toBe(true);
    expect(canApprove({ status: 'REVIEW' }, false)).toBe(false);
    expect(canApprove({ status: 'APPROVED' }, true)).toBe(false);
    expect(canRecompute({ status: 'FAILED' }, true)).toBe(true);
    expect(canRecompute({ status: 'APPROVED' }, true)).toBe(false);
    expect(canRecompute({ status: 'COMPUTING' }, true)).toBe(false);
  });

  it('months, selection, totals and paging', () => {
    expect(monthOf('2026-10-01')).toBe('2026-10');
    expect(monthStart(dayjs('2026-10-17'))).toBe('2026-10-01');
    expect(isComputing([{ status: 'APPROVED' }, { status: 'COMPUTING' }])).toBe(true);
    const runs = [{ id: 'a' }, { id: 'b' }];
    expect(selectedRun(runs, 'b')?.id).toBe('b');
    expect(selectedRun(runs, 'x')?.id).toBe('a');
    expect(selectedRun([], null)).toBeNull();
    const t = { townName: null, lines: 2, grossFen: 200, deductionFen: 50, netFen: 150 };
    expect(
      sumTowns([
        { ...t, townCode: '1' },
        { ...t, townCode: '2' },
      ]),
    ).toEqual({
      lines: 4,
      grossFen: 400,
      deductionFen: 100,
      netFen: 300,
    });
    expect(pageToOffset(3, 20)).toEqual({ offset: 40, limit: 20 });
  });
});
