import {
  type OrgInput,
  type OrgView,
  orgInput,
  orgUserInput,
  type ProjectInput,
  type ProjectView,
  projectInput,
} from '../../../contracts/charity.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import * as repo from './charity.repository.ts';
import {
  actingOrg,
  type CharityDeps,
  charityErrors,
  checkActsFor,
  isCharityRole,
  ownOrg,
  requireActsFor,
} from './charity-access.ts';

// Charity organisations, the accounts that act for them, and their projects (§9.2). The district
// registers organisations and links accounts; an organisation keeps its own contacts and projects.

export async function listOrgs(deps: CharityDeps, ctx: RequestContext): Promise<OrgView[]> {
  requirePermission(ctx.actor, 'charity.read');
  const county = ctx.actor.countyCode;
  const only = isCharityRole(ctx) ? (await ownOrg(deps, ctx)).id : undefined;
  const [orgs, users] = await Promise.all([
    repo.listOrgs(deps.db, county, only),
    repo.orgUsers(deps.db, county),
  ]);
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    creditCode: o.credit_code,
    contactName: o.contact_name,
    contactPhone: o.contact_phone,
    address: o.address,
    active: o.active,
    users: users
      .filter((u) => u.org_id === o.id)
      .map((u) => ({ userId: u.user_id, username: u.username, displayName: u.display_name })),
  }));
}

export async function me(deps: CharityDeps, ctx: RequestContext) {
  requirePermission(ctx.actor, 'charity.read');
  if (!isCharityRole(ctx)) return { orgId: null, orgName: null };
  const org = await ownOrg(deps, ctx);
  return { orgId: org.id, orgName: org.name };
}

export async function saveOrg(deps: CharityDeps, ctx: RequestContext, id: string | null, body: OrgInput) {
  requirePermission(ctx.actor, 'charity.manage');
  // An organisation edits its own record; registering one is the district's (S6 §四(六) 政府引导).
  if (id === null && isCharityRole(ctx)) throw errors.forbidden('登记慈善组织', 'register organisations');
  if (id !== null) await requireActsFor(deps, ctx, id);
  const input = parseOr400(orgInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const savedId = await deps.db.transaction().execute(async (trx) => {
    const clash = await repo.findCreditCode(trx, county, input.creditCode);
    if (clash && clash.id !== id)
      throw errors.conflict(
        'charity.duplicate_credit_code',
        `统一社会信用代码 ${input.creditCode} 已登记`,
        `the credit code ${input.creditCode} is already registered`,
      );
    const values = {
      name: input.name,
      credit_code: input.creditCode,
      contact_name: input.contactName,
      contact_phone: input.contactPhone,
      address: input.address,
      updated_at: at,
    };
    let rowId: string;
    if (id === null) {
      const r = await trx
        .insertInto('charity_org')
        .values({ ...values, active: input.active, county_code: county, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      rowId = r.id;
    } else {
      const current = await repo.lockOrg(trx, county, id);
      if (!current) throw charityErrors.org();
      // Switching an organisation on or off is the district's decision.
      const active = isCharityRole(ctx) ? current.active : input.active;
      await trx
        .updateTable('charity_org')
        .set({ ...values, active })
        .where('county_code', '=', county)
        .where('id', '=', id)
        .execute();
      rowId = id;
    }
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: id === null ? 'charity.org_created' : 'charity.org_updated',
        recordType: 'charity_org',
        recordId: rowId,
        detail: { name: input.name, creditCode: input.creditCode },
      },
    ]);
    return rowId;
  });
  const saved = (await listOrgs(deps, ctx)).find((o) => o.id === savedId);
  if (!saved) throw charityErrors.org();
  return saved;
}

