import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authErrors } from './modules/auth/auth.errors.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { resolveSession } from './modules/auth/auth.usecases.ts';
import { bankFilesRoutes } from './modules/bankfiles/bankfiles.routes.ts';
import { benefitsRoutes } from './modules/benefits/benefits.routes.ts';
import { careRoutes } from './modules/care/care.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { charityRoutes } from './modules/charity/charity.routes.ts';
import { divisionRoutes } from './modules/divisions/divisions.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { entitlementsRoutes } from './modules/entitlements/entitlements.routes.ts';
import { feedsRoutes } from './modules/feeds/feeds.routes.ts';
import { grassrootsRoutes } from './modules/grassroots/grassroots.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { institutionsRoutes } from './modules/institutions/institutions.routes.ts';
import { integrityRoutes } from './modules/integrity/integrity.routes.ts';
import { jobRoutes } from './modules/jobs/jobs.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { payrollRoutes } from './modules/payroll/payroll.routes.ts';
import { policiesRoutes } from './modules/policies/policies.routes.ts';
import { referralsRoutes } from './modules/policies/referrals.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { postersRoutes } from './modules/portal/posters.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { standardsRoutes } from './modules/standards/standards.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { verificationRoutes } from './modules/verification/verification.routes.ts';
import { errors } from './platform/errors.ts';
import { CSRF_HEADER, installErrorHandler, newRequestId, SESSION_COOKIE } from './platform/http.ts';
import { installPublicRateLimit } from './platform/rate-limit.ts';
import { serializerCompiler } from './platform/serializer.ts';
import type { Services } from './services.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, docs). */
    public?: boolean;
    /** Reachable while a generated password still has to be changed. */
    allowBeforePasswordChange?: boolean;
    /** Authenticated by a department API key (Bearer) in the route itself: no session, no CSRF. */
    apiKey?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');

export async function createServer(
  s: Services,
  opts: { logger?: boolean | object } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: newRequestId,
    bodyLimit: 2 * 1024 * 1024,
    // Only behind a proxy that sets X-Forwarded-For: otherwise a client could choose the address
    // the login throttle and the audit log see.
    trustProxy: s.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  installErrorHandler(app, { spaIndex: hasWeb });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Huijiu (汇救) API',
        version: '1',
        description:
          '社会救助综合服务平台接口。Errors: { error: { code, message (zh-CN), messageEn, details?, requestId } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(s, token);
      if (session) {
        req.ctx = { actor: session.actor, requestId: req.id, clientIp: req.ip };
        req.sessionId = session.sessionId;
        req.csrfToken = session.csrfToken;
      }
    }
  });

  // Before schema validation, so a request without a session or CSRF token learns nothing of the input rules.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const cfg = req.routeOptions.config;
    if (cfg?.public || cfg?.apiKey) return;
    if (!req.ctx) {
      if (req.routeOptions.url === undefined) return; // 404 handler
      throw errors.unauthenticated();
    }
    if (UNSAFE.has(req.method) && req.headers[CSRF_HEADER] !== req.csrfToken) throw authErrors.csrf();
    if (req.ctx.actor.mustChangePassword && !cfg?.allowBeforePasswordChange)
      throw authErrors.mustChangePassword();
  });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'pg']) }) },
      },
    },
    async () => {
      await s.db.selectFrom('instance_meta').select('key').limit(1).execute();
      return { status: 'ok' as const, database: s.handle.kind };
    },
  );

  installPublicRateLimit(app, s);

  if (s.config.testMode) {
    // e2e journeys move the clock (publicity periods, monthly runs); never registered in production.
    app
      .withTypeProvider<ZodTypeProvider>()
      .post(
        '/api/test/clock',
        { config: { public: true }, schema: { body: z.object({ at: z.iso.datetime({ offset: true }) }) } },
        async (req) => {
          s.clock.set(new Date(req.body.at));
          return { now: s.clock.now().toISOString() };
        },
      );
  }

  authRoutes(app, s);
  registryRoutes(app, s);
  importRoutes(app, s);
  divisionRoutes(app, s);
  jobRoutes(app, s);
  auditRoutes(app, s);
  adminRoutes(app, s);
  benefitsRoutes(app, s);
  standardsRoutes(app, s);
  entitlementsRoutes(app, s);
  casesRoutes(app, s);
  integrityRoutes(app, s);
  institutionsRoutes(app, s);
  feedsRoutes(app, s);
  monitoringRoutes(app, s);
  verificationRoutes(app, s);
  careRoutes(app, s);
  grassrootsRoutes(app, s);
  charityRoutes(app, s);
  policiesRoutes(app, s);
  referralsRoutes(app, s);
  portalRoutes(app, s);
  postersRoutes(app, s);
  documentsRoutes(app, s);
  payrollRoutes(app, s);
  statsRoutes(app, s);
  bankFilesRoutes(app, s);

  if (hasWeb) {
    // Files are looked up per request (wildcard), so a rebuilt console is served without a restart;
    // hashed assets are immutable, index.html is revalidated.
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
