import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// Bank files of an approved payroll run (M5): the export in the county's layout with a control
// total, decrypted for the bank and audited without the values; the bank's return marks lines
// paid / failed only when every row is valid; the reconciliation; failed lines reissued next month.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-10-15T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

type Api = Awaited<ReturnType<typeof signIn>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(filename: string, content: Buffer, type: string) {
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
const uploadCsv = (api: Api, runId: string, rows: string[][], name = 'return.csv') => {
  const body = multipart(
    name,
    Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`),
    'text/csv',
  );
  return api('POST', `/api/v1/payroll-runs/${runId}/bank-return`, body.payload, body.headers);
};

async function household(account: string, villageCode = '370971001201', as = 'town001') {
  const idNumber = nextIdNumber('1968-02-03');
  const h = await buildHousehold(
    env,
    {
      villageCode,
      members: [
        buildPerson({ name: '张户主', idNumber, bankAccount: account, bankName: '农村商业银行' }),
        buildPerson({ name: '李测试', relationCode: '12', idNumber: nextIdNumber('1972-03-08', 2) }),
      ],
    },
    as,
  );
  const head = await env.db
    .selectFrom('household')
    .select('head_person_id')
    .where('id', '=', h.id)
    .executeTakeFirstOrThrow();
  return { id: h.id, headId: head.head_person_id!, idNumber, account };
}

async function run(api: Api, month: string) {
  const res = await api('POST', '/api/v1/payroll-runs', { scheme: 'DIBAO', month });
  expect(res.statusCode, res.body).toBe(202);
  await env.jobs.drain();
  return res.json().runId as string;
}

let district: Api;
let runId: string;
const people: Awaited<ReturnType<typeof household>>[] = [];
let refs: { ref: string; amount: string; name: string }[] = [];

describe('bank files', () => {
  it('exports only an approved run (409 before), and a town officer may not export (403)', async () => {
    const admin = await signIn(env, 'admin');
    people.push(
      await household('6217001234567890011'),
      await household('6217001234567890022'),
      await household('6217001234567890033'),
      await household('6217001234567890044', '370971002201', 'town002'),
    );
    const res = await admin('POST', '/api/v1/cases/legacy', {
      reason: '原系统数据迁移',
      cases: people.map((p, i) => ({
        householdId: p.id,
        scheme: i === 3 ? 'DIBAO_SINGLE' : 'DIBAO',
        ...(i === 3 ? { subjectPersonId: p.headId } : { householdSize: 2, netIncomeFen: 0 }),
        decidedOn: '2026-09-10',
        amountFen: 50_000 + i * 1_001,
        sourceRef: `B-${i}`,
      })),
    });
    expect(res.statusCode, res.body).toBe(201);
    district = await signIn(env, 'district');
    runId = await run(district, '2026-10-01');
    const early = await district('GET', `/api/v1/payroll-runs/${runId}/bank-file?format=csv`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('bankfiles.run_not_approved');
    const ok = await district('POST', `/api/v1/payroll-runs/${runId}/approve`, { note: '同意发放' });
    expect(ok.statusCode, ok.body).toBe(200);
    const town = await signIn(env, 'town001');
    expect((await town('GET', `/api/v1/payroll-runs/${runId}/bank-file`)).statusCode).toBe(403);
    expect((await town('GET', `/api/v1/payroll-runs/${runId}/reconciliation`)).statusCode).toBe(200);
  });

  it('exports xlsx with the default headers, decrypted values and a control total; audited without personal values', async () => {
    const res = await district('GET', `/api/v1/payroll-runs/${runId}/bank-file?format=xlsx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual(['户主姓名', '身份证号', '银行账号', '开户行', '金额(元)', '摘要']);
    const body = rows.slice(1, -1);
    expect(body).toHaveLength(4);
    const total = rows.at(-1)!;
    expect(total.slice(0, 4)).toEqual(['合计', '笔数', 4, '合计金额(元)']);
    const sum = body.reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0);
    expect(Math.round(Number(total[4]) * 100)).toBe(sum);
    expect(res.headers['x-control-count']).toBe('4');
    expect(res.headers['x-control-total-fen']).toBe(String(sum));
    for (const p of people) {
      const row = body.find((r) => r[2] === p.account);
      expect(row, p.account).toBeDefined();
      expect(row![0]).toBe('张户主');
      expect(row![1]).toBe(p.idNumber);
      expect(String(row![5])).toMatch(/^2026年10月低保金 D202610-[A-Z2-7]{12}$/);
    }
    const audit = await env.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_username'])
      .where('record_id', '=', runId)
      .where('action', '=', 'payroll.bank_file_exported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_username: 'district',
      detail: { runId, lines: 4, totalFen: sum, format: 'xlsx', layout: expect.any(Array) },
    });
    const detail = JSON.stringify(audit[0]!.detail);
    for (const p of people) {
      expect(detail).not.toContain(p.idNumber);
      expect(detail).not.toContain(p.account);
    }
    expect(detail).not.toContain('张户主');
  });

  it('exports csv (UTF-8 with BOM) in a saved layout that parses back', async () => {
    const town = await signIn(env, 'town001');
    const layout = {
      scheme: 'DIBAO',
      format: 'csv',
      columns: [
        { key: 'lineRef', header: '发放流水号' },
        { key: 'payeeName', header: '收款人' },
        { key: 'account', header: '银行账号' },
        { key: 'amountYuan', header: '金额(元)' },
        { key: 'town', header: '乡镇(街道)' },
      ],
    };
    expect((await town('PUT', '/api/v1/payroll/bank-layout', layout)).statusCode).toBe(403);
    const saved = await district('PUT', '/api/v1/payroll/bank-layout', layout);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await district('GET', '/api/v1/payroll/bank-layout?scheme=DIBAO')).json()).toMatchObject({
      isDefault: false,
      format: 'csv',
    });
    const res = await district('GET', `/api/v1/payroll-runs/${runId}/bank-file`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.rawPayload, { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['发放流水号', '收款人', '银行账号', '金额(元)', '乡镇(街道)']);
    const body = rows.slice(1, -1);
    expect(rows.at(-1)).toEqual(['合计', '笔数', '4', '合计金额(元)', expect.any(String)]);
    const sum = body.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0);
    expect(Math.round(Number(rows.at(-1)![4]) * 100)).toBe(sum);
    expect(res.headers['x-control-total-fen']).toBe(String(sum));
    refs = body.map((r) => ({ ref: r[0]!, name: r[1]!, amount: r[3]! }));
    expect(new Set(refs.map((r) => r.ref)).size).toBe(4);
    // Back to the standard layout for the rest.
    await district('PUT', '/api/v1/payroll/bank-layout', {
      scheme: 'DIBAO',
      format: 'xlsx',
      columns: [
        { key: 'payeeName', header: '户主姓名' },
        { key: 'account', header: '银行账号' },
        { key: 'amountYuan', header: '金额(元)' },
        { key: 'memo', header: '摘要' },
      ],
    });
  });

  it('refuses a return with an unknown ref, a duplicate ref, a wrong amount and a failure without a reason, changing nothing', async () => {
    const [a, b, c] = refs as [(typeof refs)[0], (typeof refs)[0], (typeof refs)[0]];
    const res = await uploadCsv(district, runId, [
      ['发放流水号', '金额', '结果', '失败原因'],
      [a.ref, a.amount, '成功', ''],
      ['D202610-AAAAAAAAAAAA', '10.00', '成功', ''],
      [a.ref, a.amount, '成功', ''],
      [b.ref, '1.00', '成功', ''],
      [c.ref, c.amount, '失败', ''],
    ]);
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('bankfiles.return_invalid');
    expect(err.details.map((d: { field: string }) => d.field)).toEqual([
      'rows.3.lineRef',
      'rows.4.lineRef',
      'rows.5.amountYuan',
      'rows.6.reason',
    ]);
    expect(err.details[1].message).toContain('重复');
    expect(err.details[2].messageEn).toContain('differs');
    const marked = await env.db
      .selectFrom('payroll_line')
      .select('bank_status')
      .where('run_id', '=', runId)
      .where('bank_status', '<>', 'PENDING')
      .execute();
    expect(marked).toEqual([]);
  });

  it('a return with two failures marks them, the reconciliation shows them, and next month reissues them once', async () => {
    const rows = [['发放流水号', '金额(元)', '处理结果', '失败原因']];
    refs.forEach((r, i) => {
      rows.push([
        r.ref,
        r.amount,
        i < 2 ? '失败' : '成功',
        i === 0 ? '账户已销户' : i === 1 ? '户名不符' : '',
      ]);
    });
    const res = await uploadCsv(district, runId, rows, '回盘20261020.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, paid: 2, failed: 2 });
    const again = await uploadCsv(district, runId, rows);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].message).toContain('已由此前的回盘标记');

    const rec = (await district('GET', `/api/v1/payroll-runs/${runId}/reconciliation`)).json();
    expect(rec.totals.approved.count).toBe(4);
    expect(rec.totals.exported.count).toBe(4);
    expect(rec.totals.paid.count).toBe(2);
    expect(rec.totals.failed.count).toBe(2);
    expect(rec.totals.pending.count).toBe(0);
    expect(rec.totals.paid.amountFen + rec.totals.failed.amountFen).toBe(rec.totals.approved.amountFen);
    expect(rec.failedLines.map((f: { bankReason: string }) => f.bankReason).sort()).toEqual(
      ['户名不符', '账户已销户'].sort(),
    );
    expect(rec.failedLines[0]).toMatchObject({
      payeeNameMask: expect.stringContaining('*'),
      reissueMonth: '2026-11-01',
      reissue: null,
      bankRef: expect.stringContaining('回盘20261020.csv#'),
    });
    const exported = await district('GET', `/api/v1/payroll-runs/${runId}/bank-file?format=csv`);
    expect(exported.headers['x-control-count']).toBe('0');
    const audit = await env.db
      .selectFrom('audit_log')
      .select('detail')
      .where('record_id', '=', runId)
      .where('action', '=', 'payroll.bank_return_imported')
      .execute();
    expect(audit).toHaveLength(1);

    env.clock.set(new Date('2026-11-10T09:00:00+08:00'));
    district = await signIn(env, 'district');
    const nov = await run(district, '2026-11-01');
    const lines = (await district('GET', `/api/v1/payroll-runs/${nov}/lines?limit=100`)).json().items;
    const reissues = lines.filter((l: { kind: string }) => l.kind === 'REISSUE');
    expect(reissues).toHaveLength(2);
    const after = (await district('GET', `/api/v1/payroll-runs/${runId}/reconciliation`)).json();
    expect(after.failedLines.map((f: { reissue: { month: string } | null }) => f.reissue?.month)).toEqual([
      '2026-11-01',
      '2026-11-01',
    ]);
  });
});
