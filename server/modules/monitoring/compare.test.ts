import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { migrateLegacyCases } from '../cases/legacy.usecases.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { compareNow } from './compare.usecases.ts';
import { createRule, updateRule } from './rules.usecases.ts';
import { deliverTestFeed } from './test-feeds.ts';

// Every alert rule of §7.4 (and the §7.3 / S5 §三(三) indicators): it fires on its evidence, stays
// silent below its threshold (or outside its population or window), and a re-run raises nothing new.

type Fields = Record<string, string | number | boolean>;
type Row = {
  rule: string;
  source: string;
  pop: 'RECIPIENTS' | 'REGISTRY';
  fire: Fields;
  silent: Fields;
  cite: string;
};

const D = '2026-10-15';
const TABLE: Row[] = [
  {
    rule: 'DEATH_RECORD',
    source: 'DEATH',
    pop: 'RECIPIENTS',
    fire: { diedOn: D },
    silent: { diedOn: D },
    cite: '§7.4 死亡预警; §3.9',
  },
  {
    rule: 'HUKOU_DEATH',
    source: 'HUKOU',
    pop: 'RECIPIENTS',
    fire: { changedOn: D, status: 'CANCELLED_DEATH' },
    silent: { changedOn: D, status: 'CANCELLED_MOVED' },
    cite: '§7.4 死亡预警; §8.2 公安',
  },
  {
    rule: 'VEHICLE_OWNED',
    source: 'VEHICLE',
    pop: 'RECIPIENTS',
    fire: { registeredOn: D, plate: '鲁J1', vehicleType: 'CAR', useNature: 'PRIVATE', status: 'NORMAL' },
    silent: {
      registeredOn: D,
      plate: '鲁J2',
      vehicleType: 'MOTORCYCLE',
      useNature: 'PRIVATE',
      status: 'NORMAL',
    },
    cite: '§7.4 车辆预警',
  },
  {
    rule: 'PROPERTY_NON_RESIDENTIAL',
    source: 'REAL_ESTATE',
    pop: 'RECIPIENTS',
    fire: { registeredOn: D, location: '商铺', areaM2: 40, use: 'COMMERCIAL', shared: 'SOLE' },
    silent: { registeredOn: D, location: '住宅', areaM2: 80, use: 'RESIDENTIAL', shared: 'SOLE' },
    cite: '§7.4 房产预警',
  },
  {
    rule: 'PROPERTY_LARGE_HOME',
    source: 'REAL_ESTATE',
    pop: 'RECIPIENTS',
    fire: { registeredOn: D, location: '住宅', areaM2: 141, use: 'RESIDENTIAL', shared: 'SOLE' },
    silent: { registeredOn: D, location: '住宅', areaM2: 140, use: 'RESIDENTIAL', shared: 'SOLE' },
    cite: '§7.4 房产预警 (> 140 ㎡)',
  },
  {
    rule: 'BUSINESS_ROLE_ACTIVE',
    source: 'BUSINESS_ROLE',
    pop: 'RECIPIENTS',
    fire: {
      registeredOn: D,
      creditCode: 'X1',
      company: '甲公司',
      role: 'SENIOR_MANAGER',
      status: 'OPERATING',
    },
    silent: { registeredOn: D, creditCode: 'X2', company: '乙公司', role: 'INVESTOR', status: 'CANCELLED' },
    cite: '§7.4 企业高管预警',
  },
  {
    rule: 'DEPOSITS_OVER_LIMIT',
    source: 'DEPOSITS',
    pop: 'RECIPIENTS',
    fire: { asOf: D, personalOverLimit: true },
    silent: { asOf: D, personalOverLimit: false },
    cite: '§7.4 金融资产预警',
  },
  {
    rule: 'SECURITIES_HOLDING',
    source: 'SECURITIES',
    pop: 'RECIPIENTS',
    fire: { asOf: D, stocksFen: 2_000_000 },
    silent: { asOf: D, stocksFen: 1_999_999 },
    cite: '§7.4 金融资产预警 (≥ 2 万元)',
  },
  {
    rule: 'IMPRISONED',
    source: 'PRISON',
    pop: 'RECIPIENTS',
    fire: { from: D, kind: 'IMPRISONED' },
    silent: { from: D, kind: 'RELEASED' },
    cite: '§7.4 服刑人员预警; S1 Art.7',
  },
  {
    rule: 'PROVIDENT_FUND_PAID',
    source: 'PROVIDENT_FUND',
    pop: 'RECIPIENTS',
    fire: { paidMonth: '2026-10-01', monthlyFen: 1, status: 'NORMAL' },
    silent: { paidMonth: '2026-10-01', monthlyFen: 0, status: 'NORMAL' },
    cite: '§7.4 公积金预警',
  },
  {
    rule: 'TAX_INCOME',
    source: 'TAX',
    pop: 'RECIPIENTS',
    fire: { period: '2026-09-01', item: '工资薪金', incomeFen: 500_000 },
    silent: { period: '2026-09-01', item: '工资薪金', incomeFen: 499_999 },
    cite: '§7.4 税务预警 (≥ 5000 元)',
  },
  {
    rule: 'PUBLIC_PAYROLL_LISTED',
    source: 'PUBLIC_PAYROLL',
    pop: 'RECIPIENTS',
    fire: { from: D, employer: '某局' },
    silent: { from: D, employer: '某局' },
    cite: '§7.4 财政供养人员预警',
  },
  {
    rule: 'MEDICAL_HIGH_OOP',
    source: 'MEDICAL_EXPENSE',
    pop: 'REGISTRY',
    fire: { settledOn: D, totalFen: 5_000_000, outOfPocketFen: 1_500_000 },
    silent: { settledOn: D, totalFen: 5_000_000, outOfPocketFen: 1_499_999 },
    cite: '§7.4 SERIOUS_ILLNESS (≥ 1.5 万元)',
  },
  {
    rule: 'SERIOUS_ILLNESS_LISTED',
    source: 'SERIOUS_ILLNESS',
    pop: 'REGISTRY',
    fire: { diagnosedOn: D, category: '恶性肿瘤' },
    silent: { diagnosedOn: '2025-01-10', category: '恶性肿瘤' },
    cite: '§7.3 重病患者 (within a year)',
  },
  {
    rule: 'DISABILITY_SEVERE',
    source: 'DISABILITY',
    pop: 'REGISTRY',
    fire: { issuedOn: D, category: 'PHYSICAL', grade: 2 },
    silent: { issuedOn: D, category: 'PHYSICAL', grade: 3 },
    cite: '§7.4 DISABILITY grade 1–2',
  },
  {
    rule: 'DISABILITY_G3_MENTAL',
    source: 'DISABILITY',
    pop: 'REGISTRY',
    fire: { issuedOn: D, category: 'MENTAL', grade: 3 },
    silent: { issuedOn: D, category: 'PHYSICAL', grade: 4 },
    cite: '§7.4 DISABILITY grade-3 intellectual/mental',
  },
  {
    rule: 'SCHOOLING_ENROLLED',
    source: 'EDUCATION',
    pop: 'REGISTRY',
    fire: { enrolledOn: D, level: 'UNDERGRADUATE', school: '某大学' },
    silent: { enrolledOn: D, level: 'POSTGRADUATE', school: '某大学' },
    cite: '§7.4 SCHOOLING',
  },
  {
    rule: 'UNEMPLOYED',
    source: 'EMPLOYMENT',
    pop: 'REGISTRY',
    fire: { registeredOn: D, kind: 'UNEMPLOYED' },
    silent: { registeredOn: D, kind: 'EMPLOYED' },
    cite: '§7.4 UNEMPLOYMENT',
  },
];

