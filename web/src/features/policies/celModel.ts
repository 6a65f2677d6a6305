// Pure helpers of the CEL editor: where an issue points (the line with a caret under the column),
// the offset of a line/column, inserting a context field at the cursor, and the issues of a refused save.
import type { CelIssue } from '../../api/policies.ts';

/** East Asian wide characters take two columns in a monospace font: the caret pads them with U+3000. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export type CaretMarker = {
  line: number;
  column: number;
  /** The source line the issue is on. */
  text: string;
  /** Blanks up to the column, then ^ (tabs kept so that the caret lines up). */
  caret: string;
};

/** The 0-based offset of a 1-based line and column, clamped into the text. */
export function offsetOf(expression: string, line: number, column: number): number {
  const lines = expression.split('\n');
  const l = Math.min(Math.max(1, Math.trunc(line) || 1), lines.length);
  let offset = 0;
  for (let i = 0; i < l - 1; i++) offset += (lines[i] ?? '').length + 1;
  const len = (lines[l - 1] ?? '').length;
  return offset + Math.min(Math.max(0, (Math.trunc(column) || 1) - 1), len);
}

/** The 1-based line and column of a 0-based offset (clamped into the text). */
export function positionOf(expression: string, offset: number): { line: number; column: number } {
  const o = Math.min(Math.max(0, Math.trunc(offset) || 0), expression.length);
  const before = expression.slice(0, o).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/**
 * The marker of an issue: its line and a caret line under the column. The line and column are the
 * server's (1-based); when they are outside the text the offset decides; past the end of a line (an
 * unexpected end of input) the caret stands just after the last character.
 */
export function caretMarker(
  expression: string,
  issue: Pick<CelIssue, 'line' | 'column' | 'offset'>,
): CaretMarker {
  const lines = expression.split('\n');
  const inText = issue.line >= 1 && issue.line <= lines.length && issue.column >= 1;
  const pos = inText ? { line: issue.line, column: issue.column } : positionOf(expression, issue.offset);
  const text = lines[pos.line - 1] ?? '';
  const upTo = text.slice(0, Math.min(pos.column - 1, text.length));
  const pad = Array.from(upTo, (ch) => (ch === '\t' ? '\t' : WIDE.test(ch) ? '\u3000' : ' ')).join('');
  return { line: pos.line, column: pos.column, text, caret: `${pad}^` };
}

/** Inserts `snippet` over the selection [start, end); returns the new text and where the cursor goes. */
export function insertSnippet(
  text: string,
  start: number,
  end: number,
  snippet: string,
): { text: string; cursor: number } {
  const s = Math.min(Math.max(0, start), text.length);
  const e = Math.min(Math.max(s, end), text.length);
  const next = text.slice(0, s) + snippet + text.slice(e);
  return { text: next, cursor: s + snippet.length };
}

const isIssue = (x: unknown): x is CelIssue => {
  const i = x as CelIssue | null;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.line === 'number' &&
    typeof i.column === 'number' &&
    typeof i.message === 'string'
  );
};

/**
 * The expression issues of a refused save (400 `policies.invalid_expression`, details
 * `{ field: 'eligibility', issues }`), or null when the error is about something else.
 */
export function celIssuesOfError(err: unknown): CelIssue[] | null {
  const e = err as { code?: unknown; details?: unknown } | null;
  if (e?.code !== 'policies.invalid_expression') return null;
  const issues = (e.details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(isIssue).map((i) => ({
    line: i.line,
    column: i.column,
    offset: typeof i.offset === 'number' ? i.offset : 0,
    message: i.message,
    messageEn: typeof i.messageEn === 'string' ? i.messageEn : i.message,
  }));
}

/** Issues in reading order (line, then column). */
export const sortIssues = (issues: readonly CelIssue[]): CelIssue[] =>
  [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
