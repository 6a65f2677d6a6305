import type { Transaction } from 'kysely';
import {
  type InstitutionInput,
  type InstitutionView,
  institutionInput,
} from '../../../contracts/institutions.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import * as repo from './institutions.repository.ts';

// 供养服务机构 (§5.4): the district keeps the list; towns pick from it when a 特困 person chooses
// centralised support, and the payroll pays the institution's account.

type Deps = { db: Database; clock: Clock };

const view = (r: repo.InstitutionRow): InstitutionView => ({
  id: r.id,
  name: r.name,
  creditCode: r.credit_code,
  townCode: r.town_code,
  address: r.address,
  capacity: r.capacity,
  residents: Number(r.residents),
  accountName: r.account_name,
  bankAccount: r.bank_account,
  bankName: r.bank_name,
  active: r.active,
  updatedAt: r.updated_at.toISOString(),
});

const notFound = () => errors.notFound('供养服务机构', 'The institution', 'institutions.not_found');

export async function listInstitutions(deps: Deps, ctx: RequestContext): Promise<InstitutionView[]> {
  requirePermission(ctx.actor, 'institutions.read');
  return (await repo.listInstitutions(deps.db, ctx.actor.countyCode)).map(view);
}

export async function saveInstitution(
  deps: Deps,
  ctx: RequestContext,
  id: string | null,
  body: InstitutionInput,
): Promise<InstitutionView> {
  requirePermission(ctx.actor, 'institutions.manage');
  const input = parseOr400(institutionInput, body);
  const county = ctx.actor.countyCode;
  if (!input.townCode.startsWith(county))
    throw errors.validation([
      { field: 'townCode', message: '镇街不在本区县', messageEn: 'the town is not in this county' },
    ]);
  const at = deps.clock.now();
  const values = {
    name: input.name,
    credit_code: input.creditCode,
    town_code: input.townCode,
    address: input.address,
    capacity: input.capacity,
    account_name: input.accountName,
    bank_account: input.bankAccount,
    bank_name: input.bankName,
    active: input.active,
    updated_at: at,
  };
  const savedId = await deps.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('care_institution')
      .select('id')
      .where('county_code', '=', county)
      .where('credit_code', '=', input.creditCode)
      .executeTakeFirst();
    if (clash && clash.id !== id)
      throw errors.conflict(
        'institutions.duplicate_credit_code',
        `统一社会信用代码 ${input.creditCode} 已登记`,
        `the credit code ${input.creditCode} is already registered`,
      );
    let rowId: string;
    if (id === null) {
      const r = await trx
        .insertInto('care_institution')
        .values({ ...values, county_code: county, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      rowId = r.id;
    } else {
      const current = await repo.lockInstitution(trx, county, id);
      if (!current) throw notFound();
      await checkCapacityKept(trx, county, id, input.capacity, input.active);
      await trx
        .updateTable('care_institution')
        .set(values)
        .where('county_code', '=', county)
        .where('id', '=', id)
        .execute();
      rowId = id;
    }
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: id === null ? 'institutions.created' : 'institutions.updated',
        recordType: 'care_institution',
        recordId: rowId,
        detail: { name: input.name, capacity: input.capacity, active: input.active },
      },
    ]);
    return rowId;
  });
  const saved = await repo.getInstitution(deps.db, county, savedId);
  if (!saved) throw notFound();
  return view(saved);
}

/** Beds cannot drop below the persons already placed, and an institution with residents stays open. */
async function checkCapacityKept(
  trx: Transaction<DB>,
  county: string,
  id: string,
  capacity: number,
  active: boolean,
) {
  const residents = await repo.countResidents(trx, county, id, null);
  if (capacity < residents)
    throw errors.validation([
      {
        field: 'capacity',
        message: `床位数不能少于在院特困人员 ${residents} 人`,
        messageEn: `capacity cannot be below the ${residents} persons placed there`,
        expected: `≥ ${residents}`,
      },
    ]);
  if (!active && residents > 0)
    throw errors.validation([
      {
        field: 'active',
        message: `仍有 ${residents} 名特困人员在此集中供养，请先变更其供养方式`,
        messageEn: `${residents} persons are still supported there; change their support mode first`,
      },
    ]);
}

/**
 * Checks a placement for a 特困 case (in the case's transaction): the institution exists in the
 * county, is open, and has a free bed. Returns the case columns the placement sets.
 */
export async function placementColumns(
  trx: Transaction<DB>,
  county: string,
  caseId: string,
  mode: 'DISPERSED' | 'CENTRALISED',
  institutionId: string | null,
): Promise<{ support_mode: 'DISPERSED' | 'CENTRALISED'; institution_id: string | null }> {
  if (mode === 'DISPERSED' || institutionId === null) return { support_mode: mode, institution_id: null };
  const inst = await repo.lockInstitution(trx, county, institutionId);
  if (!inst) throw notFound();
  if (!inst.active)
    throw new AppError(
      'institutions.inactive',
      409,
      `供养服务机构「${inst.name}」已停用`,
      `the institution "${inst.name}" is closed`,
    );
  const residents = await repo.countResidents(trx, county, institutionId, caseId);
  if (residents >= inst.capacity)
    throw new AppError(
      'institutions.full',
      409,
      `供养服务机构「${inst.name}」床位已满（${inst.capacity} 张）`,
      `the institution "${inst.name}" is full (${inst.capacity} beds)`,
      { capacity: inst.capacity, residents },
    );
  return { support_mode: 'CENTRALISED', institution_id: institutionId };
}
