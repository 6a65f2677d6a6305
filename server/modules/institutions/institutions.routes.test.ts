import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCreditCode } from '../../../contracts/institutions.ts';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// 集中供养 (domain-rules §5.4; S3 Art.19): a 特困 person chooses support in an institution or at
// home; centralised support is paid to the institution (payment target INSTITUTION vs the person's
// account), an institution takes no more persons than its beds, and an approved month keeps the
// payee it was paid to.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;
const as = async (user: string) => (await signIn(env, user)) as Api;

// GB 32100-2015 check characters computed by hand for these bodies (mod 31 over weights 3^i mod 31).
describe('统一社会信用代码 check (GB 32100-2015)', () => {
  it.each([
    ['52370911MJD123456C', true, 'a social organisation registered by 民政 (5), valid check'],
    ['12370911MB0000001E', true, 'a public institution (1), valid check'],
    ['52370911MJD123456D', false, 'wrong check character'],
    ['52370911MJD12345C', false, '17 characters'],
    ['52370911MJI123456C', false, 'I is not in the character set'],
    ['5237091AMJD123456C', false, 'the region part must be digits'],
  ])('%s → %s (%s)', (code, ok) => {
    expect(isCreditCode(code)).toBe(ok);
  });
});

const home = (over: Record<string, unknown> = {}) => ({
  name: '泰山区第一敬老院',
  creditCode: '52370911MJD123456C',
  townCode: '370971001',
  address: '敬老路 8 号',
  capacity: 1,
  accountName: '泰山区第一敬老院',
  bankAccount: '6228480011112222333',
  bankName: '农业银行泰山支行',
  ...over,
});

let homeId: string;
let G: string; // a 特困 case placed in the home
let K: string; // a second 特困 case, refused while the home is full

