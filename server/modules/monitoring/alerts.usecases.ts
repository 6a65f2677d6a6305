import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  type AlertDetail,
  type AlertState,
  type AlertSummary,
  type alertListQuery,
  closeInput,
  type DisposeInput,
  disposeInput,
  verifyInput,
} from '../../../contracts/alerts.ts';
import { can } from '../../../contracts/roles.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors, fieldError } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import {
  type AlertCommand,
  type AlertSnapshot,
  allowedActions,
  checkApplicationLink,
  isOverdue,
  type Level,
  type Refusal,
  transition,
} from './alerts.models.ts';
import * as repo from './alerts.repository.ts';

// Alert handling (§7.4; S6 §三(四)): the worklist per role, one alert with its evidence and timeline,
// and the steps verify → dispose → close, each through the pure machine in one transaction with its
// timeline entry and audit record. A village assistant sees and handles only their village's alerts,
// a town officer their town's, the district all (architecture convention 7).

export type AlertDeps = { db: Database; clock: Clock };

const notFound = () => errors.notFound('预警', 'alert', 'alerts.not_found');
const refusal = (r: Refusal) => new AppError(r.code, 409, r.zh, r.en);
export const levelOf = (ctx: RequestContext): Level =>
  ctx.actor.jurisdictionCode.length === 12
    ? 'village'
    : ctx.actor.jurisdictionCode.length === 9
      ? 'town'
      : 'county';

const snapshot = (r: repo.AlertRow): AlertSnapshot => ({
  state: r.state as AlertState,
  raisedOn: r.raised_on,
  dueOn: r.due_on,
  verifiedOn: r.verified_on,
  assigneeLevel: r.assignee_level,
  escalatedOn: r.escalated_on,
  householdId: r.household_id,
});

/** The division an alert belongs to, for the jurisdiction check (district-only alerts: the county). */
const divisionOf = (r: Pick<repo.AlertRow, 'village_code' | 'town_code' | 'county_code'>) =>
  r.village_code ?? r.town_code ?? r.county_code;

function summary(
  r: repo.AlertRow & { name_mask: string | null; id_number_mask: string | null },
  today: string,
): AlertSummary {
  return {
    id: r.id,
    ruleCode: r.rule_code,
    alertType: r.alert_type as AlertSummary['alertType'],
    category: r.category as AlertSummary['category'],
    state: r.state as AlertState,
    personId: r.person_id,
    personName: r.name_mask,
    personIdMask: r.id_number_mask,
    householdId: r.household_id,
    caseId: r.case_id,
    townCode: r.town_code,
    villageCode: r.village_code,
    assigneeLevel: r.assignee_level,
    assigneeCode: r.assignee_code,
    raisedOn: r.raised_on,
    dueOn: r.due_on,
    overdue: isOverdue({ dueOn: r.due_on, verifiedOn: r.verified_on }, today),
    escalatedOn: r.escalated_on,
    version: r.version,
  };
}

export async function listAlerts(deps: AlertDeps, ctx: RequestContext, q: z.output<typeof alertListQuery>) {
  requirePermission(ctx.actor, 'alerts.read');
  const today = shanghaiDateOf(deps.clock.now());
  const f = jurisdictionFilter(ctx.actor);
  const { rows, total } = await repo.listAlerts(
    deps.db,
    { county: ctx.actor.countyCode, ...f },
    { ...q, today },
  );
  return { total, items: rows.map((r) => summary(r, today)) };
}

export async function getAlert(deps: AlertDeps, ctx: RequestContext, id: string): Promise<AlertDetail> {
  requirePermission(ctx.actor, 'alerts.read');
  const r = await repo.getAlert(deps.db, ctx.actor.countyCode, id);
  if (!r || !withinJurisdiction(ctx.actor, divisionOf(r))) throw notFound();
  const events = await repo.listEvents(deps.db, ctx.actor.countyCode, id);
  return {
    ...summary(r, shanghaiDateOf(deps.clock.now())),
    evidence: r.evidence,
    verification: r.verification,
    disposition: r.disposition as AlertDetail['disposition'],
    dispositionDetail: r.disposition_detail,
    linkedCaseId: r.linked_case_id,
    feedback: r.feedback,
    legalBasis: r.legal_basis,
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      onDate: e.on_date,
      stateBefore: e.state_before,
      stateAfter: e.state_after,
      actorName: e.actor_name,
      note: e.note,
      payload: e.payload,
    })),
    allowed: can(ctx.actor.role, 'alerts.handle') ? allowedActions(snapshot(r), levelOf(ctx)) : [],
  };
}

type Step = {
  cmd: AlertCommand;
  version?: number | undefined;
  note: string | null;
  payload: Record<string, unknown>;
  patch: (row: repo.AlertRow) => repo.AlertPatch;
  /** Checks that need the database (linked cases), read through the step's transaction. */
  prepare?: (trx: Transaction<DB>, row: repo.AlertRow) => Promise<repo.AlertPatch>;
  action: string;
};

async function act(deps: AlertDeps, ctx: RequestContext, id: string, step: Step) {
  const at = deps.clock.now();
  await deps.db.transaction().execute((trx) => actIn(trx, ctx, at, id, step));
  return getAlert(deps, ctx, id);
}

