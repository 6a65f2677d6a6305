import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { buildScenario, runMatching, type Scenario, setDate } from './matching.test-fixtures.ts';

// Department referrals (转办, §9.3; S6 §五(一)) through the API, after a matching run on the
// hand-made registry of matching.test-fixtures: the reason and the due date in working days (§2.1),
// the liaison's link to its department, who answers what, the answer rules, the overdue flag as the
// clock moves, and the link each referral adds to the household's assistance chain (一户一条救助链).

let env: TestEnv;
let s: Scenario;
type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;
const R: Record<string, string> = {};

beforeAll(async () => {
  // Thursday 2026-09-24, before 中秋 (09-25…27) and 国庆 (10-01…07).
  env = await createTestEnv({ now: '2026-09-24T09:00:00+08:00' });
  s = await buildScenario(env);
  await runMatching(env);
  const district = await as('district');
  for (const k of ['A', 'C', 'E'])
    R[k] = (await district('GET', `/api/v1/referrals?householdId=${s.H[k]}`)).json().items[0].id;
});
afterAll(async () => {
  await env?.close();
});

describe('referrals', () => {
  it('carry the reason with the figures read, and are due in working days over holidays (§2.1)', async () => {
    const a = (await (await as('district'))('GET', `/api/v1/referrals/${R.A}`)).json();
    // 5 working days after Thursday 09-24: 09-28, 09-29, 09-30, 10-08, 10-09 (中秋 09-25…27 and 国庆
    // 10-01…07 are off; a plain Monday–Friday count would give 10-01).
    expect(a).toMatchObject({
      referredOn: '2026-09-24',
      dueOn: '2026-10-09',
      state: 'PENDING',
      overdue: false,
      departmentCode: 'CIVIL_AFFAIRS',
      departmentName: '民政',
      policyCode: 'MZ-DIBAO',
      villageCode: '370971001201',
    });
    expect(a.reason).toMatch(
      /^家庭人均收入不高于当地低保标准（人均月收入 100\.00 元，低保标准 \d+\.00 元）$/,
    );
    expect(a.personName).toMatch(/\*/);
    expect(a.townName).not.toBe('');
  });

  it('the bureau sees the referrals of its division only', async () => {
    const ids = async (user: string) =>
      (await (await as(user))('GET', '/api/v1/referrals'))
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort();
    expect(await ids('district')).toEqual([R.A, R.C, R.E].sort());
    expect(await ids('town001')).toEqual([R.A, R.C].sort());
    expect(await ids('town002')).toEqual([R.E]);
    expect((await (await as('town001'))('GET', `/api/v1/referrals/${R.E}`)).statusCode).toBe(404);
  });
});

describe('department liaisons', () => {
  it('a liaison not linked to a department is told to get linked; the administrator links it', async () => {
    const liaison = await as('liaison');
    const before = await liaison('GET', '/api/v1/referrals');
    expect(before.statusCode).toBe(403);
    expect(before.json().error).toMatchObject({ code: 'referrals.no_department' });
    expect(before.json().error.message).toContain('关联');
    const admin = await as('admin');
    const url = (userId: string) => `/api/v1/policies/departments/DISABLED_FEDERATION/users/${userId}`;
    const notLiaison = await admin('PUT', url(env.users.town001!.userId));
    expect(notLiaison.statusCode).toBe(400);
    expect(notLiaison.json().error.details[0].field).toBe('userId');
    expect((await (await as('district'))('PUT', url(env.users.liaison!.userId))).statusCode).toBe(403);
    const linked = await admin('PUT', url(env.users.liaison!.userId));
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().items).toEqual([
      { userId: env.users.liaison!.userId, username: 'liaison', displayName: 'liaison 测试' },
    ]);
    expect(
      (await admin('GET', '/api/v1/policies/departments/DISABLED_FEDERATION/users')).json().items,
    ).toHaveLength(1);
  });

  it('a liaison sees only its own department’s referrals', async () => {
    const liaison = await as('liaison');
    const list = (await liaison('GET', '/api/v1/referrals')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([R.C]);
    expect((await liaison('GET', '/api/v1/referrals?departmentCode=CIVIL_AFFAIRS')).json().total).toBe(0);
    expect((await liaison('GET', `/api/v1/referrals/${R.A}`)).statusCode).toBe(404);
  });
});

