import { z } from 'zod';
import { isCreditCode } from './institutions.ts';

// Charity as a supplement (慈善帮扶, domain-rules §9.2; S6 §四(六)): organisations, projects with a
// budget, referrals from cases and alerts, and disbursements that show in the household's
// assistance chain. Shared by the server and the console.

const bi = (zh: string, en: string) => `${zh}||${en}`;

/** Target groups of a project: the §7.1 categories of the low-income population, and others. */
export const TARGET_CATEGORIES = ['DIBAO', 'TEKUN', 'EDGE', 'RIGID', 'TEMPORARY', 'OTHER'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];
export const TARGET_CATEGORY_NAMES: Record<TargetCategory, { zh: string; en: string }> = {
  DIBAO: { zh: '低保对象', en: 'Dibao' },
  TEKUN: { zh: '特困人员', en: 'Tekun' },
  EDGE: { zh: '低保边缘家庭', en: 'Dibao-edge' },
  RIGID: { zh: '刚性支出困难家庭', en: 'Rigid-spending hardship' },
  TEMPORARY: { zh: '临时救助对象', en: 'Temporary assistance' },
  OTHER: { zh: '其他困难群众', en: 'Other people in hardship' },
};

/** Needs a referral names and a project serves (§9.1 物质+服务; S6 §三(三) warning indicators). */
export const CHARITY_NEEDS = [
  'MEDICAL',
  'EDUCATION',
  'HOUSING',
  'LIVING',
  'CARE',
  'DISABILITY',
  'OTHER',
] as const;
export type CharityNeed = (typeof CHARITY_NEEDS)[number];
export const NEED_NAMES: Record<CharityNeed, { zh: string; en: string }> = {
  MEDICAL: { zh: '医疗', en: 'Medical' },
  EDUCATION: { zh: '教育', en: 'Education' },
  HOUSING: { zh: '住房', en: 'Housing' },
  LIVING: { zh: '基本生活', en: 'Basic living' },
  CARE: { zh: '照料护理', en: 'Care' },
  DISABILITY: { zh: '康复辅具', en: 'Rehabilitation and aids' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const PROJECT_STATUSES = ['ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export const REFERRAL_STATES = ['REFERRED', 'ACCEPTED', 'DECLINED', 'DISBURSED', 'CLOSED'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];
export const DISBURSEMENT_KINDS = ['CASH', 'IN_KIND'] as const;

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, bi(`至少 ${min} 个字`, `at least ${min} characters`))
    .max(max, bi(`不超过 ${max} 字`, `at most ${max} characters`));
const isoDate = z.iso.date(bi('日期格式 YYYY-MM-DD', 'a date as YYYY-MM-DD'));
const fen = z
  .number()
  .int(bi('金额应为整数分', 'an integer number of fen'))
  .min(1, bi('金额应大于 0', 'more than 0'))
  .max(100_000_000_000);

export const orgInput = z.object({
  name: text(2, 100),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      isCreditCode,
      bi(
        '统一社会信用代码应为 18 位且校验位正确',
        'an 18-character unified social credit code with a valid check',
      ),
    ),
  contactName: text(2, 50),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, bi('联系电话为 7–20 位数字', 'a phone of 7–20 digits')),
  address: z.string().trim().max(200).default(''),
  active: z.boolean().default(true),
});
export type OrgInput = z.input<typeof orgInput>;

export const orgView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  active: z.boolean(),
  /** Accounts of the charity role acting for the organisation. */
  users: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string() })),
});
export type OrgView = z.infer<typeof orgView>;

export const orgUserInput = z.object({ username: z.string().trim().min(1).max(60) });

export const projectInput = z
  .object({
    orgId: z.uuid(bi('请选择慈善组织', 'choose the organisation')),
    name: text(2, 100),
    description: z.string().trim().max(1000).default(''),
    budgetFen: fen,
    targetCategories: z
      .array(z.enum(TARGET_CATEGORIES))
      .min(1, bi('至少选择一类帮扶对象', 'choose at least one target group')),
    needs: z.array(z.enum(CHARITY_NEEDS)).min(1, bi('至少选择一项帮扶内容', 'choose at least one need')),
    periodFrom: isoDate,
    periodTo: isoDate,
    status: z.enum(PROJECT_STATUSES).default('ACTIVE'),
    version: z.number().int().optional(),
  })
  .refine((p) => p.periodFrom <= p.periodTo, {
    path: ['periodTo'],
    message: bi('结束日期不能早于开始日期', 'the period ends before it starts'),
  });
export type ProjectInput = z.input<typeof projectInput>;

export const projectView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  description: z.string(),
  budgetFen: z.number(),
  usedFen: z.number(),
  leftFen: z.number(),
  targetCategories: z.array(z.enum(TARGET_CATEGORIES)),
  needs: z.array(z.enum(CHARITY_NEEDS)),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(PROJECT_STATUSES),
  version: z.number(),
});
export type ProjectView = z.infer<typeof projectView>;

/** A referral names the household directly, or comes from a case or an alert that names it. */
export const referralInput = z
  .object({
    orgId: z.uuid(bi('请选择慈善组织', 'choose the organisation')),
    projectId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    personId: z.uuid().optional(),
    caseId: z.uuid().optional(),
    alertId: z.uuid().optional(),
    need: z.enum(CHARITY_NEEDS),
    description: text(4, 2000),
    /** Working days the organisation has to answer; the default is CHARITY_ANSWER_WD. */
    answerWd: z.number().int().min(1).max(30).optional(),
  })
  .refine((r) => r.householdId || r.caseId || r.alertId, {
    path: ['householdId'],
    message: bi('请指定家庭，或从案件、预警转介', 'name the household, or refer from a case or an alert'),
  });
