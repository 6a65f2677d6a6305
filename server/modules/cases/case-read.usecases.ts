import type { z } from 'zod';
import type { CaseDetail, CaseSummary, worklistQuery } from '../../../contracts/cases.ts';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { entitlementHistory } from '../entitlements/entitlements.repository.ts';
import { getInstitution } from '../institutions/institutions.repository.ts';
import { caseNotFound, levelOf } from './case-support.ts';
import * as repo from './cases.repository.ts';
import { type ApiEvent, applyToModel, EVENT_SCHEMAS, machineOf, RECORD_ONLY } from './machines.ts';

// Reading cases: the worklist of the caller's jurisdiction sorted by deadline, and one case with
// its members (masked), timeline, entitlement versions and the events the caller may record now.

export async function listWorklist(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  q: z.output<typeof worklistQuery>,
): Promise<{ total: number; items: CaseSummary[] }> {
  requirePermission(ctx.actor, 'cases.read');
  const today = shanghaiDateOf(deps.clock.now());
  const { rows, total } = await repo.listCases(deps.db, {
    where: jurisdictionFilter(ctx.actor),
    countyCode: ctx.actor.countyCode,
    stage: q.stage,
    scheme: q.scheme,
    state: q.state,
    overdueOn: q.overdue ? today : undefined,
    q: q.q,
    offset: q.offset,
    limit: q.limit,
  });
  return { total, items: rows.map((r) => summaryOf(r, today)) };
}

function summaryOf(r: repo.CaseListRow, today: string): CaseSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    scheme: r.scheme,
    stage: r.stage,
    state: r.state,
    householdId: r.household_id ?? '',
    householdNo: r.household_no ?? '',
    applicantMask: r.name_mask,
    townCode: r.town_code,
    villageCode: r.village_code,
    channel: r.channel,
    deadline: r.deadline,
    overallDue: r.overall_due,
    nextReviewOn: r.next_review_on,
    overdue: r.stage !== 'CLOSED' && r.deadline !== null && r.deadline < today,
    appliedOn: r.applied_on,
    decidedOn: r.decided_on,
    legacy: r.legacy,
    closeRelative: r.close_relative,
    currentAmountFen: r.amount_fen ?? null,
  };
}

/** Values good enough for a dry run of every event type: the refusal code tells what is allowed. */
const DRY: Record<string, unknown> = {
  opinion: '—',
  investigators: ['甲', '乙'],
  visitMode: 'ON_SITE',
  findings: '—',
  missing: ['—'],
  reasons: '—',
  evidence: ['—'],
  summary: '—',
  route: 'REINVESTIGATION',
  trigger: 'SCHEDULED',
  stability: 'STABLE',
  months: 1,
  writtenReasons: '—',
  amountFen: 1,
  assessment: '—',
  method: 'TRANSFER',
  recipient: '—',
  signatures: ['—'],
  to: 'DIBAO',
  ground: 'VOLUNTARY',
  diedOn: '2000-01-01',
  lastMember: false,
  changedOn: '2000-01-01',
  perCapitaIncomeFen: 0,
  propertyMeetsLocalRule: true,
  rigidSpendingFen: 1,
  recommend: true,
  proposedAmountFen: 1,
};

const UNLIMITED = Number.MAX_SAFE_INTEGER;
const DRY_ENV = (today: string) => ({
  cal: DEFAULT_CALENDAR,
  on: today,
  atIso: new Date(`${today}T23:59:59+08:00`).toISOString(),
  amountFen: 1,
  spotCheck: { rate: 0.3, seed: 'dry', selected: false },
  urgentParams: { townshipApprovalLimitFen: UNLIMITED },
  expenditureParams: {
    townshipApprovalLimitFen: UNLIMITED,
    generalCapFen: UNLIMITED,
    prevYearPerCapitaIncomeFen: UNLIMITED,
    publicityRequired: false,
  },
});

