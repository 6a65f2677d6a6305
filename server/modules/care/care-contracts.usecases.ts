import {
  CARE_LEVELS,
  type CareLevelCode,
  type ContractInput,
  type ContractView,
  type CoverageView,
  contractInput,
  coverageInput,
  planInput,
} from '../../../contracts/care.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { findOverlap, planFor } from './care.models.ts';
import * as repo from './care.repository.ts';
import { careScope, contractNotFound, coverageNotFound, providerNotFound } from './care-scope.ts';

// Care contracts (§5.4 CareServiceContract(provider, person, content, frequency, fee, period)): the
// district signs a contract per provider, town and service, then adds the dispersed 特困 persons it
// covers; each gets a care plan from the self-care level (§5.3). Overlap is refused (§5.4 rule).

type Deps = { db: Database; clock: Clock };

const invalid = (field: string, zh: string, en: string) =>
  errors.validation([{ field, message: zh, messageEn: en }]);

export const coverageView = (r: repo.CoverageRow): CoverageView => ({
  id: r.id,
  contractId: r.contract_id,
  caseId: r.case_id,
  caseNo: r.case_no,
  personId: r.person_id,
  nameMask: r.name_mask,
  villageCode: r.village_code,
  careLevel: r.care_level,
  fromOn: r.from_on,
  toOn: r.to_on,
  plan: {
    careLevel: r.plan_level,
    visitsPerMonth: r.visits_per_month,
    minMinutes: r.min_minutes,
    items: r.items,
  },
  visitsThisMonth: r.visits_this_month,
});

export async function listContracts(deps: Deps, ctx: RequestContext): Promise<ContractView[]> {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const rows = await repo
    .contractsIn(deps.db, scope)
    .orderBy('k.valid_from', 'desc')
    .orderBy('k.contract_no')
    .execute();
  const month = `${shanghaiDateOf(deps.clock.now()).slice(0, 7)}-01`;
  const persons = rows.length
    ? await repo.coverages(deps.db, scope, { contractIds: rows.map((r) => r.id), month })
    : [];
  return rows.map((k) => ({
    id: k.id,
    contractNo: k.contract_no,
    providerId: k.provider_id,
    providerName: k.provider_name,
    townCode: k.town_code,
    serviceType: k.service_type,
    items: k.items as string[],
    visitsPerMonth: k.visits_per_month,
    feeFen: k.fee_fen,
    validFrom: k.valid_from,
    validTo: k.valid_to,
    status: k.status,
    persons: persons.filter((p) => p.contract_id === k.id).map(coverageView),
  }));
}

async function contractView(deps: Deps, ctx: RequestContext, id: string) {
  const v = (await listContracts(deps, ctx)).find((k) => k.id === id);
  if (!v) throw contractNotFound();
  return v;
}

export async function createContract(
  deps: Deps,
  ctx: RequestContext,
  body: ContractInput,
): Promise<ContractView> {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(contractInput, body);
  const county = ctx.actor.countyCode;
  if (input.validTo < input.validFrom)
    throw invalid('validTo', '合同终止日期不能早于起始日期', 'the contract ends before it starts');
  if (!input.townCode.startsWith(county))
    throw invalid('townCode', '镇街不在本区县', 'the town is not in this county');
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const p = await trx
      .selectFrom('care_provider')
      .select(['id', 'active'])
      .where('county_code', '=', county)
      .where('id', '=', input.providerId)
      .executeTakeFirst();
    if (!p) throw providerNotFound();
    if (!p.active) throw invalid('providerId', '该服务机构已停用', 'the provider is inactive');
    const dup = await trx
      .selectFrom('care_contract')
      .select('id')
      .where('county_code', '=', county)
      .where('contract_no', '=', input.contractNo)
      .executeTakeFirst();
    if (dup)
      throw errors.conflict(
        'care.duplicate_contract_no',
        `合同编号 ${input.contractNo} 已存在`,
        `contract ${input.contractNo} exists`,
      );
    const row = await trx
      .insertInto('care_contract')
      .values({
        county_code: county,
        contract_no: input.contractNo,
        provider_id: input.providerId,
        town_code: input.townCode,
        service_type: input.serviceType,
        items: JSON.stringify(input.items),
        visits_per_month: input.visitsPerMonth,
        fee_fen: input.feeFen,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        status: 'ACTIVE',
        created_by: auditActor(ctx).actorId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.contract_created',
        recordType: 'care_contract',
        recordId: row.id,
        detail: { contractNo: input.contractNo, serviceType: input.serviceType, feeFen: input.feeFen },
      },
    ]);
    return row.id;
  });
  return contractView(deps, ctx, id);
}

