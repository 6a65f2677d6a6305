import {
  type DisbursementInput,
  type DisbursementView,
  disbursementInput,
} from '../../../contracts/charity.ts';
import { appendAudit } from '../../platform/audit.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { checkPayment, referralTransition } from './charity.models.ts';
import * as repo from './charity.repository.ts';
import { actingOrg, type CharityDeps, charityErrors, checkActsFor, scopeOf } from './charity-access.ts';

// Charity disbursements (慈善帮扶发放, §9.2): money, or goods at their value, given from a project to a
// household, usually on an accepted referral. The project row is locked first, so two payments
// cannot both fit the last of a budget; the running total and the check constraint keep
// used ≤ budget. Every disbursement joins the household's assistance chain (§7.3).

type Row = Awaited<ReturnType<typeof repo.listDisbursements>>[number];

const view = (d: Row): DisbursementView => ({
  id: d.id,
  orgId: d.org_id,
  orgName: d.org_name,
  projectId: d.project_id,
  projectName: d.project_name,
  referralId: d.referral_id,
  householdId: d.household_id,
  householdNo: d.household_no,
  personName: d.name_mask,
  kind: d.kind,
  valueFen: Number(d.value_fen),
  itemDescription: d.item_description,
  on: d.disbursed_on,
  note: d.note,
  recordedByName: d.recorded_by_name,
});

export async function listDisbursements(
  deps: CharityDeps,
  ctx: RequestContext,
  f: repo.DisbursementFilter,
): Promise<DisbursementView[]> {
  requirePermission(ctx.actor, 'charity.read');
  const scope = await scopeOf(deps, ctx);
  return (await repo.listDisbursements(deps.db, ctx.actor.countyCode, scope, f)).map(view);
}

export async function recordDisbursement(
  deps: CharityDeps,
  ctx: RequestContext,
  body: DisbursementInput,
): Promise<DisbursementView> {
  requirePermission(ctx.actor, 'charity.manage');
  const d = parseOr400(disbursementInput, body);
  const acting = await actingOrg(deps, ctx);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  const on = d.on ?? today;
  if (on > today) throw fieldError('on', '发放日期不能晚于今天', 'the date cannot be in the future');
  const id = await deps.db.transaction().execute(async (trx) => {
    // Lock order everywhere: project, then referral (an answer locks only the referral).
    const seen = d.referralId ? await repo.getReferral(trx, county, d.referralId) : undefined;
    if (d.referralId && (!seen || (acting !== null && seen.org_id !== acting)))
      throw charityErrors.referral();
    const projectId = d.projectId ?? seen?.project_id ?? null;
    if (projectId === null)
      throw fieldError(
        'projectId',
        '请选择帮扶资金所属的慈善项目',
        'choose the project the help is paid from',
      );
    if (seen?.project_id && d.projectId && seen.project_id !== d.projectId)
      throw fieldError('projectId', '与转介指定的项目不一致', 'the referral names another project');
    const project = await repo.lockProject(trx, county, projectId);
    if (!project) throw charityErrors.project();
    checkActsFor(acting, project.org_id);
    if (seen && seen.org_id !== project.org_id)
      throw fieldError(
        'projectId',
        '项目不属于受理转介的组织',
        'the project is not the referred organisation’s',
      );
    const householdId = seen?.household_id ?? (d.householdId as string);
    const household = await repo.householdOf(trx, county, householdId);
    if (!household) throw charityErrors.household();
    const personId = d.personId ?? seen?.person_id ?? null;
    if (personId !== null && !(await repo.isCurrentMember(trx, county, household.id, personId)))
      throw fieldError(
        'personId',
        '该人员不是此家庭的现有成员',
        'the person is not a current member of the household',
      );
    const referral = d.referralId ? await repo.lockReferral(trx, county, d.referralId) : undefined;
    if (referral) {
      const moved = referralTransition(referral.state, { type: 'DISBURSE' });
      if (!moved.ok) throw charityErrors.refusal(moved);
    }
    const used = Number(project.used_fen);
    const paid = checkPayment(
      {
        status: project.status,
        budgetFen: Number(project.budget_fen),
        usedFen: used,
        periodFrom: project.period_from,
        periodTo: project.period_to,
      },
      d.valueFen,
      on,
    );
    if (!paid.ok)
      throw new AppError(paid.code, 409, paid.zh, paid.en, {
        budgetFen: Number(project.budget_fen),
        usedFen: used,
        leftFen: Number(project.budget_fen) - used,
      });
    await trx
      .updateTable('charity_project')
      .set({ used_fen: paid.usedAfterFen, updated_at: at })
      .where('county_code', '=', county)
      .where('id', '=', project.id)
      .execute();
    const row = await trx
      .insertInto('charity_disbursement')
      .values({
        county_code: county,
        org_id: project.org_id,
        project_id: project.id,
        referral_id: referral?.id ?? null,
        household_id: household.id,
        person_id: personId,
        town_code: household.town_code,
        village_code: household.village_code,
        kind: d.kind,
        value_fen: d.valueFen,
        item_description: d.kind === 'IN_KIND' ? (d.itemDescription ?? null) : null,
        disbursed_on: on,
        note: d.note,
        recorded_by: auditActor(ctx).actorId,
        recorded_by_name: ctx.actor.displayName,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (referral)
      await trx
        .updateTable('charity_referral')
        .set({ state: 'DISBURSED', project_id: project.id, version: referral.version + 1, updated_at: at })
        .where('county_code', '=', county)
        .where('id', '=', referral.id)
        .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'charity.disbursed',
        recordType: 'charity_disbursement',
        recordId: row.id,
        detail: {
          projectId: project.id,
          referralId: referral?.id,
          householdId: household.id,
          valueFen: d.valueFen,
        },
      },
    ]);
    return row.id;
  });
  const scope = await scopeOf(deps, ctx);
  const [saved] = await repo.listDisbursements(deps.db, county, scope, { id });
  if (!saved) throw charityErrors.project();
  return view(saved);
}