export function allowedEvents(row: repo.CaseRow, ctx: RequestContext, today: string): string[] {
  if (row.stage === 'CLOSED') return [];
  const machine = machineOf(row.scheme, row.stage);
  let level: ReturnType<typeof levelOf>;
  try {
    level = levelOf(ctx);
  } catch {
    return [];
  }
  if (!machine) return [];
  const firstPerson =
    ((row.facts as { personIds?: string[] } | null)?.personIds ?? [])[0] ?? row.subject_person_id ?? '';
  const types = EVENT_SCHEMAS[machine].options.map((o) => o.shape.type.value as string);
  return types.filter((type) => {
    if (RECORD_ONLY.has(type)) return true;
    const reason = type === 'RECORD_SPECIAL_REASON' ? 'HARD_TO_INVESTIGATE' : type === 'STOP' ? 'other' : '—';
    const e = {
      ...DRY,
      type,
      at: today,
      reason,
      personId: firstPerson,
      attachments: [],
    } as unknown as ApiEvent;
    let r: ReturnType<typeof applyToModel>;
    try {
      r = applyToModel(machine, row.model, e, { role: ctx.actor.role, level }, DRY_ENV(today));
    } catch {
      // e.g. a deadline in a year the working-day calendar does not cover: offer the step and let
      // the real attempt explain the problem.
      return true;
    }
    return r.ok || !['INVALID_TRANSITION', 'FORBIDDEN_ACTOR', 'CASE_CLOSED', 'CASE_STOPPED'].includes(r.code);
  });
}

export async function getCaseDetail(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  id: string,
): Promise<CaseDetail> {
  requirePermission(ctx.actor, 'cases.read');
  const county = ctx.actor.countyCode;
  const row = await repo.getCase(deps.db, county, id);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw caseNotFound();
  const today = shanghaiDateOf(deps.clock.now());
  const [listed, events, consents, entitlements, people, institution] = await Promise.all([
    repo.listCases(deps.db, {
      where: { column: 'county_code', value: county },
      countyCode: county,
      q: row.case_no,
      offset: 0,
      limit: 1,
    }),
    repo.listEvents(deps.db, county, id),
    repo.listConsents(deps.db, county, id),
    entitlementHistory(deps.db, county, id),
    repo.casePeople(deps.db, county, id),
    row.institution_id ? getInstitution(deps.db, county, row.institution_id) : undefined,
  ]);
  const summary = summaryOf(listed.rows[0]!, today);
  const consentOf = new Map(consents.map((c) => [c.person_id, c.signed_on]));
  return {
    ...summary,
    area: row.area,
    subjectPersonId: row.subject_person_id,
    support:
      row.scheme === 'TEKUN'
        ? {
            mode: row.support_mode ?? 'DISPERSED',
            institutionId: row.institution_id,
            institutionName: institution?.name ?? null,
          }
        : null,
    version: row.version,
    model: row.model,
    facts: row.facts,
    members: people.map((p) => ({
      personId: p.id,
      nameMask: p.name_mask,
      relationCode: p.relation_code ?? '',
      consentSignedOn: consentOf.get(p.id) ?? null,
    })),
    timeline: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      on: e.on_date,
      stateBefore: e.state_before,
      stateAfter: e.state_after,
      actorName: e.actor_name,
      actorRole: e.actor_role,
      opinion: e.opinion,
      payload: e.payload,
      attachments: (e.attachments as { id: string; kind: string; filename: string }[]).map((a) => ({
        id: a.id,
        kind: a.kind,
        filename: a.filename,
      })),
      recordedAt: e.recorded_at.toISOString(),
    })),
    entitlements: entitlements.map((v) => ({
      version: v.version,
      effectiveFrom: v.effective_from,
      amountFen: v.amount_fen,
      method: v.method,
      source: v.source,
      breakdown: v.breakdown,
    })),
    allowedEvents: allowedEvents(row, ctx, today),
  };
}
