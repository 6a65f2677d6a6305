import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfCheckInput, SelfCheckResult } from '../../../contracts/policies.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { installDefaultCatalogue } from './default-catalogue-install.ts';

// 码上知 (§9.5) without signing in: the active catalogue with search, a policy's page, and the
// self-check that judges the answers with the rules engine's quote and every active policy. No
// identity is asked and nothing is stored.

let env: TestEnv;
const get = (url: string) => env.app.inject({ method: 'GET', url });
const check = (payload: SelfCheckInput) =>
  env.app.inject({ method: 'POST', url: '/api/public/v1/self-check', payload });
let standard: { urban: number; rural: number };

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  await installDefaultCatalogue(env, env.ctx('admin'));
  standard = (await parametersFor(env.db, '370971', '2026-06-15')).dibao.standardFen;
});
afterAll(async () => {
  await env?.close();
});

type Item = { code: string; departmentCode: string };

describe('the public catalogue', () => {
  it('lists the active policies without sign-in, and never the CEL condition', async () => {
    const res = await get('/api/public/v1/policies');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(37);
    expect(res.body).not.toContain('household.');
    expect(res.body).not.toContain('"eligibility"');
  });

  it('searches by name, summary and department; filters by department and category', async () => {
    const byName = (await get(`/api/public/v1/policies?q=${encodeURIComponent('低保')}`)).json()
      .items as Item[];
    expect(byName.map((p) => p.code)).toContain('MZ-DIBAO');
    const byDept = (await get(`/api/public/v1/policies?q=${encodeURIComponent('残疾人联合会')}`)).json()
      .items as Item[];
    expect(byDept.map((p) => p.code).sort()).toEqual(['CL-AIDS', 'CL-BARRIER-FREE', 'CL-CHILD-REHAB']);
    const education = (await get('/api/public/v1/policies?departmentCode=EDUCATION')).json().items as Item[];
    expect(education).toHaveLength(4);
    const monitored = (await get('/api/public/v1/policies?category=RURAL_REVITALIZATION_MONITORED')).json()
      .items as Item[];
    expect(monitored.map((p) => p.code)).toContain('NY-RR-SUPPORT');
    const wildcard = (await get(`/api/public/v1/policies?q=${encodeURIComponent('%')}`)).json()
      .items as Item[];
    expect(wildcard).toEqual([]);
  });

  it('shows one policy by code; an inactive or unknown one is a 404; a bad village code a 400', async () => {
    const one = await get('/api/public/v1/policies/MZ-DIBAO?villageCode=370971001201');
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ code: 'MZ-DIBAO', departmentName: '区民政局' });
    await env.db.updateTable('policy').set({ active: false }).where('code', '=', 'QT-HOPE-PROJECT').execute();
    expect((await get('/api/public/v1/policies/QT-HOPE-PROJECT')).statusCode).toBe(404);
    expect((await get('/api/public/v1/policies')).json().items).toHaveLength(36);
    expect((await get('/api/public/v1/policies/NO-SUCH')).statusCode).toBe(404);
    const bad = await get('/api/public/v1/policies?villageCode=370971999999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('villageCode');
    await env.db.updateTable('policy').set({ active: true }).where('code', '=', 'QT-HOPE-PROJECT').execute();
  });
});

describe('self-check', () => {
  const counts = async () => {
    const n = async (t: 'audit_log' | 'policy_match' | 'household') =>
      Number(
        (
          await env.db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    return [await n('audit_log'), await n('policy_match'), await n('household')];
  };

  it('an old man alone with no income may apply for 低保 and 特困, with amounts, reasons and the catalogue', async () => {
    const before = await counts();
    const res = await check({
      villageCode: '370971001201',
      area: 'urban',
      members: [{ age: 82, selfCare: 'FULL_LOSS', monthlyIncomeYuan: 0 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as SelfCheckResult;
    expect(r.asOf).toBe('2026-06-15');
    const dibao = r.schemes.find((s) => s.scheme === 'DIBAO');
    expect(dibao).toMatchObject({ mayApply: true, monthlyAmountFen: standard.urban });
    expect(r.schemes.find((s) => s.scheme === 'TEKUN')?.mayApply).toBe(true);
    expect(r.schemes.find((s) => s.scheme === 'DIBAO_EDGE')?.mayApply).toBe(false);
    const codes = r.policies.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['MZ-DIBAO', 'MZ-TEKUN', 'MZ-ELDERLY', 'ZJ-RENTAL']));
    expect(codes).not.toContain('MZ-DIS-CARE');
    const tekun = r.policies.find((p) => p.code === 'MZ-TEKUN');
    expect(tekun?.forMembers).toEqual([0]);
    expect(tekun?.why).toContain('当地低保标准');
    // Nothing is stored.
    expect(await counts()).toEqual(before);
  });

  it('per-member policies name the members; household policies list everyone', async () => {
    const res = await check({
      area: 'rural',
      members: [
        { age: 42, unemployed: true, monthlyIncomeYuan: 300 },
        { age: 40, sex: 'F', monthlyIncomeYuan: 200 },
        { age: 10, disabilityGrade: 2, inEducation: true },
      ],
      receiving: ['DIBAO'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as SelfCheckResult;
    const by = (code: string) => r.policies.find((p) => p.code === code)?.forMembers;
    expect(by('JY-COMPULSORY')).toEqual([2]);
    expect(by('RS-EMPLOY-AID')).toEqual([0]);
    expect(by('MZ-HEATING')).toEqual([0, 1, 2]);
    expect(by('MZ-DIBAO')).toBeUndefined();
    expect(r.schemes.find((s) => s.scheme === 'DIBAO')).toMatchObject({
      mayApply: false,
      reasons: [{ zh: expect.stringContaining('已在享受') }],
    });
  });

  it('a well-off family is told why not (bilingual reasons) and matches no policy', async () => {
    const res = await check({
      area: 'urban',
      hasVehicle: true,
      financialAssetsYuan: 500_000,
      members: [
        { age: 40, monthlyIncomeYuan: 10_000 },
        { age: 38, sex: 'F', monthlyIncomeYuan: 8_000 },
      ],
    });
    const r = res.json() as SelfCheckResult;
    expect(r.policies).toEqual([]);
    const dibao = r.schemes.find((s) => s.scheme === 'DIBAO');
    expect(dibao?.mayApply).toBe(false);
    expect(dibao?.monthlyAmountFen).toBeNull();
    expect(dibao?.reasons.length).toBeGreaterThan(0);
    for (const reason of dibao?.reasons ?? []) {
      expect(reason.zh).not.toBe('');
      expect(reason.en).not.toBe('');
    }
  });

  it('asks no identity: an ID number or a name in the answers is refused or ignored, never echoed', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/public/v1/self-check',
      payload: { area: 'urban', members: [{ age: 30, idNumber: '370902197005120011', name: '张三' }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('370902197005120011');
    expect(res.body).not.toContain('张三');
    const bad = await check({ area: 'urban', members: [] });
    expect(bad.statusCode).toBe(400);
  });
});
