import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { DEFAULT_WEIGHTS } from './assessment.models.ts';

// The grassroots network through the API (§9.6, §2.3): one assistant per village with history, the
// October 2026 metrics from seeded alerts, cases and complaints (on time vs late), the town's scores,
// confirmation and ranks, who may see and score what, and weights that must sum to 100 %.

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const api: Record<string, Api> = {};
const as = async (u: string) => {
  api[u] ??= await signIn(env, u);
  return api[u] as Api;
};
const V1 = '370971001201';
const V2 = '370971001202';
let V3: string; // a village of town 002
let postA: string; // the previous holder of V1
let postB: string; // the current holder of V1 (account v001201)
let postV2: string;
let postV3: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-29T10:00:00+08:00' });
  const v = await env.db
    .selectFrom('admin_unit')
    .select('code')
    .where('level', '=', 'village')
    .where('code', 'like', '370971002%')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  V3 = v.code;
});
afterAll(async () => {
  await env?.close();
});

describe('roster: one holder per village, history kept', () => {
  it('a town appoints; a second open post for the village is refused; a handover keeps the history', async () => {
    const town = await as('town001');
    const a = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V1,
      holderName: '张前任',
      fromOn: '2025-01-01',
    });
    expect(a.statusCode, a.body).toBe(201);
    postA = a.json().id;
    const second = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V1,
      holderName: '赵重复',
      fromOn: '2026-02-01',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('assistants.post_occupied');

    const b = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V1,
      userId: env.users.v001201?.userId,
      holderName: '李协理',
      fromOn: '2026-03-01',
      replaceCurrent: true,
      endReason: '调任村委会主任',
    });
    expect(b.statusCode, b.body).toBe(201);
    postB = b.json().id;
    const list = (await town('GET', '/api/v1/assistants/posts')).json().items as {
      id: string;
      toOn: string | null;
    }[];
    expect(list.filter((p) => [postA, postB].includes(p.id))).toEqual([
      expect.objectContaining({ id: postB, toOn: null }),
      expect.objectContaining({ id: postA, toOn: '2026-02-28' }),
    ]);

    // The database itself refuses a second open post (the partial unique index), whatever the code does.
    await expect(
      env.db
        .insertInto('assistant_post')
        .values({
          county_code: '370971',
          town_code: '370971001',
          village_code: V1,
          user_id: null,
          holder_name: '绕过',
          from_on: '2026-05-01',
          created_by: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .execute(),
    ).rejects.toThrow(/assistant_post_one_open|duplicate key/);

    const wrongAccount = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V2,
      userId: env.users.v001201?.userId,
      holderName: '王某',
      fromOn: '2025-01-01',
    });
    expect(wrongAccount.statusCode).toBe(400);
    expect(wrongAccount.json().error.details[0].field).toBe('userId');
    const v2 = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V2,
      userId: env.users.v001202?.userId,
      holderName: '王协理',
      fromOn: '2025-01-01',
    });
    postV2 = v2.json().id;

    // Another town's village is outside town 001's jurisdiction; town 002 appoints its own.
    const outside = await town('POST', '/api/v1/assistants/posts', {
      villageCode: V3,
      holderName: '越权',
      fromOn: '2025-01-01',
    });
    expect(outside.statusCode).toBe(400);
    const t2 = await as('town002');
    const v3 = await t2('POST', '/api/v1/assistants/posts', {
      villageCode: V3,
      holderName: '陈协理',
      fromOn: '2025-06-01',
    });
    expect(v3.statusCode, v3.body).toBe(201);
    postV3 = v3.json().id;
    expect(((await t2('GET', '/api/v1/assistants/posts')).json().items as unknown[]).length).toBe(1);
    expect(
      (
        await (
          await as('v001201')
        )('POST', '/api/v1/assistants/posts', { villageCode: V1, holderName: '自聘', fromOn: '2026-06-01' })
      ).statusCode,
    ).toBe(403);
  });
});

describe('complaints against assistants: the town records and lists its own (§2.3, S1 Art.37)', () => {
  it('lists a recorded complaint newest first for its town, filters by post, hides it from other towns and villages', async () => {
    const town = await as('town001');
    const body = (postId: string, receivedOn: string, substantiated: boolean) => ({
      postId,
      receivedOn,
      channel: 'HOTLINE_12349',
      summary: '群众反映入户走访不及时',
      substantiated,
      finding: substantiated ? '经核实属实，已批评教育' : '经核实不属实',
    });
    expect(
      (await town('POST', '/api/v1/assistants/complaints', body(postB, '2026-10-12', true))).statusCode,
    ).toBe(201);
    expect(
      (await town('POST', '/api/v1/assistants/complaints', body(postV2, '2026-11-02', false))).statusCode,
    ).toBe(201);
    const all = (await town('GET', '/api/v1/assistants/complaints')).json().items;
    expect(all.map((c: { receivedOn: string }) => c.receivedOn)).toEqual(['2026-11-02', '2026-10-12']);
    expect(all[1]).toMatchObject({
      postId: postB,
      villageCode: V1,
      substantiated: true,
      channel: 'HOTLINE_12349',
    });
    const one = (await town('GET', `/api/v1/assistants/complaints?postId=${postV2}`)).json().items;
    expect(one).toHaveLength(1);
    const october = (await town('GET', '/api/v1/assistants/complaints?from=2026-10-01&to=2026-10-31')).json()
      .items;
    expect(october).toHaveLength(1);
    expect((await (await as('town002'))('GET', '/api/v1/assistants/complaints')).json().items).toEqual([]);
    expect((await (await as('v001201'))('GET', '/api/v1/assistants/complaints')).statusCode).toBe(403);
  });
});

