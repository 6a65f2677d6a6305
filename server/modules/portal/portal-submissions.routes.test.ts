import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { newIp, pub, seedNotices } from './portal.testkit.ts';

// Objections to a publicity (S1 Art.19; S2 Art.15) and 12349 complaints (§2.3; S1 Art.37) from the
// portal: a receipt with a tracking number and a query code, a feedback deadline in working days,
// the staff inbox of the caller's jurisdiction, and the feedback — an objection's also recorded on
// the case in the same transaction.

let env: TestEnv;
let seeded: Awaited<ReturnType<typeof seedNotices>>;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  seeded = await seedNotices(env);
});
afterAll(async () => {
  await env?.close();
});

type Receipt = { trackingNo: string; queryCode: string; feedbackDueOn: string };
const objection = async (body: Record<string, unknown>) =>
  pub(env, 'POST', '/api/public/v1/objections', { ip: newIp(), body });
const complaint = async (body: Record<string, unknown>) =>
  pub(env, 'POST', '/api/public/v1/complaints', { ip: newIp(), body });
const status = (r: Pick<Receipt, 'trackingNo'>, code: string) =>
  pub(env, 'GET', `/api/public/v1/submissions/${r.trackingNo}?queryCode=${code}`, { ip: newIp() });

describe('objections and complaints from the public', () => {
  it('takes an objection to a notice in publicity; feedback is due 5 working days on, or when publicity ends if later', async () => {
    const res = await objection({
      noticeId: seeded.publicityCaseId,
      content: '该户子女在外地有稳定工作，收入较高',
      contactName: '周举报',
      contactPhone: '13600001111',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Receipt;
    expect(r.trackingNo).toMatch(/^YY-20260615-\d{6}$/);
    expect(r.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    // 5 working days after Mon 2026-06-15, the Dragon Boat holiday (06-19) skipped: 06-23, later
    // than the publicity's last day (06-22).
    expect(r.feedbackDueOn).toBe('2026-06-23');
  });

  it('refuses an objection to a case that is not in publicity, or to no case at all, with the same 400', async () => {
    const active = await objection({ noticeId: seeded.activeCaseId, content: '此户已不符合条件了' });
    const none = await objection({ noticeId: crypto.randomUUID(), content: '此户已不符合条件了' });
    expect(active.statusCode).toBe(400);
    expect(none.statusCode).toBe(400);
    expect(active.json().error.details).toEqual(none.json().error.details);
    expect(active.json().error.details[0].field).toBe('noticeId');
  });

  it('takes a complaint with or without a village; feedback due in 15 working days [U]', async () => {
    const res = await complaint({
      villageCode: '370971001201',
      category: 'STAFF_CONDUCT',
      content: '村里办事人员态度差，多次推诿',
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as Receipt;
    expect(r.trackingNo).toMatch(/^TS-20260615-\d{6}$/);
    // 15 working days from 2026-06-15 skipping 06-19 (端午): 07-07.
    expect(r.feedbackDueOn).toBe('2026-07-07');
    const anonymous = await complaint({ category: 'POLICY_QUESTION', content: '想咨询临时救助怎么申请' });
    expect(anonymous.statusCode).toBe(201);
  });

  it('reads the status only with both the number and its query code; a wrong code and an unknown number look the same', async () => {
    const r = (
      await complaint({
        villageCode: '370971001201',
        category: 'SERVICE_DELAY',
        content: '申请两个月了还没有消息',
      })
    ).json() as Receipt;
    const ok = await status(r, r.queryCode);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      trackingNo: r.trackingNo,
      kind: 'COMPLAINT',
      state: 'RECEIVED',
      receivedOn: '2026-06-15',
      feedbackDueOn: r.feedbackDueOn,
      feedback: null,
      answeredOn: null,
    });
    const wrong = await status(r, r.queryCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
    const unknown = await status({ trackingNo: 'TS-20260615-000001' }, r.queryCode);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const { requestId: _a, ...w } = wrong.json().error;
    const { requestId: _b, ...u } = unknown.json().error;
    expect(w).toEqual(u);
  });
});

describe('the staff inbox and the feedback', () => {
  it('shows each jurisdiction its own: the town its villages, the county also what names no village', async () => {
    const town1 = await signIn(env, 'town001');
    const town2 = await signIn(env, 'town002');
    const district = await signIn(env, 'district');
    const villageAssistant = await signIn(env, 'v001201');
    const t1 = (await town1('GET', '/api/v1/portal/submissions?pageSize=100')).json();
    const all = (await district('GET', '/api/v1/portal/submissions?pageSize=100')).json();
    expect(t1.items.length).toBeGreaterThan(0);
    expect(
      t1.items.every((s: { villageCode: string | null }) => s.villageCode?.startsWith('370971001')),
    ).toBe(true);
    expect(all.total).toBe(t1.total + 1); // + the anonymous county-wide complaint
    expect((await town2('GET', '/api/v1/portal/submissions')).json().total).toBe(0);
    expect((await villageAssistant('GET', '/api/v1/portal/submissions')).statusCode).toBe(403);
    const objections = (await town1('GET', '/api/v1/portal/submissions?kind=OBJECTION')).json();
    expect(objections.items).toHaveLength(1);
    expect(objections.items[0]).toMatchObject({
      kind: 'OBJECTION',
      caseId: seeded.publicityCaseId,
      realName: true,
      contactNameMask: '周*报',
      contactPhoneMask: '136****1111',
      overdue: false,
    });
  });

  it('refuses a case route from the county level (the town handles objections, §2.3) and records nothing', async () => {
    const district = await signIn(env, 'district');
    const town = await signIn(env, 'town001');
    const [o] = (await town('GET', '/api/v1/portal/submissions?kind=OBJECTION')).json().items;
    const res = await district('POST', `/api/v1/portal/submissions/${o.id}/feedback`, {
      feedback: '已转镇街组织民主评议',
      caseRoute: 'DEMOCRATIC_REVIEW',
    });
    expect(res.statusCode).toBe(403);
    const after = (await town('GET', '/api/v1/portal/submissions?kind=OBJECTION')).json().items[0];
    expect(after).toMatchObject({ state: 'RECEIVED', feedback: null });
  });

  it('answers an objection with a democratic review: the case records the OBJECTION, the reporter is texted, the public reads the answer', async () => {
    const town = await signIn(env, 'town001');
    const [o] = (await town('GET', '/api/v1/portal/submissions?kind=OBJECTION')).json().items;
    const res = await town('POST', `/api/v1/portal/submissions/${o.id}/feedback`, {
      feedback: '已组织民主评议，核实后重新提出初审意见',
      caseRoute: 'DEMOCRATIC_REVIEW',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'ANSWERED',
      answeredOn: '2026-06-15',
      answeredBy: 'town001 测试',
    });
    const c = (await town('GET', `/api/v1/cases/${seeded.publicityCaseId}`)).json();
    expect(c.state).toBe('DEMOCRATIC_REVIEW');
    expect(c.timeline.at(-1)).toMatchObject({ type: 'OBJECTION', payload: { route: 'DEMOCRATIC_REVIEW' } });
    const audit = await env.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'portal.feedback_recorded')
      .where('record_id', '=', o.id)
      .execute();
    expect(audit).toHaveLength(1);
    const district = await signIn(env, 'district');
    const outbox = (await district('GET', '/api/v1/portal/sms-outbox')).json();
    expect(outbox.items[0]).toMatchObject({
      template: 'FEEDBACK_READY',
      phoneMask: '136****1111',
      status: 'QUEUED',
    });
    expect(outbox.items[0].body).toContain(o.trackingNo);
    expect(JSON.stringify(outbox)).not.toContain('13600001111');

    const again = await town('POST', `/api/v1/portal/submissions/${o.id}/feedback`, {
      feedback: '再答复一次',
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps an interim answer IN_PROGRESS, refuses a case route on a complaint, and flags overdue ones', async () => {
    const town = await signIn(env, 'town001');
    const complaints = (await town('GET', '/api/v1/portal/submissions?kind=COMPLAINT')).json().items;
    const [first, second] = complaints;
    const route = await town('POST', `/api/v1/portal/submissions/${first.id}/feedback`, {
      feedback: '转入调查',
      caseRoute: 'REINVESTIGATION',
    });
    expect(route.statusCode).toBe(400);
    const interim = await town('POST', `/api/v1/portal/submissions/${first.id}/feedback`, {
      feedback: '已收到，正在核查',
      interim: true,
    });
    expect(interim.json()).toMatchObject({
      state: 'IN_PROGRESS',
      answeredOn: null,
      feedback: '已收到，正在核查',
    });
    expect(second.state).toBe('RECEIVED');
    const before = env.clock.now();
    env.clock.set(new Date('2026-07-08T09:00:00+08:00'));
    try {
      const t = await signIn(env, 'town001');
      const overdue = (await t('GET', '/api/v1/portal/submissions?overdue=true')).json();
      expect(overdue.items.map((s: { id: string }) => s.id)).toEqual(
        expect.arrayContaining([first.id, second.id]),
      );
      expect(overdue.items.every((s: { overdue: boolean }) => s.overdue)).toBe(true);
    } finally {
      env.clock.set(before);
    }
  });

  it('lets only district staff read the SMS outbox (portal.outbox)', async () => {
    const town = await signIn(env, 'town001');
    expect((await town('GET', '/api/v1/portal/sms-outbox')).statusCode).toBe(403);
  });
});
