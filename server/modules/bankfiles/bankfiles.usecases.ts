import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  type BankColumn,
  type BankColumnKey,
  type BankFileFormat,
  type BankLayout,
  type BankLayoutView,
  DEFAULT_BANK_COLUMNS,
} from '../../../contracts/bankfiles.ts';
import type { Database } from '../../db/database.ts';
import type { PayrollScheme } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { createDecryptPool } from '../../platform/decrypt-pool.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import * as payroll from '../payroll/payroll.repository.ts';
import { csvCell, fenToYuanText, lineRefOf } from './bankfiles.models.ts';
import * as repo from './bankfiles.repository.ts';

// The bank file of an approved run (M5): every line still PENDING with a net amount, in the
// county's column layout, with a control total (笔数, 合计金额) as the last row and in the response
// headers. The personal data is decrypted for the bank, so the download is audited once (never the
// values). Written to a temporary file in batches read through a cursor: memory stays flat at
// 100,000+ lines.

export type BankDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher };

const BATCH = 2000;
const SCHEME_ZH: Record<PayrollScheme, string> = {
  DIBAO: '低保金',
  TEKUN: '特困供养金',
  TEMPORARY: '临时救助金',
  CARE: '照护服务费',
};
const KIND_ZH: Record<string, string> = {
  MONTHLY: '',
  BACK_PAY: '补发',
  REISSUE: '重发',
  TEMPORARY: '',
  CARE: '',
};

export const runNotFound = () => errors.notFound('发放批次', 'payroll run');

export async function approvedRun(db: Database, ctx: RequestContext, runId: string) {
  const run = await payroll.getRun(db, ctx.actor.countyCode, runId);
  if (!run) throw runNotFound();
  if (run.status !== 'APPROVED')
    throw errors.conflict(
      'bankfiles.run_not_approved',
      '只有已审批的发放批次才能生成银行代发文件或导入回盘',
      'only an approved payroll run has a bank file or a bank return',
      { status: run.status },
    );
  return run;
}

export async function getBankLayout(
  deps: Pick<BankDeps, 'db'>,
  ctx: RequestContext,
  scheme: PayrollScheme,
): Promise<BankLayoutView> {
  requirePermission(ctx.actor, 'payroll.read');
  const row = await repo.getLayout(deps.db, ctx.actor.countyCode, scheme);
  if (!row)
    return { scheme, columns: DEFAULT_BANK_COLUMNS, format: 'xlsx', isDefault: true, updatedAt: null };
  return {
    scheme,
    columns: row.columns as BankColumn[],
    format: row.format,
    isDefault: false,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function saveBankLayout(
  deps: Pick<BankDeps, 'db' | 'clock'>,
  ctx: RequestContext,
  input: BankLayout,
): Promise<BankLayoutView> {
  requirePermission(ctx.actor, 'payroll.manage');
  const at = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const saved = await repo.saveLayout(trx, {
      county_code: ctx.actor.countyCode,
      scheme: input.scheme,
      columns: input.columns,
      format: input.format,
      updated_by: auditActor(ctx).actorId,
      updated_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'payroll.bank_layout_saved',
        recordType: 'bank_layout',
        recordId: input.scheme,
        detail: { columns: input.columns.map((c) => c.key), format: input.format },
      },
    ]);
    return saved;
  });
  return {
    scheme: input.scheme,
    columns: input.columns,
    format: row.format,
    isDefault: false,
    updatedAt: row.updated_at.toISOString(),
  };
}

type Sink = { add(cells: (string | number)[]): void; flush?(): Promise<void>; end(): Promise<void> };

function xlsxSink(file: string, columns: BankColumn[]): Sink {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('代发清单');
  // Text cells for ID numbers and accounts: Excel would turn 18 digits into 1.2E+17.
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'idNumber' || c.key === 'account' ? 24 : c.key === 'memo' ? 36 : 16,
    style: { numFmt: c.key === 'amountYuan' ? '0.00' : '@' },
  }));
  return {
    add: (cells) => ws.addRow(cells).commit(),
    end: async () => {
      ws.commit();
      await wb.commit();
    },
  };
}

