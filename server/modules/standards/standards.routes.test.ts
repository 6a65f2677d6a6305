import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tekunBasicFen } from '../../rules/benefits/parameters.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { parametersFor } from './standards.usecases.ts';

// §9.4: standards are effective-dated per county, changed by adding values (history is kept),
// by district administrators with the basis of the change, audited; §15 for the shipped values.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const C = '370971';

describe('assistance standards', () => {
  it('adds a yearly adjustment, keeps the history, and answers the value in force on each date', async () => {
    const admin = await signIn(env, 'admin');
    const res = await admin('POST', '/api/v1/standards', {
      changes: [
        {
          series: 'dibao.urban',
          amountFen: 95_000,
          effectiveFrom: '2025-01-01',
          reason: '泰民发〔2024〕测试1号',
        },
        {
          series: 'dibao.urban',
          amountFen: 100_000,
          effectiveFrom: '2026-01-01',
          reason: '泰民发〔2025〕测试2号',
        },
        {
          series: 'dibao.rural',
          amountFen: 80_000,
          effectiveFrom: '2026-01-01',
          reason: '泰民发〔2025〕测试2号',
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    const view = (await admin('GET', '/api/v1/standards')).json();
    const urban = view.series.find((s: { key: string }) => s.key === 'dibao.urban');
    expect(urban.current).toBe(100_000);
    expect(urban.history.map((h: { amountFen: number }) => h.amountFen)).toEqual([100_000, 95_000]);
    expect(view.series).toHaveLength(12);

    // §15: the value on a date is the latest one in force then; 特困 basic follows at 1.3×, rounded up.
    const p2025 = await parametersFor(env.db, C, '2025-06-30');
    const p2026 = await parametersFor(env.db, C, '2026-01-01');
    expect(p2025.dibao.standardFen.urban).toBe(95_000);
    expect(p2026.dibao.standardFen).toEqual({ urban: 100_000, rural: 80_000 });
    expect(tekunBasicFen(p2026, 'urban')).toBe(130_000);
    expect(tekunBasicFen(p2026, 'rural')).toBe(104_000);
  });

  it('lets a later entry for the same month correct an earlier one, without deleting it', async () => {
    const admin = await signIn(env, 'admin');
    await admin('POST', '/api/v1/standards', {
      changes: [
        { series: 'tekun_care.FULL_LOSS', amountFen: 110_000, effectiveFrom: '2026-01-01', reason: '录入' },
      ],
    });
    await admin('POST', '/api/v1/standards', {
      changes: [
        {
          series: 'tekun_care.FULL_LOSS',
          amountFen: 120_000,
          effectiveFrom: '2026-01-01',
          reason: '更正录入错误',
        },
      ],
    });
    expect((await parametersFor(env.db, C, '2026-03-01')).tekun.careFen.FULL_LOSS).toBe(120_000);
    const rows = await env.db
      .selectFrom('benefit_standard')
      .select('amount_fen')
      .where('series', '=', 'tekun_care.FULL_LOSS')
      .execute();
    expect(rows.map((r) => r.amount_fen).sort()).toEqual([110_000, 120_000]);
    await expect(sql`update benefit_standard set amount_fen = 1`.execute(env.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('uses an explicit 特困 basic standard when the county sets one', async () => {
    const admin = await signIn(env, 'admin');
    await admin('POST', '/api/v1/standards', {
      changes: [
        { series: 'tekun_basic.rural', amountFen: 110_000, effectiveFrom: '2026-07-01', reason: '单独制定' },
      ],
    });
    expect(tekunBasicFen(await parametersFor(env.db, C, '2026-07-01'), 'rural')).toBe(110_000);
    expect(tekunBasicFen(await parametersFor(env.db, C, '2026-06-30'), 'rural')).toBe(104_000);
  });

  it.each([
    [
      { series: 'dibao.urban', amountFen: 100_000, effectiveFrom: '2026-01-15', reason: '月中生效' },
      'changes.0.effectiveFrom',
    ],
    [
      { series: 'dibao.urban', amountFen: -1, effectiveFrom: '2026-01-01', reason: '负数' },
      'changes.0.amountFen',
    ],
    [
      { series: 'dibao.urban', amountFen: 100_000, effectiveFrom: '2026-01-01', reason: '' },
      'changes.0.reason',
    ],
    [
      { series: 'no.such', amountFen: 100_000, effectiveFrom: '2026-01-01', reason: '未知' },
      'changes.0.series',
    ],
  ])('refuses %o at %s and adds nothing', async (change, field) => {
    const admin = await signIn(env, 'admin');
    const before = await env.db
      .selectFrom('benefit_standard')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin('POST', '/api/v1/standards', { changes: [change] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    const after = await env.db
      .selectFrom('benefit_standard')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is what the quote API computes with: a new urban standard changes the quote from its month on', async () => {
    const admin = await signIn(env, 'admin');
    const quote = async (date: string) =>
      (
        await admin('POST', '/api/v1/benefits/quote', {
          date,
          area: 'urban',
          members: [{ age: 45, relation: 'head' }],
        })
      ).json().schemes.dibao.amountFen;
    expect(await quote('2026-08-15')).toBe(100_000);
    await admin('POST', '/api/v1/standards', {
      changes: [
        { series: 'dibao.urban', amountFen: 105_000, effectiveFrom: '2026-09-01', reason: '年中调标' },
      ],
    });
    expect(await quote('2026-08-15')).toBe(100_000);
    expect(await quote('2026-09-01')).toBe(105_000);
  });

  it('is changed by district administrators only, and every change is audited', async () => {
    const district = await signIn(env, 'district');
    const res = await district('POST', '/api/v1/standards', {
      changes: [{ series: 'dibao.urban', amountFen: 1, effectiveFrom: '2026-01-01', reason: '越权' }],
    });
    expect(res.statusCode).toBe(403);
    expect((await district('GET', '/api/v1/standards')).statusCode).toBe(200);
    const audit = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'standards.added')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit[0]!.detail).toMatchObject({
      series: expect.any(String),
      amountFen: expect.any(Number),
      reason: expect.any(String),
    });
  });
});

describe('policy parameters (§13)', () => {
  it('adds a county value within the national bounds; the calculators read it from its month on', async () => {
    const admin = await signIn(env, 'admin');
    const res = await admin('POST', '/api/v1/parameters', {
      changes: [
        {
          key: 'dibao.gradualExitMaxMonths',
          value: 3,
          effectiveFrom: '2026-04-01',
          reason: '鲁民〔2026〕测试号',
        },
        { key: 'edge.multiplier', value: '1.3', effectiveFrom: '2026-04-01', reason: '鲁民〔2026〕测试号' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const before = await parametersFor(env.db, C, '2026-03-31');
    const after = await parametersFor(env.db, C, '2026-04-01');
    expect(before.dibao.gradualExitMaxMonths).toBe(6);
    expect(after.dibao.gradualExitMaxMonths).toBe(3);
    expect(after.edge.multiplier).toEqual({ num: 13, den: 10 });
    const list = (await admin('GET', '/api/v1/parameters')).json();
    expect(list.items.find((i: { key: string }) => i.key === 'dibao.gradualExitMaxMonths')).toMatchObject({
      shipped: 6,
      current: 3,
      max: 6,
    });
    const audit = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'parameters.added')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a value beyond a national ceiling at the field, naming the rule, and adds nothing', async () => {
    const admin = await signIn(env, 'admin');
    const res = await admin('POST', '/api/v1/parameters', {
      changes: [
        { key: 'dibao.gradualExitMaxMonths', value: 4, effectiveFrom: '2026-05-01', reason: '合规值' },
        { key: 'edge.multiplier', value: '1.6', effectiveFrom: '2026-05-01', reason: '超出上限' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'changes.1.value', expected: '1–1.5' }),
    ]);
    expect(res.json().error.details[0].message).toContain('1.5');
    expect((await parametersFor(env.db, C, '2026-05-01')).dibao.gradualExitMaxMonths).toBe(3);
    const town = await signIn(env, 'town001');
    expect(
      (
        await town('POST', '/api/v1/parameters', {
          changes: [
            { key: 'dibao.gradualExitMaxMonths', value: 1, effectiveFrom: '2026-05-01', reason: '越权' },
          ],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('sets the bureau’s hotline for the portal without recalculating any benefit', async () => {
    const admin = await signIn(env, 'admin');
    const runs = async () =>
      Number(
        (
          await env.db
            .selectFrom('recalc_run')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // No run in progress: a change that started one would add a row.
    await env.db
      .updateTable('recalc_run')
      .set({ status: 'FAILED' })
      .where('status', '=', 'COMPUTING')
      .execute();
    const before = await runs();
    const bad = await admin('POST', '/api/v1/parameters', {
      changes: [
        {
          key: 'portal.localHotline',
          value: '<b>12345</b>',
          effectiveFrom: '2026-06-01',
          reason: '区民政局通知',
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'changes.0.value' })]);
    const res = await admin('POST', '/api/v1/parameters', {
      changes: [
        {
          key: 'portal.localHotline',
          value: '0538-8120000',
          effectiveFrom: '2026-06-01',
          reason: '区民政局通知',
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().recalc).toBeNull();
    expect(await runs()).toBe(before);
    const list = (await admin('GET', '/api/v1/parameters')).json();
    expect(list.items.find((i: { key: string }) => i.key === 'portal.localHotline')).toMatchObject({
      kind: 'phone',
      shipped: '',
    });
  });
});
