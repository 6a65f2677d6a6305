import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  publicPolicy,
  publicPolicyQuery,
  selfCheckInput,
  selfCheckResult,
} from '../../../contracts/policies.ts';
import type { Services } from '../../services.ts';
import { getPublicPolicy, listPublicPolicies } from './public-policies.usecases.ts';
import { selfCheck } from './self-check.usecases.ts';

// 码上知 (§9.5): public, no sign-in; rate limits are applied to every /api/public/ route centrally.

const tags = ['portal'];
const config = { public: true };

export function publicPoliciesRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/v1/policies',
    {
      config,
      schema: {
        tags,
        summary: '码上知：政策列表与搜索 Public policy list and search',
        querystring: publicPolicyQuery,
        response: { 200: z.object({ items: z.array(publicPolicy) }) },
      },
    },
    async (req) => ({ items: await listPublicPolicies(s, req.query) }),
  );
  r.get(
    '/api/public/v1/policies/:code',
    {
      config,
      schema: {
        tags,
        summary: '码上知：政策详情 A public policy',
        params: z.object({ code: z.string().max(20) }),
        querystring: z.object({ villageCode: publicPolicyQuery.shape.villageCode }),
        response: { 200: publicPolicy },
      },
    },
    (req) => getPublicPolicy(s, req.params.code, req.query.villageCode),
  );
  r.post(
    '/api/public/v1/self-check',
    {
      config,
      schema: {
        tags,
        summary: '码上知：自测可享受的政策（不保存任何信息） Self-check (nothing is stored)',
        body: selfCheckInput,
        response: { 200: selfCheckResult },
      },
    },
    (req) => selfCheck(s, req.body),
  );
}
