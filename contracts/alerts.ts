import { z } from 'zod';
import { DEPARTMENT_CODES } from './feeds.ts';

// Monitoring alerts (domain-rules §7.4, S6 §三(四)): the configurable AlertType catalogue, the rules
// that raise alerts from department feeds or from the caseload, and the alert state machine
// GENERATED → ASSIGNED → VERIFIED → a disposition → CLOSED. Shared by the server and the console.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const ALERT_CATEGORIES = ['SUSPICIOUS', 'PROACTIVE', 'RECIPIENT'] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

/** §7.4 [V2 S12]: 存疑数据预警 / 大数据主动检测预警库 / 对象预警 — the types Huijiu raises. */
export const ALERT_TYPES = {
  DEATH: { category: 'SUSPICIOUS', zh: '死亡预警', en: 'Death' },
  VEHICLE: { category: 'SUSPICIOUS', zh: '车辆预警', en: 'Vehicle' },
  PROPERTY: { category: 'SUSPICIOUS', zh: '房产预警', en: 'Real estate' },
  BUSINESS_ROLE: { category: 'SUSPICIOUS', zh: '企业高管预警', en: 'Business role' },
  FINANCIAL_ASSETS: { category: 'SUSPICIOUS', zh: '金融资产预警', en: 'Financial assets' },
  IMPRISONMENT: { category: 'SUSPICIOUS', zh: '服刑人员预警', en: 'Imprisonment' },
  PROVIDENT_FUND: { category: 'SUSPICIOUS', zh: '公积金预警', en: 'Provident fund' },
  TAX: { category: 'SUSPICIOUS', zh: '税务预警', en: 'Tax' },
  PUBLIC_PAYROLL: { category: 'SUSPICIOUS', zh: '财政供养人员预警', en: 'Public payroll' },
  DATA_INTEGRITY: { category: 'SUSPICIOUS', zh: '数据完整性预警', en: 'Data integrity' },
  SERIOUS_ILLNESS: { category: 'PROACTIVE', zh: '医保预警（重病）', en: 'Serious illness' },
  DISABILITY: { category: 'PROACTIVE', zh: '残联预警（重度残疾）', en: 'Severe disability' },
  SCHOOLING: { category: 'PROACTIVE', zh: '教育预警', en: 'Schooling' },
  UNEMPLOYMENT: { category: 'PROACTIVE', zh: '就业预警（失业）', en: 'Unemployment' },
  RURAL_REVITALIZATION: { category: 'PROACTIVE', zh: '防返贫监测预警', en: 'Rural-revitalisation list' },
  UTILITIES: { category: 'PROACTIVE', zh: '水电预警', en: 'Utilities' },
  OTHER_PROACTIVE: { category: 'PROACTIVE', zh: '其他主动发现', en: 'Other discovery' },
  LIKELY_ENTER: { category: 'RECIPIENT', zh: '即将进保', en: 'Likely to enter' },
  LIKELY_EXIT: { category: 'RECIPIENT', zh: '即将脱保', en: 'Likely to exit' },
  BORDERLINE: { category: 'RECIPIENT', zh: '救助边缘', en: 'Borderline' },
  // §5.4 / §9.1 purchased care for dispersed 特困 persons (raised by the care module, not the comparison).
  CARE_MISSED_VISIT: { category: 'RECIPIENT', zh: '照护服务漏访', en: 'Missed care visits' },
  CARE_HEALTH_EVENT: { category: 'RECIPIENT', zh: '照护对象健康异常', en: 'Health event at a care visit' },
} as const satisfies Record<string, { category: AlertCategory; zh: string; en: string }>;
export type AlertType = keyof typeof ALERT_TYPES;
export const ALERT_TYPE_CODES = Object.keys(ALERT_TYPES) as AlertType[];