describe('institutions and support mode', () => {
  it('the district registers an institution; bad input is refused field by field and changes nothing', async () => {
    const district = await as('district');
    const bad = await district(
      'POST',
      '/api/v1/institutions',
      home({ creditCode: '52370911MJD123456D', capacity: 0 }),
    );
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['creditCode', 'capacity']));
    const town = await as('town001');
    expect((await town('POST', '/api/v1/institutions', home())).statusCode).toBe(403);
    expect((await district('GET', '/api/v1/institutions')).json().items).toEqual([]);

    const ok = await district('POST', '/api/v1/institutions', home());
    expect(ok.statusCode, ok.body).toBe(201);
    homeId = ok.json().id;
    expect(ok.json()).toMatchObject({ capacity: 1, residents: 0, active: true });
    const dup = await district('POST', '/api/v1/institutions', home({ name: '另一家' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('institutions.duplicate_credit_code');
    // Towns read the list to place persons.
    expect((await town('GET', '/api/v1/institutions')).json().items.map((i: { id: string }) => i.id)).toEqual(
      [homeId],
    );
  });

  it('a town records centralised support; the home is then full and a second placement is refused', async () => {
    const admin = await as('admin');
    const [g, k] = [await buildHousehold(env), await buildHousehold(env)];
    const subject = async (id: string) =>
      (
        await env.db
          .selectFrom('household_member')
          .select('person_id')
          .where('household_id', '=', id)
          .executeTakeFirstOrThrow()
      ).person_id;
    const tekun = async (householdId: string, ref: string) => ({
      householdId,
      scheme: 'TEKUN',
      subjectPersonId: await subject(householdId),
      decidedOn: '2026-01-05',
      amountFen: 150_000,
      careLevel: 'SELF_CARE',
      sourceRef: ref,
    });
    const res = await admin('POST', '/api/v1/cases/legacy', {
      reason: '原系统数据迁移',
      cases: [await tekun(g!.id, 'I-1'), await tekun(k!.id, 'I-2')],
    });
    expect(res.statusCode, res.body).toBe(201);
    [G, K] = res.json().created.map((c: { id: string }) => c.id);

    const town = await as('town001');
    const village = await as('v001201');
    const detail = (await town('GET', `/api/v1/cases/${G}`)).json();
    expect(detail.allowedEvents).toContain('SET_SUPPORT_MODE');
    expect((await village('GET', `/api/v1/cases/${G}`)).json().allowedEvents).not.toContain(
      'SET_SUPPORT_MODE',
    );

    const noHome = await town('POST', `/api/v1/cases/${G}/events`, {
      type: 'SET_SUPPORT_MODE',
      mode: 'CENTRALISED',
      reason: '本人申请入住敬老院',
    });
    expect(noHome.statusCode).toBe(409);
    expect(noHome.json().error.code).toBe('cases.institution_required');

    const placed = await town('POST', `/api/v1/cases/${G}/events`, {
      type: 'SET_SUPPORT_MODE',
      mode: 'CENTRALISED',
      institutionId: homeId,
      reason: '本人申请入住敬老院',
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const row = await env.db
      .selectFrom('assistance_case')
      .select(['support_mode', 'institution_id', 'version'])
      .where('id', '=', G)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ support_mode: 'CENTRALISED', institution_id: homeId });

    const before = await env.db.selectFrom('case_event').select('seq').where('case_id', '=', K).execute();
    const full = await town('POST', `/api/v1/cases/${K}/events`, {
      type: 'SET_SUPPORT_MODE',
      mode: 'CENTRALISED',
      institutionId: homeId,
      reason: '本人申请入住敬老院',
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('institutions.full');
    const after = await env.db.selectFrom('case_event').select('seq').where('case_id', '=', K).execute();
    expect(after).toEqual(before);

    const district = await as('district');
    const shrink = await district(
      'PUT',
      `/api/v1/institutions/${homeId}`,
      home({ capacity: 1, active: false }),
    );
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.details[0].field).toBe('active');
    const list = (await district('GET', '/api/v1/institutions')).json().items;
    expect(list[0]).toMatchObject({ residents: 1, active: true });
  });

  it('payroll pays the institution while placed, the person once back home; approved months keep their payee', async () => {
    let district = await as('district');
    const run = async (month: string) => {
      const res = await district('POST', '/api/v1/payroll-runs', { scheme: 'TEKUN', month });
      expect(res.statusCode, res.body).toBe(202);
      await env.jobs.drain();
      const id = res.json().runId as string;
      const items = (await district('GET', `/api/v1/payroll-runs/${id}/lines?limit=500`)).json().items as {
        caseId: string;
        payee: string;
        institutionName: string | null;
        grossFen: number;
      }[];
      const ok = await district('POST', `/api/v1/payroll-runs/${id}/approve`, { note: '经审核同意发放' });
      expect(ok.statusCode, ok.body).toBe(200);
      return Object.assign(
        (caseId: string) =>
          items.filter((l) => l.caseId === caseId).map((l) => [l.payee, l.institutionName, l.grossFen]),
        { id },
      );
    };
    const june = await run('2026-06-01');
    expect(june(G)).toEqual([['INSTITUTION', '泰山区第一敬老院', 150_000]]);
    expect(june(K)).toEqual([['HOUSEHOLD', null, 150_000]]);
    // The bank file pays the home's account, identified by its credit code, not the person's.
    const file = await district('GET', `/api/v1/payroll-runs/${june.id}/bank-file?format=csv`);
    expect(file.statusCode, file.body).toBe(200);
    const homeRows = file.body.split('\n').filter((l) => l.includes('6228480011112222333'));
    expect(homeRows).toHaveLength(1);
    expect(homeRows[0]).toContain('泰山区第一敬老院');
    expect(homeRows[0]).toContain('52370911MJD123456C');
    expect(homeRows[0]).toContain('1500.00');

    env.clock.set(new Date('2026-07-02T09:00:00+08:00'));
    district = await as('district');
    const town = await as('town001');
    const home2 = await town('POST', `/api/v1/cases/${G}/events`, {
      type: 'SET_SUPPORT_MODE',
      mode: 'DISPERSED',
      reason: '本人要求回家分散供养',
    });
    expect(home2.statusCode, home2.body).toBe(200);
    const july = await run('2026-07-01');
    expect(july(G)).toEqual([['HOUSEHOLD', null, 150_000]]);
    const juneLine = await env.db
      .selectFrom('payroll_line')
      .select(['payee', 'institution_id'])
      .where('case_id', '=', G)
      .where('month', '=', '2026-06-01')
      .executeTakeFirstOrThrow();
    expect(juneLine).toEqual({ payee: 'INSTITUTION', institution_id: homeId });
    // The bed is free again: the second person can now be placed.
    const placed = await town('POST', `/api/v1/cases/${K}/events`, {
      type: 'SET_SUPPORT_MODE',
      mode: 'CENTRALISED',
      institutionId: homeId,
      reason: '本人申请入住敬老院',
    });
    expect(placed.statusCode, placed.body).toBe(200);
  });

  it('report B counts centralised persons from the month’s approved payroll', async () => {
    const district = await as('district');
    type Table = { rows: { code: string; values: Record<string, number | null> }[] };
    const sum = async (period: string, key: string) => {
      const res = await district('GET', `/api/v1/stats/reports/B?period=${period}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().tables as Table[]).reduce(
        (s, t) => s + Number(t.rows.find((r) => r.code === '370971001')?.values[key] ?? 0),
        0,
      );
    };
    expect([await sum('2026-06', 'centralized'), await sum('2026-06', 'dispersed')]).toEqual([1, 1]);
    expect([await sum('2026-07', 'centralized'), await sum('2026-07', 'dispersed')]).toEqual([0, 2]);
  });
});
