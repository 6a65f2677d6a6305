import type { PolicyDepartmentCode } from '../../../contracts/policies.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import * as repo from './department-users.repository.ts';
import { referralErrors } from './referrals.models.ts';

// The liaison accounts of a department (§9.3): the district administrator links an account of the
// department_liaison role to the department it answers for. One department per account: linking it
// elsewhere moves it (audited with both departments). Until linked, the account sees no referral.

export type DepartmentUsersDeps = { db: Database; clock: Clock };
export type DepartmentUser = { userId: string; username: string; displayName: string };

export async function listDepartmentUsers(
  deps: DepartmentUsersDeps,
  ctx: RequestContext,
  code: PolicyDepartmentCode,
): Promise<{ items: DepartmentUser[] }> {
  requirePermission(ctx.actor, 'users.manage');
  const county = ctx.actor.countyCode;
  if (!(await repo.departmentExists(deps.db, county, code))) throw referralErrors.department();
  const rows = await repo.usersOf(deps.db, county, code);
  return {
    items: rows.map((r) => ({ userId: r.user_id, username: r.username, displayName: r.display_name })),
  };
}

export async function linkDepartmentUser(
  deps: DepartmentUsersDeps,
  ctx: RequestContext,
  code: PolicyDepartmentCode,
  userId: string,
) {
  requirePermission(ctx.actor, 'users.manage');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.departmentExists(trx, county, code))) throw referralErrors.department();
    const user = await repo.userOf(trx, county, userId);
    if (!user) throw referralErrors.user();
    if (user.role !== 'department_liaison')
      throw fieldError(
        'userId',
        '只能关联“部门联络员”角色的账号',
        'only an account of the department-liaison role can be linked to a department',
        'department_liaison',
      );
    const before = await repo.linkOf(trx, county, userId);
    if (before?.department_code === code) return;
    await repo.link(trx, county, userId, code, auditActor(ctx).actorId, at);
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'policies.department_user_linked',
        recordType: 'app_user',
        recordId: userId,
        detail: { departmentCode: code, from: before?.department_code ?? null, username: user.username },
      },
    ]);
  });
  return listDepartmentUsers(deps, ctx, code);
}

export async function unlinkDepartmentUser(
  deps: DepartmentUsersDeps,
  ctx: RequestContext,
  code: PolicyDepartmentCode,
  userId: string,
) {
  requirePermission(ctx.actor, 'users.manage');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.departmentExists(trx, county, code))) throw referralErrors.department();
    if ((await repo.unlink(trx, county, userId, code)) === 0) throw referralErrors.user();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'policies.department_user_unlinked',
        recordType: 'app_user',
        recordId: userId,
        detail: { departmentCode: code },
      },
    ]);
  });
  return listDepartmentUsers(deps, ctx, code);
}
