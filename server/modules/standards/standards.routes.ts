import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { standardChange, standardsView } from '../../../contracts/standards.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { addStandards, listStandards } from './standards.usecases.ts';

const tags = ['standards'];

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
        response: { 201: z.object({ ids: z.array(z.number()) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addStandards(s, requireCtx(req), req.body.changes)),
  );
}
