import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// Payroll along the case paths (M5 rules 2, 4, 5, 6): a gradual exit is paid within its months and
// not after (§3.9); death of the last member stops payment after the month of death; a 特困 case
// terminated in September is paid for September, not October (S2 Art.26); a fraud recovery is
// deducted (§2.5; S3 Art.68) without ever making a line negative and is booked on approval; a failed
// bank payment is reissued once; expenditure-type disbursements are paid in their month (§6.3).

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;
type Team = { village: Api; town: Api; district: Api; admin: Api };
async function at(iso: string): Promise<Team> {
  env.clock.set(new Date(iso));
  const [village, town, district, admin] = await Promise.all(
    ['v001201', 'town001', 'district', 'admin'].map((u) => signIn(env, u)),
  );
  return { village: village!, town: town!, district: district!, admin: admin! };
}
async function step(api: Api, id: string, body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/cases/${id}/events`, body);
  expect(res.statusCode, `${body.type}: ${res.body}`).toBe(200);
}
const personsOf = async (householdId: string) =>
  (
    await env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', householdId)
      .execute()
  ).map((p) => p.person_id);

type Line = {
  caseId: string;
  kind: string;
  item: string;
  grossFen: number;
  deductionFen: number;
  netFen: number;
};
async function payroll(t: Team, scheme: string, month: string, approve = true) {
  const res = await t.district('POST', '/api/v1/payroll-runs', { scheme, month });
  expect(res.statusCode, res.body).toBe(202);
  await env.jobs.drain();
  const id = res.json().runId as string;
  const items = (await t.district('GET', `/api/v1/payroll-runs/${id}/lines?limit=500`)).json()
    .items as Line[];
  if (approve) {
    const ok = await t.district('POST', `/api/v1/payroll-runs/${id}/approve`, { note: '经审核同意发放' });
    expect(ok.statusCode, ok.body).toBe(200);
  }
  return { id, items, of: (caseId: string) => items.filter((l) => l.caseId === caseId) };
}
const outstanding = async (api: Api, householdId: string) =>
  (await api('GET', `/api/v1/integrity?householdId=${householdId}`)).json().items[0].outstandingFen as number;

const dibao = (householdId: string, sourceRef: string) => ({
  householdId,
  scheme: 'DIBAO',
  decidedOn: '2026-03-10',
  amountFen: 100_000,
  householdSize: 2,
  netIncomeFen: 50_000 * 2 * 12,
  sourceRef,
});

let E: string; // gradual exit
let F: string; // death of the last member
let G: string; // 特困, terminated in September
let H: string; // owes a fraud recovery
let hHousehold: string;
let X: string; // expenditure-type temporary assistance

describe('payroll along the case paths', () => {
  it('sets up: gradual exit, death of the last member, a 特困 case, a recovery owed', async () => {
    const t = await at('2026-06-15T09:00:00+08:00');
    const [e, f, g, h] = [
      await buildHousehold(env),
      await buildHousehold(env),
      await buildHousehold(env),
      await buildHousehold(env),
    ];
    const res = await t.admin('POST', '/api/v1/cases/legacy', {
      reason: '原系统数据迁移',
      cases: [
        dibao(e!.id, 'Q-1'),
        dibao(f!.id, 'Q-2'),
        {
          householdId: g!.id,
          scheme: 'TEKUN',
          subjectPersonId: (await personsOf(g!.id))[0],
          decidedOn: '2026-01-05',
          amountFen: 150_000,
          careLevel: 'SELF_CARE',
          sourceRef: 'Q-3',
        },
        dibao(h!.id, 'Q-4'),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    [E, F, G, H] = res.json().created.map((c: { id: string }) => c.id);
    hHousehold = h!.id;
    // §3.9: gradual exit of 2 months decided in June → paid July and August.
    await step(t.town, E, { type: 'START_REVIEW', trigger: 'CHANGE_REPORTED' });
    await step(t.district, E, { type: 'START_GRADUAL_EXIT', months: 2 });
    // The last member died on 10 June: nothing after June (paymentCapMonth), then the stop.
    await step(t.village, F, {
      type: 'RECORD_DEATH',
      personId: (await personsOf(f!.id))[0],
      diedOn: '2026-06-10',
      lastMember: true,
    });
    await step(t.district, F, {
      type: 'STOP',
      reason: 'death',
      writtenReasons: '户内最后一名成员死亡，停发',
    });
    // S3 Art.68: 300 元 obtained by fraud plus a 300 元 fine are owed by H's household.
    await env.db
      .insertInto('integrity_record')
      .values({
        county_code: '370971',
        household_id: hHousehold,
        kind: 'FRAUD',
        found_on: '2026-05-20',
        obtained_fen: 30_000,
        fine_min_fen: 30_000,
        fine_max_fen: 90_000,
        fine_fen: 30_000,
        created_by_name: '测试',
        created_at: new Date('2026-05-20T09:00:00+08:00'),
      })
      .execute();
    expect(await outstanding(t.district, hHousehold)).toBe(60_000);
  });

  it('June: the month of death is paid; rule 6: the deduction is at most 50 % and booked on approval', async () => {
    const t = await at('2026-06-20T09:00:00+08:00');
    const june = await payroll(t, 'DIBAO', '2026-06-01');
    expect(june.of(F).map((l) => [l.kind, l.grossFen])).toEqual([['MONTHLY', 100_000]]);
    expect(june.of(E).map((l) => l.grossFen)).toEqual([100_000]);
    expect(june.of(H)).toEqual([
      expect.objectContaining({ kind: 'MONTHLY', grossFen: 100_000, deductionFen: 50_000, netFen: 50_000 }),
    ]);
    expect(await outstanding(t.district, hHousehold)).toBe(10_000);
    const payments = await env.db.selectFrom('recovery_payment').select(['amount_fen', 'method']).execute();
    expect(payments).toEqual([{ amount_fen: 50_000, method: 'PAYROLL_DEDUCTION' }]);
  });

  it('July: death stops payment after the month of death; the gradual exit is still paid; the rest of the debt is deducted', async () => {
    const t = await at('2026-07-06T09:00:00+08:00');
    const july = await payroll(t, 'DIBAO', '2026-07-01');
    expect(july.of(F)).toEqual([]);
    expect(july.of(E).map((l) => [l.kind, l.grossFen])).toEqual([['MONTHLY', 100_000]]);
    expect(july.of(H)).toEqual([
      expect.objectContaining({ grossFen: 100_000, deductionFen: 10_000, netFen: 90_000 }),
    ]);
    expect(july.items.every((l) => l.netFen >= 0 && l.deductionFen <= l.grossFen)).toBe(true);
    expect(await outstanding(t.district, hHousehold)).toBe(0);
    // The bank reports H's July payment failed (the only change allowed on an approved line).
    await env.db
      .updateTable('payroll_line')
      .set({ bank_status: 'FAILED', bank_reason: '账户已销户' })
      .where('run_id', '=', july.id)
      .where('case_id', '=', H)
      .execute();
  });

  it('July: rule 5: each expenditure-type disbursement is a TEMPORARY line in its month', async () => {
    const t = await at('2026-07-06T10:00:00+08:00');
    const h = await buildHousehold(env);
    const res = await t.village('POST', '/api/v1/cases/temporary', {
      householdId: h.id,
      cause: 'ILLNESS',
      summary: '家庭成员住院，自付医疗费用高',
      pledgeSigned: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    X = res.json().id;
    await step(t.town, X, { type: 'ACCEPT' });
    await step(t.town, X, {
      type: 'INVESTIGATE',
      investigators: ['王敏', '李强'],
      perCapitaIncomeFen: 1_200_000,
      propertyMeetsLocalRule: true,
      rigidSpendingFen: 4_000_000,
    });
    await step(t.town, X, {
      type: 'TOWN_OPINION',
      recommend: true,
      proposedAmountFen: 500_000,
      reasons: '医疗支出较大',
    });
    await step(t.district, X, { type: 'APPROVE', amountFen: 500_000 });
    await step(t.town, X, { type: 'DISBURSE', amountFen: 300_000 });
    await step(t.town, X, { type: 'DISBURSE', amountFen: 200_000 });
    const temp = await payroll(t, 'TEMPORARY', '2026-07-01');
    expect(temp.items.map((l) => [l.caseId, l.kind, l.item, l.grossFen])).toEqual([
      [X, 'TEMPORARY', '2026-07-06#1', 300_000],
      [X, 'TEMPORARY', '2026-07-06#2', 200_000],
    ]);
    const t2 = await at('2026-08-03T09:00:00+08:00');
    expect((await payroll(t2, 'TEMPORARY', '2026-08-01', false)).items).toEqual([]);
  });

  it('August: rule 4: the failed July payment is reissued once; the gradual exit’s last month is paid', async () => {
    const t = await at('2026-08-05T09:00:00+08:00');
    const aug = await payroll(t, 'DIBAO', '2026-08-01');
    expect(
      aug
        .of(H)
        .map((l) => [l.kind, l.item, l.grossFen, l.deductionFen])
        .sort(),
    ).toEqual([
      ['MONTHLY', '', 100_000, 0],
      ['REISSUE', '2026-07:MONTHLY:', 90_000, 0],
    ]);
    expect(aug.of(E).map((l) => l.grossFen)).toEqual([100_000]);
  });

  it('September: the gradual exit is over and nothing is reissued twice; 特困 terminated in September is paid for September', async () => {
    let t = await at('2026-09-01T09:00:00+08:00');
    await step(t.village, G, { type: 'TERMINATION_GROUND', ground: 'INCOME_OR_PROPERTY' });
    await step(t.town, G, { type: 'PROPOSE_TERMINATION', findings: '继承房产及存款，收入超过特困条件' });
    t = await at('2026-09-10T09:00:00+08:00');
    await step(t.district, G, { type: 'DECIDE_TERMINATION', reasons: '不再符合特困人员认定条件' });
    t = await at('2026-09-15T09:00:00+08:00');
    // Rule 2: a version decided now for October is current, but September pays the one in force.
    const v1 = await env.db
      .selectFrom('entitlement')
      .selectAll()
      .where('case_id', '=', H)
      .executeTakeFirstOrThrow();
    await env.db.updateTable('entitlement').set({ is_current: false }).where('case_id', '=', H).execute();
    await env.db
      .insertInto('entitlement')
      .values({
        ...v1,
        version: 2,
        effective_from: '2026-10-01',
        amount_fen: 120_000,
        breakdown: '[]',
        source: 'ADJUSTMENT',
      })
      .execute();
    const sep = await payroll(t, 'DIBAO', '2026-09-01');
    expect(sep.of(E)).toEqual([]);
    expect(sep.of(H).map((l) => [l.kind, l.grossFen])).toEqual([['MONTHLY', 100_000]]);
    const tekun = await payroll(t, 'TEKUN', '2026-09-01');
    expect(tekun.of(G).map((l) => [l.kind, l.grossFen])).toEqual([['MONTHLY', 150_000]]);
    t = await at('2026-10-05T09:00:00+08:00');
    const oct = await payroll(t, 'TEKUN', '2026-10-01');
    expect(oct.of(G)).toEqual([]);
    const review = (await t.district('GET', `/api/v1/payroll-runs/${oct.id}/review`)).json();
    expect(review.stoppedCases.items.map((c: { caseId: string }) => c.caseId)).toEqual([G]);
  });
});
