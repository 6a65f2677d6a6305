import { z } from 'zod';

// The events a caseworker records on a case, one union per state machine (server/modules/cases/
// *.models.ts). `at` defaults to today (Asia/Shanghai) on the server; amounts are integer fen.
// Every event may carry an opinion (意见) and attachments (a captured signature, a scan).

const bi = (zh: string, en: string) => `${zh}||${en}`;
const date = z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD'));
const dateTime = z.iso.datetime({
  offset: true,
  message: bi('时间格式应为 ISO 8601', 'an ISO 8601 date-time'),
});
const text = (min = 1, max = 2000) =>
  z
    .string()
    .trim()
    .min(min, bi('请填写此项', 'this field is required'))
    .max(max, bi(`不超过 ${max} 字`, `at most ${max} characters`));
const fen = z
  .number()
  .int(bi('金额应为整数分', 'an integer number of fen'))
  .min(1, bi('金额须大于 0', 'the amount must be positive'))
  .max(100_000_000, bi('金额超出合理范围', 'the amount is out of range'));
const names = z
  .array(text(1, 40))
  .min(2, bi('入户调查须至少两名工作人员（S1 第十六条）', 'S1 Art.16: at least two investigators'))
  .max(10);

export const attachmentInput = z.object({
  kind: z.enum(['SIGNATURE', 'AUTHORIZATION', 'CONSENT', 'PHOTO', 'DOCUMENT']),
  filename: text(1, 120),
  mime: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
  /** Base64 content, at most 2 MiB decoded. */
  dataBase64: z.string().max(2_800_000, bi('附件不超过 2 MB', 'an attachment is at most 2 MB')),
});
export type AttachmentInput = z.infer<typeof attachmentInput>;

/** Where and how a visit happened, as the device gives it (§3.5 home visit). */
export const visitRecord = z.object({
  visitMode: z.enum(['ON_SITE', 'PHONE', 'VIDEO']),
  visitedAt: dateTime.optional(),
  gps: z
    .object({
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      accuracyM: z.number().min(0).optional(),
    })
    .optional(),
  findings: text(2, 4000),
});

const common = {
  at: date.optional(),
  opinion: z.string().trim().max(2000).optional(),
  attachments: z.array(attachmentInput).max(5).default([]),
};
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...common, ...shape });

/** Records that change no state: neighbour visits, letters of evidence, notes (S1 Art.15). */
export const recordEvents = [
  ev('RECORD_NEIGHBOUR_VISIT', { investigators: names, findings: text(2, 4000) }),
  ev('RECORD_LETTER', { addressee: text(1, 120), findings: text(2, 4000) }),
  ev('NOTE', { note: text(1, 2000) }),
] as const;

export const dibaoApplicationEvent = z.discriminatedUnion('type', [
  ev('SUBMIT', {}),
  ev('NOTIFY_MISSING_MATERIALS', {
    missing: z
      .array(text(1, 200))
      .min(1, bi('须列明全部缺少的材料（S1 第十条）', 'S1 Art.10: list every missing item')),
  }),
  ev('RESUBMIT', {}),
  ev('ACCEPT', {}),
  // 不予受理 (S1 Art.10; S2 Art.12): an application the town will not take, e.g. a duplicate online one.
  ev('NOT_ACCEPTED', { reasons: text(2) }),
  ev('RECORD_CONSENT', { personId: z.uuid(), documentRef: text(1, 120) }),
  ev('START_INVESTIGATION', {}),
  ev('REQUEST_CHECK', {}),
  ev('RECORD_INVESTIGATION', {
    investigators: names,
    ...visitRecord.shape,
    facts: z.record(z.string(), z.unknown()).optional(),
  }),
  ev('NOTIFY_INELIGIBLE', { reasons: text(2) }),
  ev('APPLICANT_OBJECTS', { evidence: z.array(text(1, 200)).min(1) }),
  ev('START_RECHECK', {}),
  ev('CLOSE_REJECTED', {}),
  ev('DRAFT_OPINION', { opinion: text(2) }),
  ev('PUBLISH', {}),
  ev('OBJECTION', { summary: text(2), route: z.enum(['REINVESTIGATION', 'DEMOCRATIC_REVIEW']) }),
  ev('PUBLICITY_ENDED', {}),
  ev('NEW_OPINION', { opinion: text(2) }),
  ev('RECORD_SPECIAL_REASON', {
    reason: z.enum(['OBJECTION', 'RESIDENCE_SEPARATION', 'AWAY_FROM_HUKOU', 'HARD_TO_INVESTIGATE']),
    opinion: text(2),
  }),
  ev('START_COUNTY_REVIEW', {}),
  ev('COMPLAINT', { summary: text(2) }),
  ev('RECORD_COUNTY_HOME_VISIT', { investigators: names, ...visitRecord.shape }),
  ev('CONFIRM', {}),
  ev('REJECT', { reasons: text(2) }),
  ev('TERMINATE', { reason: text(2) }),
  ...recordEvents,
]);