export const DISPOSITIONS = [
  'POLICY_DELIVERED',
  'APPLICATION_STARTED',
  'PUSHED_TO_DEPT',
  /** Referred to a charity organisation (慈善帮扶, §9.2): recorded by the referral itself. */
  'CHARITY_REFERRED',
  'CASE_CONFERENCE',
  'TERMINATION_REVIEW',
  'DISMISSED',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const ALERT_STATES = ['GENERATED', 'ASSIGNED', 'VERIFIED', ...DISPOSITIONS, 'CLOSED'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const VERIFY_METHODS = ['VISIT', 'PHONE', 'DATA'] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

/** Who a rule looks at (§7.3: recipients are checked for changes, others for unmet need). */
export const POPULATIONS = ['RECIPIENTS', 'REGISTRY', 'NOT_HELPED', 'ANYONE'] as const;
export type Population = (typeof POPULATIONS)[number];

/** CARE: raised by the care module from visits (§5.4), never by the comparison run. */
export const RULE_KINDS = ['FIELD_THRESHOLD', 'LIKELY_ENTER', 'LIKELY_EXIT', 'BORDERLINE', 'CARE'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const CONDITION_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

const conditionValue = z.union([
  z.string().max(100),
  z.number().int(),
  z.boolean(),
  z.array(z.string().max(100)).min(1).max(20),
]);
export const ruleCondition = z.object({
  field: z.string().min(1).max(60),
  op: z.enum(CONDITION_OPS),
  value: conditionValue,
});
export type RuleCondition = z.infer<typeof ruleCondition>;

const slaWd = z.number().int().min(1, bi('时限至少 1 个工作日', 'at least 1 working day')).max(60);
const withinDays = z.number().int().min(1).max(3660).nullable();

export const ruleView = z.object({
  code: z.string(),
  alertType: z.enum(ALERT_TYPE_CODES),
  category: z.enum(ALERT_CATEGORIES),
  kind: z.enum(RULE_KINDS),
  source: z.string().nullable(),
  conditions: z.array(ruleCondition),
  withinDays: z.number().nullable(),
  /** Only the person's newest record of the source counts (a status list: a later record replaces it). */
  latestOnly: z.boolean(),
  population: z.enum(POPULATIONS),
  enabled: z.boolean(),
  slaWd: z.number(),
  legalBasis: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  builtIn: z.boolean(),
  version: z.number(),
});
export type RuleView = z.infer<typeof ruleView>;

/** district_admin: change a rule's threshold, window, population, SLA or switch it on/off. */
export const ruleUpdate = z.object({
  enabled: z.boolean().optional(),
  slaWd: slaWd.optional(),
  conditions: z.array(ruleCondition).max(8).optional(),
  withinDays: withinDays.optional(),
  latestOnly: z.boolean().optional(),
  population: z.enum(POPULATIONS).optional(),
  version: z.number().int().optional(),
});

/** district_admin: a new threshold rule over a feed field, no code change ("rules are data"). */
export const ruleCreate = z.object({
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{2,39}$/, bi('规则代码为大写字母、数字和下划线', 'code: A–Z, 0–9 and _')),
  alertType: z.enum(ALERT_TYPE_CODES),
  source: z.string().min(1).max(40),
  conditions: z.array(ruleCondition).max(8),
  withinDays: withinDays.default(null),
  latestOnly: z.boolean().default(false),
  population: z.enum(POPULATIONS),
  slaWd: slaWd.default(10),
  legalBasis: z.string().trim().min(2, bi('请填写依据', 'give the legal basis')).max(300),
  nameZh: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(100),
});
export type RuleCreate = z.input<typeof ruleCreate>;

export const alertListQuery = z.object({
  type: z.enum(ALERT_TYPE_CODES).optional(),
  category: z.enum(ALERT_CATEGORIES).optional(),
  state: z.enum(ALERT_STATES).optional(),
  open: z.stringbool().optional(),
  overdue: z.stringbool().optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type AlertListQuery = z.input<typeof alertListQuery>;

export const alertSummary = z.object({
  id: z.string(),
  ruleCode: z.string(),
  alertType: z.enum(ALERT_TYPE_CODES),
  category: z.enum(ALERT_CATEGORIES),
  state: z.enum(ALERT_STATES),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  personIdMask: z.string().nullable(),
  householdId: z.string().nullable(),
  caseId: z.string().nullable(),
  townCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  assigneeLevel: z.enum(['VILLAGE', 'TOWN', 'DISTRICT']),
  assigneeCode: z.string(),
  raisedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  escalatedOn: z.string().nullable(),
  version: z.number(),
});
export type AlertSummary = z.infer<typeof alertSummary>;

export const alertEventView = z.object({
  seq: z.number(),
  type: z.string(),
  onDate: z.string(),
  stateBefore: z.string(),
  stateAfter: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

export const alertDetail = alertSummary.extend({
  evidence: z.record(z.string(), z.unknown()),
  verification: z.record(z.string(), z.unknown()).nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  dispositionDetail: z.record(z.string(), z.unknown()).nullable(),
  linkedCaseId: z.string().nullable(),
  feedback: z.string().nullable(),
  legalBasis: z.string(),
  events: z.array(alertEventView),
  /** What the caller may do now (computed by the state machine for the caller's level). */
  allowed: z.array(z.string()),
});
export type AlertDetail = z.infer<typeof alertDetail>;

const note = z.string().trim().min(2, bi('请填写说明', 'give a note')).max(2000);
const onDate = z.iso.date().optional();

export const verifyInput = z.object({
  method: z.enum(VERIFY_METHODS),
  findings: note,
  on: onDate,
  version: z.number().int().optional(),
});

export const disposeInput = z.discriminatedUnion('disposition', [
  z.object({
    disposition: z.literal('POLICY_DELIVERED'),
    note,
    on: onDate,
    version: z.number().int().optional(),
  }),
  z.object({
    disposition: z.literal('APPLICATION_STARTED'),
    caseId: z.uuid(),
    note: note.optional(),
    on: onDate,
    version: z.number().int().optional(),
  }),
  z.object({
    disposition: z.literal('PUSHED_TO_DEPT'),
    department: z.enum(DEPARTMENT_CODES as [string, ...string[]]),
    note,
    on: onDate,
    version: z.number().int().optional(),
  }),
  z.object({
    disposition: z.literal('CASE_CONFERENCE'),
    note,
    on: onDate,
    version: z.number().int().optional(),
  }),
  z.object({
    disposition: z.literal('TERMINATION_REVIEW'),
    caseId: z.uuid().optional(),
    note,
    on: onDate,
    version: z.number().int().optional(),
  }),
  z.object({
    disposition: z.literal('DISMISSED'),
    reason: note,
    on: onDate,
    version: z.number().int().optional(),
  }),
]);
export type DisposeInput = z.infer<typeof disposeInput>;

export const closeInput = z.object({ feedback: note, on: onDate, version: z.number().int().optional() });
