import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { computePayroll, startPayroll } from './payroll.usecases.ts';

// Monthly payroll (M5): a run per county, scheme and month (rule 1), one MONTHLY line per case paid
// (rule 2), back-pay after an approved standard change and catch-up after a late approval (rule 3),
// idempotent and restart-safe (rule 7), reviewed against the previous month (rule 8) and approved
// once, after which its lines are immutable (rule 9). The clock moves month by month.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-10-15T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;
async function at(iso: string): Promise<Api> {
  env.clock.set(new Date(iso));
  return signIn(env, 'district');
}
const person = async (h: { id: string }) =>
  (
    await env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', h.id)
      .executeTakeFirstOrThrow()
  ).person_id;

async function migrate(api: Api, cases: Record<string, unknown>[]) {
  const res = await api('POST', '/api/v1/cases/legacy', { reason: '原系统数据迁移', cases });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().created as { id: string; caseNo: string }[];
}

async function run(api: Api, scheme: string, month: string) {
  const res = await api('POST', '/api/v1/payroll-runs', { scheme, month });
  expect(res.statusCode, res.body).toBe(202);
  await env.jobs.drain();
  const id = res.json().runId as string;
  const review = await api('GET', `/api/v1/payroll-runs/${id}/review`);
  expect(review.statusCode, review.body).toBe(200);
  return { id, review: review.json() };
}

type Line = {
  caseId: string;
  kind: string;
  item: string;
  grossFen: number;
  netFen: number;
  deductionFen: number;
};
const lines = async (api: Api, id: string): Promise<Line[]> =>
  (await api('GET', `/api/v1/payroll-runs/${id}/lines?limit=500`)).json().items;
const snapshot = (county: string, runId: string) =>
  env.db
    .selectFrom('payroll_line')
    .select(['case_id', 'kind', 'item', 'gross_fen', 'deduction_fen', 'net_fen', 'town_code'])
    .where('county_code', '=', county)
    .where('run_id', '=', runId)
    .orderBy('case_id')
    .orderBy('kind')
    .orderBy('item')
    .execute();

let admin: Api;
let A: { id: string; caseNo: string };
let B: { id: string; caseNo: string };
let C: { id: string; caseNo: string };
let D: { id: string; caseNo: string };
let october: string;

