import crypto from 'node:crypto';
import { callInput, checkInput, type VerificationView } from '../../../contracts/care.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { drawSample, monthEnd, sampleSize } from './care.models.ts';
import { careScope, contractNotFound, verificationNotFound } from './care-scope.ts';
import * as repo from './care-verification.repository.ts';

// The town's monthly verification (§5.4; §2.3 the town checks, the county pays): per contract and
// month, a sample of the visits is checked (spot check by visit or phone) and satisfaction calls
// are recorded; "verify month" freezes each covered person's figures as the provider's payment
// basis, which the CARE payroll then pays (care-payroll.repository.ts). A VERIFIED month is final.

type Deps = { db: Database; clock: Clock };

/** The contract in the caller's jurisdiction: a town verifies only its own town's contracts. */
async function contractFor(deps: Deps, ctx: RequestContext, contractId: string) {
  const scope = await careScope(deps.db, ctx);
  const k = await deps.db
    .selectFrom('care_contract as k')
    .innerJoin('care_provider as p', (j) =>
      j.onRef('p.county_code', '=', 'k.county_code').onRef('p.id', '=', 'k.provider_id'),
    )
    .select([
      'k.id',
      'k.contract_no',
      'k.provider_id',
      'k.town_code',
      'k.valid_from',
      'k.valid_to',
      'p.name as provider_name',
    ])
    .where('k.county_code', '=', scope.county)
    .where('k.id', '=', contractId)
    .$if(scope.column !== 'county_code', (q) => q.where('k.town_code', '=', scope.value.slice(0, 9)))
    .executeTakeFirst();
  if (!k) throw contractNotFound();
  return k;
}

async function loadVerification(deps: Deps, ctx: RequestContext, id: string) {
  const v = await deps.db
    .selectFrom('care_verification')
    .selectAll()
    .where('county_code', '=', ctx.actor.countyCode)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v) throw verificationNotFound();
  const k = await contractFor(deps, ctx, v.contract_id).catch(() => {
    throw verificationNotFound();
  });
  return { v, k };
}

export async function getVerification(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<VerificationView> {
  requirePermission(ctx.actor, 'care.read');
  const { v, k } = await loadVerification(deps, ctx, id);
  const county = v.county_code;
  const callRows = await repo.calls(deps.db, county, id);
  const callOf = (coverageId: string) => callRows.find((c) => c.coverage_id === coverageId)?.result ?? null;
  const lines =
    v.status === 'VERIFIED'
      ? (await repo.frozenLines(deps.db, county, id)).map((l) => ({
          coverageId: l.coverage_id,
          caseId: l.case_id,
          nameMask: l.name_mask,
          coveredDays: l.covered_days,
          requiredVisits: l.required_visits,
          recordedVisits: l.recorded_visits,
          countedVisits: l.counted_visits,
          feeFen: l.fee_fen,
          basisFen: l.basis_fen,
        }))
      : await repo.computeBasis(deps.db, county, v.contract_id, v.month, id);
  return {
    id: v.id,
    contractId: v.contract_id,
    contractNo: k.contract_no,
    providerName: k.provider_name,
    townCode: v.town_code,
    month: v.month,
    status: v.status,
    persons: v.status === 'VERIFIED' ? v.persons : lines.length,
    basisFen: v.status === 'VERIFIED' ? v.basis_fen : lines.reduce((s, l) => s + l.basisFen, 0),
    verifiedByName: v.verified_by_name,
    verifiedAt: v.verified_at?.toISOString() ?? null,
    samples: (await repo.samples(deps.db, county, id)).map((s) => ({
      visitId: s.visit_id,
      personName: s.name_mask,
      visitOn: s.visit_on,
      minutes: s.minutes,
      result: s.result,
      note: s.note,
    })),
    lines: lines.map((l) => ({ ...l, call: callOf(l.coverageId) })),
  };
}

/** Opens (or returns) the month's verification of a contract and draws its sample from a kept seed. */
export async function openVerification(deps: Deps, ctx: RequestContext, contractId: string, month: string) {
  requirePermission(ctx.actor, 'care.verify');
  const k = await contractFor(deps, ctx, contractId);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  if (month >= `${shanghaiDateOf(at).slice(0, 7)}-01`)
    throw new AppError(
      'care.month_not_over',
      409,
      '只能核验已结束的月份',
      'only a month that has ended can be verified',
      { month },
    );
  if (month.slice(0, 7) < k.valid_from.slice(0, 7) || month.slice(0, 7) > k.valid_to.slice(0, 7))
    throw new AppError(
      'care.month_outside_contract',
      409,
      '该月份不在合同期限内',
      'the month is outside the contract period',
    );
  const existing = await deps.db
    .selectFrom('care_verification')
    .select('id')
    .where('county_code', '=', county)
    .where('contract_id', '=', contractId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (existing) return getVerification(deps, ctx, existing.id);
  const seed = crypto.randomBytes(8).toString('hex');
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_verification')
      .values({
        county_code: county,
        contract_id: contractId,
        provider_id: k.provider_id,
        town_code: k.town_code,
        month,
        status: 'DRAFT',
        sample_seed: seed,
        note: null,
        created_by: auditActor(ctx).actorId,
        created_at: at,
        verified_by: null,
        verified_by_name: null,
        verified_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const visits = await repo.monthVisitIds(trx, county, contractId, month);
    const sample = drawSample(visits, sampleSize(visits.length), seed);
    if (sample.length > 0)
      await trx
        .insertInto('care_verification_check')
        .values(
          sample.map((visitId) => ({
            county_code: county,
            verification_id: row.id,
            visit_id: visitId,
            result: 'PENDING' as const,
            note: null,
            checked_by: null,
            checked_at: null,
          })),
        )
        .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.verification_opened',
        recordType: 'care_verification',
        recordId: row.id,
        detail: { contractId, month, seed, sampled: sample.length, visits: visits.length },
      },
    ]);
    return row.id;
  });
  return getVerification(deps, ctx, id);
}

