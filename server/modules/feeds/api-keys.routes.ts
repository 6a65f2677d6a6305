import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiKeyCreated,
  apiKeyInput,
  apiKeyView,
  feedBatchView,
  feedDelivery,
} from '../../../contracts/feeds.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  type ApiKeyPrincipal,
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from './api-keys.usecases.ts';
import { feedErrors } from './feeds.errors.ts';
import { deliverFeed, feedDeps, listSourceBatches } from './feeds.usecases.ts';

// The departments' push API (/api/v1/feed-api/…), authenticated ONLY by an API key
// (`Authorization: Bearer <key>`): the routes carry `config.apiKey`, so the global hook asks for
// no session and no CSRF token, and the key is checked here before the body is read. And the
// district administrator's key management (/api/v1/api-keys), which is an ordinary session route.

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the push API's onRequest hook; never by a session. */
    apiKey?: ApiKeyPrincipal;
  }
}

const MAX_RECORDS = 10_000;
const sourceParam = z.object({ source: z.string().min(1).max(40) });

const principal = (req: FastifyRequest): ApiKeyPrincipal => {
  if (!req.apiKey) throw feedErrors.keyMissing();
  return req.apiKey;
};

export function apiKeyRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = feedDeps(s);
  const keyAuth = async (req: FastifyRequest) => {
    req.apiKey = await authenticateApiKey(s, req.headers.authorization, {
      requestId: req.id,
      clientIp: req.ip,
    });
  };

  r.post(
    '/api/v1/feed-api/:source/records',
    {
      config: { apiKey: true },
      onRequest: keyAuth,
      // 10,000 records of a wide source are a few MB of JSON: more than the console's default limit.
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['feed-api'],
        summary:
          '部门推送数据（Authorization: Bearer 接口密钥；每次最多 1 万条，全部校验通过才写入） Push records',
        security: [],
        params: sourceParam,
        body: z.object({ records: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_RECORDS) }),
        response: { 200: feedDelivery },
      },
    },
    (req) =>
      deliverFeed(deps, { kind: 'key', key: principal(req) }, req.params.source, req.body.records, {
        channel: 'API',
      }),
  );

  r.get(
    '/api/v1/feed-api/:source/batches',
    {
      config: { apiKey: true },
      onRequest: keyAuth,
      schema: {
        tags: ['feed-api'],
        summary: '本密钥的最近报送批次 Recent deliveries made with this key',
        security: [],
        params: sourceParam,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ batches: z.array(feedBatchView) }) },
      },
    },
    async (req) => ({
      batches: await listSourceBatches(
        deps,
        { kind: 'key', key: principal(req) },
        req.params.source,
        req.query.limit,
      ),
    }),
  );

  r.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['feeds'],
        summary: '部门接口密钥列表 Department API keys',
        response: { 200: z.object({ keys: z.array(apiKeyView) }) },
      },
    },
    async (req) => ({ keys: await listApiKeys(s, requireCtx(req)) }),
  );

  r.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags: ['feeds'],
        summary: '创建部门接口密钥（密钥仅显示一次） Create a department API key (the secret is shown once)',
        body: apiKeyInput,
        response: { 201: apiKeyCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await createApiKey(s, requireCtx(req), req.body)),
  );

  r.post(
    '/api/v1/api-keys/:id/revoke',
    {
      schema: {
        tags: ['feeds'],
        summary: '吊销部门接口密钥 Revoke a department API key',
        params: z.object({ id: z.uuid() }),
        response: { 200: apiKeyView },
      },
    },
    (req) => revokeApiKey(s, requireCtx(req), req.params.id),
  );
}
