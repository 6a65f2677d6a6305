import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { createUsers } from './users.usecases.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('accounts', () => {
  it('gives a generated one-time password that must be changed, and audits the creation', async () => {
    const [u] = await createUsers(env.db, env.clock, [
      { username: 'newtown', displayName: '新经办人', role: 'town_officer', jurisdictionCode: '370971003' },
    ]);
    expect(u!.password).toMatch(/^.{16}$/);
    const row = await env.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'newtown')
      .executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    const audit = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.created')
      .where('record_id', '=', 'newtown')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({
      role: 'town_officer',
      jurisdictionCode: '370971003',
      mustChangePassword: true,
    });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(u!.password!);
  });

  it.each([
    ['town_officer', '370971', '9 digits'],
    ['village_assistant', '370971001', '12 digits'],
    ['district_officer', '370971001', '6 digits'],
  ] as const)(
    'refuses a %s with jurisdiction %s (needs %s) and creates nothing',
    async (role, code, want) => {
      await expect(
        createUsers(env.db, env.clock, [
          { username: `x-${role}`, displayName: 'x', role, jurisdictionCode: code },
        ]),
      ).rejects.toMatchObject({
        code: 'validation.failed',
        details: [expect.objectContaining({ field: 'jurisdictionCode', expected: want })],
      });
      expect(
        await env.db.selectFrom('app_user').select('id').where('username', '=', `x-${role}`).execute(),
      ).toHaveLength(0);
    },
  );

  it('refuses a taken user name with 409 users.duplicate', async () => {
    await expect(
      createUsers(env.db, env.clock, [
        { username: 'admin', displayName: 'dup', role: 'auditor', jurisdictionCode: '370971' },
      ]),
    ).rejects.toMatchObject({ code: 'users.duplicate', status: 409 });
  });
});
