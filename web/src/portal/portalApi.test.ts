import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearSession,
  PortalApiError,
  parseRetryAfter,
  portalApi,
  readSession,
  saveSession,
  TOKEN_HEADER,
  toPortalError,
  withQuery,
} from './portalApi.ts';

class MemoryStore {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const NOW = Date.parse('2025-06-01T08:00:00Z');
const headers = (h: Record<string, string>) => (n: string) => h[n] ?? null;

describe('errors', () => {
  it('keeps the API error shape: code, both messages, field details, request id', () => {
    const err = toPortalError(
      400,
      {
        error: {
          code: 'validation.failed',
          message: '输入有误',
          messageEn: 'Invalid input',
          details: [{ field: 'phone', message: '手机号码应为 11 位', messageEn: '11 digits' }],
          requestId: 'req-1',
        },
      },
      headers({}),
      NOW,
    );
    expect(err).toBeInstanceOf(PortalApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation.failed');
    expect(err.messageEn).toBe('Invalid input');
    expect(err.fieldIssues).toEqual([
      { field: 'phone', message: '手机号码应为 11 位', messageEn: '11 digits' },
    ]);
    expect(err.requestId).toBe('req-1');
    expect(err.retryAfterSeconds).toBeNull();
  });

  it('reads retry-after of a 429, as seconds or as a date', () => {
    const err = toPortalError(429, null, headers({ 'retry-after': '42' }), NOW);
    expect(err.retryAfterSeconds).toBe(42);
    expect(err.message).toMatch(/频繁/);
    expect(parseRetryAfter(new Date(NOW + 30_500).toUTCString(), NOW)).toBe(30);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it('gives a bilingual message for a body that is not the API shape', () => {
    const err = toPortalError(502, '<html>', headers({ 'x-request-id': 'r9' }), NOW);
    expect(err.code).toBe('http.502');
    expect(err.messageEn).toMatch(/502/);
    expect(err.requestId).toBe('r9');
  });

  it('builds queries without empty parameters', () => {
    expect(withQuery('/notices', { villageCode: '370902100201', q: '' })).toBe(
      '/notices?villageCode=370902100201',
    );
    expect(withQuery('/policies', { q: '医疗 救助', departmentCode: undefined })).toBe(
      '/policies?q=%E5%8C%BB%E7%96%97+%E6%95%91%E5%8A%A9',
    );
    expect(withQuery('/policies', {})).toBe('/policies');
  });
});

describe('session', () => {
  const session = {
    token: 't-1',
    expiresAt: '2025-06-01T08:30:00Z',
    expiresInSeconds: 7200,
    phoneMask: '138****5678',
  };

  it('is kept until it expires on this device’s clock, then forgotten', () => {
    const store = new MemoryStore();
    saveSession(session, store, NOW);
    const local = new Date(NOW + 7200 * 1000).toISOString();
    expect(readSession(store, NOW)).toEqual({ ...session, expiresAt: local });
    expect(readSession(store, NOW + 7199 * 1000)).not.toBeNull();
    expect(readSession(store, NOW + 7200 * 1000)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  it('does not expire early when the server’s clock is hours ahead of the phone’s', () => {
    const store = new MemoryStore();
    const serverAhead = { ...session, expiresAt: new Date(NOW - 3 * 3600_000).toISOString() };
    saveSession(serverAhead, store, NOW);
    expect(readSession(store, NOW + 60_000)?.token).toBe('t-1');
  });

  it('ignores a damaged stored value', () => {
    const store = new MemoryStore();
    store.setItem('huijiu.portal.session', '{not json');
    clearSession(null);
    expect(readSession(store, NOW)).toBeNull();
  });
});

describe('requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession(null);
  });

  const respond = (status: number, body: unknown, h: Record<string, string> = {}) =>
    vi.fn(
      async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: h }),
    );

  it('sends the portal token only to the routes that need it', async () => {
    const store = new MemoryStore();
    vi.stubGlobal('sessionStorage', store);
    saveSession({
      token: 'tok',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      expiresInSeconds: 600,
      phoneMask: 'x',
    });
    const fetch = respond(200, { items: [] });
    vi.stubGlobal('fetch', fetch);
    await portalApi.myApplications();
    await portalApi.policies({ q: '低保' });
    const [mine, policies] = fetch.mock.calls as [string, RequestInit][];
    expect(mine![0]).toBe('/api/public/v1/my/applications');
    expect((mine![1].headers as Record<string, string>)[TOKEN_HEADER]).toBe('tok');
    expect(mine![1].credentials).toBe('omit');
    expect(policies![0]).toBe('/api/public/v1/policies?q=%E4%BD%8E%E4%BF%9D');
    expect((policies![1].headers as Record<string, string>)[TOKEN_HEADER]).toBeUndefined();
  });

  it('forgets the session when the server no longer accepts its token', async () => {
    const store = new MemoryStore();
    vi.stubGlobal('sessionStorage', store);
    saveSession({
      token: 'old',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      expiresInSeconds: 600,
      phoneMask: 'x',
    });
    vi.stubGlobal(
      'fetch',
      respond(401, {
        error: { code: 'portal.session', message: '请重新验证', messageEn: 'Verify again', requestId: 'r' },
      }),
    );
    await expect(portalApi.myApplications()).rejects.toMatchObject({
      status: 401,
      messageEn: 'Verify again',
    });
    expect(readSession()).toBeNull();
  });

  it('turns a 429 into an error that says how long to wait', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        429,
        {
          error: {
            code: 'rate_limited',
            message: '请 60 秒后再试',
            messageEn: 'Retry in 60 s',
            requestId: 'r',
          },
        },
        { 'retry-after': '60' },
      ),
    );
    const err = await portalApi
      .requestOtp({ idNumber: '11010519491231002X', phone: '13812345678' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(PortalApiError);
    expect(err.retryAfterSeconds).toBe(60);
  });

  it('reports a network failure in both languages', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(portalApi.divisions()).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