describe('answers', () => {
  it('only the referral’s own department answers (民政 staff answer 民政’s)', async () => {
    const liaison = await as('liaison');
    const granted = { outcome: 'GRANTED', grantedOn: '2026-09-24', amountFen: 80_000 };
    expect((await liaison('POST', `/api/v1/referrals/${R.A}/answer`, granted)).statusCode).toBe(404);
    const district = await as('district');
    const other = await district('POST', `/api/v1/referrals/${R.C}/answer`, granted);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('referrals.civil_affairs_only');
    expect((await (await as('town001'))('POST', `/api/v1/referrals/${R.A}/answer`, granted)).statusCode).toBe(
      403,
    );
  });

  it('a grant is dated no later than today; a refusal needs a reason', async () => {
    const liaison = await as('liaison');
    const future = await liaison('POST', `/api/v1/referrals/${R.C}/answer`, {
      outcome: 'GRANTED',
      grantedOn: '2026-09-25',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].field).toBe('grantedOn');
    const bare = await liaison('POST', `/api/v1/referrals/${R.C}/answer`, { outcome: 'REFUSED' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0].field).toBe('reason');
  });

  it('an answer closes the match and is audited; answering twice is a conflict', async () => {
    const liaison = await as('liaison');
    const ok = await liaison('POST', `/api/v1/referrals/${R.C}/answer`, {
      outcome: 'GRANTED',
      grantedOn: '2026-09-23',
      amountFen: 80_000,
      note: '已配发轮椅',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'GRANTED',
      answeredOn: '2026-09-23',
      amountFen: 80_000,
      answerReason: '已配发轮椅',
      answeredBy: 'liaison 测试',
    });
    const match = await env.db
      .selectFrom('policy_match')
      .select('state')
      .where('referral_id', '=', R.C!)
      .executeTakeFirstOrThrow();
    expect(match.state).toBe('GRANTED');
    const twice = await liaison('POST', `/api/v1/referrals/${R.C}/answer`, {
      outcome: 'REFUSED',
      reason: '重复',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('referrals.already_answered');
    const audit = await env.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('record_id', '=', R.C!)
      .execute();
    expect(audit).toEqual([{ action: 'referrals.granted', actor_username: 'liaison' }]);
    const refused = await (await as('district'))('POST', `/api/v1/referrals/${R.A}/answer`, {
      outcome: 'REFUSED',
      reason: '经核查已有子女赡养',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      state: 'REFUSED',
      answerReason: '经核查已有子女赡养',
      answeredOn: '2026-09-24',
    });
  });

  it('a pending referral is overdue only after its due date', async () => {
    setDate(env, '2026-10-09');
    const district = await as('district');
    expect((await district('GET', `/api/v1/referrals/${R.E}`)).json().overdue).toBe(false);
    expect((await district('GET', '/api/v1/referrals?overdue=true')).json().total).toBe(0);
    setDate(env, '2026-10-12');
    const later = await as('district');
    expect((await later('GET', `/api/v1/referrals/${R.E}`)).json().overdue).toBe(true);
    const overdue = (await later('GET', '/api/v1/referrals?overdue=true')).json();
    // Answered referrals are never overdue.
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([R.E]);
  });
});

describe('the assistance chain', () => {
  it('shows each department referral with its outcome and what was given', async () => {
    const district = await as('district');
    const c = (await district('GET', `/api/v1/households/${s.H.C}/assistance-chain`)).json();
    const link = c.links.find((l: { kind: string }) => l.kind === 'DEPARTMENT_REFERRAL');
    expect(link).toMatchObject({
      on: '2026-09-24',
      source: 'DEPARTMENT',
      department: 'DISABLED_FEDERATION',
      state: 'GRANTED',
      amountFen: 80_000,
      refId: R.C,
    });
    expect(link.title).toBe('测试政策 CL-REHAB（残联已给予（2026-09-23））');
    expect(link.personName).toMatch(/\*/);
    expect(c.totals.otherFen).toBe(80_000);
    const a = (await district('GET', `/api/v1/households/${s.H.A}/assistance-chain`)).json();
    const refused = a.links.find((l: { kind: string }) => l.kind === 'DEPARTMENT_REFERRAL');
    expect(refused).toMatchObject({ state: 'REFUSED', amountFen: null });
    expect(refused.title).toContain('不予给予：经核查已有子女赡养');
  });

  it('unlinking the liaison takes its worklist away', async () => {
    const admin = await as('admin');
    const url = `/api/v1/policies/departments/DISABLED_FEDERATION/users/${env.users.liaison!.userId}`;
    expect((await admin('DELETE', url)).json().items).toEqual([]);
    expect((await admin('DELETE', url)).statusCode).toBe(404);
    expect((await (await as('liaison'))('GET', '/api/v1/referrals')).json().error.code).toBe(
      'referrals.no_department',
    );
  });
});
