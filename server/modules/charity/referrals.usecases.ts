import type { z } from 'zod';
import {
  answerInput,
  closeReferralInput,
  type ReferralInput,
  type ReferralView,
  referralInput,
  type referralListQuery,
} from '../../../contracts/charity.ts';
import { appendAudit } from '../../platform/audit.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { disposeToCharityIn } from '../monitoring/alerts.usecases.ts';
import {
  answerDue,
  CHARITY_ANSWER_WD,
  isOverdue,
  type ReferralEvent,
  referralTransition,
} from './charity.models.ts';
import * as repo from './charity.repository.ts';
import { actingOrg, type CharityDeps, charityErrors, inScope, scopeOf } from './charity-access.ts';

// Referrals to charity (转介, §9.2; S6 §四(六) "政府救助与慈善帮扶衔接"): a village assistant or an
// officer refers a household from its case, from a monitoring alert, or directly; the organisation
// answers within the due date (accept, or decline with the reason), gives help, and closes it with
// feedback. Each step locks the referral row, runs the pure machine and is audited.

export function referralView(r: repo.ReferralViewRow, today: string): ReferralView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    projectId: r.project_id,
    projectName: r.project_name,
    householdId: r.household_id,
    householdNo: r.household_no,
    personName: r.name_mask,
    caseId: r.case_id,
    caseNo: r.case_no,
    alertId: r.alert_id,
    townCode: r.town_code,
    villageCode: r.village_code,
    need: r.need as ReferralView['need'],
    description: r.description,
    state: r.state,
    referredByName: r.referred_by_name,
    referredOn: r.referred_on,
    dueOn: r.due_on,
    overdue: isOverdue({ state: r.state, dueOn: r.due_on }, today),
    answeredOn: r.answered_on,
    answeredByName: r.answered_by_name,
    declineReason: r.decline_reason,
    closedOn: r.closed_on,
    closeNote: r.close_note,
    disbursedFen: Number(r.disbursed_fen),
    version: r.version,
  };
}

export async function listReferrals(
  deps: CharityDeps,
  ctx: RequestContext,
  q: z.output<typeof referralListQuery>,
): Promise<{ total: number; items: ReferralView[] }> {
  requirePermission(ctx.actor, 'charity.read');
  const today = shanghaiDateOf(deps.clock.now());
  const scope = await scopeOf(deps, ctx);
  const { rows, total } = await repo.listReferrals(deps.db, ctx.actor.countyCode, scope, {
    ...q,
    overdueOn: q.overdue ? today : undefined,
  });
  return { total, items: rows.map((r) => referralView(r, today)) };
}

export async function getReferral(deps: CharityDeps, ctx: RequestContext, id: string): Promise<ReferralView> {
  requirePermission(ctx.actor, 'charity.read');
  const scope = await scopeOf(deps, ctx);
  const r = await repo.getReferral(deps.db, ctx.actor.countyCode, id);
  if (!r || !inScope(scope, r)) throw charityErrors.referral();
  return referralView(r, shanghaiDateOf(deps.clock.now()));
}

/** The household (and person) a referral is about, from the case or alert it comes from, if any. */
async function target(deps: CharityDeps, ctx: RequestContext, input: z.output<typeof referralInput>) {
  const county = ctx.actor.countyCode;
  let householdId = input.householdId ?? null;
  let personId = input.personId ?? null;
  const same = (field: string, found: string | null) => {
    if (found === null)
      throw errors.conflict(
        'charity.no_household',
        '该对象不在登记系统中，请先登记家庭再转介',
        'the person is not in the registry; register the household first',
      );
    if (householdId !== null && householdId !== found)
      throw fieldError(field, '所选家庭与来源不一致', 'the household differs from the one of the source');
    householdId = found;
  };
  if (input.caseId) {
    const c = await repo.caseOf(deps.db, county, input.caseId);
    if (!c || !withinJurisdiction(ctx.actor, c.village_code))
      throw errors.notFound('案件', 'case', 'charity.case_not_found');
    same('caseId', c.household_id);
    personId ??= c.subject_person_id;
  }
  if (input.alertId) {
    const a = await repo.alertOf(deps.db, county, input.alertId);
    if (!a || !withinJurisdiction(ctx.actor, a.village_code ?? a.town_code ?? a.county_code))
      throw errors.notFound('预警', 'alert', 'charity.alert_not_found');
    same('alertId', a.household_id);
    personId ??= a.person_id;
  }
  const h = householdId ? await repo.householdOf(deps.db, county, householdId) : undefined;
  if (!h || !withinJurisdiction(ctx.actor, h.village_code)) throw charityErrors.household();
  if (h.status !== 'active')
    throw errors.conflict('charity.household_closed', '该家庭已注销', 'the household is closed');
  if (personId !== null && !(await repo.isCurrentMember(deps.db, county, h.id, personId)))
    throw fieldError(
      'personId',
      '该人员不是此家庭的现有成员',
      'the person is not a current member of the household',
    );
  return { household: h, personId };
}

