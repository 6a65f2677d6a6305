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
    /**
     * 特困 support by urban or rural treatment (S2 Art.19: e.g. rural for a person with contracted
     * land living in a town); null = the household's area.
     */
    treatmentArea: z.enum(['urban', 'rural']).nullable().default(null),
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

/** A new application (申请), made at the town window or by the village assistant on the family's behalf. */
export const applicationInput = z
  .object({
    householdId: z.uuid(bi('户 ID 格式不正确', 'a household id (uuid)')),
    scheme: z.enum(['DIBAO', 'DIBAO_SINGLE', 'TEKUN', 'DIBAO_EDGE', 'RIGID']),
    /** The applicant for 单人保 and 特困; the head applies for a household. */
    subjectPersonId: z.uuid(bi('人员 ID 格式不正确', 'a person id (uuid)')).nullable().default(null),
    appliedOn: isoDate.optional(),
    /** S1 Art.6: applying through the village committee or another person needs an authorisation. */
    proxy: z
      .object({
        type: z.enum(['VILLAGE_COMMITTEE', 'OTHER']),
        name: z.string().trim().min(1, bi('请填写代办人', 'name the proxy')).max(60),
        authorizationRef: z
          .string()
          .trim()
          .min(1, bi('请填写委托书编号或说明', 'give the authorisation reference'))
          .max(120),
      })
      .nullable()
      .default(null),
    /** §2.5: the applicant's pledge to report truthfully and report changes (诚信承诺). */
    pledgeSigned: z.literal(
      true,
      bi('申请人须签署诚信承诺书（§2.5）', 'the applicant must sign the integrity pledge (§2.5)'),
    ),
    /** S1 Art.11: a member is a close relative of a caseworker or village-committee member (近亲属备案). */
    closeRelative: z.boolean().default(false),
    /** 特困: legal supporters (法定义务人) in the registry whose data will be checked (S2 Art.10). */
    supporterPersonIds: z.array(z.uuid()).max(10).default([]),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.scheme === 'DIBAO_SINGLE' || a.scheme === 'TEKUN') && a.subjectPersonId === null)
      ctx.addIssue({
        code: 'custom',
        path: ['subjectPersonId'],
        message: bi('单人保和特困须指定申请人本人', 'single-person 低保 and 特困 name the applicant'),
      });
  });
export type ApplicationInput = z.input<typeof applicationInput>;

/** An urgent temporary-assistance report (急难型临时救助), §6.5: local or where the emergency happened. */
export const urgentReportInput = z.object({
  /** A household in the registry, or null for a non-local person (§6.2) described in `person`. */
  householdId: z.uuid().nullable().default(null),
  villageCode: z.string().regex(/^\d{12}$/, bi('村（居）代码应为 12 位数字', 'a 12-digit village code')),
  source: z.enum(['SELF', 'VILLAGE', 'DISCOVERY', 'HOTLINE_12349']),
  nonLocalHukou: z.boolean().default(false),
  /** For a non-local applicant: who and what happened (masked in lists). */
  personDescription: z.string().trim().max(200).optional(),
  cause: z.enum(['ACCIDENT', 'FIRE', 'DISASTER', 'ILLNESS', 'OTHER']),
  summary: z.string().trim().min(2, bi('请简述急难情况', 'describe the emergency')).max(2000),
});
export type UrgentReportInput = z.input<typeof urgentReportInput>;

/** An application for expenditure-type temporary assistance (支出型临时救助, §6.3). */
export const expenditureApplicationInput = z.object({
  householdId: z.uuid(bi('户 ID 格式不正确', 'a household id (uuid)')),
  appliedOn: isoDate.optional(),
  cause: z.enum(['ILLNESS', 'EDUCATION', 'DISASTER', 'ACCIDENT', 'OTHER']),
  summary: z.string().trim().min(2, bi('请简述困难情况', 'describe the hardship')).max(2000),
  pledgeSigned: z.literal(
    true,
    bi('申请人须签署诚信承诺书（§2.5）', 'the applicant must sign the integrity pledge (§2.5)'),
  ),
});
export type ExpenditureApplicationInput = z.input<typeof expenditureApplicationInput>;

export const caseSummary = z.object({
  id: z.string(),
  caseNo: z.string(),
  scheme: z.enum(CASE_SCHEMES),
  stage: z.enum(CASE_STAGES),
  state: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  applicantMask: z.string().nullable(),
  townCode: z.string(),
  villageCode: z.string(),
  channel: z.string(),
  deadline: z.string().nullable(),
  overallDue: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  overdue: z.boolean(),
  appliedOn: z.string(),
  decidedOn: z.string().nullable(),
  legacy: z.boolean(),
  closeRelative: z.boolean(),
  currentAmountFen: z.number().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const worklistQuery = z.object({
  stage: z.enum(CASE_STAGES).optional(),
  scheme: z.enum(CASE_SCHEMES).optional(),
  state: z.string().max(40).optional(),
  overdue: z.coerce.boolean().optional(),
  q: z.string().trim().max(40).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const caseEventView = z.object({
  seq: z.number(),
  type: z.string(),
  on: z.string(),
  stateBefore: z.string(),
  stateAfter: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  opinion: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({ id: z.string(), kind: z.string(), filename: z.string() })),
  recordedAt: z.string(),
});

export const entitlementView = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  amountFen: z.number(),
  method: z.string(),
  source: z.string(),
  breakdown: z.array(z.unknown()),
});

export const caseDetail = caseSummary.extend({
  area: z.enum(['urban', 'rural']),
  subjectPersonId: z.string().nullable(),
  /** 特困 (§5.4): 供养方式 and the institution paid when centralised; null for other schemes. */
  support: z
    .object({
      mode: z.enum(['DISPERSED', 'CENTRALISED']),
      institutionId: z.string().nullable(),
      institutionName: z.string().nullable(),
    })
    .nullable(),
  version: z.number(),
  model: z.record(z.string(), z.unknown()),
  facts: z.record(z.string(), z.unknown()).nullable(),
  members: z.array(
    z.object({
      personId: z.string(),
      nameMask: z.string(),
      relationCode: z.string(),
      consentSignedOn: z.string().nullable(),
    }),
  ),
  timeline: z.array(caseEventView),
  entitlements: z.array(entitlementView),
  /** The events the caller may record now (by state and role); the UI offers only these. */
  allowedEvents: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof caseDetail>;
