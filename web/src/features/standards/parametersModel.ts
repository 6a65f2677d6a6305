// Policy parameters (§13) as the console shows and takes them: money in yuan (stored in fen), ratios
// as decimals ("1.5"), counts as whole numbers, each within the catalogue's legal bounds.
import {
  type ParameterChange,
  type ParameterKey,
  type ParameterKind,
  PHONE_TEXT,
  POLICY_PARAMETERS,
  RATIO_TEXT,
} from '../../../../contracts/parameters.ts';
import type { NamePath } from '../../lib/errors.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';

export type ParameterSpec = (typeof POLICY_PARAMETERS)[number];
export const parameterSpec = (key: string): ParameterSpec | undefined =>
  POLICY_PARAMETERS.find((p) => p.key === key);

/** A stored or shipped value as a reader sees it: "1234.56" for money, "1.5" for a ratio. */
export function showParameter(kind: ParameterKind, value: number | string | null): string {
  if (value === null || value === undefined || value === '') return '—';
  if (kind === 'fen') return fenToYuan(Number(value));
  return String(value);
}

/** The bounds in the unit of the form (yuan for money; a phone number's shape). */
export function boundsText(spec: ParameterSpec): string {
  if (spec.kind === 'phone') return '0538-1234567';
  return spec.kind === 'fen'
    ? `${fenToYuan(spec.min)} – ${fenToYuan(spec.max)}`
    : `${spec.min} – ${spec.max}`;
}

export type ParsedValue = { ok: true; value: number | string } | { ok: false; reason: 'format' | 'range' };

/** What was typed, as the API takes it; the server checks again (and alone knows the legal rule). */
export function parseParameter(spec: ParameterSpec, text: string | undefined): ParsedValue {
  const s = (text ?? '').trim();
  if (spec.kind === 'fen') {
    const fen = yuanToFen(s);
    if (fen === null) return { ok: false, reason: 'format' };
    return fen < spec.min || fen > spec.max ? { ok: false, reason: 'range' } : { ok: true, value: fen };
  }
  if (spec.kind === 'int') {
    if (!/^-?\d+$/.test(s)) return { ok: false, reason: 'format' };
    const n = Number(s);
    return n < spec.min || n > spec.max ? { ok: false, reason: 'range' } : { ok: true, value: n };
  }
  if (spec.kind === 'phone') {
    // Empty clears the line (the portal then shows 12349 only).
    if (!PHONE_TEXT.test(s)) return { ok: false, reason: 'format' };
    return s.length > spec.max ? { ok: false, reason: 'range' } : { ok: true, value: s };
  }
  if (!RATIO_TEXT.test(s)) return { ok: false, reason: 'format' };
  const n = Number(s);
  return n < spec.min || n > spec.max ? { ok: false, reason: 'range' } : { ok: true, value: s };
}

export type ParameterFormValues = { value: string; month: { format(f: string): string }; reason: string };

export const toParameterChange = (
  key: ParameterKey,
  value: number | string,
  v: Pick<ParameterFormValues, 'month' | 'reason'>,
): ParameterChange => ({
  key,
  value,
  effectiveFrom: `${v.month.format('YYYY-MM')}-01`,
  reason: v.reason.trim(),
});

/** The API's changes.0.value / .effectiveFrom / .reason → the form's value / month / reason. */
export function resolveParameterField(p: NamePath): NamePath | null {
  if (!Array.isArray(p) || p[0] !== 'changes' || p[1] !== 0 || p.length !== 3) return null;
  const field = { value: 'value', effectiveFrom: 'month', reason: 'reason' }[String(p[2])];
  return field ? [field] : null;
}
