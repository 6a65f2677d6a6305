import { sql } from 'kysely';
import type { z } from 'zod';
import { ROLE_SCOPE } from '../../../contracts/roles.ts';
import type { UserCreate, UserView, userSearch } from '../../../contracts/users.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors, fieldError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { requirePermission } from '../../platform/policies.ts';
import { forgetSessions } from '../auth/auth.usecases.ts';
import { createUsers, generatePassword } from './users.usecases.ts';

// Account administration by the district administrator (M14), always within the own county.

export type AdminDeps = { db: Database; clock: Clock };

const notFound = () => errors.notFound('该用户', 'User', 'users.not_found');

export async function listUsers(deps: AdminDeps, ctx: RequestContext, q: z.output<typeof userSearch>) {
  requirePermission(ctx.actor, 'users.manage');
  const rows = await deps.db
    .selectFrom('app_user as u')
    .leftJoin('admin_unit as a', (j) => j.on('a.code', '=', sql<string>`rpad(u.jurisdiction_code, 12, '0')`))
    .selectAll('u')
    .select(['a.name as jurisdiction_name', sql<number>`count(*) over ()`.as('total')])
    .where('u.county_code', '=', ctx.actor.countyCode)
    .$if(!!q.role, (b) => b.where('u.role', '=', q.role!))
    .$if(!!q.q, (b) =>
      b.where((eb) =>
        eb.or([eb('u.username', 'like', `%${q.q}%`), eb('u.display_name', 'like', `%${q.q}%`)]),
      ),
    )
    .orderBy('u.jurisdiction_code')
    .orderBy('u.username')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(
      (u): UserView => ({
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        role: u.role as UserView['role'],
        jurisdictionCode: u.jurisdiction_code,
        jurisdictionName: u.jurisdiction_name,
        disabled: u.disabled,
        mustChangePassword: u.must_change_password,
        lockedUntil: u.locked_until?.toISOString() ?? null,
        lastLoginAt: u.last_login_at?.toISOString() ?? null,
        createdAt: u.created_at.toISOString(),
      }),
    ),
  };
}

export async function createUser(deps: AdminDeps, ctx: RequestContext, input: UserCreate) {
  requirePermission(ctx.actor, 'users.manage');
  const scope = ROLE_SCOPE[input.role];
  const code = input.jurisdictionCode;
  if (!code.startsWith(ctx.actor.countyCode)) {
    throw fieldError(
      'jurisdictionCode',
      '只能在本区县内建立账号',
      'accounts can only be created within your county',
      `a code under ${ctx.actor.countyCode}`,
    );
  }
  if (scope !== 'county') {
    const level = await deps.db
      .selectFrom('admin_unit')
      .select('level')
      .where('code', '=', code.padEnd(12, '0'))
      .executeTakeFirst();
    if (!level || level.level !== scope) {
      throw fieldError(
        'jurisdictionCode',
        `区划 ${code} 不是本区县的${scope === 'town' ? '镇街' : '村居'}`,
        `${code} is not a ${scope} of this county`,
        scope === 'town' ? '9 digits' : '12 digits',
      );
    }
  }
  const [created] = await createUsers(deps.db, deps.clock, [{ ...input, mustChangePassword: true }], {
    ...auditActor(ctx),
  });
  const { items } = await listUsers(deps, ctx, { q: input.username, page: 1, pageSize: 50 });
  const user = items.find((u) => u.username === input.username)!;
  return { user, oneTimePassword: created!.password! };
}

async function changeAccount(
  deps: AdminDeps,
  ctx: RequestContext,
  id: string,
  action: string,
  set: (now: Date) => Promise<Record<string, unknown>>,
) {
  requirePermission(ctx.actor, 'users.manage');
  const now = deps.clock.now();
  const target = await deps.db
    .selectFrom('app_user')
    .select(['id', 'username', 'county_code'])
    .where('id', '=', id)
    .where('county_code', '=', ctx.actor.countyCode)
    .executeTakeFirst();
  if (!target) throw notFound();
  const values = await set(now);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
    // Whatever changed, the account's open sessions end: a reset or a disable must take effect now.
    await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
    await appendAudit(trx, now, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action,
        recordType: 'user',
        recordId: target.username,
      },
    ]);
  });
  forgetSessions(deps.db, (s) => s.actor.userId === id);
}

export async function resetPassword(deps: AdminDeps, ctx: RequestContext, id: string) {
  const oneTimePassword = generatePassword();
  await changeAccount(deps, ctx, id, 'users.password_reset', async () => ({
    password_hash: await hashPassword(oneTimePassword),
    must_change_password: true,
    failed_logins: 0,
    locked_until: null,
  }));
  return { oneTimePassword };
}

export async function setDisabled(deps: AdminDeps, ctx: RequestContext, id: string, disabled: boolean) {
  if (disabled && id === ctx.actor.userId) {
    throw new AppError(
      'users.cannot_disable_self',
      409,
      '不能停用自己的账号',
      'You cannot disable your own account',
    );
  }
  await changeAccount(deps, ctx, id, disabled ? 'users.disabled' : 'users.enabled', async () =>
    disabled ? { disabled: true } : { disabled: false, failed_logins: 0, locked_until: null },
  );
  return { ok: true as const };
}
