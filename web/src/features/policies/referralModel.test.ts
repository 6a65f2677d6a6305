import { describe, expect, it } from 'vitest';
import { answerBody, daysBetween, dueStatus } from './referralModel.ts';

describe('where a referral deadline stands (the server decides overdue in working days)', () => {
  it.each([
    ['overdue since yesterday', '2026-03-09', '2026-03-10', true, true, { kind: 'overdue', days: 1 }],
    ['overdue for a week', '2026-03-03', '2026-03-10', true, true, { kind: 'overdue', days: 7 }],
    [
      'flagged overdue on its due date still counts one day',
      '2026-03-10',
      '2026-03-10',
      true,
      true,
      { kind: 'overdue', days: 1 },
    ],
    ['due today', '2026-03-10', '2026-03-10', false, true, { kind: 'today' }],
    ['due in three days', '2026-03-13', '2026-03-10', false, true, { kind: 'open', days: 3 }],
    ['answered: no deadline any more', '2026-03-01', '2026-03-10', true, false, { kind: 'closed' }],
  ] as const)('%s', (_name, dueOn, today, overdue, open, expected) => {
    expect(dueStatus(dueOn, today, overdue, open)).toEqual(expected);
  });
  it('counts calendar days across months and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });
});

describe('the answer of a referral', () => {
  it('sends a granted answer with the amount in integer fen', () => {
    expect(
      answerBody({ outcome: 'GRANTED', grantedOn: '2026-03-10', amountYuan: '1200.5', note: ' ok ' }),
    ).toEqual({
      ok: true,
      body: { outcome: 'GRANTED', grantedOn: '2026-03-10', amountFen: 120050, note: 'ok' },
    });
  });
  it('sends no amount (null) when the policy gives no money or goods', () => {
    const r = answerBody({ outcome: 'GRANTED', grantedOn: '2026-03-10', amountYuan: '  ' });
    expect(r).toEqual({
      ok: true,
      body: { outcome: 'GRANTED', grantedOn: '2026-03-10', amountFen: null, note: '' },
    });
  });
  it('refuses an amount with more than two decimals or below zero instead of rounding it', () => {
    expect(answerBody({ outcome: 'GRANTED', grantedOn: '2026-03-10', amountYuan: '1.234' })).toEqual({
      ok: false,
      field: 'amountYuan',
    });
    expect(answerBody({ outcome: 'GRANTED', grantedOn: '2026-03-10', amountYuan: '-5' })).toEqual({
      ok: false,
      field: 'amountYuan',
    });
  });
  it('needs the date a grant was made', () => {
    expect(answerBody({ outcome: 'GRANTED' })).toEqual({ ok: false, field: 'grantedOn' });
  });
  it('needs a reason of at least two characters to refuse', () => {
    expect(answerBody({ outcome: 'REFUSED', reason: ' 否 ' })).toEqual({ ok: false, field: 'reason' });
    expect(answerBody({ outcome: 'REFUSED', reason: ' 已享受同类救助 ' })).toEqual({
      ok: true,
      body: { outcome: 'REFUSED', reason: '已享受同类救助' },
    });
  });
});
