import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEED_SOURCES,
  type FeedBatchView,
  type FeedRowIssue,
  type FeedSourceStats,
} from '../../../contracts/feeds.ts';
import { nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// File delivery in the console (domain-rules §8.2): an .xlsx with the source's Chinese headings,
// money in yuan; every bad row reported by its line in the file and nothing written; the template,
// the catalogue's figures and the deliveries list.

let env: TestEnv;
let district: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  district = await signIn(env, 'district');
});
afterAll(async () => {
  await env?.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = ['身份证号', '姓名', '结算日期', '总费用（元）', '统筹支出（元）', '个人自付（元）', '医疗机构'];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('医疗费用');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(filename: string, content: Buffer, type = XLSX) {
  const boundary = `----huijiu-${crypto.randomBytes(6).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = async (api: typeof district, source: string, name: string, content: Buffer, type?: string) => {
  const b = multipart(name, content, type);
  return api('POST', `/api/v1/feeds/${source}/upload`, b.payload, b.headers);
};

const good = () => [nextIdNumber(), '张三', '2026-03-05', '1234.56', '800', '434.56', '泰安市中心医院'];

describe('feed file upload', () => {
  it('reports the two bad rows of an xlsx by their line numbers and writes nothing', async () => {
    const id = nextIdNumber();
    const badId = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    const rows = [
      HEAD,
      good(),
      good(),
      [badId, '李四', '2026-03-05', '10', '', '10', ''],
      good(),
      ['', '', '2026-02-30', '12.345', '', '5', ''],
    ];
    const res = await upload(district, 'MEDICAL_EXPENSE', 'medical.xlsx', await xlsx(rows));
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; message: string; details: FeedRowIssue[] } };
    expect(body.error.code).toBe('feeds.invalid_records');
    expect(body.error.message).toContain('2 行');
    const issues = body.error.details;
    expect([...new Set(issues.map((i) => i.row))]).toEqual([4, 6]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [4, '身份证号'],
      [6, '身份证号'],
      [6, '结算日期'],
      [6, '总费用（元）'],
    ]);
    expect(issues.find((i) => i.column === '总费用（元）')?.messageEn).toContain('two decimals');
    expect(res.body).not.toContain(badId);
    const n = await env.db
      .selectFrom('feed_record')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('delivers a clean file (yuan → fen, extra columns ignored) and lists it among the deliveries', async () => {
    const row = good();
    const res = await upload(district, 'MEDICAL_EXPENSE', 'medical.xlsx', await xlsx([HEAD, row, good()]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'MEDICAL_EXPENSE', recordCount: 2, newCount: 2 });
    const rec = await env.db
      .selectFrom('feed_record')
      .select('data')
      .where('person_bidx', '=', env.cipher.blindIndex('id_number', row[0]!))
      .executeTakeFirstOrThrow();
    expect(rec.data).toEqual({
      settledOn: '2026-03-05',
      totalFen: 123456,
      fundPaidFen: 80000,
      outOfPocketFen: 43456,
      hospital: '泰安市中心医院',
    });
    const list = (await district('GET', '/api/v1/feeds/MEDICAL_EXPENSE/batches')).json() as {
      batches: FeedBatchView[];
    };
    expect(list.batches[0]).toMatchObject({
      channel: 'FILE',
      filename: 'medical.xlsx',
      recordCount: 2,
      newCount: 2,
    });
    const cat = (await district('GET', '/api/v1/feeds')).json() as { sources: FeedSourceStats[] };
    expect(cat.sources.map((s) => s.code)).toEqual(FEED_SOURCES.map((s) => s.code));
    expect(cat.sources.find((s) => s.code === 'MEDICAL_EXPENSE')).toMatchObject({
      recordCount: 2,
      lastDelivery: { filename: 'medical.xlsx' },
    });
    expect(cat.sources.find((s) => s.code === 'DEATH')).toMatchObject({ recordCount: 0, lastDelivery: null });
  });

  it('accepts a UTF-8 csv with a BOM and reports a missing required column on line 1', async () => {
    const csv = (lines: string[][]) => Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
    const ok = await upload(
      district,
      'DEATH',
      'death.csv',
      csv([
        ['身份证号', '死亡日期'],
        [nextIdNumber(), '2026/5/2'],
      ]),
      'text/csv',
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await upload(
      district,
      'DEATH',
      'death.csv',
      csv([
        ['身份证号', '火化日期'],
        [nextIdNumber(), '2026-05-02'],
      ]),
      'text/csv',
    );
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { details: FeedRowIssue[] } }).error.details).toMatchObject([
      { row: 1, column: '死亡日期' },
    ]);
  });

  it('serves the template with 身份证号 and the source’s headings', async () => {
    const res = await district('GET', '/api/v1/feeds/VEHICLE/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(['身份证号', '初次登记日期', '号牌号码', '车辆类型', '使用性质', '机动车状态']);
  });

  it('lets a department liaison upload (county-wide) but not a town officer; the auditor may read', async () => {
    const liaison = await signIn(env, 'liaison');
    const csv = Buffer.from(
      `身份证号,发证日期,残疾类别,残疾等级\r\n${nextIdNumber()},2026-02-01,肢体残疾,2\r\n`,
    );
    expect((await upload(liaison, 'DISABILITY', 'd.csv', csv, 'text/csv')).statusCode).toBe(200);
    const town = await signIn(env, 'town001');
    expect((await upload(town, 'DISABILITY', 'd.csv', csv, 'text/csv')).statusCode).toBe(403);
    expect((await town('GET', '/api/v1/feeds')).statusCode).toBe(403);
    const auditor = await signIn(env, 'auditor');
    expect((await auditor('GET', '/api/v1/feeds/DISABILITY/batches')).statusCode).toBe(200);
    expect((await upload(auditor, 'DISABILITY', 'd.csv', csv, 'text/csv')).statusCode).toBe(403);
  });
});
