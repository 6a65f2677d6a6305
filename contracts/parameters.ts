import { z } from 'zod';

// Policy parameters a county sets (§13), effective-dated like the standards. Each key is a path
// in the calculators' PolicyParameters with its kind and its legal bounds: national ceilings are
// enforced here ([V] in domain-rules), local choices stay free within them.

const bi = (zh: string, en: string) => `${zh}||${en}`;

/** phone: a telephone number as text (digits and hyphens); min and max bound its length, 0 = none set. */
export type ParameterKind = 'int' | 'fen' | 'ratio' | 'phone';

export const POLICY_PARAMETERS = [
  {
    key: 'dibao.incomeLookbackMonths',
    zh: '收入计算期（月）',
    en: 'Income look-back (months)',
    kind: 'int',
    min: 3,
    max: 12,
    rule: '§13 [U]',
  },
  {
    key: 'dibao.employmentCost.pct',
    zh: '就业成本扣减比例',
    en: 'Employment-cost deduction share',
    kind: 'ratio',
    min: 0,
    max: 1,
    rule: '§15 [U]',
  },
  {
    key: 'dibao.employmentCost.capFenPerMonth',
    zh: '就业成本扣减上限（元/月）',
    en: 'Employment-cost deduction cap (per month)',
    kind: 'fen',
    min: 0,
    max: 1_000_000,
    rule: '§15 [U]',
  },
  {
    key: 'dibao.financialAssetsMaxMonthsOfStandard',
    zh: '人均金融资产上限（低保标准的月数）',
    en: 'Financial assets per capita (months of the standard)',
    kind: 'int',
    min: 0,
    max: 120,
    rule: '§15 [U]',
  },
  {
    key: 'dibao.housing.maxResidences',
    zh: '住房套数上限',
    en: 'Residences at most',
    kind: 'int',
    min: 0,
    max: 10,
    rule: '§10.2 [U]',
  },
  {
    key: 'dibao.gradualExitMaxMonths',
    zh: '低保渐退期（月）',
    en: 'Gradual exit (months)',
    kind: 'int',
    min: 0,
    max: 6,
    rule: 'S5 §一(三): 原则上不超过6个月 [V]',
  },
  {
    key: 'edge.multiplier',
    zh: '低保边缘认定倍数',
    en: '低保边缘 multiplier of the standard',
    kind: 'ratio',
    min: 1,
    max: 1.5,
    rule: 'S1 Art.8; S6: 低于1.5倍 [V]',
  },
  {
    key: 'tekun.basicMultiplierOfDibao',
    zh: '特困基本生活标准（低保标准的倍数）',
    en: '特困 basic living (multiple of 低保)',
    kind: 'ratio',
    min: 1,
    max: 3,
    rule: '§10.2 [U]',
  },
  {
    key: 'temporary.urgentFirstAidCapMonths',
    zh: '先行救助上限（月城市低保标准×人数）',
    en: 'Urgent first-aid cap (months of the urban standard)',
    kind: 'int',
    min: 0,
    max: 24,
    rule: '§15 [U]',
  },
  {
    key: 'temporary.generalCapMonths',
    zh: '临时救助一般上限（月城市低保标准×人数）',
    en: 'Temporary assistance cap (months of the urban standard)',
    kind: 'int',
    min: 0,
    max: 36,
    rule: '§15 [U]',
  },
  {
    key: 'temporary.townshipApprovalLimitFen',
    zh: '乡镇审批权限（元/次）',
    en: 'Township approval limit (per event)',
    kind: 'fen',
    min: 0,
    max: 10_000_000,
    rule: '§15 [U]',
  },
  {
    key: 'temporary.maxEventsPer12Months',
    zh: '12个月内救助次数上限',
    en: 'Events per 12 months at most',
    kind: 'int',
    min: 1,
    max: 12,
    rule: '§13 [U]',
  },
  {
    key: 'rigid.ratioThreshold',
    zh: '刚性支出占收入比例门槛',
    en: 'Rigid spending / income threshold',
    kind: 'ratio',
    min: 0,
    max: 1,
    rule: 'S8 Art.4(四); §15 [U]',
  },
  {
    key: 'prevYearDisposableIncomeFenPerYear.urban',
    zh: '上年度城镇居民人均可支配收入（元/年）',
    en: 'Previous-year urban disposable income per capita (per year)',
    kind: 'fen',
    min: 0,
    max: 100_000_000,
    rule: '§15 [U]',
  },
  {
    key: 'prevYearDisposableIncomeFenPerYear.rural',
    zh: '上年度农村居民人均可支配收入（元/年）',
    en: 'Previous-year rural disposable income per capita (per year)',
    kind: 'fen',
    min: 0,
    max: 100_000_000,
    rule: '§15 [U]',
  },
  {
    // §9.2: donations are transfer income in principle; a local rule may exclude charity money.
    key: 'charity.countsAsIncome',
    zh: '慈善帮扶款物计入家庭收入（1 计入，0 不计入）',
    en: 'Charity money and goods count as household income (1 yes, 0 no)',
    kind: 'int',
    min: 0,
    max: 1,
    rule: 'S1 Art.13(四); §9.2 [U]',
  },
  {
    key: 'portal.maskNamesOnline',
    zh: '网上公示隐去姓名（1 隐去，0 公布全名）',
    en: 'Mask names on the public portal (1 masked, 0 full names)',
    kind: 'int',
    min: 0,
    max: 1,
    rule: 'S1 Art.24; §2.2 [U]',
    // The portal's setting: no benefit amount reads it, so changing it starts no recalculation.
    recalc: false,
  },
  {
    key: 'portal.complaintFeedbackWd',
    zh: '12349 投诉反馈时限（工作日）',
    en: '12349 complaint feedback limit (working days)',
    kind: 'int',
    min: 1,
    max: 60,
    rule: 'S1 Art.37; §2.3 [U]',
    // The portal's setting: no benefit amount reads it, so changing it starts no recalculation.
    recalc: false,
  },
  {
    key: 'portal.localHotline',
    zh: '本地救助服务热线（显示在 12349 旁；不设则只显示 12349）',
    en: 'Local assistance hotline (shown beside 12349; none: 12349 only)',
    kind: 'phone',
    min: 0,
    max: 20,
    rule: '§2.3 [U]',
    // The portal's setting: no benefit amount reads it, so changing it starts no recalculation.
    recalc: false,
  },
  {
    key: 'portal.objectionFeedbackWd',
    zh: '公示异议反馈时限（工作日，且不早于公示期满）',
    en: 'Objection feedback limit (working days, never before the publicity ends)',
    kind: 'int',
    min: 1,
    max: 30,
    rule: 'S1 Art.19; §2.2 [U]',
    // The portal's setting: no benefit amount reads it, so changing it starts no recalculation.
    recalc: false,
  },
] as const satisfies readonly {
  key: string;
  zh: string;
  en: string;
  kind: ParameterKind;
  min: number;
  max: number;
  rule: string;
  /** false: no benefit reads it (a change starts no recalculation); absent: every benefit may. */
  recalc?: false;
}[];