export async function createReferral(deps: CharityDeps, ctx: RequestContext, body: ReferralInput) {
  requirePermission(ctx.actor, 'charity.refer');
  const input = parseOr400(referralInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  const { household, personId } = await target(deps, ctx, input);
  const org = (await repo.listOrgs(deps.db, county, input.orgId))[0];
  if (!org) throw charityErrors.org();
  if (!org.active) throw fieldError('orgId', '该慈善组织已停用', 'the organisation is inactive');
  if (input.projectId) {
    const p = await repo.getProject(deps.db, county, input.projectId);
    if (!p || p.org_id !== org.id)
      throw fieldError('projectId', '项目不属于该组织', 'the project is not the organisation’s');
    if (p.status !== 'ACTIVE' || p.period_to < today)
      throw fieldError('projectId', '该项目未在实施', 'the project is not running');
  }
  const dueOn = answerDue(today, input.answerWd ?? CHARITY_ANSWER_WD, DEFAULT_CALENDAR);
  const id = await deps.db.transaction().execute(async (trx) => {
    // §7.3 "avoid gaps or duplicate help": one open referral per household, organisation and need.
    if (await repo.findOpenReferral(trx, county, org.id, household.id, input.need))
      throw errors.conflict(
        'charity.duplicate_referral',
        '该家庭已就此需求转介给该组织，尚在办理中',
        'the household is already referred to this organisation for this need',
      );
    const r = await trx
      .insertInto('charity_referral')
      .values({
        county_code: county,
        org_id: org.id,
        project_id: input.projectId ?? null,
        household_id: household.id,
        person_id: personId,
        case_id: input.caseId ?? null,
        alert_id: input.alertId ?? null,
        town_code: household.town_code,
        village_code: household.village_code,
        need: input.need,
        description: input.description,
        state: 'REFERRED',
        referred_by: auditActor(ctx).actorId,
        referred_by_name: ctx.actor.displayName,
        referred_on: today,
        due_on: dueOn,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A referral made from an alert is its disposition (§7.4), in this transaction: an alert not
    // yet verified refuses, and then no referral is written either.
    if (input.alertId)
      await disposeToCharityIn(trx, ctx, at, input.alertId, {
        referralId: r.id,
        orgId: org.id,
        orgName: org.name,
        need: input.need,
      });
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'charity.referred',
        recordType: 'charity_referral',
        recordId: r.id,
        detail: {
          orgId: org.id,
          householdId: household.id,
          need: input.need,
          caseId: input.caseId,
          alertId: input.alertId,
        },
      },
    ]);
    return r.id;
  });
  return getReferral(deps, ctx, id);
}

type Step = {
  event: ReferralEvent;
  version?: number | undefined;
  projectId?: string | undefined;
  action: string;
};

/** One step by the organisation (or the district for it): lock, machine, write, audit. */
async function step(deps: CharityDeps, ctx: RequestContext, id: string, s: Step) {
  requirePermission(ctx.actor, 'charity.manage');
  const acting = await actingOrg(deps, ctx);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.lockReferral(trx, county, id);
    // Another organisation's referral does not exist for this caller (§2.2).
    if (!r || (acting !== null && r.org_id !== acting)) throw charityErrors.referral();
    if (s.version !== undefined && s.version !== r.version) throw charityErrors.versionConflict(r.version);
    const moved = referralTransition(r.state, s.event);
    if (!moved.ok) throw charityErrors.refusal(moved);
    if (s.projectId) {
      const p = await trx
        .selectFrom('charity_project')
        .select(['org_id', 'status'])
        .where('county_code', '=', county)
        .where('id', '=', s.projectId)
        .executeTakeFirst();
      if (!p || p.org_id !== r.org_id)
        throw fieldError('projectId', '项目不属于该组织', 'the project is not the organisation’s');
    }
    const e = s.event;
    await trx
      .updateTable('charity_referral')
      .set({
        state: moved.next,
        version: r.version + 1,
        updated_at: at,
        ...(e.type === 'ACCEPT' || e.type === 'DECLINE'
          ? { answered_on: today, answered_by_name: ctx.actor.displayName }
          : {}),
        ...(e.type === 'DECLINE' ? { decline_reason: e.reason } : {}),
        ...(e.type === 'CLOSE' ? { closed_on: today, close_note: e.note } : {}),
        ...(s.projectId ? { project_id: s.projectId } : {}),
      })
      .where('county_code', '=', county)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: s.action,
        recordType: 'charity_referral',
        recordId: id,
        detail: { state: moved.next, ...(e.type === 'DECLINE' ? { reason: e.reason } : {}) },
      },
    ]);
  });
  return getReferral(deps, ctx, id);
}

export async function answerReferral(deps: CharityDeps, ctx: RequestContext, id: string, body: unknown) {
  const a = parseOr400(answerInput, body);
  return a.decision === 'ACCEPT'
    ? step(deps, ctx, id, {
        event: { type: 'ACCEPT' },
        version: a.version,
        projectId: a.projectId,
        action: 'charity.accepted',
      })
    : step(deps, ctx, id, {
        event: { type: 'DECLINE', reason: a.reason },
        version: a.version,
        action: 'charity.declined',
      });
}

export async function closeReferral(deps: CharityDeps, ctx: RequestContext, id: string, body: unknown) {
  const c = parseOr400(closeReferralInput, body);
  return step(deps, ctx, id, {
    event: { type: 'CLOSE', note: c.note },
    version: c.version,
    action: 'charity.closed',
  });
}
