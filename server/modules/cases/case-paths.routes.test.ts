import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetail, personIdsOf, step, teamAt } from '../../test/case-api.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// 特困 (§5.2), the active 低保 case (§3.9) and urgent temporary assistance with the township
// reserve fund (§6.3, §6.5) through the HTTP API, with their refusals.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-01T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

const at = (iso: string) => teamAt(env, iso);
const detail = caseDetail;
const personsOf = (householdId: string) => personIdsOf(env, householdId);

describe('特困 support (S2)', () => {
  it('accepts, investigates, publishes, spot-checks and confirms; support = basic living + care from next month', async () => {
    let t = await at('2026-06-01T09:00:00+08:00');
    // A single 72-year-old without income or supporters (S2 Art.6: elderly, no income, no able supporter).
    const h = await buildHousehold(env, {
      members: [buildPerson({ name: '赵老汉', idNumber: nextIdNumber('1954-02-10'), relationCode: '02' })],
    });
    const [personId] = await personsOf(h.id);
    const created = await t.town('POST', '/api/v1/cases/applications', {
      householdId: h.id,
      scheme: 'TEKUN',
      subjectPersonId: personId,
      pledgeSigned: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await step(t.town, id, { type: 'ACCEPT' });
    // S2 Art.13: 15 working days; 端午 (2026-06-19) is a day off.
    expect(await detail(t.town, id)).toMatchObject({ state: 'INVESTIGATING', deadline: '2026-06-23' });
    const noConsent = await t.town('POST', `/api/v1/cases/${id}/events`, { type: 'REQUEST_CHECK' });
    expect(noConsent.json().error.code).toBe('cases.consent_missing');
    await step(t.town, id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(t.town, id, { type: 'REQUEST_CHECK' });
    await step(t.town, id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'ON_SITE',
      findings: '独居，无收入，无赡养人',
    });
    await step(t.town, id, { type: 'DRAFT_OPINION', opinion: '拟认定为特困人员（分散供养）' });
    await step(t.town, id, { type: 'PUBLISH' });
    t = await at('2026-06-10T09:00:00+08:00');
    await step(t.town, id, { type: 'PUBLICITY_ENDED' });
    await step(t.district, id, { type: 'START_COUNTY_REVIEW' });

    // S2 Art.16: no confirmation before the ≥ 30 % random spot check is recorded; the draw is kept.
    const early = await t.district('POST', `/api/v1/cases/${id}/events`, { type: 'CONFIRM' });
    expect(early.json().error.code).toBe('cases.spot_check_required');
    const drawn = (await detail(t.district, id)).model.spotDraw;
    expect(drawn).toMatchObject({ rate: 0.3, seed: expect.stringMatching(/^[0-9a-f]{16}$/) });
    await step(t.district, id, { type: 'RECORD_SPOT_CHECK', ...(drawn.selected ? { passed: true } : {}) });
    expect((await detail(t.district, id)).model.spotCheck).toMatchObject({
      seed: drawn.seed,
      selected: drawn.selected,
    });
    const done = await step(t.district, id, { type: 'CONFIRM' });
    expect(done).toMatchObject({ stage: 'ACTIVE', state: 'ACTIVE' });
    const d = await detail(t.district, id);
    // 2026 rural or urban: basic = ceil(1.3 × 低保 standard) + care 200 元 (self-care) (§5.4, §15).
    const basic = d.area === 'urban' ? 130_000 : 104_000;
    expect(d.entitlements).toEqual([
      expect.objectContaining({
        effectiveFrom: '2026-07-01',
        amountFen: basic + 20_000,
        method: 'TEKUN_SUPPORT',
      }),
    ]);

    // Termination (§5.5; S2 Art.26): ground, 7-day publicity, the county decides; support continues
    // meanwhile, and a referral check for 低保 is recorded.
    t = await at('2026-09-01T09:00:00+08:00');
    await step(t.village, id, { type: 'TERMINATION_GROUND', ground: 'INCOME_OR_PROPERTY' });
    expect(await detail(t.town, id)).toMatchObject({ stage: 'ACTIVE', state: 'TERMINATION_INVESTIGATION' });
    await step(t.town, id, { type: 'PROPOSE_TERMINATION', findings: '继承房产及存款，收入超过特困条件' });
    t = await at('2026-09-10T09:00:00+08:00');
    await step(t.district, id, { type: 'DECIDE_TERMINATION', reasons: '不再符合特困人员认定条件' });
    const ended = await detail(t.district, id);
    expect(ended).toMatchObject({ stage: 'CLOSED', state: 'TERMINATED' });
    const last = ended.timeline.at(-1);
    expect(last.type).toBe('DECIDE_TERMINATION');
    expect(last.payload.referral).toMatchObject({ dibao: { eligible: expect.any(Boolean) } });
  });
});

describe('active 低保 case (§3.9)', () => {
  it('reviews, changes the amount from the facts, records a death and stops with written reasons', async () => {
    const t = await at('2026-06-15T09:00:00+08:00');
    const h = await buildHousehold(env);
    const migrated = await t.admin('POST', '/api/v1/cases/legacy', {
      reason: '原系统迁移',
      cases: [
        {
          householdId: h.id,
          scheme: 'DIBAO',
          decidedOn: '2025-12-10',
          amountFen: 100_000,
          householdSize: 2,
          netIncomeFen: 50_000 * 2 * 12,
          sourceRef: 'OLD-9',
        },
      ],
    });
    expect(migrated.statusCode, migrated.body).toBe(201);
    const id = migrated.json().created[0].id as string;
    let d = await detail(t.town, id);
    expect(d).toMatchObject({ stage: 'ACTIVE', state: 'ACTIVE', legacy: true, nextReviewOn: '2026-12-10' });
    expect(d.allowedEvents).toContain('START_REVIEW');
    expect(d.allowedEvents).not.toContain('CHANGE_AMOUNT');

    await step(t.town, id, { type: 'START_REVIEW', trigger: 'CHANGE_REPORTED' });
    // A legacy case has no assessed facts: a change needs the review's facts.
    const noFacts = await t.district('POST', `/api/v1/cases/${id}/events`, {
      type: 'CHANGE_AMOUNT',
      reason: '收入减少',
    });
    expect(noFacts.json().error.code).toBe('cases.no_facts');
    const people = await personsOf(h.id);
    const facts = {
      members: people.map((_, i) => ({
        age: 50 + i,
        relation: i === 0 ? 'head' : 'spouse',
        wageFenPerMonth: i === 0 ? 20_000 : 0,
      })),
    };
    await step(t.district, id, { type: 'CHANGE_AMOUNT', reason: '户主收入减少', facts });
    d = await detail(t.district, id);
    expect(d.state).toBe('ACTIVE');
    expect(
      d.entitlements.map((v: { version: number; effectiveFrom: string; source: string }) => [
        v.version,
        v.effectiveFrom,
        v.source,
      ]),
    ).toEqual([
      [1, '2026-01-01', 'LEGACY'],
      [2, '2026-07-01', 'ADJUSTMENT'],
    ]);
    expect(d.entitlements[1].amountFen).toBeGreaterThan(100_000);

    // A death is recorded by the village; the stop needs written reasons and is decided by the county.
    await step(t.village, id, {
      type: 'RECORD_DEATH',
      personId: people[0],
      diedOn: '2026-06-10',
      lastMember: false,
    });
    const vStop = await t.village('POST', `/api/v1/cases/${id}/events`, {
      type: 'STOP',
      reason: 'other',
      writtenReasons: '迁出',
    });
    expect(vStop.statusCode).toBe(403);
    await step(t.district, id, {
      type: 'STOP',
      reason: 'moved',
      writtenReasons: '全户迁出本区，自下月起停发',
    });
    d = await detail(t.district, id);
    expect(d).toMatchObject({ stage: 'CLOSED', state: 'STOPPED', allowedEvents: [] });
    const after = await t.district('POST', `/api/v1/cases/${id}/events`, { type: 'NOTE', note: '补记' });
    expect(after.json().error.code).toBe('cases.case_closed');
  });
});

describe('urgent temporary assistance and the reserve fund (§6.3, §6.5)', () => {
  it('pays first aid from the town fund within 24 hours, refuses it when the fund is short, and reconciles', async () => {
    let t = await at('2026-06-20T08:00:00+08:00');
    const h = await buildHousehold(env);
    const report = await t.town('POST', '/api/v1/cases/urgent', {
      householdId: h.id,
      villageCode: '370971001201',
      source: 'VILLAGE',
      cause: 'FIRE',
      summary: '房屋失火，生活用品损毁',
    });
    expect(report.statusCode, report.body).toBe(201);
    const id = report.json().id as string;
    expect(await detail(t.town, id)).toMatchObject({ state: 'REPORTED', deadline: '2026-06-21' });

    // Above the township limit (3,000 元) only the county approves (S3 Art.48).
    const over = await t.town('POST', `/api/v1/cases/${id}/events`, {
      type: 'APPROVE_FIRST_AID',
      amountFen: 400_000,
      assessment: '损失严重',
    });
    expect(over.json().error.code).toBe('cases.over_township_limit');
    await step(t.town, id, { type: 'APPROVE_FIRST_AID', amountFen: 200_000, assessment: '急需基本生活用品' });
    const short = await t.town('POST', `/api/v1/cases/${id}/events`, {
      type: 'PAY_FIRST_AID',
      amountFen: 200_000,
      method: 'TRANSFER',
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('cases.reserve_fund_short');
    expect((await detail(t.town, id)).state).toBe('FIRST_AID_APPROVED');

    const townAlloc = await t.town('POST', '/api/v1/reserve-fund/movements', {
      townCode: '370971001',
      kind: 'ALLOCATE',
      amountFen: 500_000,
      note: '拨付',
    });
    expect(townAlloc.statusCode).toBe(403);
    const alloc = await t.district('POST', '/api/v1/reserve-fund/movements', {
      townCode: '370971001',
      kind: 'ALLOCATE',
      amountFen: 500_000,
      note: '2026 年备用金',
    });
    expect(alloc.statusCode, alloc.body).toBe(201);
    await step(t.town, id, { type: 'PAY_FIRST_AID', amountFen: 200_000, method: 'TRANSFER' });
    await step(t.town, id, {
      type: 'REGULARIZE',
      recipient: '户主',
      reason: '火灾',
      amountFen: 200_000,
      signatures: ['户主', '经办人'],
    });
    const d = await detail(t.town, id);
    expect(d).toMatchObject({ state: 'REGULARIZED', deadline: null });

    const ledger = (await t.town('GET', '/api/v1/reserve-fund?townCode=370971001&month=2026-06')).json();
    expect(ledger).toMatchObject({
      balanceFen: 300_000,
      drawnFen: 200_000,
      draws: 1,
      regularized: 1,
      outstanding: [],
    });
    const otherTown = await signIn(env, 'town002');
    expect((await otherTown('GET', '/api/v1/reserve-fund?townCode=370971001&month=2026-06')).statusCode).toBe(
      404,
    );

    const tooEarly = await t.town('POST', '/api/v1/reserve-fund/reconcile', {
      townCode: '370971001',
      month: '2026-06',
      note: '',
    });
    expect(tooEarly.statusCode).toBe(400);
    t = await at('2026-07-02T09:00:00+08:00');
    const rec = await t.town('POST', '/api/v1/reserve-fund/reconcile', {
      townCode: '370971001',
      month: '2026-06',
      note: '账实相符',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const twice = await t.town('POST', '/api/v1/reserve-fund/reconcile', {
      townCode: '370971001',
      month: '2026-06',
      note: '',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('helps a non-local person where the emergency happened (§6.2)', async () => {
    const t = await at('2026-07-03T09:00:00+08:00');
    const missing = await t.town('POST', '/api/v1/cases/urgent', {
      villageCode: '370971001201',
      source: 'DISCOVERY',
      cause: 'ILLNESS',
      summary: '突发疾病',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('householdId');
    const ok = await t.town('POST', '/api/v1/cases/urgent', {
      villageCode: '370971001201',
      source: 'DISCOVERY',
      cause: 'ILLNESS',
      nonLocalHukou: true,
      personDescription: '外省务工人员，突发疾病',
      summary: '突发疾病无力支付基本生活',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const d = await detail(t.town, ok.json().id);
    expect(d).toMatchObject({ scheme: 'TEMP_URGENT', channel: 'DISCOVERY', model: { nonLocalHukou: true } });
  });
});

describe('expenditure-type temporary assistance (§6.3; S7 §二)', () => {
  it('investigates, gives the town opinion, sends large amounts to the county and pays in stages', async () => {
    const t = await at('2026-07-06T09:00:00+08:00');
    const h = await buildHousehold(env);
    const res = await t.village('POST', '/api/v1/cases/temporary', {
      householdId: h.id,
      cause: 'ILLNESS',
      summary: '家庭成员住院，自付医疗费用高',
      pledgeSigned: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await step(t.town, id, { type: 'ACCEPT' });
    await step(t.town, id, {
      type: 'INVESTIGATE',
      investigators: ['王敏', '李强'],
      perCapitaIncomeFen: 1_200_000,
      propertyMeetsLocalRule: true,
      rigidSpendingFen: 4_000_000,
    });
    await step(t.town, id, {
      type: 'TOWN_OPINION',
      recommend: true,
      proposedAmountFen: 500_000,
      reasons: '医疗支出较大',
    });
    // 5,000 元 is above the township's 3,000 元 limit: the county approves (S3 Art.48).
    const townTry = await t.town('POST', `/api/v1/cases/${id}/events`, {
      type: 'APPROVE',
      amountFen: 500_000,
    });
    expect(townTry.statusCode).toBe(409);
    await step(t.district, id, { type: 'APPROVE', amountFen: 500_000 });
    await step(t.town, id, { type: 'DISBURSE', amountFen: 300_000 });
    await step(t.town, id, { type: 'DISBURSE', amountFen: 200_000 });
    const over = await t.town('POST', `/api/v1/cases/${id}/events`, { type: 'DISBURSE', amountFen: 100 });
    expect(over.statusCode).toBe(409);
    const d = await detail(t.town, id);
    expect(d).toMatchObject({ scheme: 'TEMP_EXPENDITURE', state: 'PAID' });
    expect(d.model.disbursements).toHaveLength(2);
  });
});

describe('低保边缘 and 刚性支出 recognitions (§4; §7.2; S8)', () => {
  async function walk(scheme: 'DIBAO_EDGE' | 'RIGID', facts: Record<string, unknown>) {
    let t = await at('2026-08-03T09:00:00+08:00');
    const h = await buildHousehold(env);
    const people = await personsOf(h.id);
    const res = await t.town('POST', '/api/v1/cases/applications', {
      householdId: h.id,
      scheme,
      pledgeSigned: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await step(t.town, id, { type: 'ACCEPT' });
    await step(t.town, id, { type: 'START_INVESTIGATION' });
    for (const personId of people)
      await step(t.town, id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(t.town, id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'ON_SITE',
      findings: '核实',
      facts: {
        ...facts,
        members: people.map((_, i) => ({
          age: 50 + i,
          relation: i === 0 ? 'head' : 'spouse',
          wageFenPerMonth: i === 0 ? (facts.wage as number) : 0,
        })),
      },
    });
    await step(t.town, id, { type: 'DRAFT_OPINION', opinion: '拟认定' });
    await step(t.town, id, { type: 'PUBLISH' });
    t = await at('2026-08-12T09:00:00+08:00');
    await step(t.town, id, { type: 'PUBLICITY_ENDED' });
    await step(t.district, id, { type: 'START_COUNTY_REVIEW' });
    return { id, t };
  }

  it('recognises a 低保边缘 household for 12 months without paying it, and revokes it with reasons', async () => {
    // 2,800 元 wage − 600 元 employment cost = 1,100 元 per person: at or above the standard (urban
    // 1,000, rural 800), below 1.5 × (S1 Art.8; S6 §二).
    const { id, t } = await walk('DIBAO_EDGE', { wage: 280_000 });
    expect((await step(t.district, id, { type: 'CONFIRM' })).stage).toBe('ACTIVE');
    let d = await detail(t.district, id);
    expect(d).toMatchObject({ state: 'RECOGNIZED', nextReviewOn: '2027-08-11', entitlements: [] });
    const noReason = await t.town('POST', `/api/v1/cases/${id}/events`, { type: 'REVOKE', reasons: '' });
    expect(noReason.statusCode).toBe(400);
    await step(t.town, id, { type: 'REVOKE', reasons: '家庭收入超过低保标准 1.5 倍' });
    d = await detail(t.district, id);
    expect(d).toMatchObject({ stage: 'CLOSED', state: 'REVOKED' });
  });

  it('refuses a 刚性支出 recognition when the assessed household does not qualify, then recognises one that does', async () => {
    // No rigid spending recorded: the ratio test fails (S8 Art.4(四)).
    // 4,200 元 − 600 元 employment cost = 1,800 元 per person a month: above 1.5 × the standard (not
    // 低保边缘), below the previous year's disposable income (S8 Art.4(二)).
    const bad = await walk('RIGID', { wage: 420_000 });
    const refused = await bad.t.district('POST', `/api/v1/cases/${bad.id}/events`, { type: 'CONFIRM' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('cases.not_eligible');
    // 30,000 元 of medical costs against about 50,000 元 of income a year: ratio > 0.5.
    const ok = await walk('RIGID', {
      wage: 420_000,
      rigidSpending: [{ kind: 'medical', totalFen: 3_000_000 }],
    });
    await step(ok.t.district, ok.id, { type: 'CONFIRM' });
    expect(await detail(ok.t.district, ok.id)).toMatchObject({
      scheme: 'RIGID',
      state: 'RECOGNIZED',
      stage: 'ACTIVE',
    });
  });
});
