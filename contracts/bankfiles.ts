import { z } from 'zod';
import { BANK_STATUSES, PAYROLL_LINE_KINDS, PAYROLL_SCHEMES } from './payroll.ts';

// Bank files of an approved payroll run (M5): the file sent to the paying bank in a column layout
// the county chooses (xlsx or csv), the bank's return file that marks each line paid or failed,
// and the reconciliation of approved vs exported vs paid vs failed. Failed lines are reissued by
// the next month's run once the account is corrected.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const BANK_COLUMN_KEYS = [
  'payeeName',
  'idNumber',
  'account',
  'bankName',
  'amountYuan',
  'memo',
  'caseNo',
  'lineRef',
  'town',
  'village',
] as const;
export type BankColumnKey = (typeof BANK_COLUMN_KEYS)[number];

/** The standard header of each column (a county may rename it in its layout). */
export const BANK_COLUMN_HEADERS: Record<BankColumnKey, string> = {
  payeeName: '户主姓名',
  idNumber: '身份证号',
  account: '银行账号',
  bankName: '开户行',
  amountYuan: '金额(元)',
  memo: '摘要',
  caseNo: '案件编号',
  lineRef: '发放流水号',
  town: '乡镇(街道)',
  village: '村(居)',
};

export const BANK_FILE_FORMATS = ['xlsx', 'csv'] as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number];

export const bankColumn = z.object({
  key: z.enum(BANK_COLUMN_KEYS),
  header: z.string().trim().min(1, bi('请填写列标题', 'give the column a header')).max(30),
});
export type BankColumn = z.infer<typeof bankColumn>;

export const bankLayout = z.object({
  scheme: z.enum(PAYROLL_SCHEMES),
  columns: z
    .array(bankColumn)
    .min(1)
    .max(BANK_COLUMN_KEYS.length)
    .refine(
      (cols) => new Set(cols.map((c) => c.key)).size === cols.length,
      bi('列不能重复', 'a column appears twice'),
    )
    .refine(
      (cols) => cols.some((c) => c.key === 'amountYuan'),
      bi('文件必须包含金额列', 'the file needs the amount column'),
    )
    .refine(
      (cols) => cols.some((c) => c.key === 'account'),
      bi('文件必须包含银行账号列', 'the file needs the account column'),
    )
    .refine(
      (cols) => cols.some((c) => c.key === 'memo' || c.key === 'lineRef'),
      bi(
        '文件须包含摘要或发放流水号列，银行回盘凭此对账',
        'the file needs the memo or the line reference: the bank return is matched on it',
      ),
    ),
  format: z.enum(BANK_FILE_FORMATS),
});
export type BankLayout = z.infer<typeof bankLayout>;

export const DEFAULT_BANK_COLUMNS: BankColumn[] = (
  ['payeeName', 'idNumber', 'account', 'bankName', 'amountYuan', 'memo'] as const
).map((key) => ({ key, header: BANK_COLUMN_HEADERS[key] }));

export const bankLayoutView = bankLayout.extend({
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type BankLayoutView = z.infer<typeof bankLayoutView>;

export const bankFileQuery = z.object({ format: z.enum(BANK_FILE_FORMATS).optional() });

/** Headers the bank return file may use for each column (matched case-insensitively, spaces ignored). */
export const RETURN_COLUMN_ALIASES = {
  lineRef: ['发放流水号', '流水号', 'lineref', '摘要', 'memo'],
  amountYuan: ['金额(元)', '金额（元）', '金额', 'amount', 'amountyuan'],
  result: ['结果', '处理结果', '发放结果', '状态', 'result', 'status'],
  reason: ['失败原因', '原因', '备注', 'reason'],
} as const;
export type ReturnColumn = keyof typeof RETURN_COLUMN_ALIASES;

export const bankReturnResult = z.object({
  filename: z.string(),
  rows: z.number(),
  paid: z.number(),
  failed: z.number(),
  paidFen: z.number(),
  failedFen: z.number(),
});
export type BankReturnResult = z.infer<typeof bankReturnResult>;

const tally = z.object({ count: z.number(), amountFen: z.number() });
export type BankTally = z.infer<typeof tally>;

export const reconciliation = z.object({
  runId: z.string(),
  scheme: z.enum(PAYROLL_SCHEMES),
  month: z.string(),
  lastExportedAt: z.string().nullable(),
  exports: z.number(),
  totals: z.object({ approved: tally, exported: tally, paid: tally, failed: tally, pending: tally }),
  towns: z.array(
    z.object({
      townCode: z.string(),
      townName: z.string().nullable(),
      approved: tally,
      paid: tally,
      failed: tally,
      pending: tally,
    }),
  ),
  failedLines: z.array(
    z.object({
      lineRef: z.string(),
      caseId: z.string(),
      caseNo: z.string(),
      kind: z.enum(PAYROLL_LINE_KINDS),
      item: z.string(),
      townCode: z.string(),
      payeeNameMask: z.string().nullable(),
      netFen: z.number(),
      bankStatus: z.enum(BANK_STATUSES),
      bankReason: z.string().nullable(),
      bankRef: z.string().nullable(),
      /** 'YYYY-MM-01' of the run that reissues (or will reissue) the payment. */
      reissueMonth: z.string(),
      /** The reissue line once the next run has it; null while it is still to come. */
      reissue: z
        .object({
          month: z.string(),
          runStatus: z.string(),
          netFen: z.number(),
          bankStatus: z.enum(BANK_STATUSES),
        })
        .nullable(),
    }),
  ),
  failedTotal: z.number(),
});
export type Reconciliation = z.infer<typeof reconciliation>;
