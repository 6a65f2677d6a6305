import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRunResult } from '../../../contracts/policies.ts';
import { createJobRunner } from '../../platform/jobs.ts';
import { buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { matchingJob } from './matching.jobs.ts';
import {
  buildScenario,
  matchTable,
  referralCount,
  runMatching,
  type Scenario,
  setDate,
} from './matching.test-fixtures.ts';
import { computeMatching } from './matching.usecases.ts';

// Matching runs (§9.3 "policy finds the person") on the hand-made registry of matching.test-fixtures:
// exactly the expected matches and referrals, idempotent re-runs, lapses when a household improves,
// a refusal that holds until the policy changes, the job with its progress, and the match list
// filtered by jurisdiction.

let env: TestEnv;
let s: Scenario;
type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-24T09:00:00+08:00' });
  s = await buildScenario(env);
});
afterAll(async () => {
  await env?.close();
});

async function household(api: Api, id: string) {
  const r = await api('GET', `/api/v1/households/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { version: number; members: { memberId: string; personId: string }[] };
}

describe('a matching run', () => {
  it('finds exactly the expected subjects, refers the referable ones and counts a failing expression', async () => {
    const r = await runMatching(env);
    expect(matchRunResult.parse(r)).toEqual({
      policies: 4,
      // 2 HOUSEHOLD policies × 5 households + 2 PERSON policies × 8 current members.
      subjectsEvaluated: 2 * 5 + 2 * 8,
      matched: 5,
      newMatches: 5,
      lapsed: 0,
      // A and E to 民政, C2 to 残联; D already receives 低保; WJ-ELDER is not referable.
      referralsCreated: 3,
      // A run-time error (division by zero) is counted for its policy and does not stop the run.
      evaluationErrors: [{ policyCode: 'T-BROKEN', count: 5, sample: expect.stringMatching(/\S/) }],
    });
    expect(await matchTable(env, s)).toEqual([
      'CL-REHAB C2 PUSHED',
      'MZ-DIBAO A PUSHED',
      'MZ-DIBAO D ELIGIBLE',
      'MZ-DIBAO E PUSHED',
      'WJ-ELDER B1 ELIGIBLE',
    ]);
  });

  it('a re-run on the same day creates no match and no referral', async () => {
    const r = await runMatching(env);
    expect(r).toMatchObject({ matched: 5, newMatches: 0, lapsed: 0, referralsCreated: 0 });
    expect(await referralCount(env)).toBe(3);
    expect((await matchTable(env, s)).length).toBe(5);
  });

  it('a household that improves lapses; one that matches again reopens from that day', async () => {
    setDate(env, '2026-09-28');
    const town = await as('town001');
    // B is no longer alone; D's income rises above the 低保 line.
    const b = await household(town, s.H.B!);
    const add = await town('POST', `/api/v1/households/${s.H.B}/members`, {
      ...buildPerson({ name: '王照料', relationCode: '20', idNumber: nextIdNumber('1975-06-01') }),
      expectedVersion: b.version,
      reason: '儿子回家共同生活',
    });
    expect(add.statusCode, add.body).toBe(201);
    const d = await household(town, s.H.D!);
    const raise = await town('PATCH', `/api/v1/households/${s.H.D}/members/${d.members[0]!.memberId}`, {
      monthlyIncomeFen: 900_000,
      expectedVersion: d.version,
      reason: '外出务工收入增加',
    });
    expect(raise.statusCode, raise.body).toBe(200);
    expect(await runMatching(env)).toMatchObject({
      matched: 3,
      newMatches: 0,
      lapsed: 2,
      referralsCreated: 0,
    });
    expect(await matchTable(env, s)).toEqual([
      'CL-REHAB C2 PUSHED',
      'MZ-DIBAO A PUSHED',
      'MZ-DIBAO D LAPSED',
      'MZ-DIBAO E PUSHED',
      'WJ-ELDER B1 LAPSED',
    ]);
    // The son leaves again: B1 matches again, as a new spell from today.
    setDate(env, '2026-09-29');
    const town2 = await as('town001');
    const b2 = await household(town2, s.H.B!);
    const son = b2.members.find((m) => m.personId !== s.P.B1)!;
    const leave = await town2('POST', `/api/v1/households/${s.H.B}/members/${son.memberId}/leave`, {
      expectedVersion: b2.version,
      reason: '外出务工',
    });
    expect(leave.statusCode, leave.body).toBe(200);
    expect(await runMatching(env)).toMatchObject({ newMatches: 1, lapsed: 0, referralsCreated: 0 });
    const m = await env.db
      .selectFrom('policy_match')
      .selectAll()
      .where('subject_key', '=', s.P.B1!)
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      state: 'ELIGIBLE',
      first_matched_on: '2026-09-29',
      last_matched_on: '2026-09-29',
    });
  });

  it('a refusal is final until the policy is edited; then the subject is referred again', async () => {
    const district = await as('district');
    const [a] = (await district('GET', `/api/v1/referrals?householdId=${s.H.A}`)).json().items;
    const refused = await district('POST', `/api/v1/referrals/${a.id}/answer`, {
      outcome: 'REFUSED',
      reason: '家庭有经营性收入未申报',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await runMatching(env)).toMatchObject({ referralsCreated: 0 });
    expect(await matchTable(env, s)).toContain('MZ-DIBAO A REFUSED');
    // A new version of the policy may judge differently: the refused subject is referred again.
    setDate(env, '2026-09-30');
    const district2 = await as('district');
    await env.db
      .updateTable('policy')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: env.clock.now() }))
      .where('id', '=', s.POL['MZ-DIBAO']!)
      .execute();
    expect(await runMatching(env)).toMatchObject({ referralsCreated: 1 });
    const again = (await district2('GET', `/api/v1/referrals?householdId=${s.H.A}`)).json().items;
    expect(again.map((r: { state: string }) => r.state).sort()).toEqual(['PENDING', 'REFUSED']);
    expect(await matchTable(env, s)).toContain('MZ-DIBAO A PUSHED');
  });

  it('matches of a deactivated policy lapse', async () => {
    await env.db.updateTable('policy').set({ active: false }).where('id', '=', s.POL['WJ-ELDER']!).execute();
    expect(await runMatching(env)).toMatchObject({ policies: 3, lapsed: 1 });
    expect(await matchTable(env, s)).toContain('WJ-ELDER B1 LAPSED');
    await env.db.updateTable('policy').set({ active: true }).where('id', '=', s.POL['WJ-ELDER']!).execute();
  });
});

describe('the job and the match list', () => {
  it('the district starts a run as a job; a second start while it waits returns the same job', async () => {
    setDate(env, '2026-10-08');
    expect((await (await as('town001'))('POST', '/api/v1/policies/match-runs')).statusCode).toBe(403);
    const district = await as('district');
    const first = await district('POST', '/api/v1/policies/match-runs');
    expect(first.statusCode, first.body).toBe(202);
    const second = await district('POST', '/api/v1/policies/match-runs');
    expect(second.json().jobId).toBe(first.json().jobId);
    const runner = createJobRunner({ db: env.db, clock: env.clock, definitions: [matchingJob(env)] });
    await runner.drain();
    const job = await env.db
      .selectFrom('job')
      .selectAll()
      .where('id', '=', first.json().jobId)
      .executeTakeFirstOrThrow();
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(matchRunResult.parse(job.result)).toMatchObject({
      policies: 4,
      newMatches: 1,
      referralsCreated: 0,
    });
    expect(job.progress_done).toBe(5);
    // The checkpoint (written with each batch) holds where the run got to and what it counted.
    expect(job.checkpoint).toMatchObject({ runOn: '2026-10-08', done: 5, counts: { newMatches: 1 } });
    // The run's date is the one it was started on: today's matches were touched.
    const touched = await env.db.selectFrom('policy_match').select('last_matched_on').execute();
    expect(touched.some((m) => m.last_matched_on === '2026-10-08')).toBe(true);
  });

  it('a resumed run starts after its checkpoint and keeps the counts it had', async () => {
    const last = await env.db
      .selectFrom('household')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const counts = { subjectsEvaluated: 7, matched: 3, newMatches: 2, lapsed: 0, referralsCreated: 1 };
    const r = await computeMatching(
      env,
      {
        countyCode: '370971',
        jobId: null,
        checkpoint: { runOn: '2026-10-08', after: last.id, done: 5, counts, errors: {} },
      },
      '2026-10-08',
    );
    expect(r).toEqual({ policies: 4, ...counts, evaluationErrors: [] });
  });

  it('the match list shows masked names within the caller’s jurisdiction', async () => {
    const district = await as('district');
    const all = await district('GET', '/api/v1/policies/matches?pageSize=200');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().total).toBe(5);
    for (const m of all.json().items) expect(m.personName).toMatch(/\*/);
    const town1 = (await (await as('town001'))('GET', '/api/v1/policies/matches')).json();
    expect(town1.items.map((m: { householdId: string }) => m.householdId)).not.toContain(s.H.E);
    expect(town1.total).toBe(4);
    const town2 = (await (await as('town002'))('GET', '/api/v1/policies/matches')).json();
    expect(town2.items.map((m: { householdId: string }) => m.householdId)).toEqual([s.H.E]);
    const pushed = (
      await district('GET', `/api/v1/policies/matches?policyId=${s.POL['MZ-DIBAO']}&state=PUSHED`)
    ).json();
    expect(pushed.items.map((m: { householdId: string }) => m.householdId).sort()).toEqual(
      [s.H.A, s.H.E].sort(),
    );
    expect(pushed.items[0]).toMatchObject({ policyCode: 'MZ-DIBAO', departmentCode: 'CIVIL_AFFAIRS' });
    expect((await (await as('liaison'))('GET', '/api/v1/policies/matches')).statusCode).toBe(403);
  });
});
