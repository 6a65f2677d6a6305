import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { createApplication } from '../cases/applications.usecases.ts';
import { migrateLegacyCases } from '../cases/legacy.usecases.ts';
import { escalateOverdue } from './alerts.repository.ts';
import { closeAlert, disposeAlert, getAlert, listAlerts, verifyAlert } from './alerts.usecases.ts';
import { compareNow } from './compare.usecases.ts';
import { monitoringDashboard } from './dashboard.usecases.ts';
import { deliverTestFeed } from './test-feeds.ts';

// Alert handling (§7.4; S6 §三(四)): jurisdiction, verify → dispose → close with the timeline, the
// application link, and the daily escalation of overdue alerts in working days across 国庆节 2026.

let env: TestEnv;
const h: Record<string, { id: string; idNumber: string }> = {};
const alertOf = async (key: string) =>
  (
    await env.db
      .selectFrom('alert')
      .select('id')
      .where('household_id', '=', h[key]!.id)
      .executeTakeFirstOrThrow()
  ).id;
const at = (iso: string) => env.clock.set(new Date(`${iso}T10:00:00+08:00`));

beforeAll(async () => {
  // Monday 28 September 2026, the working day before 国庆节 (1–7 October; Saturday 10 October worked).
  env = await createTestEnv({ now: '2026-09-28T10:00:00+08:00' });
  for (const [key, village] of [
    ['mine', '370971001201'],
    ['other', '370971001202'],
    ['recipient', '370971001201'],
  ] as const) {
    const idNumber = nextIdNumber();
    const hh = await buildHousehold(env, {
      villageCode: village,
      members: [buildPerson({ idNumber, monthlyIncomeFen: key === 'recipient' ? 0 : 900_000 })],
    });
    h[key] = { id: hh.id, idNumber };
  }
  await migrateLegacyCases(env, env.ctx('admin'), {
    reason: '原系统数据迁移（测试）',
    cases: [
      {
        householdId: h.recipient!.id,
        scheme: 'DIBAO',
        decidedOn: '2026-01-05',
        amountFen: 50_000,
        sourceRef: 'A-1',
      },
    ],
  });
  await deliverTestFeed(env, 'SERIOUS_ILLNESS', [
    { idNumber: h.mine!.idNumber, diagnosedOn: '2026-09-01', category: '尿毒症' },
    { idNumber: h.other!.idNumber, diagnosedOn: '2026-09-01', category: '尿毒症' },
  ]);
  await deliverTestFeed(env, 'VEHICLE', [
    {
      idNumber: h.recipient!.idNumber,
      registeredOn: '2026-09-01',
      plate: '鲁J3',
      vehicleType: 'CAR',
      useNature: 'PRIVATE',
      status: 'NORMAL',
    },
  ]);
  await compareNow(env, env.ctx('district'));
});
afterAll(async () => {
  await env?.close();
});

