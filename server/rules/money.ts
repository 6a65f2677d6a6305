// Money is integer fen (分) in storage and arithmetic; yuan strings only at the edges.

export type MoneyParse = { ok: true; fen: number } | { ok: false; message: string; messageEn: string };

/** Parses a yuan amount such as "1,234.5" or "800" into fen, refusing more than two decimals. */
export function parseYuan(input: string): MoneyParse {
  const s = input.trim().replace(/,/g, '').replace(/^¥/, '');
  if (!/^-?\d{1,12}(\.\d{1,2})?$/.test(s)) {
    return {
      ok: false,
      message: '金额格式错误，应为元，最多两位小数',
      messageEn: 'malformed amount: yuan with at most two decimals',
    };
  }
  const neg = s.startsWith('-');
  const [whole, frac = ''] = s.replace('-', '').split('.') as [string, string?];
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return { ok: true, fen: neg ? -fen : fen };
}

/** 123456 → "1234.56" (no grouping; for files and inputs). */
export function fenToYuanString(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer fen amount: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
