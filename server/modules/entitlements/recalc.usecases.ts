import type { RecalcRunView } from '../../../contracts/entitlements.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { JobRunContext, JobRunner } from '../../platform/jobs.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import * as repo from './entitlements.repository.ts';
import { recalcChange } from './recalc.models.ts';

// Recalculation after a standard or parameter change (§9.4): computed as a job into a change list
// (case, old, new, back-pay) that a district officer approves or rejects as a whole; approval turns
// it into entitlement versions, which payroll reads. One open run per county: a new change
// supersedes a list nobody has decided yet.

export const RECALC_JOB = 'entitlements.recalc';
const PAGE = 5000;

export type RecalcDeps = { db: Database; clock: Clock; jobs: Pick<JobRunner, 'enqueue'> };

export function runView(r: repo.RecalcRunRow): RecalcRunView {
  return {
    id: r.id,
    effectiveFrom: r.effective_from,
    computedOn: r.computed_on,
    status: r.status,
    jobId: r.job_id,
    trigger: r.trigger,
    casesChecked: r.cases_checked,
    casesChanged: r.cases_changed,
    casesIneligible: r.cases_ineligible,
    monthlyDeltaFen: r.monthly_delta_fen,
    backPayFen: r.back_pay_fen,
    createdAt: r.created_at.toISOString(),
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
  };
}

const busy = () =>
  errors.conflict(
    'entitlements.recalc_running',
    '本区县正在进行待遇重算，请等待完成后再试',
    'a recalculation is already running in this county; try again when it has finished',
  );

/** Starts a run from `effectiveFrom` ('YYYY-MM-01'), superseding an undecided one. */
export async function startRecalc(
  deps: RecalcDeps,
  ctx: RequestContext,
  input: { effectiveFrom: string; trigger: string },
): Promise<{ runId: string; jobId: string }> {
  requirePermission(ctx.actor, 'entitlements.approve');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const runId = await deps.db.transaction().execute(async (trx) => {
    const open = await repo.openRun(trx, county);
    if (open?.status === 'COMPUTING') throw busy();
    if (open) {
      await trx
        .updateTable('recalc_run')
        .set({ status: 'SUPERSEDED' })
        .where('county_code', '=', county)
        .where('id', '=', open.id)
        .execute();
    }
    const run = await trx
      .insertInto('recalc_run')
      .values({
        county_code: county,
        effective_from: input.effectiveFrom,
        computed_on: shanghaiDateOf(at),
        status: 'COMPUTING',
        trigger: input.trigger,
        created_by: auditActor(ctx).actorId,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'entitlements.recalc_started',
        recordType: 'recalc_run',
        recordId: run.id,
        detail: { effectiveFrom: input.effectiveFrom, trigger: input.trigger, superseded: open?.id ?? null },
      },
    ]);
    return run.id;
  });
  // Enqueued after commit (architecture convention 4): the job must find the run row.
  const job = await deps.jobs.enqueue({
    name: RECALC_JOB,
    countyCode: county,
    scope: runId,
    payload: { runId },
    createdBy: auditActor(ctx).actorId,
  });
  await deps.db
    .updateTable('recalc_run')
    .set({ job_id: job.id })
    .where('county_code', '=', county)
    .where('id', '=', runId)
    .execute();
  return { runId, jobId: job.id };
}

/**
 * The job: every active case's current entitlement recomputed under the parameters in force from
 * the run's month. A resumed run starts over (its change rows are deleted first), so a crash
 * never leaves a half list.
 */
