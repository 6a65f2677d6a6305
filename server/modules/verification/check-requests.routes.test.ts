import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoChecks } from '../../../demo/verification.ts';
import { step, teamAt } from '../../test/case-api.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { consentAll, investigatingDibao } from './check-test-helpers.ts';

// Check requests (domain-rules §8.3, §2.2, §3.5): no check of anyone without a signed authorisation,
// whether asked by the case's REQUEST_CHECK step or directly; the county's start-by date is 3
// working days after the request (S1 Art.17), counted on the holiday calendar.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-29T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

const requestsOf = async (caseId: string) =>
  env.db.selectFrom('check_request').selectAll().where('case_id', '=', caseId).execute();

describe('consent blocks every check request (§2.2; S1 Art.9(三); S2 Art.10)', () => {
  it('refuses REQUEST_CHECK until every member has signed, and creates no request', async () => {
    const t = await teamAt(env, '2026-09-29T09:00:00+08:00');
    const app = await investigatingDibao(env, t);
    // Only the head has signed: the spouse's missing authorisation blocks the step.
    await step(t.village, app.id, {
      type: 'RECORD_CONSENT',
      personId: app.people[0],
      documentRef: '授权书-1',
    });
    const refused = await t.town('POST', `/api/v1/cases/${app.id}/events`, { type: 'REQUEST_CHECK' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('cases.consent_missing');
    expect(await requestsOf(app.id)).toEqual([]);

    await step(t.village, app.id, {
      type: 'RECORD_CONSENT',
      personId: app.people[1],
      documentRef: '授权书-2',
    });
    await step(t.town, app.id, { type: 'REQUEST_CHECK' });
    const [req, ...more] = await requestsOf(app.id);
    expect(more).toEqual([]);
    // 2026-09-29 (Tue) + 3 working days: 09-30, then the National Day holiday (10-01 … 10-07), 10-08, 10-09.
    expect(req).toMatchObject({
      purpose: 'NEW_APPLICATION',
      status: 'REQUESTED',
      requested_on: '2026-09-29',
      start_by: '2026-10-09',
      town_code: '370971001',
      case_event_seq: 6,
    });
    expect((req!.subjects as { personId: string; consentRef: string }[]).map((s) => s.consentRef)).toEqual([
      '授权书-1',
      '授权书-2',
    ]);
    const detail = (await t.town('GET', `/api/v1/cases/${app.id}`)).json();
    expect(detail.timeline.find((e: { seq: number }) => e.seq === 6).type).toBe('REQUEST_CHECK');
  });

  it('refuses a direct request (alert, review, another province) for a subject without consent', async () => {
    const t = await teamAt(env, '2026-09-29T10:00:00+08:00');
    const app = await investigatingDibao(env, t);
    await step(t.village, app.id, {
      type: 'RECORD_CONSENT',
      personId: app.people[0],
      documentRef: '授权书-1',
    });
    const refused = await t.district('POST', '/api/v1/check-requests', {
      caseId: app.id,
      purpose: 'ALERT_VERIFY',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'checks.consent_missing',
      details: { persons: ['刘*对'] },
    });
    // Only the consenting person: allowed.
    const one = await t.district('POST', '/api/v1/check-requests', {
      caseId: app.id,
      purpose: 'ALERT_VERIFY',
      personIds: [app.people[0]],
      note: '预警：名下新增车辆',
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json().startBy).toBe('2026-10-09');
    // Someone who is not on the case cannot be checked through it.
    const stranger = await t.district('POST', '/api/v1/check-requests', {
      caseId: app.id,
      purpose: 'OTHER_PROVINCE_REQUEST',
      personIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(stranger.json().error.code).toBe('checks.not_case_subject');
    await consentAll(t.village, app);
    const all = await t.town('POST', '/api/v1/check-requests', {
      caseId: app.id,
      purpose: 'OTHER_PROVINCE_REQUEST',
    });
    expect(all.statusCode, all.body).toBe(201);
    const list = (await t.town('GET', `/api/v1/cases/${app.id}/check-requests`)).json().items;
    expect(list.map((r: { purpose: string }) => r.purpose)).toEqual([
      'OTHER_PROVINCE_REQUEST',
      'ALERT_VERIFY',
    ]);
    expect(list[0].subjects.map((s: { nameMask: string }) => s.nameMask)).toEqual(['张*对', '刘*对']);
    // A village assistant may not file checks; another town does not see the case.
    expect(
      (await t.village('POST', '/api/v1/check-requests', { caseId: app.id, purpose: 'ALERT_VERIFY' }))
        .statusCode,
    ).toBe(403);
    const town2 = await signIn(env, 'town002');
    expect(
      (await town2('POST', '/api/v1/check-requests', { caseId: app.id, purpose: 'ALERT_VERIFY' })).statusCode,
    ).toBe(404);
    expect((await town2('GET', `/api/v1/cases/${app.id}/check-requests`)).statusCode).toBe(404);
  });

  it('checks a 特困 applicant and the legal supporters, listed as supporters', async () => {
    const t = await teamAt(env, '2026-09-29T11:00:00+08:00');
    const app = await investigatingDibao(env, t);
    // The second person applies alone for 特困, with the first named as legal supporter (S2 Art.10).
    const hh = await env.db
      .selectFrom('assistance_case')
      .select('household_id')
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    const res = await t.town('POST', '/api/v1/cases/applications', {
      householdId: hh.household_id,
      scheme: 'TEKUN',
      subjectPersonId: app.people[1],
      supporterPersonIds: [app.people[0]],
      pledgeSigned: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await step(t.town, id, { type: 'ACCEPT' });
    await step(t.town, id, { type: 'RECORD_CONSENT', personId: app.people[1], documentRef: '申请人授权书' });
    const refused = await t.town('POST', `/api/v1/cases/${id}/events`, { type: 'REQUEST_CHECK' });
    expect(refused.json().error.code).toBe('cases.consent_missing');
    await step(t.town, id, { type: 'RECORD_CONSENT', personId: app.people[0], documentRef: '义务人授权书' });
    await step(t.town, id, { type: 'REQUEST_CHECK' });
    const [req] = await requestsOf(id);
    expect(req?.start_by).toBe('2026-10-09');
    expect(req?.subjects).toEqual([
      expect.objectContaining({ personId: app.people[1], kind: 'MEMBER', consentRef: '申请人授权书' }),
      expect.objectContaining({ personId: app.people[0], kind: 'SUPPORTER', consentRef: '义务人授权书' }),
    ]);
  });

  it('the demo starts every waiting check of an open application and reports version 1', async () => {
    await runDemoChecks(env);
    const rows = await env.db.selectFrom('check_request').select(['status', 'started_late']).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'REPORTED' && r.started_late === false)).toBe(true);
    // The demo puts the clock back where it found it.
    expect(env.clock.now().toISOString().slice(0, 13)).toBe('2026-09-29T03');
  });
});
