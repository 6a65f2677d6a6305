import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { legacyCasesBody } from '../../../contracts/cases.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { migrateLegacyCases } from './legacy.usecases.ts';

const tags = ['cases'];

export function casesRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/cases/legacy',
    {
      schema: {
        tags,
        summary: '迁移原系统在保对象（标记为历史迁移） Migrate cases in payment from the previous system',
        description:
          'The only way a case becomes active without the procedure (§2.4); every row is validated first and the batch is one transaction.',
        body: z.object({
          reason: legacyCasesBody.shape.reason,
          cases: z.array(z.unknown()).min(1).max(1000),
        }),
        response: { 201: z.object({ created: z.array(z.object({ id: z.string(), caseNo: z.string() })) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await migrateLegacyCases(s, requireCtx(req), req.body)),
  );
}
