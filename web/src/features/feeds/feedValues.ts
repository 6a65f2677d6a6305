// Department records in words: a catalogue field's heading, its value (money in yuan from fen,
// 是/否, enum codes by their labels) and a rule condition over it ("医疗自付费用 ≥ 15000.00 元").
// The alert drawer's evidence, the rules panel and the check report's tables read them alike.
import type { RuleCondition } from '../../../../contracts/alerts.ts';
import { type FeedSource, feedSource, valueLabel } from '../../../../contracts/feeds.ts';
import { fenToYuan } from '../../lib/format.ts';

type Lang = 'zh' | 'en';

const OPS: Record<RuleCondition['op'], { zh: string; en: string }> = {
  eq: { zh: '=', en: '=' },
  neq: { zh: '≠', en: '≠' },
  gt: { zh: '>', en: '>' },
  gte: { zh: '≥', en: '≥' },
  lt: { zh: '<', en: '<' },
  lte: { zh: '≤', en: '≤' },
  in: { zh: '属于', en: 'in' },
};

export const sourceOf = (code: string | null | undefined): FeedSource | undefined =>
  code ? feedSource(code) : undefined;

const fieldOf = (src: FeedSource | undefined, key: string) => src?.fields.find((f) => f.key === key);

/** The field's heading in the catalogue, or its key when the source does not have it. */
export function fieldLabel(src: FeedSource | undefined, key: string, lang: Lang): string {
  const f = fieldOf(src, key);
  return f ? f[lang] : key;
}

/** Whether a figure is money in fen: a catalogue `fen` field, or a computed `…Fen` figure. */
export const isFenField = (src: FeedSource | undefined, key: string) =>
  fieldOf(src, key)?.type === 'fen' || key.endsWith('Fen');

/** One value of a field as a reader expects it. */
export function valueText(src: FeedSource | undefined, key: string, v: unknown, lang: Lang): string {
  if (Array.isArray(v)) return v.map((x) => valueText(src, key, x, lang)).join(lang === 'en' ? ', ' : '、');
  if (typeof v === 'boolean') return v ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
  // A catalogue money field's heading says 元 already; a computed …Fen figure says it here.
  if (typeof v === 'number' && fieldOf(src, key)?.type === 'fen') return fenToYuan(v);
  if (typeof v === 'number' && key.endsWith('Fen'))
    return lang === 'en' ? `${fenToYuan(v)} yuan` : `${fenToYuan(v)} 元`;
  if (typeof v === 'string') return valueLabel(v, lang);
  return String(v);
}

export const opText = (op: RuleCondition['op'], lang: Lang) => OPS[op][lang];

/** A rule condition in words: field, operator, value. */
export const conditionText = (src: FeedSource | undefined, c: RuleCondition, lang: Lang) =>
  `${fieldLabel(src, c.field, lang)} ${opText(c.op, lang)} ${valueText(src, c.field, c.value, lang)}`;
