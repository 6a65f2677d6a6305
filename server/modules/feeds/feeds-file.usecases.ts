import ExcelJS from 'exceljs';
import type { FeedDelivery, FeedRowIssue, FeedSource } from '../../../contracts/feeds.ts';
import type { RequestContext } from '../../platform/context.ts';
import { readRows, type SheetFormat } from '../imports/row-reader.ts';
import { feedErrors, requireFeedPermission } from './feeds.errors.ts';
import { fieldHelp, fileColumns } from './feeds.models.ts';
import { authorizeSource, deliverFeed, type FeedDeps } from './feeds.usecases.ts';

// File delivery in the console: a department's .xlsx or .csv with the source's Chinese headings
// (身份证号 first). The cells are read as text and checked in 'file' mode (money in yuan, 是/否,
// enum codes or labels) by deliverFeed, every problem reported with its line in the file; one bad
// row writes nothing. Columns the source does not have (a 姓名 column, say) are ignored, so they
// are never stored.

type Header = { byKey: Map<string, number>; issues: FeedRowIssue[] };

function readHeader(src: FeedSource, cells: string[], line: number): Header {
  const cols = fileColumns(src);
  const byKey = new Map<string, number>();
  cells.forEach((c, i) => {
    const col = cols.find((k) => k.zh === c || k.key === c);
    if (col && !byKey.has(col.key)) byKey.set(col.key, i);
  });
  const issues = cols
    .filter((c) => (c.field === null || c.field.required) && !byKey.has(c.key))
    .map((c) => ({
      field: c.key,
      row: line,
      column: c.zh,
      message: `缺少必填列“${c.zh}”`,
      messageEn: `the required column "${c.zh}" (${c.key}) is missing`,
    }));
  return { byKey, issues };
}

export async function deliverFeedFile(
  deps: FeedDeps,
  ctx: RequestContext,
  source: string,
  file: { path: string; format: SheetFormat; filename: string },
): Promise<FeedDelivery> {
  const src = authorizeSource({ kind: 'user', ctx }, source, 'upload');
  let header: Header | null = null;
  const lines: number[] = [];
  const raws: Record<string, string>[] = [];
  for await (const row of readRows(file.path, file.format)) {
    if (!header) {
      header = readHeader(src, row.cells, row.line);
      if (header.issues.length > 0) throw feedErrors.rows(header.issues, 1);
      continue;
    }
    const raw: Record<string, string> = {};
    for (const [key, i] of header.byKey) raw[key] = row.cells[i] ?? '';
    raws.push(raw);
    lines.push(row.line);
  }
  if (!header) {
    throw feedErrors.rows(
      [
        {
          field: 'file',
          row: 1,
          column: '',
          message: '文件为空或缺少表头',
          messageEn: 'the file is empty or has no header row',
        },
      ],
      1,
    );
  }
  // The cells are checked once, in 'file' mode, by the delivery as it writes (all or nothing).
  return deliverFeed(deps, { kind: 'user', ctx }, src.code, raws, {
    channel: 'FILE',
    filename: file.filename,
    cells: { lines },
  });
}

/** The template of a source: its headings as text columns, and a sheet explaining each one. */
export async function feedTemplate(ctx: RequestContext, source: string): Promise<Buffer> {
  requireFeedPermission(ctx.actor, 'feeds.read');
  const src = authorizeSource({ kind: 'user', ctx }, source, 'read');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(src.zh.slice(0, 31));
  // Text format keeps ID numbers and dates as typed (Excel would round an 18-digit number).
  ws.columns = fileColumns(src).map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(12, c.zh.length * 2 + 6),
    style: { numFmt: '@' },
  }));
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'zh', width: 28 },
    { header: '字段', key: 'key', width: 20 },
    { header: '必填', key: 'req', width: 8 },
    { header: '填写要求', key: 'help', width: 80 },
  ];
  help.addRow({
    zh: '身份证号',
    key: 'idNumber',
    req: '是',
    help: '18 位居民身份证号码（15 位旧号自动转换）',
  });
  for (const f of src.fields)
    help.addRow({ zh: f.zh, key: f.key, req: f.required ? '是' : '否', help: fieldHelp(f) });
  help.addRow({});
  help.addRow({
    zh: '说明',
    help: '第一行为表头，每行一条记录；出现任何错误时整个文件不写入，并列出所有错误行。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
