import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetail, personIdsOf, step, type Team, teamAt } from '../../test/case-api.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';

// The side paths of the state machines through the HTTP API (§3.7, §3.9, §5.2, §6.5): missing
// materials, an ineligible check result contested, an objection in publicity, the special-case
// extension, rejection and termination; reviews, job refusals and gradual exit; follow-up, referral
// and closing of an urgent case.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-02T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

const at = (iso: string) => teamAt(env, iso);
const state = caseDetail;
const members = (householdId: string) => personIdsOf(env, householdId);
const FACTS = (n: number, wage = 0) => ({
  members: Array.from({ length: n }, (_, i) => ({
    age: 40 + i,
    relation: i === 0 ? 'head' : 'spouse',
    wageFenPerMonth: i === 0 ? wage : 0,
  })),
});

async function application(t: Team) {
  const h = await buildHousehold(env);
  const res = await t.town('POST', '/api/v1/cases/applications', {
    householdId: h.id,
    scheme: 'DIBAO',
    pledgeSigned: true,
  });
  return { id: res.json().id as string, people: await members(h.id) };
}

async function investigated(t: Team, wage = 0) {
  const a = await application(t);
  await step(t.town, a.id, { type: 'ACCEPT' });
  await step(t.town, a.id, { type: 'START_INVESTIGATION' });
  for (const personId of a.people)
    await step(t.town, a.id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
  await step(t.town, a.id, { type: 'REQUEST_CHECK' });
  await step(t.town, a.id, {
    type: 'RECORD_INVESTIGATION',
    investigators: ['甲', '乙'],
    visitMode: 'ON_SITE',
    findings: '核实',
    facts: FACTS(a.people.length, wage),
  });
  return a;
}

describe('低保 application side paths (§3.7; S1)', () => {
  it('notifies missing materials once, listing everything, then takes the completed application (S1 Art.10)', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await application(t);
    const empty = await t.town('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'NOTIFY_MISSING_MATERIALS',
      missing: [],
    });
    expect(empty.statusCode).toBe(400);
    await step(t.town, a.id, { type: 'NOTIFY_MISSING_MATERIALS', missing: ['户口簿复印件', '收入证明'] });
    expect((await state(t.town, a.id)).state).toBe('AWAITING_MATERIALS');
    await step(t.village, a.id, { type: 'RESUBMIT' });
    const again = await t.town('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'NOTIFY_MISSING_MATERIALS',
      missing: ['身份证'],
    });
    expect(again.json().error.code).toBe('cases.missing_notice_already_given');
    await step(t.town, a.id, { type: 'ACCEPT' });
  });

  it('lets the applicant contest an ineligible check result with evidence, then re-checks (S1 Art.18)', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await investigated(t, 900_000);
    await step(t.town, a.id, { type: 'NOTIFY_INELIGIBLE', reasons: '核对显示家庭收入高于标准' });
    const noEvidence = await t.village('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'APPLICANT_OBJECTS',
      evidence: [],
    });
    expect(noEvidence.statusCode).toBe(400);
    await step(t.village, a.id, { type: 'APPLICANT_OBJECTS', evidence: ['解除劳动合同证明'] });
    await step(t.town, a.id, { type: 'START_RECHECK' });
    expect((await state(t.town, a.id)).state).toBe('INVESTIGATING');
  });

  it('closes an application when the family does not contest the ineligible result', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await investigated(t, 900_000);
    await step(t.town, a.id, { type: 'NOTIFY_INELIGIBLE', reasons: '核对显示家庭收入高于标准' });
    await step(t.town, a.id, { type: 'CLOSE_REJECTED' });
    expect(await state(t.town, a.id)).toMatchObject({ stage: 'CLOSED', state: 'CLOSED_REJECTED' });
  });

  it('takes an objection during publicity to a democratic review and a new opinion; the limit runs to 45 working days (S1 Art.19; S5 §四(一))', async () => {
    let t = await at('2026-03-02T09:00:00+08:00');
    const a = await investigated(t);
    const before = (await state(t.town, a.id)).overallDue;
    await step(t.town, a.id, { type: 'DRAFT_OPINION', opinion: '拟纳入' });
    await step(t.village, a.id, { type: 'PUBLISH' });
    t = await at('2026-03-05T09:00:00+08:00');
    await step(t.village, a.id, {
      type: 'OBJECTION',
      summary: '村民反映其子女有稳定收入',
      route: 'DEMOCRATIC_REVIEW',
    });
    const d = await state(t.town, a.id);
    expect(d.state).toBe('DEMOCRATIC_REVIEW');
    expect(d.overallDue > before).toBe(true);
    await step(t.town, a.id, { type: 'NEW_OPINION', opinion: '民主评议后仍拟纳入' });
    expect((await state(t.town, a.id)).state).toBe('SUBMITTED_TO_COUNTY');
  });

  it('rejects with written reasons, and terminates when the family refuses to cooperate (S1 Art.21, Art.29)', async () => {
    let t = await at('2026-03-02T09:00:00+08:00');
    const a = await investigated(t);
    await step(t.town, a.id, { type: 'DRAFT_OPINION', opinion: '拟纳入' });
    await step(t.town, a.id, { type: 'PUBLISH' });
    t = await at('2026-03-11T09:00:00+08:00');
    await step(t.town, a.id, { type: 'PUBLICITY_ENDED' });
    await step(t.district, a.id, { type: 'START_COUNTY_REVIEW' });
    const noReasons = await t.district('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'REJECT',
      reasons: '',
    });
    expect(noReasons.statusCode).toBe(400);
    await step(t.district, a.id, { type: 'REJECT', reasons: '家庭存款超过规定' });
    expect(await state(t.district, a.id)).toMatchObject({ stage: 'CLOSED', state: 'REJECTED' });

    const b = await application(t);
    await step(t.town, b.id, { type: 'ACCEPT' });
    await step(t.town, b.id, { type: 'TERMINATE', reason: '申请人拒绝配合入户调查' });
    expect(await state(t.town, b.id)).toMatchObject({ stage: 'CLOSED', state: 'TERMINATED' });
  });
});

