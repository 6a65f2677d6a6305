import { z } from 'zod';

// The assistance standards a county sets (§9.4: nine categories, adjusted yearly), each an
// effective-dated series in fen. A change never overwrites: it adds a value from a month on.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const STANDARD_SERIES = [
  { key: 'dibao.urban', zh: '城市低保标准', en: 'Urban 低保 standard', unit: 'person_month', category: 1 },
  { key: 'dibao.rural', zh: '农村低保标准', en: 'Rural 低保 standard', unit: 'person_month', category: 2 },
  {
    key: 'tekun_basic.urban',
    zh: '城市特困人员基本生活标准',
    en: 'Urban 特困 basic living',
    unit: 'person_month',
    category: 3,
  },
  {
    key: 'tekun_basic.rural',
    zh: '农村特困人员基本生活标准',
    en: 'Rural 特困 basic living',
    unit: 'person_month',
    category: 4,
  },
  {
    key: 'tekun_care.SELF_CARE',
    zh: '特困照料护理标准（自理）',
    en: '特困 care (self-care)',
    unit: 'person_month',
    category: 5,
  },
  {
    key: 'tekun_care.PARTIAL_LOSS',
    zh: '特困照料护理标准（半自理）',
    en: '特困 care (partial loss)',
    unit: 'person_month',
    category: 5,
  },
  {
    key: 'tekun_care.FULL_LOSS',
    zh: '特困照料护理标准（全护理）',
    en: '特困 care (full loss)',
    unit: 'person_month',
    category: 5,
  },
  {
    key: 'orphan.institution',
    zh: '集中养育孤儿基本生活保障标准',
    en: 'Institution-raised orphans',
    unit: 'person_month',
    category: 6,
  },
  {
    key: 'orphan.community',
    zh: '社会散居孤儿基本生活保障标准',
    en: 'Community-raised orphans',
    unit: 'person_month',
    category: 7,
  },
  {
    key: 'unsupported_child',
    zh: '事实无人抚养儿童基本生活补贴标准',
    en: 'De-facto unsupported children',
    unit: 'person_month',
    category: 8,
  },
  {
    key: 'disability.living',
    zh: '困难残疾人生活补贴标准',
    en: 'Disability living subsidy',
    unit: 'person_month',
    category: 9,
  },
  {
    key: 'disability.care',
    zh: '重度残疾人护理补贴标准',
    en: 'Severe-disability care subsidy',
    unit: 'person_month',
    category: 9,
  },
] as const;
export type StandardSeries = (typeof STANDARD_SERIES)[number]['key'];
const SERIES_KEYS = STANDARD_SERIES.map((s) => s.key) as unknown as readonly [
  StandardSeries,
  ...StandardSeries[],
];

export const standardChange = z.object({
  series: z.enum(SERIES_KEYS),
  amountFen: z
    .number()
    .int(bi('金额应为整数分', 'an integer number of fen'))
    .min(0, bi('标准不能为负数', 'a standard cannot be negative'))
    .max(10_000_000, bi('标准超出合理范围', 'the standard is out of range')),
  effectiveFrom: z.iso
    .date()
    .refine(
      (d) => d.endsWith('-01'),
      bi('标准从某月 1 日起执行', 'a standard takes effect on the first day of a month'),
    ),
  reason: z
    .string()
    .trim()
    .min(2, bi('请填写调整依据（如文件号）', 'give the basis of the change (e.g. the notice number)'))
    .max(200),
});
export type StandardChange = z.infer<typeof standardChange>;

export const standardValue = z.object({
  id: z.number(),
  series: z.enum(SERIES_KEYS),
  amountFen: z.number(),
  effectiveFrom: z.string(),
  reason: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type StandardValue = z.infer<typeof standardValue>;

export const standardsView = z.object({
  date: z.string(),
  series: z.array(
    z.object({
      key: z.enum(SERIES_KEYS),
      current: z.number().nullable(),
      history: z.array(standardValue),
    }),
  ),
});
