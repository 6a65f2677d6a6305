import fs from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

// Streams the rows of an uploaded .csv or .xlsx as { line, cells }, with `line` as the user sees it
// in a spreadsheet (the header is line 1), so errors point at the right row. Memory stays flat.

export type SheetRow = { line: number; cells: string[] };
export type SheetFormat = 'csv' | 'xlsx';

export function formatOf(filename: string): SheetFormat | null {
  const ext = filename.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

export async function* readRows(file: string, format: SheetFormat): AsyncGenerator<SheetRow> {
  if (format === 'csv') {
    const parser = fs
      .createReadStream(file)
      .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true }));
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = rec.record.map((c) => c.trim());
      if (cells.every((c) => c === '')) continue;
      yield { line: rec.info.lines, cells };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  // exceljs reads a worksheet that comes before xl/workbook.xml in the zip as `this.model.sheets`
  // with no model yet and throws "reading 'sheets'"; the order of a file's parts is the writer's
  // choice (and varied under load in CI), so start from an empty model: the sheet is read the same.
  const withModel = reader as unknown as { model?: Record<string, unknown> };
  withModel.model ??= {};
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1);
      const cells = values.map(cellText);
      if (cells.every((c) => c === '')) continue;
      yield { line: row.number, cells };
    }
    return; // only the first sheet
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: string; richText?: { text: string }[]; result?: unknown };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return cellText(o.result);
  }
  return String(v).trim();
}
