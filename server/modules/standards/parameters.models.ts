import {
  type ParameterKey,
  PHONE_TEXT,
  POLICY_PARAMETERS,
  RATIO_TEXT,
} from '../../../contracts/parameters.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { ratio } from '../../rules/benefits/breakdown.ts';
import type { PolicyParameters } from '../../rules/benefits/parameters.ts';

// Pure: checking a parameter value against its kind and legal bounds, and laying a county's
// values over the shipped parameter set.

const SPEC = new Map(POLICY_PARAMETERS.map((p) => [p.key, p]));

/** Whether a change of the parameter can change an amount, so that it recalculates the caseload. */
export const startsRecalc = (key: ParameterKey): boolean =>
  (SPEC.get(key) as { recalc?: false } | undefined)?.recalc !== false;

/** "1.5" → 15/10, exactly (no binary floating point on the way). */
export function decimalToRatio(s: string) {
  const [whole, frac = ''] = s.split('.') as [string, string?];
  const den = 10 ** frac.length;
  return ratio(Number(whole) * den + Number(frac || '0'), den);
}

export function checkParameterValue(
  key: ParameterKey,
  value: number | string,
  field: string,
): FieldIssue | null {
  const spec = SPEC.get(key)!;
  const bounds = `${spec.min}–${spec.max}`;
  if (spec.kind === 'phone') {
    if (typeof value !== 'string' || !PHONE_TEXT.test(value) || value.length > spec.max) {
      return {
        field,
        message: `电话号码应为数字（区号与号码间可用“-”），不超过 ${spec.max} 位，如 0538-1234567；留空为不设`,
        messageEn: `a telephone number of digits (a hyphen may separate the area code), at most ${spec.max} characters, e.g. 0538-1234567; empty for none`,
        expected: 'digits and hyphens, e.g. 0538-1234567',
      };
    }
    return null;
  }
  if (spec.kind === 'ratio') {
    if (typeof value !== 'string' || !RATIO_TEXT.test(value)) {
      return {
        field,
        message: '比例请填写小数，如 "0.3"',
        messageEn: 'give a ratio as a decimal string, e.g. "0.3"',
        expected: `a decimal within ${bounds}`,
      };
    }
    const r = decimalToRatio(value);
    if (r.num < spec.min * r.den || r.num > spec.max * r.den) {
      return {
        field,
        message: `超出允许范围 ${bounds}（${spec.rule}）`,
        messageEn: `outside the allowed range ${bounds} (${spec.rule})`,
        expected: bounds,
      };
    }
    return null;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return {
      field,
      message: spec.kind === 'fen' ? '金额应为整数分' : '应为整数',
      messageEn: spec.kind === 'fen' ? 'an integer number of fen' : 'an integer',
      expected: bounds,
    };
  }
  if (value < spec.min || value > spec.max) {
    return {
      field,
      message: `超出允许范围 ${bounds}（${spec.rule}）`,
      messageEn: `outside the allowed range ${bounds} (${spec.rule})`,
      expected: bounds,
    };
  }
  return null;
}

/** The parameter set with a county's values in place of the shipped ones (key = path in PolicyParameters). */
export function applyParameters(
  base: PolicyParameters,
  values: Map<string, number | string>,
): PolicyParameters {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of values) {
    const spec = SPEC.get(key as ParameterKey);
    if (!spec) continue;
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[path.at(-1)!] =
      spec.kind === 'ratio'
        ? decimalToRatio(String(value))
        : spec.kind === 'phone'
          ? String(value)
          : Number(value);
  }
  return out as unknown as PolicyParameters;
}
