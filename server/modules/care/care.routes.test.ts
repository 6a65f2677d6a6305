import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCheckChar } from '../../../contracts/institutions.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, TEST_PASSWORD, type TestEnv } from '../../test/harness.ts';
import { createUsers } from '../admin/users.usecases.ts';
import { CARE_MISSED_JOB } from './care.jobs.ts';
import { linkProviderAccount } from './care-providers.usecases.ts';

// Purchased care end to end through the API (§5.4 分散供养 → government-purchased third-party care;
// §9.1 物质+服务): contracts refuse overlapping coverage of the same service, carers record visits for
// their own persons only, health events and missed visits raise village alerts, the town verifies
// its own contracts' months, and only a verified month is paid to the provider by the CARE payroll.

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;
const code = (serial: string) => {
  const body = `52370911MJ${serial}`;
  return body + creditCheckChar(body);
};
const provider = (name: string, serial: string, account: string) => ({
  name,
  creditCode: code(serial),
  qualification: '养老服务机构备案 370911-2026-001',
  contactName: '张经理',
  contactPhone: '0538-8888888',
  accountName: name,
  bankAccount: account,
  bankName: '泰安银行高新区支行',
});
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

const ids: Record<string, string> = {};
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-10T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

async function tekunCase(careLevel: string, ref: string) {
  const h = await buildHousehold(env);
  const person = await env.db
    .selectFrom('household_member')
    .select('person_id')
    .where('household_id', '=', h!.id)
    .executeTakeFirstOrThrow();
  const res = await (await as('admin'))('POST', '/api/v1/cases/legacy', {
    reason: '原系统数据迁移',
    cases: [
      {
        householdId: h!.id,
        scheme: 'TEKUN',
        subjectPersonId: person.person_id,
        decidedOn: '2026-01-05',
        amountFen: 150_000,
        careLevel,
        sourceRef: ref,
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().created[0].id as string;
}

const visit = (coverageId: string, day: string, minutes: number, over: Record<string, unknown> = {}) => {
  const start = new Date(`${day}T09:00:00+08:00`);
  return {
    coverageId,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
    items: ['HEALTH_CHECK'],
    confirmation: { by: 'PERSON', signature: { mime: 'image/png', dataBase64: PNG } },
    ...over,
  };
};

describe('providers and contracts', () => {
  it('the district registers providers with carers and accounts; towns may not', async () => {
    const district = await as('district');
    expect(
      (
        await (
          await as('town001')
        )('POST', '/api/v1/care/providers', provider('某照护机构', '0000001', '6222000011110001'))
      ).statusCode,
    ).toBe(403);
    const a = await district(
      'POST',
      '/api/v1/care/providers',
      provider('泰安康养照护中心', '0000001', '6222000011110001'),
    );
    expect(a.statusCode, a.body).toBe(201);
    const b = await district(
      'POST',
      '/api/v1/care/providers',
      provider('高新区邻里互助社', '0000002', '6222000011110002'),
    );
    ids.A = a.json().id;
    ids.B = b.json().id;
    const sa = await district('POST', `/api/v1/care/providers/${ids.A}/staff`, {
      name: '李护理',
      phone: '13800138000',
    });
    expect(sa.statusCode, sa.body).toBe(201);
    expect(sa.json().staff).toEqual([{ id: expect.any(String), name: '李护理', phoneMask: '138****8000' }]);
    ids.staffA = sa.json().staff[0].id;
    ids.staffB = (
      await district('POST', `/api/v1/care/providers/${ids.B}/staff`, { name: '王护理' })
    ).json().staff[0].id;
    const acc = await district('POST', `/api/v1/care/providers/${ids.A}/accounts`, {
      username: 'provider_new',
      displayName: '康养中心',
      staffId: ids.staffA,
    });
    expect(acc.statusCode, acc.body).toBe(201);
    expect(acc.json().password).toEqual(expect.any(String));
    // Accounts the test signs in with (known password), linked the way the demo does it.
    await createUsers(env.db, env.clock, [
      {
        username: 'prov_a',
        displayName: '康养中心李护理',
        role: 'care_provider',
        jurisdictionCode: '370971',
        passwordHash: await hashPassword(TEST_PASSWORD),
        mustChangePassword: false,
      },
      {
        username: 'prov_b',
        displayName: '互助社',
        role: 'care_provider',
        jurisdictionCode: '370971',
        passwordHash: await hashPassword(TEST_PASSWORD),
        mustChangePassword: false,
      },
    ]);
    const users = await env.db
      .selectFrom('app_user')
      .select(['id', 'username'])
      .where('username', 'in', ['prov_a', 'prov_b'])
      .execute();
    const uid = (n: string) => users.find((u) => u.username === n)!.id;
    await linkProviderAccount(env, '370971', uid('prov_a'), ids.A!, ids.staffA!);
    await linkProviderAccount(env, '370971', uid('prov_b'), ids.B!, null);
  });

  it('overlapping coverage of the same service is refused with a bilingual error; adjacent or another service is fine', async () => {
    const district = await as('district');
    const contract = async (no: string, providerId: string, serviceType: string) => {
      const r = await district('POST', '/api/v1/care/contracts', {
        contractNo: no,
        providerId,
        townCode: '370971001',
        serviceType,
        items: ['HEALTH_CHECK', 'CLEANING', 'MEAL_HELP', 'MEDICATION'],
        visitsPerMonth: 4,
        feeFen: 60_000,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    ids.KA = await contract('HJ-2026-001', ids.A!, 'HOME_CARE');
    ids.KB = await contract('HJ-2026-002', ids.B!, 'HOME_CARE');
    ids.KM = await contract('HJ-2026-003', ids.B!, 'MEAL');
    ids.C1 = await tekunCase('SELF_CARE', 'C-1');
    ids.C2 = await tekunCase('PARTIAL_LOSS', 'C-2');
    ids.C3 = await tekunCase('FULL_LOSS', 'C-3');
    const cover = (k: string, caseId: string, fromOn: string, toOn: string) =>
      district('POST', `/api/v1/care/contracts/${k}/persons`, { caseId, fromOn, toOn });
    const first = await cover(ids.KA, ids.C1, '2026-01-01', '2026-06-30');
    expect(first.statusCode, first.body).toBe(201);
    const p1 = first.json().persons[0];
    expect(p1.plan).toEqual({
      careLevel: 'SELF_CARE',
      visitsPerMonth: 4,
      minMinutes: 30,
      items: ['HEALTH_CHECK', 'CLEANING'],
    });
    const clash = await cover(ids.KB, ids.C1, '2026-06-01', '2026-12-31');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'care.coverage_overlap',
      message: expect.stringContaining('HJ-2026-001'),
    });
    expect(clash.json().error.messageEn).toContain('cannot overlap');
    expect((await cover(ids.KB, ids.C1, '2026-07-01', '2026-12-31')).statusCode).toBe(201);
    expect((await cover(ids.KM, ids.C1, '2026-03-01', '2026-08-31')).statusCode).toBe(201);
    const c2 = await cover(ids.KA, ids.C2, '2026-05-11', '2026-12-31');
    expect(c2.json().persons.find((p: { caseId: string }) => p.caseId === ids.C2).plan.visitsPerMonth).toBe(
      8,
    );
    expect((await cover(ids.KB, ids.C3, '2026-01-01', '2026-12-31')).statusCode).toBe(201);
    const rows = await env.db
      .selectFrom('care_contract_person')
      .select(['id', 'case_id', 'contract_id'])
      .execute();
    const covOf = (k: string, c: string) => rows.find((r) => r.contract_id === k && r.case_id === c)!.id;
    ids.P1 = covOf(ids.KA, ids.C1);
    ids.P1M = covOf(ids.KM, ids.C1);
    ids.P2 = covOf(ids.KA, ids.C2);
    ids.P3 = covOf(ids.KB, ids.C3);
  });

  it('the database itself refuses an overlap that bypasses the use case (trigger, on either engine)', async () => {
    const row = await env.db
      .selectFrom('care_contract_person')
      .selectAll()
      .where('id', '=', ids.P1!)
      .executeTakeFirstOrThrow();
    const { id: _id, ...rest } = row;
    const err = await env.db
      .insertInto('care_contract_person')
      .values({ ...rest, contract_id: ids.KB!, from_on: '2026-06-15', to_on: '2026-06-20' })
      .execute()
      .catch((e) => e);
    expect((err as { code?: string }).code).toBe('23P01');
  });
});

describe('visits', () => {
  it('validates a visit field by field and refuses persons the provider does not cover', async () => {
    const a = await as('prov_a');
    const bad = async (body: Record<string, unknown>, status: number, field?: string) => {
      const r = await a('POST', '/api/v1/care/visits', body);
      expect(r.statusCode, r.body).toBe(status);
      if (field) expect(r.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
      return r;
    };
    const ok = visit(ids.P1!, '2026-05-04', 40);
    await bad({ ...ok, endedAt: new Date(Date.parse(ok.startedAt) - 60_000).toISOString() }, 400, 'endedAt');
    await bad(visit(ids.P1!, '2026-05-04', 5), 400, 'endedAt');
    await bad(visit(ids.P1!, '2026-06-11', 40), 400, 'endedAt');
    await bad({ ...ok, confirmation: undefined }, 400, 'confirmation');
    await bad({ ...ok, confirmation: { by: 'WITNESS', witnessName: '' } }, 400, 'confirmation.witnessName');
    await bad({ ...ok, gps: { lat: 117.1, lng: 36.2 } }, 400, 'gps');
    await bad({ ...ok, photo: { mime: 'image/gif', dataBase64: PNG } }, 400, 'photo.mime');
    await bad({ ...ok, photo: { mime: 'image/jpeg', dataBase64: PNG } }, 400, 'photo');
    const notOurs = await bad(visit(ids.P3!, '2026-05-04', 40), 404);
    expect(notOurs.json().error.code).toBe('care.coverage_not_found');
    const outside = await bad(visit(ids.P2!, '2026-05-04', 70), 409);
    expect(outside.json().error.code).toBe('care.not_covered');
    expect(await env.db.selectFrom('care_visit').select('id').execute()).toEqual([]);
  });

  it('records May’s visits; a health event raises one alert to the village at once', async () => {
    const a = await as('prov_a');
    for (const d of ['2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25']) {
      const r = await a(
        'POST',
        '/api/v1/care/visits',
        visit(ids.P1!, d, 40, {
          gps: { lat: 36.19, lng: 117.12, accuracyM: 15 },
          photo: { mime: 'image/png', dataBase64: PNG },
        }),
      );
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ minutes: 40, staffName: '李护理', hasPhoto: true, lat: 36.19 });
    }
    for (const d of ['2026-05-12', '2026-05-19', '2026-05-26'])
      expect((await a('POST', '/api/v1/care/visits', visit(ids.P2!, d, 70))).statusCode).toBe(201);
    // Too short for the plan's 60 minutes: recorded, not counted.
    const short = await a(
      'POST',
      '/api/v1/care/visits',
      visit(ids.P2!, '2026-05-28', 20, {
        confirmation: { by: 'WITNESS', witnessName: '邻居赵某' },
        healthEvent: true,
        healthNote: '血压 180/110，已建议就医',
      }),
    );
    expect(short.statusCode, short.body).toBe(201);
    const b = await as('prov_b');
    expect(
      (await b('POST', '/api/v1/care/visits', { ...visit(ids.P3!, '2026-05-06', 60), staffId: ids.staffB }))
        .statusCode,
    ).toBe(201);

    const alerts = await env.db
      .selectFrom('alert')
      .select(['rule_code', 'assignee_level', 'assignee_code', 'town_code', 'case_id'])
      .where('rule_code', '=', 'CARE_HEALTH_EVENT')
      .execute();
    expect(alerts).toEqual([
      {
        rule_code: 'CARE_HEALTH_EVENT',
        assignee_level: 'VILLAGE',
        assignee_code: '370971001201',
        town_code: '370971001',
        case_id: ids.C2,
      },
    ]);
    const village = await (await as('v001201'))('GET', '/api/v1/alerts?type=CARE_HEALTH_EVENT');
    expect(village.json().items).toHaveLength(1);
    expect(
      (await (await as('town001'))('GET', '/api/v1/alerts?type=CARE_HEALTH_EVENT')).json().items,
    ).toHaveLength(1);
  });

  it('a provider sees only its own persons and visits', async () => {
    const a = await as('prov_a');
    const b = await as('prov_b');
    const visitsB = (await b('GET', '/api/v1/care/visits?month=2026-05-01')).json().items;
    expect(visitsB.map((v: { coverageId: string }) => v.coverageId)).toEqual([ids.P3]);
    const visitsA = (await a('GET', '/api/v1/care/visits?month=2026-05-01')).json().items as {
      id: string;
      coverageId: string;
    }[];
    expect(new Set(visitsA.map((v) => v.coverageId))).toEqual(new Set([ids.P1, ids.P2]));
    expect((await a('GET', `/api/v1/care/visits/${visitsB[0].id}/signature`)).statusCode).toBe(404);
    const withPhoto = (visitsA as { id: string; hasPhoto?: boolean }[]).find((v) => v.hasPhoto)!;
    expect((await a('GET', `/api/v1/care/visits/${withPhoto.id}/photo`)).headers['content-type']).toContain(
      'image/png',
    );
    expect((await a('GET', '/api/v1/care/contracts')).json().items.map((k: { id: string }) => k.id)).toEqual([
      ids.KA,
    ]);
    const today = (await a('GET', '/api/v1/care/persons-today')).json();
    expect(today.items.map((p: { id: string }) => p.id).sort()).toEqual([ids.P1, ids.P2].sort());
  });
});

describe('missed visits', () => {
  it('raises one alert per person short of the plan in the month just over, once (idempotent)', async () => {
    const run = async () => {
      await env.jobs.enqueue({
        name: CARE_MISSED_JOB,
        countyCode: '370971',
        scope: '370971',
        period: `t${Math.random()}`,
        payload: { date: '2026-06-10' },
        createdBy: null,
      });
      await env.jobs.drain();
    };
    await run();
    await run();
    const rows = await env.db
      .selectFrom('alert')
      .select(['evidence_key', 'assignee_level', 'due_on'])
      .where('rule_code', '=', 'CARE_MISSED_VISIT')
      .execute();
    // C2 got 3 counted of 6 required (21 of 31 days of 8/month), C1 none of its meal service; C1's home care
    // (4 of 4) and C3 (1 of 20, but its verification is the test below) — C3 is short too.
    expect(rows.map((r) => r.evidence_key).sort()).toEqual(
      [`${ids.P1M}:2026-05`, `${ids.P2}:2026-05`, `${ids.P3}:2026-05`].sort(),
    );
    expect(rows.every((r) => r.assignee_level === 'VILLAGE')).toBe(true);
  });
});

describe('town verification and the CARE payroll', () => {
  it('a town verifies only its own contracts; providers may not verify', async () => {
    expect(
      (
        await (
          await as('town002')
        )('POST', '/api/v1/care/verifications', { contractId: ids.KA, month: '2026-05-01' })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await as('prov_a')
        )('POST', '/api/v1/care/verifications', { contractId: ids.KA, month: '2026-05-01' })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await (
          await as('town001')
        )('POST', '/api/v1/care/verifications', { contractId: ids.KA, month: '2026-06-01' })
      ).json().error.code,
    ).toBe('care.month_not_over');
  });

  it('verifies May after the sample check: the payment basis per person, pro rata in fen', async () => {
    const town = await as('town001');
    const open = await town('POST', '/api/v1/care/verifications', {
      contractId: ids.KA,
      month: '2026-05-01',
    });
    expect(open.statusCode, open.body).toBe(200);
    const v = open.json();
    expect(v.samples).toHaveLength(1);
    expect((await town('POST', `/api/v1/care/verifications/${v.id}/verify`)).json().error.code).toBe(
      'care.samples_pending',
    );
    expect(
      (
        await town('POST', `/api/v1/care/verifications/${v.id}/samples/${v.samples[0].visitId}`, {
          result: 'CONFIRMED',
          note: '电话回访属实',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await town('POST', `/api/v1/care/verifications/${v.id}/calls`, {
          coverageId: ids.P1,
          result: 'SATISFIED',
        })
      ).statusCode,
    ).toBe(200);
    const done = await town('POST', `/api/v1/care/verifications/${v.id}/verify`);
    expect(done.statusCode, done.body).toBe(200);
    const lines = Object.fromEntries(done.json().lines.map((l: { coverageId: string }) => [l.coverageId, l]));
    expect(lines[ids.P1!]).toMatchObject({
      requiredVisits: 4,
      countedVisits: 4,
      basisFen: 60_000,
      call: 'SATISFIED',
    });
    expect(lines[ids.P2!]).toMatchObject({
      coveredDays: 21,
      requiredVisits: 6,
      recordedVisits: 4,
      countedVisits: 3,
      basisFen: 20_322,
    });
    expect(done.json()).toMatchObject({ status: 'VERIFIED', persons: 2, basisFen: 80_322 });
    expect((await town('POST', `/api/v1/care/verifications/${v.id}/verify`)).json().error.code).toBe(
      'care.already_verified',
    );
    // Provider B's month is opened but not verified: it must not be paid.
    expect(
      (await town('POST', '/api/v1/care/verifications', { contractId: ids.KB, month: '2026-05-01' }))
        .statusCode,
    ).toBe(200);
  });

  it('the verified basis flows into the CARE run and the bank file to the provider; the unverified one does not', async () => {
    const district = await as('district');
    const start = await district('POST', '/api/v1/payroll-runs', { scheme: 'CARE', month: '2026-05-01' });
    expect(start.statusCode, start.body).toBe(202);
    await env.jobs.drain();
    const runId = start.json().runId as string;
    const lines = (await district('GET', `/api/v1/payroll-runs/${runId}/lines?limit=500`)).json().items as {
      caseId: string;
      payee: string;
      institutionName: string;
      grossFen: number;
      kind: string;
    }[];
    expect(lines.map((l) => [l.caseId, l.kind, l.payee, l.institutionName, l.grossFen]).sort()).toEqual(
      [
        [ids.C1, 'CARE', 'PROVIDER', '泰安康养照护中心', 60_000],
        [ids.C2, 'CARE', 'PROVIDER', '泰安康养照护中心', 20_322],
      ].sort(),
    );
    // Recomputing adds nothing new (the line key is the idempotency rule).
    expect((await district('POST', `/api/v1/payroll-runs/${runId}/recompute`)).statusCode).toBe(202);
    await env.jobs.drain();
    expect((await district('GET', `/api/v1/payroll-runs/${runId}/lines?limit=500`)).json().total).toBe(2);
    expect(
      (await district('POST', `/api/v1/payroll-runs/${runId}/approve`, { note: '经审核同意支付照护服务费' }))
        .statusCode,
    ).toBe(200);
    const file = await district('GET', `/api/v1/payroll-runs/${runId}/bank-file?format=csv`);
    expect(file.statusCode, file.body).toBe(200);
    const rows = file.body.split('\n').filter((l) => l.includes('6222000011110001'));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes('泰安康养照护中心') && r.includes(code('0000001')))).toBe(true);
    expect(rows.some((r) => r.includes('600.00'))).toBe(true);
    expect(rows.some((r) => r.includes('203.22'))).toBe(true);
    expect(file.body).not.toContain('6222000011110002');
  });
});
