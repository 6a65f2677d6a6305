import type { z } from 'zod';
import type { MatchRunResult, MatchView, matchQuery } from '../../../contracts/policies.ts';
import type { Database } from '../../db/database.ts';
import { refreshStatistics } from '../../db/statistics.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobRunContext, JobRunner } from '../../platform/jobs.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { addWorkingDays, CalendarCoverageError, DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { compilePolicyExpression } from '../../rules/cel/policy-cel.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { type ExistingReferral, fieldsRead, schemesGivenBy } from './matching.models.ts';
import { planBatch, type RunPolicy, type StoredMatch, storedKey } from './matching.plan.ts';
import * as repo from './matching.repository.ts';
import * as ctxRepo from './policy-context.repository.ts';
import { buildContexts, type HouseholdContext, type HouseholdRow } from './policy-context.ts';

// Matching runs (§9.3 "policy finds the person"; S6 §五(一)): a job evaluates every active policy
// against every current household and member of the county, a batch of households at a time, and
// keeps one policy_match per (policy, subject): new → ELIGIBLE; still holding → last_matched_on moves;
// no longer holding and not referred → LAPSED. A match of a referable policy that was never delivered
// becomes a department referral (转办, PENDING, due in the department's working days, §2.1) and the
// match PUSHED. Every write of a batch and the checkpoint commit in one transaction; a re-run the
// same day finds everything in place and adds nothing. An expression failing for a subject is
// counted per policy and never stops the run.

export const MATCH_JOB = 'policies.match';
/** Households per batch: one transaction each, a few statements whatever the size. */
export const MATCH_BATCH = 500;

export type MatchingDeps = { db: Database; clock: Clock };

type Checkpoint = {
  runOn: string;
  after: string | null;
  done: number;
  counts: Omit<MatchRunResult, 'evaluationErrors' | 'policies'>;
  errors: Record<string, { count: number; sample: string }>;
};

const fresh = (runOn: string): Checkpoint => ({
  runOn,
  after: null,
  done: 0,
  counts: { subjectsEvaluated: 0, matched: 0, newMatches: 0, lapsed: 0, referralsCreated: 0 },
  errors: {},
});

/** Starts a run as a job (→ its id); while one is queued or running, that one is returned. */
export async function startMatchRun(
  deps: MatchingDeps & { jobs: Pick<JobRunner, 'enqueue'> },
  ctx: RequestContext,
): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, 'policies.run');
  const county = ctx.actor.countyCode;
  const open = await repo.openJob(deps.db, county, MATCH_JOB);
  if (open) return { jobId: open.id };
  const at = deps.clock.now();
  const runOn = shanghaiDateOf(at);
  const job = await deps.jobs.enqueue({
    name: MATCH_JOB,
    countyCode: county,
    scope: county,
    // Runs may be repeated (after editing a policy): each start is its own job.
    period: at.toISOString(),
    payload: { runOn },
    createdBy: auditActor(ctx).actorId,
  });
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'policies.match_started',
        recordType: 'job',
        recordId: job.id,
        detail: { runOn },
      },
    ]),
  );
  return { jobId: job.id };
}

/** A run in the caller's process without the job runner (the demo generator, the CLI). */
export async function matchNow(deps: MatchingDeps, ctx: RequestContext): Promise<MatchRunResult> {
  requirePermission(ctx.actor, 'policies.run');
  const runOn = shanghaiDateOf(deps.clock.now());
  return computeMatching(deps, { countyCode: ctx.actor.countyCode, jobId: null, checkpoint: null }, runOn);
}

function dueDates(runOn: string, departments: readonly { code: string; answer_working_days: number }[]) {
  try {
    return new Map(
      departments.map((d) => [d.code, addWorkingDays(runOn, d.answer_working_days, DEFAULT_CALENDAR)]),
    );
  } catch (e) {
    if (e instanceof CalendarCoverageError)
      throw new AppError('policies.calendar_not_covered', 409, e.messageZh, e.messageEn);
    throw e;
  }
}

async function loadContexts(
  db: Database,
  county: string,
  runOn: string,
  standardFen: { urban: number; rural: number },
  households: readonly HouseholdRow[],
): Promise<HouseholdContext[]> {
  const ids = households.map((h) => h.id);
  const members = await ctxRepo.membersOf(db, county, ids);
  const personIds = members.map((m) => m.person_id);
  const [cases, categories, feeds] = [
    await ctxRepo.activeCasesOf(db, county, ids, personIds),
    await ctxRepo.categoriesOf(db, county, personIds, runOn),
    await ctxRepo.departmentFactsOf(db, county, personIds, runOn),
  ];
  return buildContexts({ runOn, standardFen, households, members, cases, categories, feeds });
}

