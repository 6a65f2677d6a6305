// Labels of the national and domain code tables, in the current language.
import {
  type CodeEntry,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HUKOU_TYPES,
  MARITAL_STATUS_CODES,
  SELF_CARE_LEVELS,
  SPECIAL_STATUSES,
} from '../../../server/rules/codes.ts';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../../../server/rules/disability.ts';
import { RELATIONS } from '../../../server/rules/relations.ts';
import type { Lang } from './lang.ts';

export type Option = { value: string; label: string };

export const codeOptions = (table: readonly CodeEntry[], lang: Lang, withCode = false): Option[] =>
  table.map((e) => ({
    value: e.code,
    label: withCode ? `${e.code} ${lang === 'en' ? e.en : e.zh}` : lang === 'en' ? e.en : e.zh,
  }));

export function codeLabel(table: readonly CodeEntry[], code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined || code === '') return '—';
  const e = table.find((x) => x.code === code);
  if (!e) return code;
  return lang === 'en' ? e.en : e.zh;
}

/** GB/T 4761 has Chinese names only; English screens show the code with the Chinese name. */
export const relationOptions = (lang: Lang): Option[] =>
  RELATIONS.map((r) => ({ value: r.code, label: lang === 'en' ? `${r.code} ${r.zh}` : r.zh }));

export function relationLabel(code: string | null | undefined): string {
  if (!code) return '—';
  return RELATIONS.find((r) => r.code === code)?.zh ?? code;
}

export const HEAD_RELATION = '02';

export function disabilityLabel(d: { category: number; grade: number } | null, lang: Lang): string {
  if (!d) return '—';
  const c = DISABILITY_CATEGORIES.find((x) => x.code === d.category);
  const g = DISABILITY_GRADES.find((x) => x.code === d.grade);
  const pick = (e: { zh: string; en: string } | undefined, n: number) =>
    e ? (lang === 'en' ? e.en : e.zh) : n;
  return lang === 'en'
    ? `${pick(c, d.category)}, ${pick(g, d.grade)}`
    : `${pick(c, d.category)}${pick(g, d.grade)}`;
}

export const TABLES = {
  ethnicity: ETHNICITIES,
  maritalStatus: MARITAL_STATUS_CODES,
  hukouType: HUKOU_TYPES,
  selfCareLevel: SELF_CARE_LEVELS,
  specialStatus: SPECIAL_STATUSES,
  educationLevel: EDUCATION_LEVELS,
} as const satisfies Record<string, readonly CodeEntry[]>;
