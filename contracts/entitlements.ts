import { z } from 'zod';

// Recalculation after a standard change (§9.4): a run computes every active case's amount under
// the new parameters and lists the changes, which a district officer approves or rejects whole.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const RECALC_STATUSES = [
  'COMPUTING',
  'PENDING',
  'APPROVED',
  'REJECTED',
  'SUPERSEDED',
  'FAILED',
] as const;

export const recalcRunView = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  computedOn: z.string(),
  status: z.enum(RECALC_STATUSES),
  jobId: z.string().nullable(),
  trigger: z.string(),
  casesChecked: z.number(),
  casesChanged: z.number(),
  casesIneligible: z.number(),
  monthlyDeltaFen: z.number(),
  backPayFen: z.number(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type RecalcRunView = z.infer<typeof recalcRunView>;

export const recalcChangeView = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  scheme: z.string(),
  villageCode: z.string(),
  oldFen: z.number(),
  newFen: z.number(),
  appliesFrom: z.string(),
  backPayMonths: z.number(),
  backPayFen: z.number(),
  outcome: z.enum(['CHANGE', 'INELIGIBLE']),
});
export type RecalcChangeView = z.infer<typeof recalcChangeView>;

export const recalcChangesPage = z.object({
  run: recalcRunView,
  total: z.number(),
  items: z.array(recalcChangeView),
});

export const recalcStart = z.object({
  effectiveFrom: z.iso
    .date()
    .refine(
      (d) => d.endsWith('-01'),
      bi('重算从某月 1 日起', 'a recalculation starts on the first day of a month'),
    ),
});

export const recalcDecision = z.object({
  reason: z.string().trim().min(2, bi('请填写审批意见', 'give the reason for the decision')).max(500),
});
