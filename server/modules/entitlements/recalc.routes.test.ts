import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// §9.4: a standard change recomputes every active case from its month, as a job, into a change
// list (case, old, new, back-pay) approved or rejected as a whole by a district officer; approved
// changes become the entitlement versions payroll reads. The test clock is 2026-11-29.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;

/** Three active cases (town 001 urban-gap, town 001 tekun, town 002 single) migrated from the old system. */
async function seedCases(admin: Api) {
  const a = await buildHousehold(env);
  const b = await buildHousehold(env);
  const c = await buildHousehold(env, { villageCode: '370971002201' }, 'town002');
  const person = (h: { id: string }) =>
    env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', h.id)
      .executeTakeFirstOrThrow();
  const res = await admin('POST', '/api/v1/cases/legacy', {
    reason: '原低保系统数据迁移',
    cases: [
      // 2 people, per capita 500 元/月 → (1000 − 500) × 2 = 1000 元 (urban 2026 standard 1000)
      {
        householdId: a.id,
        scheme: 'DIBAO',
        decidedOn: '2026-03-10',
        amountFen: 100_000,
        householdSize: 2,
        netIncomeFen: 50_000 * 2 * 12,
        sourceRef: 'OLD-1',
      },
      {
        householdId: b.id,
        scheme: 'TEKUN',
        subjectPersonId: (await person(b)).person_id,
        decidedOn: '2026-01-05',
        amountFen: 130_000 + 20_000,
        careLevel: 'SELF_CARE',
        sourceRef: 'OLD-2',
      },
      {
        householdId: c.id,
        scheme: 'DIBAO_SINGLE',
        subjectPersonId: (await person(c)).person_id,
        decidedOn: '2026-09-20',
        amountFen: 80_000,
        sourceRef: 'OLD-3',
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().created as { id: string; caseNo: string }[];
}

describe('recalculation after a standard change', () => {
  it('lists every changed case with its back-pay and, once approved, adds entitlement versions', async () => {
    const admin = await signIn(env, 'admin');
    const cases = await seedCases(admin);

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
    const { recalc } = changed.json();
    expect(recalc.runId).toBeTruthy();
    await env.jobs.drain();

    const list = (await admin('GET', `/api/v1/recalc-runs/${recalc.runId}/changes?limit=50`)).json();
    expect(list.run).toMatchObject({ status: 'PENDING', effectiveFrom: '2026-07-01', casesChecked: 3 });
    const byNo = Object.fromEntries(list.items.map((i: { caseNo: string }) => [i.caseNo, i]));
    // The gap case started in April (decided in March): the new amount from July; July–October were
    // paid at the old amount (November, the month of the run, is not yet paid).
    const gap = byNo[cases[0]!.caseNo];
    expect(gap).toMatchObject({ outcome: 'CHANGE', appliesFrom: '2026-07-01', backPayMonths: 4 });
    expect(gap.newFen).toBeGreaterThan(gap.oldFen);
    expect(gap.backPayFen).toBe(4 * (gap.newFen - gap.oldFen));
    // The single-person case started in October: back-pay from its own start, at the full new standard.
    const single = byNo[cases[2]!.caseNo];
    expect(single).toMatchObject({ appliesFrom: '2026-10-01', backPayMonths: 1 });
    expect([110_000, 88_000]).toContain(single.newFen);
    expect(list.run.backPayFen).toBe(
      list.items.reduce((s: number, i: { backPayFen: number }) => s + i.backPayFen, 0),
    );

    const approved = await admin('POST', `/api/v1/recalc-runs/${recalc.runId}/approve`, {
      reason: '经审核无误',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'APPROVED', decisionReason: '经审核无误' });
    const versions = await env.db
      .selectFrom('entitlement')
      .select(['version', 'amount_fen', 'effective_from', 'is_current', 'source'])
      .where('case_id', '=', cases[0]!.id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      {
        version: 1,
        amount_fen: gap.oldFen,
        effective_from: '2026-04-01',
        is_current: false,
        source: 'LEGACY',
      },
      {
        version: 2,
        amount_fen: gap.newFen,
        effective_from: '2026-07-01',
        is_current: true,
        source: 'RECALC',
      },
    ]);
    const audit = await env.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', recalc.runId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'entitlements.recalc_started',
      'entitlements.recalc_approved',
    ]);

    // Deciding twice is refused and changes nothing.
    const again = await admin('POST', `/api/v1/recalc-runs/${recalc.runId}/reject`, { reason: '重复操作' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('entitlements.recalc_not_pending');
  });

  it('refuses approval by a town officer, and shows a town only its own cases', async () => {
    const admin = await signIn(env, 'admin');
    const started = await admin('POST', '/api/v1/recalc-runs', { effectiveFrom: '2026-01-01' });
    expect(started.statusCode, started.body).toBe(202);
    await env.jobs.drain();
    const town = await signIn(env, 'town002');
    const runId = started.json().runId;
    const seen = (await town('GET', `/api/v1/recalc-runs/${runId}/changes`)).json();
    expect(seen.items.every((i: { villageCode: string }) => i.villageCode.startsWith('370971002'))).toBe(
      true,
    );
    const refused = await town('POST', `/api/v1/recalc-runs/${runId}/approve`, { reason: '同意' });
    expect(refused.statusCode).toBe(403);
    const village = await signIn(env, 'v001201');
    expect((await village('GET', '/api/v1/recalc-runs')).statusCode).toBe(403);
  });

  it('supersedes an undecided list when the standard changes again, and rejects with a reason', async () => {
    const admin = await signIn(env, 'admin');
    const first = (await admin('POST', '/api/v1/recalc-runs', { effectiveFrom: '2026-08-01' })).json();
    await env.jobs.drain();
    const second = (await admin('POST', '/api/v1/recalc-runs', { effectiveFrom: '2026-09-01' })).json();
    await env.jobs.drain();
    const runs = (await admin('GET', '/api/v1/recalc-runs')).json().items as { id: string; status: string }[];
    expect(runs.find((r) => r.id === first.runId)?.status).toBe('SUPERSEDED');
    expect(runs.find((r) => r.id === second.runId)?.status).toBe('PENDING');
    const noReason = await admin('POST', `/api/v1/recalc-runs/${second.runId}/reject`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const rejected = await admin('POST', `/api/v1/recalc-runs/${second.runId}/reject`, {
      reason: '标准文件有误',
    });
    expect(rejected.json().status).toBe('REJECTED');
  });

  it('refuses to approve a list computed before a case changed, so nothing is applied twice', async () => {
    const admin = await signIn(env, 'admin');
    const changed = await admin('POST', '/api/v1/standards', {
      changes: [
        { series: 'dibao.urban', amountFen: 120_000, effectiveFrom: '2026-10-01', reason: '测试再次调标' },
        { series: 'dibao.rural', amountFen: 96_000, effectiveFrom: '2026-10-01', reason: '测试再次调标' },
      ],
    });
    const run = changed.json().recalc;
    await env.jobs.drain();
    const list = (await admin('GET', `/api/v1/recalc-runs/${run.runId}/changes`)).json();
    const victim = list.items.find((i: { outcome: string }) => i.outcome === 'CHANGE');
    if (!victim) throw new Error('expected at least one change to make stale');
    const current = await env.db
      .selectFrom('entitlement')
      .selectAll()
      .where('case_id', '=', victim.caseId)
      .where('is_current', '=', true)
      .executeTakeFirstOrThrow();
    await env.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('entitlement')
        .set({ is_current: false })
        .where('case_id', '=', victim.caseId)
        .execute();
      await trx
        .insertInto('entitlement')
        .values({
          ...current,
          version: current.version + 1,
          breakdown: '[]',
          is_current: true,
          source: 'ADJUSTMENT',
        })
        .execute();
    });
    const before = await env.db
      .selectFrom('entitlement')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin('POST', `/api/v1/recalc-runs/${run.runId}/approve`, { reason: '同意' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'entitlements.recalc_stale', details: { stale: 1 } });
    const after = await env.db
      .selectFrom('entitlement')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