let env: TestEnv;
const ids = new Map<string, { fire: string; silent: string; fireHousehold: string }>();
const runs: { raised: number; counts: Record<string, number> }[] = [];

const alertsOf = (rule: string, householdId?: string) =>
  env.db
    .selectFrom('alert')
    .selectAll()
    .where('rule_code', '=', rule)
    .$if(householdId !== undefined, (q) => q.where('household_id', '=', householdId as string))
    .execute();

async function household(incomeFen = 0, village = '370971001201') {
  const idNumber = nextIdNumber();
  const h = await buildHousehold(env, {
    villageCode: village,
    members: [buildPerson({ idNumber, monthlyIncomeFen: incomeFen })],
  });
  return { id: h.id, idNumber };
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-02T10:00:00+08:00' });
  const legacy: Record<string, unknown>[] = [];
  for (const row of TABLE) {
    const fire = await household();
    // The silent person of a RECIPIENTS rule is a recipient too, so only the threshold keeps it quiet.
    const silent = await household();
    ids.set(row.rule, { fire: fire.idNumber, silent: silent.idNumber, fireHousehold: fire.id });
    if (row.pop === 'RECIPIENTS')
      for (const h of [fire, silent])
        legacy.push({
          householdId: h.id,
          scheme: 'DIBAO',
          decidedOn: '2026-01-05',
          amountFen: 50_000,
          sourceRef: `T-${legacy.length}`,
        });
    await deliverTestFeed(env, row.source, [
      { idNumber: fire.idNumber, ...row.fire },
      ...(row.rule === 'DEATH_RECORD' || row.rule === 'PUBLIC_PAYROLL_LISTED'
        ? []
        : [{ idNumber: silent.idNumber, ...row.silent }]),
    ]);
  }
  // Population: a car owned by someone not on assistance is not a 存疑 finding for a recipient rule.
  const outsider = await household();
  ids.set('outsider', { fire: outsider.idNumber, silent: '', fireHousehold: outsider.id });
  await deliverTestFeed(env, 'VEHICLE', [{ idNumber: outsider.idNumber, ...TABLE[2]!.fire, plate: '鲁J9' }]);
  // Window: provident fund paid more than a year ago is old news.
  const old = await household();
  legacy.push({
    householdId: old.id,
    scheme: 'DIBAO',
    decidedOn: '2026-01-05',
    amountFen: 50_000,
    sourceRef: 'T-old',
  });
  ids.set('old', { fire: old.idNumber, silent: '', fireHousehold: old.id });
  await deliverTestFeed(env, 'PROVIDENT_FUND', [
    { idNumber: old.idNumber, paidMonth: '2025-10-01', monthlyFen: 80_000, status: 'NORMAL' },
  ]);
  await migrateLegacyCases(env, env.ctx('admin'), { reason: '原系统数据迁移（测试）', cases: legacy });
  runs.push(await compareNow(env, env.ctx('district')));
  runs.push(await compareNow(env, env.ctx('district')));
});
afterAll(async () => {
  await env?.close();
});