function csvSink(file: string, columns: BankColumn[]): Sink {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  // Lines are written a batch at a time: one stream write per line cost as much as the line itself.
  let pending: string[] = [];
  const add = (cells: (string | number)[]) => {
    pending.push(`${cells.map(csvCell).join(',')}\r\n`);
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  out.write('\uFEFF'); // Excel opens UTF-8 only with the BOM
  add(columns.map((c) => c.header));
  return {
    add,
    flush,
    end: async () => {
      await flush();
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
    },
  };
}

export type BankFile = {
  file: string;
  filename: string;
  format: BankFileFormat;
  count: number;
  totalFen: number;
  cleanup(): void;
};

export async function exportBankFile(
  deps: BankDeps,
  ctx: RequestContext,
  runId: string,
  format?: BankFileFormat,
): Promise<BankFile> {
  requirePermission(ctx.actor, 'payroll.manage');
  const county = ctx.actor.countyCode;
  const run = await approvedRun(deps.db, ctx, runId);
  const layout = await getBankLayout(deps, ctx, run.scheme);
  const fmt = format ?? layout.format;
  const names = await repo.divisionNames(deps.db, county);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bank-'));
  const file = path.join(dir, `${crypto.randomUUID()}.${fmt}`);
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const monthZh = `${run.month.slice(0, 4)}年${run.month.slice(5, 7)}月`;
  const refOf = lineRefOf({ county, scheme: run.scheme, month: run.month });
  const ref = (r: repo.ExportRow) => refOf(r.case_id, r.kind, r.item);
  // The personal values of a batch are opened together on a worker thread (decryptMany: one SM4
  // call per batch, every tag checked) while the previous batch is written, and only the columns
  // the layout shows. One function per column, made once: a record of closures built for every
  // row cost more than the line reference (profiled).
  type Sealed = { payeeName: string[]; idNumber: string[]; account: string[] };
  const sealedKeys = (['payeeName', 'idNumber', 'account'] as const).filter((k) =>
    layout.columns.some((c) => c.key === k),
  );
  const pick = {
    payeeName: (r: repo.ExportRow) => r.name_enc,
    idNumber: (r: repo.ExportRow) => r.id_number_enc,
    account: (r: repo.ExportRow) => r.bank_account_enc,
  };
  const pool = createDecryptPool(deps.cipher.masterKeyHex);
  const unseal = async (rows: repo.ExportRow[]): Promise<Sealed> => {
    const values = await pool.decryptMany(sealedKeys.flatMap((k) => rows.map(pick[k])));
    const out: Sealed = { payeeName: [], idNumber: [], account: [] };
    sealedKeys.forEach((k, j) => {
      out[k] = values.slice(j * rows.length, (j + 1) * rows.length);
    });
    return out;
  };
  const cellOf: Record<BankColumnKey, (r: repo.ExportRow, i: number, p: Sealed) => string | number> = {
    payeeName: (r, i, p) => r.institution_name ?? p.payeeName[i] ?? '',
    // An institution is identified by its 统一社会信用代码 where a person has an ID number.
    idNumber: (r, i, p) => r.institution_code ?? p.idNumber[i] ?? '',
    account: (r, i, p) => r.institution_account ?? p.account[i] ?? '',
    bankName: (r) => r.bank_name ?? '',
    amountYuan: (r) => (fmt === 'xlsx' ? r.net_fen / 100 : fenToYuanText(r.net_fen)),
    memo: (r) => `${monthZh}${SCHEME_ZH[run.scheme]}${KIND_ZH[r.kind] ?? ''} ${ref(r)}`,
    caseNo: (r) => r.case_no,
    lineRef: (r) => ref(r),
    town: (r) => names.get(r.town_code) ?? r.town_code,
    village: (r) => names.get(r.village_code) ?? r.village_code,
  };
  const cells = layout.columns.map((c) => cellOf[c.key]);
  let count = 0;
  let totalFen = 0;
  try {
    const sink = fmt === 'xlsx' ? xlsxSink(file, layout.columns) : csvSink(file, layout.columns);
    // One read-only snapshot for the whole file: a return imported meanwhile cannot shift the lines.
    await deps.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const write = async (rows: repo.ExportRow[], sealed: Sealed) => {
          for (const [i, r] of rows.entries()) {
            sink.add(cells.map((cell) => cell(r, i, sealed)));
            count += 1;
            totalFen += r.net_fen;
          }
          await sink.flush?.();
        };
        let prev: { rows: repo.ExportRow[]; sealed: Promise<Sealed> } | null = null;
        for await (const rows of repo.exportRows(trx, county, runId, BATCH)) {
          const cur = { rows, sealed: unseal(rows) };
          // A failure of this batch's decryption is reported when it is awaited, in order.
          cur.sealed.catch(() => {});
          if (prev) await write(prev.rows, await prev.sealed);
          prev = cur;
        }
        if (prev) await write(prev.rows, await prev.sealed);
      });
    const total = fmt === 'xlsx' ? totalFen / 100 : fenToYuanText(totalFen);
    sink.add(['合计', '笔数', count, '合计金额(元)', total]);
    await sink.end();
    const at = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertExport(trx, {
        county_code: county,
        run_id: runId,
        format: fmt,
        line_count: count,
        total_fen: totalFen,
        created_by: auditActor(ctx).actorId,
        created_at: at,
      });
      // One entry for the whole file: what was revealed and to whom, never the values.
      await appendAudit(trx, at, [
        {
          countyCode: county,
          ...auditActor(ctx),
          action: 'payroll.bank_file_exported',
          recordType: 'payroll_run',
          recordId: runId,
          detail: {
            runId,
            scheme: run.scheme,
            month: run.month,
            lines: count,
            totalFen,
            format: fmt,
            layout: layout.columns.map((c) => c.key),
            requestedBy: ctx.actor.username,
          },
        },
      ]);
    });
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    await pool.close();
  }
  const filename = `bank-${run.scheme}-${run.month.slice(0, 7)}.${fmt}`;
  return { file, filename, format: fmt, count, totalFen, cleanup };
}
