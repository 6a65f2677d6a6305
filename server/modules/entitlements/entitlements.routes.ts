import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  recalcChangesPage,
  recalcDecision,
  recalcRunView,
  recalcStart,
} from '../../../contracts/entitlements.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  approveRecalc,
  listRecalcRuns,
  recalcChanges,
  rejectRecalc,
  startRecalc,
} from './recalc.usecases.ts';

const tags = ['entitlements'];
const idParam = z.object({ id: z.uuid() });

export function entitlementsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/recalc-runs',
    {
      schema: {
        tags,
        summary: '待遇重算批次 Recalculation runs',
        response: { 200: z.object({ items: z.array(recalcRunView) }) },
      },
    },
    async (req) => ({ items: await listRecalcRuns(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/recalc-runs',
    {
      schema: {
        tags,
        summary: '按某月起的标准重新计算全部在保对象待遇 Recompute every active case from a month',
        body: recalcStart,
        response: { 202: z.object({ runId: z.string(), jobId: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          await startRecalc(s, requireCtx(req), { effectiveFrom: req.body.effectiveFrom, trigger: 'manual' }),
        ),
  );
  r.get(
    '/api/v1/recalc-runs/:id/changes',
    {
      schema: {
        tags,
        summary: '重算变动清单（原金额、新金额、补发） The change list: old, new, back-pay',
        params: idParam,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: recalcChangesPage },
      },
    },
    (req) => recalcChanges(s, requireCtx(req), req.params.id, req.query),
  );
  for (const [action, fn, summary] of [
    ['approve', approveRecalc, '整批审批通过，生成新待遇版本 Approve the whole list'],
    ['reject', rejectRecalc, '整批退回 Reject the whole list'],
  ] as const) {
    r.post(
      `/api/v1/recalc-runs/:id/${action}`,
      { schema: { tags, summary, params: idParam, body: recalcDecision, response: { 200: recalcRunView } } },
      (req) => fn(s, requireCtx(req), req.params.id, req.body.reason),
    );
  }
}
