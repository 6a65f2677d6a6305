import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parameterChange } from '../../../contracts/parameters.ts';
import { standardChange, standardsView } from '../../../contracts/standards.ts';
import type { RequestContext } from '../../platform/context.ts';
import { isAppError } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { startRecalc } from '../entitlements/recalc.usecases.ts';
import { startsRecalc } from './parameters.models.ts';
import { addParameters, listParameters } from './parameters.usecases.ts';
import { addStandards, listStandards } from './standards.usecases.ts';

const tags = ['standards'];

const added = z.object({
  ids: z.array(z.number()),
  /** The recalculation the change started, or null when one is still computing (start it later). */
  recalc: z.object({ runId: z.string(), jobId: z.string() }).nullable(),
});

/** A change of amounts recomputes every active case from its earliest month (§9.4). */
async function recalcAfter(
  s: Services,
  ctx: RequestContext,
  changes: { effectiveFrom: string }[],
  trigger: string,
) {
  const effectiveFrom = changes.map((c) => c.effectiveFrom).sort()[0]!;
  try {
    return await startRecalc(s, ctx, { effectiveFrom, trigger });
  } catch (err) {
    if (isAppError(err) && err.code === 'entitlements.recalc_running') return null;
    throw err;
  }
}

export function standardsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/standards',
    {
      schema: {
        tags,
        summary: '救助标准及其历史 Standards and their history',
        response: { 200: standardsView },
      },
    },
    (req) => listStandards(s, requireCtx(req)),
  );
  r.post(
    '/api/v1/standards',
    {
      schema: {
        tags,
        summary: '调整救助标准（新增生效值，不覆盖历史） Add standard values from a month on',
        body: z.object({ changes: z.array(standardChange).min(1).max(20) }),
        response: { 201: added },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const { ids } = await addStandards(s, ctx, req.body.changes);
      return reply
        .status(201)
        .send({ ids, recalc: await recalcAfter(s, ctx, req.body.changes, 'standards') });
    },
  );

  r.get(
    '/api/v1/parameters',
    { schema: { tags, summary: '政策参数（本区县值、出厂默认值与历史） Policy parameters' } },
    (req) => listParameters(s, requireCtx(req)),
  );
  r.post(
    '/api/v1/parameters',
    {
      schema: {
        tags,
        summary: '调整政策参数（新增生效值，不覆盖历史） Add parameter values from a month on',
        body: z.object({ changes: z.array(parameterChange).min(1).max(20) }),
        response: { 201: added },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const { ids } = await addParameters(s, ctx, req.body.changes);
      const benefits = req.body.changes.filter((c) => startsRecalc(c.key));
      return reply.status(201).send({
        ids,
        recalc: benefits.length > 0 ? await recalcAfter(s, ctx, benefits, 'parameters') : null,
      });
    },
  );
}
