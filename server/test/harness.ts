import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '../../contracts/roles.ts';
import { createServer } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.ts';
import { createUsers } from '../modules/admin/users.usecases.ts';
import { createClock } from '../platform/clock.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { createServices, type Services } from '../services.ts';
import { PG_TEMPLATE_DB, TEMPLATE_FILE, TEST_MASTER_KEY, waitUntilUnused } from './template.ts';

/** A fresh database for one test file: a clone of the migrated template, on PGlite or the server. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const tarball = fs.readFileSync(TEMPLATE_FILE);
    return openPglite({ loadDataDir: new Blob([new Uint8Array(tarball)]) });
  }
  const name = `huijiu_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const h = await openPostgres(u.toString(), 4);
  return {
    ...h,
    async close() {
      // The pool's end() resolves before its sockets are closed: a backend cut off by the drop below
      // would make the pool emit 'error' with no listener (an uncaught exception in the test run).
      h.pool?.on('error', () => {});
      await h.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await waitUntilUnused(a, name);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const TEST_NOW = '2026-11-29T10:00:00+08:00';
export const TEST_PASSWORD = 'Test-password-2026';

export type TestEnv = Services & {
  dataDir: string;
  app: FastifyInstance;
  users: Record<string, Actor>;
  ctx(username: string): RequestContext;
};

/** The standard cast of a test: a district, towns 001 and 002, and villages in each. */
export const TEST_USERS: { username: string; role: Role; jurisdictionCode: string }[] = [
  { username: 'admin', role: 'district_admin', jurisdictionCode: '370971' },
  { username: 'district', role: 'district_officer', jurisdictionCode: '370971' },
  { username: 'auditor', role: 'auditor', jurisdictionCode: '370971' },
  { username: 'town001', role: 'town_officer', jurisdictionCode: '370971001' },
  { username: 'town002', role: 'town_officer', jurisdictionCode: '370971002' },
  { username: 'v001201', role: 'village_assistant', jurisdictionCode: '370971001201' },
  { username: 'v001202', role: 'village_assistant', jurisdictionCode: '370971001202' },
  { username: 'liaison', role: 'department_liaison', jurisdictionCode: '370971' },
];

export async function createTestEnv(opts: { now?: string } = {}): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-test-'));
  const config = loadConfig({
    HUIJIU_DATA_DIR: dataDir,
    HUIJIU_MASTER_KEY: TEST_MASTER_KEY,
    HUIJIU_TEST_MODE: '1',
    LOG_LEVEL: 'silent',
  });
  const handle = await openTestDatabase();
  const s = await createServices(config, { handle, clock: createClock(opts.now ?? TEST_NOW) });
  const { hashPassword } = await import('../platform/passwords.ts');
  const hash = await hashPassword(TEST_PASSWORD);
  await createUsers(
    s.db,
    s.clock,
    TEST_USERS.map((u) => ({
      ...u,
      displayName: `${u.username} 测试`,
      passwordHash: hash,
      mustChangePassword: false,
    })),
  );
  const rows = await s.db.selectFrom('app_user').selectAll().execute();
  const users: Record<string, Actor> = Object.fromEntries(
    rows.map((r) => [
      r.username,
      {
        userId: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role as Role,
        countyCode: r.county_code,
        jurisdictionCode: r.jurisdiction_code,
        mustChangePassword: false,
      },
    ]),
  );
  const app = await createServer(s);
  const close = s.close;
  return Object.assign(s, {
    dataDir,
    app,
    users,
    ctx: (username: string) => ({
      actor: users[username]!,
      requestId: `test-${username}`,
      clientIp: '127.0.0.1',
    }),
    async close() {
      await app.close();
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Signs in through the API and returns an inject helper that carries the cookie and CSRF token. */
export async function signIn(env: Pick<TestEnv, 'app'>, username: string, password = TEST_PASSWORD) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    env.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
    });
}
