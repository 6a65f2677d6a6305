import { z } from 'zod';

// Cases (申请与在保对象): schemes, stages and the request shapes of the case API.

const bi = (zh: string, en: string) => `${zh}||${en}`;
const isoDate = z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD'));
const fen = (max = 100_000_000) =>
  z
    .number()
    .int(bi('金额应为整数分', 'an integer number of fen'))
    .min(0, bi('金额不能为负数', 'an amount cannot be negative'))
    .max(max, bi('金额超出合理范围', 'the amount is out of range'));

export const CASE_SCHEMES = [
  'DIBAO',
  'DIBAO_SINGLE',
  'TEKUN',
  'DIBAO_EDGE',
  'RIGID',
  'TEMP_URGENT',
  'TEMP_EXPENDITURE',
] as const;
export type CaseScheme = (typeof CASE_SCHEMES)[number];

export const SCHEME_NAMES: Record<CaseScheme, { zh: string; en: string }> = {
  DIBAO: { zh: '低保（按户）', en: 'Dibao (household)' },
  DIBAO_SINGLE: { zh: '低保（单人保）', en: 'Dibao (single person)' },
  TEKUN: { zh: '特困供养', en: 'Tekun support' },
  DIBAO_EDGE: { zh: '低保边缘家庭', en: 'Dibao-edge household' },
  RIGID: { zh: '刚性支出困难家庭', en: 'Rigid-spending household' },
  TEMP_URGENT: { zh: '临时救助（急难型）', en: 'Temporary assistance (urgent)' },
  TEMP_EXPENDITURE: { zh: '临时救助（支出型）', en: 'Temporary assistance (expenditure)' },
};

export const CASE_STAGES = ['APPLICATION', 'ACTIVE', 'CLOSED'] as const;
export const CARE_LEVELS = ['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS'] as const;

/**
 * A case carried over from the previous system (§2.4: the only way in without the procedure; it is
 * flagged as legacy for ever). The basis is what the old decision assessed, so that standard
 * changes recompute the amount like any other case.
 */
export const legacyCaseInput = z
  .object({
    householdId: z.uuid(bi('户 ID 格式不正确', 'a household id (uuid)')),
    scheme: z.enum(['DIBAO', 'DIBAO_SINGLE', 'TEKUN']),
    subjectPersonId: z.uuid(bi('人员 ID 格式不正确', 'a person id (uuid)')).nullable().default(null),
    decidedOn: isoDate,
    amountFen: fen(10_000_000),
    householdSize: z.number().int().min(1).max(30).default(1),
    /** Σ net countable income over the assessment window, fen (gap method). */
    netIncomeFen: fen(1_000_000_000).default(0),
    incomeMonths: z.number().int().min(1).max(24).default(12),
    careLevel: z.enum(CARE_LEVELS).nullable().default(null),
    stability: z.enum(['STABLE', 'UNSTABLE']).default('STABLE'),
    sourceRef: z
      .string()
      .trim()
      .min(1, bi('请填写原系统案件编号', 'give the case number in the previous system'))
      .max(60),
  })
  .superRefine((c, ctx) => {
    if (c.scheme !== 'DIBAO' && c.subjectPersonId === null)
      ctx.addIssue({
        code: 'custom',
        path: ['subjectPersonId'],
        message: bi('单人保和特困须指定救助对象本人', 'single-person 低保 and 特困 name the person'),
      });
    if (c.scheme === 'TEKUN' && c.careLevel === null)
      ctx.addIssue({
        code: 'custom',
        path: ['careLevel'],
        message: bi('特困须填写生活自理能力等级', '特困 needs the self-care level'),
      });
  });
export type LegacyCaseInput = z.input<typeof legacyCaseInput>;
export type LegacyCaseParsed = z.output<typeof legacyCaseInput>;

export const legacyCasesBody = z.object({
  reason: z.string().trim().min(2, bi('请填写迁移依据', 'give the basis of the migration')).max(200),
  cases: z.array(legacyCaseInput).min(1).max(1000),
});
