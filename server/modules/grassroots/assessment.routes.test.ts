import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { DEFAULT_WEIGHTS, metricScores, totalCenti } from './assessment.models.ts';

// The monthly assessment of October 2026 (§9.6): the automatic metrics from seeded alerts, case
// reviews and complaints (on time vs late, see metrics.repository.ts), the town's five scores with
// reasons, confirmation, ranks in the town and the district, jurisdiction (a town cannot score another
// town's assistant) and what an assistant sees (only their own confirmed scores, with the reasons).

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const api: Record<string, Api> = {};
const as = async (u: string) => {
  api[u] ??= await signIn(env, u);
  return api[u] as Api;
};
const V1 = '370971001201';
const V2 = '370971001202';
let V3: string;
const post: Record<string, string> = {};

async function seedAlert(o: {
  village: string;
  due: string;
  verified?: string | null;
  type?: string;
  raised?: string;
  escalated?: boolean;
}) {
  const at = new Date();
  await env.db
    .insertInto('alert')
    .values({
      county_code: '370971',
      rule_code: 'GR_TEST',
      alert_type: o.type ?? 'DEATH',
      category: 'SUSPICIOUS',
      town_code: o.village.slice(0, 9),
      village_code: o.village,
      assignee_level: o.escalated ? 'TOWN' : 'VILLAGE',
      assignee_code: o.escalated ? o.village.slice(0, 9) : o.village,
      state: o.verified ? 'VERIFIED' : 'ASSIGNED',
      raised_on: o.raised ?? '2026-09-25',
      due_on: o.due,
      verified_on: o.verified ?? null,
      escalated_on: o.escalated ? o.due : null,
      evidence: '{}',
      evidence_key: `${o.village}:${o.due}:${Math.random()}`,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-29T10:00:00+08:00' });
  V3 = (
    await env.db
      .selectFrom('admin_unit')
      .select('code')
      .where('level', '=', 'village')
      .where('code', 'like', '370971002%')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  const t1 = await as('town001');
  for (const [v, user, name] of [
    [V1, 'v001201', '李协理'],
    [V2, 'v001202', '王协理'],
  ] as const) {
    const r = await t1('POST', '/api/v1/assistants/posts', {
      villageCode: v,
      userId: env.users[user]?.userId,
      holderName: name,
      fromOn: '2025-01-01',
    });
    post[v] = r.json().id;
  }
  post[V3] = (
    await (
      await as('town002')
    )('POST', '/api/v1/assistants/posts', { villageCode: V3, holderName: '陈协理', fromOn: '2025-01-01' })
  ).json().id;
});
afterAll(async () => {
  await env?.close();
});

describe('automatic metrics from the records (October 2026)', () => {
  it('counts alerts, reviews, data-quality errors and complaints on time vs late', async () => {
    await env.db
      .insertInto('alert_rule')
      .values({
        county_code: '370971',
        code: 'GR_TEST',
        alert_type: 'DEATH',
        category: 'SUSPICIOUS',
        kind: 'LIKELY_EXIT',
        population: 'RECIPIENTS',
        sla_wd: 10,
        legal_basis: 'test',
        name_zh: '测试',
        name_en: 'test',
        updated_by: null,
        updated_at: new Date(),
      })
      .execute();
    await seedAlert({ village: V1, due: '2026-10-10', verified: '2026-10-09' }); // on time
    await seedAlert({ village: V1, due: '2026-10-20', verified: '2026-10-20' }); // on time (on the due day)
    await seedAlert({ village: V1, due: '2026-10-20', verified: '2026-10-25' }); // late
    await seedAlert({ village: V1, due: '2026-10-28' }); // never verified: late
    await seedAlert({ village: V1, due: '2026-10-05', escalated: true }); // escalated from the village: late
    await seedAlert({ village: V1, due: '2026-09-30', verified: '2026-10-02' }); // due in September: not October's
    await seedAlert({ village: V1, due: '2026-11-10', type: 'DATA_INTEGRITY', raised: '2026-10-03' }); // 数据完整性
    await seedAlert({ village: V2, due: '2026-10-15', verified: '2026-10-01' });

    // Two 低保 cases of V1 whose six-monthly reviews fall due in October (S1 Art.31, UNSTABLE = 6 months).
    const admin = await as('admin');
    const households = [await buildHousehold(env), await buildHousehold(env)];
    const legacy = await admin('POST', '/api/v1/cases/legacy', {
      reason: '原系统数据迁移',
      cases: households.map((h, i) => ({
        householdId: h.id,
        scheme: 'DIBAO',
        decidedOn: i === 0 ? '2026-04-15' : '2026-04-20',
        amountFen: 50_000,
        householdSize: 2,
        stability: 'UNSTABLE',
        sourceRef: `GR-${i}`,
      })),
    });
    expect(legacy.statusCode, legacy.body).toBe(201);
    const [c1, c2] = legacy.json().created.map((c: { id: string }) => c.id) as [string, string];
    const due = await env.db
      .selectFrom('assistance_case')
      .select(['id', 'next_review_on'])
      .where('id', 'in', [c1, c2])
      .execute();
    expect(due.map((d) => d.next_review_on).sort()).toEqual(['2026-10-15', '2026-10-20']);
    // The daily job's reminder for the same due date counts once.
    await env.db
      .insertInto('case_reminder')
      .values({
        county_code: '370971',
        case_id: c1,
        kind: 'REVIEW_DUE',
        due_on: '2026-10-15',
        raised_on: '2026-09-15',
        town_code: '370971001',
        village_code: V1,
      })
      .execute();
    const town = await as('town001');
    const visit = (id: string, at: string) =>
      town('POST', `/api/v1/cases/${id}/events`, {
        type: 'RECORD_NEIGHBOUR_VISIT',
        at,
        investigators: ['李协理', '镇民政办 刘'],
        findings: '入户走访，家庭情况无明显变化',
      });
    expect((await visit(c1, '2026-10-10')).statusCode).toBe(200); // before the due date: on time
    expect((await visit(c2, '2026-10-25')).statusCode).toBe(200); // after it: late

    const complaint = (substantiated: boolean) =>
      town('POST', '/api/v1/assistants/complaints', {
        postId: post[V1],
        receivedOn: '2026-10-12',
        channel: 'HOTLINE_12349',
        summary: '群众反映协理员入户态度生硬',
        substantiated,
        finding: substantiated ? '经核实属实，已批评教育' : '经核实不属实',
      });
    expect((await complaint(true)).statusCode).toBe(201);
    expect((await complaint(false)).statusCode).toBe(201);

    const early = await town('POST', '/api/v1/assistants/assessments/2026-11/open');
    expect(early.json().error.code).toBe('assistants.month_not_ended');
    const open = await town('POST', '/api/v1/assistants/assessments/2026-10/open');
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().written).toBe(2); // town 001's two assistants; town 002's are not its to open
    const items = (await town('GET', '/api/v1/assistants/assessments?month=2026-10')).json().items;
    const a1 = items.find((x: { postId: string }) => x.postId === post[V1]);
    expect(a1.raw).toEqual({
      reviewsOnTime: 1,
      reviewsLate: 1,
      alertsOnTime: 2,
      alertsLate: 3,
      dqIntegrityAlerts: 1,
      dqCorrections: 0,
      complaints: 1,
    });
    expect(a1.metricScores).toEqual({ visits: 50, alerts: 40, quality: 90, complaints: 75 });
    expect(a1.weights).toEqual(DEFAULT_WEIGHTS);
    expect(a1.status).toBe('DRAFT');
    expect(items.find((x: { postId: string }) => x.postId === post[V2]).raw.alertsOnTime).toBe(1);
  });
});

describe('scores, confirmation, ranks and who sees what', () => {
  const sc = (n: number) =>
    Object.fromEntries(
      ['de', 'neng', 'qin', 'ji', 'lian'].map((d) => [d, { score: n, reason: `${d} 评定理由` }]),
    );

  it('a town scores its own assistants only; the total and ranks follow the pure model', async () => {
    const t1 = await as('town001');
    const t2 = await as('town002');
    expect((await t2('POST', '/api/v1/assistants/assessments/2026-10/open')).json().written).toBe(1);
    const cross = await t2('PUT', `/api/v1/assistants/assessments/2026-10/${post[V1]}/scores`, sc(90));
    expect(cross.statusCode).toBe(404);
    const noReason = await t1('PUT', `/api/v1/assistants/assessments/2026-10/${post[V1]}/scores`, {
      ...sc(90),
      de: { score: 90, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('de.reason');
    const v1 = await t1('PUT', `/api/v1/assistants/assessments/2026-10/${post[V1]}/scores`, sc(90));
    expect(v1.statusCode, v1.body).toBe(200);
    const expected = totalCenti(
      { de: 90, neng: 90, qin: 90, ji: 90, lian: 90 },
      metricScores(v1.json().raw),
      DEFAULT_WEIGHTS,
    );
    expect(v1.json().total).toBe(expected / 100);
    await t1('PUT', `/api/v1/assistants/assessments/2026-10/${post[V2]}/scores`, sc(95));
    await t2('PUT', `/api/v1/assistants/assessments/2026-10/${post[V3]}/scores`, sc(95));
    // V2 and V3: all metrics at 100 (V2's one alert on time) and the same scores → a tie for first.
    const district = (
      await (
        await as('district')
      )('GET', '/api/v1/assistants/assessments?month=2026-10')
    ).json().items;
    const rank = (id: string | undefined) => district.find((x: { postId: string }) => x.postId === id);
    expect(rank(post[V2])).toMatchObject({ rankDistrict: 1, rankTown: 1, total: 96.75 });
    expect(rank(post[V3])).toMatchObject({ rankDistrict: 1, rankTown: 1, total: 96.75 });
    expect(rank(post[V1])).toMatchObject({ rankDistrict: 3, rankTown: 2 });
  });

  it('confirmation needs the five scores and freezes them; the assistant sees only their own, with reasons', async () => {
    const t1 = await as('town001');
    const v1 = await as('v001201');
    const v2 = await as('v001202');
    expect((await v1('GET', '/api/v1/assistants/assessments?month=2026-10')).json().items).toEqual([]);
    const ok = await t1('POST', `/api/v1/assistants/assessments/2026-10/${post[V1]}/confirm`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'CONFIRMED', confirmedByName: 'town001 测试' });
    const again = await t1('PUT', `/api/v1/assistants/assessments/2026-10/${post[V1]}/scores`, sc(100));
    expect(again.json().error.code).toBe('assistants.assessment_confirmed');
    const mine = (await v1('GET', '/api/v1/assistants/assessments/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ postId: post[V1], scores: { de: { score: 90, reason: 'de 评定理由' } } });
    expect((await v1('GET', '/api/v1/assistants/assessments?month=2026-10')).json().items).toHaveLength(1);
    expect((await v2('GET', '/api/v1/assistants/assessments?month=2026-10')).json().items).toEqual([]); // a draft
    expect(
      (await v1('PUT', `/api/v1/assistants/assessments/2026-10/${post[V1]}/scores`, sc(100))).statusCode,
    ).toBe(403);
    // The unscored cannot be confirmed: a fresh month for V3 has metrics but no scores.
    await env.db
      .updateTable('monthly_assessment')
      .set({ scores: null })
      .where('post_id', '=', post[V3] as string)
      .execute();
    const missing = await (await as('town002'))(
      'POST',
      `/api/v1/assistants/assessments/2026-10/${post[V3]}/confirm`,
    );
    expect(missing.json().error.code).toBe('assistants.scores_missing');
    // The town saves its whole table at once and confirms every scored draft of its jurisdiction.
    const t2 = await as('town002');
    const batch = await t2('PUT', '/api/v1/assistants/assessments/2026-10/scores', {
      items: [{ postId: post[V3], scores: sc(88) }],
    });
    expect(batch.json()).toEqual({ saved: 1 });
    expect((await t2('POST', '/api/v1/assistants/assessments/2026-10/confirm', {})).json()).toEqual({
      confirmed: 1,
    });
    const crossBatch = await t2('PUT', '/api/v1/assistants/assessments/2026-10/scores', {
      items: [{ postId: post[V2], scores: sc(10) }],
    });
    expect(crossBatch.statusCode).toBe(404);
  });

  it('the trend gives the assistant’s line and town averages by month', async () => {
    const res = await (await as('district'))('GET', `/api/v1/assistants/trend?to=2026-10&postId=${post[V1]}`);
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json();
    expect(t.months).toHaveLength(12);
    expect(t.months.at(-1)).toBe('2026-10');
    expect(t.series.map((x: { key: string }) => x.key)).toEqual([
      `post:${post[V1]}`,
      'town:370971001',
      'town:370971002',
      'district',
    ]);
    expect(t.series[0].values.slice(0, 11).every((v: number | null) => v === null)).toBe(true);
  });
});
