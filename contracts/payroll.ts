import { z } from 'zod';

// Monthly payroll (M5, domain-rules §3.8, §5.4, §6.3): a run per county, scheme and month computes
// the lines (monthly amount, back-pay, reissue of failed payments, temporary disbursements), is
// reviewed against the previous month and approved by a district officer; approved lines are fixed.

const bi = (zh: string, en: string) => `${zh}||${en}`;

/** CARE (§5.4, §9.1): purchased care paid to the provider from the town's verified month (0018). */
export const PAYROLL_SCHEMES = ['DIBAO', 'TEKUN', 'TEMPORARY', 'CARE'] as const;
export type PayrollSchemeCode = (typeof PAYROLL_SCHEMES)[number];
export const PAYROLL_RUN_STATUSES = ['COMPUTING', 'REVIEW', 'APPROVED', 'FAILED'] as const;
export const PAYROLL_LINE_KINDS = ['MONTHLY', 'BACK_PAY', 'REISSUE', 'TEMPORARY', 'CARE'] as const;
export const BANK_STATUSES = ['PENDING', 'PAID', 'FAILED'] as const;

const monthStart = z.iso
  .date()
  .refine(
    (d) => d.endsWith('-01'),
    bi('发放月份须为某月 1 日', 'a payroll month is the first day of a month'),
  );

export const payrollStart = z.object({ scheme: z.enum(PAYROLL_SCHEMES), month: monthStart });

export const payrollApprove = z.object({
  note: z.string().trim().min(2, bi('请填写审批意见', 'give the approval note')).max(500),
});

export const payrollRunView = z.object({
  id: z.string(),
  scheme: z.enum(PAYROLL_SCHEMES),
  month: z.string(),
  status: z.enum(PAYROLL_RUN_STATUSES),
  jobId: z.string().nullable(),
  lineCount: z.number(),
  grossFen: z.number(),
  deductionFen: z.number(),
  netFen: z.number(),
  createdAt: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvalNote: z.string().nullable(),
});
export type PayrollRunView = z.infer<typeof payrollRunView>;

export const payrollTownTotal = z.object({
  townCode: z.string(),
  townName: z.string().nullable(),
  lines: z.number(),
  grossFen: z.number(),
  deductionFen: z.number(),
  netFen: z.number(),
});
export type PayrollTownTotal = z.infer<typeof payrollTownTotal>;

export const payrollCaseChange = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  townCode: z.string(),
  previousFen: z.number().nullable(),
  currentFen: z.number().nullable(),
});
export type PayrollCaseChange = z.infer<typeof payrollCaseChange>;

const changeList = z.object({ total: z.number(), items: z.array(payrollCaseChange) });

export const payrollReview = z.object({
  run: payrollRunView,
  previousRunId: z.string().nullable(),
  towns: z.array(payrollTownTotal),
  byKind: z.array(z.object({ kind: z.enum(PAYROLL_LINE_KINDS), lines: z.number(), netFen: z.number() })),
  newCases: changeList,
  stoppedCases: changeList,
  changedCases: changeList,
});
export type PayrollReview = z.infer<typeof payrollReview>;

export const payrollLineView = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  scheme: z.string(),
  month: z.string(),
  kind: z.enum(PAYROLL_LINE_KINDS),
  item: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  payeeNameMask: z.string().nullable(),
  /** §5.4: centralised 特困 support is paid to the institution; purchased care to the provider. */
  payee: z.enum(['HOUSEHOLD', 'INSTITUTION', 'PROVIDER']),
  institutionName: z.string().nullable(),
  entitlementVersion: z.number().nullable(),
  grossFen: z.number(),
  deductionFen: z.number(),
  netFen: z.number(),
  bankStatus: z.enum(BANK_STATUSES),
  bankReason: z.string().nullable(),
  reason: z.record(z.string(), z.unknown()),
});
export type PayrollLineView = z.infer<typeof payrollLineView>;

export const payrollLinesQuery = z.object({
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const payrollLinesPage = z.object({ total: z.number(), items: z.array(payrollLineView) });

export const casePaymentsView = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  items: z.array(payrollLineView.extend({ runStatus: z.enum(PAYROLL_RUN_STATUSES) })),
});

export const payrollLedgerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const payrollLedger = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      townCode: z.string(),
      townName: z.string().nullable(),
      scheme: z.enum(PAYROLL_SCHEMES),
      /** Net paid per month, January first (12 entries). */
      byMonthFen: z.array(z.number()),
      totalFen: z.number(),
    }),
  ),
});
export type PayrollLedger = z.infer<typeof payrollLedger>;
