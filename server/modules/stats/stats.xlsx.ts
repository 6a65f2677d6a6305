import ExcelJS from 'exceljs';
import type { StatsReport } from '../../../contracts/stats.ts';
import { sheetModel } from './stats.models.ts';

// A report as an xlsx workbook: one sheet per table, with a title row (district, report, period), a
// unit line, two heading rows (group, column with its unit), the rows by town and a total row,
// then the notes on columns that cannot be derived yet.

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function reportWorkbook(report: StatsReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huijiu 汇救';
  const scopeName =
    report.scope.level === 'county' ? report.districtName : `${report.districtName}${report.scope.name}`;
  for (const table of report.tables) {
    const ws = wb.addWorksheet(table.title.slice(0, 31));
    const m = sheetModel(table);
    const width = m.headings.length;
    ws.addRow([`${scopeName}${table.title}（${report.period.replace('-', '年')}月）`]);
    ws.mergeCells(1, 1, 1, width);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).alignment = { horizontal: 'center' };
    ws.addRow([`统计截至：${report.asOf}　单位：户、人、万元（另注明者除外）`]);
    ws.mergeCells(2, 1, 2, width);
    const g = ws.addRow(m.groups);
    const h = ws.addRow(m.headings);
    // Merge equal adjacent group cells, and the 单位 column over both heading rows.
    ws.mergeCells(3, 1, 4, 1);
    let start = 2;
    for (let c = 3; c <= width + 1; c += 1) {
      if (c <= width && m.groups[c - 1] === m.groups[start - 1]) continue;
      if (c - 1 > start) ws.mergeCells(3, start, 3, c - 1);
      start = c;
    }
    for (const r of [g, h]) {
      r.font = { bold: true };
      r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    for (const b of m.body) ws.addRow(b);
    const t = ws.addRow(m.total);
    t.font = { bold: true };
    for (let r = 3; r <= ws.rowCount; r += 1)
      for (let c = 1; c <= width; c += 1) ws.getCell(r, c).border = BORDER;
    ws.getColumn(1).width = 18;
    for (let c = 2; c <= width; c += 1) ws.getColumn(c).width = 12;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
    const cols = new Map(table.columns.map((c) => [c.key, c.label]));
    const notes = report.notes;
    if (notes.length > 0) ws.addRow([]);
    for (const n of notes)
      ws.addRow([`注：${cols.get(n.column) ?? ''}${cols.has(n.column) ? '：' : ''}${n.zh}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
