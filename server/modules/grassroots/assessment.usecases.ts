import type { Transaction } from 'kysely';
import {
  type AssessmentView,
  DIMENSIONS,
  type Dimension,
  monthParam,
  type ScoresInput,
  scoresInput,
  type Weights,
} from '../../../contracts/grassroots.ts';
import type { DB } from '../../db/schema.ts';
import type { StoredScores } from '../../db/schema-grassroots.ts';
import { appendAudit } from '../../platform/audit.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import {
  metricScores,
  monthBounds,
  type RawMetrics,
  rankAssessments,
  totalCenti,
} from './assessment.models.ts';
import * as arepo from './assessment.repository.ts';
import {
  assessmentConfirmed,
  assessmentNotFound,
  monthNotEnded,
  scoresMissing,
} from './grassroots.errors.ts';
import { scopeOf } from './grassroots.repository.ts';
import { upsertMonthMetrics, writeTotalsAndRanks } from './metrics.repository.ts';
import type { Deps } from './roster.usecases.ts';

// The monthly 德能勤绩廉 assessment (§9.6): the town (or the district) opens a month that has ended —
// the automatic metrics are computed from the records for every assistant in office at its end —
// then enters the five scores with a reason each and confirms. Totals and ranks (town and district,
// standard competition ranking, assessment.models.ts) are recomputed in the same transaction as
// every change, so the ranking always matches the stored scores. A confirmed assessment keeps its
// metrics, weights and total; its rank can still move while other assessments of the month change.

const raw = (
  r: arepo.AssessmentRow | Awaited<ReturnType<typeof arepo.monthForRanking>>[number],
): RawMetrics => ({
  reviewsOnTime: r.reviews_on_time,
  reviewsLate: r.reviews_late,
  alertsOnTime: r.alerts_on_time,
  alertsLate: r.alerts_late,
  dqIntegrityAlerts: r.dq_integrity_alerts,
  dqCorrections: r.dq_corrections,
  complaints: r.complaints,
});

export const assessmentView = (r: arepo.AssessmentRow): AssessmentView => ({
  postId: r.post_id,
  month: r.month.slice(0, 7),
  townCode: r.town_code,
  villageCode: r.village_code,
  villageName: r.village_name ?? r.village_code,
  holderName: r.holder_name,
  status: r.status,
  raw: raw(r),
  metricScores: metricScores(raw(r)),
  scores: r.scores,
  weights: r.weights,
  total: r.total_centi === null ? null : r.total_centi / 100,
  rankTown: r.rank_town,
  rankDistrict: r.rank_district,
  scoredByName: r.scored_by_name,
  confirmedByName: r.confirmed_by_name,
  confirmedAt: r.confirmed_at?.toISOString() ?? null,
});

function parseMonth(month: string) {
  const m = parseOr400(monthParam, month, 'month');
  return { month: m, ...monthBounds(m) };
}

/** Assessment management is the town's (its villages) and the district's (all). */
function requireAssessor(ctx: RequestContext) {
  requirePermission(ctx.actor, 'assistants.assess');
}

/** Re-computes the totals of scored drafts and every rank of the county's month (pure model). */
async function rerank(trx: Transaction<DB>, county: string, first: string) {
  const rows = await arepo.monthForRanking(trx, county, first);
  const totals = rows.map((r) => ({
    key: r.post_id,
    townCode: r.town_code,
    total:
      r.status === 'CONFIRMED' || r.scores === null
        ? r.total_centi
        : totalCenti(scoreValues(r.scores), metricScores(raw(r)), r.weights as Weights),
  }));
  const ranks = new Map(rankAssessments(totals).map((x) => [x.key, x]));
  await writeTotalsAndRanks(
    trx,
    county,
    first,
    totals.map((t) => ({
      postId: t.key,
      total: t.total,
      rankTown: ranks.get(t.key)?.rankTown ?? null,
      rankDistrict: ranks.get(t.key)?.rankDistrict ?? null,
    })),
  );
}

const scoreValues = (s: StoredScores) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, s[d].score])) as Record<Dimension, number>;

/** Opens (or refreshes the metrics of) a month's assessments in the caller's jurisdiction. */
export async function openMonth(deps: Deps, ctx: RequestContext, month: string) {
  requireAssessor(ctx);
  const m = parseMonth(month);
  if (m.last >= shanghaiDateOf(deps.clock.now())) throw monthNotEnded(m.month);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const written = await deps.db.transaction().execute(async (trx) => {
    const { weights } = await arepo.weightsFor(trx, county, m.first);
    const n = await upsertMonthMetrics(trx, scopeOf(ctx.actor), m, weights, at);
    await rerank(trx, county, m.first);
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'assistants.month_opened',
        recordType: 'monthly_assessment',
        recordId: `${ctx.actor.jurisdictionCode}:${m.month}`,
        detail: { month: m.month, written: n },
      },
    ]);
    return n;
  });
  return { month: m.month, written };
}

export async function listMonth(deps: Deps, ctx: RequestContext, month: string): Promise<AssessmentView[]> {
  requirePermission(ctx.actor, 'assistants.read');
  const m = parseMonth(month);
  // A village assistant sees only their own confirmed assessment (own data only).
  const rows =
    ctx.actor.role === 'village_assistant'
      ? await arepo.listOwn(deps.db, ctx.actor.countyCode, ctx.actor.userId, m.first, m.first)
      : await arepo.listMonth(deps.db, scopeOf(ctx.actor), m.first);
  return rows.map(assessmentView);
}