describe('jurisdiction (convention 7; §2.3)', () => {
  it('a village assistant sees and handles only their village’s alerts', async () => {
    const mine = await listAlerts(env, env.ctx('v001201'), { offset: 0, limit: 50 });
    expect(mine.items.every((a) => a.villageCode === '370971001201')).toBe(true);
    expect(mine.items.map((a) => a.householdId)).toContain(h.mine!.id);
    const other = await alertOf('other');
    await expect(getAlert(env, env.ctx('v001201'), other)).rejects.toMatchObject({
      code: 'alerts.not_found',
    });
    await expect(
      verifyAlert(env, env.ctx('v001201'), other, { method: 'VISIT', findings: '入户核实' }),
    ).rejects.toMatchObject({
      code: 'alerts.not_found',
    });
    expect((await getAlert(env, env.ctx('town001'), other)).villageCode).toBe('370971001202');
    await expect(
      verifyAlert(env, env.ctx('auditor'), other, { method: 'PHONE', findings: '电话核实' }),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});

describe('handling (§7.4 state machine; S6 §三(四))', () => {
  it('verify by visit, start the application from the alert, close with feedback — all on the timeline', async () => {
    at('2026-10-09');
    const id = await alertOf('mine');
    const v = await verifyAlert(env, env.ctx('v001201'), id, {
      method: 'VISIT',
      findings: '入户核实：户主确诊尿毒症，家庭收入骤减',
    });
    expect(v).toMatchObject({ state: 'VERIFIED', verification: { method: 'VISIT' } });
    expect(v.allowed).toEqual([
      'DISPOSE:POLICY_DELIVERED',
      'DISPOSE:APPLICATION_STARTED',
      'DISPOSE:CHARITY_REFERRED',
    ]);
    await expect(
      disposeAlert(env, env.ctx('v001201'), id, {
        disposition: 'PUSHED_TO_DEPT',
        department: 'HEALTH',
        note: '转卫健',
      }),
    ).rejects.toMatchObject({ code: 'alerts.disposition_level' });
    // A case of another household is not what this alert started.
    const foreign = await createApplication(env, env.ctx('town001'), {
      householdId: h.other!.id,
      scheme: 'DIBAO',
      pledgeSigned: true,
      closeRelative: false,
      proxy: null,
    });
    await expect(
      disposeAlert(env, env.ctx('v001201'), id, { disposition: 'APPLICATION_STARTED', caseId: foreign.id }),
    ).rejects.toMatchObject({ code: 'alerts.case_other_household' });
    const app = await createApplication(env, env.ctx('v001201'), {
      householdId: h.mine!.id,
      scheme: 'DIBAO',
      pledgeSigned: true,
      closeRelative: false,
      proxy: { type: 'VILLAGE_COMMITTEE', name: '村委会', authorizationRef: '委托书 2026-01' },
    });
    const d = await disposeAlert(env, env.ctx('v001201'), id, {
      disposition: 'APPLICATION_STARTED',
      caseId: app.id,
    });
    expect(d).toMatchObject({
      state: 'APPLICATION_STARTED',
      linkedCaseId: app.id,
      disposition: 'APPLICATION_STARTED',
    });
    const c = await closeAlert(env, env.ctx('v001201'), id, { feedback: '已受理低保申请' });
    expect(c.state).toBe('CLOSED');
    expect(c.events.map((e) => e.type)).toEqual(['RAISE', 'ASSIGN', 'VERIFY', 'DISPOSE', 'CLOSE']);
    expect(c.events[2]).toMatchObject({ actorName: 'v001201 测试', onDate: '2026-10-09' });
    const audit = await env.db.selectFrom('audit_log').select('action').where('record_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['alerts.verified', 'alerts.disposed', 'alerts.closed']);
  });

  it('a termination review links the active case; a dismissal needs the town and a reason', async () => {
    const id = await alertOf('recipient');
    await verifyAlert(env, env.ctx('town001'), id, { method: 'DATA', findings: '核对车辆登记信息属实' });
    await expect(
      disposeAlert(env, env.ctx('town001'), id, { disposition: 'DISMISSED', reason: '' }),
    ).rejects.toMatchObject({
      code: 'validation.failed',
    });
    const d = await disposeAlert(env, env.ctx('town001'), id, {
      disposition: 'TERMINATION_REVIEW',
      note: '名下有在用轿车，启动复核',
    });
    const active = await env.db
      .selectFrom('assistance_case')
      .select('id')
      .where('household_id', '=', h.recipient!.id)
      .executeTakeFirstOrThrow();
    expect(d).toMatchObject({ state: 'TERMINATION_REVIEW', linkedCaseId: active.id });
  });
});

describe('overdue escalation in working days (§7.4 督促; §2.1)', () => {
  it('raised 28 September, due 16 October across 国庆节; escalated to the town on 17 October, once', async () => {
    const id = await alertOf('other');
    const a = await getAlert(env, env.ctx('district'), id);
    expect(a).toMatchObject({ raisedOn: '2026-09-28', dueOn: '2026-10-16', assigneeLevel: 'VILLAGE' });
    expect(await escalateOverdue(env.db, '370971', '2026-10-16', env.clock.now())).toBe(0);
    at('2026-10-17');
    expect(await escalateOverdue(env.db, '370971', '2026-10-17', env.clock.now())).toBe(1);
    expect(await escalateOverdue(env.db, '370971', '2026-10-18', env.clock.now())).toBe(0);
    const e = await getAlert(env, env.ctx('town001'), id);
    expect(e).toMatchObject({
      assigneeLevel: 'TOWN',
      assigneeCode: '370971001',
      escalatedOn: '2026-10-17',
      overdue: true,
    });
    expect(e.events.at(-1)).toMatchObject({ type: 'ESCALATE', actorName: '系统督促' });
  });

  it('the dashboard counts the on-time rate from verification dates (2 on time, 1 late)', async () => {
    const d = await monitoringDashboard(env, env.ctx('district'));
    expect(d.onTime).toEqual({ onTime: 2, late: 1, pending: 0, rate: 0.667 });
    expect(d).toMatchObject({ overdueOpen: 1, escalated: 1 });
    expect(d.onTimeByMonth).toEqual([{ month: '2026-09', onTime: 2, late: 1, rate: 0.667 }]);
  });
});