describe('threshold rules over department feeds (§7.4 catalogue, §8.2)', () => {
  it.each(TABLE)(
    '$rule ($cite): fires on its evidence, silent below, no duplicate on re-run',
    async (row) => {
      const p = ids.get(row.rule)!;
      const alerts = await alertsOf(row.rule);
      expect(alerts).toHaveLength(1);
      const a = alerts[0]!;
      expect(a.household_id).toBe(p.fireHousehold);
      expect(a.person_bidx?.equals(env.cipher.blindIndex('id_number', p.fire))).toBe(true);
      expect(a.evidence).toMatchObject({ source: row.source, fields: row.fire, known: true });
      expect(a).toMatchObject({
        state: 'ASSIGNED',
        assignee_level: 'VILLAGE',
        village_code: '370971001201',
        raised_on: '2026-11-02',
      });
      if (row.pop === 'RECIPIENTS') expect(a.case_id).not.toBeNull();
      expect(runs[0]!.counts[row.rule]).toBe(1);
      expect(runs[1]!.counts[row.rule]).toBe(0);
    },
  );

  it('§7.3: a recipient rule ignores people not on assistance; a window ignores old records', async () => {
    expect(await alertsOf('VEHICLE_OWNED', ids.get('outsider')!.fireHousehold)).toHaveLength(0);
    expect(await alertsOf('PROVIDENT_FUND_PAID', ids.get('old')!.fireHousehold)).toHaveLength(0);
  });

  it('§7.4: the new alert is assigned at once and both steps are on its timeline, due in 10 working days', async () => {
    const [a] = await alertsOf('VEHICLE_OWNED');
    const events = await env.db
      .selectFrom('alert_event')
      .selectAll()
      .where('alert_id', '=', a!.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.type, e.state_after])).toEqual([
      ['RAISE', 'GENERATED'],
      ['ASSIGN', 'ASSIGNED'],
    ]);
    expect(a!.due_on).toBe('2026-11-16');
  });

  it('a newer record for a person whose alert is still open raises no second alert', async () => {
    const p = ids.get('VEHICLE_OWNED')!;
    await deliverTestFeed(env, 'VEHICLE', [
      { idNumber: p.fire, ...TABLE[2]!.fire, plate: '鲁J7', registeredOn: '2026-10-30' },
    ]);
    const r = await compareNow(env, env.ctx('district'));
    expect(r.counts.VEHICLE_OWNED).toBe(0);
  });
});

