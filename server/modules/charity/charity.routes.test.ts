import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/passwords.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, TEST_PASSWORD, type TestEnv } from '../../test/harness.ts';
import { createUsers } from '../admin/users.usecases.ts';
import { compareNow } from '../monitoring/compare.usecases.ts';
import { deliverTestFeed } from '../monitoring/test-feeds.ts';

// 慈善帮扶 (§9.2; S6 §四(六)) through the API: organisations and their accounts, projects with a
// budget, referrals from a case, an alert or directly, the organisation's answer, disbursements that
// never exceed a budget, and the household's assistance chain (一户一条救助链, §7.3).

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  const hash = await hashPassword(TEST_PASSWORD);
  await createUsers(
    env.db,
    env.clock,
    ['charity1', 'charity2', 'charity3'].map((username) => ({
      username,
      displayName: `${username} 测试`,
      role: 'charity' as const,
      jurisdictionCode: '370971',
      passwordHash: hash,
      mustChangePassword: false,
    })),
  );
  // A: a 低保 household in village 001201; B: a household of town 002; C: raised an illness alert.
  ids.A = (await buildHousehold(env)).id;
  ids.B = (await buildHousehold(env, { villageCode: '370971002201' }, 'town002')).id;
  const cId = nextIdNumber();
  ids.C = (
    await buildHousehold(env, { members: [buildPerson({ idNumber: cId, monthlyIncomeFen: 900_000 })] })
  ).id;
  const admin = await as('admin');
  const legacy = await admin('POST', '/api/v1/cases/legacy', {
    reason: '原系统数据迁移（测试）',
    cases: [
      { householdId: ids.A, scheme: 'DIBAO', decidedOn: '2026-01-05', amountFen: 50_000, sourceRef: 'C-1' },
    ],
  });
  expect(legacy.statusCode, legacy.body).toBe(201);
  ids.case = legacy.json().created[0].id;
  await deliverTestFeed(env, 'SERIOUS_ILLNESS', [
    { idNumber: cId, diagnosedOn: '2026-06-01', category: '尿毒症' },
  ]);
  await compareNow(env, env.ctx('district'));
  ids.alert = (
    await env.db.selectFrom('alert').select('id').where('household_id', '=', ids.C).executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await env?.close();
});

const org = (name: string, creditCode: string) => ({
  name,
  creditCode,
  contactName: '张联络',
  contactPhone: '0538-8888888',
});
const project = (orgId: string, budgetFen: number) => ({
  orgId,
  name: '大病关爱项目',
  budgetFen,
  targetCategories: ['DIBAO', 'EDGE'],
  needs: ['MEDICAL'],
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
});

