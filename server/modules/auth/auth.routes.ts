import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLE_NAMES } from '../../../contracts/roles.ts';
import { CSRF_COOKIE, requireCtx, SESSION_COOKIE } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { authErrors } from './auth.errors.ts';
import { changePassword, createLoginThrottle, login, logout, SESSION_ABSOLUTE_MS } from './auth.usecases.ts';

const actorOut = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleName: z.object({ zh: z.string(), en: z.string() }),
  countyCode: z.string(),
  jurisdictionCode: z.string(),
  mustChangePassword: z.boolean(),
});

export function authRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = createLoginThrottle();
  const cookieOpts = {
    path: '/',
    sameSite: 'strict' as const,
    secure: s.config.secureCookies,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  };

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ actor: actorOut, csrfToken: z.string() }) },
      },
      config: { public: true },
    },
    async (req, reply) => {
      if (!throttle.allow(req.ip, s.clock.now().getTime())) throw authErrors.throttled();
      const out = await login(s, { ...req.body, clientIp: req.ip });
      void reply.setCookie(SESSION_COOKIE, out.token, { ...cookieOpts, httpOnly: true });
      void reply.setCookie(CSRF_COOKIE, out.csrfToken, { ...cookieOpts, httpOnly: false });
      return { actor: { ...out.actor, roleName: ROLE_NAMES[out.actor.role] }, csrfToken: out.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: '退出 Sign out' }, config: { public: true } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(s, token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 Current user',
        response: { 200: z.object({ actor: actorOut, csrfToken: z.string() }) },
      },
      config: { allowBeforePasswordChange: true },
    },
    async (req) => {
      const ctx = requireCtx(req);
      return { actor: { ...ctx.actor, roleName: ROLE_NAMES[ctx.actor.role] }, csrfToken: req.csrfToken! };
    },
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1).max(200) }),
      },
      config: { allowBeforePasswordChange: true },
    },
    async (req) => {
      const ctx = requireCtx(req);
      await changePassword(s, ctx.actor, { ...req.body, clientIp: req.ip, keepSessionId: req.sessionId! });
      return { ok: true };
    },
  );
}
