import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readRows } from './row-reader.ts';

// A sheet whose worksheet part comes before xl/workbook.xml in the zip (a writer's choice) is read
// like any other; exceljs's streaming reader used to throw "reading 'sheets'" on it.

describe('readRows', () => {
  it('reads an .xlsx whose worksheet comes before the workbook part', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-rows-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('户');
    ws.addRow(['姓名', '身份证号']);
    ws.addRow(['张三', '370911195501010026']);
    const src = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
    const first = names.filter((n) => n.includes('sharedStrings') || n.includes('workbook.xml.rels'));
    const sheets = names.filter((n) => n.startsWith('xl/worksheets/'));
    const rest = names.filter((n) => !first.includes(n) && !sheets.includes(n));
    const out = new JSZip();
    for (const n of [...first, ...sheets, ...rest]) out.file(n, await src.file(n)!.async('uint8array'));
    const file = path.join(dir, 'reordered.xlsx');
    fs.writeFileSync(file, await out.generateAsync({ type: 'nodebuffer' }));
    const rows = [];
    for await (const r of readRows(file, 'xlsx')) rows.push(r);
    expect(rows).toEqual([
      { line: 1, cells: ['姓名', '身份证号'] },
      { line: 2, cells: ['张三', '370911195501010026'] },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