export const activeEvent = z.discriminatedUnion('type', [
  ev('SCHEDULE_REVIEW', { stability: z.enum(['STABLE', 'UNSTABLE']) }),
  ev('START_REVIEW', { trigger: z.enum(['SCHEDULED', 'CHANGE_REPORTED']) }),
  ev('COMPLETE_REVIEW_NO_CHANGE', {}),
  ev('CHANGE_AMOUNT', { reason: text(2), facts: z.record(z.string(), z.unknown()).optional() }),
  ev('STOP', {
    reason: z.enum(['death', 'ineligible', 'fraud', 'job_refusals', 'moved', 'other']),
    writtenReasons: text(2),
    obtainedFen: z.number().int().min(0).optional(),
  }),
  ev('START_GRADUAL_EXIT', { months: z.number().int().min(1).max(6) }),
  ev('END_GRADUAL_EXIT', {}),
  ev('RECORD_JOB_REFUSAL', { personId: z.uuid() }),
  ev('RECORD_JOB_ACCEPTED', { personId: z.uuid() }),
  ev('RECORD_DEATH', { personId: z.uuid(), diedOn: date, lastMember: z.boolean() }),
  ev('RECORD_UNREPORTED_CHANGE', { changedOn: date }),
  ...recordEvents,
]);

export const tekunEvent = z.discriminatedUnion('type', [
  ev('ACCEPT', {}),
  // 不予受理 (S1 Art.10; S2 Art.12): an application the town will not take, e.g. a duplicate online one.
  ev('NOT_ACCEPTED', { reasons: text(2) }),
  ev('RECORD_CONSENT', { personId: z.uuid(), documentRef: text(1, 120) }),
  ev('REQUEST_CHECK', {}),
  ev('RECORD_INVESTIGATION', {
    investigators: names,
    ...visitRecord.shape,
    facts: z.record(z.string(), z.unknown()).optional(),
  }),
  ev('RECORD_DEMOCRATIC_REVIEW', {}),
  ev('DRAFT_OPINION', { opinion: text(2) }),
  ev('PUBLISH', {}),
  ev('OBJECTION', { summary: text(2) }),
  ev('PUBLICITY_ENDED', {}),
  ev('START_COUNTY_REVIEW', {}),
  ev('RECORD_SPOT_CHECK', { passed: z.boolean().optional() }),
  ev('CONFIRM', {}),
  ev('REJECT', { reasons: text(2) }),
  ev('TERMINATION_GROUND', {
    ground: z.enum([
      'DEATH_OR_MISSING',
      'WORK_CAPACITY',
      'IMPRISONED',
      'INCOME_OR_PROPERTY',
      'ABLE_SUPPORTER',
      'VOLUNTARY',
    ]),
  }),
  ev('PROPOSE_TERMINATION', { findings: text(2) }),
  ev('TERMINATION_OBJECTION', { summary: text(2) }),
  ev('DECIDE_TERMINATION', { reasons: text(2) }),
  ev('DROP_TERMINATION', { reason: text(2) }),
  /** 供养方式 (§5.4, S3 Art.19): centralised support names the institution it is paid to. */
  ev('SET_SUPPORT_MODE', {
    mode: z.enum(['DISPERSED', 'CENTRALISED']),
    institutionId: z.uuid().nullish(),
    reason: text(2),
  }),
  ...recordEvents,
]);

