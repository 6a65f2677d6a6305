import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyInput } from '../../../contracts/policies.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { installDefaultCatalogue } from './default-catalogue-install.ts';

// The catalogue of §9.3 through the API: the district administrator installs and edits policies and
// departments; an eligibility expression is validated when saved (issue 7: "a syntax or type error is
// shown at the expression, with the position"); every write is audited; counts respect jurisdiction.

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;
let householdId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  householdId = (await buildHousehold(env)).id;
});
afterAll(async () => {
  await env?.close();
});

const policy = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  code: 'TEST-POLICY',
  departmentCode: 'HEALTH',
  name: '测试政策',
  summary: '测试用政策',
  legalBasis: '《社会救助暂行办法》',
  targetCategories: ['DIBAO'],
  benefit: '测试待遇',
  howToApply: '向镇（街道）申请',
  contact: '0538-8600000',
  subject: 'PERSON',
  eligibility: 'person.age >= 60 && household.incomeRatio < 1.5',
  eligibilityText: '60 周岁以上，家庭人均收入低于低保标准 1.5 倍',
  ...over,
});

const audits = async (action: string) =>
  (await env.db.selectFrom('audit_log').select('record_id').where('action', '=', action).execute()).length;

describe('installing the demo catalogue', () => {
  it('adds 12 departments and 37 policies once; running it again adds nothing', async () => {
    expect(await installDefaultCatalogue(env, env.ctx('admin'))).toEqual({
      departmentsAdded: 12,
      policiesAdded: 37,
    });
    expect(await installDefaultCatalogue(env, env.ctx('admin'))).toEqual({
      departmentsAdded: 0,
      policiesAdded: 0,
    });
    const n = await env.db
      .selectFrom('policy')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(n?.n)).toBe(37);
    expect(await audits('policies.catalogue_installed')).toBe(1);
  });

  it('is the district administrator’s: a district officer may not', async () => {
    await expect(installDefaultCatalogue(env, env.ctx('district'))).rejects.toMatchObject({ status: 403 });
  });
});

describe('policies', () => {
  it('every role reads the catalogue; matchCount counts the non-lapsed matches in the caller’s area', async () => {
    const dibao = await env.db
      .selectFrom('policy')
      .select(['id'])
      .where('code', '=', 'MZ-DIBAO')
      .executeTakeFirstOrThrow();
    const at = env.clock.now();
    const match = (subject: string, state: 'ELIGIBLE' | 'LAPSED') => ({
      county_code: '370971',
      policy_id: dibao.id,
      subject_key: subject,
      household_id: householdId,
      town_code: '370971001',
      village_code: '370971001201',
      state,
      first_matched_on: '2026-06-01',
      last_matched_on: '2026-06-01',
      evidence: JSON.stringify({}),
      updated_at: at,
    });
    await env.db
      .insertInto('policy_match')
      .values([match(householdId, 'ELIGIBLE'), match(`${householdId}-x`, 'LAPSED')] as never)
      .execute();
    const town = await (await as('town001'))('GET', '/api/v1/policies');
    expect(town.statusCode, town.body).toBe(200);
    const items = town.json().items as { code: string; matchCount: number; departmentName: string }[];
    expect(items).toHaveLength(37);
    expect(items.find((p) => p.code === 'MZ-DIBAO')).toMatchObject({
      matchCount: 1,
      departmentName: '区民政局',
    });
    const other = (await (await as('town002'))('GET', '/api/v1/policies')).json().items as typeof items;
    expect(other.find((p) => p.code === 'MZ-DIBAO')?.matchCount).toBe(0);
  });

  it('saving an invalid expression is a 400 at the line and column, and changes nothing', async () => {
    const admin = await as('admin');
    const res = await admin(
      'POST',
      '/api/v1/policies',
      policy({ eligibility: 'person.age >= 60 &&\n    household.incom < 1' }),
    );
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('policies.invalid_expression');
    expect(error.message).toContain('第 2 行第 15 列');
    expect(error.messageEn).toContain('line 2, column 15');
    expect(error.details.field).toBe('eligibility');
    expect(error.details.issues[0]).toMatchObject({
      line: 2,
      column: 15,
      message: '未知字段 household.incom，可用字段见上下文说明',
    });
    const stored = await env.db.selectFrom('policy').select('id').where('code', '=', 'TEST-POLICY').execute();
    expect(stored).toEqual([]);
  });

  it('only the district administrator edits the catalogue', async () => {
    const res = await (await as('district'))('POST', '/api/v1/policies', policy());
    expect(res.statusCode).toBe(403);
  });

  it('creates (version 1), updates (version + 1), refuses a stale version and a taken code; all audited', async () => {
    const admin = await as('admin');
    const created = await admin('POST', '/api/v1/policies', policy());
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      code: 'TEST-POLICY',
      version: 1,
      departmentName: '区卫生健康局',
      matchCount: 0,
    });
    const updated = await admin('PUT', `/api/v1/policies/${view.id}`, {
      ...policy({ eligibility: 'person.age >= 65 && household.incomeRatio < 1.5' }),
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      eligibility: 'person.age >= 65 && household.incomeRatio < 1.5',
    });
    const stale = await admin('PUT', `/api/v1/policies/${view.id}`, { ...policy(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('policies.version_conflict');
    const taken = await admin('PUT', `/api/v1/policies/${view.id}`, policy({ code: 'MZ-DIBAO' }));
    expect(taken.json().error.code).toBe('policies.duplicate_code');
    const dup = await admin('POST', '/api/v1/policies', policy());
    expect(dup.statusCode).toBe(409);
    expect(await audits('policies.policy_created')).toBe(38);
    expect(await audits('policies.policy_updated')).toBe(1);
    const one = await (await as('auditor'))('GET', `/api/v1/policies/${view.id}`);
    expect(one.json()).toMatchObject({ version: 2 });
    const missing = await admin('GET', '/api/v1/policies/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('validate-expression answers the issues without saving', async () => {
    const town = await as('town001');
    const bad = await town('POST', '/api/v1/policies/validate-expression', {
      expression: 'household.size',
      subject: 'HOUSEHOLD',
    });
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ ok: false, issues: [{ line: 1, column: 1 }] });
    const good = await town('POST', '/api/v1/policies/validate-expression', {
      expression: 'household.size >= 2',
      subject: 'HOUSEHOLD',
    });
    expect(good.json()).toEqual({ ok: true, issues: [] });
  });
});

