import { z } from 'zod';

// Family economic-status checks (家庭经济状况核对, domain-rules §8.3): the request, the versioned report
// and its item results. Shared by the server (routes) and the console (the report viewer).

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const CHECK_PURPOSES = [
  'NEW_APPLICATION',
  'PERIODIC_REVIEW',
  'ALERT_VERIFY',
  'OTHER_PROVINCE_REQUEST',
] as const;
export type CheckPurpose = (typeof CHECK_PURPOSES)[number];
/** Purposes a caseworker files directly; NEW_APPLICATION comes only from the case's REQUEST_CHECK step. */
export const DIRECT_CHECK_PURPOSES = ['PERIODIC_REVIEW', 'ALERT_VERIFY', 'OTHER_PROVINCE_REQUEST'] as const;

export const CHECK_PURPOSE_NAMES: Record<CheckPurpose, { zh: string; en: string }> = {
  NEW_APPLICATION: { zh: '新申请核对', en: 'New application' },
  PERIODIC_REVIEW: { zh: '定期复核', en: 'Periodic review' },
  ALERT_VERIFY: { zh: '预警核实', en: 'Alert verification' },
  OTHER_PROVINCE_REQUEST: { zh: '外省协查', en: 'Request from another province' },
};

/** REQUESTED → STARTED (the county began, S1 Art.17) → REPORTED (at least one report version). */
export const CHECK_STATUSES = ['REQUESTED', 'STARTED', 'REPORTED'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** NONE: nothing to verify; SUSPECT: verify before deciding; EXCLUDES: the item excludes the person or household. */
export const SUSPICION = ['NONE', 'SUSPECT', 'EXCLUDES'] as const;
export type Suspicion = (typeof SUSPICION)[number];

/**
 * The objection period printed on a report: "5 days" [V2 S12; domain-rules §2.2, §8.3]. The source
 * does not say 工作日, and §2.1 reads a bare "N天" (like the 7-day publicity) as calendar days counted
 * from the day after, so the period ends 5 calendar days after the report date.
 */
export const CHECK_OBJECTION_DAYS = 5;
/** The watermark and footer sentence (§2.2: real reports are stamped for assistance review only). */
export const CHECK_RESTRICTED_USE = '仅限社会救助审核使用';

export const directCheckInput = z.object({
  caseId: z.uuid(),
  purpose: z.enum(DIRECT_CHECK_PURPOSES),
  /** The subjects to check; all of the case's members (and 特困 supporters) when absent. */
  personIds: z.array(z.uuid()).min(1).max(50).optional(),
  note: z.string().trim().max(500, bi('说明不超过 500 字', 'a note of at most 500 characters')).optional(),
});
export type DirectCheckInput = z.infer<typeof directCheckInput>;

export const checkSubjectView = z.object({
  personId: z.string(),
  kind: z.enum(['MEMBER', 'SUPPORTER']),
  nameMask: z.string(),
  consentSignedOn: z.string(),
  consentRef: z.string(),
});
export type CheckSubjectView = z.infer<typeof checkSubjectView>;

export const checkReportRef = z.object({
  id: z.string(),
  reportNo: z.string(),
  version: z.number(),
  generatedAt: z.string(),
  objectionUntil: z.string(),
  suspectCount: z.number(),
  excludesCount: z.number(),
  printCount: z.number(),
});
export type CheckReportRef = z.infer<typeof checkReportRef>;

export const checkRequestView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  purpose: z.enum(CHECK_PURPOSES),
  status: z.enum(CHECK_STATUSES),
  subjects: z.array(checkSubjectView),
  requestedByName: z.string(),
  requestedOn: z.string(),
  startBy: z.string(),
  startedAt: z.string().nullable(),
  startedByName: z.string().nullable(),
  startedLate: z.boolean().nullable(),
  overdue: z.boolean(),
  note: z.string().nullable(),
  reports: z.array(checkReportRef),
});
export type CheckRequestView = z.infer<typeof checkRequestView>;

export const checkItemView = z.object({
  seq: z.number(),
  personId: z.string(),
  personRole: z.enum(['MEMBER', 'SUPPORTER']),
  nameMask: z.string(),
  source: z.string(),
  itemType: z.string(),
  occurredOn: z.string(),
  batchId: z.string(),
  deliveredAt: z.string(),
  raw: z.record(z.string(), z.unknown()),
  normalized: z.record(z.string(), z.unknown()),
  suspicious: z.enum(SUSPICION),
  ruleHits: z.array(z.string()),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export type CheckItemView = z.infer<typeof checkItemView>;

export const checkReportView = checkReportRef.extend({
  requestId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  purpose: z.enum(CHECK_PURPOSES),
  asOf: z.string(),
  generatedByName: z.string(),
  /** §8.3 sections: basic (household, supporters, integrity), property (per-source tables), summary, footer. */
  sections: z.record(z.string(), z.unknown()),
  items: z.array(checkItemView),
  /** Every version of the same request, for the version switcher. */
  versions: z.array(checkReportRef),
  /** The caller may start or re-run the check (district level with checks.request). */
  canRerun: z.boolean(),
});
export type CheckReportView = z.infer<typeof checkReportView>;

/** The shape of check_report.sections (written by the server, read by the console). */
export type ReportPerson = {
  personId: string;
  nameMask: string;
  idMask: string;
  relationCode: string | null;
  consentSignedOn: string;
  consentRef: string;
  /** Set when a record excludes the person from the household (S1 Art.7), e.g. serving a sentence. */
  excluded: { ruleId: string; zh: string; en: string } | null;
};
export type ReportSourceTable = {
  source: string;
  zh: string;
  en: string;
  deptZh: string;
  deptEn: string;
  level: string;
  window: { kind: 'HOLDING' | 'SNAPSHOT' | 'FLOW'; from: string | null; to: string };
  count: number;
  suspect: number;
  excludes: number;
};
export type ReportFlag = {
  ruleId: string;
  suspicious: Suspicion;
  zh: string;
  en: string;
  rule: string;
  count: number;
};
export type ReportSections = {
  basic: {
    caseNo: string;
    scheme: string;
    area: 'urban' | 'rural';
    householdNo: string | null;
    villageCode: string;
    members: ReportPerson[];
    supporters: ReportPerson[];
    integrity: { kind: string; foundOn: string; obtainedFen: number; note: string }[];
  };
  property: ReportSourceTable[];
  summary: {
    flags: ReportFlag[];
    suspectCount: number;
    excludesCount: number;
    changes: { fromVersion: number; added: string[]; removed: string[] } | null;
  };
  footer: { objectionDays: number; objectionUntil: string; restrictedUse: string };
};
