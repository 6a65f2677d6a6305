import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../platform/jobs.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { migrateLegacyCases } from '../cases/legacy.usecases.ts';
import { deliverFeed, feedDeps } from '../feeds/feeds.usecases.ts';
import { monitoringJobs } from './monitoring.jobs.ts';

// The monitoring API through app.inject: a feed delivered by a department raises alerts in a
// comparison run (a job with progress); the village assistant works their alert; the district sees
// the on-time rate change; the rules are data a district administrator edits.

let env: TestEnv;
let idNumber: string;
const runner = () => createJobRunner({ db: env.db, clock: env.clock, definitions: monitoringJobs(env) });

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-02T10:00:00+08:00' });
  idNumber = nextIdNumber('1950-01-01');
  const hh = await buildHousehold(env, { members: [buildPerson({ idNumber, monthlyIncomeFen: 0 })] });
  await migrateLegacyCases(env, env.ctx('admin'), {
    reason: '原系统数据迁移（测试）',
    cases: [
      { householdId: hh.id, scheme: 'DIBAO', decidedOn: '2026-01-05', amountFen: 50_000, sourceRef: 'R-1' },
    ],
  });
});
afterAll(async () => {
  await env?.close();
});

describe('monitoring API', () => {
  it('a feed upload, a comparison job, a visit and the district’s on-time rate', async () => {
    const district = await signIn(env, 'district');
    const village = await signIn(env, 'v001201');
    // The department's delivery goes through the feeds module (§8.2 殡葬 data).
    await deliverFeed(
      feedDeps(env),
      { kind: 'user', ctx: env.ctx('district') },
      'DEATH',
      [{ idNumber, diedOn: '2026-10-20' }],
      {
        channel: 'API',
      },
    );
    const started = await district('POST', '/api/v1/monitoring/runs');
    expect(started.statusCode, started.body).toBe(202);
    const { runId, jobId } = started.json();
    await runner().drain();
    const job = (await district('GET', `/api/v1/jobs/${jobId}`)).json();
    expect(job).toMatchObject({ status: 'succeeded', progressDone: job.progressTotal });
    const runs = (await district('GET', '/api/v1/monitoring/runs')).json().items;
    expect(runs[0]).toMatchObject({ id: runId, status: 'SUCCEEDED', counts: { DEATH_RECORD: 1 } });

    const list = await village('GET', '/api/v1/alerts?type=DEATH&open=true');
    expect(list.statusCode, list.body).toBe(200);
    const [alert] = list.json().items;
    expect(alert).toMatchObject({
      state: 'ASSIGNED',
      alertType: 'DEATH',
      personIdMask: expect.stringContaining('*'),
    });
    const before = (await district('GET', '/api/v1/monitoring/dashboard')).json();
    expect(before.onTime).toMatchObject({ onTime: 0, pending: 1, rate: null });

    const v = await village('POST', `/api/v1/alerts/${alert.id}/verify`, {
      method: 'VISIT',
      findings: '入户核实，户主已于10月20日去世',
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({
      state: 'VERIFIED',
      evidence: { source: 'DEATH', fields: { diedOn: '2026-10-20' } },
    });
    const after = (await district('GET', '/api/v1/monitoring/dashboard')).json();
    expect(after.onTime).toMatchObject({ onTime: 1, late: 0, rate: 1 });
    expect(after.byType).toContainEqual({ type: 'DEATH', open: 1, total: 1 });

    const again = await village('POST', `/api/v1/alerts/${alert.id}/verify`, {
      method: 'VISIT',
      findings: '再次核实',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'alerts.not_verifiable',
      messageEn: expect.any(String),
    });
    expect((await village('GET', '/api/v1/monitoring/dashboard')).statusCode).toBe(403);
    const pop = (await district('GET', '/api/v1/monitoring/population')).json();
    expect(pop).toMatchObject({ total: 1, byCategory: { DIBAO: 1 } });
  });

  it('a second run while one is running is refused; a re-run adds nothing', async () => {
    const district = await signIn(env, 'district');
    const a = await district('POST', '/api/v1/monitoring/runs');
    const b = await district('POST', '/api/v1/monitoring/runs');
    expect([a.statusCode, b.statusCode]).toEqual([202, 409]);
    await runner().drain();
    const run = (await district('GET', '/api/v1/monitoring/runs')).json().items[0];
    expect(run).toMatchObject({ status: 'SUCCEEDED', raised: 0 });
    await expect((await signIn(env, 'v001201'))('POST', '/api/v1/monitoring/runs')).resolves.toMatchObject({
      statusCode: 403,
    });
  });

  it('rules: listed for handlers, changed and added by the district administrator only', async () => {
    const admin = await signIn(env, 'admin');
    const town = await signIn(env, 'town001');
    const rules = (await town('GET', '/api/v1/alert-rules')).json().items;
    expect(rules.length).toBe(24); // 22 data rules + the 2 care rules (§5.4, raised by the care module)
    expect(rules.find((r: { code: string }) => r.code === 'TAX_INCOME')).toMatchObject({
      slaWd: 10,
      enabled: true,
      kind: 'FIELD_THRESHOLD',
    });
    expect((await town('PATCH', '/api/v1/alert-rules/TAX_INCOME', { enabled: false })).statusCode).toBe(403);
    const patched = await admin('PATCH', '/api/v1/alert-rules/TAX_INCOME', {
      slaWd: 5,
      conditions: [{ field: 'incomeFen', op: 'gte', value: 800_000 }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ slaWd: 5, version: 2, conditions: [{ value: 800_000 }] });
    const builtIn = await admin('PATCH', '/api/v1/alert-rules/LIKELY_ENTER', { conditions: [] });
    expect(builtIn.statusCode).toBe(400);
    const bad = await admin('POST', '/api/v1/alert-rules', {
      code: 'TAX_TEXT',
      alertType: 'TAX',
      source: 'TAX',
      conditions: [{ field: 'item', op: 'eq', value: '工资' }],
      population: 'RECIPIENTS',
      legalBasis: '测试',
      nameZh: '文本字段',
      nameEn: 'text field',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'conditions.0' });
    const ok = await admin('POST', '/api/v1/alert-rules', {
      code: 'SECURITIES_FUNDS',
      alertType: 'FINANCIAL_ASSETS',
      source: 'SECURITIES',
      conditions: [{ field: 'fundsFen', op: 'gt', value: 3_000_000 }],
      population: 'RECIPIENTS',
      latestOnly: true,
      legalBasis: 'S1 第十七条 证券',
      nameZh: '基金市值超过阈值',
      nameEn: 'Funds above the threshold',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ builtIn: false, category: 'SUSPICIOUS', latestOnly: true });
  });
});
