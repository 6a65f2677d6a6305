import { z } from 'zod';
import { INCOME_KINDS, type IncomeKind } from '../server/rules/benefits/income.ts';
import { RIGID_SPENDING_KINDS, type RigidSpendingKind } from '../server/rules/benefits/rigid.ts';
import { SELF_CARE_ITEMS, type SelfCareItem } from '../server/rules/benefits/tekun.ts';

// Request and response of the benefit quote (POST /api/v1/benefits/quote), shared by the server
// route, the console calculator and, later, the portal's self-check. The request mirrors what the
// pure calculators in server/rules/benefits take; every optional fact has the benign default.

const bi = (zh: string, en: string) => `${zh}||${en}`;

const keysOf = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as unknown as readonly [keyof T & string, ...(keyof T & string)[]];

export const INCOME_KIND_CODES = keysOf(INCOME_KINDS) as readonly [IncomeKind, ...IncomeKind[]];
export const RIGID_KIND_CODES = keysOf(RIGID_SPENDING_KINDS) as readonly [
  RigidSpendingKind,
  ...RigidSpendingKind[],
];
export const SELF_CARE_ITEM_CODES = keysOf(SELF_CARE_ITEMS) as readonly [SelfCareItem, ...SelfCareItem[]];
export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'other',
] as const;
export const VEHICLE_EXEMPTIONS = [
  'disabled_mobility',
  'low_value_production',
  'low_value_livelihood',
] as const;

const isoDate = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    bi('日期格式应为 YYYY-MM-DD', 'expected YYYY-MM-DD'),
  )
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    bi('日期不存在', 'no such date'),
  );

const fen = (max = 10_000_000_000) =>
  z
    .number()
    .int(bi('金额应为整数分', 'an integer number of fen'))
    .min(0, bi('金额不能为负数', 'the amount cannot be negative'))
    .max(max, bi('金额超出合理范围', 'the amount is out of range'));

const flag = z.boolean().default(false);

export const disabilityInput = z.object({
  /** GB/T 26341 category: 1 visual, 2 hearing, 3 speech, 4 physical, 5 intellectual, 6 mental, 7 multiple. */
  category: z
    .number()
    .int()
    .min(1, bi('残疾类别应为 1–7', 'category 1–7'))
    .max(7, bi('残疾类别应为 1–7', 'category 1–7')),
  /** 1 is the most severe. */
  grade: z
    .number()
    .int()
    .min(1, bi('残疾等级应为 1–4', 'grade 1–4'))
    .max(4, bi('残疾等级应为 1–4', 'grade 1–4')),
});

/** true = the person does the item unaided (S2 Art.21). Omitted items count as achievable. */
export const selfCareInput = z.object(
  Object.fromEntries(SELF_CARE_ITEM_CODES.map((k) => [k, z.boolean().default(true)])) as Record<
    SelfCareItem,
    z.ZodDefault<z.ZodBoolean>
  >,
);

export const supporterInput = z.object({
  age: z.number().int().min(0).max(130),
  isTekun: flag,
  onDibao: flag,
  disability: disabilityInput.nullable().default(null),
  /** The supporter's own income, fen per year. */
  annualIncomeFen: fen().default(0),
  propertyWithinLowIncomeRules: z.boolean().default(true),
  noCivilCapacity: flag,
  declaredMissing: flag,
  inPrison: flag,
  provinceDefinedIncapable: flag,
});

export const memberQuoteInput = z
  .object({
    /** Age on the quote date; or give birthDate. */
    age: z
      .number()
      .int(bi('年龄应为整数', 'the age must be a whole number'))
      .min(0, bi('年龄不能为负数', 'the age cannot be negative'))
      .max(130, bi('年龄超出合理范围', 'the age is out of range'))
      .optional(),
    birthDate: isoDate.optional(),
    relation: z.enum(RELATIONS).default('other'),
    disability: disabilityInput.nullable().default(null),
    /** 重特大疾病 as recognised locally (单人保, S1 Art.8(二)). */
    seriousIllness: flag,
    selfCare: selfCareInput.prefault({}),
    /** Employment / wage income, fen per month (averaged over the 12-month window). */
    wageFenPerMonth: fen(100_000_000).default(0),
    /** Other income by kind, fen per month; the kind decides add / subtract / exclude / deduct. */
    incomes: z
      .array(z.object({ kind: z.enum(INCOME_KIND_CODES), monthlyFen: fen(100_000_000) }))
      .max(40)
      .default([]),
    provinceDefinedNoWorkCapacity: flag,
    choseOrphanProtection: flag,
    /** Legal supporters (法定义务人) of this member for 特困; empty = none. */
    supporters: z.array(supporterInput).max(10).default([]),
  })
  .superRefine((m, ctx) => {
    if (m.age === undefined && m.birthDate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['age'],
        message: bi('请填写年龄或出生日期', 'give the age or the birth date'),
      });
    }
  });