export type ParameterKey = (typeof POLICY_PARAMETERS)[number]['key'];
const KEYS = POLICY_PARAMETERS.map((p) => p.key) as unknown as readonly [ParameterKey, ...ParameterKey[]];

/** A ratio as typed: a decimal with at most 4 places ("0.3", "1.5"). */
export const RATIO_TEXT = /^\d+(\.\d{1,4})?$/;
/** A telephone number: digits, with hyphens between groups ("0538-1234567", "12345"), or '' for none. */
export const PHONE_TEXT = /^(\d+(-\d+)*)?$/;

/**
 * int and fen values are integers; a ratio is a decimal string, a phone a string of digits and
 * hyphens. Which applies is the key's kind: the server checks the value against it.
 */
export const parameterChange = z.object({
  key: z.enum(KEYS),
  value: z.union([
    z.number().int(bi('应为整数', 'an integer')),
    z.string().trim().max(40, bi('不超过 40 个字符', 'at most 40 characters')),
  ]),
  effectiveFrom: z.iso
    .date()
    .refine(
      (d) => d.endsWith('-01'),
      bi('参数从某月 1 日起执行', 'a parameter takes effect on the first day of a month'),
    ),
  reason: z
    .string()
    .trim()
    .min(2, bi('请填写调整依据（如文件号）', 'give the basis of the change (e.g. the notice number)'))
    .max(200),
});
export type ParameterChange = z.infer<typeof parameterChange>;
