import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.ts';
import { createBuckets, rateLimitError } from './rate-limit.ts';

// The token buckets of the public routes (§9.5 abuse protection), on a clock the test moves.

const limits = {
  read: { capacity: 3, perMs: 60_000 },
  write: { capacity: 2, perMs: 60_000 },
  otp: { capacity: 1, perMs: 60_000 },
};

describe('token buckets per class and address', () => {
  it('refuses the (N+1)-th request of a minute and says how long to wait', () => {
    const b = createBuckets(fixedClock('2026-06-15T09:00:00+08:00'), limits);
    expect([b.take('write', 'a'), b.take('write', 'a')]).toEqual([null, null]);
    const wait = b.take('write', 'a');
    expect(wait).not.toBeNull();
    expect(wait!).toBeCloseTo(30, 5); // one token back after 60 s / 2
  });

  it('refills with time, and one address or class never drains another', () => {
    let t = Date.parse('2026-06-15T09:00:00+08:00');
    const b = createBuckets({ now: () => new Date(t) }, limits);
    for (let i = 0; i < 3; i++) expect(b.take('read', 'a')).toBeNull();
    expect(b.take('read', 'a')).not.toBeNull();
    expect(b.take('read', 'b')).toBeNull();
    expect(b.take('write', 'a')).toBeNull();
    t += 20_000; // 3 per minute: one token back every 20 s
    expect(b.take('read', 'a')).toBeNull();
    expect(b.take('read', 'a')).not.toBeNull();
  });

  it('does not refill when the clock goes back, and never holds more than a full bucket', () => {
    let t = Date.parse('2026-06-15T09:00:00+08:00');
    const b = createBuckets({ now: () => new Date(t) }, limits);
    expect(b.take('otp', 'a')).toBeNull();
    t -= 3_600_000;
    expect(b.take('otp', 'a')).not.toBeNull();
    t += 10 * 3_600_000;
    expect(b.take('otp', 'a')).toBeNull();
    expect(b.take('otp', 'a')).not.toBeNull();
  });

  it('forgets the least recently seen addresses beyond its bound', () => {
    const b = createBuckets({ now: () => new Date(0) }, limits, 100);
    for (let i = 0; i < 1000; i++) b.take('read', `10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(b.size()).toBe(100);
  });
});

describe('the 429 answer', () => {
  it('is the standard bilingual error with the whole seconds to wait', () => {
    const e = rateLimitError(0.2);
    expect(e).toMatchObject({ code: 'request.rate_limited', status: 429, details: { retryAfterSeconds: 1 } });
    expect(e.messageZh).toContain('1 秒后再试');
    expect(e.messageEn).toContain('1 s');
  });
});
