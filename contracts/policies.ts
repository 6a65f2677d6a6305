import { z } from 'zod';
import { CASE_SCHEMES } from './cases.ts';
import { MONITORED_CATEGORY_CODES, type MonitoredCategory } from './monitoring.ts';

// The comprehensive-assistance catalogue "泰汇救" (domain-rules §9.3; S6 §五(一) 一次申请、分类
// 审核认定): departments, their policies with machine-checkable eligibility in CEL, the matches a
// run finds, and the referrals (转办) each department answers. Shared by server, console and portal.

/** The 12 departments of §9.3 (the set is assumed [U]; a county edits names and deadlines). */
export const POLICY_DEPARTMENTS = {
  CIVIL_AFFAIRS: { zh: '民政', en: 'Civil affairs' },
  MEDICAL_INSURANCE: { zh: '医保', en: 'Medical insurance' },
  EDUCATION: { zh: '教育', en: 'Education' },
  HOUSING: { zh: '住建', en: 'Housing and construction' },
  HRSS: { zh: '人社', en: 'Human resources and social security' },
  HEALTH: { zh: '卫健', en: 'Health' },
  EMERGENCY: { zh: '应急', en: 'Emergency management' },
  AGRICULTURE: { zh: '农业农村（乡村振兴）', en: 'Agriculture (rural revitalisation)' },
  DISABLED_FEDERATION: { zh: '残联', en: "Disabled persons' federation" },
  JUSTICE: { zh: '司法', en: 'Justice' },
  TRADE_UNION: { zh: '总工会', en: 'Trade union' },
  MASS_ORGS: { zh: '团委·妇联·慈善总会', en: 'Youth league, women’s federation, charity federation' },
} as const;
export type PolicyDepartmentCode = keyof typeof POLICY_DEPARTMENTS;
export const POLICY_DEPARTMENT_CODES = Object.keys(POLICY_DEPARTMENTS) as [
  PolicyDepartmentCode,
  ...PolicyDepartmentCode[],
];

/** PERSON: evaluated for each current member (with the household in scope); HOUSEHOLD: once per household. */
export const POLICY_SUBJECTS = ['PERSON', 'HOUSEHOLD'] as const;
export type PolicySubject = (typeof POLICY_SUBJECTS)[number];

