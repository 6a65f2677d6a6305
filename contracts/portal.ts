import { z } from 'zod';

// The public portal 救助服务码上通 (domain-rules §9.5, §2.2): 码上查 public notices, 码上办 online
// application with a phone verification code, status tracking, objections and 12349 complaints.
// Every route under /api/public/ is reachable without a session, rate-limited, and never returns an
// ID number, an address, a phone or a health detail (§2.2; a test walks them all).

export const PORTAL_TOKEN_HEADER = 'x-portal-token';
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'a mainland mobile number of 11 digits');
const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '18 characters: 17 digits and a digit or X');

export const publicVillage = z.object({ code: z.string(), name: z.string() });
export const publicTown = z.object({ code: z.string(), name: z.string(), villages: z.array(publicVillage) });
export const publicDivisions = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  /** 12349 and the bureau's own line, printed on notices (§2.2). */
  hotlines: z.array(z.string()),
  towns: z.array(publicTown),
});
export type PublicDivisions = z.infer<typeof publicDivisions>;

// ── 码上查 ────────────────────────────────────────────────────────────────────────────────────
export const noticeQuery = z.object({
  villageCode: z.string().regex(/^\d{12}$/, 'a 12-digit village code'),
  /** A name fragment to search the village's lists (compared against the masked name shown). */
  q: z.string().trim().max(20).optional(),
});
/** 初审公示 (§2.2 recommended minimal set [U]). */
export const publicityNotice = z.object({
  id: z.string(),
  scheme: z.string(),
  schemeName: z.string(),
  /** Masked on the internet by default (parameter portal.maskNamesOnline). */
  applicantName: z.string(),
  householdSize: z.number(),
  opinion: z.string(),
  monthlyAmountFen: z.number().nullable(),
  postedOn: date,
  endsOn: date,
  objectionOpen: z.boolean(),
});
/** 长期公布: applicant's name, household size and amount only (S1 Art.24; S5 §四(二)). */
export const recipientNotice = z.object({
  scheme: z.string(),
  schemeName: z.string(),
  applicantName: z.string(),
  householdSize: z.number(),
  monthlyAmountFen: z.number(),
});
export const noticesView = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  townName: z.string(),
  hotlines: z.array(z.string()),
  publicity: z.array(publicityNotice),
  recipients: z.array(recipientNotice),
});
export type NoticesView = z.infer<typeof noticesView>;

