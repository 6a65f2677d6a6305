import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from './factories.ts';
import { createTestEnv, signIn, type TestEnv } from './harness.ts';

// Jurisdiction is the registry's tenancy boundary: staff of one town (or village) must not see or
// change another's households, and cannot even learn that a household id exists (404, as for an
// id that does not exist). Every route that takes a household or person id is listed below, and a
// guard test fails when a route is added without being listed.

type Api = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A town001 household (village 370971001201): head and spouse, both with a phone on record. */
type Fixture = {
  id: string;
  householdNo: string;
  headName: string;
  headIdNumber: string;
  headMemberId: string;
  spouseMemberId: string;
  spousePersonId: string;
};

type RouteCase = {
  method: Method;
  /** The route as Fastify registered it. */
  route: string;
  request(f: Fixture): { url: string; payload?: unknown };
  /** What the owning town gets for the same request. */
  okStatus: number;
};

const HOUSEHOLD_SCOPED_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/v1/households/:id',
    okStatus: 200,
    request: (f) => ({ url: `/api/v1/households/${f.id}` }),
  },
  {
    method: 'GET',
    route: '/api/v1/households/:id/history',
    okStatus: 200,
    request: (f) => ({ url: `/api/v1/households/${f.id}/history` }),
  },
  {
    method: 'GET',
    route: '/api/v1/households/:id/assistance-chain',
    okStatus: 200,
    request: (f) => ({ url: `/api/v1/households/${f.id}/assistance-chain` }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/households/:id',
    okStatus: 200,
    request: (f) => ({
      url: `/api/v1/households/${f.id}`,
      payload: { expectedVersion: 1, reason: '门牌号变更', address: '越权地址 1 号' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/households/:id/members',
    okStatus: 201,
    request: (f) => ({
      url: `/api/v1/households/${f.id}/members`,
      payload: {
        expectedVersion: 1,
        reason: '新生儿落户',
        ...buildPerson({ name: '越权子', relationCode: '20', idNumber: nextIdNumber('2020-06-01') }),
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/households/:id/members/:memberId',
    okStatus: 200,
    request: (f) => ({
      url: `/api/v1/households/${f.id}/members/${f.spouseMemberId}`,
      payload: { expectedVersion: 1, reason: '更正电话', phone: '13900000000' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/households/:id/members/:memberId/leave',
    okStatus: 200,
    request: (f) => ({
      url: `/api/v1/households/${f.id}/members/${f.spouseMemberId}/leave`,
      payload: { expectedVersion: 1, reason: '迁往外地' },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/households/:id/head',
    okStatus: 200,
    request: (f) => ({
      url: `/api/v1/households/${f.id}/head`,
      payload: {
        expectedVersion: 1,
        reason: '户主变更',
        memberId: f.spouseMemberId,
        formerHeadRelationCode: '10',
      },
    }),
  },
  {
    method: 'POST',
    route: '/api/v1/persons/:id/reveal',
    okStatus: 200,
    // The phone: a field every registry role may reveal, so only the jurisdiction can refuse it.
    request: (f) => ({
      url: `/api/v1/persons/${f.spousePersonId}/reveal`,
      payload: { field: 'phone', reason: '电话回访' },
    }),
  },
];

/** The routes of a Fastify app as "METHOD /path", read from printRoutes' tree (HEAD left out). */
function registeredRoutes(env: TestEnv): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of env.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const url = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = url;
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

let env: TestEnv;
let owner: Api;
const outsiders: Record<string, Api> = {};
let town002Household: { id: string; householdNo: string };

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张';
const headName = () => Array.from({ length: 3 }, () => SURNAMES[crypto.randomInt(SURNAMES.length)]).join('');

async function makeFixture(): Promise<Fixture> {
  const name = headName();
  const headIdNumber = nextIdNumber('1960-01-01');
  const h = await buildHousehold(env, {
    members: [
      buildPerson({ name, idNumber: headIdNumber, relationCode: '02', phone: '13812345678' }),
      buildPerson({
        name: '李配偶',
        idNumber: nextIdNumber('1962-02-02', 2),
        relationCode: '10',
        phone: '13887654321',
      }),
    ],
  });
  const members = await env.db
    .selectFrom('household_member')
    .select(['id', 'person_id', 'relation_code'])
    .where('household_id', '=', h.id)
    .execute();
  const head = members.find((m) => m.relation_code === '02')!;
  const spouse = members.find((m) => m.relation_code === '10')!;
  return {
    ...h,
    headName: name,
    headIdNumber,
    headMemberId: head.id,
    spouseMemberId: spouse.id,
    spousePersonId: spouse.person_id,
  };
}

/** Everything a request could have changed about a household, its people and the logs. */
async function snapshot(f: Fixture) {
  const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const members = await env.db
    .selectFrom('household_member')
    .selectAll()
    .where('household_id', '=', f.id)
    .orderBy('id')
    .execute();
  return {
    household: await env.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow(),
    members,
    persons: await env.db
      .selectFrom('person')
      .selectAll()
      .where(
        'id',
        'in',
        members.map((m) => m.person_id),
      )
      .orderBy('id')
      .execute(),
    totals: {
      households: await count(
        env.db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')),
      ),
      persons: await count(env.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n'))),
      members: await count(
        env.db.selectFrom('household_member').select((eb) => eb.fn.countAll<number>().as('n')),
      ),
      versions: await count(
        env.db.selectFrom('record_version').select((eb) => eb.fn.countAll<number>().as('n')),
      ),
      registryAudit: await count(
        env.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', 'like', 'registry.%'),
      ),
    },
  };
}

function expectNotFound(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(404);
  const err = res.json().error;
  expect(err.code).toMatch(/^registry\.(household|person)_not_found$/);
  expect(err.requestId).toEqual(expect.any(String));
  return err as { code: string; message: string; messageEn: string };
}

beforeAll(async () => {
  env = await createTestEnv();
  owner = await signIn(env, 'town001');
  outsiders.town002 = await signIn(env, 'town002');
  outsiders.v001202 = await signIn(env, 'v001202');
  const res = await outsiders.town002('POST', '/api/v1/households', {
    villageCode: '370971002201',
    members: [buildPerson({ relationCode: '02' })],
  });
  expect(res.statusCode, res.body).toBe(201);
  town002Household = res.json();
});
afterAll(async () => {
  await env?.close();
});

describe('the list of household-scoped routes', () => {
  it('reads the registered routes from the app', () => {
    const all = registeredRoutes(env).map((r) => `${r.method} ${r.url}`);
    expect(all).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/households',
        'GET /api/v1/households/:id/history',
        'POST /api/v1/households/:id/members/:memberId/leave',
        'GET /api/v1/imports/:id/errors.xlsx',
      ]),
    );
  });

  it('covers every registered route that takes a household or person id (add new ones to HOUSEHOLD_SCOPED_ROUTES)', () => {
    const found = registeredRoutes(env)
      .filter((r) => /\/(households|persons)\/:id(\/|$)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const listed = HOUSEHOLD_SCOPED_ROUTES.map((r) => `${r.method} ${r.route}`).sort();
    expect(listed).toHaveLength(found.length);
    expect(listed).toEqual(found);
  });
});

describe.each(['town002', 'v001202'])('a %s user on a town001 household', (who) => {
  it.each(HOUSEHOLD_SCOPED_ROUTES.map((r) => [`${r.method} ${r.route}`, r] as const))(
    '%s → 404 and nothing changes',
    async (_name, rc) => {
      const f = await makeFixture();
      const before = await snapshot(f);
      const { url, payload } = rc.request(f);
      const err = expectNotFound(await outsiders[who]!(rc.method, url, payload));
      // Indistinguishable from an id that does not exist.
      const ghost = rc.request({ ...f, id: crypto.randomUUID(), spousePersonId: crypto.randomUUID() });
      const ghostErr = expectNotFound(await outsiders[who]!(rc.method, ghost.url, ghost.payload));
      expect({ code: err.code, message: err.message, messageEn: err.messageEn }).toEqual({
        code: ghostErr.code,
        message: ghostErr.message,
        messageEn: ghostErr.messageEn,
      });
      expect(JSON.stringify(err)).not.toContain(f.householdNo);
      expect(await snapshot(f)).toEqual(before);
    },
  );
});

describe('the owning town', () => {
  // The same requests succeed for the owner, so the 404s above come from the jurisdiction, not
  // from a malformed request.
  it.each(HOUSEHOLD_SCOPED_ROUTES.map((r) => [`${r.method} ${r.route}`, r] as const))(
    '%s succeeds',
    async (_name, rc) => {
      const f = await makeFixture();
      const { url, payload } = rc.request(f);
      const res = await owner(rc.method, url, payload);
      expect(res.statusCode, res.body).toBe(rc.okStatus);
    },
  );
});

describe('search', () => {
  it('never shows a town002 officer town001 households, by list, number, name, ID number or division', async () => {
    const f = await makeFixture();
    const town002 = outsiders.town002!;
    const district = await signIn(env, 'district');
    const list = (await town002('GET', '/api/v1/households?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(town002Household.id);
    expect(list.items.every((i: { villageCode: string }) => i.villageCode.startsWith('370971002'))).toBe(
      true,
    );
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(f.id);

    for (const q of [f.householdNo, f.headName, f.headIdNumber]) {
      const res = await town002('GET', `/api/v1/households?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 0, items: [] });
      // The district does find it: the query itself is right.
      expect(
        (await district('GET', `/api/v1/households?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((i: { id: string }) => i.id),
      ).toContain(f.id);
    }
    const byDivision = (
      await town002('GET', '/api/v1/households?divisionCode=370971001&pageSize=100')
    ).json();
    expect(byDivision).toMatchObject({ total: 0, items: [] });
    const byVillage = (
      await town002('GET', '/api/v1/households?divisionCode=370971001201&pageSize=100')
    ).json();
    expect(byVillage).toMatchObject({ total: 0, items: [] });
  });

  it('shows a village assistant only the households of that village', async () => {
    const f = await makeFixture();
    const list = (await outsiders.v001202!('GET', '/api/v1/households?pageSize=100')).json();
    expect(list.items.every((i: { villageCode: string }) => i.villageCode === '370971001202')).toBe(true);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(f.id);
    expect((await outsiders.v001202!('GET', `/api/v1/households?q=${f.householdNo}`)).json().total).toBe(0);
  });
});

describe('creating a household outside one’s jurisdiction', () => {
  const householdCount = async () =>
    Number(
      (
        await env.db
          .selectFrom('household')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['town002', '370971001201'],
    ['v001202', '370971001201'],
    ['town001', '370971002201'],
  ])(
    '%s in village %s is refused with a field error on villageCode, and nothing is written',
    async (who, villageCode) => {
      const api = who === 'town001' ? owner : outsiders[who]!;
      const before = await householdCount();
      const res = await api('POST', '/api/v1/households', {
        villageCode,
        members: [buildPerson({ relationCode: '02' })],
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'villageCode' })]);
      expect(await householdCount()).toBe(before);
    },
  );
});

describe('without a session', () => {
  const exempt = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);

  it('every /api/v1 route except sign-in and sign-out answers 401 auth.unauthenticated', async () => {
    const routes = registeredRoutes(env).filter(
      (r) => r.url.startsWith('/api/v1/') && !exempt.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    for (const r of routes) {
      const url = r.url.replace(/:[A-Za-z]+/g, () => crypto.randomUUID());
      const res = await env.app.inject({
        method: r.method as Method,
        url,
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      // The departments' push API authenticates by API key, not session: 401 asking for the key.
      const expected = r.url.startsWith('/api/v1/feed-api/')
        ? 'feeds.api_key_missing'
        : 'auth.unauthenticated';
      if (res.statusCode !== 401 || res.json().error?.code !== expected)
        failures.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('the same with a cookie of an ended session', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'town001', password: 'Test-password-2026' },
    });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    const after = await env.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});