export const MATCH_STATES = ['ELIGIBLE', 'PUSHED', 'GRANTED', 'REFUSED', 'LAPSED'] as const;
export type MatchState = (typeof MATCH_STATES)[number];
export const REFERRAL_STATES = ['PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/**
 * The documented CEL context (what an eligibility expression may read). `household` is always
 * bound; `person` is bound for PERSON policies (for HOUSEHOLD policies it is the head). Money is fen
 * (int), ages are whole years (int), ratios are double. The console shows this table in the editor.
 */
export type CelFieldType = 'int' | 'double' | 'string' | 'bool' | 'list<string>' | 'list<person>';
export type CelField = {
  path: string;
  type: CelFieldType;
  zh: string;
  en: string;
  values?: readonly string[];
};
export const CEL_CONTEXT: readonly CelField[] = [
  { path: 'household.size', type: 'int', zh: '共同生活家庭人口数', en: 'household members living together' },
  { path: 'household.area', type: 'string', zh: '城乡', en: 'urban or rural', values: ['urban', 'rural'] },
  { path: 'household.townCode', type: 'string', zh: '镇街代码', en: 'town code' },
  { path: 'household.villageCode', type: 'string', zh: '村居代码', en: 'village code' },
  {
    path: 'household.monthlyIncomeFen',
    type: 'int',
    zh: '家庭月收入（分）',
    en: 'household monthly income (fen)',
  },
  {
    path: 'household.perCapitaIncomeFen',
    type: 'int',
    zh: '家庭月人均收入（分）',
    en: 'monthly income per head (fen)',
  },
  {
    path: 'household.dibaoStandardFen',
    type: 'int',
    zh: '当地低保标准（分/人·月）',
    en: 'local 低保 standard (fen per person-month)',
  },
  {
    path: 'household.incomeRatio',
    type: 'double',
    zh: '人均收入 ÷ 低保标准',
    en: 'income per head ÷ 低保 standard',
  },
  {
    path: 'household.activeSchemes',
    type: 'list<string>',
    zh: '正在享受的民政救助（DIBAO、TEKUN 等）',
    en: 'civil-affairs schemes in force (DIBAO, TEKUN, …)',
    values: CASE_SCHEMES,
  },
  {
    path: 'household.categories',
    type: 'list<string>',
    zh: '低收入人口监测类别（家庭任一成员）',
    en: 'monitored categories of any member',
    values: MONITORED_CATEGORY_CODES,
  },
  { path: 'household.hasVehicle', type: 'bool', zh: '有机动车', en: 'owns a motor vehicle' },
  {
    path: 'household.members',
    type: 'list<person>',
    zh: '家庭成员（person 结构）',
    en: 'members (each a person)',
  },
  { path: 'person.age', type: 'int', zh: '周岁', en: 'age in whole years' },
  { path: 'person.sex', type: 'string', zh: '性别', en: 'sex', values: ['M', 'F'] },
  { path: 'person.isHead', type: 'bool', zh: '是否户主', en: 'head of household' },
  {
    path: 'person.disabilityGrade',
    type: 'int',
    zh: '残疾等级（0=无，1–4 级）',
    en: 'disability grade (0 none, 1–4)',
  },
  {
    path: 'person.disabilityCategory',
    type: 'int',
    zh: '残疾类别（GB/T 26341，0=无）',
    en: 'disability category (GB/T 26341, 0 none)',
  },
  {
    path: 'person.selfCare',
    type: 'string',
    zh: '生活自理能力',
    en: 'self-care ability',
    values: ['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS', 'UNKNOWN'],
  },
  { path: 'person.inEducation', type: 'bool', zh: '在校（全日制）', en: 'in full-time education' },
  {
    path: 'person.unemployed',
    type: 'bool',
    zh: '登记失业或无业',
    en: 'registered unemployed or without work',
  },
  { path: 'person.seriousIllness', type: 'bool', zh: '重特大疾病（因病致贫）', en: 'serious illness' },
  { path: 'person.monthlyIncomeFen', type: 'int', zh: '本人月收入（分）', en: 'own monthly income (fen)' },
  {
    path: 'person.categories',
    type: 'list<string>',
    zh: '本人监测类别',
    en: 'own monitored categories',
    values: MONITORED_CATEGORY_CODES,
  },
  {
    path: 'person.activeSchemes',
    type: 'list<string>',
    zh: '本人享受的民政救助',
    en: 'own civil-affairs schemes in force',
    values: CASE_SCHEMES,
  },
];

/** Where a CEL expression is wrong: 1-based line and column, and the 0-based offset. */
export const celIssue = z.object({
  line: z.number(),
  column: z.number(),
  offset: z.number(),
  message: z.string(),
  messageEn: z.string(),
});
export type CelIssue = z.infer<typeof celIssue>;

export const validateExpressionInput = z.object({
  expression: z.string().max(4000),
  subject: z.enum(POLICY_SUBJECTS),
});
export const validateExpressionResult = z.object({ ok: z.boolean(), issues: z.array(celIssue) });
export type ValidateExpressionResult = z.infer<typeof validateExpressionResult>;

export const departmentView = z.object({
  code: z.enum(POLICY_DEPARTMENT_CODES),
  name: z.string(),
  nameEn: z.string(),
  contactPhone: z.string(),
  /** Working days a department has to answer a referral. */
  answerWorkingDays: z.number().int(),
  policyCount: z.number(),
  pendingReferrals: z.number(),
  overdueReferrals: z.number(),
});
export type DepartmentView = z.infer<typeof departmentView>;
export const departmentInput = z.object({
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().max(120).default(''),
  contactPhone: z.string().trim().max(40).default(''),
  answerWorkingDays: z.number().int().min(1).max(60),
});

const text = (max: number) => z.string().trim().max(max);
export const policyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, 'code: 2–20 capitals, digits, _ or -'),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES),
  name: text(80).min(1),
  summary: text(400).min(1),
  legalBasis: text(400).min(1),
  targetCategories: z.array(z.enum(MONITORED_CATEGORY_CODES as [MonitoredCategory, ...MonitoredCategory[]])),
  benefit: text(400).min(1),
  howToApply: text(400).min(1),
  contact: text(120).min(1),
  subject: z.enum(POLICY_SUBJECTS),
  /** CEL over CEL_CONTEXT, must type to bool. */
  eligibility: z.string().trim().min(1).max(4000),
  /** The same condition in plain words, for citizens and the leaflet. */
  eligibilityText: text(400).min(1),
  /** Matches of this policy are referred to the department (false: shown on the portal only). */
  referable: z.boolean().default(true),
  active: z.boolean().default(true),
});
export type PolicyInput = z.input<typeof policyInput>;

/** An edit: `version` (optional) is the version the editor started from; a stale one is refused (409). */
export const policyUpdateInput = policyInput.extend({ version: z.number().int().min(1).optional() });
export type PolicyUpdateInput = z.input<typeof policyUpdateInput>;

export const policyView = policyInput.extend({
  id: z.string(),
  departmentName: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  matchCount: z.number(),
});
export type PolicyView = z.infer<typeof policyView>;

export const matchQuery = z.object({
  policyId: z.string().uuid().optional(),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES).optional(),
  state: z.enum(MATCH_STATES).optional(),
  townCode: z.string().optional(),
  villageCode: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const matchView = z.object({
  id: z.string(),
  policyId: z.string(),
  policyCode: z.string(),
  policyName: z.string(),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES),
  householdId: z.string(),
  householdNo: z.string(),
  personId: z.string().nullable(),
  /** Masked (张*). */
  personName: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  state: z.enum(MATCH_STATES),
  firstMatchedOn: z.string(),
  lastMatchedOn: z.string(),
  referralId: z.string().nullable(),
});
export type MatchView = z.infer<typeof matchView>;
export const matchPage = z.object({ total: z.number(), items: z.array(matchView) });

