// Pure helpers of the bank-file panel (M5): ordering the layout's columns, the return file's
// problems by line, and the reissue note of a failed line.
import { BANK_COLUMN_HEADERS, type BankColumn, type BankColumnKey } from '../../../../contracts/bankfiles.ts';

/** Moves column `index` up (-1) or down (+1); out of range leaves the list as it is. */
export function moveColumn(cols: BankColumn[], index: number, delta: -1 | 1): BankColumn[] {
  const to = index + delta;
  if (index < 0 || index >= cols.length || to < 0 || to >= cols.length) return cols;
  const next = [...cols];
  const [c] = next.splice(index, 1);
  next.splice(to, 0, c as BankColumn);
  return next;
}

/** Columns not yet in the layout, to add. */
export const missingColumns = (cols: BankColumn[]): BankColumnKey[] =>
  (Object.keys(BANK_COLUMN_HEADERS) as BankColumnKey[]).filter((k) => !cols.some((c) => c.key === k));

export type ReturnIssue = { line: number | null; column: string; message: string; messageEn: string };

/** `rows.<line>.<column>` issues of a refused return, in line order. */
export function returnIssues(
  details: { field: string; message: string; messageEn: string }[],
): ReturnIssue[] {
  return details
    .map((d) => {
      const m = /^rows\.(\d+)\.(\w+)$/.exec(d.field);
      return {
        line: m ? Number(m[1]) : null,
        column: m?.[2] ?? d.field,
        message: d.message,
        messageEn: d.messageEn,
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