const overlapError = (contractNo: string, fromOn: string, toOn: string) =>
  new AppError(
    'care.coverage_overlap',
    409,
    `该人员已在同类服务合同 ${contractNo}（${fromOn} 至 ${toOn}）中，同一服务的合同期限不能重叠`,
    `the person is already covered for this service by contract ${contractNo} (${fromOn} to ${toOn}); periods of the same service cannot overlap`,
    { contractNo, fromOn, toOn },
  );

/** Adds a dispersed 特困 person to a contract with a plan from the self-care level (§5.3, §5.4). */
export async function addCoverage(deps: Deps, ctx: RequestContext, contractId: string, body: unknown) {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(coverageInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  if (input.toOn < input.fromOn)
    throw invalid('toOn', '服务终止日期不能早于起始日期', 'coverage ends before it starts');
  try {
    await deps.db.transaction().execute(async (trx) => {
      const k = await trx
        .selectFrom('care_contract')
        .selectAll()
        .where('county_code', '=', county)
        .where('id', '=', contractId)
        .executeTakeFirst();
      if (!k) throw contractNotFound();
      if (input.fromOn < k.valid_from || input.toOn > k.valid_to)
        throw invalid(
          'fromOn',
          `服务期限须在合同期限 ${k.valid_from} 至 ${k.valid_to} 内`,
          'coverage must lie within the contract period',
        );
      const c = await trx
        .selectFrom('assistance_case as c')
        .leftJoin('entitlement as e', (j) =>
          j
            .onRef('e.county_code', '=', 'c.county_code')
            .onRef('e.case_id', '=', 'c.id')
            .on('e.is_current', '=', true),
        )
        .leftJoin('person as p', (j) =>
          j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.subject_person_id'),
        )
        .select([
          'c.id',
          'c.scheme',
          'c.stage',
          'c.support_mode',
          'c.subject_person_id',
          'c.town_code',
          'c.village_code',
        ])
        .select(['e.care_level', 'p.self_care_level'])
        .where('c.county_code', '=', county)
        .where('c.id', '=', input.caseId)
        .executeTakeFirst();
      if (!c) throw errors.notFound('案件', 'case', 'cases.not_found');
      // §5.4: purchased home care is for dispersed 特困 persons; the centralised are cared for in the institution.
      if (
        c.scheme !== 'TEKUN' ||
        c.stage !== 'ACTIVE' ||
        c.support_mode === 'CENTRALISED' ||
        !c.subject_person_id
      )
        throw errors.conflict(
          'care.not_dispersed_tekun',
          '只有在保的分散供养特困人员可以纳入照护服务合同',
          'only active dispersed 特困 persons can be covered',
        );
      if (c.town_code !== k.town_code)
        throw invalid('caseId', '该人员不在合同服务的镇街', 'the person lives outside the contract’s town');
      const existing = await trx
        .selectFrom('care_contract_person as x')
        .innerJoin('care_contract as k2', (j) =>
          j.onRef('k2.county_code', '=', 'x.county_code').onRef('k2.id', '=', 'x.contract_id'),
        )
        .select(['x.person_id', 'x.service_type', 'x.from_on', 'x.to_on', 'k2.contract_no'])
        .where('x.county_code', '=', county)
        .where('x.person_id', '=', c.subject_person_id)
        .execute();
      const clash = findOverlap(
        existing.map((e) => ({
          personId: e.person_id,
          serviceType: e.service_type,
          fromOn: e.from_on,
          toOn: e.to_on,
          no: e.contract_no,
        })),
        {
          personId: c.subject_person_id,
          serviceType: k.service_type,
          fromOn: input.fromOn,
          toOn: input.toOn,
        },
      );
      if (clash) throw overlapError(clash.no, clash.fromOn, clash.toOn);
      const level = (c.care_level ?? c.self_care_level ?? 'SELF_CARE') as CareLevelCode;
      const defaults = await repo.planDefaults(trx, county);
      const plan = planFor(defaults[level], {
        visitsPerMonth: k.visits_per_month,
        items: k.items as string[],
      });
      const row = await trx
        .insertInto('care_contract_person')
        .values({
          county_code: county,
          contract_id: k.id,
          service_type: k.service_type,
          person_id: c.subject_person_id,
          case_id: c.id,
          town_code: c.town_code,
          village_code: c.village_code,
          care_level: level,
          from_on: input.fromOn,
          to_on: input.toOn,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('care_plan')
        .values({
          county_code: county,
          coverage_id: row.id,
          care_level: level,
          visits_per_month: plan.visitsPerMonth,
          min_minutes: plan.minMinutes,
          items: JSON.stringify(plan.items),
          updated_by: auditActor(ctx).actorId,
          updated_at: at,
        })
        .execute();
      await appendAudit(trx, at, [
        {
          countyCode: county,
          ...auditActor(ctx),
          action: 'care.coverage_added',
          recordType: 'care_contract',
          recordId: k.id,
          detail: {
            coverageId: row.id,
            caseId: c.id,
            fromOn: input.fromOn,
            toOn: input.toOn,
            careLevel: level,
            plan,
          },
        },
      ]);
    });
  } catch (e) {
    // The database's own rule (trigger under a lock) answers a concurrent signing the pre-check missed.
    if ((e as { code?: string }).code === '23P01') throw overlapError('?', input.fromOn, input.toOn);
    throw e;
  }
  return contractView(deps, ctx, contractId);
}

/** The district adjusts one person's plan (frequency, minimum minutes, items) after assessment. */
export async function updatePlan(deps: Deps, ctx: RequestContext, coverageId: string, body: unknown) {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(planInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('care_plan')
      .set({
        visits_per_month: input.visitsPerMonth,
        min_minutes: input.minMinutes,
        items: JSON.stringify(input.items),
        updated_by: auditActor(ctx).actorId,
        updated_at: at,
      })
      .where('county_code', '=', county)
      .where('coverage_id', '=', coverageId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw coverageNotFound();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.plan_updated',
        recordType: 'care_plan',
        recordId: coverageId,
        detail: input,
      },
    ]);
  });
}

export async function getPlanDefaults(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx.actor, 'care.read');
  await repo.ensurePlanDefaults(deps.db, ctx.actor.countyCode, deps.clock.now());
  const d = await repo.planDefaults(deps.db, ctx.actor.countyCode);
  return CARE_LEVELS.map((level) => ({ careLevel: level, ...d[level] }));
}

/** §5.3 "the mapping is configurable": a district changes a level's default plan for new signings. */
export async function savePlanDefault(deps: Deps, ctx: RequestContext, level: CareLevelCode, body: unknown) {
  requirePermission(ctx.actor, 'care.manage');
  const input = parseOr400(planInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.ensurePlanDefaults(trx, county, at);
    await trx
      .updateTable('care_plan_default')
      .set({
        visits_per_month: input.visitsPerMonth,
        min_minutes: input.minMinutes,
        items: JSON.stringify(input.items),
        updated_by: auditActor(ctx).actorId,
        updated_at: at,
      })
      .where('county_code', '=', county)
      .where('care_level', '=', level)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.plan_default_updated',
        recordType: 'care_plan_default',
        recordId: level,
        detail: input,
      },
    ]);
  });
  return getPlanDefaults(deps, ctx);
}
