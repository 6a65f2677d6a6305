// Bilingual labels from the contracts, for tables and selects of the charity pages.
import { SCHEME_NAMES } from '../../../../contracts/cases.ts';
import {
  CHARITY_NEEDS,
  NEED_NAMES,
  TARGET_CATEGORIES,
  TARGET_CATEGORY_NAMES,
} from '../../../../contracts/charity.ts';

export { NEED_NAMES, TARGET_CATEGORY_NAMES };
export const SCHEME_LABELS: Partial<Record<string, { zh: string; en: string }>> = SCHEME_NAMES;

const pick = (x: { zh: string; en: string }, lang: string) => (lang === 'en' ? x.en : x.zh);
export const needOptions = (lang: string) =>
  CHARITY_NEEDS.map((n) => ({ value: n, label: pick(NEED_NAMES[n], lang) }));
export const targetOptions = (lang: string) =>
  TARGET_CATEGORIES.map((c) => ({ value: c, label: pick(TARGET_CATEGORY_NAMES[c], lang) }));
export const needLabel = (n: string, lang: string) =>
  n in NEED_NAMES ? pick(NEED_NAMES[n as keyof typeof NEED_NAMES], lang) : n;
