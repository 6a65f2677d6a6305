import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const login = (username: string, password: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

describe('account administration (M14)', () => {
  it('creates a village assistant with a one-time password that must be changed at first sign-in', async () => {
    const admin = await signIn(env, 'admin');
    const res = await admin('POST', '/api/v1/users', {
      username: 'wang.v203',
      displayName: '王协理员',
      role: 'village_assistant',
      jurisdictionCode: '370971001203',
    });
    expect(res.statusCode).toBe(201);
    const { user, oneTimePassword } = res.json();
    expect(user).toMatchObject({
      username: 'wang.v203',
      role: 'village_assistant',
      mustChangePassword: true,
      disabled: false,
      jurisdictionName: expect.stringContaining('村'),
    });
    const first = await login('wang.v203', oneTimePassword);
    expect(first.json().actor.mustChangePassword).toBe(true);
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const blocked = await env.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie } });
    expect(blocked.json().error.code).toBe('auth.must_change_password');
  });

  it('refuses a jurisdiction of the wrong level or outside the county, at the field', async () => {
    const admin = await signIn(env, 'admin');
    const wrongLevel = await admin('POST', '/api/v1/users', {
      username: 'bad.level',
      displayName: '甲',
      role: 'town_officer',
      jurisdictionCode: '370971001201',
    });
    expect(wrongLevel.statusCode).toBe(400);
    const other = await admin('POST', '/api/v1/users', {
      username: 'bad.county',
      displayName: '乙',
      role: 'district_officer',
      jurisdictionCode: '370911',
    });
    expect(other.json().error.details[0]).toMatchObject({ field: 'jurisdictionCode' });
    const unknownTown = await admin('POST', '/api/v1/users', {
      username: 'bad.town',
      displayName: '丙',
      role: 'town_officer',
      jurisdictionCode: '370971099',
    });
    expect(unknownTown.json().error.details[0]).toMatchObject({ field: 'jurisdictionCode' });
    const users = await env.db
      .selectFrom('app_user')
      .select('username')
      .where('username', 'like', 'bad.%')
      .execute();
    expect(users).toEqual([]);
  });

  it('resets a password: old sessions end, the new one-time password works once changed', async () => {
    const admin = await signIn(env, 'admin');
    const town = await signIn(env, 'town002');
    const id = (
      await env.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'town002')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await admin('POST', `/api/v1/users/${id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    expect((await town('GET', '/api/v1/households')).statusCode).toBe(401);
    expect((await login('town002', res.json().oneTimePassword)).json().actor.mustChangePassword).toBe(true);
    const audit = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.password_reset')
      .execute();
    expect(audit.map((a) => a.record_id)).toContain('town002');
  });

  it('disables and enables an account; an administrator cannot disable their own', async () => {
    const admin = await signIn(env, 'admin');
    const id = (
      await env.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'v001202')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await admin('POST', `/api/v1/users/${id}/disable`, {})).statusCode).toBe(200);
    expect((await login('v001202', 'Test-password-2026')).json().error.code).toBe('auth.disabled');
    expect((await admin('POST', `/api/v1/users/${id}/enable`, {})).statusCode).toBe(200);
    expect((await login('v001202', 'Test-password-2026')).statusCode).toBe(200);
    const self = await admin('POST', `/api/v1/users/${env.users.admin!.userId}/disable`, {});
    expect(self.json().error.code).toBe('users.cannot_disable_self');
  });

  it('is for district administrators only', async () => {
    const town = await signIn(env, 'town001');
    expect((await town('GET', '/api/v1/users')).statusCode).toBe(403);
    expect(
      (
        await town('POST', '/api/v1/users', {
          username: 'sneaky',
          displayName: '丁',
          role: 'district_admin',
          jurisdictionCode: '370971',
        })
      ).statusCode,
    ).toBe(403);
    const admin = await signIn(env, 'admin');
    const list = (await admin('GET', '/api/v1/users?role=town_officer')).json();
    expect(list.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['town001', 'town002']),
    );
    expect(list.items.every((u: { role: string }) => u.role === 'town_officer')).toBe(true);
    expect(JSON.stringify(list)).not.toContain('argon2');
  });
});