describe('active 低保 side paths (§3.9; S1 Art.31–34)', () => {
  async function active(t: Team) {
    const h = await buildHousehold(env);
    const res = await t.admin('POST', '/api/v1/cases/legacy', {
      reason: '迁移',
      cases: [
        {
          householdId: h.id,
          scheme: 'DIBAO',
          decidedOn: '2025-09-10',
          amountFen: 100_000,
          householdSize: 2,
          netIncomeFen: 1_200_000,
          sourceRef: 'OLD-B',
        },
      ],
    });
    return { id: res.json().created[0].id as string, people: await members(h.id) };
  }

  it('reviews an unstable household every 6 months and keeps the amount when nothing changed', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await active(t);
    expect((await state(t.town, a.id)).nextReviewOn).toBe('2026-09-10');
    await step(t.town, a.id, { type: 'SCHEDULE_REVIEW', stability: 'UNSTABLE' });
    expect((await state(t.town, a.id)).nextReviewOn).toBe('2026-03-10');
    await step(t.town, a.id, { type: 'START_REVIEW', trigger: 'SCHEDULED' });
    await step(t.town, a.id, { type: 'COMPLETE_REVIEW_NO_CHANGE' });
    const d = await state(t.town, a.id);
    expect(d).toMatchObject({ state: 'ACTIVE', nextReviewOn: '2026-09-02', currentAmountFen: 100_000 });
  });

  it('stops a member share only after three consecutive job refusals (S1 Art.34)', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await active(t);
    const early = await t.district('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'STOP',
      reason: 'job_refusals',
      writtenReasons: '拒绝就业',
    });
    expect(early.json().error.code).toBe('cases.job_refusals_not_reached');
    for (let i = 0; i < 3; i++)
      await step(t.village, a.id, { type: 'RECORD_JOB_REFUSAL', personId: a.people[0] });
    await step(t.district, a.id, {
      type: 'STOP',
      reason: 'job_refusals',
      writtenReasons: '无正当理由连续三次拒绝介绍的工作',
    });
    expect((await state(t.district, a.id)).state).toBe('STOPPED');
  });

  it('gives a gradual exit of at most 6 months after a review finds work income (S1 Art.33; S5 §一(三))', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    const a = await active(t);
    await step(t.town, a.id, { type: 'START_REVIEW', trigger: 'CHANGE_REPORTED' });
    const seven = await t.district('POST', `/api/v1/cases/${a.id}/events`, {
      type: 'START_GRADUAL_EXIT',
      months: 7,
    });
    expect(seven.statusCode).toBe(400);
    await step(t.district, a.id, { type: 'START_GRADUAL_EXIT', months: 3 });
    expect((await state(t.district, a.id)).state).toBe('GRADUAL_EXIT');
  });
});

describe('urgent temporary assistance side paths (§6.5)', () => {
  it('follows up in stages, refers to 低保 and closes', async () => {
    const t = await at('2026-03-02T09:00:00+08:00');
    await t.district('POST', '/api/v1/reserve-fund/movements', {
      townCode: '370971001',
      kind: 'ALLOCATE',
      amountFen: 1_000_000,
      note: '拨付',
    });
    const h = await buildHousehold(env);
    const r = await t.town('POST', '/api/v1/cases/urgent', {
      householdId: h.id,
      villageCode: '370971001201',
      source: 'HOTLINE_12349',
      cause: 'ACCIDENT',
      summary: '交通事故',
    });
    const id = r.json().id as string;
    await step(t.town, id, { type: 'APPROVE_FIRST_AID', amountFen: 100_000, assessment: '紧急' });
    await step(t.town, id, { type: 'PAY_FIRST_AID', amountFen: 100_000, method: 'CASH' });
    await step(t.town, id, {
      type: 'REGULARIZE',
      recipient: '户主',
      reason: '事故',
      amountFen: 100_000,
      signatures: ['户主'],
    });
    await step(t.town, id, { type: 'FOLLOW_UP', amountFen: 50_000 });
    await step(t.town, id, { type: 'REFER', to: 'DIBAO' });
    await step(t.town, id, { type: 'CLOSE' });
    const d = await state(t.town, id);
    expect(d).toMatchObject({ stage: 'CLOSED', state: 'CLOSED', model: { referredTo: 'DIBAO' } });
    expect(d.model.followUps).toHaveLength(1);
  });
});
