import {
  type ProviderInput,
  type ProviderView,
  providerAccountInput,
  providerInput,
  staffInput,
} from '../../../contracts/care.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { maskPhone } from '../../rules/masking.ts';
import { createUsers } from '../admin/users.usecases.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { careScope, providerNotFound } from './care-scope.ts';

// Care providers (照护服务机构, §5.4 / §9.1 ServiceProvider): the district registers the
// organisations it buys care from, their carers and the accounts that record visits. A carer's
// phone is personal data: sealed with SM4 and shown masked (convention 14).

type Deps = { db: Database; clock: Clock; cipher: PersonalDataCipher };

export async function listProviders(deps: Deps, ctx: RequestContext): Promise<ProviderView[]> {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const rows = await deps.db
    .selectFrom('care_provider')
    .selectAll()
    .where('county_code', '=', scope.county)
    .$if(scope.providerId !== null, (q) => q.where('id', '=', scope.providerId as string))
    .orderBy('name')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const staff = await deps.db
    .selectFrom('care_provider_staff')
    .select(['id', 'provider_id', 'name', 'phone_mask'])
    .where('county_code', '=', scope.county)
    .where('provider_id', 'in', ids)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
  const accounts = await deps.db
    .selectFrom('care_provider_user as pu')
    .innerJoin('app_user as u', 'u.id', 'pu.user_id')
    .leftJoin('care_provider_staff as s', (j) =>
      j.onRef('s.county_code', '=', 'pu.county_code').onRef('s.id', '=', 'pu.staff_id'),
    )
    .select(['pu.provider_id', 'u.username', 's.name as staff_name'])
    .where('pu.county_code', '=', scope.county)
    .where('pu.provider_id', 'in', ids)
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    qualification: r.qualification,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    address: r.address,
    accountName: r.account_name,
    bankAccount: r.bank_account,
    bankName: r.bank_name,
    active: r.active,
    staff: staff
      .filter((s) => s.provider_id === r.id)
      .map((s) => ({ id: s.id, name: s.name, phoneMask: s.phone_mask })),
    accounts: accounts
      .filter((a) => a.provider_id === r.id)
      .map((a) => ({ username: a.username, staffName: a.staff_name })),
  }));
}

async function providerView(deps: Deps, ctx: RequestContext, id: string) {
  const v = (await listProviders(deps, ctx)).find((p) => p.id === id);
  if (!v) throw providerNotFound();
  return v;
}

export async function saveProvider(
  deps: Deps,
  ctx: RequestContext,
  id: string | null,
  body: ProviderInput,
): Promise<ProviderView> {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(providerInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const values = {
    name: input.name,
    credit_code: input.creditCode,
    qualification: input.qualification,
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    address: input.address,
    account_name: input.accountName,
    bank_account: input.bankAccount,
    bank_name: input.bankName,
    active: input.active,
    updated_at: at,
  };
  const savedId = await deps.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('care_provider')
      .select('id')
      .where('county_code', '=', county)
      .where('credit_code', '=', input.creditCode)
      .executeTakeFirst();
    if (clash && clash.id !== id)
      throw errors.conflict(
        'care.duplicate_credit_code',
        `统一社会信用代码 ${input.creditCode} 已登记`,
        `the credit code ${input.creditCode} is already registered`,
      );
    let rowId = id;
    if (rowId === null) {
      rowId = (
        await trx
          .insertInto('care_provider')
          .values({ ...values, county_code: county, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const r = await trx
        .updateTable('care_provider')
        .set(values)
        .where('county_code', '=', county)
        .where('id', '=', rowId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw providerNotFound();
    }
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: id === null ? 'care.provider_created' : 'care.provider_updated',
        recordType: 'care_provider',
        recordId: rowId,
        detail: { name: input.name, active: input.active },
      },
    ]);
    return rowId;
  });
  return providerView(deps, ctx, savedId);
}

export async function addStaff(deps: Deps, ctx: RequestContext, providerId: string, body: unknown) {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(staffInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('care_provider')
      .select('id')
      .where('county_code', '=', county)
      .where('id', '=', providerId)
      .executeTakeFirst();
    if (!p) throw providerNotFound();
    const row = await trx
      .insertInto('care_provider_staff')
      .values({
        county_code: county,
        provider_id: providerId,
        name: input.name,
        phone_enc: input.phone ? deps.cipher.encrypt(input.phone) : null,
        phone_mask: input.phone ? maskPhone(input.phone) : null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The audit keeps the masked phone only: the log must not become a copy of personal data.
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.staff_added',
        recordType: 'care_provider_staff',
        recordId: row.id,
        detail: { providerId, name: input.name, phone: input.phone ? maskPhone(input.phone) : null },
      },
    ]);
  });
  return providerView(deps, ctx, providerId);
}

/**
 * A sign-in account for a provider (role care_provider), optionally one carer's own. The account is
 * created through the users module's use case (which commits on its own), then linked here.
 */
export async function createProviderAccount(
  deps: Deps,
  ctx: RequestContext,
  providerId: string,
  body: unknown,
) {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(providerAccountInput, body);
  const county = ctx.actor.countyCode;
  const provider = await deps.db
    .selectFrom('care_provider')
    .select('id')
    .where('county_code', '=', county)
    .where('id', '=', providerId)
    .executeTakeFirst();
  if (!provider) throw providerNotFound();
  if (input.staffId) {
    const s = await deps.db
      .selectFrom('care_provider_staff')
      .select('id')
      .where('county_code', '=', county)
      .where('provider_id', '=', providerId)
      .where('id', '=', input.staffId)
      .executeTakeFirst();
    if (!s)
      throw errors.validation([
        { field: 'staffId', message: '该护理员不属于本机构', messageEn: 'not a carer of this provider' },
      ]);
  }
  const [created] = await createUsers(
    deps.db,
    deps.clock,
    [
      {
        username: input.username,
        displayName: input.displayName,
        role: 'care_provider',
        jurisdictionCode: county,
      },
    ],
    auditActor(ctx),
  );
  const user = await deps.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirstOrThrow();
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_provider_user')
      .values({
        county_code: county,
        user_id: user.id,
        provider_id: providerId,
        staff_id: input.staffId,
        created_at: at,
      })
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.account_linked',
        recordType: 'care_provider',
        recordId: providerId,
        detail: { username: input.username, staffId: input.staffId },
      },
    ]);
  });
  return { username: input.username, password: created?.password ?? null };
}

/** Links an existing account (created by the demo or by 用户管理) to a provider. */
export async function linkProviderAccount(
  deps: Pick<Deps, 'db' | 'clock'>,
  county: string,
  userId: string,
  providerId: string,
  staffId: string | null,
) {
  await deps.db
    .insertInto('care_provider_user')
    .values({
      county_code: county,
      user_id: userId,
      provider_id: providerId,
      staff_id: staffId,
      created_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.columns(['county_code', 'user_id']).doNothing())
    .execute();
}
