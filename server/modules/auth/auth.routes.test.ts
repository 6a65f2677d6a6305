import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../test/factories.ts';
import { createTestEnv, signIn, TEST_NOW, TEST_PASSWORD, type TestEnv } from '../../test/harness.ts';
import { createUsers } from '../admin/users.usecases.ts';

// Sign-in, sessions and the request gate of server/app.ts, over HTTP. The login throttle counts per
// client address, so every test signs in from its own address (inject's remoteAddress).

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterEach(() => {
  env.clock.set(new Date(TEST_NOW));
});
afterAll(async () => {
  await env?.close();
});

const MIN = 60 * 1000;
let ipSeq = 0;
const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

function login(username: string, password: string, ip = freshIp()) {
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The session a successful login response carries: its cookies and its CSRF token. */
function sessionOf(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
    });
  return { cookie, csrf, call };
}

async function signInAt(username: string, password = TEST_PASSWORD) {
  return sessionOf(await login(username, password));
}

const advance = (ms: number) => env.clock.set(new Date(env.clock.now().getTime() + ms));
const userRow = (username: string) =>
  env.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
const countOf = async (table: 'household' | 'user_session') =>
  Number(
    (
      await env.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.error).toMatchObject({
    code,
    message: expect.any(String),
    messageEn: expect.any(String),
    requestId: expect.any(String),
  });
  return body.error as { code: string; message: string; messageEn: string; details?: unknown };
}

