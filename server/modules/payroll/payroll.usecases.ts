import type { PayrollRunView } from '../../../contracts/payroll.ts';
import type { Database } from '../../db/database.ts';
import type { PayrollScheme } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import type { JobRunContext, JobRunner } from '../../platform/jobs.ts';
import { requirePermission } from '../../platform/policies.ts';
import { CARE_PAYROLL_STEPS } from '../care/care-payroll.repository.ts';
import * as repo from './payroll.repository.ts';
import * as recovery from './payroll-recovery.repository.ts';

// Monthly payroll runs (M5): money reaches people once a month, exactly once. A run per county,
// scheme and month (rule 1) is computed by a job into lines whose primary key is the idempotency
// rule (rule 7), reviewed against the previous month (rule 8) and approved by a district officer
// (rule 9); an approved run is immutable and corrections go into the next month (catch-up, reissue).

export const PAYROLL_JOB = 'payroll.compute';

/**
 * Rule 6 (§2.5; S3 Art.68): the share of a monthly amount withheld towards a fraud recovery.
 * [U] A local rule to confirm with the client: the regulations order the recovery but do not fix how
 * much of the ongoing benefit may be withheld; 50 % keeps the household's basic living covered.
 */
export const DEDUCTION_SHARE_PERCENT = 50;

export type PayrollDeps = { db: Database; clock: Clock; jobs: Pick<JobRunner, 'enqueue'> };

export function runView(r: repo.PayrollRunRow): PayrollRunView {
  return {
    id: r.id,
    scheme: r.scheme,
    month: r.month,
    status: r.status,
    jobId: r.job_id,
    lineCount: r.line_count,
    grossFen: r.gross_fen,
    deductionFen: r.deduction_fen,
    netFen: r.net_fen,
    createdAt: r.created_at.toISOString(),
    approvedByName: r.approved_by_name,
    approvedAt: r.approved_at?.toISOString() ?? null,
    approvalNote: r.approval_note,
  };
}

const notFound = () => errors.notFound('发放批次', 'payroll run');

async function enqueueCompute(deps: PayrollDeps, ctx: RequestContext, runId: string, period?: string) {
  // Enqueued after commit (architecture convention 4): the job must find the run row.
  const job = await deps.jobs.enqueue({
    name: PAYROLL_JOB,
    countyCode: ctx.actor.countyCode,
    scope: runId,
    ...(period ? { period } : {}),
    payload: { runId },
    createdBy: auditActor(ctx).actorId,
  });
  const run = await repo.setRun(deps.db, ctx.actor.countyCode, runId, { job_id: job.id });
  return { runId, jobId: job.id, run: runView(run) };
}

/** Rule 1: inserts the run (COMPUTING) and enqueues its computation; a month not yet reached is refused. */
export async function startPayroll(
  deps: PayrollDeps,
  ctx: RequestContext,
  input: { scheme: PayrollScheme; month: string },
) {
  requirePermission(ctx.actor, 'payroll.manage');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const current = `${shanghaiDateOf(at).slice(0, 7)}-01`;
  if (input.month > current)
    throw new AppError(
      'payroll.month_not_reached',
      400,
      `${input.month.slice(0, 7)} 尚未到来，不能发放`,
      `${input.month.slice(0, 7)} has not begun yet; it cannot be paid`,
      { month: input.month, current },
    );
  const runId = await deps.db.transaction().execute(async (trx) => {
    const run = await repo.insertRun(trx, {
      county_code: county,
      scheme: input.scheme,
      month: input.month,
      created_by: auditActor(ctx).actorId,
      created_at: at,
    });
    if (!run) {
      const existing = await repo.findRun(trx, county, input.scheme, input.month);
      throw errors.conflict(
        'payroll.run_exists',
        `${input.month.slice(0, 7)} 的发放批次已存在，每月只发放一次`,
        `a payroll run for ${input.month.slice(0, 7)} already exists; a month is paid once`,
        { runId: existing?.id ?? null, status: existing?.status ?? null },
      );
    }
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'payroll.started',
        recordType: 'payroll_run',
        recordId: run.id,
        detail: { scheme: input.scheme, month: input.month },
      },
    ]);
    return run.id;
  });
  return enqueueCompute(deps, ctx, runId);
}

/**
 * The job (rule 7): every step is an idempotent set-based INSERT … ON CONFLICT DO NOTHING (or an
 * UPDATE that computes the same values), so a resumed job simply runs again; the totals are then
 * recomputed from the lines and the run goes to REVIEW.
 */
