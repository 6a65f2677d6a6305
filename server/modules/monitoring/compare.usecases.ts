import type { CompareRunView } from '../../../contracts/monitoring.ts';
import type { Database } from '../../db/database.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import type { JobRunContext, JobRunner } from '../../platform/jobs.ts';
import { requirePermission } from '../../platform/policies.ts';
import { addWorkingDays, DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import * as compare from './compare.repository.ts';
import * as population from './population.repository.ts';
import * as repo from './rules.repository.ts';

// Comparison runs (§7.3 大数据比对; issue 6 part 3): every feed against the whole registry and all
// active cases, rule by rule, as a job with progress and per-rule counts. The date of the run is the
// Asia/Shanghai date of the injected clock when it was started; every step is idempotent, so a run
// resumed after a crash (or run again the same day) adds nothing it already added.

export const COMPARE_JOB = 'monitoring.compare';

export type CompareDeps = { db: Database; clock: Clock; jobs: Pick<JobRunner, 'enqueue'> };

export const runView = (r: repo.RunRow): CompareRunView => ({
  id: r.id,
  status: r.status,
  jobId: r.job_id,
  runOn: r.run_on,
  startedByName: r.started_by_name,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
  raised: r.raised,
  counts: r.counts,
});

async function createRun(deps: Pick<CompareDeps, 'db' | 'clock'>, ctx: RequestContext) {
  requirePermission(ctx.actor, 'monitoring.run');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const run = await repo.insertRun(trx, {
      county,
      runOn: shanghaiDateOf(at),
      by: auditActor(ctx).actorId,
      byName: ctx.actor.displayName,
      at,
    });
    if (!run)
      throw errors.conflict(
        'monitoring.run_in_progress',
        '本区县正在进行数据比对，请等待完成',
        'a comparison is already running in this county; wait until it has finished',
        { runId: (await repo.runningRun(trx, county))?.id ?? null },
      );
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'monitoring.compare_started',
        recordType: 'compare_run',
        recordId: run.id,
      },
    ]);
    return run;
  });
}

/** Starts a run and enqueues its job (after commit: the job must find the run). */
export async function startComparison(deps: CompareDeps, ctx: RequestContext) {
  const run = await createRun(deps, ctx);
  const job = await deps.jobs.enqueue({
    name: COMPARE_JOB,
    countyCode: ctx.actor.countyCode,
    scope: run.id,
    payload: { runId: run.id },
    createdBy: auditActor(ctx).actorId,
  });
  await repo.setRun(deps.db, ctx.actor.countyCode, run.id, { job_id: job.id });
  return { runId: run.id, jobId: job.id };
}

/** Runs a comparison in the caller's process without the job runner (demo generator, CLI). */
export async function compareNow(deps: Pick<CompareDeps, 'db' | 'clock'>, ctx: RequestContext) {
  const run = await createRun(deps, ctx);
  const result = await computeComparison(
    deps,
    { countyCode: ctx.actor.countyCode, progress: async () => {} },
    run.id,
  );
  const done = await repo.getRun(deps.db, ctx.actor.countyCode, run.id);
  return { ...runView(done!), stepMs: (result.stepMs ?? {}) as Record<string, number> };
}

/**
 * The job: seed the county's rules, sync the §7.1 categories (the RECIPIENTS / NOT_HELPED populations
 * read them), then one set-based statement per enabled rule. Due date = run date + the rule's SLA in
 * working days (§7.4 alert_sla_wd; §2.1 working days).
 */
export async function computeComparison(
  deps: Pick<CompareDeps, 'db' | 'clock'>,
  job: Pick<JobRunContext, 'countyCode' | 'progress'>,
  runId: string,
): Promise<Record<string, unknown>> {
  const county = job.countyCode;
  const run = await repo.getRun(deps.db, county, runId);
  if (!run) throw errors.notFound('比对批次', 'comparison run');
  if (run.status !== 'RUNNING') return { skipped: run.status };
  const today = run.run_on;
  try {
    // How long each step took (wall time, for operators and the benchmark; not business time).
    const stepMs: Record<string, number> = {};
    let mark = performance.now();
    const lap = (step: string) => {
      const t = performance.now();
      stepMs[step] = Math.round(t - mark);
      mark = t;
    };
    await repo.ensureDefaultRules(deps.db, county, deps.clock.now());
    await refreshStatistics(deps.db, compare.COMPARE_TABLES);
    lap('statistics');
    // CARE rules are raised by the care module from visits, not by comparing data.
    const rules = (await repo.listRules(deps.db, county))
      .filter((r) => r.enabled && r.kind !== 'CARE')
      .map(repo.toRuleDef);
    const total = rules.length + 2;
    void job.progress({ done: 0, total, message: '同步监测人口 syncing categories' });
    const fromCases = await deps.db.transaction().execute(async (trx) => {
      await compare.forSetBasedStep(trx);
      return population.syncCaseCategories(trx, county, today);
    });
    lap('categories:cases');
    const fromFeeds = await deps.db.transaction().execute(async (trx) => {
      await compare.forSetBasedStep(trx);
      return population.syncFeedCategories(trx, county, today);
    });
    // The sync just rewrote person_category: a planner that thinks it empty looks each candidate's
    // case up through the (county, category) index, a scan of the population per alert.
    await refreshStatistics(deps.db, ['person_category']);
    lap('categories:feeds');
    void job.progress({ done: 2, total, message: `categories ${fromCases + fromFeeds}` });
    const p = await parametersFor(deps.db, county, today);
    const standards: compare.Standards = {
      urbanFen: p.dibao.standardFen.urban,
      ruralFen: p.dibao.standardFen.rural,
      edgeNum: p.edge.multiplier.num,
      edgeDen: p.edge.multiplier.den,
    };
    const counts: Record<string, number> = {};
    let done = 2;
    for (const rule of rules) {
      const scope = {
        county,
        runId,
        today,
        dueOn: addWorkingDays(today, rule.slaWd, DEFAULT_CALENDAR),
        now: deps.clock.now(),
      };
      counts[rule.code] = await deps.db.transaction().execute(async (trx) => {
        await compare.forSetBasedStep(trx);
        return rule.kind === 'FIELD_THRESHOLD'
          ? compare.raiseFieldRule(trx, scope, rule)
          : compare.raiseBuiltin(trx, scope, rule, standards);
      });
      lap(rule.code);
      done += 1;
      void job.progress({ done, total, message: `${rule.code}: ${counts[rule.code]}` });
    }
    const raised = Object.values(counts).reduce((a, b) => a + b, 0);
    await repo.setRun(deps.db, county, runId, {
      status: 'SUCCEEDED',
      finished_at: deps.clock.now(),
      raised,
      counts: JSON.stringify(counts),
    });
    return { runId, raised, counts, stepMs };
  } catch (err) {
    await repo.setRun(deps.db, county, runId, { status: 'FAILED', finished_at: deps.clock.now() });
    throw err;
  }
}

export async function listRuns(deps: Pick<CompareDeps, 'db'>, ctx: RequestContext) {
  requirePermission(ctx.actor, 'monitoring.read');
  return (await repo.listRuns(deps.db, ctx.actor.countyCode)).map(runView);
}
