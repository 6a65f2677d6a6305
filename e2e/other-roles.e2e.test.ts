import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../contracts/imports.ts';
import { makeIdNumber } from '../server/rules/id-number.ts';
import { launch, signIn } from './browser.ts';

// The main path of the village assistant, the district officer and the auditor (issue M1).

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await signIn(page, baseUrl, username);
  return page;
}

describe('village assistant (村级民政协理员)', () => {
  it('sees only the own village and may reveal a phone number, which is audited', async () => {
    const page = await freshPage('v001201');
    await page.waitForURL(/\/households/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const rows = await page.locator('.ant-table-row').allInnerTexts();
    expect(rows.every((r) => r.includes('东家庄村村委会'))).toBe(true);
    // Open households until one has a phone on record, then reveal it with a reason.
    for (let i = 0; i < rows.length; i++) {
      await page.locator('.ant-table-row').nth(i).click();
      await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
      const phone = page.locator('[data-testid^=reveal-phone-]').first();
      await page.waitForSelector('.ant-table-row');
      if ((await phone.count()) > 0) {
        // The ID number is not for this role: no 查看 beside it.
        expect(await page.locator('[data-testid^=reveal-idNumber-]').count()).toBe(0);
        await phone.click();
        await page.locator('#reveal_phone_reason').fill('电话回访核实家庭情况');
        await page.getByRole('dialog').getByRole('button', { name: '查看' }).click();
        const shown = page.locator('[data-testid^=revealed-phone-]').first();
        await expect.poll(() => shown.innerText()).toMatch(/^1[3-9]\d{9}$/);
        return;
      }
      await page.goBack();
      await page.waitForSelector('.ant-table-row');
    }
    throw new Error('no household with a phone in the first page');
  });
});

describe('district officer (区民政经办人)', () => {
  it('imports a file: every bad row is listed and nothing written; the corrected file imports', async () => {
    const page = await freshPage('district');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-e2e-import-'));
    const header = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.zh);
    const row = (key: string, name: string, id: string, rel: string) => {
      const r = new Array(header.length).fill('');
      r[0] = key;
      r[1] = '370971100201';
      r[header.indexOf('姓名')] = name;
      r[header.indexOf('证件号码')] = id;
      r[header.indexOf('与户主关系')] = rel;
      return r.join(',');
    };
    const good1 = makeIdNumber('370911', '1961-04-03', 871);
    const good2 = makeIdNumber('370911', '1963-08-19', 872);
    const bad = `${good2.slice(0, 17)}${good2[17] === '0' ? '1' : '0'}`;
    const write = (name: string, lines: string[]) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, `\ufeff${[header.join(','), ...lines].join('\n')}\n`);
      return f;
    };
    await page.goto(`${baseUrl}/imports`);
    await page
      .locator('input[type=file]')
      .setInputFiles(
        write('bad.csv', [
          row('E1', '周建国', good1, '02'),
          row('E1', '吴秀兰', bad, '10'),
          row('E2', '', makeIdNumber('370911', '1970-01-01', 873), '02'),
        ]),
      );
    await page.waitForSelector('[data-testid=import-error-table]', { timeout: 60_000 });
    const table = await page.locator('[data-testid=import-error-table]').innerText();
    expect(table).toMatch(/\b3\b[\s\S]*校验位错误/);
    expect(table).toMatch(/\b4\b[\s\S]*姓名/);
    await page.locator('[data-testid=import-again]').click();
    await page
      .locator('input[type=file]')
      .setInputFiles(write('good.csv', [row('E1', '周建国', good1, '02'), row('E1', '吴秀兰', good2, '10')]));
    await page.waitForSelector('[data-testid=import-succeeded]', { timeout: 60_000 });
    expect(await page.locator('[data-testid=import-succeeded]').innerText()).toContain('1 户');
    await page.goto(`${baseUrl}/households?q=${good1}`);
    await page.locator('#household-search').fill(good1);
    await page.locator('#household-search').press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
  });
});

describe('district administrator (区民政管理员)', () => {
  it('creates a town officer and is shown the one-time password once; the new account must change it', async () => {
    const page = await freshPage('admin');
    await page.goto(`${baseUrl}/users`);
    await page.waitForSelector('[data-testid=users-table] .ant-table-row');
    await page.locator('[data-testid=users-new]').click();
    await page.locator('#user-create_username').fill('li.town003');
    await page.locator('#user-create_displayName').fill('李南湖');
    await page.locator('#user-create_role').click();
    await page.locator('.ant-select-item-option', { hasText: '镇街经办人' }).click();
    await page.locator('#user-create_jurisdictionCode').click();
    await page.locator('.ant-select-tree-title', { hasText: '南湖街道' }).click();
    await page.locator('[data-testid=user-create-ok]').click();
    const otp = (await page.locator('[data-testid=one-time-password]').innerText()).trim();
    expect(otp).toMatch(/^\S{16}$/);
    // The new account signs in with it and is sent to change it first.
    const other = await browser.newContext({ locale: 'zh-CN' });
    const p2 = await other.newPage();
    await p2.goto(`${baseUrl}/login`);
    await p2.locator('#username').fill('li.town003');
    await p2.locator('#password').fill(otp);
    await p2.getByRole('button', { name: /登\s*录/ }).click();
    await p2.waitForURL(/\/change-password/);
    await other.close();
  });
});

describe('district administrator: standards (救助标准)', () => {
  it("sees the 2026 standards and schedules next year's adjustment without overwriting history", async () => {
    const page = await freshPage('admin');
    await page.goto(`${baseUrl}/standards`);
    await page.waitForSelector('[data-testid=standards-table]');
    await expect
      .poll(() => page.locator('[data-testid=standards-current-dibao\\.urban]').innerText())
      .toContain('1000.00');
    await page.locator('[data-testid=standards-adjust]').click();
    for (const [i, amount] of [
      [0, '1050'],
      [1, '850'],
    ] as const) {
      await page.locator(`[data-testid=standards-adjust-amount-${i}]`).fill(amount);
      await page.locator(`[data-testid=standards-adjust-month-${i}]`).click();
      await page.locator(`[data-testid=standards-adjust-month-${i}]`).fill('2027-01');
      await page.locator(`[data-testid=standards-adjust-month-${i}]`).press('Enter');
    }
    await page.locator('[data-testid=standards-adjust-reason]').fill('泰民发〔2026〕演示号');
    await page.locator('[data-testid=standards-adjust-ok]').click();
    await expect
      .poll(() => page.locator('[data-testid=standards-row-dibao\\.urban]').innerText())
      .toMatch(/1050\.00/);
    // Today's value is unchanged until January.
    expect(await page.locator('[data-testid=standards-current-dibao\\.urban]').innerText()).toContain(
      '1000.00',
    );
  });
});

describe('auditor (审计员)', () => {
  it('reads the audit log, finds reveals and verifies the hash chain', async () => {
    const page = await freshPage('auditor');
    await page.goto(`${baseUrl}/audit`);
    await page.locator('#audit_action').fill('registry.reveal');
    await page.locator('[data-testid=audit-search]').click();
    await expect
      .poll(() => page.locator('[data-testid=audit-table] .ant-table-row').count())
      .toBeGreaterThan(0);
    await page.locator('[data-testid=audit-verify]').click();
    await expect
      .poll(() => page.locator('[data-testid=audit-verify-result]').innerText())
      .toMatch(/完整|intact/);
    // Auditors read; they have no registry write actions.
    await page.goto(`${baseUrl}/households`);
    await page.waitForSelector('.ant-table-row');
    expect(await page.locator('[data-testid=household-new]').count()).toBe(0);
  });
});
