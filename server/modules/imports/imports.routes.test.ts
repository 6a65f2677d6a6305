import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_IMPORT_COLUMNS, type ImportRowError } from '../../../contracts/imports.ts';
import { buildHousehold, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// The household import over HTTP: files are written to a temp dir as a caseworker would save them
// (CSV in UTF-8 with a BOM, or .xlsx with text cells), uploaded as multipart/form-data, run by the
// job runner, and read back through the job's result and the error workbook.

type Api = Awaited<ReturnType<typeof signIn>>;
type Row = Partial<Record<(typeof HOUSEHOLD_IMPORT_COLUMNS)[number]['key'], string>>;

let env: TestEnv;
let town001: Api;
let tmp: string;

beforeAll(async () => {
  env = await createTestEnv();
  town001 = await signIn(env, 'town001');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-import-test-'));
});
afterAll(async () => {
  await env?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const ALL_KEYS = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.key);
const zh = (key: string) => HOUSEHOLD_IMPORT_COLUMNS.find((c) => c.key === key)!.zh;

function csvCell(v: string) {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file as Excel saves "CSV UTF-8": BOM, Chinese header row, CRLF line ends. */
function writeCsv(name: string, rows: Row[], keys: string[] = ALL_KEYS): string {
  const lines = [keys.map(zh), ...rows.map((r) => keys.map((k) => r[k as keyof Row] ?? ''))].map((cells) =>
    cells.map(csvCell).join(','),
  );
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

/** An .xlsx file whose cells are all text (as the template asks), so ID numbers keep every digit. */
async function writeXlsx(name: string, rows: Row[], keys: string[] = ALL_KEYS): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍导入');
  ws.columns = keys.map((k) => ({ header: zh(k), key: k, width: 16, style: { numFmt: '@' } }));
  for (const r of rows) ws.addRow(Object.fromEntries(keys.map((k) => [k, r[k as keyof Row] ?? ''])));
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** multipart/form-data with one file part, built by hand. */
function multipartBody(filename: string, content: Buffer, contentType: string) {
  const boundary = `----huijiu-test-${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const MIME: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

function upload(api: Api, file: string): Promise<LightMyRequestResponse> {
  const name = path.basename(file);
  const body = multipartBody(
    name,
    fs.readFileSync(file),
    MIME[name.split('.').pop()!] ?? 'application/octet-stream',
  );
  return api('POST', '/api/v1/imports/households', body.payload, { 'content-type': body.contentType });
}

type JobView = {
  id: string;
  status: string;
  result: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
};

/** Uploads, runs the job to the end, and returns its view from GET /api/v1/imports/:id. */
async function importFile(file: string, api: Api = town001): Promise<JobView> {
  const res = await upload(api, file);
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json() as { jobId: string };
  await env.jobs.drain();
  const view = await api('GET', `/api/v1/imports/${jobId}`);
  expect(view.statusCode, view.body).toBe(200);
  return view.json() as JobView;
}

type Failed = { ok: false; errorCount: number; errors: ImportRowError[]; truncated: boolean };
function failedResult(job: JobView): Failed {
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  expect(job.result).toMatchObject({ ok: false });
  return job.result as unknown as Failed;
}

const count = async (table: 'household' | 'person' | 'household_member' | 'record_version' | 'job') =>
  Number(
    (
      await env.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const registryCounts = async () => ({
  households: await count('household'),
  persons: await count('person'),
  members: await count('household_member'),
  versions: await count('record_version'),
  imported: Number(
    (
      await env.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'registry.imported')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

const person = (
  key: string,
  village: string,
  name: string,
  idNumber: string,
  relationCode: string,
  extra: Row = {},
): Row => ({
  householdKey: key,
  villageCode: village,
  name,
  idNumber,
  relationCode,
  ...extra,
});

async function findByIdNumber(idNumber: string) {
  const res = await town001('GET', `/api/v1/households?q=${idNumber}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: number;
    items: { id: string; householdNo: string; memberCount: number; villageCode: string }[];
  };
}

describe('a good file', () => {
  function goodRows() {
    const heads = [nextIdNumber('1958-03-04'), nextIdNumber('1970-07-07', 2), nextIdNumber('1949-10-01')];
    const rows: Row[] = [
      person('A01', '370971001201', '王大山', heads[0]!, '02', {
        address: '东家庄村 3 号',
        hukouType: '01',
        urbanRural: '农村',
        phone: '13812345678',
        selfCareLevel: '半自理',
        monthlyIncome: '1,234.50',
      }),
      person('A01', '370971001201', '刘秀兰', nextIdNumber('1960-01-01', 2), '10', {
        selfCareLevel: 'SELF_CARE',
      }),
      person('A01', '370971001201', '王小明', nextIdNumber('2010-09-01'), '20', {
        inFulltimeEducation: '是',
        educationLevel: '初中',
      }),
      person('A02', '370971001202', '赵春花', heads[1]!, '02', {
        bankAccount: '6222021234567890123',
        bankName: '农商银行',
      }),
      person('A02', '370971001202', '赵小雨', nextIdNumber('2001-05-05', 2), '30', {
        inFulltimeEducation: '否',
      }),
      person('A03', '370971001201', '孙老汉', heads[2]!, '02', { specialStatus: '服刑', monthlyIncome: '0' }),
      person('A03', '370971001201', '钱老太', nextIdNumber('1950-02-02', 2), '12'),
    ];
    return { rows, heads };
  }

  it.each(['csv', 'xlsx'] as const)(
    '(%s) of 3 households / 7 persons is written whole: counts, registry rows, history and one audit entry',
    async (format) => {
      const { rows, heads } = goodRows();
      const file = format === 'csv' ? writeCsv('good.csv', rows) : await writeXlsx('good.xlsx', rows);
      const before = await registryCounts();

      const job = await importFile(file);
      expect(job.status).toBe('succeeded');
      expect(job.result).toEqual({ ok: true, households: 3, persons: 7, filename: `good.${format}` });

      const after = await registryCounts();
      expect(after).toEqual({
        households: before.households + 3,
        persons: before.persons + 7,
        members: before.members + 7,
        versions: before.versions + 3,
        imported: before.imported + 1,
      });

      // Members were grouped by 户编号 and the values of each column arrived.
      const found = await Promise.all(heads.map(findByIdNumber));
      expect(found.map((f) => f.total)).toEqual([1, 1, 1]);
      expect(found.map((f) => f.items[0]!.memberCount)).toEqual([3, 2, 2]);
      expect(found.map((f) => f.items[0]!.villageCode)).toEqual([
        '370971001201',
        '370971001202',
        '370971001201',
      ]);
      const first = (await town001('GET', `/api/v1/households/${found[0]!.items[0]!.id}`)).json();
      expect(first).toMatchObject({
        address: '东家庄村 3 号',
        hukouType: '01',
        urbanRural: 'rural',
        version: 1,
      });
      const byName = new Map<string, unknown>(first.members.map((m: { name: string }) => [m.name, m]));
      expect([...byName.keys()].sort()).toEqual(['刘秀兰', '王大山', '王小明'].sort());
      expect(byName.get('王大山')).toMatchObject({
        relationCode: '02',
        selfCareLevel: 'PARTIAL_LOSS',
        monthlyIncomeFen: 123450,
        phoneMasked: '138****5678',
        sex: 1,
        birthDate: '1958-03-04',
      });
      expect(byName.get('刘秀兰')).toMatchObject({ relationCode: '10', selfCareLevel: 'SELF_CARE', sex: 2 });
      expect(byName.get('王小明')).toMatchObject({
        relationCode: '20',
        inFulltimeEducation: true,
        educationLevel: 'junior',
      });
      const third = (await town001('GET', `/api/v1/households/${found[2]!.items[0]!.id}`)).json();
      expect(third.members.find((m: { name: string }) => m.name === '孙老汉')).toMatchObject({
        specialStatus: 'IN_PRISON',
        monthlyIncomeFen: 0,
      });

      // Each household has its creation in the history, naming the import job.
      for (const f of found) {
        const hist = (await town001('GET', `/api/v1/households/${f.items[0]!.id}/history`)).json().items;
        expect(hist).toHaveLength(1);
        expect(hist[0]).toMatchObject({ action: 'create', actorName: 'town001 测试' });
        expect(hist[0].reason).toContain(job.id);
      }
      const audit = await env.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'registry.imported')
        .where('record_id', '=', job.id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_username: 'town001',
        record_type: 'job',
        detail: { households: 3, persons: 7 },
      });
      // No error workbook for a clean import.
      const errs = await town001('GET', `/api/v1/imports/${job.id}/errors.xlsx`);
      expect(errs.statusCode).toBe(404);
      // The uploaded sheet (ID numbers in clear) is gone from the data folder once imported.
      const left = fs.readdirSync(path.join(env.dataDir, 'imports')).filter((f) => !f.endsWith('.ndjson'));
      expect(left).toEqual([]);
    },
  );
});

async function errorWorkbookRows(jobId: string) {
  const res = await town001('GET', `/api/v1/imports/${jobId}/errors.xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.xlsx"/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1, 5));
  });
  return { header: (ws.getRow(1).values as unknown[]).slice(1), rows };
}

describe('a file with bad rows', () => {
  it('lists every bad row with its line and column, writes nothing, and offers the same list as errors.xlsx', async () => {
    const V = '370971001201';
    const dup = nextIdNumber('1975-05-05');
    const good = (birth: string, sex: 1 | 2 = 1) => nextIdNumber(birth, sex);
    const wrongCheckDigit = (() => {
      const id = good('1966-06-06', 2);
      return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    })();
    const rows: Row[] = [
      /* 2 */ person('B01', V, '张一', good('1960-01-01'), '02'),
      /* 3 */ person('B01', V, '张二', wrongCheckDigit, '10'),
      /* 4 */ person('B02', V, '李一', good('1961-01-01'), '02'),
      /* 5 */ person('B02', V, '', good('1990-01-01'), '20'),
      /* 6 */ person('B03', V, '王一', good('1962-01-01'), '02'),
      /* 7 */ person('B03', V, '王二', good('1991-01-01'), '98'),
      /* 8 */ person('B04', V, '赵一', dup, '02'),
      /* 9 */ person('B05', V, '钱一', dup, '02'),
      /* 10 */ person('B06', V, '孙一', good('1992-01-01'), '20'),
      /* 11 */ person('B07', V, '周一', good('1963-01-01'), '02'),
      /* 12 */ person('B08', V, '吴一', good('1964-01-01'), '02'),
      /* 13 */ person('B07', V, '周二', good('1965-01-01', 2), '10'),
      /* 14 */ person('B09', '370971002201', '郑一', good('1966-01-01'), '02'),
      /* 15 */ person('B10', V, '冯一', good('1967-01-01'), '02', { monthlyIncome: '12.345' }),
    ];
    const file = writeCsv('bad.csv', rows);
    const before = await registryCounts();

    const job = await importFile(file);
    const result = failedResult(job);
    const at = (line: number) => result.errors.filter((e) => e.line === line).map((e) => e.column);

    // Exactly the bad lines: none missed, no good line blamed.
    expect([...new Set(result.errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual([
      3, 5, 7, 9, 10, 13, 14, 15,
    ]);
    expect(at(3)).toContain('证件号码'); // wrong check digit
    expect(at(5)).toContain('姓名'); // missing name
    expect(at(7)).toContain('与户主关系'); // unknown relation code 98
    expect(at(9)).toContain('证件号码'); // same ID number as line 8
    expect(result.errors.find((e) => e.line === 9 && e.column === '证件号码')!.message).toContain('8');
    expect(at(10)).toContain('与户主关系'); // a household without a head
    expect(at(13)).toContain('户编号'); // B07 is not on consecutive rows
    expect(at(14)).toContain('村居代码'); // a town002 village, uploaded by town001
    expect(at(15)).toContain('月收入(元)'); // 12.345 yuan
    for (const e of result.errors) {
      expect(e.message).toEqual(expect.any(String));
      expect(e.messageEn).toEqual(expect.any(String));
    }
    expect(result.errorCount).toBe(result.errors.length);
    expect(result.truncated).toBe(false);

    // Nothing at all was written, not even the good households.
    expect(await registryCounts()).toEqual(before);
    expect((await findByIdNumber(rows[0]!.idNumber!)).total).toBe(0);

    // The error workbook holds the same list, one row per error, in line order.
    const sheet = await errorWorkbookRows(job.id);
    expect(sheet.header).toEqual(['行号 Line', '列 Column', '错误原因', 'Error']);
    expect(sheet.rows).toEqual(result.errors.map((e) => [e.line, e.column, e.message, e.messageEn]));
  });

  it('checks the other rows of a household even when one of its rows cannot be read', async () => {
    const wrong = nextIdNumber('1955-05-05');
    const rows: Row[] = [
      /* 2 */ person('D01', '370971001201', '', nextIdNumber('1950-01-01'), '02'),
      /* 3 */ person(
        'D01',
        '370971001201',
        '何二',
        wrong.slice(0, 17) + (wrong[17] === '0' ? '1' : '0'),
        '10',
      ),
      /* 4 */ person('D01', '370971001201', '何三', nextIdNumber('1980-01-01'), '98'),
    ];
    const result = failedResult(await importFile(writeCsv('bad3.csv', rows)));
    expect(result.errors.filter((e) => e.line === 2).map((e) => e.column)).toContain('姓名');
    expect(result.errors.filter((e) => e.line === 3).map((e) => e.column)).toContain('证件号码');
    expect(result.errors.filter((e) => e.line === 4).map((e) => e.column)).toContain('与户主关系');
  });

  it('names the household of a person who is already an active member elsewhere', async () => {
    const existing = await buildHousehold(env);
    const head = await env.db
      .selectFrom('household_member')
      .innerJoin('person', 'person.id', 'household_member.person_id')
      .select('person.id_number_enc')
      .where('household_member.household_id', '=', existing.id)
      .where('household_member.relation_code', '=', '02')
      .executeTakeFirstOrThrow();
    const idNumber = env.cipher.decrypt(head.id_number_enc);
    const before = await registryCounts();
    const rows: Row[] = [
      person('E01', '370971001202', '新户主', nextIdNumber('1970-01-01'), '02'),
      person('E01', '370971001202', '旧成员', idNumber, '10'),
    ];
    const result = failedResult(await importFile(writeCsv('taken.csv', rows)));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, column: '证件号码' });
    expect(result.errors[0]!.message).toContain(existing.householdNo);
    expect(result.errors[0]!.messageEn).toContain(existing.householdNo);
    expect(await registryCounts()).toEqual(before);
  });
});

describe('the file itself', () => {
  it('names each missing required column, on line 1', async () => {
    const keys = ALL_KEYS.filter((k) => k !== 'idNumber' && k !== 'relationCode');
    const result = failedResult(
      await importFile(writeCsv('nocol.csv', [person('F01', '370971001201', '无号', '', '')], keys)),
    );
    expect(result.errors).toEqual([
      {
        line: 1,
        column: '证件号码',
        message: '缺少必填列“证件号码”',
        messageEn: expect.stringContaining('idNumber'),
      },
      {
        line: 1,
        column: '与户主关系',
        message: '缺少必填列“与户主关系”',
        messageEn: expect.stringContaining('relationCode'),
      },
    ]);
  });

  it('accepts a header with only the required columns, in any order', async () => {
    const keys = ['name', 'idNumber', 'householdKey', 'relationCode', 'villageCode'];
    const id = nextIdNumber('1966-03-03');
    const job = await importFile(
      writeCsv('minimal.csv', [person('G01', '370971001203', '简表', id, '02')], keys),
    );
    expect(job.result, JSON.stringify(job.error)).toMatchObject({ ok: true, households: 1, persons: 1 });
    expect((await findByIdNumber(id)).total).toBe(1);
  });

  it('refuses a .txt upload with 400 on field file and starts no job', async () => {
    const file = path.join(tmp, 'households.txt');
    fs.writeFileSync(file, '户编号,村居代码\n');
    const jobs = await count('job');
    const res = await upload(town001, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(await count('job')).toBe(jobs);
  });

  it('refuses an upload without a file part with 400 on field file', async () => {
    const boundary = 'huijiu-empty';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    );
    const res = await town001('POST', '/api/v1/imports/households', payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'file' })]);
  });
});

describe('who may import', () => {
  it('refuses a village assistant with 403 and starts no job', async () => {
    const village = await signIn(env, 'v001201');
    const jobs = await count('job');
    const res = await upload(
      village,
      writeCsv('village.csv', [person('H01', '370971001201', '村民', nextIdNumber(), '02')]),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    expect(await count('job')).toBe(jobs);
  });
});

describe('the template', () => {
  it('is an .xlsx whose header row is the Chinese column names', async () => {
    const res = await town001('GET', '/api/v1/imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.zh));
  });

  it('imports as downloaded: its example row is valid', async () => {
    const res = await town001('GET', '/api/v1/imports/template.xlsx');
    const file = path.join(tmp, 'template.xlsx');
    fs.writeFileSync(file, res.rawPayload);
    const job = await importFile(file);
    expect(job.result, JSON.stringify(job.error)).toMatchObject({ ok: true, households: 1, persons: 1 });
  });
});
