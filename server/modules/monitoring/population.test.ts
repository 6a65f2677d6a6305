import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { migrateLegacyCases } from '../cases/legacy.usecases.ts';
import { compareNow } from './compare.usecases.ts';
import { monitoredPopulation } from './dashboard.usecases.ts';
import { syncCaseCategories } from './population.repository.ts';
import { deliverTestFeed } from './test-feeds.ts';

// §7.1 monitored population: categories per person from cases and from the 乡村振兴 list, counted
// once per person (by ID number) however many categories they hold; people on a department list
// who are not helped become proactive-discovery alerts (§7.3; S5 §三(三)).

let env: TestEnv;
const p = {
  dibaoHead: nextIdNumber(),
  dibaoSpouse: nextIdNumber('1972-03-08', 2),
  tekun: nextIdNumber('1940-02-02'),
  notHelped: nextIdNumber(),
  unknown1: nextIdNumber(),
  unknown2: nextIdNumber(),
  removed: nextIdNumber(),
};
const rr = (idNumber: string, extra: Record<string, string> = {}) => ({
  idNumber,
  since: '2026-06-01',
  risk: 'ILLNESS',
  status: 'MONITORED',
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-02T10:00:00+08:00' });
  const dibao = await buildHousehold(env, {
    members: [
      buildPerson({ idNumber: p.dibaoHead }),
      buildPerson({ name: '李测试', relationCode: '12', idNumber: p.dibaoSpouse }),
    ],
  });
  const tekun = await buildHousehold(
    env,
    { villageCode: '370971002201', members: [buildPerson({ idNumber: p.tekun })] },
    'district',
  );
  const tekunPerson = await env.db
    .selectFrom('household_member')
    .select('person_id')
    .where('household_id', '=', tekun.id)
    .executeTakeFirstOrThrow();
  const other = await buildHousehold(env, {
    villageCode: '370971001202',
    members: [
      buildPerson({ idNumber: p.notHelped }),
      buildPerson({ idNumber: p.removed, relationCode: '20' }),
    ],
  });
  await migrateLegacyCases(env, env.ctx('admin'), {
    reason: '原系统数据迁移（测试）',
    cases: [
      {
        householdId: dibao.id,
        scheme: 'DIBAO',
        decidedOn: '2026-01-05',
        amountFen: 60_000,
        householdSize: 2,
        sourceRef: 'P-1',
      },
      {
        householdId: tekun.id,
        scheme: 'TEKUN',
        subjectPersonId: tekunPerson.person_id,
        decidedOn: '2025-03-01',
        amountFen: 120_000,
        careLevel: 'SELF_CARE',
        sourceRef: 'P-2',
      },
    ],
  });
  void other;
  await deliverTestFeed(env, 'RURAL_REVITALIZATION', [
    rr(p.dibaoSpouse), // already 低保: counted once, no alert
    rr(p.notHelped), // in the registry, not helped: proactive alert to their village
    rr(p.unknown1, { villageCode: '370971002203' }), // unknown: routed by the list's village
    rr(p.unknown2, { villageCode: '999999999999' }), // unknown, no usable village: the district
    rr(p.removed, { since: '2026-01-01' }),
    rr(p.removed, { since: '2026-08-01', status: 'RISK_REMOVED' }), // newest record: no longer monitored
  ]);
  await compareNow(env, env.ctx('district'));
});
afterAll(async () => {
  await env?.close();
});

describe('monitored population (§7.1, de-duplicated by ID number)', () => {
  it('counts every person once: 2 低保 + 1 特困 + 3 more on the 防返贫 list = 6', async () => {
    const v = await monitoredPopulation(env, env.ctx('district'), {});
    expect(v.total).toBe(6);
    expect(v.byCategory).toEqual({ DIBAO: 2, TEKUN: 1, RURAL_REVITALIZATION_MONITORED: 4 });
    expect(v.unknownToRegistry).toBe(2);
    const town001 = v.rows.find((r) => r.code === '370971001')!;
    expect(town001).toMatchObject({ total: 3, byCategory: { DIBAO: 2, RURAL_REVITALIZATION_MONITORED: 2 } });
    expect(v.rows.find((r) => r.code === '370971002')).toMatchObject({ total: 2 });
    expect(v.rows.find((r) => r.code === null)).toMatchObject({ total: 1 });
  });

  it('a town sees its own villages only; another town is not in its jurisdiction', async () => {
    const v = await monitoredPopulation(env, env.ctx('town001'), {});
    expect(v.total).toBe(3);
    expect(v.rows.map((r) => r.code)).toEqual(['370971001201', '370971001202']);
    await expect(
      monitoredPopulation(env, env.ctx('town001'), { divisionCode: '370971002' }),
    ).rejects.toMatchObject({ code: 'common.not_found' });
    await expect(monitoredPopulation(env, env.ctx('v001201'), {})).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });

  it('a re-run changes nothing; a closed case closes its categories (valid_to) without deleting them', async () => {
    await compareNow(env, env.ctx('district'));
    expect((await monitoredPopulation(env, env.ctx('district'), {})).total).toBe(6);
    // The caseload is as the first run left it: no row is written again, not even its updated_on.
    expect(await syncCaseCategories(env.db, '370971', '2026-11-20')).toBe(0);
    const days = await env.db.selectFrom('person_category').select('updated_on').distinct().execute();
    expect(days).toEqual([{ updated_on: '2026-11-02' }]);
    await env.db
      .updateTable('assistance_case')
      .set({ stage: 'CLOSED' })
      .where('scheme', '=', 'TEKUN')
      .execute();
    await compareNow(env, env.ctx('district'));
    const v = await monitoredPopulation(env, env.ctx('district'), {});
    expect(v.total).toBe(5);
    const kept = await env.db
      .selectFrom('person_category')
      .select(['valid_to'])
      .where('category', '=', 'TEKUN')
      .execute();
    expect(kept).toEqual([{ valid_to: '2026-11-02' }]);
  });
});

describe('proactive discovery (§7.3 乡村振兴 comparison; S5 §三(三))', () => {
  it('raises an alert for each listed person not helped, routed to the right village, none for the helped', async () => {
    const alerts = await env.db
      .selectFrom('alert')
      .select(['person_id', 'assignee_level', 'assignee_code', 'village_code', 'person_bidx'])
      .where('rule_code', '=', 'RURAL_REVITALIZATION_NOT_HELPED')
      .execute();
    const of = (id: string) =>
      alerts.find((a) => a.person_bidx?.equals(env.cipher.blindIndex('id_number', id)));
    expect(alerts).toHaveLength(3);
    expect(of(p.dibaoSpouse)).toBeUndefined();
    expect(of(p.removed)).toBeUndefined();
    expect(of(p.notHelped)).toMatchObject({ assignee_level: 'VILLAGE', village_code: '370971001202' });
    expect(of(p.unknown1)).toMatchObject({
      person_id: null,
      assignee_level: 'VILLAGE',
      assignee_code: '370971002203',
    });
    expect(of(p.unknown2)).toMatchObject({
      person_id: null,
      assignee_level: 'DISTRICT',
      assignee_code: '370971',
    });
  });
});
