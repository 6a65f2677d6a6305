import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { staffLeaflet } from './leaflet.usecases.ts';
import { portalUrl } from './posters.models.ts';
import type { PrintedPdf } from './posters.pdf.ts';
import { locationPoster, villagePoster, villagePosters } from './posters.usecases.ts';
import { decodeQr, qrMatricesInPdf } from './qr.testkit.ts';

// QR posters and the policy leaflet (§9.5 one QR code per village, so an application reaches the
// right town and village; §9.3 catalogue; §2.2 no personal data on anything posted in public),
// through the API: the QR code read back from the PDF opens exactly the portal address expected.

let env: TestEnv;
type Api = Awaited<ReturnType<typeof signIn>>;
const api: Record<string, Api> = {};
/** What light-my-request sends as Host when a test does not set one. */
const BASE = 'http://localhost:80';
const VILLAGE = '370971001201';
const printed: PrintedPdf[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  for (const u of ['admin', 'district', 'auditor', 'town001', 'v001201', 'liaison'])
    api[u] = await signIn(env, u);
  // Personal data in the registry of the very village printed: none of it may reach a poster.
  await buildHousehold(env, { villageCode: VILLAGE, members: [buildPerson({ phone: '13912345678' })] });
});
afterAll(async () => {
  await env?.close();
});

async function pdfOf(res: {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
}) {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const doc = await PDFDocument.load(res.rawPayload);
  const urls = qrMatricesInPdf(res.rawPayload).map((q) => decodeQr(q.dark).text);
  return { doc, urls, symbols: qrMatricesInPdf(res.rawPayload) };
}

