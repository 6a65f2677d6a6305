import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { step, teamAt } from '../../test/case-api.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import {
  type Application,
  consentAll,
  deliverTestFeed,
  FACTS,
  investigatingDibao,
} from './check-test-helpers.ts';

// The check report (domain-rules §8.3) through the API: the county starts the check (late starts
// flagged, S1 Art.17), the report is built from the department records held for the subjects, a
// re-run is version 2 with version 1 untouched, every print is counted and audited, a town officer
// of another town cannot see it, and the decision cites the version it relied on (§2.5).

let env: TestEnv;
let app: Application;
let requestId: string;
let v1Id: string;
let v1Json: unknown;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-29T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

describe('check reports', () => {
  it('is started by the county, late after the start-by date, and built from the feed records', async () => {
    let t = await teamAt(env, '2026-09-29T09:00:00+08:00');
    app = await investigatingDibao(env, t);
    await consentAll(t.village, app);
    await step(t.town, app.id, { type: 'REQUEST_CHECK' });
    const [head, spouse] = app.idNumbers as [string, string];
    await deliverTestFeed(
      env,
      'VEHICLE',
      [
        {
          idNumber: head,
          occurredOn: '2024-05-01',
          data: {
            registeredOn: '2024-05-01',
            plate: '鲁J12345',
            vehicleType: 'CAR',
            useNature: 'PRIVATE',
            status: 'NORMAL',
          },
        },
      ],
      '2026-09-20T10:00:00+08:00',
    );
    await deliverTestFeed(
      env,
      'REAL_ESTATE',
      [
        {
          idNumber: head,
          occurredOn: '2010-03-01',
          data: {
            registeredOn: '2010-03-01',
            location: '高新区一号',
            areaM2: 80,
            use: 'RESIDENTIAL',
            shared: 'SOLE',
          },
        },
        {
          idNumber: spouse,
          occurredOn: '2018-08-01',
          data: {
            registeredOn: '2018-08-01',
            location: '高新区二号',
            areaM2: 95,
            use: 'RESIDENTIAL',
            shared: 'SOLE',
          },
        },
      ],
      '2026-09-20T10:00:00+08:00',
    );
    await deliverTestFeed(
      env,
      'DEPOSITS',
      [
        {
          idNumber: spouse,
          occurredOn: '2026-09-01',
          data: { asOf: '2026-09-01', personalOverLimit: false },
        },
      ],
      '2026-09-20T10:00:00+08:00',
    );
    await step(t.town, app.id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['王敏', '李强'],
      visitMode: 'ON_SITE',
      findings: '属实',
      facts: FACTS,
    });
    await step(t.town, app.id, { type: 'DRAFT_OPINION', opinion: '拟纳入低保' });
    await step(t.village, app.id, { type: 'PUBLISH' });
    requestId = (await t.town('GET', `/api/v1/cases/${app.id}/check-requests`)).json().items[0].id;

    // S1 Art.17: the county starts the check; a town officer may not.
    const byTown = await t.town('POST', `/api/v1/check-requests/${requestId}/start`);
    expect(byTown.statusCode).toBe(403);
    expect(byTown.json().error.code).toBe('checks.county_only');

    t = await teamAt(env, '2026-10-12T09:00:00+08:00');
    const started = await t.district('POST', `/api/v1/check-requests/${requestId}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ late: true, report: { version: 1 } });
    expect((await t.district('POST', `/api/v1/check-requests/${requestId}/start`)).json().error.code).toBe(
      'checks.already_started',
    );
    v1Id = started.json().report.id;
    const res = await t.town('GET', `/api/v1/check-reports/${v1Id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('张核对');
    const report = res.json();
    v1Json = report;
    expect(report).toMatchObject({
      version: 1,
      reportNo: 'HD-370971-2026-000001',
      asOf: '2026-10-12',
      objectionUntil: '2026-10-17',
    });
    expect(report.sections.basic.members.map((m: { nameMask: string }) => m.nameMask)).toEqual([
      '张*对',
      '刘*对',
    ]);
    expect(report.sections.basic.supporters).toEqual([]);
    expect(report.sections.property.map((p: { source: string }) => p.source)).toEqual([
      'DEPOSITS',
      'REAL_ESTATE',
      'VEHICLE',
    ]);
    expect(report.sections.footer).toEqual({
      objectionDays: 5,
      objectionUntil: '2026-10-17',
      restrictedUse: '仅限社会救助审核使用',
    });
    expect(report.sections.summary.flags.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual([
      'RESIDENCES_ABOVE_LIMIT',
      'VEHICLE_NORMAL',
    ]);
    expect(report).toMatchObject({ suspectCount: 3, excludesCount: 0 });
    const car = report.items.find((i: { source: string }) => i.source === 'VEHICLE');
    expect(car).toMatchObject({
      nameMask: '张*对',
      suspicious: 'SUSPECT',
      ruleHits: ['VEHICLE_NORMAL'],
      raw: { plate: '鲁J12345', status: 'NORMAL' },
    });
    expect(car.reasonZh).toContain('S1 Art.14');
    const req = (await t.town('GET', `/api/v1/cases/${app.id}/check-requests`)).json().items[0];
    expect(req).toMatchObject({
      status: 'REPORTED',
      startBy: '2026-10-09',
      startedLate: true,
      reports: [{ version: 1 }],
    });
  });

  it('re-runs as version 2 with the changes, leaving version 1 exactly as it was', async () => {
    const [, spouse] = app.idNumbers as [string, string];
    await deliverTestFeed(
      env,
      'DEPOSITS',
      [{ idNumber: spouse, occurredOn: '2026-10-10', data: { asOf: '2026-10-10', personalOverLimit: true } }],
      '2026-10-13T10:00:00+08:00',
    );
    const t = await teamAt(env, '2026-10-14T09:00:00+08:00');
    const rerun = await t.district('POST', `/api/v1/check-requests/${requestId}/rerun`);
    expect(rerun.statusCode, rerun.body).toBe(200);
    expect(rerun.json().report).toMatchObject({ version: 2, reportNo: 'HD-370971-2026-000001' });
    const v2 = (await t.town('GET', `/api/v1/check-reports/${rerun.json().report.id}`)).json();
    expect(v2).toMatchObject({ version: 2, excludesCount: 1, objectionUntil: '2026-10-19' });
    expect(v2.sections.summary.changes).toMatchObject({ fromVersion: 1 });
    expect(v2.sections.summary.changes.added).toHaveLength(1);
    expect(v2.sections.summary.changes.removed).toHaveLength(1);
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await t.town('GET', `/api/v1/check-reports/${v1Id}`)).json()).toEqual({
      ...(v1Json as object),
      versions: v2.versions,
    });
    // The frozen report refuses edits at the database too (§8.3: raw payloads immutable).
    await expect(
      sql`update check_report set suspect_count = 0 where id = ${v1Id}::uuid`.execute(env.db),
    ).rejects.toThrow(/frozen/);
    await expect(
      sql`delete from check_item_result where report_id = ${v1Id}::uuid`.execute(env.db),
    ).rejects.toThrow();
  });

  it('counts and audits every print of the watermarked PDF; another town sees nothing', async () => {
    const t = await teamAt(env, '2026-10-14T10:00:00+08:00');
    for (const n of [1, 2]) {
      const pdf = await t.town('GET', `/api/v1/check-reports/${v1Id}/pdf`);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const row = await env.db
        .selectFrom('check_report')
        .select('print_count')
        .where('id', '=', v1Id)
        .executeTakeFirstOrThrow();
      expect(row.print_count).toBe(n);
    }
    const town2 = await signIn(env, 'town002');
    expect((await town2('GET', `/api/v1/check-reports/${v1Id}`)).statusCode).toBe(404);
    expect((await town2('GET', `/api/v1/check-reports/${v1Id}/pdf`)).statusCode).toBe(404);
    expect((await t.village('GET', `/api/v1/check-reports/${v1Id}`)).statusCode).toBe(403);
    expect((await (await signIn(env, 'auditor'))('GET', `/api/v1/check-reports/${v1Id}`)).statusCode).toBe(
      200,
    );
    const audit = await env.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'detail'])
      .where('record_id', '=', v1Id)
      .where('action', '=', 'checks.report_printed')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.actor_username, (a.detail as { printNo: number }).printNo])).toEqual([
      ['town001', 1],
      ['town001', 2],
    ]);
    const row = await env.db
      .selectFrom('check_report')
      .select('print_count')
      .where('id', '=', v1Id)
      .executeTakeFirstOrThrow();
    expect(row.print_count).toBe(2);
  });

  it('cites the newest report version on the decision (§2.5)', async () => {
    const t = await teamAt(env, '2026-10-14T11:00:00+08:00');
    await step(t.town, app.id, { type: 'PUBLICITY_ENDED' });
    await step(t.district, app.id, { type: 'START_COUNTY_REVIEW' });
    await step(t.district, app.id, { type: 'CONFIRM', opinion: '同意纳入' });
    const detail = (await t.district('GET', `/api/v1/cases/${app.id}`)).json();
    const confirm = detail.timeline.find((e: { type: string }) => e.type === 'CONFIRM');
    const v2 = await env.db
      .selectFrom('check_report')
      .select(['id', 'version'])
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(confirm.payload.checkReport).toMatchObject({
      id: v2.id,
      version: 2,
      reportNo: 'HD-370971-2026-000001',
    });
  });
});