export const benefitQuoteInput = z
  .object({
    /** Quote (acceptance) date; the income window is the 12 full months before its month. */
    date: isoDate,
    area: z.enum(['urban', 'rural']),
    members: z
      .array(memberQuoteInput)
      .min(1, bi('至少需要一名家庭成员', 'at least one member'))
      .max(30, bi('家庭成员不能超过 30 人', 'at most 30 members')),
    /** Deposits, securities, funds, commercial insurance etc. of the whole household, fen. */
    financialAssetsFen: fen().default(0),
    vehicles: z
      .array(z.object({ exemption: z.enum(VEHICLE_EXEMPTIONS).nullable().default(null) }))
      .max(20)
      .default([]),
    residences: z.number().int().min(0).max(50).default(1),
    housingAreaM2: z.number().min(0).max(100_000).optional(),
    /** Rigid spending (刚性支出) over the 12 months before the quote date, fen per kind. */
    rigidSpending: z
      .array(z.object({ kind: z.enum(RIGID_KIND_CODES), totalFen: fen() }))
      .max(40)
      .default([]),
    /** Current status of the household (affects 低保边缘 and 刚性支出). */
    status: z.object({ onDibao: flag, onTekun: flag, isDibaoEdge: flag }).prefault({}),
  })
  .superRefine((q, ctx) => {
    q.members.forEach((m, i) => {
      if (m.birthDate !== undefined && m.birthDate > q.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'birthDate'],
          message: bi('出生日期不能晚于测算日期', 'the birth date is after the quote date'),
        });
      }
    });
  })
  .meta({
    examples: [
      {
        date: '2026-03-15',
        area: 'urban',
        members: [
          {
            age: 62,
            relation: 'head',
            disability: null,
            selfCare: { eating: true, dressing: true, bathing: false },
            wageFenPerMonth: 0,
            incomes: [{ kind: 'transfer_in', monthlyFen: 30000 }],
          },
          { age: 35, relation: 'child', wageFenPerMonth: 200000 },
        ],
        financialAssetsFen: 500000,
        vehicles: [],
        residences: 1,
        rigidSpending: [{ kind: 'medical', totalFen: 1200000 }],
      },
    ],
  });

export type BenefitQuoteInput = z.input<typeof benefitQuoteInput>;
export type BenefitQuoteParsed = z.output<typeof benefitQuoteInput>;
export type MemberQuoteInput = z.input<typeof memberQuoteInput>;

export const breakdownLine = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  amountFen: z.number().optional(),
  rule: z.string(),
});
export const failure = z.object({ rule: z.string(), zh: z.string(), en: z.string() });

export const schemeResult = z.object({
  eligible: z.boolean(),
  /** Monthly amount in fen where the scheme pays cash (低保, 单人保, 特困). */
  amountFen: z.number().optional(),
  breakdown: z.array(breakdownLine),
  failures: z.array(failure),
});
export const personSchemeResult = schemeResult.extend({ memberIndex: z.number() });

export const benefitQuote = z.object({
  date: z.string(),
  /** effectiveFrom of the policy parameters in force on the date. */
  parametersVersion: z.string(),
  schemes: z.object({
    dibao: schemeResult,
    single: z.array(personSchemeResult),
    edge: schemeResult,
    tekun: z.array(personSchemeResult),
    rigid: schemeResult,
  }),
});

export type BreakdownLineView = z.infer<typeof breakdownLine>;
export type SchemeResult = z.infer<typeof schemeResult>;
export type PersonSchemeResult = z.infer<typeof personSchemeResult>;
export type BenefitQuote = z.infer<typeof benefitQuote>;
export const SCHEMES = ['dibao', 'single', 'edge', 'tekun', 'rigid'] as const;
export type SchemeKey = (typeof SCHEMES)[number];
