import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { RequestContext } from './context.ts';
import { AppError, errors, isAppError } from './errors.ts';
import { toFieldIssues } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx?: RequestContext;
    sessionId?: string;
    csrfToken?: string;
  }
}

export const SESSION_COOKIE = 'hj_session';
export const CSRF_COOKIE = 'hj_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function errorBody(err: AppError, requestId: string) {
  return {
    error: {
      code: err.code,
      message: err.messageZh,
      messageEn: err.messageEn,
      ...(err.details ? { details: err.details } : {}),
      requestId,
    },
  };
}

export function installErrorHandler(app: FastifyInstance, opts: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((err, req, reply) => {
    let appErr: AppError;
    if (isAppError(err)) appErr = err;
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      appErr = errors.validation(
        toFieldIssues(
          // fastify-type-provider-zod 7 spreads the zod issue into `params` (without path, code
          // and message); rebuild it from the entry.
          err.validation.map((v) => ({
            ...v.params,
            code: v.keyword,
            message: v.message ?? '',
            path: v.instancePath.split('/').filter(Boolean),
          })),
          where === 'body' ? '' : where,
        ),
      );
    } else if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appErr = new AppError('request.too_large', 413, '上传内容过大', 'The request body is too large');
    } else if (
      (err as { statusCode?: number }).statusCode === 400 ||
      (err as { code?: string }).code?.startsWith('FST_ERR_CTP')
    ) {
      appErr = new AppError(
        'request.malformed',
        400,
        `请求格式错误：${(err as Error).message}`,
        `Malformed request: ${(err as Error).message}`,
      );
    } else if ((err as { statusCode?: number }).statusCode === 429) {
      appErr = new AppError(
        'request.rate_limited',
        429,
        '请求过于频繁，请稍后再试',
        'Too many requests; slow down',
      );
    } else {
      req.log.error({ err }, 'unhandled error');
      if (process.env.HUIJIU_DEBUG_ERRORS) console.error(err);
      appErr = new AppError(
        'internal',
        500,
        '服务器内部错误，请联系管理员并提供请求编号',
        'Internal error; quote the request id to the administrator',
      );
    }
    void reply.status(appErr.status).send(errorBody(appErr, req.id));
  });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the console and the portal all load the single page.
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    void reply
      .status(404)
      .send(
        errorBody(
          new AppError('route.not_found', 404, '接口不存在', `No route ${req.method} ${req.url}`),
          req.id,
        ),
      );
  });
}

export const newRequestId = () => crypto.randomBytes(8).toString('hex');

/** The signed-in caller, or 401. */
export function requireCtx(req: FastifyRequest): RequestContext {
  if (!req.ctx) throw errors.unauthenticated();
  return req.ctx;
}

export function sendError(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  return reply.status(err.status).send(errorBody(err, req.id));
}

/** Query values that may hold personal data (search text) are replaced before a URL is logged. */
export function redactUrl(url: string): string {
  const i = url.indexOf('?');
  if (i < 0) return url;
  const params = new URLSearchParams(url.slice(i + 1));
  for (const key of ['q', 'idNumber', 'name', 'phone']) if (params.has(key)) params.set(key, '***');
  return `${url.slice(0, i)}?${params.toString()}`;
}