describe('weights must sum to 100 %', () => {
  it('refuses other sums and towns; the district sets weights from a month, once', async () => {
    const district = await as('district');
    const bad = await district('POST', '/api/v1/assistants/weights', {
      effectiveFrom: '2026-10',
      weights: { ...DEFAULT_WEIGHTS, de: 20 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('weights');
    const town = await as('town001');
    expect(
      (
        await town('POST', '/api/v1/assistants/weights', {
          effectiveFrom: '2026-10',
          weights: DEFAULT_WEIGHTS,
        })
      ).statusCode,
    ).toBe(403);
    const w = { ...DEFAULT_WEIGHTS, de: 5, ji: 20 };
    const ok = await district('POST', '/api/v1/assistants/weights', { effectiveFrom: '2026-10', weights: w });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await district('POST', '/api/v1/assistants/weights', {
      effectiveFrom: '2026-10',
      weights: w,
    });
    expect(again.json().error.code).toBe('assistants.weights_exist');
  });
});

describe('trainings: sessions, materials, attendance', () => {
  let townSession: string;
  it('a town creates a session with a link and a file; the district one for all; each town sees its own', async () => {
    const town = await as('town001');
    const pdf = Buffer.from('%PDF-1.4 协理员培训讲义').toString('base64');
    const res = await town('POST', '/api/v1/assistants/trainings', {
      level: 'TOWN',
      title: '低保动态管理业务培训',
      heldOn: '2026-12-05',
      place: '镇政府三楼会议室',
      trainer: '镇民政办 刘老师',
      hours: 2.5,
      materials: [
        { title: '政策文件', url: 'https://www.mca.gov.cn/' },
        { title: '讲义', filename: 'slides.pdf', mime: 'application/pdf', dataBase64: pdf },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    townSession = res.json().id;
    const tooBig = await town('POST', '/api/v1/assistants/trainings', {
      level: 'DISTRICT',
      title: '越级组织',
      heldOn: '2026-12-06',
      place: '区民政局',
      trainer: '某某',
      hours: 1,
    });
    expect(tooBig.statusCode).toBe(400);
    const district = await as('district');
    const d = await district('POST', '/api/v1/assistants/trainings', {
      level: 'DISTRICT',
      title: '全区协理员轮训',
      heldOn: '2026-11-10',
      place: '区民政局',
      trainer: '区民政局 王科长',
      hours: 4,
    });
    expect(d.statusCode, d.body).toBe(201);
    const t2 = (await (await as('town002'))('GET', '/api/v1/assistants/trainings')).json().items as {
      id: string;
    }[];
    expect(t2.map((s) => s.id)).toEqual([d.json().id]);
    const mine = (await town('GET', '/api/v1/assistants/trainings')).json().items as {
      id: string;
      expected: number;
    }[];
    expect(mine.find((s) => s.id === townSession)?.expected).toBe(2);
    expect(mine.find((s) => s.id === d.json().id)?.expected).toBe(2);
    const v = await as('v001201');
    const materials = (await v('GET', '/api/v1/assistants/trainings')).json().items[0].materials as {
      id: string;
      filename: string | null;
    }[];
    const file = materials.find((m) => m.filename === 'slides.pdf');
    const dl = await v('GET', `/api/v1/assistants/materials/${file?.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.toString()).toContain('协理员培训讲义');
  });

  it('attendance: present, or absent with a reason; only expected assistants', async () => {
    const town = await as('town001');
    const url = `/api/v1/assistants/trainings/${townSession}/attendance`;
    const noReason = await town('PUT', url, { records: [{ postId: postV2, present: false }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('records.0.absenceReason');
    const stranger = await town('PUT', url, { records: [{ postId: postV3, present: true }] });
    expect(stranger.statusCode).toBe(400);
    const ok = await town('PUT', url, {
      records: [
        { postId: postB, present: true },
        { postId: postV2, present: false, absenceReason: '入户核查低保家庭' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const s = ((await town('GET', '/api/v1/assistants/trainings')).json().items as { id: string }[]).find(
      (x) => x.id === townSession,
    ) as unknown as {
      present: number;
      absent: number;
      attendance: { postId: string; absenceReason: string | null }[];
    };
    expect([s.present, s.absent]).toEqual([1, 1]);
    expect(s.attendance.find((a) => a.postId === postV2)?.absenceReason).toBe('入户核查低保家庭');
    expect(
      (await (await as('town002'))('PUT', url, { records: [{ postId: postV3, present: true }] })).statusCode,
    ).toBe(404);
  });

  it('the assistant’s task list shows the post, open items and the trainings to come', async () => {
    const res = await (await as('v001201'))('GET', '/api/v1/assistants/tasks');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().post).toMatchObject({ id: postB, holderName: '李协理' });
    expect(res.json().trainingsUpcoming.map((t: { id: string }) => t.id)).toEqual([townSession]);
    // A village assistant cannot look at another village's tasks.
    const other = await (await as('v001201'))('GET', `/api/v1/assistants/tasks?villageCode=${V2}`);
    expect(other.json().post.id).toBe(postB);
    const town = await as('town001');
    expect((await town('GET', `/api/v1/assistants/tasks?villageCode=${V3}`)).statusCode).toBe(404);
    const summary = (await town('GET', '/api/v1/assistants/tasks/summary')).json().items as {
      villageCode: string;
      postId: string | null;
    }[];
    expect(summary.find((x) => x.villageCode === V1)?.postId).toBe(postB);
    expect(summary.every((x) => x.villageCode.startsWith('370971001'))).toBe(true);
  });
});