export type ReferralInput = z.input<typeof referralInput>;

export const answerInput = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('ACCEPT'),
    projectId: z.uuid().optional(),
    note: z.string().trim().max(1000).optional(),
    version: z.number().int().optional(),
  }),
  z.object({
    decision: z.literal('DECLINE'),
    reason: text(2, 1000),
    version: z.number().int().optional(),
  }),
]);
export type AnswerInput = z.infer<typeof answerInput>;

export const closeReferralInput = z.object({ note: text(2, 1000), version: z.number().int().optional() });

export const referralListQuery = z.object({
  state: z.enum(REFERRAL_STATES).optional(),
  open: z.stringbool().optional(),
  overdue: z.stringbool().optional(),
  householdId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  alertId: z.uuid().optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const referralView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  householdId: z.string(),
  householdNo: z.string(),
  /** The household head's or the named person's masked name (§2.2). */
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  alertId: z.string().nullable(),
  townCode: z.string(),
  villageCode: z.string(),
  need: z.enum(CHARITY_NEEDS),
  description: z.string(),
  state: z.enum(REFERRAL_STATES),
  referredByName: z.string(),
  referredOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  answeredOn: z.string().nullable(),
  answeredByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  disbursedFen: z.number(),
  version: z.number(),
});
export type ReferralView = z.infer<typeof referralView>;

export const disbursementInput = z
  .object({
    referralId: z.uuid().optional(),
    projectId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    personId: z.uuid().optional(),
    kind: z.enum(DISBURSEMENT_KINDS),
    /** Money paid, or the value of the goods given. */
    valueFen: fen,
    itemDescription: z.string().trim().max(200).optional(),
    on: isoDate.optional(),
    note: z.string().trim().max(1000).default(''),
  })
  .refine((d) => d.referralId || (d.projectId && d.householdId), {
    path: ['referralId'],
    message: bi('请选择转介，或项目和家庭', 'choose a referral, or a project and a household'),
  })
  .refine((d) => d.kind === 'CASH' || (d.itemDescription ?? '').length >= 2, {
    path: ['itemDescription'],
    message: bi('实物请填写物品名称', 'describe the goods given'),
  });
export type DisbursementInput = z.input<typeof disbursementInput>;

export const disbursementView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  referralId: z.string().nullable(),
  householdId: z.string(),
  householdNo: z.string(),
  personName: z.string().nullable(),
  kind: z.enum(DISBURSEMENT_KINDS),
  valueFen: z.number(),
  itemDescription: z.string().nullable(),
  on: z.string(),
  note: z.string(),
  recordedByName: z.string(),
});
export type DisbursementView = z.infer<typeof disbursementView>;

export const meView = z.object({
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
});

// 一户（人）一条救助链 (§7.3; S6 §三(一)): everything every department gave a household, on one page.
// Each link has the common fields, so the console can show kinds added later (care services, issue
// 7's department referrals) before it knows their details.

export const CHAIN_SOURCES = ['CIVIL_AFFAIRS', 'CHARITY', 'CARE', 'DEPARTMENT'] as const;
const link = <K extends string, S extends z.ZodRawShape>(kind: K, extra: S) =>
  z.object({
    kind: z.literal(kind),
    on: z.string(),
    source: z.enum(CHAIN_SOURCES),
    /** A department code (contracts/feeds.ts) for DEPARTMENT links; null otherwise. */
    department: z.string().nullable(),
    personName: z.string().nullable(),
    /** Money (or goods at their value) this link gave; null for links that give nothing themselves. */
    amountFen: z.number().nullable(),
    state: z.string().nullable(),
    refId: z.string(),
    ...extra,
  });
const generic = { title: z.string(), titleEn: z.string() };

export const chainLink = z.discriminatedUnion('kind', [
  link('CASE', {
    caseNo: z.string(),
    scheme: z.string(),
    stage: z.string(),
    decidedOn: z.string().nullable(),
  }),
  link('PAYMENT', { caseId: z.string(), caseNo: z.string(), scheme: z.string(), lines: z.number() }),
  link('FIRST_AID', { caseId: z.string(), caseNo: z.string() }),
  link('CHARITY_REFERRAL', {
    orgName: z.string(),
    projectName: z.string().nullable(),
    need: z.enum(CHARITY_NEEDS),
    dueOn: z.string(),
    answeredOn: z.string().nullable(),
    declineReason: z.string().nullable(),
  }),
  link('CHARITY_DISBURSEMENT', {
    orgName: z.string(),
    projectName: z.string(),
    disbursementKind: z.enum(DISBURSEMENT_KINDS),
    itemDescription: z.string().nullable(),
    /** Counted as household income for the means test under the county's rule (§9.2). */
    countsAsIncome: z.boolean(),
  }),
  link('CARE_SERVICE', generic),
  link('DEPARTMENT_REFERRAL', generic),
]);
export type ChainLink = z.infer<typeof chainLink>;

export const charityIncomeView = z.object({
  countsAsIncome: z.boolean(),
  rule: z.string(),
  window: z.object({ from: z.string(), to: z.string(), months: z.number() }),
  countedFen: z.number(),
  excludedFen: z.number(),
  items: z.array(
    z.object({ disbursementId: z.string(), on: z.string(), valueFen: z.number(), counted: z.boolean() }),
  ),
});
export type CharityIncomeView = z.infer<typeof charityIncomeView>;

export const assistanceChain = z.object({
  householdId: z.string(),
  householdNo: z.string(),
  asOf: z.string(),
  links: z.array(chainLink),
  totals: z.object({ civilAffairsFen: z.number(), charityFen: z.number(), otherFen: z.number() }),
  charityIncome: charityIncomeView,
});
export type AssistanceChain = z.infer<typeof assistanceChain>;