describe('departments', () => {
  it('lists the 12 with active policies, pending and overdue referrals (PENDING, due before today)', async () => {
    const policyId = (
      await env.db
        .selectFrom('policy')
        .select('id')
        .where('code', '=', 'WJ-FAMILY-DOCTOR')
        .executeTakeFirstOrThrow()
    ).id;
    const at = env.clock.now();
    const referral = (dueOn: string, state: 'PENDING' | 'GRANTED') => ({
      county_code: '370971',
      policy_id: policyId,
      department_code: 'HEALTH',
      household_id: householdId,
      town_code: '370971001',
      village_code: '370971001201',
      reason: '测试',
      referred_on: '2026-06-01',
      due_on: dueOn,
      state,
      created_at: at,
      updated_at: at,
    });
    await env.db
      .insertInto('department_referral')
      .values([
        referral('2026-06-12', 'PENDING'),
        referral('2026-06-15', 'PENDING'),
        referral('2026-06-10', 'GRANTED'),
      ])
      .execute();
    const res = await (await as('liaison'))('GET', '/api/v1/policies/departments');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; policyCount: number }[];
    expect(items).toHaveLength(12);
    expect(items.find((d) => d.code === 'HEALTH')).toMatchObject({
      name: '区卫生健康局',
      policyCount: 3,
      pendingReferrals: 2,
      overdueReferrals: 1,
      answerWorkingDays: 10,
    });
    expect(items.find((d) => d.code === 'CIVIL_AFFAIRS')).toMatchObject({
      policyCount: 11,
      contactPhone: '12349',
    });
    const town2 = (await (await as('town002'))('GET', '/api/v1/policies/departments')).json().items as {
      code: string;
      pendingReferrals: number;
    }[];
    expect(town2.find((d) => d.code === 'HEALTH')?.pendingReferrals).toBe(0);
  });

  it('the administrator updates a department (audited); bad input is a 400', async () => {
    const admin = await as('admin');
    const res = await admin('PUT', '/api/v1/policies/departments/HEALTH', {
      name: '区卫生健康委员会',
      contactPhone: '0538-8606199',
      answerWorkingDays: 8,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '区卫生健康委员会', answerWorkingDays: 8, policyCount: 3 });
    expect(await audits('policies.department_updated')).toBe(1);
    const bad = await admin('PUT', '/api/v1/policies/departments/HEALTH', { name: '', answerWorkingDays: 0 });
    expect(bad.statusCode).toBe(400);
    const unknown = await admin('PUT', '/api/v1/policies/departments/POLICE', {
      name: 'x',
      answerWorkingDays: 5,
    });
    expect(unknown.statusCode).toBe(400);
    const officer = await (await as('district'))('PUT', '/api/v1/policies/departments/HEALTH', {
      name: 'x',
      answerWorkingDays: 5,
    });
    expect(officer.statusCode).toBe(403);
  });
});
