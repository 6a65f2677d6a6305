import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { newIp, pub, seedNotices } from './portal.testkit.ts';

// 码上查 (§9.5; §2.2): a village's 初审公示 and 长期公布 with exactly the fields §2.2 allows, names
// masked on the internet unless the county's parameter says otherwise, search on the name as shown.

let env: TestEnv;
let seeded: Awaited<ReturnType<typeof seedNotices>>;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  seeded = await seedNotices(env);
});
afterAll(async () => {
  await env?.close();
});

const notices = (q = '') =>
  pub(env, 'GET', `/api/public/v1/notices?villageCode=${seeded.villageCode}${q}`, { ip: newIp() });

async function setParameter(key: string, value: unknown) {
  await env.db
    .insertInto('policy_parameter')
    .values({
      county_code: '370971',
      key,
      value: JSON.stringify(value),
      effective_from: '2026-06-01',
      reason: '测试',
      created_by: null,
      created_by_name: '测试',
      created_at: env.clock.now(),
    })
    .execute();
}

describe('码上查 public notices (§2.2: name, household size, opinion / amount, dates — nothing else)', () => {
  it('lists the publicity and the current recipients with masked names and only the allowed fields', async () => {
    const res = await notices();
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ villageCode: '370971001201', hotlines: ['12349'] });
    expect(v.publicity).toEqual([
      {
        id: seeded.publicityCaseId,
        scheme: 'DIBAO',
        schemeName: expect.any(String),
        applicantName: '欧**试',
        householdSize: 2,
        opinion: '拟纳入低保，联系电话 139****5678',
        monthlyAmountFen: expect.any(Number),
        postedOn: '2026-06-15',
        endsOn: '2026-06-22',
        objectionOpen: true,
      },
    ]);
    expect(v.recipients).toEqual([
      {
        scheme: 'DIBAO',
        schemeName: expect.any(String),
        applicantName: '司**保',
        householdSize: 2,
        monthlyAmountFen: 52_000,
      },
    ]);
    for (const secret of ['欧阳测试', '司马在保', '幸福路', '13912345678', '13987654321', '13811112222'])
      expect(res.body).not.toContain(secret);
    expect(res.body).not.toMatch(/\d{17}[\dXx]/);
  });

  it('matches a search against the name as shown, never the hidden full name', async () => {
    expect((await notices('&q=欧')).json().publicity).toHaveLength(1);
    expect((await notices(`&q=${encodeURIComponent('欧**')}`)).json().publicity).toHaveLength(1);
    const hidden = (await notices('&q=阳')).json();
    expect(hidden.publicity).toEqual([]);
    expect(hidden.recipients).toEqual([]);
    expect((await notices('&q=司')).json().recipients).toHaveLength(1);
  });

  it('shows full names when the county sets portal.maskNamesOnline to 0, and records each showing', async () => {
    await setParameter('portal.maskNamesOnline', 0);
    try {
      const v = (await notices('&q=阳')).json();
      expect(v.publicity.map((p: { applicantName: string }) => p.applicantName)).toEqual(['欧阳测试']);
      const audit = await env.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'portal.notices_viewed')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
    } finally {
      await setParameter('portal.maskNamesOnline', 1);
    }
    expect((await notices()).json().publicity[0].applicantName).toBe('欧**试');
  });

  it('ends the objection window with the publicity (7 calendar days from the day after posting, S1 Art.19)', async () => {
    const before = env.clock.now();
    env.clock.set(new Date('2026-06-23T09:00:00+08:00'));
    try {
      const p = (await notices()).json().publicity;
      expect(p[0]?.objectionOpen ?? false).toBe(false);
    } finally {
      env.clock.set(before);
    }
  });

  it('answers an unknown village with a 400 on villageCode', async () => {
    const res = await pub(env, 'GET', '/api/public/v1/notices?villageCode=370971999999', { ip: newIp() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('villageCode');
  });
});

describe('divisions and hotlines', () => {
  it('lists the county’s towns and villages with 12349, and the bureau’s own line when set', async () => {
    const d = (await pub(env, 'GET', '/api/public/v1/divisions', { ip: newIp() })).json();
    expect(d).toMatchObject({ countyCode: '370971', countyName: '高新区', hotlines: ['12349'] });
    expect(d.towns).toHaveLength(5);
    expect(d.towns.flatMap((t: { villages: unknown[] }) => t.villages)).toHaveLength(116);
    expect(d.towns[0]).toMatchObject({ code: '370971001', name: '北集坡街道' });
    await setParameter('portal.localHotline', '0538-8120000');
    const again = (await pub(env, 'GET', '/api/public/v1/divisions', { ip: newIp() })).json();
    expect(again.hotlines).toEqual(['12349', '0538-8120000']);
  });
});
