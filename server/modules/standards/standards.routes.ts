import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parameterChange } from '../../../contracts/parameters.ts';
import { standardChange, standardsView } from '../../../contracts/standards.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { addParameters, listParameters } from './parameters.usecases.ts';
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
        response: { 201: z.object({ ids: z.array(z.number()) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addParameters(s, requireCtx(req), req.body.changes)),
  );
}
