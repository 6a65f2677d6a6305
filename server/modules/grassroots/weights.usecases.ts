import { type WeightsInput, type WeightsView, weightsInput } from '../../../contracts/grassroots.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { DEFAULT_WEIGHTS } from './assessment.models.ts';
import * as arepo from './assessment.repository.ts';
import type { Deps } from './roster.usecases.ts';

// Assessment weights (§9.6 "weights are configurable" [U]): per county, effective from a month and
// never rewritten — a month is assessed with the weights in force on its first day, and each
// assessment keeps a copy of the weights it was opened with. Whole percentages summing to 100 %.

/** The county's weights: the rows entered, newest first, and the built-in defaults. */
export async function listWeights(deps: Deps, ctx: RequestContext): Promise<WeightsView[]> {
  requirePermission(ctx.actor, 'assistants.read');
  const rows = await arepo.listWeights(deps.db, ctx.actor.countyCode);
  return [
    ...rows.map((r) => ({
      effectiveFrom: r.effective_from.slice(0, 7),
      weights: {
        de: r.w_de,
        neng: r.w_neng,
        qin: r.w_qin,
        ji: r.w_ji,
        lian: r.w_lian,
        visits: r.w_visits,
        alerts: r.w_alerts,
        quality: r.w_quality,
        complaints: r.w_complaints,
      },
      note: r.note,
      builtIn: false,
    })),
    { effectiveFrom: '', weights: DEFAULT_WEIGHTS, note: '系统默认 built-in', builtIn: true },
  ];
}

/** Weights are the county's: only district roles set them, effective from a month (never rewritten). */
export async function setWeights(deps: Deps, ctx: RequestContext, body: WeightsInput): Promise<WeightsView> {
  requirePermission(ctx.actor, 'assistants.assess');
  if (ctx.actor.jurisdictionCode.length !== 6)
    throw errors.forbidden('调整考核权重', 'change the assessment weights');
  const input = parseOr400(weightsInput, body);
  const at = deps.clock.now();
  const w = input.weights;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('assessment_weights')
        .values({
          county_code: ctx.actor.countyCode,
          effective_from: `${input.effectiveFrom}-01`,
          w_de: w.de,
          w_neng: w.neng,
          w_qin: w.qin,
          w_ji: w.ji,
          w_lian: w.lian,
          w_visits: w.visits,
          w_alerts: w.alerts,
          w_quality: w.quality,
          w_complaints: w.complaints,
          note: input.note,
          created_by: auditActor(ctx).actorId,
          created_at: at,
        })
        .execute();
      await appendAudit(trx, at, [
        {
          countyCode: ctx.actor.countyCode,
          ...auditActor(ctx),
          action: 'assistants.weights_set',
          recordType: 'assessment_weights',
          recordId: input.effectiveFrom,
          detail: { ...w },
        },
      ]);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw errors.conflict(
        'assistants.weights_exist',
        `${input.effectiveFrom} 起的权重已设定，请选择新的生效月份`,
        `weights from ${input.effectiveFrom} already exist; choose a new month`,
      );
    throw e;
  }
  return { effectiveFrom: input.effectiveFrom, weights: w, note: input.note, builtIn: false };
}
