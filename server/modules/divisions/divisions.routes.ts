import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCtx } from '../../platform/http.ts';
import { requirePermission } from '../../platform/policies.ts';
import type { Services } from '../../services.ts';
import { type DivisionNode, divisionTree } from './divisions.usecases.ts';

const node: z.ZodType<DivisionNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['county', 'town', 'village']),
    urbanRuralCode: z.string().nullable(),
    children: z.array(node).optional(),
  }),
);

export function divisionRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/divisions/tree',
    {
      schema: {
        tags: ['divisions'],
        summary: '行政区划树 Division tree of my jurisdiction',
        response: { 200: z.object({ items: z.array(node) }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      requirePermission(ctx.actor, 'divisions.read');
      return { items: await divisionTree(s.db, ctx.actor.countyCode, ctx.actor.jurisdictionCode) };
    },
  );
}