describe('monthly payroll runs', () => {
  it('rule 1: a month not yet reached is refused, and only a district officer starts or approves', async () => {
    admin = await signIn(env, 'admin');
    const [a, b, c] = [
      await buildHousehold(env),
      await buildHousehold(env),
      await buildHousehold(env, { villageCode: '370971002201' }, 'town002'),
    ];
    [A, B, C] = (await migrate(admin, [
      // 2 people, per capita 500 元 → 1000 元 from April (decided in March)
      {
        householdId: a!.id,
        scheme: 'DIBAO',
        decidedOn: '2026-03-10',
        amountFen: 100_000,
        householdSize: 2,
        netIncomeFen: 50_000 * 2 * 12,
        sourceRef: 'P-1',
      },
      {
        householdId: b!.id,
        scheme: 'TEKUN',
        subjectPersonId: await person(b!),
        decidedOn: '2026-01-05',
        amountFen: 150_000,
        careLevel: 'SELF_CARE',
        sourceRef: 'P-2',
      },
      {
        householdId: c!.id,
        scheme: 'DIBAO_SINGLE',
        subjectPersonId: await person(c!),
        decidedOn: '2026-09-20',
        amountFen: 80_000,
        sourceRef: 'P-3',
      },
    ])) as [typeof A, typeof A, typeof A];
    const district = await signIn(env, 'district');
    const future = await district('POST', '/api/v1/payroll-runs', { scheme: 'DIBAO', month: '2026-11-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('payroll.month_not_reached');
    const notFirst = await district('POST', '/api/v1/payroll-runs', { scheme: 'DIBAO', month: '2026-10-15' });
    expect(notFirst.statusCode).toBe(400);
    const town = await signIn(env, 'town001');
    expect(
      (await town('POST', '/api/v1/payroll-runs', { scheme: 'DIBAO', month: '2026-10-01' })).statusCode,
    ).toBe(403);
    expect((await town('GET', '/api/v1/payroll-runs')).statusCode).toBe(200);
    const village = await signIn(env, 'v001201');
    expect((await village('GET', '/api/v1/payroll-runs')).statusCode).toBe(403);
  });

  it('rule 2: a normal month pays each case in its paid period the entitlement in force, with the reason', async () => {
    const district = await at('2026-10-15T09:00:00+08:00');
    const { id, review } = await run(district, 'DIBAO', '2026-10-01');
    october = id;
    expect(review.run).toMatchObject({ status: 'REVIEW', lineCount: 2, grossFen: 180_000, netFen: 180_000 });
    const got = await lines(district, id);
    expect(got.map((l) => [l.caseId, l.kind, l.grossFen]).sort()).toEqual(
      [
        [A.id, 'MONTHLY', 100_000],
        [C.id, 'MONTHLY', 80_000],
      ].sort(),
    );
    const first = (await district('GET', `/api/v1/payroll-runs/${id}/lines?limit=1`)).json();
    expect(first.total).toBe(2);
    expect(first.items[0]).toMatchObject({
      payeeNameMask: expect.stringContaining('*'),
      reason: { entitlementVersion: 1, method: expect.any(String), rule: expect.stringContaining('§3.8') },
    });
    expect(review.towns.map((t: { townCode: string; netFen: number }) => [t.townCode, t.netFen])).toEqual([
      ['370971001', 100_000],
      ['370971002', 80_000],
    ]);
    const town2 = await signIn(env, 'town002');
    const seen = (await town2('GET', `/api/v1/payroll-runs/${id}/lines`)).json();
    expect(seen.items.map((l: Line) => l.caseId)).toEqual([C.id]);
    const tekun = await run(district, 'TEKUN', '2026-10-01');
    expect((await lines(district, tekun.id)).map((l) => [l.caseId, l.grossFen])).toEqual([[B.id, 150_000]]);
  });

  it('rule 7: running twice, or again after a crash mid-run, gives the same lines', async () => {
    const county = env.users.district!.countyCode;
    const before = await snapshot(county, october);
    const job = { countyCode: county, progress: async () => {} };
    // Running again once in review does nothing.
    expect(await computePayroll(env, job, october)).toEqual({ skipped: 'REVIEW' });
    // A crash: the run is still COMPUTING with part of its lines written; the resumed job runs again.
    await env.db.updateTable('payroll_run').set({ status: 'COMPUTING' }).where('id', '=', october).execute();
    await env.db
      .deleteFrom('payroll_line')
      .where('run_id', '=', october)
      .where('town_code', '=', '370971002')
      .execute();
    await computePayroll(env, job, october);
    await env.db.updateTable('payroll_run').set({ status: 'COMPUTING' }).where('id', '=', october).execute();
    await computePayroll(env, job, october);
    expect(await snapshot(county, october)).toEqual(before);
    const r = await env.db
      .selectFrom('payroll_run')
      .selectAll()
      .where('id', '=', october)
      .executeTakeFirstOrThrow();
    expect(r).toMatchObject({ status: 'REVIEW', line_count: 2, net_fen: 180_000 });
  });

  it('rule 1: two concurrent starts of the same scheme and month make one run (the unique key)', async () => {
    const ctx = env.ctx('district');
    const results = await Promise.allSettled([
      startPayroll(env, ctx, { scheme: 'TEKUN', month: '2026-09-01' }),
      startPayroll(env, ctx, { scheme: 'TEKUN', month: '2026-09-01' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.code).toBe('payroll.run_exists');
    const runs = await env.db
      .selectFrom('payroll_run')
      .select('id')
      .where('scheme', '=', 'TEKUN')
      .where('month', '=', '2026-09-01')
      .execute();
    expect(runs).toHaveLength(1);
    await env.jobs.drain();
  });

  it('rule 9: approval is once, audited, and an approved run’s lines are immutable', async () => {
    const district = await at('2026-10-20T09:00:00+08:00');
    const town = await signIn(env, 'town001');
    expect(
      (await town('POST', `/api/v1/payroll-runs/${october}/approve`, { note: '同意发放' })).statusCode,
    ).toBe(403);
    const noNote = await district('POST', `/api/v1/payroll-runs/${october}/approve`, { note: '' });
    expect(noNote.statusCode).toBe(400);
    const ok = await district('POST', `/api/v1/payroll-runs/${october}/approve`, { note: '经审核同意发放' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'APPROVED', approvalNote: '经审核同意发放' });
    const twice = await district('POST', `/api/v1/payroll-runs/${october}/approve`, { note: '再次审批' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('payroll.already_approved');
    const recompute = await district('POST', `/api/v1/payroll-runs/${october}/recompute`);
    expect(recompute.statusCode).toBe(409);
    await expect(
      sql`update payroll_line set gross_fen = gross_fen + 1 where run_id = ${october}::uuid`.execute(env.db),
    ).rejects.toThrow(/immutable|不可修改/);
    await expect(env.db.deleteFrom('payroll_line').where('run_id', '=', october).execute()).rejects.toThrow();
    // The bank's answer may still be recorded.
    await env.db
      .updateTable('payroll_line')
      .set({ bank_status: 'PAID' })
      .where('run_id', '=', october)
      .execute();
    const audit = await env.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', october)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['payroll.started', 'payroll.approved']);
  });

  it('rule 3b: a case approved late for an already approved month is caught up once, and the review shows it as new', async () => {
    let district = await at('2026-11-10T09:00:00+08:00');
    admin = await signIn(env, 'admin');
    const d = await buildHousehold(env);
    // Decided in September (paid from October) but entered after October's run was approved.
    [D] = (await migrate(admin, [
      {
        householdId: d.id,
        scheme: 'DIBAO',
        decidedOn: '2026-09-10',
        amountFen: 90_000,
        householdSize: 2,
        netIncomeFen: 60_000 * 2 * 12,
        sourceRef: 'P-4',
      },
    ])) as [typeof A];
    district = await at('2026-11-10T09:05:00+08:00');
    const nov = await run(district, 'DIBAO', '2026-11-01');
    const got = await lines(district, nov.id);
    expect(
      got
        .filter((l) => l.caseId === D.id)
        .map((l) => [l.kind, l.item, l.grossFen])
        .sort(),
    ).toEqual([
      ['BACK_PAY', 'month:2026-10', 90_000],
      ['MONTHLY', '', 90_000],
    ]);
    expect(got.filter((l) => l.kind === 'BACK_PAY')).toHaveLength(1);
    expect(nov.review.previousRunId).toBe(october);
    expect(nov.review.newCases.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([D.caseNo]);
    expect(nov.review.stoppedCases.total).toBe(0);
    expect(nov.review.changedCases.total).toBe(0);
    // A run in review may be recomputed: same lines again.
    const again = await district('POST', `/api/v1/payroll-runs/${nov.id}/recompute`);
    expect(again.statusCode, again.body).toBe(202);
    await env.jobs.drain();
    expect((await lines(district, nov.id)).length).toBe(got.length);
    const ok = await district('POST', `/api/v1/payroll-runs/${nov.id}/approve`, { note: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('rule 3a: an approved standard change is back-paid once, in the first run after its approval', async () => {
    let district = await at('2026-12-05T09:00:00+08:00');
    admin = await signIn(env, 'admin');
    const changed = await admin('POST', '/api/v1/standards', {
      changes: [
        {
          series: 'dibao.urban',
          amountFen: 110_000,
          effectiveFrom: '2026-07-01',
          reason: '泰民发〔2026〕测试号',
        },
        {
          series: 'dibao.rural',
          amountFen: 88_000,
          effectiveFrom: '2026-07-01',
          reason: '泰民发〔2026〕测试号',
        },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(201);
    const recalc = changed.json().recalc.runId as string;
    await env.jobs.drain();
    const list = (await admin('GET', `/api/v1/recalc-runs/${recalc}/changes?limit=50`)).json();
    const gap = list.items.find((i: { caseId: string }) => i.caseId === A.id);
    expect(gap.backPayFen).toBeGreaterThan(0);
    expect(
      (await admin('POST', `/api/v1/recalc-runs/${recalc}/approve`, { reason: '同意' })).statusCode,
    ).toBe(200);

    district = await at('2026-12-05T10:00:00+08:00');
    const dec = await run(district, 'DIBAO', '2026-12-01');
    const mine = (await lines(district, dec.id)).filter((l) => l.caseId === A.id);
    expect(mine.map((l) => [l.kind, l.item, l.grossFen]).sort()).toEqual(
      [
        ['BACK_PAY', `recalc:${recalc}`, gap.backPayFen],
        ['MONTHLY', '', gap.newFen],
      ].sort(),
    );
    expect(dec.review.changedCases.items.map((c: { caseId: string }) => c.caseId)).toContain(A.id);
    // D was caught up for October in November: the new version does not pay October a second time.
    const dLines = (await lines(district, dec.id)).filter((l) => l.caseId === D.id);
    expect(dLines.some((l) => l.item === 'month:2026-10')).toBe(false);
    await district('POST', `/api/v1/payroll-runs/${dec.id}/approve`, { note: '同意' });

    district = await at('2027-01-05T09:00:00+08:00');
    const jan = await run(district, 'DIBAO', '2027-01-01');
    expect((await lines(district, jan.id)).filter((l) => l.kind === 'BACK_PAY')).toEqual([]);
  });

  it('rule 10: a case’s payments and the yearly ledger of approved runs', async () => {
    const district = await at('2027-01-05T10:00:00+08:00');
    const pay = (await district('GET', `/api/v1/cases/${A.id}/payments`)).json();
    expect(pay.items.map((l: { month: string; kind: string }) => [l.month, l.kind])).toEqual([
      ['2026-10-01', 'MONTHLY'],
      ['2026-11-01', 'MONTHLY'],
      ['2026-12-01', 'BACK_PAY'],
      ['2026-12-01', 'MONTHLY'],
      ['2027-01-01', 'MONTHLY'],
    ]);
    expect(pay.items[0]).toMatchObject({ bankStatus: 'PAID', runStatus: 'APPROVED' });
    const ledger = (await district('GET', '/api/v1/payroll/ledger?year=2026')).json();
    const t1 = ledger.items.find(
      (i: { townCode: string; scheme: string }) => i.townCode === '370971001' && i.scheme === 'DIBAO',
    );
    expect(t1.byMonthFen).toHaveLength(12);
    expect(t1.byMonthFen[9]).toBe(100_000);
    expect(t1.totalFen).toBe(t1.byMonthFen.reduce((s: number, n: number) => s + n, 0));
    // The TEKUN October run is not approved: it is not in the ledger.
    expect(ledger.items.some((i: { scheme: string }) => i.scheme === 'TEKUN')).toBe(false);
    const other = await signIn(env, 'town002');
    expect((await other('GET', `/api/v1/cases/${A.id}/payments`)).statusCode).toBe(404);
  });
});