/** The job's work (also matchNow's). `runOn` is the run's date, fixed when it was started. */
export async function computeMatching(
  deps: MatchingDeps,
  job: Pick<JobRunContext, 'countyCode' | 'checkpoint'> & {
    jobId: string | null;
    progress?: JobRunContext['progress'];
  },
  runOn: string,
): Promise<MatchRunResult> {
  const county = job.countyCode;
  await refreshStatistics(deps.db, repo.RUN_TABLES);
  const rows = await repo.activePolicies(deps.db, county);
  const policies: RunPolicy[] = rows.map((p) => ({
    id: p.id,
    code: p.code,
    departmentCode: p.department_code,
    subject: p.subject,
    eligibilityText: p.eligibility_text,
    referable: p.referable,
    updatedAt: p.updated_at,
    run: compilePolicyExpression(p.eligibility),
    fields: fieldsRead(p.eligibility),
    gives: schemesGivenBy({ departmentCode: p.department_code, code: p.code }),
  }));
  const due = dueDates(runOn, await repo.departments(deps.db, county));
  const standardFen = (await parametersFor(deps.db, county, runOn)).dibao.standardFen;
  const saved = job.checkpoint as Checkpoint | null;
  const cp: Checkpoint = saved?.runOn === runOn ? saved : fresh(runOn);
  const total = await ctxRepo.countHouseholds(deps.db, county);
  const progress = (message: string) =>
    void job.progress?.({ done: cp.done, total: Math.max(total, cp.done), message });
  progress('按政策比对家庭 matching households against the policies');
  for (;;) {
    const batch = await ctxRepo.householdBatch(deps.db, county, cp.after, MATCH_BATCH);
    if (batch.length === 0) break;
    const contexts = await loadContexts(deps.db, county, runOn, standardFen, batch);
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const keys = contexts.flatMap((c) => [c.householdId, ...c.persons.map((p) => p.personId)]);
      const stored = new Map<string, StoredMatch>();
      for (const m of await repo.matchesOf(trx, county, keys))
        stored.set(storedKey(m.policy_id, m.subject_key), {
          id: m.id,
          state: m.state,
          firstMatchedOn: m.first_matched_on,
        });
      const referrals = new Map<string, ExistingReferral[]>();
      for (const r of await repo.referralsOfMatches(
        trx,
        county,
        [...stored.values()].map((m) => m.id),
      ))
        referrals.set(r.match_id, [
          ...(referrals.get(r.match_id) ?? []),
          { state: r.state, answeredAt: r.updated_at },
        ]);
      const plan = planBatch(contexts, policies, stored, referrals);
      const inserted = await repo.insertMatches(trx, county, runOn, now, plan.open);
      const newIds = new Map(inserted.map((m) => [storedKey(m.policy_id, m.subject_key), m.id]));
      await repo.keepMatches(trx, county, runOn, now, plan.keep);
      const lapsed = await repo.lapseMatches(trx, county, now, plan.lapse);
      const toRefer = [
        ...plan.open.map((o) => ({ ...o, id: newIds.get(storedKey(o.policyId, o.subjectKey)) })),
        ...plan.keep,
      ].flatMap((r) => (r.refer && r.id ? [{ ...r, id: r.id, refer: r.refer }] : []));
      const referred = await repo.insertReferrals(
        trx,
        county,
        runOn,
        now,
        toRefer.map((r) => ({
          matchId: r.id,
          policyId: r.policyId,
          departmentCode: r.refer.departmentCode,
          householdId: r.householdId,
          personId: r.personId,
          townCode: r.townCode,
          villageCode: r.villageCode,
          reason: r.refer.reason,
          dueOn: due.get(r.refer.departmentCode)!,
        })),
      );
      cp.after = batch[batch.length - 1]!.id;
      cp.done += batch.length;
      cp.counts.subjectsEvaluated += plan.evaluated;
      cp.counts.matched += plan.matched;
      cp.counts.newMatches += inserted.length + plan.keep.filter((k) => k.reopened).length;
      cp.counts.lapsed += lapsed;
      cp.counts.referralsCreated += referred;
      for (const [code, e] of plan.errors) {
        const prev = cp.errors[code];
        cp.errors[code] = { count: (prev?.count ?? 0) + e.count, sample: prev?.sample ?? e.sample };
      }
      if (job.jobId) await repo.saveCheckpoint(trx, job.jobId, cp);
    });
    progress(`已比对 ${cp.done} 户 households matched`);
  }
  await refreshStatistics(deps.db, repo.MATCH_TABLES);
  cp.counts.lapsed += await repo.lapseVanished(deps.db, county, deps.clock.now());
  const result: MatchRunResult = {
    policies: policies.length,
    ...cp.counts,
    evaluationErrors: Object.entries(cp.errors).map(([policyCode, e]) => ({ policyCode, ...e })),
  };
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps.clock.now(), [
      {
        countyCode: county,
        action: 'policies.match_finished',
        recordType: 'job',
        recordId: job.jobId,
        detail: { runOn, ...result },
      },
    ]),
  );
  return result;
}

export async function listMatches(
  deps: MatchingDeps,
  ctx: RequestContext,
  q: z.output<typeof matchQuery>,
): Promise<{ total: number; items: MatchView[] }> {
  requirePermission(ctx.actor, 'registry.read');
  const { policyId, departmentCode, state, townCode, villageCode } = q;
  const { total, rows } = await repo.listMatches(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    { policyId, departmentCode, state, townCode, villageCode },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      policyId: r.policy_id,
      policyCode: r.policy_code,
      policyName: r.policy_name,
      departmentCode: r.department_code as MatchView['departmentCode'],
      householdId: r.household_id,
      householdNo: r.household_no,
      personId: r.person_id,
      personName: r.name_mask ?? '',
      townCode: r.town_code,
      villageCode: r.village_code,
      villageName: r.village_name ?? '',
      state: r.state,
      firstMatchedOn: r.first_matched_on,
      lastMatchedOn: r.last_matched_on,
      referralId: r.referral_id,
    })),
  };
}