export const urgentEvent = z.discriminatedUnion('type', [
  ev('APPROVE_FIRST_AID', { amountFen: fen, assessment: text(2) }),
  ev('PAY_FIRST_AID', { amountFen: fen, method: z.enum(['CASH', 'TRANSFER', 'GOODS']) }),
  ev('REGULARIZE', {
    recipient: text(1, 60),
    reason: text(2),
    amountFen: fen,
    signatures: z.array(text(1, 40)).min(1),
  }),
  ev('FOLLOW_UP', { amountFen: fen }),
  ev('REFER', { to: z.enum(['DIBAO', 'TEKUN', 'MEDICAL', 'CHARITY']) }),
  ev('CLOSE', {}),
  ...recordEvents,
]);

/** 支出型临时救助 (§6.3, S7 §二): amounts in fen; per-capita income is annual disposable income. */
export const expenditureEvent = z.discriminatedUnion('type', [
  ev('ACCEPT', {}),
  ev('INVESTIGATE', {
    investigators: names,
    perCapitaIncomeFen: z.number().int().min(0).max(100_000_000),
    propertyMeetsLocalRule: z.boolean(),
    rigidSpendingFen: fen,
  }),
  ev('TOWN_OPINION', {
    recommend: z.boolean(),
    proposedAmountFen: z.number().int().min(0).max(100_000_000),
    reasons: z.string().trim().max(2000).default(''),
  }),
  ev('START_PUBLICITY', {}),
  ev('APPROVE', { amountFen: fen, meetingMinutes: z.string().trim().max(4000).optional() }),
  ev('DISBURSE', { amountFen: fen }),
  ev('CLOSE', {}),
  ...recordEvents,
]);

/** A recognised 低保边缘 / 刚性支出 household (§4, §7.2): revoked with reasons, or expired. */
export const recognitionEvent = z.discriminatedUnion('type', [
  ev('REVOKE', { reasons: text(2) }),
  ev('EXPIRE', {}),
  ...recordEvents,
]);

export type DibaoApplicationEventInput = z.input<typeof dibaoApplicationEvent>;
export type ActiveEventInput = z.input<typeof activeEvent>;
export type TekunEventInput = z.input<typeof tekunEvent>;
export type UrgentEventInput = z.input<typeof urgentEvent>;
export type CaseEventInput =
  | DibaoApplicationEventInput
  | ActiveEventInput
  | TekunEventInput
  | UrgentEventInput;

/** The events each state machine accepts, as the API validates them (shared by server and console). */
export const EVENT_UNIONS = {
  dibao: dibaoApplicationEvent,
  active: activeEvent,
  tekun: tekunEvent,
  urgent: urgentEvent,
  expenditure: expenditureEvent,
  recognition: recognitionEvent,
} as const;
export type MachineName = keyof typeof EVENT_UNIONS;

type Scheme =
  | 'DIBAO'
  | 'DIBAO_SINGLE'
  | 'TEKUN'
  | 'DIBAO_EDGE'
  | 'RIGID'
  | 'TEMP_URGENT'
  | 'TEMP_EXPENDITURE';

/** Which machine runs a case: the application machine until approval, then the active one. */
export function machineOf(scheme: Scheme, stage: 'APPLICATION' | 'ACTIVE' | 'CLOSED'): MachineName | null {
  if (scheme === 'DIBAO' || scheme === 'DIBAO_SINGLE') return stage === 'APPLICATION' ? 'dibao' : 'active';
  if (scheme === 'DIBAO_EDGE' || scheme === 'RIGID') return stage === 'APPLICATION' ? 'dibao' : 'recognition';
  if (scheme === 'TEKUN') return 'tekun';
  if (scheme === 'TEMP_URGENT') return 'urgent';
  return 'expenditure';
}