export async function computeRecalc(
  deps: Pick<RecalcDeps, 'db'>,
  job: Pick<JobRunContext, 'countyCode' | 'progress'>,
  runId: string,
): Promise<Record<string, unknown>> {
  const county = job.countyCode;
  const run = await repo.getRun(deps.db, county, runId);
  if (!run) throw errors.notFound('重算批次', 'recalculation run');
  if (run.status !== 'COMPUTING') return { skipped: run.status };
  try {
    const params = await parametersFor(deps.db, county, run.effective_from);
    const firstUnpaid = `${run.computed_on.slice(0, 7)}-01`;
    await repo.deleteChanges(deps.db, county, runId);
    const total = await repo.countActive(deps.db, county);
    let after = '00000000-0000-0000-0000-000000000000';
    let checked = 0;
    let changed = 0;
    let ineligible = 0;
    let delta = 0;
    let backPay = 0;
    void job.progress({ done: 0, total, message: '重算中 recomputing' });
    for (;;) {
      const page = await repo.activeBasisPage(deps.db, county, after, PAGE);
      if (page.length === 0) break;
      const changes: repo.ChangeRow[] = [];
      for (const row of page) {
        const c = recalcChange(row, params, run.effective_from, firstUnpaid);
        if (!c) continue;
        changes.push(c);
        if (c.outcome === 'INELIGIBLE') ineligible++;
        else {
          changed++;
          delta += c.new_fen - c.old_fen;
          backPay += c.back_pay_fen;
        }
      }
      await repo.insertChanges(deps.db, county, runId, changes);
      checked += page.length;
      after = page[page.length - 1]!.case_id;
      void job.progress({ done: checked, total: Math.max(total, checked), message: `已重算 ${checked} 件` });
    }
    await deps.db
      .updateTable('recalc_run')
      .set({
        status: 'PENDING',
        cases_checked: checked,
        cases_changed: changed,
        cases_ineligible: ineligible,
        monthly_delta_fen: delta,
        back_pay_fen: backPay,
      })
      .where('county_code', '=', county)
      .where('id', '=', runId)
      .execute();
    return { runId, checked, changed, ineligible, monthlyDeltaFen: delta, backPayFen: backPay };
  } catch (err) {
    await deps.db
      .updateTable('recalc_run')
      .set({ status: 'FAILED' })
      .where('county_code', '=', county)
      .where('id', '=', runId)
      .execute();
    throw err;
  }
}

async function decide(
  deps: Pick<RecalcDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  runId: string,
  reason: string,
  approve: boolean,
): Promise<RecalcRunView> {
  requirePermission(ctx.actor, 'entitlements.approve');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, county, runId);
    if (!run) throw errors.notFound('重算批次', 'recalculation run');
    if (run.status !== 'PENDING')
      throw errors.conflict(
        'entitlements.recalc_not_pending',
        `该重算批次状态为 ${run.status}，只能审批待审批的清单`,
        `the run is ${run.status}; only a pending list can be decided`,
      );
    let applied = { applied: 0, flagged: 0 };
    if (approve) {
      const stale = await repo.countStaleChanges(trx, county, runId);
      if (stale > 0)
        throw new AppError(
          'entitlements.recalc_stale',
          409,
          `清单生成后有 ${stale} 件案件的待遇已变化，请重新计算后再审批`,
          `${stale} cases changed since the list was computed; recompute before approving`,
          { stale },
        );
      applied = await repo.applyApprovedChanges(trx, county, runId, at, shanghaiDateOf(at));
    }
    const updated = await trx
      .updateTable('recalc_run')
      .set({
        status: approve ? 'APPROVED' : 'REJECTED',
        decided_by: auditActor(ctx).actorId,
        decided_by_name: ctx.actor.displayName,
        decided_at: at,
        decision_reason: reason,
      })
      .where('county_code', '=', county)
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: approve ? 'entitlements.recalc_approved' : 'entitlements.recalc_rejected',
        recordType: 'recalc_run',
        recordId: runId,
        detail: { reason, ...applied, changed: run.cases_changed, backPayFen: run.back_pay_fen },
      },
    ]);
    return runView(updated);
  });
}

export const approveRecalc = (
  deps: Pick<RecalcDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  runId: string,
  reason: string,
) => decide(deps, ctx, runId, reason, true);
export const rejectRecalc = (
  deps: Pick<RecalcDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  runId: string,
  reason: string,
) => decide(deps, ctx, runId, reason, false);

export async function listRecalcRuns(deps: Pick<RecalcDeps, 'db'>, ctx: RequestContext) {
  requirePermission(ctx.actor, 'entitlements.read');
  return (await repo.listRuns(deps.db, ctx.actor.countyCode, 50)).map(runView);
}

export async function recalcChanges(
  deps: Pick<RecalcDeps, 'db'>,
  ctx: RequestContext,
  runId: string,
  page: { offset: number; limit: number },
) {
  requirePermission(ctx.actor, 'entitlements.read');
  const county = ctx.actor.countyCode;
  const run = await repo.getRun(deps.db, county, runId);
  if (!run) throw errors.notFound('重算批次', 'recalculation run');
  const town = ctx.actor.jurisdictionCode.length === 9 ? ctx.actor.jurisdictionCode : undefined;
  const { rows, total } = await repo.listChanges(deps.db, county, runId, { ...page, townCode: town });
  return {
    run: runView(run),
    total,
    items: rows.map((r) => ({
      caseId: r.case_id,
      caseNo: r.case_no,
      scheme: r.scheme,
      villageCode: r.village_code,
      oldFen: r.old_fen,
      newFen: r.new_fen,
      appliesFrom: r.applies_from,
      backPayMonths: r.back_pay_months,
      backPayFen: r.back_pay_fen,
      outcome: r.outcome,
    })),
  };
}