describe('rules are data (§7.4 configurable list)', () => {
  it('a lowered threshold makes the silent record fire on the next run; a disabled rule raises nothing', async () => {
    await updateRule(env, env.ctx('admin'), 'SECURITIES_HOLDING', {
      conditions: [{ field: 'stocksFen', op: 'gte', value: 1_000_000 }],
    });
    await updateRule(env, env.ctx('admin'), 'TAX_INCOME', {
      enabled: false,
      conditions: [{ field: 'incomeFen', op: 'gte', value: 1 }],
    });
    const r = await compareNow(env, env.ctx('district'));
    expect(r.counts.SECURITIES_HOLDING).toBe(1);
    expect(r.counts.TAX_INCOME).toBeUndefined();
  });

  it('a new threshold rule over a feed field needs no code; a text field or unknown value is refused', async () => {
    const h = await household();
    await migrateLegacyCases(env, env.ctx('admin'), {
      reason: '原系统数据迁移（测试）',
      cases: [
        {
          householdId: h.id,
          scheme: 'DIBAO',
          decidedOn: '2026-01-05',
          amountFen: 50_000,
          sourceRef: 'T-util',
        },
      ],
    });
    await deliverTestFeed(env, 'UTILITIES', [
      { idNumber: h.idNumber, period: '2026-10-01', utility: 'POWER', amountFen: 90_000 },
    ]);
    await createRule(env, env.ctx('admin'), {
      code: 'POWER_BILL_HIGH',
      alertType: 'UTILITIES',
      source: 'UTILITIES',
      conditions: [
        { field: 'utility', op: 'eq', value: 'POWER' },
        { field: 'amountFen', op: 'gt', value: 80_000 },
      ],
      population: 'RECIPIENTS',
      legalBasis: 'S1 第十七条 水电气辅助评估',
      nameZh: '电费畸高',
      nameEn: 'High power bill',
    });
    const r = await compareNow(env, env.ctx('district'));
    expect(r.counts.POWER_BILL_HIGH).toBe(1);
    const bad = (conditions: unknown[]) =>
      createRule(env, env.ctx('admin'), {
        code: 'BAD_RULE',
        alertType: 'TAX',
        source: 'TAX',
        conditions,
        population: 'REGISTRY',
        legalBasis: '测试依据',
        nameZh: '错误规则',
        nameEn: 'bad rule',
      });
    await expect(bad([{ field: 'item', op: 'eq', value: 'x' }])).rejects.toMatchObject({
      code: 'validation.failed',
    });
    await expect(bad([{ field: 'nope', op: 'eq', value: 1 }])).rejects.toMatchObject({
      code: 'validation.failed',
    });
    await expect(bad([{ field: 'incomeFen', op: 'in', value: ['1'] }])).rejects.toMatchObject({
      code: 'validation.failed',
    });
    await expect(updateRule(env, env.ctx('district'), 'TAX_INCOME', { enabled: true })).rejects.toMatchObject(
      { code: 'auth.forbidden' },
    );
  });
});

describe('对象预警 from incomes and the standard (§7.4; §3.1 strict <; §4 1.5×)', () => {
  it('即将进保 / 救助边缘 / 即将脱保 fire on their side of the line and not across it', async () => {
    const p = await parametersFor(env.db, '370971', '2026-11-02');
    const village = await env.db
      .selectFrom('household')
      .select('urban_rural')
      .where('id', '=', ids.get('outsider')!.fireHousehold)
      .executeTakeFirstOrThrow();
    const std = p.dibao.standardFen[village.urban_rural];
    const below = await household(std - 1);
    const at = await household(std);
    const edgeTop = await household(Math.ceil((std * 3) / 2) - 1);
    const above = await household(Math.ceil((std * 3) / 2));
    const exiting = await household(std);
    const staying = await household(std - 1);
    await migrateLegacyCases(env, env.ctx('admin'), {
      reason: '原系统数据迁移（测试）',
      cases: [exiting, staying].map((h, i) => ({
        householdId: h.id,
        scheme: 'DIBAO',
        decidedOn: '2026-01-05',
        amountFen: 100,
        sourceRef: `T-x${i}`,
      })),
    });
    await compareNow(env, env.ctx('district'));
    const n = async (rule: string, h: { id: string }) => (await alertsOf(rule, h.id)).length;
    expect([await n('LIKELY_ENTER', below), await n('LIKELY_ENTER', at)]).toEqual([1, 0]);
    expect([
      await n('BORDERLINE', at),
      await n('BORDERLINE', edgeTop),
      await n('BORDERLINE', above),
      await n('BORDERLINE', below),
    ]).toEqual([1, 1, 0, 0]);
    expect([await n('LIKELY_EXIT', exiting), await n('LIKELY_EXIT', staying)]).toEqual([1, 0]);
    expect((await alertsOf('LIKELY_EXIT', exiting.id))[0]!.evidence).toMatchObject({
      fields: { incomeFen: std, standardFen: std, members: 1 },
    });
    const again = await compareNow(env, env.ctx('district'));
    expect([again.counts.LIKELY_ENTER, again.counts.BORDERLINE, again.counts.LIKELY_EXIT]).toEqual([0, 0, 0]);
  });
});