/** One step inside the caller's transaction: lock, machine, write with its timeline entry, audit. */
async function actIn(trx: Transaction<DB>, ctx: RequestContext, at: Date, id: string, step: Step) {
  requirePermission(ctx.actor, 'alerts.handle');
  const county = ctx.actor.countyCode;
  if (step.cmd.on > shanghaiDateOf(at))
    throw fieldError('on', '日期不能晚于今天', 'the date cannot be in the future');
  const row = await repo.lockAlert(trx, county, id);
  if (!row || !withinJurisdiction(ctx.actor, divisionOf(row))) throw notFound();
  if (step.version !== undefined && step.version !== row.version)
    throw errors.conflict(
      'alerts.version_conflict',
      '预警已被他人更新，请刷新后重试',
      'the alert was changed by someone else; reload',
      {
        current: row.version,
      },
    );
  const r = transition(snapshot(row), step.cmd, { level: levelOf(ctx) });
  if (!r.ok) throw refusal(r);
  // The database checks read through the same transaction (PGlite has one connection).
  const extra = step.prepare ? await step.prepare(trx, row) : {};
  await repo.writeStep(
    trx,
    row,
    { state: r.next.state, ...step.patch(row), ...extra },
    {
      type: step.cmd.type,
      on: step.cmd.on,
      stateAfter: r.next.state,
      actorId: auditActor(ctx).actorId,
      actorName: ctx.actor.displayName,
      actorRole: ctx.actor.role,
      note: step.note,
      payload: { ...step.payload, ...extra },
    },
    at,
  );
  await appendAudit(trx, at, [
    {
      countyCode: county,
      ...auditActor(ctx),
      action: step.action,
      recordType: 'alert',
      recordId: id,
      detail: step.payload,
    },
  ]);
}

/**
 * §7.4 disposition 转介慈善, recorded by a charity referral made from the alert, in the referral's
 * own transaction: the alert must be verified first, like any disposition, or nothing is written.
 */
export async function disposeToCharityIn(
  trx: Transaction<DB>,
  ctx: RequestContext,
  at: Date,
  id: string,
  referral: { referralId: string; orgId: string; orgName: string; need: string },
) {
  const on = shanghaiDateOf(at);
  await actIn(trx, ctx, at, id, {
    cmd: { type: 'DISPOSE', on, disposition: 'CHARITY_REFERRED' },
    note: `转介${referral.orgName}`,
    payload: { disposition: 'CHARITY_REFERRED', referralId: referral.referralId },
    patch: () => ({
      disposition: 'CHARITY_REFERRED',
      disposition_detail: JSON.stringify({ disposition: 'CHARITY_REFERRED', ...referral, on }),
      disposed_on: on,
    }),
    action: 'alerts.disposed',
  });
}

/** §7.4 verify (入户 / 电话 / 数据核实) with the findings. */
export async function verifyAlert(deps: AlertDeps, ctx: RequestContext, id: string, body: unknown) {
  const v = parseOr400(verifyInput, body);
  const on = v.on ?? shanghaiDateOf(deps.clock.now());
  return act(deps, ctx, id, {
    cmd: { type: 'VERIFY', on, method: v.method, findings: v.findings },
    version: v.version,
    note: v.findings,
    payload: { method: v.method },
    patch: () => ({
      verified_on: on,
      verification: JSON.stringify({ method: v.method, findings: v.findings, by: ctx.actor.displayName, on }),
    }),
    action: 'alerts.verified',
  });
}

/** §7.4 disposition; the links to cases are checked against the database in the same transaction. */
export async function disposeAlert(deps: AlertDeps, ctx: RequestContext, id: string, body: unknown) {
  const d: DisposeInput = parseOr400(disposeInput, body);
  const on = d.on ?? shanghaiDateOf(deps.clock.now());
  const detail: Record<string, unknown> = { ...d, on };
  delete detail.version;
  return act(deps, ctx, id, {
    cmd: { type: 'DISPOSE', on, disposition: d.disposition },
    version: d.version,
    note: 'note' in d ? (d.note ?? null) : 'reason' in d ? d.reason : null,
    payload: { disposition: d.disposition },
    patch: () => ({
      disposition: d.disposition,
      disposition_detail: JSON.stringify(detail),
      disposed_on: on,
    }),
    prepare: async (trx, row) => {
      if (d.disposition === 'APPLICATION_STARTED') {
        const c = await repo.findCase(trx, row.county_code, d.caseId);
        if (!c) throw errors.notFound('关联的申请', 'linked application', 'alerts.case_not_found');
        const bad = checkApplicationLink(
          { householdId: row.household_id, raisedOn: row.raised_on },
          { householdId: c.household_id, openedOn: shanghaiDateOf(c.created_at) },
        );
        if (bad) throw refusal(bad);
        return { linked_case_id: c.id };
      }
      if (d.disposition === 'TERMINATION_REVIEW') {
        // S6 §三(四) "possibly no longer eligible → verify; terminate per the rules": the active case.
        const caseId =
          d.caseId ??
          row.case_id ??
          (row.household_id
            ? (await repo.activeCaseOfHousehold(trx, row.county_code, row.household_id))?.id
            : undefined);
        const c = caseId ? await repo.findCase(trx, row.county_code, caseId) : undefined;
        const sameHousehold = c?.household_id === row.household_id || c?.subject_person_id === row.person_id;
        if (c?.stage !== 'ACTIVE' || !sameHousehold)
          throw fieldError('caseId', '该人员没有可复核的在保案件', 'the person has no active case to review');
        return { linked_case_id: c.id };
      }
      return {};
    },
    action: 'alerts.disposed',
  });
}

/** §7.4 CLOSED: the feedback is recorded (a department's answer closes the 救助链). */
export async function closeAlert(deps: AlertDeps, ctx: RequestContext, id: string, body: unknown) {
  const v = parseOr400(closeInput, body);
  const on = v.on ?? shanghaiDateOf(deps.clock.now());
  return act(deps, ctx, id, {
    cmd: { type: 'CLOSE', on, feedback: v.feedback },
    version: v.version,
    note: v.feedback,
    payload: {},
    patch: () => ({ closed_on: on, feedback: v.feedback }),
    action: 'alerts.closed',
  });
}
