import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import type { Doc, PublicityDoc } from './documents.models.ts';

// Printing through the API: 初审公示 of a village, the decision notices and the 低保证 (§2.2, §3.9).
// The PDF text is glyph-encoded, so what is printed is checked on the data handed to the renderer.

const rendered = vi.hoisted(() => ({ docs: [] as unknown[] }));
vi.mock('./pdf.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('./pdf.ts')>();
  return {
    ...orig,
    renderDoc: (d: Doc) => {
      rendered.docs.push(d);
      return orig.renderDoc(d);
    },
    renderPublicity: (d: PublicityDoc) => {
      rendered.docs.push(d);
      return orig.renderPublicity(d);
    },
  };
});
const lastDoc = <T>() => rendered.docs.at(-1) as T;

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-25T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;
const VILLAGE = '370971001201';
const FACTS = {
  members: [
    { age: 58, relation: 'head', wageFenPerMonth: 60_000 },
    { age: 55, relation: 'spouse', wageFenPerMonth: 0 },
  ],
  financialAssetsFen: 300_000,
  vehicles: [],
  residences: 1,
  rigidSpending: [],
};

async function step(api: Api, id: string, body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/cases/${id}/events`, body);
  expect(res.statusCode, `${body.type}: ${res.body}`).toBe(200);
}

/** A 低保 application of a new household, walked to PUBLICIZING (posted today). */
async function inPublicity(village: Api, town: Api, headName: string) {
  const idNumber = nextIdNumber('1968-02-03');
  const h = await buildHousehold(env, {
    address: '公示路 8 号',
    members: [
      buildPerson({ name: headName, idNumber, relationCode: '02', phone: '13800138000' }),
      buildPerson({ name: '李测试', relationCode: '12', idNumber: nextIdNumber('1972-03-08', 2) }),
    ],
  });
  const res = await village('POST', '/api/v1/cases/applications', {
    householdId: h.id,
    scheme: 'DIBAO',
    proxy: { type: 'VILLAGE_COMMITTEE', name: '村委会 张主任', authorizationRef: '委托书' },
    pledgeSigned: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as { id: string };
  const people = await env.db
    .selectFrom('household_member')
    .select('person_id')
    .where('household_id', '=', h.id)
    .execute();
  await step(town, id, { type: 'ACCEPT' });
  await step(town, id, { type: 'START_INVESTIGATION' });
  for (const p of people)
    await step(town, id, { type: 'RECORD_CONSENT', personId: p.person_id, documentRef: '授权书' });
  await step(town, id, {
    type: 'RECORD_INVESTIGATION',
    investigators: ['王敏', '李强'],
    visitMode: 'ON_SITE',
    findings: '户主务农',
    facts: FACTS,
  });
  await step(town, id, { type: 'DRAFT_OPINION', opinion: '拟纳入低保' });
  await step(town, id, { type: 'PUBLISH' });
  return { id, idNumber };
}

const printed = (recordId: string) =>
  env.db
    .selectFrom('audit_log')
    .select(['action', 'record_type', 'detail'])
    .where('action', '=', 'documents.printed')
    .where('record_id', '=', recordId)
    .execute();

async function expectPdf(res: Awaited<ReturnType<Api>>, filename: RegExp) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toMatch(filename);
  expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return PDFDocument.load(res.rawPayload);
}

describe('printed documents', () => {
  it('prints the publicity list, the decision notices and the certificate, each audited', async () => {
    const village = await signIn(env, 'v001201');
    let town = await signIn(env, 'town001');
    const approved = await inPublicity(village, town, '赵公示');
    const rejected = await inPublicity(village, town, '钱公示');

    // 初审公示: only the §2.2 fields reach the renderer; other towns and villages learn nothing.
    const pub = await town('GET', `/api/v1/publicity/${VILLAGE}.pdf`);
    expect((await expectPdf(pub, /^inline; filename="publicity-370971001201\.pdf"$/)).getPageCount()).toBe(1);
    const doc = lastDoc<PublicityDoc>();
    expect(doc.rows.map((r) => r.name).sort()).toEqual(['赵公示', '钱公示']);
    for (const row of doc.rows) {
      expect(Object.keys(row).sort()).toEqual([
        'householdSize',
        'name',
        'opinion',
        'period',
        'proposedAmount',
      ]);
      expect(row).toMatchObject({
        householdSize: 2,
        opinion: '拟纳入低保',
        period: '2026年9月26日至2026年10月2日',
      });
      expect(row.proposedAmount).toMatch(/^每月 \d+\.\d\d 元$/);
    }
    const text = JSON.stringify(doc);
    for (const secret of [approved.idNumber, rejected.idNumber, '公示路', '13800138000', '李测试'])
      expect(text).not.toContain(secret);
    expect(doc.closing.join()).toContain('12349');
    const audit = await printed(approved.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ kind: 'publicity', caseId: approved.id, villageCode: VILLAGE });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain('赵公示');

    const otherTown = await signIn(env, 'town002');
    const otherVillage = await signIn(env, 'v001202');
    expect((await otherTown('GET', `/api/v1/publicity/${VILLAGE}.pdf`)).statusCode).toBe(404);
    expect((await otherVillage('GET', `/api/v1/publicity/${VILLAGE}.pdf`)).statusCode).toBe(404);
    expect((await town('GET', '/api/v1/publicity/370971999999.pdf')).statusCode).toBe(404);
    expect((await otherTown('GET', `/api/v1/cases/${approved.id}/documents/decision.pdf`)).statusCode).toBe(
      404,
    );

    // Before the decision: no notice, no certificate (bilingual refusals).
    const early = await town('GET', `/api/v1/cases/${approved.id}/documents/certificate.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'documents.not_active_dibao' });
    expect(early.json().error.message).toContain('最低生活保障证');
    expect(early.json().error.messageEn).toContain('active');
    const noDecision = await town('GET', `/api/v1/cases/${approved.id}/documents/decision.pdf`);
    expect(noDecision.json().error.code).toBe('documents.no_decision');

    // §2.1: publicity 2026-09-26 … 10-02; the county decides on 10-08.
    env.clock.set(new Date('2026-10-08T09:00:00+08:00'));
    town = await signIn(env, 'town001');
    const district = await signIn(env, 'district');
    for (const c of [approved, rejected]) {
      await step(town, c.id, { type: 'PUBLICITY_ENDED' });
      await step(district, c.id, { type: 'START_COUNTY_REVIEW' });
    }
    await step(district, approved.id, { type: 'CONFIRM' });
    await step(district, rejected.id, { type: 'REJECT', reasons: '家庭人均收入高于当地低保标准' });

    const yes = await town('GET', `/api/v1/cases/${approved.id}/documents/decision.pdf`);
    expect(
      (await expectPdf(yes, /^inline; filename="decision-DB-370971-2026-\d{6}\.pdf"$/)).getPageCount(),
    ).toBe(1);
    const notice = lastDoc<Doc>();
    expect(notice.title).toBe('最低生活保障审核确认通知书');
    expect(notice.blocks[0]).toMatchObject({ text: '赵公示：' });
    expect(notice.blocks).toContainEqual({ kind: 'field', label: '起始月份', value: '自2026年11月起发放' });
    expect(notice.blocks).toContainEqual(expect.objectContaining({ label: '保障金额' }));
    expect(notice.blocks.at(-1)).toMatchObject({
      text: expect.stringMatching(/60日内.*行政复议.*6个月内.*行政诉讼/),
    });
    expect(notice.signature[0]).toBe('高新区民政局');

    await expectPdf(
      await district('GET', `/api/v1/cases/${rejected.id}/documents/decision.pdf`),
      /filename="(decision|certificate)-DB-/,
    );
    const refusal = lastDoc<Doc>();
    expect(refusal.title).toBe('最低生活保障不予确认通知书');
    expect(JSON.stringify(refusal.blocks)).toContain('家庭人均收入高于当地低保标准');
    expect(refusal.blocks.at(-1)).toMatchObject({ text: expect.stringContaining('行政复议') });
    const rejectedCert = await district('GET', `/api/v1/cases/${rejected.id}/documents/certificate.pdf`);
    expect(rejectedCert.statusCode).toBe(409);

    const cert = await town('GET', `/api/v1/cases/${approved.id}/documents/certificate.pdf`);
    expect((await expectPdf(cert, /filename="(decision|certificate)-DB-/)).getPageCount()).toBe(1);
    const c = lastDoc<Doc>();
    expect(c.title).toBe('最低生活保障证');
    expect(c.blocks.filter((b) => b.kind === 'field').map((b) => [b.label, b.value])).toEqual([
      ['户主姓名', '赵公示'],
      ['保障人数', '2 人'],
      ['月保障金额', expect.stringMatching(/^\d+\.\d\d 元$/)],
      ['起始月份', '2026年11月'],
      ['发证机关', '高新区民政局'],
      ['发证日期', '2026年10月8日'],
    ]);
    expect(c.footer.printedAt).toMatch(/^2026-10-08 09:0\d（北京时间）$/);

    const trail = await printed(approved.id);
    expect(trail.map((a) => (a.detail as { kind: string }).kind).sort()).toEqual([
      'certificate',
      'decision',
      'publicity',
    ]);
  });
});