export async function computePayroll(
  deps: Pick<PayrollDeps, 'db'>,
  job: Pick<JobRunContext, 'countyCode' | 'progress'>,
  runId: string,
): Promise<Record<string, unknown>> {
  const county = job.countyCode;
  const run = await repo.getRun(deps.db, county, runId);
  if (!run) throw notFound();
  if (run.status !== 'COMPUTING') return { skipped: run.status };
  const scope: repo.RunScope = { county, runId, scheme: run.scheme, month: run.month };
  const steps: [string, (db: Database, s: repo.RunScope) => Promise<number>][] =
    run.scheme === 'CARE'
      ? CARE_PAYROLL_STEPS
      : run.scheme === 'TEMPORARY'
        ? [
            ['temporary', repo.insertTemporary],
            ['reissue', repo.insertReissues],
          ]
        : [
            ['monthly', repo.insertMonthly],
            ['deductions', (db, s) => repo.applyDeductions(db, s, DEDUCTION_SHARE_PERCENT)],
            ['backPay', repo.insertRecalcBackPay],
            ['catchUp', repo.insertCatchUp],
            ['reissue', repo.insertReissues],
          ];
  const counts: Record<string, number> = {};
  try {
    let done = 0;
    void job.progress({ done, total: steps.length + 1, message: '计算发放清单 computing' });
    for (const [name, step] of steps) {
      counts[name] = await step(deps.db, scope);
      done += 1;
      void job.progress({ done, total: steps.length + 1, message: `${name}: ${counts[name]}` });
    }
    const finished = await repo.finishRun(deps.db, county, runId);
    void job.progress({
      done: steps.length + 1,
      total: steps.length + 1,
      message: '待审核 ready for review',
    });
    return {
      runId,
      scheme: run.scheme,
      month: run.month,
      ...counts,
      lines: finished?.line_count ?? 0,
      netFen: finished?.net_fen ?? 0,
    };
  } catch (err) {
    await repo.setRun(deps.db, county, runId, { status: 'FAILED' });
    throw err;
  }
}

/** Rule 9: approval fixes the run; its deductions become recovery payments in the same transaction. */
export async function approvePayroll(
  deps: Pick<PayrollDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  runId: string,
  note: string,
): Promise<PayrollRunView> {
  requirePermission(ctx.actor, 'payroll.manage');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, county, runId);
    if (!run) throw notFound();
    if (run.status === 'APPROVED')
      throw errors.conflict(
        'payroll.already_approved',
        '该发放批次已审批',
        'the payroll run is already approved',
      );
    if (run.status !== 'REVIEW')
      throw errors.conflict(
        'payroll.not_in_review',
        `该发放批次状态为 ${run.status}，只能审批待审核的批次`,
        `the run is ${run.status}; only a run in review can be approved`,
      );
    const stale = await recovery.countStaleDeductions(trx, county, runId);
    if (stale > 0)
      throw new AppError(
        'payroll.deduction_stale',
        409,
        `计算后有 ${stale} 户的应追缴金额已变化，请重新计算后再审批`,
        `what ${stale} households owe changed since the run was computed; recompute before approving`,
        { stale },
      );
    const recoveries = await recovery.insertDeductionRecoveries(
      trx,
      county,
      runId,
      shanghaiDateOf(at),
      auditActor(ctx).actorId,
      at,
      `${run.month.slice(0, 7)} 保障金发放扣减（S3 第六十八条）`,
    );
    const updated = await repo.setRun(trx, county, runId, {
      status: 'APPROVED',
      approved_by: auditActor(ctx).actorId,
      approved_by_name: ctx.actor.displayName,
      approved_at: at,
      approval_note: note,
    });
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'payroll.approved',
        recordType: 'payroll_run',
        recordId: runId,
        detail: {
          note,
          scheme: run.scheme,
          month: run.month,
          lines: run.line_count,
          netFen: run.net_fen,
          deductionFen: run.deduction_fen,
          recoveries,
        },
      },
    ]);
    return runView(updated);
  });
}

/** Rule 9: a run not yet approved (in review, or failed) is computed again from nothing. */
export async function recomputePayroll(deps: PayrollDeps, ctx: RequestContext, runId: string) {
  requirePermission(ctx.actor, 'payroll.manage');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const run = await repo.lockRun(trx, county, runId);
    if (!run) throw notFound();
    if (run.status !== 'REVIEW' && run.status !== 'FAILED')
      throw errors.conflict(
        run.status === 'APPROVED' ? 'payroll.already_approved' : 'payroll.computing',
        run.status === 'APPROVED' ? '已审批的批次不能重算，更正在下月发放中处理' : '该批次正在计算',
        run.status === 'APPROVED'
          ? 'an approved run cannot be recomputed; corrections go into the next month'
          : 'the run is still computing',
      );
    await repo.deleteLines(trx, county, runId);
    await repo.setRun(trx, county, runId, {
      status: 'COMPUTING',
      line_count: 0,
      gross_fen: 0,
      deduction_fen: 0,
      net_fen: 0,
    });
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'payroll.recomputed',
        recordType: 'payroll_run',
        recordId: runId,
        detail: { previousStatus: run.status, lines: run.line_count },
      },
    ]);
  });
  // A new job each time: the first one's idempotency key is used up.
  return enqueueCompute(deps, ctx, runId, `recompute:${at.toISOString()}`);
}

export async function listPayrollRuns(deps: Pick<PayrollDeps, 'db'>, ctx: RequestContext) {
  requirePermission(ctx.actor, 'payroll.read');
  return (await repo.listRuns(deps.db, ctx.actor.countyCode, 100)).map(runView);
}

export async function getPayrollRun(deps: Pick<PayrollDeps, 'db'>, ctx: RequestContext, runId: string) {
  requirePermission(ctx.actor, 'payroll.read');
  const run = await repo.getRun(deps.db, ctx.actor.countyCode, runId);
  if (!run) throw notFound();
  return run;
}