async function villagesOf(prefix: string) {
  const rows = await env.db
    .selectFrom('admin_unit')
    .select('code')
    .where('level', '=', 'village')
    .where('code', 'like', `${prefix}%`)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

describe('a village poster', () => {
  it('is one A4 page whose QR code (≥ 8 cm) opens the portal with the village preselected, as an attachment', async () => {
    const res = await api.v001201!('GET', `/api/v1/portal/posters/village/${VILLAGE}`);
    const { doc, urls, symbols } = await pdfOf(res);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(urls).toEqual([`${BASE}/portal?v=${VILLAGE}`]);
    expect(symbols[0]!.modulePt * symbols[0]!.dark.length).toBeGreaterThanOrEqual((80 / 25.4) * 72);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="poster-370971001201\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
      /^救助服务码上通海报-北集坡街道-.+\.pdf$/,
    );
  });

  it('carries HUIJIU_PUBLIC_URL when it is configured, else the address the request came to', async () => {
    const own = await api.town001!('GET', `/api/v1/portal/posters/village/${VILLAGE}`, undefined, {
      host: 'huijiu.county.local:8080',
    });
    expect((await pdfOf(own)).urls).toEqual([`http://huijiu.county.local:8080/portal?v=${VILLAGE}`]);
    env.config.publicUrl = 'https://jiuzhu.example.gov.cn';
    try {
      const configured = await api.town001!('GET', `/api/v1/portal/posters/village/${VILLAGE}`);
      expect((await pdfOf(configured)).urls).toEqual([`https://jiuzhu.example.gov.cn/portal?v=${VILLAGE}`]);
    } finally {
      env.config.publicUrl = undefined;
    }
    const forged = await api.town001!('GET', `/api/v1/portal/posters/village/${VILLAGE}`, undefined, {
      host: 'evil.example/"><script>',
    });
    expect(forged.statusCode).toBe(400);
  });

  it('prints the places, the three modules and the phone lines — and the bureau line once the catalogue has one', async () => {
    const before = await villagePoster(env, env.ctx('v001201'), BASE, VILLAGE);
    printed.push(before.pdf);
    const village = await env.db
      .selectFrom('admin_unit')
      .select('name')
      .where('code', '=', VILLAGE)
      .executeTakeFirstOrThrow();
    expect(before.pdf.texts).toEqual(
      expect.arrayContaining([
        '救助服务码上通',
        `北集坡街道 · ${village.name}`,
        '高新区',
        '码上知',
        '政策早知道',
        '码上查',
        '公示随时查',
        '码上办',
        '救助网上办',
        `${BASE}/portal?v=${VILLAGE}`,
      ]),
    );
    expect(before.pdf.texts.some((t) => t.includes('12349'))).toBe(true);
    expect(before.pdf.texts.some((t) => t.includes('高新区民政局：'))).toBe(false);
    await seedCatalogue();
    const after = await villagePoster(env, env.ctx('v001201'), BASE, VILLAGE);
    printed.push(after.pdf);
    expect(after.pdf.texts.some((t) => t.includes('12349') && t.includes('高新区民政局：0538-6688123'))).toBe(
      true,
    );
  });

  it.each([
    ['town001', '370971002201', 'a village of another town'],
    ['v001201', '370971001202', "another village of the assistant's own town"],
    ['district', '370971001999', 'a village that does not exist'],
  ])('%s gets 404 for %s (%s)', async (user, code) => {
    const res = await api[user]!('GET', `/api/v1/portal/posters/village/${code}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('portal.village_not_found');
  });

  it('needs the portal.posters permission and a session; a malformed code is a 400', async () => {
    expect((await api.auditor!('GET', `/api/v1/portal/posters/village/${VILLAGE}`)).statusCode).toBe(403);
    expect((await api.liaison!('GET', `/api/v1/portal/posters/village/${VILLAGE}`)).statusCode).toBe(403);
    const anonymous = await env.app.inject({
      method: 'GET',
      url: `/api/v1/portal/posters/village/${VILLAGE}`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await api.district!('GET', '/api/v1/portal/posters/village/3709710012')).statusCode).toBe(400);
  });
});

describe('the posters of every village', () => {
  it("of a town: one page per village, each QR code opening that village's portal, in code order", async () => {
    const codes = await villagesOf('370971001');
    expect(codes.length).toBe(30);
    const res = await api.town001!('GET', '/api/v1/portal/posters/villages?townCode=370971001');
    const { doc, urls } = await pdfOf(res);
    expect(doc.getPageCount()).toBe(codes.length);
    expect(urls).toEqual(codes.map((c) => portalUrl(BASE, { villageCode: c })));
    expect(String(res.headers['content-disposition'])).toContain('filename="posters-370971001.pdf"');
  });

  it('of the whole county for a district officer (116 villages) when no town is named', async () => {
    const started = performance.now();
    const res = await api.district!('GET', '/api/v1/portal/posters/villages');
    const ms = Math.round(performance.now() - started);
    const { doc, urls } = await pdfOf(res);
    console.info(`116-village county bundle: ${ms} ms, ${res.rawPayload.length} bytes`);
    expect(doc.getPageCount()).toBe(116);
    expect(new Set(urls).size).toBe(116);
  });

  it("stays within the caller's jurisdiction", async () => {
    expect((await api.town001!('GET', '/api/v1/portal/posters/villages?townCode=370971002')).statusCode).toBe(
      404,
    );
    expect(
      (await api.district!('GET', '/api/v1/portal/posters/villages?townCode=370971999')).statusCode,
    ).toBe(404);
    const own = await villagePosters(env, env.ctx('town001'), BASE, undefined);
    expect(own.pdf.pageCount).toBe(30);
    const assistant = await api.v001201!('GET', '/api/v1/portal/posters/villages?townCode=370971001');
    expect((await pdfOf(assistant)).urls).toEqual([`${BASE}/portal?v=${VILLAGE}`]);
    expect((await api.district!('GET', '/api/v1/portal/posters/villages?townCode=37097100')).statusCode).toBe(
      400,
    );
  });
});

describe('a free-location poster', () => {
  it('requires the label of the place (400, explained in Chinese and English)', async () => {
    for (const body of [{}, { villageCode: VILLAGE }, { location: '站' }, { location: '公园\ud800' }]) {
      const res = await api.town001!('POST', '/api/v1/portal/posters', body);
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.details[0].field).toBe('location');
      expect(error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.details[0].messageEn).toMatch(/[a-z]/);
    }
  });

  it('with a village: the QR code preselects the village and carries the percent-encoded label', async () => {
    const res = await api.town001!('POST', '/api/v1/portal/posters', {
      villageCode: VILLAGE,
      location: '北集坡公交站',
    });
    const { doc, urls } = await pdfOf(res);
    expect(doc.getPageCount()).toBe(1);
    expect(urls).toEqual([`${BASE}/portal?v=${VILLAGE}&at=${encodeURIComponent('北集坡公交站')}`]);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(
      '救助服务码上通海报-北集坡公交站.pdf',
    );
  });

  it('without a village: the label only; a village outside the jurisdiction is a 404', async () => {
    const res = await api.district!('POST', '/api/v1/portal/posters', { location: '人民公园 东门' });
    expect((await pdfOf(res)).urls).toEqual([`${BASE}/portal?at=${encodeURIComponent('人民公园 东门')}`]);
    const outside = await api.town001!('POST', '/api/v1/portal/posters', {
      villageCode: '370971002201',
      location: '凤天公交站',
    });
    expect(outside.statusCode).toBe(404);
    const park = await locationPoster(env, env.ctx('district'), BASE, { location: '人民公园' });
    printed.push(park.pdf);
    // Printed under the code readable (the QR code carries it percent-encoded).
    expect(park.pdf.texts).toContain(`${BASE}/portal?at=人民公园`);
    expect(park.pdf.qrTexts).toEqual([`${BASE}/portal?at=${encodeURIComponent('人民公园')}`]);
  });
});

describe('the policy leaflet 明白纸', () => {
  it('lists every active policy by department (not the inactive one), with the QR code to the policy list', async () => {
    await seedCatalogue();
    const file = await staffLeaflet(env, env.ctx('district'), BASE);
    printed.push(file.pdf);
    const t = file.pdf.texts;
    for (const name of ['最低生活保障', '特困人员救助供养', '临时救助', '医疗救助', '疾病应急救助'])
      expect(t.filter((s) => s.endsWith(`. ${name}`))).toHaveLength(1);
    expect(t.some((s) => s.includes('已停止的政策'))).toBe(false);
    const headings = t.filter((s) => /^[一二三]、/.test(s));
    expect(headings).toEqual([
      '一、民政局（咨询电话：0538-6688123）',
      '二、医保局（咨询电话：0538-6688200）',
      '三、卫健委（咨询电话：0538-6688300）',
    ]);
    expect(file.pdf.qrTexts).toEqual([`${BASE}/portal/policies`]);

    const res = await api.liaison!('GET', '/api/v1/policies/leaflet.pdf');
    const { doc, urls } = await pdfOf(res);
    expect(doc.getPageCount()).toBe(file.pdf.pageCount);
    expect(urls).toEqual([`${BASE}/portal/policies`]);
    expect(String(res.headers['content-disposition'])).toContain('filename="policy-leaflet-370971.pdf"');
  });

  it("one department's leaflet; an unknown department is a 404", async () => {
    const one = await staffLeaflet(env, env.ctx('town001'), BASE, 'HEALTH');
    expect(one.pdf.texts.filter((s) => /^\d+\. /.test(s))).toEqual(['1. 疾病应急救助']);
    expect(one.pdf.texts[0]).toBe('社会救助政策明白纸（卫健委）');
    expect((await api.town001!('GET', '/api/v1/policies/leaflet.pdf?departmentCode=NOPE')).statusCode).toBe(
      404,
    );
  });

  it('citizens download the same leaflet from the portal without a session', async () => {
    const staff = await pdfOf(await api.district!('GET', '/api/v1/policies/leaflet.pdf'));
    const res = await env.app.inject({ method: 'GET', url: '/api/public/v1/policies/leaflet.pdf' });
    const open = await pdfOf(res);
    expect(open.doc.getPageCount()).toBe(staff.doc.getPageCount());
    expect(open.urls).toEqual([`${BASE}/portal/policies`]);
  });
});

it('the leaflet is drawn again only when something printed on it changes', async () => {
  const first = await staffLeaflet(env, env.ctx('district'), BASE);
  expect(await staffLeaflet(env, env.ctx('town001'), BASE)).toBe(first);
  await env.db
    .updateTable('policy')
    .set({ benefit: '每人每月 200 元' })
    .where('code', '=', 'YB-01')
    .execute();
  const changed = await staffLeaflet(env, env.ctx('district'), BASE);
  expect(changed).not.toBe(first);
  expect(changed.pdf.texts).toContain('每人每月 200 元');
  expect(await staffLeaflet(env, env.ctx('district'), 'https://jiuzhu.example.gov.cn')).not.toBe(changed);
});

describe('an empty catalogue', () => {
  it('still prints: one page saying there are no policies yet, with the QR code', async () => {
    await env.db.deleteFrom('policy').execute();
    const file = await staffLeaflet(env, env.ctx('district'), BASE);
    printed.push(file.pdf);
    expect(file.pdf.pageCount).toBe(1);
    expect(file.pdf.texts).toContain('暂无已发布的救助政策');
    const res = await env.app.inject({ method: 'GET', url: '/api/public/v1/policies/leaflet.pdf' });
    expect((await pdfOf(res)).doc.getPageCount()).toBe(1);
  });
});

it('no personal data in any poster or leaflet: no ID number, mobile number or registered name (§2.2)', async () => {
  expect(printed.length).toBeGreaterThanOrEqual(5);
  const persons = await env.db.selectFrom('person').select('name_mask').execute();
  expect(persons.length).toBeGreaterThan(0);
  for (const text of printed.flatMap((p) => p.texts)) {
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    for (const name of ['王测试', '李测试']) expect(text).not.toContain(name);
  }
});

async function seedCatalogue() {
  const at = env.clock.now();
  const dept = (code: string, name: string, phone: string) => ({
    county_code: '370971',
    code,
    name,
    name_en: code,
    contact_phone: phone,
    answer_working_days: 10,
    created_at: at,
    updated_at: at,
  });
  // Inserted out of order: the leaflet follows the catalogue's department order (§9.3).
  await env.db
    .insertInto('policy_department')
    .values([
      dept('HEALTH', '卫健委', '0538-6688300'),
      dept('CIVIL_AFFAIRS', '民政局', '0538-6688123'),
      dept('MEDICAL_INSURANCE', '医保局', '0538-6688200'),
      dept('JUSTICE', '司法局', '0538-6688400'),
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const policy = (code: string, department_code: string, name: string, active = true) => ({
    county_code: '370971',
    code,
    department_code,
    name,
    summary: `${name}简介`,
    legal_basis: '《社会救助暂行办法》',
    target_categories: ['DIBAO'],
    benefit: `${name}的救助内容`,
    how_to_apply: '向户籍所在地镇（街道）提出申请，或通过“码上办”在线申请。',
    contact: '0538-6688123',
    subject: 'HOUSEHOLD' as const,
    eligibility: 'household.size > 0',
    eligibility_text: `符合${name}条件的家庭`,
    referable: true,
    active,
    created_at: at,
    updated_at: at,
    updated_by: null,
  });
  await env.db
    .insertInto('policy')
    .values([
      policy('MZ-01', 'CIVIL_AFFAIRS', '最低生活保障'),
      policy('MZ-02', 'CIVIL_AFFAIRS', '特困人员救助供养'),
      policy('MZ-03', 'CIVIL_AFFAIRS', '临时救助'),
      policy('MZ-09', 'CIVIL_AFFAIRS', '已停止的政策', false),
      policy('YB-01', 'MEDICAL_INSURANCE', '医疗救助'),
      policy('WJ-01', 'HEALTH', '疾病应急救助'),
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}
