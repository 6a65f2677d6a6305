import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benefitQuoteInput } from '../../../contracts/benefits.ts';
import { type Api, step, teamAt } from '../../test/case-api.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { quoteBenefits } from '../benefits/benefits.usecases.ts';
import { parametersFor } from '../standards/standards.usecases.ts';

// The 低保 application procedure through the HTTP API (domain-rules §3.4–§3.7, §2.2, §2.3, S1):
// village registers on the family's behalf → town accepts, investigates (consent first, two
// investigators), opines and publishes for 7 days → county confirms → active from the next month
// with the amount the rules engine gives. Refusals change nothing.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-25T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

/** Moves the clock (sessions expire over days, so everyone signs in again). */
const at = (iso: string) => teamAt(env, iso);
const SIGNATURE = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString(
  'base64',
);

async function newApplication(village: Api, over: Record<string, unknown> = {}) {
  const h = await buildHousehold(env);
  const res = await village('POST', '/api/v1/cases/applications', {
    householdId: h.id,
    scheme: 'DIBAO',
    proxy: { type: 'VILLAGE_COMMITTEE', name: '村委会 张主任', authorizationRef: '委托书 2026-001' },
    pledgeSigned: true,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const people = await env.db
    .selectFrom('household_member')
    .select('person_id')
    .where('household_id', '=', h.id)
    .execute();
  return {
    ...(res.json() as { id: string; caseNo: string }),
    household: h,
    people: people.map((p) => p.person_id),
  };
}

const FACTS = {
  members: [
    { age: 58, relation: 'head', wageFenPerMonth: 60_000 },
    { age: 55, relation: 'spouse', wageFenPerMonth: 0 },
  ],
  financialAssetsFen: 300_000,
  vehicles: [],
  residences: 1,
  rigidSpending: [],
};

describe('低保 application through the API', () => {
  it('walks from the village proxy to an active case paid from the month after the decision', async () => {
    let { village, town, district } = await at('2026-09-25T09:00:00+08:00');
    const app = await newApplication(village);

    // §2.3: the village assists, the town accepts; another town cannot see the case at all.
    const wrongRole = await village('POST', `/api/v1/cases/${app.id}/events`, { type: 'ACCEPT' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('cases.forbidden_actor');
    const otherTown = await signIn(env, 'town002');
    expect((await otherTown('POST', `/api/v1/cases/${app.id}/events`, { type: 'ACCEPT' })).statusCode).toBe(
      404,
    );
    expect((await otherTown('GET', `/api/v1/cases/${app.id}`)).statusCode).toBe(404);

    // t0 = 2026-09-25 (Fri). 30 working days run across the National Day holiday to 2026-11-12.
    await step(town, app.id, { type: 'ACCEPT' });
    let detail = (await town('GET', `/api/v1/cases/${app.id}`)).json();
    expect(detail).toMatchObject({ state: 'ACCEPTED', deadline: '2026-09-30', overallDue: '2026-11-12' });
    expect(detail.allowedEvents).toContain('START_INVESTIGATION');
    expect(detail.allowedEvents).not.toContain('CONFIRM');

    ({ village, town, district } = await at('2026-09-28T10:00:00+08:00'));
    await step(town, app.id, { type: 'START_INVESTIGATION' });
    // §2.2: no check request before every member has signed the authorisation.
    const noConsent = await town('POST', `/api/v1/cases/${app.id}/events`, { type: 'REQUEST_CHECK' });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().error.code).toBe('cases.consent_missing');
    for (const personId of app.people)
      await step(village, app.id, {
        type: 'RECORD_CONSENT',
        personId,
        documentRef: `授权书-${personId.slice(0, 4)}`,
      });
    await step(town, app.id, { type: 'REQUEST_CHECK' });

    // S1 Art.16: two investigators; the household signs on the device.
    const one = await town('POST', `/api/v1/cases/${app.id}/events`, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏'],
      visitMode: 'ON_SITE',
      findings: '家中无劳动力',
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.details[0].field).toBe('investigators');
    await step(town, app.id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'ON_SITE',
      visitedAt: '2026-09-28T10:30:00+08:00',
      gps: { lat: 36.19, lng: 117.09, accuracyM: 12 },
      findings: '户主务农，月收入约 600 元；配偶无收入',
      facts: FACTS,
      attachments: [
        { kind: 'SIGNATURE', filename: 'signature.png', mime: 'image/png', dataBase64: SIGNATURE },
      ],
    });
    await step(town, app.id, {
      type: 'RECORD_NEIGHBOUR_VISIT',
      investigators: ['王敏', '李强'],
      findings: '邻居证实情况属实',
    });
    await step(town, app.id, { type: 'DRAFT_OPINION', opinion: '拟纳入低保' });
    await step(village, app.id, { type: 'PUBLISH' });

    // §2.1: 7 calendar days from the day after posting (2026-09-29 … 2026-10-05).
    const early = await town('POST', `/api/v1/cases/${app.id}/events`, { type: 'PUBLICITY_ENDED' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('cases.publicity_not_over');
    ({ village, town, district } = await at('2026-10-08T09:00:00+08:00'));
    await step(town, app.id, { type: 'PUBLICITY_ENDED' });
    detail = (await town('GET', `/api/v1/cases/${app.id}`)).json();
    expect(detail.state).toBe('SUBMITTED_TO_COUNTY');

    // The county confirms; the amount comes from the rules engine on the investigated facts.
    ({ village, town, district } = await at('2026-10-12T09:00:00+08:00'));
    await step(district, app.id, { type: 'START_COUNTY_REVIEW' });
    const done = await step(district, app.id, { type: 'CONFIRM', opinion: '同意纳入' });
    expect(done).toMatchObject({ stage: 'ACTIVE', state: 'ACTIVE' });
    detail = (await district('GET', `/api/v1/cases/${app.id}`)).json();
    const expected = quoteBenefits(
      benefitQuoteInput.parse({ ...FACTS, date: '2026-09-25', area: detail.area }),
      await parametersFor(env.db, '370971', '2026-11-01'),
    ).schemes.dibao;
    expect(expected.eligible).toBe(true);
    expect(detail.entitlements).toEqual([
      expect.objectContaining({
        version: 1,
        effectiveFrom: '2026-11-01',
        amountFen: expected.amountFen,
        source: 'DECISION',
      }),
    ]);
    expect(detail.currentAmountFen).toBe(expected.amountFen);
    expect(detail.nextReviewOn).toBe('2027-10-12');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'APPLY',
      'ACCEPT',
      'START_INVESTIGATION',
      ...app.people.map(() => 'RECORD_CONSENT'),
      'REQUEST_CHECK',
      'RECORD_INVESTIGATION',
      'RECORD_NEIGHBOUR_VISIT',
      'DRAFT_OPINION',
      'PUBLISH',
      'PUBLICITY_ENDED',
      'START_COUNTY_REVIEW',
      'CONFIRM',
    ]);
    const visit = detail.timeline.find((e: { type: string }) => e.type === 'RECORD_INVESTIGATION');
    expect(visit.attachments).toEqual([
      expect.objectContaining({ kind: 'SIGNATURE', filename: 'signature.png' }),
    ]);
    expect(visit.payload).toMatchObject({ visitMode: 'ON_SITE', gps: { lat: 36.19 } });
    expect(
      detail.members.every((m: { consentSignedOn: string | null }) => m.consentSignedOn === '2026-09-28'),
    ).toBe(true);

    const audit = await env.db
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', app.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('cases.confirm');
  });

  it('blocks confirmation of a close-relative case until the county has visited the home (S1 Art.11, Art.20)', async () => {
    let { village, town, district } = await at('2026-11-02T09:00:00+08:00');
    const app = await newApplication(village, { closeRelative: true });
    await step(town, app.id, { type: 'ACCEPT' });
    await step(town, app.id, { type: 'START_INVESTIGATION' });
    for (const personId of app.people)
      await step(town, app.id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(town, app.id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'VIDEO',
      findings: '视频核实',
      facts: FACTS,
    });
    await step(town, app.id, { type: 'DRAFT_OPINION', opinion: '拟纳入低保（近亲属备案）' });
    await step(town, app.id, { type: 'PUBLISH' });
    ({ village, town, district } = await at('2026-11-10T09:00:00+08:00'));
    await step(town, app.id, { type: 'PUBLICITY_ENDED' });
    await step(district, app.id, { type: 'START_COUNTY_REVIEW' });
    const list = (await district('GET', '/api/v1/cases?stage=APPLICATION')).json();
    expect(list.items.find((c: { id: string }) => c.id === app.id)).toMatchObject({ closeRelative: true });

    const blocked = await district('POST', `/api/v1/cases/${app.id}/events`, { type: 'CONFIRM' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('cases.home_visit_required');
    const still = await district('GET', `/api/v1/cases/${app.id}`);
    expect(still.json().state, still.body).toBe('COUNTY_REVIEW');
    await step(district, app.id, {
      type: 'RECORD_COUNTY_HOME_VISIT',
      investigators: ['区民政 赵', '区民政 钱'],
      visitMode: 'ON_SITE',
      findings: '入户核实无误',
    });
    await step(district, app.id, { type: 'CONFIRM' });
  });

  it('leaves the case exactly as it was when a write fails half-way through a decision', async () => {
    let { village, town, district } = await at('2026-11-16T09:00:00+08:00');
    const app = await newApplication(village);
    await step(town, app.id, { type: 'ACCEPT' });
    await step(town, app.id, { type: 'START_INVESTIGATION' });
    for (const personId of app.people)
      await step(town, app.id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(town, app.id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'PHONE',
      findings: '电话核实',
      facts: FACTS,
    });
    await step(town, app.id, { type: 'DRAFT_OPINION', opinion: '拟纳入' });
    await step(town, app.id, { type: 'PUBLISH' });
    ({ village, town, district } = await at('2026-11-25T09:00:00+08:00'));
    await step(town, app.id, { type: 'PUBLICITY_ENDED' });
    await step(district, app.id, { type: 'START_COUNTY_REVIEW' });
    const before = await snapshot(app.id);

    // The entitlement insert (the second of the decision's writes) fails: nothing may stay behind.
    await sql`
      create function fail_entitlement() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$;
      create trigger fail_entitlement before insert on entitlement for each row execute function fail_entitlement();
    `.execute(env.db);
    const failed = await district('POST', `/api/v1/cases/${app.id}/events`, { type: 'CONFIRM' });
    expect(failed.statusCode).toBe(500);
    expect(await snapshot(app.id)).toEqual(before);
    await sql`drop trigger fail_entitlement on entitlement; drop function fail_entitlement();`.execute(
      env.db,
    );
    await step(district, app.id, { type: 'CONFIRM' });
    expect((await snapshot(app.id)).row.stage).toBe('ACTIVE');
  });
});

async function snapshot(id: string) {
  const row = await env.db
    .selectFrom('assistance_case')
    .select(['state', 'stage', 'version', 'model'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await env.db.selectFrom('case_event').select('seq').where('case_id', '=', id).execute();
  const ents = await env.db.selectFrom('entitlement').select('version').where('case_id', '=', id).execute();
  const audits = await env.db.selectFrom('audit_log').select('seq').where('record_id', '=', id).execute();
  return { row, events: events.length, ents: ents.length, audits: audits.length };
}

describe('confirmation delegated to the township (S1 Art.2 ¶2; S5 §四(一))', () => {
  it('takes the level in force on the application day: 20 working days overall, the town confirms', async () => {
    let { village, town, district } = await at('2026-11-16T09:00:00+08:00');
    const admin = await signIn(env, 'admin');
    const set = await admin('POST', '/api/v1/delegations', {
      townCode: '370971001',
      scheme: 'DIBAO',
      approvalLevel: 'TOWNSHIP',
      effectiveFrom: '2026-11-01',
      reason: '区民政局授权文件（测试）',
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(
      (
        await town('POST', '/api/v1/delegations', {
          townCode: '370971001',
          scheme: 'DIBAO',
          approvalLevel: 'COUNTY',
          effectiveFrom: '2026-11-01',
          reason: '越权',
        })
      ).statusCode,
    ).toBe(403);
    const app = await newApplication(village);
    await step(town, app.id, { type: 'ACCEPT' });
    // 20 working days from Mon 2026-11-16.
    expect((await town('GET', `/api/v1/cases/${app.id}`)).json().overallDue).toBe('2026-12-14');
    await step(town, app.id, { type: 'START_INVESTIGATION' });
    for (const personId of app.people)
      await step(town, app.id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(town, app.id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'ON_SITE',
      findings: '核实',
      facts: FACTS,
    });
    await step(town, app.id, { type: 'DRAFT_OPINION', opinion: '拟纳入' });
    await step(town, app.id, { type: 'PUBLISH' });
    ({ village, town, district } = await at('2026-11-25T09:00:00+08:00'));
    await step(town, app.id, { type: 'PUBLICITY_ENDED' });
    const d = (await town('GET', `/api/v1/cases/${app.id}`)).json();
    expect(d.state).toBe('TOWNSHIP_CONFIRMATION');
    expect(d.allowedEvents).toContain('CONFIRM');
    expect((await district('POST', `/api/v1/cases/${app.id}/events`, { type: 'CONFIRM' })).statusCode).toBe(
      403,
    );
    expect((await step(town, app.id, { type: 'CONFIRM' })).stage).toBe('ACTIVE');
  });
});