/** Links an account of the charity role to an organisation (or moves it to another one). */
export async function linkOrgUser(deps: CharityDeps, ctx: RequestContext, orgId: string, body: unknown) {
  requirePermission(ctx.actor, 'charity.manage');
  if (isCharityRole(ctx)) throw errors.forbidden('关联慈善组织账号', 'link accounts to organisations');
  const { username } = parseOr400(orgUserInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.lockOrg(trx, county, orgId))) throw charityErrors.org();
    const user = await repo.findUser(trx, county, username);
    if (user?.role !== 'charity')
      throw fieldError(
        'username',
        '请填写本区县慈善组织角色的账号',
        'an account of the charity role in this county',
      );
    await trx
      .insertInto('charity_user')
      .values({
        county_code: county,
        user_id: user.id,
        org_id: orgId,
        linked_by: auditActor(ctx).actorId,
        linked_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['county_code', 'user_id']).doUpdateSet({ org_id: orgId, linked_at: at }),
      )
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'charity.user_linked',
        recordType: 'charity_org',
        recordId: orgId,
        detail: { username },
      },
    ]);
  });
  return (await listOrgs(deps, ctx)).find((o) => o.id === orgId)!;
}

// ── projects ───────────────────────────────────────────────────────────────────────────────────

export const projectView = (p: repo.ProjectRow): ProjectView => ({
  id: p.id,
  orgId: p.org_id,
  orgName: p.org_name,
  name: p.name,
  description: p.description,
  budgetFen: Number(p.budget_fen),
  usedFen: Number(p.used_fen),
  leftFen: Number(p.budget_fen) - Number(p.used_fen),
  targetCategories: p.target_categories as ProjectView['targetCategories'],
  needs: p.needs as ProjectView['needs'],
  periodFrom: p.period_from,
  periodTo: p.period_to,
  status: p.status,
  version: p.version,
});

export async function listProjects(deps: CharityDeps, ctx: RequestContext): Promise<ProjectView[]> {
  requirePermission(ctx.actor, 'charity.read');
  const only = isCharityRole(ctx) ? (await ownOrg(deps, ctx)).id : undefined;
  return (await repo.listProjects(deps.db, ctx.actor.countyCode, only)).map(projectView);
}

export async function saveProject(
  deps: CharityDeps,
  ctx: RequestContext,
  id: string | null,
  body: ProjectInput,
): Promise<ProjectView> {
  requirePermission(ctx.actor, 'charity.manage');
  const input = parseOr400(projectInput, body);
  const acting = await actingOrg(deps, ctx);
  checkActsFor(acting, input.orgId);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const values = {
    org_id: input.orgId,
    name: input.name,
    description: input.description,
    budget_fen: input.budgetFen,
    target_categories: input.targetCategories,
    needs: input.needs,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    status: input.status,
    updated_at: at,
  };
  const savedId = await deps.db.transaction().execute(async (trx) => {
    const org = await repo.lockOrg(trx, county, input.orgId);
    if (!org) throw charityErrors.org();
    let rowId: string;
    if (id === null) {
      const r = await trx
        .insertInto('charity_project')
        .values({ ...values, county_code: county, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      rowId = r.id;
    } else {
      // The same lock as a disbursement: the budget cannot drop below what was paid meanwhile.
      const current = await repo.lockProject(trx, county, id);
      if (!current) throw charityErrors.project();
      checkActsFor(acting, current.org_id);
      if (input.version !== undefined && input.version !== current.version)
        throw charityErrors.versionConflict(current.version);
      if (current.org_id !== input.orgId)
        throw fieldError('orgId', '项目不能转给其他组织', 'a project cannot move to another organisation');
      if (input.budgetFen < Number(current.used_fen))
        throw fieldError(
          'budgetFen',
          `预算不能少于已帮扶金额 ${Number(current.used_fen) / 100} 元`,
          `the budget cannot be below the ${Number(current.used_fen) / 100} yuan already given`,
          `≥ ${current.used_fen}`,
        );
      await trx
        .updateTable('charity_project')
        .set({ ...values, version: current.version + 1 })
        .where('county_code', '=', county)
        .where('id', '=', id)
        .execute();
      rowId = id;
    }
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: id === null ? 'charity.project_created' : 'charity.project_updated',
        recordType: 'charity_project',
        recordId: rowId,
        detail: { name: input.name, budgetFen: input.budgetFen, status: input.status },
      },
    ]);
    return rowId;
  });
  const saved = await repo.getProject(deps.db, county, savedId);
  if (!saved) throw charityErrors.project();
  return projectView(saved);
}
