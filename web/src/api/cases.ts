// Cases (申请审批与在保对象): the worklist, applications, one case with its timeline, and the steps
// recorded on it. Shapes come from contracts/cases.ts and contracts/case-events.ts.
import type { z } from 'zod';
import type { AttachmentInput } from '../../../contracts/case-events.ts';
import type {
  ApplicationInput,
  CaseDetail,
  CaseScheme,
  CaseSummary,
  caseEventView,
  entitlementView,
} from '../../../contracts/cases.ts';
import { apiGet, apiPost } from './client.ts';

export type { ApplicationInput, AttachmentInput, CaseDetail, CaseScheme, CaseSummary };
export type CaseEventView = z.infer<typeof caseEventView>;
export type EntitlementView = z.infer<typeof entitlementView>;
export type CaseStage = CaseSummary['stage'];

export type WorklistQuery = {
  stage?: CaseStage;
  scheme?: CaseScheme;
  state?: string;
  overdue?: boolean;
  q?: string;
  offset: number;
  limit: number;
};

/** A step on a case: the event's fields plus the version the caseworker saw. */
export type CaseEventBody = { type: string; expectedVersion: number } & Record<string, unknown>;
export type CaseEventResult = { version: number; state: string; stage: string };

export type ReminderKind = 'DUE_SOON' | 'OVERDUE' | 'REVIEW_DUE';
export type Reminder = {
  id: string;
  kind: ReminderKind;
  dueOn: string;
  raisedOn: string;
  caseId: string;
  caseNo: string;
  scheme: CaseScheme;
  state: string;
  villageCode: string;
};

const one = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

/** PDFs the server renders (and audits) on each request; opened in a new tab with the session cookie. */
export const caseDocuments = {
  decision: (id: string) => `${one(id)}/documents/decision.pdf`,
  certificate: (id: string) => `${one(id)}/documents/certificate.pdf`,
  publicity: (villageCode: string) => `/api/v1/publicity/${encodeURIComponent(villageCode)}.pdf`,
};

export const casesApi = {
  worklist: (q: WorklistQuery) =>
    apiGet<{ total: number; items: CaseSummary[] }>('/api/v1/cases', {
      ...q,
      overdue: q.overdue ? true : undefined,
    }),
  apply: (input: ApplicationInput) =>
    apiPost<{ id: string; caseNo: string }>('/api/v1/cases/applications', input),
  detail: (id: string) => apiGet<CaseDetail>(one(id)),
  record: (id: string, body: CaseEventBody) => apiPost<CaseEventResult>(`${one(id)}/events`, body),
  reminders: (page: { offset: number; limit: number }) =>
    apiGet<{ total: number; items: Reminder[] }>('/api/v1/reminders', page),
};
