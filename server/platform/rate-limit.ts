import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.ts';
import type { Clock } from './clock.ts';
import { AppError, isAppError } from './errors.ts';

// Rate limits and abuse protection for every /api/public/ route (§9.5 portal: no login, so the
// address is all there is to hold on to). Per client address (req.ip: behind a proxy only when
// trustProxy is configured) a token bucket per class:
//   read  (GET)                        120 requests per minute
//   write (POST …)                     20 per minute
//   otp   (the verification-code request) 5 per minute here, and in the database (so that every
//         server process agrees) 1 per phone per 60 s, 5 per phone per hour, 20 per address per
//         hour: see server/modules/portal/identity.usecases.ts.
// A route picks its class with `config: { rateLimit: 'otp' }`; otherwise the method decides. Time
// comes from the injected clock (tests move it). Staff routes (/api/v1/…) are not limited here.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The bucket a public route draws from; default by method (GET/HEAD read, else write). */
    rateLimit?: RateClass;
  }
}

export type RateClass = 'read' | 'write' | 'otp';

export const RATE_LIMITS: Record<RateClass, { capacity: number; perMs: number }> = {
  read: { capacity: 120, perMs: 60_000 },
  write: { capacity: 20, perMs: 60_000 },
  otp: { capacity: 5, perMs: 60_000 },
};

/** Addresses remembered at most: the least recently seen are forgotten first. */
export const MAX_TRACKED_KEYS = 20_000;

export const PUBLIC_PREFIX = '/api/public/';

/** 429 with the seconds to wait, in the standard error body (the header is set from details). */
export function rateLimitError(retryAfterSeconds: number, zhWhat = '请求', enWhat = 'requests') {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    'request.rate_limited',
    429,
    `${zhWhat}过于频繁，请 ${s} 秒后再试`,
    `Too many ${enWhat}; try again in ${s} s`,
    { retryAfterSeconds: s },
  );
}

type Bucket = { tokens: number; at: number };

/** Token buckets keyed by class and address, refilled continuously; bounded in memory. */
export function createBuckets(clock: Clock, limits = RATE_LIMITS, maxKeys = MAX_TRACKED_KEYS) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Takes one token; null when allowed, else the seconds until one is back. */
    take(cls: RateClass, ip: string): number | null {
      const { capacity, perMs } = limits[cls];
      const now = clock.now().getTime();
      const key = `${cls}|${ip}`;
      const old = buckets.get(key);
      // A clock moved backwards (tests, or an operator) refills nothing rather than going negative.
      const elapsed = old ? Math.max(0, now - old.at) : 0;
      const tokens = old ? Math.min(capacity, old.tokens + (elapsed * capacity) / perMs) : capacity;
      const b: Bucket = { tokens, at: old ? Math.max(old.at, now) : now };
      buckets.delete(key); // re-inserted last: Map order is the least-recently-seen order
      if (b.tokens >= 1) {
        b.tokens -= 1;
        buckets.set(key, b);
        evict();
        return null;
      }
      buckets.set(key, b);
      evict();
      return ((1 - b.tokens) * perMs) / capacity / 1000;
    },
    size: () => buckets.size,
  };
  function evict() {
    while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
  }
}

/** The public routes as registered (method + URL pattern), kept per app for the masking walk test. */
const PUBLIC_ROUTES = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

export function publicRoutesOf(app: FastifyInstance): { method: string; url: string }[] {
  return [...(PUBLIC_ROUTES.get(app) ?? [])];
}

export function setRetryAfter(reply: FastifyReply, err: unknown): void {
  if (!isAppError(err) || err.status !== 429) return;
  const s = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (s !== undefined) void reply.header('retry-after', String(s));
}

export function installPublicRateLimit(app: FastifyInstance, s: Pick<Services, 'clock'>): void {
  const buckets = createBuckets(s.clock);
  const routes: { method: string; url: string }[] = [];
  PUBLIC_ROUTES.set(app, routes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith(PUBLIC_PREFIX)) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith(PUBLIC_PREFIX)) return;
    const cls: RateClass =
      req.routeOptions.config?.rateLimit ??
      (req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write');
    const wait = buckets.take(cls, req.ip);
    if (wait !== null) throw rateLimitError(wait);
  });
  // Any 429 raised on a public route (the buckets above or the database limits of the code request)
  // tells the client when to retry.
  app.addHook('onError', async (req, reply, err) => {
    if (req.url.startsWith(PUBLIC_PREFIX)) setRetryAfter(reply, err);
  });
}
