import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// §2.5 integrity and error tolerance: criticism for a change unreported > 3 months (S5 §五(五));
// fraud → stop, recover, fine 1–3× (S3 Art.68); officials' corrections with cause, approved by
// someone else, reported (S1 Art.39).

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-08-03T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

async function activeCase() {
  const admin = await signIn(env, 'admin');
  const h = await buildHousehold(env);
  const res = await admin('POST', '/api/v1/cases/legacy', {
    reason: '迁移',
    cases: [
      {
        householdId: h.id,
        scheme: 'DIBAO',
        decidedOn: '2025-10-10',
        amountFen: 100_000,
        householdSize: 2,
        netIncomeFen: 1_200_000,
        sourceRef: 'OLD-I',
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().created[0].id as string, householdId: h.id };
}

describe('integrity findings', () => {
  it('criticises a change unreported for more than 3 months, and orders recovery and a 1–3x fine for fraud', async () => {
    const village = await signIn(env, 'v001201');
    const district = await signIn(env, 'district');
    const { id, householdId } = await activeCase();
    // Changed on 2026-03-20, found 2026-08-03: more than 3 months unreported.
    const rec = await village('POST', `/api/v1/cases/${id}/events`, {
      type: 'RECORD_UNREPORTED_CHANGE',
      changedOn: '2026-03-20',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    // The county finds the benefit was obtained by fraud: stop, recover 6,000 元.
    const stop = await district('POST', `/api/v1/cases/${id}/events`, {
      type: 'STOP',
      reason: 'fraud',
      writtenReasons: '隐瞒家庭成员就业收入，骗取低保金',
      obtainedFen: 600_000,
    });
    expect(stop.statusCode, stop.body).toBe(200);

    const list = (await district('GET', `/api/v1/integrity?householdId=${householdId}`)).json().items;
    expect(list.map((r: { kind: string }) => r.kind).sort()).toEqual(['CRITICISM', 'FRAUD']);
    const fraud = list.find((r: { kind: string }) => r.kind === 'FRAUD');
    expect(fraud).toMatchObject({
      obtainedFen: 600_000,
      fineRangeFen: [600_000, 1_800_000],
      fineFen: null,
      outstandingFen: 600_000,
    });
    expect(list.find((r: { kind: string }) => r.kind === 'CRITICISM').monthsUnreported).toBeGreaterThan(3);

    const tooHigh = await district('POST', `/api/v1/integrity/${fraud.id}/fine`, {
      fineFen: 2_000_000,
      note: '罚款',
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.details[0].field).toBe('fineFen');
    const fine = await district('POST', `/api/v1/integrity/${fraud.id}/fine`, {
      fineFen: 600_000,
      note: '按 1 倍处罚',
    });
    expect(fine.json()).toMatchObject({ fineFen: 600_000, outstandingFen: 1_200_000 });
    const town = await signIn(env, 'town001');
    expect(
      (
        await town('POST', `/api/v1/integrity/${fraud.id}/recoveries`, {
          amountFen: 100,
          method: 'REPAYMENT',
        })
      ).statusCode,
    ).toBe(403);
    const paid = await district('POST', `/api/v1/integrity/${fraud.id}/recoveries`, {
      amountFen: 1_000_000,
      method: 'REPAYMENT',
      note: '当事人退回',
    });
    expect(paid.json()).toMatchObject({ recoveredFen: 1_000_000, outstandingFen: 200_000 });
    const over = await district('POST', `/api/v1/integrity/${fraud.id}/recoveries`, {
      amountFen: 200_001,
      method: 'PAYROLL_DEDUCTION',
    });
    expect(over.statusCode).toBe(400);
  });
});

describe('corrections of decisions (容错纠错)', () => {
  it('records the cause, is approved by another official, and is reported', async () => {
    const district = await signIn(env, 'district');
    const admin = await signIn(env, 'admin');
    const { id } = await activeCase();
    const change = await district('POST', `/api/v1/cases/${id}/events`, {
      type: 'STOP',
      reason: 'moved',
      writtenReasons: '迁出',
    });
    expect(change.statusCode).toBe(200);
    const events = (await district('GET', `/api/v1/cases/${id}`)).json().timeline as {
      seq: number;
      type: string;
    }[];
    const stopSeq = events.find((e) => e.type === 'STOP')!.seq;
    const notDecision = await district('POST', `/api/v1/cases/${id}/corrections`, {
      eventSeq: 1,
      cause: 'OBJECTIVE',
      description: '迁移记录',
      remedy: '无',
    });
    expect(notDecision.statusCode).toBe(400);
    const proposed = await district('POST', `/api/v1/cases/${id}/corrections`, {
      eventSeq: stopSeq,
      cause: 'OBJECTIVE',
      description: '公安户籍数据延迟，误判为迁出',
      remedy: '恢复发放并补发停发期间低保金',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const cid = proposed.json().id;
    const own = await district('POST', `/api/v1/corrections/${cid}/approve`, { note: '同意' });
    expect(own.json().error.code).toBe('integrity.own_correction');
    expect(
      (await admin('POST', `/api/v1/corrections/${cid}/approve`, { note: '客观原因，予以纠正' })).json()
        .status,
    ).toBe('APPROVED');
    const report = (await admin('GET', '/api/v1/corrections?from=2026-08-01&to=2026-09-01')).json();
    expect(report.totals).toMatchObject({ objective: 1, subjective: 0, approved: 1, pending: 0 });
    expect(report.items[0]).toMatchObject({ eventType: 'STOP', cause: 'OBJECTIVE', decidedBy: 'admin 测试' });
  });
});