/** The caller's own assessments, newest first, with the reasons (the assistant's "my scores"). */
export async function myAssessments(deps: Deps, ctx: RequestContext): Promise<AssessmentView[]> {
  requirePermission(ctx.actor, 'assistants.read');
  const rows = await arepo.listOwn(
    deps.db,
    ctx.actor.countyCode,
    ctx.actor.userId,
    '2000-01-01',
    '2999-12-01',
  );
  return rows.map(assessmentView);
}

/** Locks an assessment in the caller's jurisdiction: another town's assistant is a 404. */
async function lockInScope(trx: Transaction<DB>, ctx: RequestContext, postId: string, first: string) {
  const row = await arepo.lockAssessment(trx, ctx.actor.countyCode, postId, first);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw assessmentNotFound();
  return row;
}

export async function saveScores(
  deps: Deps,
  ctx: RequestContext,
  postId: string,
  month: string,
  body: ScoresInput,
) {
  await saveScoresMany(deps, ctx, month, [{ postId, scores: body }]);
  return one(deps, ctx, postId, parseMonth(month).first);
}

/**
 * Saves the scores of several assistants of a month in one transaction and re-ranks once: the town
 * fills in its whole table and saves it (and the demo scores a district's month in five calls).
 */
export async function saveScoresMany(
  deps: Deps,
  ctx: RequestContext,
  month: string,
  items: { postId: string; scores: ScoresInput }[],
): Promise<{ saved: number }> {
  requireAssessor(ctx);
  const m = parseMonth(month);
  const inputs = items.map((it, i) => ({
    postId: it.postId,
    scores: parseOr400(scoresInput, it.scores, `items.${i}.scores`),
  }));
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const { postId, scores } of inputs) {
      const row = await lockInScope(trx, ctx, postId, m.first);
      if (row.status === 'CONFIRMED') throw assessmentConfirmed();
      await trx
        .updateTable('monthly_assessment')
        .set({
          scores: JSON.stringify(scores),
          scored_by: auditActor(ctx).actorId,
          scored_by_name: ctx.actor.displayName,
          scored_at: at,
        })
        .where('county_code', '=', ctx.actor.countyCode)
        .where('post_id', '=', postId)
        .where('month', '=', m.first)
        .execute();
    }
    await rerank(trx, ctx.actor.countyCode, m.first);
    await audit(trx, ctx, at, 'assistants.scored', m.month, {
      scores: Object.fromEntries(
        inputs.map((x) => [x.postId, Object.fromEntries(DIMENSIONS.map((d) => [d, x.scores[d].score]))]),
      ),
    });
  });
  return { saved: inputs.length };
}

export async function confirmAssessment(deps: Deps, ctx: RequestContext, postId: string, month: string) {
  await confirmMany(deps, ctx, month, [postId]);
  return one(deps, ctx, postId, parseMonth(month).first);
}

/** Confirms the given drafts, or every scored draft in the caller's jurisdiction when none are given. */
export async function confirmMany(deps: Deps, ctx: RequestContext, month: string, postIds: string[] | null) {
  requireAssessor(ctx);
  const m = parseMonth(month);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ids =
      postIds ??
      (await arepo.listMonth(trx, scopeOf(ctx.actor), m.first))
        .filter((r) => r.status === 'DRAFT' && r.scores !== null)
        .map((r) => r.post_id);
    for (const postId of ids) {
      const row = await lockInScope(trx, ctx, postId, m.first);
      if (row.status === 'CONFIRMED') throw assessmentConfirmed();
      if (row.scores === null) throw scoresMissing();
    }
    // The totals are fixed with the drafts' weights and metrics before the status freezes them.
    await rerank(trx, ctx.actor.countyCode, m.first);
    if (ids.length > 0)
      await trx
        .updateTable('monthly_assessment')
        .set({
          status: 'CONFIRMED',
          confirmed_by: auditActor(ctx).actorId,
          confirmed_by_name: ctx.actor.displayName,
          confirmed_at: at,
        })
        .where('county_code', '=', ctx.actor.countyCode)
        .where('month', '=', m.first)
        .where('post_id', 'in', ids)
        .execute();
    await audit(trx, ctx, at, 'assistants.confirmed', m.month, { posts: ids });
    return { confirmed: ids.length };
  });
}

async function one(deps: Deps, ctx: RequestContext, postId: string, first: string) {
  const rows = await arepo.listMonth(deps.db, scopeOf(ctx.actor), first);
  const row = rows.find((r) => r.post_id === postId);
  if (!row) throw assessmentNotFound();
  return assessmentView(row);
}

const audit = (
  trx: Transaction<DB>,
  ctx: RequestContext,
  at: Date,
  action: string,
  month: string,
  detail: Record<string, unknown>,
) =>
  appendAudit(trx, at, [
    {
      countyCode: ctx.actor.countyCode,
      ...auditActor(ctx),
      action,
      recordType: 'monthly_assessment',
      recordId: `${ctx.actor.jurisdictionCode}:${month}`,
      detail: { month, ...detail },
    },
  ]);
