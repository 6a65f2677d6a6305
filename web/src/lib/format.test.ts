import { describe, expect, it } from 'vitest';
import { toNamePath } from './fieldPath.ts';
import { fenToYuan, formatDateTime, yuanToFen } from './format.ts';

describe('money', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(-150)).toBe('-1.50');
  });
  it('reads yuan into integer fen without floating-point drift', () => {
    expect(yuanToFen('1200.5')).toBe(120050);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen(800)).toBe(80000);
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
  });
});

describe('time', () => {
  it('shows instants in Beijing time', () => {
    expect(formatDateTime('2025-12-31T16:30:00.000Z')).toBe('2026-01-01 00:30:00');
  });
});

describe('field paths', () => {
  it('turns dotted server paths into antd name paths', () => {
    expect(toNamePath('members.1.idNumber')).toEqual(['members', 1, 'idNumber']);
    expect(toNamePath('reason')).toEqual(['reason']);
  });
});
