import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// Monthly payroll and the bank (M5): the district officer starts the 低保 payroll of 2026-11 (the
// demo has paid every month up to October), reviews and approves it, downloads the bank file,
// imports the bank's return with two failures and sees them queued for reissue in 2026-12.

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let tmp = '';
let refs: { memo: string; amount: string }[] = [];

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bank-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const detail = () => page.locator('[data-testid=payroll-detail]');

describe('payroll and the bank (保障金发放与银行对账)', () => {
  it('the district officer starts the 低保 payroll of 2026-11 and it reaches review', async () => {
    await signIn(page, baseUrl, 'district');
    await page.goto(`${baseUrl}/payroll`);
    await page.locator('[data-testid=payroll-start]').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '发起月度发放' });
    const month = modal.locator('.ant-picker input');
    await month.click();
    await month.fill('2026-11');
    await month.press('Enter');
    await modal.locator('button.ant-btn-primary').click();
    await expect
      .poll(() => detail().innerText(), { timeout: 90_000, interval: 1000 })
      .toMatch(/2026-11 低保 发放[\s\S]*待审核/);
    await page.locator('[data-testid=payroll-towns]').waitFor();
  });

  it('approves it with a note, and the bank panel appears', async () => {
    await page.locator('[data-testid=payroll-approve]').click();
    await page.locator('[data-testid=payroll-note]').fill('经审核分镇合计无误，同意发放');
    await page.locator('.ant-modal').filter({ hasText: '审批' }).locator('button.ant-btn-primary').click();
    await expect.poll(() => detail().innerText(), { timeout: 30_000 }).toContain('已审批');
    await page.locator('[data-testid=bank-panel]').waitFor();
  });

  it('downloads the bank file (xlsx) with the standard columns and a control total', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=bank-download-xlsx]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('bank-DIBAO-2026-11.xlsx');
    const file = path.join(tmp, 'bank.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual(['户主姓名', '身份证号', '银行账号', '开户行', '金额(元)', '摘要']);
    const body = rows.slice(1, -1);
    const total = rows.at(-1)!;
    expect(body.length).toBeGreaterThan(10);
    expect(total.slice(0, 3)).toEqual(['合计', '笔数', body.length]);
    const sumFen = body.reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0);
    expect(Math.round(Number(total[4]) * 100)).toBe(sumFen);
    expect(String(body[0]![1])).toMatch(/^\d{17}[\dX]$/);
    refs = body.map((r) => ({ memo: String(r[5]), amount: Number(r[4]).toFixed(2) }));
    expect(refs[0]!.memo).toMatch(/^2026年11月低保金.* D202611-[A-Z2-7]{12}$/);
  });

  it('imports the bank return with two failures and sees them queued for reissue in 2026-12', async () => {
    // The bank echoes the memo (摘要) and answers each line: all paid but two.
    const csv = [
      ['摘要', '金额(元)', '处理结果', '失败原因'],
      ...refs.map((r, i) => [
        r.memo,
        r.amount,
        i < 2 ? '失败' : '成功',
        i === 0 ? '账户已销户' : i === 1 ? '户名与账号不符' : '',
      ]),
    ]
      .map((r) => r.join(','))
      .join('\r\n');
    const file = path.join(tmp, '回盘-2026-11.csv');
    fs.writeFileSync(file, `\uFEFF${csv}\r\n`);
    await page.locator('[data-testid=bank-upload] input[type=file]').setInputFiles(file);
    await expect
      .poll(() => page.locator('[data-testid=bank-total-failed]').innerText(), { timeout: 30_000 })
      .toMatch(/^失败\s*2\s*\//);
    expect((await page.locator('[data-testid=bank-total-paid]').innerText()).replace(/,/g, '')).toContain(
      String(refs.length - 2),
    );
    expect(await page.locator('[data-testid=bank-total-pending]').innerText()).toMatch(/^待回盘\s*0\s*\//);
    const failed = await page.locator('[data-testid=bank-failed]').innerText();
    expect(failed).toContain('账户已销户');
    expect(failed).toContain('户名与账号不符');
    expect(failed.match(/将于 2026-12 重发/g)).toHaveLength(2);
  });
});
