import crypto from 'node:crypto';
import { RETURN_COLUMN_ALIASES, type ReturnColumn } from '../../../contracts/bankfiles.ts';
import type { PayrollScheme } from '../../db/schema.ts';

// Pure parts of the bank files: the line reference the bank echoes back, money in yuan text,
// the bank's result words, CSV quoting and the header matching of a return file.

export type LineKey = {
  county: string;
  scheme: PayrollScheme;
  month: string;
  caseId: string;
  kind: string;
  item: string;
};

const SCHEME_LETTER: Record<PayrollScheme, string> = { DIBAO: 'D', TEKUN: 'T', TEMPORARY: 'L', CARE: 'C' };
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 of the first bits of a digest (no padding). */
function base32(buf: Buffer, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

/**
 * 发放流水号: stable for a line forever (a hash of its primary key, nothing that can change) and
 * short enough for a bank's memo field: scheme letter + YYYYMM + '-' + 12 base32 characters
 * (60 bits: a collision among a county's lines of a month is beyond reach).
 */
export function lineRef(k: LineKey): string {
  return lineRefOf(k)(k.caseId, k.kind, k.item);
}

/**
 * lineRef for many lines of one run: the hash of the common prefix is computed once and copied,
 * which is the same digest as hashing the joined key of each line.
 */
export function lineRefOf(run: Pick<LineKey, 'county' | 'scheme' | 'month'>) {
  const prefix = crypto.createHash('sm3').update(`${run.county}|${run.scheme}|${run.month}|`);
  const head = `${SCHEME_LETTER[run.scheme]}${run.month.slice(0, 4)}${run.month.slice(5, 7)}-`;
  return (caseId: string, kind: string, item: string) =>
    `${head}${base32(prefix.copy().update(`${caseId}|${kind}|${item}`).digest(), 12)}`;
}

const REF_PATTERN = /[DTL]\d{6}-[A-Z2-7]{12}/;

/** The reference in a cell: the cell itself, or found inside a memo the bank echoed back. */
export function findRef(cell: string): string | null {
  return REF_PATTERN.exec(cell.toUpperCase())?.[0] ?? null;
}

export const fenToYuanText = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** '1,234.5' / '1234.50' / '¥1234' → fen; null when it is not an amount with at most 2 decimals. */
export function yuanTextToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥]/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const PAID_WORDS = new Set(['成功', '已发放', '发放成功', '入账成功', 'success', 'succeeded', 'paid', 'ok']);
const FAILED_WORDS = new Set(['失败', '发放失败', '入账失败', '退回', 'failed', 'failure', 'fail']);

export function parseResult(text: string): 'PAID' | 'FAILED' | null {
  const t = text.trim().toLowerCase();
  if (PAID_WORDS.has(t)) return 'PAID';
  if (FAILED_WORDS.has(t)) return 'FAILED';
  return null;
}

export function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const norm = (h: string) => h.replace(/[\s（）()]/g, '').toLowerCase();

/** Which cell index holds each return column; a column without a known header is absent. */
export function matchReturnHeader(cells: string[]): Partial<Record<ReturnColumn, number>> {
  const out: Partial<Record<ReturnColumn, number>> = {};
  const headers = cells.map(norm);
  for (const col of Object.keys(RETURN_COLUMN_ALIASES) as ReturnColumn[]) {
    // Aliases in order of preference: 发放流水号 wins over 摘要 when a file has both.
    for (const alias of RETURN_COLUMN_ALIASES[col]) {
      const i = headers.indexOf(norm(alias));
      if (i >= 0) {
        out[col] = i;
        break;
      }
    }
  }
  return out;
}