async function draftFor(deps: Deps, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'care.verify');
  const { v } = await loadVerification(deps, ctx, id);
  if (v.status !== 'DRAFT')
    throw errors.conflict(
      'care.already_verified',
      '该月已核验，不能修改',
      'the month is verified; it cannot change',
    );
  return v;
}

export async function checkSample(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  visitId: string,
  body: unknown,
) {
  const input = parseOr400(checkInput, body);
  const v = await draftFor(deps, ctx, id);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('care_verification_check')
      .set({ result: input.result, note: input.note, checked_by: auditActor(ctx).actorId, checked_at: at })
      .where('county_code', '=', v.county_code)
      .where('verification_id', '=', id)
      .where('visit_id', '=', visitId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw errors.notFound('抽查记录', 'The sampled visit', 'care.sample_not_found');
    await appendAudit(trx, at, [
      {
        countyCode: v.county_code,
        ...auditActor(ctx),
        action: 'care.sample_checked',
        recordType: 'care_verification',
        recordId: id,
        detail: { visitId, ...input },
      },
    ]);
  });
  return getVerification(deps, ctx, id);
}

export async function recordCall(deps: Deps, ctx: RequestContext, id: string, body: unknown) {
  const input = parseOr400(callInput, body);
  const v = await draftFor(deps, ctx, id);
  const at = deps.clock.now();
  const covered = await repo.computeBasis(deps.db, v.county_code, v.contract_id, v.month, id);
  if (!covered.some((l) => l.coverageId === input.coverageId))
    throw errors.validation([
      { field: 'coverageId', message: '该人员不在本月核验范围内', messageEn: 'not covered in this month' },
    ]);
  await deps.db.transaction().execute(async (trx) => {
    const values = {
      result: input.result,
      note: input.note,
      called_by: auditActor(ctx).actorId,
      called_at: at,
    };
    await trx
      .insertInto('care_satisfaction_call')
      .values({ county_code: v.county_code, verification_id: id, coverage_id: input.coverageId, ...values })
      .onConflict((oc) => oc.columns(['county_code', 'verification_id', 'coverage_id']).doUpdateSet(values))
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: v.county_code,
        ...auditActor(ctx),
        action: 'care.call_recorded',
        recordType: 'care_verification',
        recordId: id,
        detail: input,
      },
    ]);
  });
  return getVerification(deps, ctx, id);
}

