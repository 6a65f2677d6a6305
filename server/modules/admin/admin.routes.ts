import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { oneTimePassword, userCreate, userSearch, userView } from '../../../contracts/users.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { createUser, listUsers, resetPassword, setDisabled } from './admin.usecases.ts';

const tags = ['users'];
const idParam = z.object({ id: z.uuid() });

export function adminRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '用户列表 Accounts',
        querystring: userSearch,
        response: { 200: z.object({ items: z.array(userView), total: z.number() }) },
      },
    },
    (req) => listUsers(s, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '新建用户（一次性密码） Create an account (one-time password)',
        body: userCreate,
        response: { 201: z.object({ user: userView, oneTimePassword: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码 Reset a password',
        params: idParam,
        response: { 200: oneTimePassword },
      },
    },
    (req) => resetPassword(s, requireCtx(req), req.params.id),
  );
  r.post(
    '/api/v1/users/:id/disable',
    { schema: { tags, summary: '停用 Disable an account', params: idParam } },
    (req) => setDisabled(s, requireCtx(req), req.params.id, true),
  );
  r.post(
    '/api/v1/users/:id/enable',
    { schema: { tags, summary: '启用 Enable an account', params: idParam } },
    (req) => setDisabled(s, requireCtx(req), req.params.id, false),
  );
}
