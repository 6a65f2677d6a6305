import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../app.ts';
import { RATE_LIMITS } from '../../platform/rate-limit.ts';
import { nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { newIp, pub } from './portal.testkit.ts';

// Rate limits on every public endpoint (§9.5 "rate limits and abuse protection"): per address and
// class in memory (read 120/min, write 20/min), and the code request's limits in the database
// (1 per phone per 60 s, 5 per phone per hour, 20 per address per hour) so every process agrees.

let env: TestEnv;
const T0 = Date.parse('2026-06-15T09:00:00+08:00');
// The injected clock stands still here (it normally runs on from where a test sets it), so no
// bucket refills while a test sends its requests, however slow the machine.
let now = T0;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  env.clock.now = () => new Date(now);
});
afterAll(async () => {
  await env?.close();
});
const at = (ms: number) => {
  now = T0 + ms;
};

describe('per-address buckets of the public routes', () => {
  it('refuses the 21st write of a minute with 429, retry-after and the bilingual error; refills after a minute; other addresses go on', async () => {
    at(0);
    const ip = newIp();
    const write = (from = ip) => pub(env, 'POST', '/api/public/v1/complaints', { ip: from, body: {} });
    for (let i = 0; i < RATE_LIMITS.write.capacity; i++) expect((await write()).statusCode).toBe(400);
    const refused = await write();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({
      code: 'request.rate_limited',
      message: expect.stringContaining('过于频繁'),
      messageEn: expect.stringContaining('Too many'),
    });
    expect((await write(newIp())).statusCode).toBe(400);
    at(61_000);
    expect((await write()).statusCode).toBe(400);
  });

  it('refuses the 121st read of a minute', async () => {
    at(0);
    const ip = newIp();
    for (let i = 0; i < RATE_LIMITS.read.capacity; i++) {
      const r = await pub(env, 'GET', '/api/public/v1/submissions/TS-20260615-000000?queryCode=ABCDEFGH', {
        ip,
      });
      expect(r.statusCode).toBe(404);
    }
    const r = await pub(env, 'GET', '/api/public/v1/divisions', { ip });
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBeDefined();
  });

  it('does not limit staff routes', async () => {
    at(0);
    const district = await signIn(env, 'district');
    for (let i = 0; i < RATE_LIMITS.read.capacity + 10; i++)
      expect((await district('GET', '/api/v1/portal/submissions')).statusCode).toBe(200);
  });
});

describe('the code request’s limits, kept in the database', () => {
  const otp = (phone: string, ip: string, app = env.app) =>
    app.inject({
      method: 'POST',
      url: '/api/public/v1/otp',
      remoteAddress: ip,
      payload: { idNumber: nextIdNumber(), phone },
    });

  it('allows one code per phone per 60 s and 5 per hour, from any address and any server process', async () => {
    at(0);
    const phone = '13700007001';
    expect((await otp(phone, newIp())).statusCode).toBe(200);
    const again = await otp(phone, newIp());
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A second server process has its own memory but the same database: it refuses too.
    const other = await createServer(env);
    try {
      expect((await otp(phone, newIp(), other)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
    for (let i = 1; i < 5; i++) {
      at(i * 61_000);
      expect((await otp(phone, newIp())).statusCode).toBe(200);
    }
    at(5 * 61_000);
    const sixth = await otp(phone, newIp());
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(3000);
    at(3_601_000);
    expect((await otp(phone, newIp())).statusCode).toBe(200);
  });

  it('allows 20 code requests per address per hour', async () => {
    at(2 * 3_600_000);
    const ip = newIp();
    for (let i = 0; i < 20; i++) {
      at(2 * 3_600_000 + i * 15_000);
      expect((await otp(`1370001${String(i).padStart(4, '0')}`, ip)).statusCode).toBe(200);
    }
    at(2 * 3_600_000 + 20 * 15_000);
    const refused = await otp('13700019999', ip);
    expect(refused.statusCode).toBe(429);
    expect((await otp('13700019999', newIp())).statusCode).toBe(200);
  });
});