/** "Verify month": every sampled visit checked, then the basis is frozen per person (VERIFIED). */
export async function verifyMonth(deps: Deps, ctx: RequestContext, id: string) {
  const v = await draftFor(deps, ctx, id);
  const county = v.county_code;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('care_verification')
      .select('status')
      .where('county_code', '=', county)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== 'DRAFT')
      throw errors.conflict('care.already_verified', '该月已核验', 'the month is already verified');
    const pending = (await repo.samples(trx, county, id)).filter((s) => s.result === 'PENDING').length;
    if (pending > 0)
      throw new AppError(
        'care.samples_pending',
        409,
        `还有 ${pending} 条抽查记录未核实`,
        `${pending} sampled visits are not checked yet`,
        { pending },
      );
    const lines = await repo.computeBasis(trx, county, v.contract_id, v.month, id);
    if (lines.length > 0)
      await trx
        .insertInto('care_verification_line')
        .values(
          lines.map((l) => ({
            county_code: county,
            verification_id: id,
            coverage_id: l.coverageId,
            contract_id: v.contract_id,
            provider_id: v.provider_id,
            case_id: l.caseId,
            person_id: l.personId,
            month: v.month,
            covered_days: l.coveredDays,
            required_visits: l.requiredVisits,
            recorded_visits: l.recordedVisits,
            counted_visits: l.countedVisits,
            fee_fen: l.feeFen,
            basis_fen: l.basisFen,
          })),
        )
        .execute();
    const basis = lines.reduce((s, l) => s + l.basisFen, 0);
    await trx
      .updateTable('care_verification')
      .set({
        status: 'VERIFIED',
        persons: lines.length,
        basis_fen: basis,
        verified_by: auditActor(ctx).actorId,
        verified_by_name: ctx.actor.displayName,
        verified_at: at,
      })
      .where('county_code', '=', county)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.month_verified',
        recordType: 'care_verification',
        recordId: id,
        detail: { contractId: v.contract_id, month: v.month, persons: lines.length, basisFen: basis },
      },
    ]);
  });
  return getVerification(deps, ctx, id);
}

/** The month's contracts in the caller's jurisdiction with their verification, if opened. */
export async function listVerifications(deps: Deps, ctx: RequestContext, month: string) {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const end = monthEnd(month);
  const rows = await deps.db
    .selectFrom('care_contract as k')
    .innerJoin('care_provider as p', (j) =>
      j.onRef('p.county_code', '=', 'k.county_code').onRef('p.id', '=', 'k.provider_id'),
    )
    .leftJoin('care_verification as v', (j) =>
      j
        .onRef('v.county_code', '=', 'k.county_code')
        .onRef('v.contract_id', '=', 'k.id')
        .on('v.month', '=', month),
    )
    .select([
      'k.id as contract_id',
      'k.contract_no',
      'k.town_code',
      'k.service_type',
      'p.name as provider_name',
    ])
    .select(['v.id', 'v.status', 'v.persons', 'v.basis_fen'])
    .where('k.county_code', '=', scope.county)
    .where('k.valid_from', '<=', end)
    .where('k.valid_to', '>=', month)
    .$if(scope.providerId !== null, (q) => q.where('k.provider_id', '=', scope.providerId as string))
    .$if(scope.column !== 'county_code', (q) => q.where('k.town_code', '=', scope.value.slice(0, 9)))
    .orderBy('k.town_code')
    .orderBy('k.contract_no')
    .execute();
  return rows.map((r) => ({
    contractId: r.contract_id,
    contractNo: r.contract_no,
    townCode: r.town_code,
    serviceType: r.service_type,
    providerName: r.provider_name,
    verificationId: r.id,
    status: r.status,
    persons: r.persons,
    basisFen: r.basis_fen,
  }));
}