// ── Identity by ID number and a phone verification code ───────────────────────────────────────
export const otpRequest = z.object({
  idNumber,
  phone,
  /** The village of the poster (QR code), when known; only needed where one instance serves several counties. */
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
/** The same answer whether or not the ID number is known (no registry oracle). */
export const otpSent = z.object({ sent: z.literal(true), resendAfterSeconds: z.number() });
export const sessionRequest = z.object({
  idNumber,
  phone,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'the 6-digit code'),
});
export const portalSession = z.object({
  token: z.string(),
  expiresAt: z.string(),
  /** The same limit as a duration: a phone's clock may differ from the server's. */
  expiresInSeconds: z.number(),
  phoneMask: z.string(),
});
export type PortalSession = z.infer<typeof portalSession>;

// ── 码上办 ────────────────────────────────────────────────────────────────────────────────────
export const PORTAL_SCHEMES = ['DIBAO', 'TEKUN'] as const;
export const portalMember = z.object({
  name: z.string().trim().min(1).max(30),
  idNumber,
  /** GB/T 4761 relation to the applicant (contracts/benefits RELATIONS codes). */
  relation: z.string().trim().min(1).max(4),
});
export const portalApplicationInput = z.object({
  scheme: z.enum(PORTAL_SCHEMES),
  /** From the poster's QR code, or chosen; a household already in the registry keeps its own village. */
  villageCode: z.string().regex(/^\d{12}$/),
  applicantName: z.string().trim().min(1).max(30),
  /** Other members living together (§3.2), the applicant excluded. */
  members: z.array(portalMember).max(11).default([]),
  address: z.string().trim().min(2).max(120),
  reason: z.string().trim().min(2).max(800),
  /** The household's declared monthly income, yuan; verified by the economic check. */
  monthlyIncomeYuan: z.number().min(0).max(1_000_000),
  attachmentIds: z.array(z.string().uuid()).max(20).default([]),
  /** 授权核对家庭经济状况 (S1 Art.9(三)): the applicant's own, and declared for the members. */
  consent: z.literal(true),
  /** 承诺书 (S5 §一(二)): the pledge text version the applicant accepted. */
  pledge: z.literal(true),
});
export type PortalApplicationInput = z.input<typeof portalApplicationInput>;
export const portalApplicationCreated = z.object({ id: z.string(), caseNo: z.string(), state: z.string() });
export const portalUpload = z.object({ attachmentId: z.string(), fileName: z.string(), bytes: z.number() });

export const portalTimelineStep = z.object({
  on: date,
  type: z.string(),
  label: z.string(),
  labelEn: z.string(),
  state: z.string(),
});
export const myApplication = z.object({
  id: z.string(),
  caseNo: z.string(),
  scheme: z.string(),
  schemeName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateLabelEn: z.string(),
  appliedOn: date,
  townName: z.string(),
  villageName: z.string(),
  /** The case's own timeline, without staff names or opinions on other people. */
  timeline: z.array(portalTimelineStep),
});
export type MyApplication = z.infer<typeof myApplication>;
export const myApplications = z.object({ items: z.array(myApplication) });

// ── Objections and 12349 complaints ───────────────────────────────────────────────────────────
export const objectionInput = z.object({
  /** The publicity notice's id (码上查). */
  noticeId: z.string().uuid(),
  content: z.string().trim().min(5).max(800),
  /** Real-name objections get feedback; anonymous ones are still registered. */
  contactName: z.string().trim().max(30).optional(),
  contactPhone: phone.optional(),
});
export const complaintInput = z.object({
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  category: z.enum(['ASSISTANCE_WRONG', 'STAFF_CONDUCT', 'SERVICE_DELAY', 'POLICY_QUESTION', 'OTHER']),
  content: z.string().trim().min(5).max(2000),
  contactName: z.string().trim().max(30).optional(),
  contactPhone: phone.optional(),
});
export const PORTAL_COMPLAINT_CATEGORIES = {
  ASSISTANCE_WRONG: { zh: '救助对象认定有误', en: 'Wrong inclusion or exclusion' },
  STAFF_CONDUCT: { zh: '工作人员作风', en: 'Staff conduct' },
  SERVICE_DELAY: { zh: '办理拖延', en: 'Delay' },
  POLICY_QUESTION: { zh: '政策咨询', en: 'Policy question' },
  OTHER: { zh: '其他', en: 'Other' },
} as const;
/** Both get a tracking number and a query code: together they read the feedback (no login). */
export const submissionReceipt = z.object({
  trackingNo: z.string(),
  queryCode: z.string(),
  feedbackDueOn: date,
});
export const trackingQuery = z.object({ queryCode: z.string().trim().min(6).max(12) });
export const submissionStatus = z.object({
  trackingNo: z.string(),
  kind: z.enum(['OBJECTION', 'COMPLAINT']),
  state: z.enum(['RECEIVED', 'IN_PROGRESS', 'ANSWERED']),
  receivedOn: date,
  feedbackDueOn: date,
  feedback: z.string().nullable(),
  answeredOn: date.nullable(),
});
export type SubmissionStatus = z.infer<typeof submissionStatus>;

// ── Staff side ────────────────────────────────────────────────────────────────────────────────
export const submissionView = z.object({
  id: z.string(),
  trackingNo: z.string(),
  kind: z.enum(['OBJECTION', 'COMPLAINT']),
  category: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  townCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  villageName: z.string().nullable(),
  content: z.string(),
  realName: z.boolean(),
  contactNameMask: z.string().nullable(),
  contactPhoneMask: z.string().nullable(),
  receivedOn: date,
  feedbackDueOn: date,
  overdue: z.boolean(),
  state: z.enum(['RECEIVED', 'IN_PROGRESS', 'ANSWERED']),
  feedback: z.string().nullable(),
  answeredOn: date.nullable(),
  answeredBy: z.string().nullable(),
});
export type SubmissionView = z.infer<typeof submissionView>;
export const submissionPage = z.object({ total: z.number(), items: z.array(submissionView) });
export const feedbackInput = z.object({
  feedback: z.string().trim().min(2).max(2000),
  /** For an objection during publicity: also record it on the case (OBJECTION event) with this route. */
  caseRoute: z.enum(['REINVESTIGATION', 'DEMOCRATIC_REVIEW']).optional(),
  /** An interim answer (still being checked): the state becomes IN_PROGRESS instead of ANSWERED. */
  interim: z.boolean().optional(),
});
/** Query of the staff inbox (GET /api/v1/portal/submissions). */
export const submissionListQuery = z.object({
  kind: z.enum(['OBJECTION', 'COMPLAINT']).optional(),
  state: z.enum(['RECEIVED', 'IN_PROGRESS', 'ANSWERED']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/** Query of the SMS outbox (GET /api/v1/portal/sms-outbox), newest first. */
export const smsOutboxQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const smsOutboxItem = z.object({
  id: z.string(),
  phoneMask: z.string(),
  template: z.string(),
  /** The message as sent. Verification codes are shown so a bureau without an SMS gateway can relay them. */
  body: z.string(),
  createdAt: z.string(),
  status: z.enum(['QUEUED', 'SENT', 'FAILED']),
});
export const smsOutboxPage = z.object({ total: z.number(), items: z.array(smsOutboxItem) });

export const posterInput = z.object({
  /** A village poster (the QR code preselects it), or a free location with its own label. */
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  location: z.string().trim().min(2).max(40).optional(),
});