/** What a matching run did (also the job's result). */
export const matchRunResult = z.object({
  policies: z.number(),
  subjectsEvaluated: z.number(),
  matched: z.number(),
  newMatches: z.number(),
  lapsed: z.number(),
  referralsCreated: z.number(),
  /** Policies whose expression failed at run time for some subject (e.g. a missing field), with a count. */
  evaluationErrors: z.array(z.object({ policyCode: z.string(), count: z.number(), sample: z.string() })),
});
export type MatchRunResult = z.infer<typeof matchRunResult>;

export const referralQuery = z.object({
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES).optional(),
  state: z.enum(REFERRAL_STATES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  villageCode: z.string().optional(),
  householdId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const referralView = z.object({
  id: z.string(),
  matchId: z.string().nullable(),
  policyId: z.string(),
  policyCode: z.string(),
  policyName: z.string(),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES),
  departmentName: z.string(),
  householdId: z.string(),
  householdNo: z.string(),
  personName: z.string(),
  townName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  /** Why the platform found the person: the policy's condition in words and the figures it read. */
  reason: z.string(),
  referredOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  state: z.enum(REFERRAL_STATES),
  answeredOn: z.string().nullable(),
  answerReason: z.string().nullable(),
  amountFen: z.number().nullable(),
  answeredBy: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralView>;
export const referralPage = z.object({ total: z.number(), items: z.array(referralView) });

export const referralAnswerInput = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('GRANTED'),
    grantedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Money or goods at their value, when the policy gives any. */
    amountFen: z.number().int().min(0).nullable().default(null),
    note: z.string().trim().max(400).default(''),
  }),
  z.object({ outcome: z.literal('REFUSED'), reason: z.string().trim().min(2).max(400) }),
]);
export type ReferralAnswerInput = z.input<typeof referralAnswerInput>;

// ── Public (portal 码上知) ──────────────────────────────────────────────────────────────────────

export const publicPolicyQuery = z.object({
  /** The poster's village (its county's catalogue); optional when the instance serves one county. */
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  q: z.string().trim().max(40).optional(),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES).optional(),
  category: z.enum(MONITORED_CATEGORY_CODES as [MonitoredCategory, ...MonitoredCategory[]]).optional(),
});
export const publicPolicy = z.object({
  code: z.string(),
  departmentCode: z.enum(POLICY_DEPARTMENT_CODES),
  departmentName: z.string(),
  name: z.string(),
  summary: z.string(),
  legalBasis: z.string(),
  targetCategories: z.array(z.string()),
  benefit: z.string(),
  howToApply: z.string(),
  contact: z.string(),
  eligibilityText: z.string(),
});
export type PublicPolicy = z.infer<typeof publicPolicy>;

/** 自测: a few questions, no identity; nothing is stored. */
export const selfCheckMember = z.object({
  age: z.number().int().min(0).max(120),
  sex: z.enum(['M', 'F']).default('M'),
  disabilityGrade: z.number().int().min(0).max(4).default(0),
  selfCare: z.enum(['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS', 'UNKNOWN']).default('UNKNOWN'),
  inEducation: z.boolean().default(false),
  unemployed: z.boolean().default(false),
  seriousIllness: z.boolean().default(false),
  /** Own monthly income in yuan (what a citizen knows), converted to fen by the server. */
  monthlyIncomeYuan: z.number().min(0).max(1_000_000).default(0),
});
export const selfCheckInput = z.object({
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  area: z.enum(['urban', 'rural']),
  members: z.array(selfCheckMember).min(1).max(12),
  hasVehicle: z.boolean().default(false),
  /** Savings and other financial assets of the household, yuan. */
  financialAssetsYuan: z.number().min(0).max(100_000_000).default(0),
  /** Yearly medical, education and similar unavoidable spending, yuan. */
  rigidSpendingYuan: z.number().min(0).max(100_000_000).default(0),
  receiving: z.array(z.enum(['DIBAO', 'TEKUN', 'DIBAO_EDGE'])).default([]),
});
export type SelfCheckInput = z.input<typeof selfCheckInput>;
export const selfCheckResult = z.object({
  asOf: z.string(),
  /** 民政 schemes from the rules engine (the quote API): may apply, estimated amount and why (not). */
  schemes: z.array(
    z.object({
      scheme: z.string(),
      name: z.string(),
      nameEn: z.string(),
      mayApply: z.boolean(),
      monthlyAmountFen: z.number().nullable(),
      reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
    }),
  ),
  /** Catalogue policies whose condition holds for the answers, each with who in the household and why. */
  policies: z.array(
    publicPolicy.extend({
      forMembers: z.array(z.number()),
      why: z.string(),
    }),
  ),
});
export type SelfCheckResult = z.infer<typeof selfCheckResult>;
