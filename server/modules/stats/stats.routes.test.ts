import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsOverview, StatsReport } from '../../../contracts/stats.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { ensureDefaultRules } from '../monitoring/rules.repository.ts';
import { statsRoutes } from './stats.routes.ts';

// §12.2: every figure is "as of" a period end, from the case timeline (decision and stop events),
// persons from the entitlement in force, low-income persons de-duplicated, within the jurisdiction.
// The clock is 2026-06-15. Seed (legacy migration = decided cases):
//   h1 town 001: 低保 decided 2026-01-10, 3 persons covered (the registry has 2), stopped 2026-03-15
//   h2 town 001: 特困 (person A) and 单人保 (person B) decided 2025-12-01 — one household, two cases
//   h4 town 002: 低保 decided 2026-04-20, 2 persons

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
let admin: Api;
let town1: Api;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T10:00:00+08:00' });
  // The routes are added before the app is ready (the first inject), unless app.ts already lists them.
  if (!env.app.hasRoute({ method: 'GET', url: '/api/v1/stats/overview' })) statsRoutes(env.app, env);
  admin = await signIn(env, 'admin');
  town1 = await signIn(env, 'town001');
  const h1 = await buildHousehold(env);
  const h2 = await buildHousehold(env);
  const h4 = await buildHousehold(env, { villageCode: '370971002201' }, 'town002');
  const people = (
    await env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', h2.id)
      .execute()
  ).map((m) => m.person_id);
  const res = await admin('POST', '/api/v1/cases/legacy', {
    reason: '原低保系统数据迁移',
    cases: [
      {
        householdId: h1.id,
        scheme: 'DIBAO',
        decidedOn: '2026-01-10',
        amountFen: 90_000,
        householdSize: 3,
        sourceRef: 'S-1',
      },
      {
        householdId: h2.id,
        scheme: 'TEKUN',
        subjectPersonId: people[0],
        decidedOn: '2025-12-01',
        amountFen: 150_000,
        careLevel: 'PARTIAL_LOSS',
        sourceRef: 'S-2',
      },
      {
        householdId: h2.id,
        scheme: 'DIBAO_SINGLE',
        subjectPersonId: people[1],
        decidedOn: '2025-12-01',
        amountFen: 80_000,
        sourceRef: 'S-3',
      },
      {
        householdId: h4.id,
        scheme: 'DIBAO',
        decidedOn: '2026-04-20',
        amountFen: 60_000,
        householdSize: 2,
        sourceRef: 'S-4',
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const [c1] = res.json().created as { id: string }[];
  const stop = await admin('POST', `/api/v1/cases/${c1!.id}/events`, {
    type: 'STOP',
    at: '2026-03-15',
    reason: 'ineligible',
    writtenReasons: '家庭收入超过低保标准，自下月起停发',
  });
  expect(stop.statusCode, stop.body).toBe(200);
});
afterAll(async () => {
  await env?.close();
});

const overview = async (api: Api, query: string) => {
  const res = await api('GET', `/api/v1/stats/overview?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatsOverview;
};
const report = async (api: Api, code: string, period: string) => {
  const res = await api('GET', `/api/v1/stats/reports/${code}?period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatsReport;
};
const cell = (r: StatsReport, table: number, code: string, key: string) =>
  r.tables[table]!.rows.find((x) => x.code === code)?.values[key];
const acrossAreas = (r: StatsReport, code: string, key: string) =>
  r.tables.reduce((s, _t, i) => s + Number(cell(r, i, code, key) ?? 0), 0);

describe('figures as of a period end', () => {
  it('counts a case stopped in March at the end of February but not at the end of March', async () => {
    const feb = await overview(admin, 'asOf=2026-02-28');
    expect(feb.kpis).toMatchObject({ dibaoHouseholds: 2, dibaoPersons: 4, tekunPersons: 1 });
    const mar = await overview(admin, 'asOf=2026-03-31');
    expect(mar.kpis).toMatchObject({ dibaoHouseholds: 1, dibaoPersons: 1, tekunPersons: 1 });
    const a = await report(admin, 'A', '2026-03');
    expect(acrossAreas(a, '370971001', 'exitHouseholds')).toBe(1);
    expect(acrossAreas(a, '370971001', 'exitPersons')).toBe(3);
  });

  it('counts a case decided in April as new in April, and persons from the entitlement household size', async () => {
    const a = await report(admin, 'A', '2026-04');
    expect(acrossAreas(a, '370971002', 'newHouseholds')).toBe(1);
    expect(acrossAreas(a, '370971002', 'newPersons')).toBe(2);
    expect(acrossAreas(a, '370971001', 'newHouseholds')).toBe(0);
    // h1 covers 3 persons by its entitlement though the registry lists 2 members.
    const jan = await report(admin, 'A', '2026-01');
    expect(acrossAreas(jan, '370971001', 'persons')).toBe(3 + 1);
    const year = await overview(admin, 'year=2026');
    expect(year.asOf).toBe('2026-06-15');
    expect(year.kpis).toMatchObject({ newDibaoHouseholds: 2, newDibaoPersons: 5, newTekunPersons: 0 });
    const byMonth = Object.fromEntries(year.months.map((m) => [m.month, m.dibaoPersons]));
    expect(byMonth).toMatchObject({ '2026-01': 4, '2026-02': 4, '2026-03': 1, '2026-04': 3 });
    expect(year.kpis.paidFen).toEqual({ DIBAO: 0, TEKUN: 0, TEMPORARY: 0 });
    expect(year.kpis).toMatchObject({ departments: 12, policies: 37 });
  });

  it('de-duplicates low-income persons across categories (report D and the monitored count)', async () => {
    const d = await report(admin, 'D', '2026-06');
    // h2 holds a 特困 and a 单人保 case: one household, two persons, counted once in the total.
    expect(d.tables[0]!.rows.find((r) => r.code === '370971001')?.values).toMatchObject({
      households: 1,
      persons: 2,
      dibao: 2,
      tekun: 2,
    });
    expect(d.tables[0]!.total).toMatchObject({ households: 2, persons: 4, antiPoverty: 0, alerts: 0 });
    expect(d.notes.map((n) => n.column)).toContain('antiPoverty');
    const now = await overview(admin, 'year=2026');
    expect(now.kpis).toMatchObject({ monitoredHouseholds: 2, monitoredPersons: 4 });
  });
});

describe('jurisdiction', () => {
  it('shows a town officer only the own town, with a by-village breakdown', async () => {
    const mine = await overview(town1, 'asOf=2026-02-28');
    expect(mine.scope).toMatchObject({ level: 'town', code: '370971001' });
    expect(mine.kpis).toMatchObject({ dibaoHouseholds: 2, dibaoPersons: 4 });
    expect(mine.units.every((u) => u.code.startsWith('370971001'))).toBe(true);
    const other = await town1('GET', '/api/v1/stats/overview?townCode=370971002');
    expect(other.statusCode).toBe(404);
    const rep = await town1('GET', '/api/v1/stats/reports/A?period=2026-02&townCode=370971002');
    expect(rep.statusCode).toBe(404);
    const a = await report(town1, 'A', '2026-04');
    expect(a.tables[0]!.rows.map((r) => r.code)).toEqual(['370971001']);
  });

  it('lets the district drill down to a town, and refuses roles without cases.read', async () => {
    const district = await overview(admin, 'asOf=2026-05-31');
    expect(district.units.map((u) => u.code)).toEqual(expect.arrayContaining(['370971001', '370971002']));
    const t2 = await overview(admin, 'asOf=2026-05-31&townCode=370971002');
    expect(t2.scope.path.map((p) => p.level)).toEqual(['county', 'town']);
    expect(t2.kpis).toMatchObject({ dibaoHouseholds: 1, dibaoPersons: 2, tekunPersons: 0 });
    const liaison = await signIn(env, 'liaison');
    expect((await liaison('GET', '/api/v1/stats/overview')).statusCode).toBe(403);
    const bad = await admin('GET', '/api/v1/stats/reports/A?period=2026-13');
    expect(bad.statusCode).toBe(400);
  });
});

describe('xlsx export', () => {
  it('opens with exceljs, carries the official headings and a total row equal to the sum of the rows', async () => {
    const res = await admin('GET', '/api/v1/stats/reports/A.xlsx?period=2026-02');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['城市最低生活保障情况', '农村最低生活保障情况']);
    for (const ws of wb.worksheets) {
      expect(String(ws.getCell(1, 1).value)).toContain('2026年02月');
      const headings = (ws.getRow(4).values as unknown[]).map(String);
      expect(headings).toEqual(
        expect.arrayContaining(['保障户数（户）', '保障人数（人）', '本期支出（万元）']),
      );
      const rows: unknown[][] = [];
      ws.eachRow((r, n) => {
        if (n > 4) rows.push(r.values as unknown[]);
      });
      const totalAt = rows.findIndex((r) => r[1] === '合计');
      expect(totalAt).toBeGreaterThan(0);
      const body = rows.slice(0, totalAt);
      for (const col of [2, 3]) {
        const sum = body.reduce((s, r) => s + Number(r[col] ?? 0), 0);
        expect(rows[totalAt]![col]).toBe(sum);
      }
    }
    const json = await report(admin, 'A', '2026-02');
    const hh = json.tables.reduce((s, t) => s + Number(t.total.households), 0);
    expect(hh).toBe(2);
  });

  it('builds B, C and E with their notes', async () => {
    for (const code of ['B', 'C', 'E']) {
      const res = await admin('GET', `/api/v1/stats/reports/${code}.xlsx?period=2026-05`);
      expect(res.statusCode, res.body).toBe(200);
    }
    const b = await report(admin, 'B', '2026-05');
    expect(acrossAreas(b, '370971001', 'persons')).toBe(1);
    expect(acrossAreas(b, '370971001', 'partial')).toBe(1);
    expect(b.notes.map((n) => n.column)).toContain('centralized');
    const e = await report(admin, 'E', '2026-05');
    expect(e.from).toBe('2026-01-01');
    expect(e.tables[0]!.total).toMatchObject({ dibaoHouseholds: 2, newDibaoHouseholds: 2 });
  });
});

describe('temporary assistance (report C)', () => {
  it('counts a first-aid payment as one person-time of a 低保 household, with the town fund balance', async () => {
    const district = await signIn(env, 'district');
    const h2 = await env.db
      .selectFrom('assistance_case')
      .select('household_id')
      .where('scheme', '=', 'TEKUN')
      .executeTakeFirstOrThrow();
    const opened = await town1('POST', '/api/v1/cases/urgent', {
      householdId: h2.household_id,
      villageCode: '370971001201',
      source: 'VILLAGE',
      cause: 'FIRE',
      summary: '房屋失火，生活用品损毁',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const alloc = await district('POST', '/api/v1/reserve-fund/movements', {
      townCode: '370971001',
      kind: 'ALLOCATE',
      amountFen: 500_000,
      note: '2026 年备用金',
    });
    expect(alloc.statusCode, alloc.body).toBe(201);
    for (const body of [
      { type: 'APPROVE_FIRST_AID', amountFen: 200_000, assessment: '急需基本生活用品' },
      { type: 'PAY_FIRST_AID', amountFen: 200_000, method: 'TRANSFER' },
    ]) {
      const res = await town1('POST', `/api/v1/cases/${id}/events`, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const c = await report(admin, 'C', '2026-06');
    expect(cell(c, 0, '370971001', 'events')).toBe(1);
    expect(c.tables[0]!.rows.find((r) => r.code === '370971001')?.values).toMatchObject({
      urgent: 1,
      ofDibao: 1,
      ofTekun: 1,
      ofOther: 0,
      firstAid: 1,
      firstAidAmount: 0.2,
      township: 1,
      amount: 0.2,
      avgLevel: 2000,
      reserve: 0.3,
    });
    expect(c.tables[0]!.total).toMatchObject({ events: 1, avgLevel: 2000 });
    const year = await overview(admin, 'year=2026');
    expect(year.kpis).toMatchObject({ tempEvents: 1, tempAmountFen: 200_000 });
    expect(year.months.find((m) => m.month === '2026-06')?.tempAmountFen).toBe(200_000);
    // The month before knows nothing of it.
    expect((await report(admin, 'C', '2026-05')).tables[0]!.total.events).toBe(0);
  });
});

describe('money paid', () => {
  it('sums the net of approved payroll lines only, by month and scheme', async () => {
    const c4 = await env.db
      .selectFrom('assistance_case')
      .select(['id', 'household_id', 'town_code', 'village_code'])
      .where('town_code', '=', '370971002')
      .where('scheme', '=', 'DIBAO')
      .executeTakeFirstOrThrow();
    const at = env.clock.now();
    for (const [month, status] of [
      ['2026-05-01', 'APPROVED'],
      ['2026-06-01', 'REVIEW'],
    ] as const) {
      // Written directly: the payroll module (a separate change) computes these rows in production.
      const run = await env.db
        .insertInto('payroll_run')
        .values({ county_code: '370971', scheme: 'DIBAO', month, status: 'REVIEW', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await env.db
        .insertInto('payroll_line')
        .values({
          county_code: '370971',
          scheme: 'DIBAO',
          month,
          case_id: c4.id,
          kind: 'MONTHLY',
          run_id: run.id,
          household_id: c4.household_id,
          town_code: c4.town_code,
          village_code: c4.village_code,
          entitlement_version: 1,
          gross_fen: 60_000,
        })
        .execute();
      await env.db.updateTable('payroll_run').set({ status }).where('id', '=', run.id).execute();
    }
    const year = await overview(admin, 'year=2026');
    expect(year.kpis.paidFen).toEqual({ DIBAO: 60_000, TEKUN: 0, TEMPORARY: 0 });
    expect(year.months.find((m) => m.month === '2026-05')?.paidFen.DIBAO).toBe(60_000);
    expect(year.months.find((m) => m.month === '2026-06')?.paidFen.DIBAO).toBe(0);
    const a = await report(admin, 'A', '2026-05');
    expect(acrossAreas(a, '370971002', 'paid')).toBe(0.06);
    // 600 元 for the 2 persons of the only 低保 household of town 002.
    const row = a.tables.flatMap((t) => t.rows).find((r) => r.code === '370971002' && r.values.persons === 2);
    expect(row?.values.avgLevel).toBe(300);
  });
});

describe('report D reads the monitoring register and the alerts (§12.2 D by category and 动态监测; §7.1, §7.4)', () => {
  it('counts department-list persons as of the period end, de-duplicated with the caseload, and the alert flow', async () => {
    const h2Person = await env.db
      .selectFrom('assistance_case')
      .select('subject_person_id')
      .where('scheme', '=', 'TEKUN')
      .executeTakeFirstOrThrow();
    const known = await env.db
      .selectFrom('person')
      .select(['id', 'id_number_bidx'])
      .where('id', '=', h2Person.subject_person_id!)
      .executeTakeFirstOrThrow();
    const row = (
      bidx: Buffer,
      category: string,
      personId: string | null,
      from: string,
      to: string | null,
    ) => ({
      county_code: '370971',
      person_bidx: bidx,
      category,
      source: 'FEED' as const,
      source_ref: `t-${category}-${from}`,
      person_id: personId,
      town_code: '370971001',
      village_code: '370971001201',
      valid_from: from,
      valid_to: to,
      updated_on: from,
    });
    await env.db
      .insertInto('person_category')
      .values([
        // Already counted as 特困: one more 防返贫 person, no one more in the total.
        row(known.id_number_bidx, 'RURAL_REVITALIZATION_MONITORED', known.id, '2026-02-01', null),
        // Unknown to the registry: counted by blind index, no household.
        row(Buffer.alloc(32, 7), 'RURAL_REVITALIZATION_MONITORED', null, '2026-02-01', null),
        row(Buffer.alloc(32, 8), 'ILLNESS_IMPOVERISHED', null, '2026-05-01', null),
        // Off the list before June: not counted at the end of June.
        row(Buffer.alloc(32, 9), 'OTHER', null, '2026-01-01', '2026-05-31'),
      ])
      .execute();
    await ensureDefaultRules(env.db, '370971', new Date('2026-06-01T00:00:00Z'));
    const alert = (
      key: string,
      raised: string,
      due: string,
      verified: string | null,
      closed: string | null,
    ) => ({
      county_code: '370971',
      rule_code: 'VEHICLE_OWNED',
      alert_type: 'VEHICLE',
      category: 'SUSPICIOUS',
      town_code: '370971001',
      village_code: '370971001201',
      assignee_level: 'VILLAGE' as const,
      assignee_code: '370971001201',
      state: closed ? 'CLOSED' : verified ? 'VERIFIED' : 'ASSIGNED',
      raised_on: raised,
      due_on: due,
      evidence: '{}',
      evidence_key: key,
      verified_on: verified,
      closed_on: closed,
      created_at: new Date(),
      updated_at: new Date(),
    });
    await env.db
      .insertInto('alert')
      .values([
        alert('a', '2026-06-02', '2026-06-16', '2026-06-10', '2026-06-12'), // raised, verified, closed on time
        alert('b', '2026-06-03', '2026-06-05', '2026-06-09', '2026-06-11'), // verified late
        alert('c', '2026-05-20', '2026-06-03', '2026-06-01', null), // raised in May, verified in June
        alert('d', '2026-04-01', '2026-04-15', '2026-04-10', '2026-04-20'), // all before June
      ])
      .execute();
    const d = await report(admin, 'D', '2026-06');
    expect(d.tables[0]!.rows.find((r) => r.code === '370971001')?.values).toMatchObject({
      households: 1,
      persons: 4,
      dibao: 2,
      tekun: 2,
      antiPoverty: 2,
      illness: 1,
      other: 0,
      alerts: 2,
      verified: 3,
      closedOnTime: 1,
    });
    const now = await overview(admin, 'year=2026');
    expect(now.kpis).toMatchObject({ monitoredHouseholds: 2, monitoredPersons: 6 });
    // In April the illness list had no one yet and the 防返贫 persons were on it.
    const april = await report(admin, 'D', '2026-04');
    expect(april.tables[0]!.rows.find((r) => r.code === '370971001')?.values).toMatchObject({
      antiPoverty: 2,
      illness: 0,
      other: 1,
    });
  });
});

describe('report B counts 特困 persons under a care-service contract (§12.2 B extra 委托照料服务覆盖人数; §5.4)', () => {
  it('counts the person while the contract covers them', async () => {
    const tekun = await env.db
      .selectFrom('assistance_case')
      .select(['id', 'subject_person_id', 'town_code', 'village_code'])
      .where('scheme', '=', 'TEKUN')
      .executeTakeFirstOrThrow();
    const at = new Date('2026-04-01T00:00:00Z');
    const provider = await env.db
      .insertInto('care_provider')
      .values({
        county_code: '370971',
        name: '测试照护服务中心',
        credit_code: '91370900MA3TEST001',
        contact_name: '张三',
        contact_phone: '0538-1234567',
        account_name: '测试照护服务中心',
        bank_account: '6222000000000001',
        bank_name: '测试银行',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contract = await env.db
      .insertInto('care_contract')
      .values({
        county_code: '370971',
        contract_no: 'WT-TEST-1',
        provider_id: provider.id,
        town_code: tekun.town_code,
        service_type: 'HOME_CARE',
        items: '[]',
        visits_per_month: 4,
        fee_fen: 0,
        valid_from: '2026-01-01',
        valid_to: '2026-12-31',
        status: 'ACTIVE',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.db
      .insertInto('care_contract_person')
      .values({
        county_code: '370971',
        contract_id: contract.id,
        service_type: 'HOME_CARE',
        person_id: tekun.subject_person_id!,
        case_id: tekun.id,
        town_code: tekun.town_code,
        village_code: tekun.village_code,
        care_level: 'PARTIAL_LOSS',
        from_on: '2026-05-01',
        to_on: '2026-12-31',
        created_at: at,
      })
      .execute();
    expect(acrossAreas(await report(admin, 'B', '2026-06'), tekun.town_code, 'commissioned')).toBe(1);
    expect(acrossAreas(await report(admin, 'B', '2026-04'), tekun.town_code, 'commissioned')).toBe(0);
  });
});

describe('report A counts 单人保 persons on the serious-illness list (§12.2 A base: 单人保 of which 重病; §7.3)', () => {
  it('counts a 单人保 person once the health commission lists them, from the diagnosis date', async () => {
    const single = await env.db
      .selectFrom('assistance_case as c')
      .innerJoin('person as p', (j) => j.onRef('p.id', '=', 'c.subject_person_id'))
      .select(['c.town_code', 'p.id_number_bidx'])
      .where('c.scheme', '=', 'DIBAO_SINGLE')
      .executeTakeFirstOrThrow();
    await env.db
      .insertInto('feed_record')
      .values({
        county_code: '370971',
        source: 'SERIOUS_ILLNESS',
        record_key: Buffer.alloc(32, 1),
        person_bidx: single.id_number_bidx,
        occurred_on: '2026-05-10',
        data: JSON.stringify({ diagnosedOn: '2026-05-10', category: '恶性肿瘤' }),
        batch_id: '00000000-0000-4000-8000-00000000000a',
        row_no: 1,
      })
      .execute();
    expect(acrossAreas(await report(admin, 'A', '2026-06'), single.town_code, 'singleIll')).toBe(1);
    expect(acrossAreas(await report(admin, 'A', '2026-04'), single.town_code, 'singleIll')).toBe(0);
  });
});
