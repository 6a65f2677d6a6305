import type { Transaction } from 'kysely';
import type {
  CheckPurpose,
  CheckReportRef,
  CheckRequestView,
  DirectCheckInput,
} from '../../../contracts/checks.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { CheckSubjectRow } from '../../db/schema-verification.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import {
  addWorkingDays,
  CalendarCoverageError,
  DEFAULT_CALENDAR,
  DIBAO_CHECK_START_WD,
} from '../../rules/calendar.ts';
import { caseNotFound } from '../cases/case-support.ts';
import { type CaseRow, casePeople, getCase, listConsents } from '../cases/cases.repository.ts';
import { checkErrors } from './verification.errors.ts';
import * as repo from './verification.repository.ts';

// Check requests (核对申请, domain-rules §8.3): made by the case's REQUEST_CHECK step (in the case
// event's own transaction) or filed directly for a review, an alert or another province. Either
// way every subject must have signed the check authorisation (§2.2; S1 Art.9(三); S2 Art.10), and
// the county must start within 3 working days (S1 Art.17).

export type VerificationDeps = { db: Database; clock: Clock };
type Trx = Transaction<DB>;

/** S1 Art.17's 3 working days; S2 sets none for 特困, so the same limit applies there. */
function startByOf(on: string): string {
  try {
    return addWorkingDays(on, DIBAO_CHECK_START_WD, DEFAULT_CALENDAR);
  } catch (err) {
    if (err instanceof CalendarCoverageError)
      throw checkErrors.calendarNotCovered(err.messageZh, err.messageEn, err.year);
    throw err;
  }
}

/** The subjects with their consent on file; refuses (naming them, masked) if anyone has not signed. */
async function subjectsWithConsent(
  trx: Trx,
  county: string,
  caseId: string,
  wanted: readonly { personId: string; kind: 'MEMBER' | 'SUPPORTER' }[],
): Promise<CheckSubjectRow[]> {
  const consents = new Map((await listConsents(trx, county, caseId)).map((c) => [c.person_id, c]));
  const missing = wanted.filter((w) => !consents.has(w.personId));
  if (missing.length > 0) {
    const masks = new Map(
      (
        await repo.personsByIds(
          trx,
          county,
          missing.map((m) => m.personId),
        )
      ).map((p) => [p.id, p.name_mask]),
    );
    throw checkErrors.consentMissing(missing.map((m) => masks.get(m.personId) ?? m.personId));
  }
  return wanted.map((w) => {
    const c = consents.get(w.personId)!;
    return { ...w, consentSignedOn: c.signed_on, consentRef: c.document_ref };
  });
}

/** 特困 supporters (法定义务人) named on the case's model; everyone else checked is a member. */
function supporterIds(model: unknown): Set<string> {
  const persons = (model as { persons?: { id: string; kind: string }[] } | null)?.persons ?? [];
  return new Set(persons.filter((p) => p.kind === 'SUPPORTER').map((p) => p.id));
}

async function insertRequest(
  trx: Trx,
  ctx: RequestContext,
  at: Date,
  row: CaseRow,
  r: {
    purpose: CheckPurpose;
    on: string;
    startBy: string;
    subjects: CheckSubjectRow[];
    seq: number | null;
    note: string | null;
  },
): Promise<string> {
  const id = await repo.insertRequest(trx, {
    county_code: row.county_code,
    case_id: row.id,
    case_event_seq: r.seq,
    purpose: r.purpose,
    town_code: row.town_code,
    village_code: row.village_code,
    subjects: JSON.stringify(r.subjects),
    note: r.note,
    requested_by: auditActor(ctx).actorId,
    requested_by_name: ctx.actor.displayName,
    requested_on: r.on,
    requested_at: at,
    start_by: r.startBy,
    status: 'REQUESTED',
  });
  await appendAudit(trx, at, [
    {
      countyCode: row.county_code,
      ...auditActor(ctx),
      action: 'checks.requested',
      recordType: 'check_request',
      recordId: id,
      detail: {
        caseId: row.id,
        caseNo: row.case_no,
        purpose: r.purpose,
        subjects: r.subjects.length,
        startBy: r.startBy,
      },
    },
  ]);
  return id;
}

/**
 * Hook of the case-event use case: a machine's CHECK_REQUESTED effect (低保 / 特困 REQUEST_CHECK)
 * opens the request in the same transaction as the timeline entry, for the people the machine
 * checked consent for. The 低保 machine computed the county's start-by date; 特困's is computed here.
 */