async function newUser(username: string) {
  const [created] = await createUsers(env.db, env.clock, [
    { username, displayName: `${username} 新用户`, role: 'town_officer', jurisdictionCode: '370971001' },
  ]);
  expect(created!.password).toBeTruthy();
  return created!.password!;
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token in the body, not the session token', async () => {
    const res = await login('town001', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const session = res.cookies.find((c) => c.name === 'hj_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session!.value.length).toBeGreaterThanOrEqual(40);
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(20);
    expect(body.csrfToken).not.toBe(session!.value);
    expect(JSON.stringify(body)).not.toContain(session!.value);
    expect(body.actor).toMatchObject({
      username: 'town001',
      role: 'town_officer',
      jurisdictionCode: '370971001',
      mustChangePassword: false,
    });
    // The console reads the CSRF token from a script-readable cookie; the session cookie it cannot read.
    const csrfCookie = res.cookies.find((c) => c.name === 'hj_csrf');
    expect(csrfCookie?.value).toBe(body.csrfToken);
    expect(csrfCookie?.httpOnly).not.toBe(true);
    // Only a digest of the token is stored: the database alone cannot be used to ride a session.
    const stored = await env.db.selectFrom('user_session').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(session!.value);
  });

  it('refuses a wrong password with 401 auth.bad_credentials and sets no session', async () => {
    const res = await login('town002', 'Not-the-password-1');
    expectError(res, 401, 'auth.bad_credentials');
    expect(res.cookies.find((c) => c.name === 'hj_session')).toBeUndefined();
  });

  it('answers an unknown user name exactly like a wrong password (no account enumeration)', async () => {
    const known = expectError(await login('town002', 'Not-the-password-1'), 401, 'auth.bad_credentials');
    const unknown = expectError(
      await login('nobody-here', 'Not-the-password-1'),
      401,
      'auth.bad_credentials',
    );
    expect({ ...unknown, requestId: 'x' }).toEqual({ ...known, requestId: 'x' });
  });

  it('answers a malformed sign-in body with 400 validation.failed naming the fields', async () => {
    const err = expectError(
      await env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: '  ' },
        remoteAddress: freshIp(),
      }),
      400,
      'validation.failed',
    );
    expect((err.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['password', 'username']);
  });

  it('locks the account after 5 failures (423 auth.locked), refuses even the right password, and opens after 15 minutes', async () => {
    await newUserWithPassword('locky');
    const ip = freshIp();
    for (let i = 1; i <= 4; i++)
      expectError(await login('locky', `Wrong-password-${i}`, ip), 401, 'auth.bad_credentials');
    const t5 = env.clock.now().getTime();
    const fifth = expectError(await login('locky', 'Wrong-password-5', ip), 423, 'auth.locked');
    const lockedUntil = new Date((fifth.details as { lockedUntil: string }).lockedUntil).getTime();
    expect(lockedUntil - t5).toBeGreaterThanOrEqual(15 * MIN);
    expect(lockedUntil - t5).toBeLessThan(15 * MIN + 5000);

    // The right password, even from another address, is refused while locked…
    expectError(await login('locky', TEST_PASSWORD), 423, 'auth.locked');
    env.clock.set(new Date(lockedUntil - 2000));
    expectError(await login('locky', TEST_PASSWORD), 423, 'auth.locked');
    // …and accepted once the 15 minutes are over.
    env.clock.set(new Date(lockedUntil + 1000));
    const ok = await login('locky', TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    // A successful sign-in resets the failure count.
    expect((await userRow('locky')).failed_logins).toBe(0);
  });

  it('counts afresh after a lock has run out: one wrong password then is a 401, not a new lock', async () => {
    await newUserWithPassword('locky3');
    for (let i = 1; i <= 5; i++) await login('locky3', `Wrong-password-${i}`);
    const until = (await userRow('locky3')).locked_until as Date;
    env.clock.set(new Date(until.getTime() + 1000));
    expectError(await login('locky3', 'Wrong-password-6'), 401, 'auth.bad_credentials');
    expect((await userRow('locky3')).failed_logins).toBe(1);
    expect((await login('locky3', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not lock other accounts when one is locked', async () => {
    await newUserWithPassword('locky2');
    for (let i = 1; i <= 5; i++) await login('locky2', `Wrong-password-${i}`);
    expectError(await login('locky2', TEST_PASSWORD), 423, 'auth.locked');
    expect((await login('town002', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('records every failed sign-in and the lock-out in the audit log, with the client address', async () => {
    await newUserWithPassword('audited');
    const ip = freshIp();
    for (let i = 1; i <= 5; i++) await login('audited', `Wrong-password-${i}`, ip);
    const auditor = await signInAt('auditor');
    const res = await auditor.call('GET', '/api/v1/audit?action=auth.&actor=audited');
    expect(res.statusCode).toBe(200);
    const items = (res.json().items as { action: string; clientIp: string; detail: { failures: number } }[])
      .slice()
      .reverse();
    expect(items.map((i) => i.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
    ]);
    expect(items.map((i) => i.detail.failures)).toEqual([1, 2, 3, 4, 5]);
    expect(items.every((i) => i.clientIp === ip)).toBe(true);
    // The passwords tried never reach the log.
    expect(res.body).not.toContain('Wrong-password');
  });

  it('throttles sign-in per client address: the 31st attempt within 5 minutes gets 429, other addresses are unaffected', async () => {
    const ip = freshIp();
    for (let i = 1; i <= 30; i++)
      expectError(await login(`ghost${i}`, 'Whatever-123', ip), 401, 'auth.bad_credentials');
    expectError(await login('ghost31', 'Whatever-123', ip), 429, 'auth.throttled');
    // Even the right password of a real account is throttled from that address…
    expectError(await login('town002', TEST_PASSWORD, ip), 429, 'auth.throttled');
    // …but not from another one.
    expect((await login('town002', TEST_PASSWORD)).statusCode).toBe(200);
    advance(5 * MIN + 1000);
    expect((await login('town002', TEST_PASSWORD, ip)).statusCode).toBe(200);
  });
});

async function newUserWithPassword(username: string) {
  await createUsers(env.db, env.clock, [
    {
      username,
      displayName: username,
      role: 'town_officer',
      jurisdictionCode: '370971002',
      password: TEST_PASSWORD,
    },
  ]);
}

describe('CSRF', () => {
  const householdBody = () => ({ villageCode: '370971001201', members: [buildPerson()] });

  it('refuses a POST without the x-csrf-token header with 403 auth.csrf and writes nothing', async () => {
    const s = await signInAt('town001');
    const before = await countOf('household');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      payload: householdBody(),
      headers: { cookie: s.cookie },
    });
    expectError(res, 403, 'auth.csrf');
    expect(await countOf('household')).toBe(before);
  });

  it('refuses a POST with a wrong x-csrf-token (e.g. another session’s) with 403 auth.csrf and writes nothing', async () => {
    const s = await signInAt('town001');
    const other = await signInAt('town001');
    const before = await countOf('household');
    expectError(
      await s.call('POST', '/api/v1/households', householdBody(), { 'x-csrf-token': other.csrf }),
      403,
      'auth.csrf',
    );
    expectError(
      await s.call('POST', '/api/v1/households', householdBody(), { 'x-csrf-token': '' }),
      403,
      'auth.csrf',
    );
    expect(await countOf('household')).toBe(before);
    // The same request with the right token goes through.
    expect((await s.call('POST', '/api/v1/households', householdBody())).statusCode).toBe(201);
    expect(await countOf('household')).toBe(before + 1);
  });

  it('refuses a PATCH with a wrong token and leaves the household at its version', async () => {
    const s = await signInAt('town001');
    const created = (await s.call('POST', '/api/v1/households', householdBody())).json();
    const res = await s.call(
      'PATCH',
      `/api/v1/households/${created.id}`,
      { expectedVersion: 1, reason: '门牌变更', address: '伪造地址' },
      { 'x-csrf-token': 'forged' },
    );
    expectError(res, 403, 'auth.csrf');
    const row = await env.db
      .selectFrom('household')
      .select(['version', 'address'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, address: '' });
  });

  it('refuses a password change without the token, so the old password keeps working', async () => {
    const password = await newUser('csrfpw');
    const s = sessionOf(await login('csrfpw', password));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: password, newPassword: 'Brand-new-Pass-2026' },
      headers: { cookie: s.cookie },
    });
    expectError(res, 403, 'auth.csrf');
    expect((await login('csrfpw', password)).statusCode).toBe(200);
  });

  it('does not ask for the token on reads', async () => {
    const s = await signInAt('town001');
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 2 hours (401) and deletes it', async () => {
    const s = await signInAt('town001');
    const sessions = await countOf('user_session');
    advance(2 * 60 * MIN + MIN);
    expectError(await s.call('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
    expect(await countOf('user_session')).toBe(sessions - 1);
    // Moving the clock back does not revive it.
    advance(-(2 * 60 * MIN + MIN));
    expectError(await s.call('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
  });

  it('keeps a session alive while it is used: idle time counts from the last request', async () => {
    const s = await signInAt('town001');
    for (let i = 0; i < 3; i++) {
      advance(90 * MIN);
      expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
  });

  it('ends even a busy session 12 hours after sign-in', async () => {
    const s = await signInAt('town001');
    for (let i = 0; i < 11; i++) {
      advance(60 * MIN);
      expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    }
    advance(60 * MIN);
    expectError(await s.call('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
  });

  it('ends the session on logout: the cookie is cleared and the old token no longer works', async () => {
    const s = await signInAt('town001');
    expect((await s.call('GET', '/api/v1/households')).statusCode).toBe(200);
    const out = await s.call('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const cleared = out.cookies.find((c) => c.name === 'hj_session');
    expect(cleared?.value).toBe('');
    expectError(await s.call('GET', '/api/v1/households'), 401, 'auth.unauthenticated');
    expectError(await s.call('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
  });

  it('answers 401 with the error shape for a made-up session cookie', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'hj_session=made-up-token' },
    });
    expectError(res, 401, 'auth.unauthenticated');
  });
});

describe('a generated password must be changed first', () => {
  it('refuses everything else with 403 auth.must_change_password but allows /auth/me', async () => {
    const password = await newUser('fresh1');
    const res = await login('fresh1', password);
    expect(res.json().actor.mustChangePassword).toBe(true);
    const s = sessionOf(res);
    expectError(await s.call('GET', '/api/v1/households'), 403, 'auth.must_change_password');
    expectError(await s.call('GET', '/api/v1/divisions/tree'), 403, 'auth.must_change_password');
    const before = await countOf('household');
    expectError(
      await s.call('POST', '/api/v1/households', { villageCode: '370971001201', members: [buildPerson()] }),
      403,
      'auth.must_change_password',
    );
    expect(await countOf('household')).toBe(before);
    const me = await s.call('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().actor).toMatchObject({ username: 'fresh1', mustChangePassword: true });
  });

  it.each([
    ['shorter than 10 characters', 'Ab1!xyz', 'weak1'],
    ['only two character classes', 'alllowercase2026', 'weak2'],
  ])('rejects a weak new password (%s) with 400 on field newPassword', async (_label, weak, username) => {
    const password = await newUser(username);
    const s = sessionOf(await login(username, password));
    const err = expectError(
      await s.call('POST', '/api/v1/auth/password', { currentPassword: password, newPassword: weak }),
      400,
      'validation.failed',
    );
    expect(err.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    expect((await userRow(username)).must_change_password).toBe(true);
  });

  it('answers a password change without the fields with 400 validation.failed on each field', async () => {
    const password = await newUser('nofields');
    const s = sessionOf(await login('nofields', password));
    const err = expectError(await s.call('POST', '/api/v1/auth/password', {}), 400, 'validation.failed');
    expect(err.details).toEqual([
      expect.objectContaining({
        field: 'currentPassword',
        message: expect.any(String),
        messageEn: expect.any(String),
      }),
      expect.objectContaining({ field: 'newPassword' }),
    ]);
  });

  it('rejects reusing the generated password and a wrong current password', async () => {
    const password = await newUser('reuse1');
    const s = sessionOf(await login('reuse1', password));
    const same = expectError(
      await s.call('POST', '/api/v1/auth/password', { currentPassword: password, newPassword: password }),
      400,
      'validation.failed',
    );
    expect(same.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const wrong = expectError(
      await s.call('POST', '/api/v1/auth/password', {
        currentPassword: 'Not-it-2026!',
        newPassword: 'Brand-new-Pass-2026',
      }),
      400,
      'auth.wrong_current_password',
    );
    expect(wrong.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
  });

  it('after the change: stores an argon2id hash, lifts the gate, ends the user’s other sessions and accepts only the new password', async () => {
    const password = await newUser('fresh2');
    const before = await userRow('fresh2');
    const s = sessionOf(await login('fresh2', password));
    const other = sessionOf(await login('fresh2', password));
    const bystander = await signInAt('town001');

    const res = await s.call('POST', '/api/v1/auth/password', {
      currentPassword: password,
      newPassword: 'Brand-new-Pass-2026',
    });
    expect(res.statusCode, res.body).toBe(200);

    const after = await userRow('fresh2');
    expect(after.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(after.password_hash).not.toContain('Brand-new-Pass-2026');
    expect(after.must_change_password).toBe(false);

    // The session that changed it carries on, now past the gate.
    expect((await s.call('GET', '/api/v1/households')).statusCode).toBe(200);
    // The other session of that user is gone; other users' sessions are not.
    expectError(await other.call('GET', '/api/v1/auth/me'), 401, 'auth.unauthenticated');
    expect((await bystander.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    expectError(await login('fresh2', password), 401, 'auth.bad_credentials');
    expect((await login('fresh2', 'Brand-new-Pass-2026')).statusCode).toBe(200);

    const audit = await env.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('action', '=', 'auth.password_changed')
      .where('actor_username', '=', 'fresh2')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('stores argon2id hashes for generated passwords too', async () => {
    await newUser('fresh3');
    expect((await userRow('fresh3')).password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  });
});

// Keeps the harness' shared sign-in helper honest too: it is what every other route test uses.
describe('harness signIn', () => {
  it('yields a helper that passes the gate for a normal user', async () => {
    const api = await signIn(env, 'district');
    expect((await api('GET', '/api/v1/auth/me')).json().actor.username).toBe('district');
  });
});
