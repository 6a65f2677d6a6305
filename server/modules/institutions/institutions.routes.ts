import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { institutionInput, institutionView } from '../../../contracts/institutions.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { listInstitutions, saveInstitution } from './institutions.usecases.ts';

const tags = ['institutions'];

export function institutionsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/institutions',
    {
      schema: {
        tags,
        summary: '供养服务机构 Care institutions',
        response: { 200: z.object({ items: z.array(institutionView) }) },
      },
    },
    async (req) => ({ items: await listInstitutions(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/institutions',
    {
      schema: {
        tags,
        summary: '登记供养服务机构 Register an institution',
        body: institutionInput,
        response: { 201: institutionView },
      },
    },
    async (req, reply) => reply.code(201).send(await saveInstitution(s, requireCtx(req), null, req.body)),
  );
  r.put(
    '/api/v1/institutions/:id',
    {
      schema: {
        tags,
        summary: '修改供养服务机构 Update an institution',
        params: z.object({ id: z.uuid() }),
        body: institutionInput,
        response: { 200: institutionView },
      },
    },
    (req) => saveInstitution(s, requireCtx(req), req.params.id, req.body),
  );
}