export async function onCheckEffects(
  trx: Trx,
  ctx: RequestContext,
  at: Date,
  row: CaseRow,
  model: Record<string, unknown>,
  effects: readonly { type: string }[],
  on: string,
): Promise<void> {
  const effect = effects.find((x) => x.type === 'CHECK_REQUESTED') as { countyStartBy?: string } | undefined;
  if (!effect) return;
  const m = model as { members?: { id: string }[]; persons?: { id: string; kind: string }[] };
  const wanted = m.persons
    ? m.persons.map((p) => ({
        personId: p.id,
        kind: p.kind === 'SUPPORTER' ? ('SUPPORTER' as const) : ('MEMBER' as const),
      }))
    : (m.members ?? []).map((x) => ({ personId: x.id, kind: 'MEMBER' as const }));
  const subjects = await subjectsWithConsent(trx, row.county_code, row.id, wanted);
  const purpose: CheckPurpose = row.stage === 'ACTIVE' ? 'PERIODIC_REVIEW' : 'NEW_APPLICATION';
  const startBy = effect.countyStartBy ?? startByOf(on);
  await insertRequest(trx, ctx, at, row, {
    purpose,
    on,
    startBy,
    subjects,
    seq: row.version + 1,
    note: null,
  });
}

/** A request filed directly (review, alert, another province): consent on file for every subject. */
export async function requestCheck(
  deps: VerificationDeps,
  ctx: RequestContext,
  input: DirectCheckInput,
): Promise<{ id: string; startBy: string }> {
  requirePermission(ctx.actor, 'checks.request');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const on = shanghaiDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const row = await getCase(trx, county, input.caseId);
    if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw caseNotFound();
    const people = await casePeople(trx, county, row.id);
    const supporters = supporterIds(row.model);
    const known = new Set(people.map((p) => p.id));
    const ids = input.personIds ?? people.map((p) => p.id);
    if (ids.length === 0 || ids.some((id) => !known.has(id))) throw checkErrors.notCaseSubject();
    const wanted = [...new Set(ids)].map((personId) => ({
      personId,
      kind: supporters.has(personId) ? ('SUPPORTER' as const) : ('MEMBER' as const),
    }));
    const subjects = await subjectsWithConsent(trx, county, row.id, wanted);
    const startBy = startByOf(on);
    const id = await insertRequest(trx, ctx, at, row, {
      purpose: input.purpose,
      on,
      startBy,
      subjects,
      seq: null,
      note: input.note ?? null,
    });
    return { id, startBy };
  });
}

export const reportRef = (r: repo.ReportRow): CheckReportRef => ({
  id: r.id,
  reportNo: r.report_no,
  version: r.version,
  generatedAt: r.generated_at.toISOString(),
  objectionUntil: r.objection_until,
  suspectCount: r.suspect_count,
  excludesCount: r.excludes_count,
  printCount: r.print_count,
});

export async function requestView(
  db: Database,
  req: repo.RequestRow,
  caseNo: string,
  reports: readonly repo.ReportRow[],
  today: string,
): Promise<CheckRequestView> {
  const subjects = req.subjects as CheckSubjectRow[];
  const masks = new Map(
    (
      await repo.personsByIds(
        db,
        req.county_code,
        subjects.map((s) => s.personId),
      )
    ).map((p) => [p.id, p.name_mask]),
  );
  return {
    id: req.id,
    caseId: req.case_id,
    caseNo,
    purpose: req.purpose,
    status: req.status,
    subjects: subjects.map((s) => ({ ...s, nameMask: masks.get(s.personId) ?? '' })),
    requestedByName: req.requested_by_name,
    requestedOn: req.requested_on,
    startBy: req.start_by,
    startedAt: req.started_at?.toISOString() ?? null,
    startedByName: req.started_by_name,
    startedLate: req.started_late,
    overdue: req.status === 'REQUESTED' && today > req.start_by,
    note: req.note,
    reports: reports.filter((r) => r.request_id === req.id).map(reportRef),
  };
}

/** The case's check requests (newest first) with their report versions. */
export async function listCaseChecks(
  deps: VerificationDeps,
  ctx: RequestContext,
  caseId: string,
): Promise<CheckRequestView[]> {
  requirePermission(ctx.actor, 'checks.read');
  const county = ctx.actor.countyCode;
  const row = await getCase(deps.db, county, caseId);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw caseNotFound();
  const requests = await repo.requestsOfCase(deps.db, county, caseId);
  const reports = await repo.reportsOfRequests(
    deps.db,
    county,
    requests.map((r) => r.id),
  );
  const today = shanghaiDateOf(deps.clock.now());
  const out: CheckRequestView[] = [];
  for (const r of requests) out.push(await requestView(deps.db, r, row.case_no, reports, today));
  return out;
}

/**
 * Hook of the case-event use case on CONFIRM (§2.5 容错: the decision keeps its evidence): the id
 * and version of the newest check report of the case, for the timeline payload. Nothing when the
 * case has no report (migrated and older cases decided before checks were recorded).
 */
export async function citedCheckReport(trx: Trx, row: Pick<CaseRow, 'county_code' | 'id'>) {
  const r = await repo.latestReportOfCase(trx, row.county_code, row.id);
  return r
    ? {
        checkReport: {
          id: r.id,
          reportNo: r.report_no,
          version: r.version,
          generatedAt: r.generated_at.toISOString(),
        },
      }
    : {};
}