describe('organisations, accounts and projects', () => {
  it('the district registers organisations and links charity accounts; each sees only its own', async () => {
    const district = await as('district');
    const bad = await district('POST', '/api/v1/charity/orgs', org('泰安市慈善总会', '52370911MJD123456D'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('creditCode');
    const a = await district('POST', '/api/v1/charity/orgs', org('泰安市慈善总会', '52370911MJD123456C'));
    expect(a.statusCode, a.body).toBe(201);
    const b = await district('POST', '/api/v1/charity/orgs', org('高新区红十字会', '12370911MB0000001E'));
    ids.orgA = a.json().id;
    ids.orgB = b.json().id;
    const dup = await district('POST', '/api/v1/charity/orgs', org('另一家', '52370911MJD123456C'));
    expect(dup.json().error.code).toBe('charity.duplicate_credit_code');
    const notCharity = await district('POST', `/api/v1/charity/orgs/${ids.orgA}/users`, {
      username: 'town001',
    });
    expect(notCharity.statusCode).toBe(400);
    for (const [orgId, username] of [
      [ids.orgA, 'charity1'],
      [ids.orgB, 'charity2'],
    ] as const)
      expect((await district('POST', `/api/v1/charity/orgs/${orgId}/users`, { username })).statusCode).toBe(
        200,
      );
    const c1 = await as('charity1');
    expect((await c1('GET', '/api/v1/charity/orgs')).json().items.map((o: { id: string }) => o.id)).toEqual([
      ids.orgA,
    ]);
    expect((await c1('GET', '/api/v1/charity/me')).json()).toEqual({
      orgId: ids.orgA,
      orgName: '泰安市慈善总会',
    });
    // An account not linked to any organisation can do nothing yet.
    const c3 = await as('charity3');
    expect((await c3('GET', '/api/v1/charity/referrals')).json().error.code).toBe('charity.no_org');
    expect((await c1('POST', '/api/v1/charity/orgs', org('自建', '52370911MJD123456C'))).statusCode).toBe(
      403,
    );
  });

  it('an organisation manages only its own projects; budget used and left are shown', async () => {
    const c1 = await as('charity1');
    const other = await c1('POST', '/api/v1/charity/projects', project(ids.orgB!, 100_000));
    expect(other.json().error.code).toBe('charity.other_org');
    const p = await c1('POST', '/api/v1/charity/projects', project(ids.orgA!, 100_000));
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({
      budgetFen: 100_000,
      usedFen: 0,
      leftFen: 100_000,
      orgName: '泰安市慈善总会',
    });
    ids.projectA = p.json().id;
    const badPeriod = await c1('POST', '/api/v1/charity/projects', {
      ...project(ids.orgA!, 1),
      periodFrom: '2026-12-01',
      periodTo: '2026-01-01',
    });
    expect(badPeriod.json().error.details[0].field).toBe('periodTo');
    const c2 = await as('charity2');
    ids.projectB = (await c2('POST', '/api/v1/charity/projects', project(ids.orgB!, 500_000))).json().id;
    expect(
      (await c2('GET', '/api/v1/charity/projects')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([ids.projectB]);
    expect((await (await as('town001'))('GET', '/api/v1/charity/projects')).json().items).toHaveLength(2);
  });
});

describe('referrals', () => {
  it('a village assistant refers from a case; the household comes from the case; duplicates are refused', async () => {
    const v = await as('v001201');
    const res = await v('POST', '/api/v1/charity/referrals', {
      orgId: ids.orgA,
      projectId: ids.projectA,
      caseId: ids.case,
      need: 'MEDICAL',
      description: '户主慢性病，长期服药负担重',
    });
    expect(res.statusCode, res.body).toBe(201);
    // Referred Monday 15 June 2026: 16, 17, 18, (端午 19 June off), 22, 23 June.
    expect(res.json()).toMatchObject({
      householdId: ids.A,
      state: 'REFERRED',
      dueOn: '2026-06-23',
      caseId: ids.case,
    });
    expect(res.json().personName).toMatch(/\*/);
    ids.refA = res.json().id;
    const again = await v('POST', '/api/v1/charity/referrals', {
      orgId: ids.orgA,
      householdId: ids.A,
      need: 'MEDICAL',
      description: '重复转介',
    });
    expect(again.json().error.code).toBe('charity.duplicate_referral');
    // Another town's household does not exist for this referrer.
    const town2 = await as('town002');
    const foreign = await town2('POST', '/api/v1/charity/referrals', {
      orgId: ids.orgA,
      householdId: ids.A,
      need: 'LIVING',
      description: '越权转介',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await town2('GET', '/api/v1/charity/referrals')).json().items).toEqual([]);
    ids.refB = (
      await town2('POST', '/api/v1/charity/referrals', {
        orgId: ids.orgB,
        householdId: ids.B,
        need: 'LIVING',
        description: '家庭突发困难',
      })
    ).json().id;
  });

  it('a town officer refers from a verified alert, which records the referral as its disposition (§7.4)', async () => {
    const town = await as('town001');
    const refer = () =>
      town('POST', '/api/v1/charity/referrals', {
        orgId: ids.orgA,
        alertId: ids.alert,
        need: 'MEDICAL',
        description: '医保预警：重病，家庭负担重',
      });
    // Not yet verified: refused like any disposition, and no referral is written.
    const early = await refer();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('alerts.verify_first');
    expect((await town('GET', `/api/v1/charity/referrals?alertId=${ids.alert}`)).json().items).toEqual([]);
    const verified = await town('POST', `/api/v1/alerts/${ids.alert}/verify`, {
      method: 'PHONE',
      findings: '电话核实：透析中，自付费用高',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const res = await refer();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ householdId: ids.C, alertId: ids.alert });
    ids.refC = res.json().id;
    const byAlert = await town('GET', `/api/v1/charity/referrals?alertId=${ids.alert}`);
    expect(byAlert.json().items.map((r: { id: string }) => r.id)).toEqual([ids.refC]);
    const alert = (await town('GET', `/api/v1/alerts/${ids.alert}`)).json();
    expect(alert).toMatchObject({
      state: 'CHARITY_REFERRED',
      disposition: 'CHARITY_REFERRED',
      dispositionDetail: { referralId: ids.refC, orgId: ids.orgA, need: 'MEDICAL' },
      allowed: ['CLOSE'],
    });
    expect(alert.events.at(-1)).toMatchObject({ type: 'DISPOSE', stateAfter: 'CHARITY_REFERRED' });
    // The alerts API has no such disposition of its own: only a referral records it.
    const direct = await town('POST', `/api/v1/alerts/${ids.alert}/dispose`, {
      disposition: 'CHARITY_REFERRED',
      note: '直接处置',
    });
    expect(direct.statusCode).toBe(400);
  });

  it('the charity role sees only its organisation’s referrals, and answers with a reason', async () => {
    const c1 = await as('charity1');
    const list = (await c1('GET', '/api/v1/charity/referrals')).json();
    expect(list.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.refA, ids.refC].sort());
    expect(list.items.every((r: { orgId: string }) => r.orgId === ids.orgA)).toBe(true);
    expect((await c1('GET', `/api/v1/charity/referrals/${ids.refB}`)).statusCode).toBe(404);
    expect(
      (await c1('POST', `/api/v1/charity/referrals/${ids.refB}/answer`, { decision: 'ACCEPT' })).statusCode,
    ).toBe(404);
    const noReason = await c1('POST', `/api/v1/charity/referrals/${ids.refC}/answer`, {
      decision: 'DECLINE',
    });
    expect(noReason.statusCode).toBe(400);
    const declined = await c1('POST', `/api/v1/charity/referrals/${ids.refC}/answer`, {
      decision: 'DECLINE',
      reason: '本年度项目名额已满',
    });
    expect(declined.json()).toMatchObject({ state: 'DECLINED', declineReason: '本年度项目名额已满' });
    const accepted = await c1('POST', `/api/v1/charity/referrals/${ids.refA}/answer`, { decision: 'ACCEPT' });
    expect(accepted.json()).toMatchObject({ state: 'ACCEPTED', answeredOn: '2026-06-15' });
    const twice = await c1('POST', `/api/v1/charity/referrals/${ids.refA}/answer`, { decision: 'ACCEPT' });
    expect(twice.json().error.code).toBe('charity.already_answered');
    // Referrers cannot answer for the organisation.
    const v = await as('v001201');
    expect(
      (await v('POST', `/api/v1/charity/referrals/${ids.refA}/close`, { note: '越权' })).statusCode,
    ).toBe(403);
  });
});

describe('disbursements and the project budget', () => {
  it('help is recorded against the budget; what would exceed it is refused and changes nothing', async () => {
    const c1 = await as('charity1');
    const cash = await c1('POST', '/api/v1/charity/disbursements', {
      referralId: ids.refA,
      kind: 'CASH',
      valueFen: 60_000,
      on: '2026-06-15',
    });
    expect(cash.statusCode, cash.body).toBe(201);
    expect(cash.json()).toMatchObject({ projectId: ids.projectA, householdId: ids.A, valueFen: 60_000 });
    const over = await c1('POST', '/api/v1/charity/disbursements', {
      referralId: ids.refA,
      kind: 'IN_KIND',
      itemDescription: '轮椅一台',
      valueFen: 40_001,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'charity.budget_exceeded',
      details: { leftFen: 40_000 },
    });
    const p = (await c1('GET', '/api/v1/charity/projects')).json().items[0];
    expect(p).toMatchObject({ usedFen: 60_000, leftFen: 40_000 });
    expect((await c1('GET', `/api/v1/charity/referrals/${ids.refA}`)).json()).toMatchObject({
      state: 'DISBURSED',
      disbursedFen: 60_000,
    });
    const declined = await c1('POST', '/api/v1/charity/disbursements', {
      referralId: ids.refC,
      projectId: ids.projectA,
      kind: 'CASH',
      valueFen: 1,
    });
    expect(declined.json().error.code).toBe('charity.referral_final');
  });

  it('two payments that each fit but not together: exactly one is recorded', async () => {
    const c1 = await as('charity1');
    const pay = () =>
      c1('POST', '/api/v1/charity/disbursements', {
        projectId: ids.projectA,
        householdId: ids.A,
        kind: 'CASH',
        valueFen: 30_000,
      });
    const codes = (await Promise.all([pay(), pay()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    const row = await env.db
      .selectFrom('charity_project')
      .select(['used_fen', 'budget_fen'])
      .where('id', '=', ids.projectA!)
      .executeTakeFirstOrThrow();
    const sum = await env.db
      .selectFrom('charity_disbursement')
      .select((eb) => eb.fn.sum<number>('value_fen').as('s'))
      .where('project_id', '=', ids.projectA!)
      .executeTakeFirstOrThrow();
    expect([Number(row.used_fen), Number(sum.s)]).toEqual([90_000, 90_000]);
    // A project's budget cannot be cut below what it has given.
    const cut = await c1('PUT', `/api/v1/charity/projects/${ids.projectA}`, project(ids.orgA!, 80_000));
    expect(cut.json().error.details[0].field).toBe('budgetFen');
  });
});

describe('the assistance chain (一户一条救助链, §7.3)', () => {
  it('lists every link of the household in date order with masked names, and the income rule', async () => {
    const district = await as('district');
    const run = await district('POST', '/api/v1/payroll-runs', { scheme: 'DIBAO', month: '2026-06-01' });
    expect(run.statusCode, run.body).toBe(202);
    await env.jobs.drain();
    expect(
      (await district('POST', `/api/v1/payroll-runs/${run.json().runId}/approve`, { note: '经审核同意发放' }))
        .statusCode,
    ).toBe(200);
    const v = await as('v001201');
    const res = await v('GET', `/api/v1/households/${ids.A}/assistance-chain`);
    expect(res.statusCode, res.body).toBe(200);
    const chain = res.json();
    const links = chain.links as {
      kind: string;
      on: string;
      amountFen: number | null;
      personName: string | null;
    }[];
    expect(links.map((l) => [l.kind, l.on])).toEqual([
      ['CASE', expect.any(String)],
      ['PAYMENT', '2026-06-01'],
      ['CHARITY_REFERRAL', '2026-06-15'],
      ['CHARITY_DISBURSEMENT', '2026-06-15'],
      ['CHARITY_DISBURSEMENT', '2026-06-15'],
    ]);
    expect(links.map((l) => l.on)).toEqual([...links.map((l) => l.on)].sort());
    expect(links.every((l) => l.personName === null || /\*/.test(l.personName))).toBe(true);
    expect(links.find((l) => l.kind === 'PAYMENT')?.amountFen).toBe(50_000);
    expect(chain.totals).toEqual({ civilAffairsFen: 50_000, charityFen: 90_000, otherFen: 0 });
    // The shipped rule: charity money is transfer income, but June is not yet in the window.
    expect(chain.charityIncome).toMatchObject({
      countsAsIncome: true,
      window: { from: '2025-06', to: '2026-05' },
    });
  });

  it('counts charity money as income per the county rule: yes by default, no once the county excludes it', async () => {
    env.clock.set(new Date('2026-07-06T09:00:00+08:00'));
    const district = await as('district');
    let chain = (await district('GET', `/api/v1/households/${ids.A}/assistance-chain`)).json();
    expect(chain.charityIncome).toMatchObject({ countsAsIncome: true, countedFen: 90_000, excludedFen: 0 });
    expect(
      chain.links
        .filter((l: { kind: string }) => l.kind === 'CHARITY_DISBURSEMENT')
        .map((l: { countsAsIncome: boolean }) => l.countsAsIncome),
    ).toEqual([true, true]);
    const admin = await as('admin');
    const set = await admin('POST', '/api/v1/parameters', {
      changes: [
        {
          key: 'charity.countsAsIncome',
          value: 0,
          effectiveFrom: '2026-07-01',
          reason: '泰民发〔2026〕慈善款物不计入',
        },
      ],
    });
    expect(set.statusCode, set.body).toBe(201);
    chain = (await district('GET', `/api/v1/households/${ids.A}/assistance-chain`)).json();
    expect(chain.charityIncome).toMatchObject({ countsAsIncome: false, countedFen: 0, excludedFen: 90_000 });
  });

  it('brings the charity money into a new application’s facts, under the rule on its application date', async () => {
    // Household C: 6,000 given in May (inside both windows below); the county excludes charity
    // money from 2026-07-01 (the test above).
    const c1 = await as('charity1');
    const given = await c1('POST', '/api/v1/charity/disbursements', {
      projectId: ids.projectA,
      householdId: ids.C,
      kind: 'CASH',
      valueFen: 6_000,
      on: '2026-05-20',
    });
    expect(given.statusCode, given.body).toBe(201);
    const town = await as('town001');
    const incomesOf = async (caseId: string) => {
      const row = await env.db
        .selectFrom('assistance_case')
        .select('facts')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      return (row.facts as { household: { members: { incomes: unknown[] }[] } }).household.members[0]!
        .incomes;
    };
    // Applied on 30 June: the window is June 2025 – May 2026 and charity money still counts.
    const dibao = await town('POST', '/api/v1/cases/applications', {
      householdId: ids.C,
      scheme: 'DIBAO',
      appliedOn: '2026-06-30',
      pledgeSigned: true,
    });
    expect(dibao.statusCode, dibao.body).toBe(201);
    expect(await incomesOf(dibao.json().id)).toEqual([{ kind: 'transfer_in', monthlyFen: 500 }]);
    // Applied today (6 July): excluded by the county's rule, still shown as such.
    const temporary = await town('POST', '/api/v1/cases/temporary', {
      householdId: ids.C,
      cause: 'ILLNESS',
      summary: '尿毒症透析费用',
      pledgeSigned: true,
    });
    expect(temporary.statusCode, temporary.body).toBe(201);
    expect(await incomesOf(temporary.json().id)).toEqual([{ kind: 'locally_excluded', monthlyFen: 500 }]);
  });

  it('is jurisdiction-filtered: another town’s household is not found, and the charity role has no access', async () => {
    const town2 = await as('town002');
    expect((await town2('GET', `/api/v1/households/${ids.A}/assistance-chain`)).statusCode).toBe(404);
    expect((await town2('GET', `/api/v1/households/${ids.B}/assistance-chain`)).json().links).toHaveLength(1);
    const c1 = await as('charity1');
    expect((await c1('GET', `/api/v1/households/${ids.A}/assistance-chain`)).statusCode).toBe(403);
    const audit = await env.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'charity.chain_viewed')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
