import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanString, parseYuan } from './money.ts';

// Money is integer fen; yuan with two decimals at the edges (DEVELOPERS.md standing requirement; §15).
describe('parseYuan', () => {
  it.each([
    ['800', 80000],
    ['800.5', 80050],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['¥12.30', 1230],
    ['-3.00', -300],
  ])('%s yuan is %i fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, fen });
  });
  it.each(['1.234', 'abc', '', '1e3', '12.'])('refuses %j', (input) => {
    expect(parseYuan(input).ok).toBe(false);
  });
  it('round-trips every fen amount through its yuan string', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(fenToYuanString(fen))).toEqual({ ok: true, fen });
      }),
    );
  });
});
