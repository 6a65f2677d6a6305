import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// The town officer's main path (issue M1): search a household, create one, see an invalid ID
// number refused at the field, correct it and save, and fail to open another town's household.

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
});

const fieldError = (id: string) =>
  page
    .locator('.ant-form-item-has-error')
    .filter({ has: page.locator(`#${id}`) })
    .locator('.ant-form-item-explain-error');

describe('town officer (镇街经办人)', () => {
  it('signs in and sees only households of the own town', async () => {
    await signIn(page, baseUrl, 'town001');
    await page.waitForURL(/\/households/);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const towns = await page.locator('.ant-table-row').allInnerTexts();
    expect(towns.every((t) => t.includes('北集坡街道'))).toBe(true);
    // Identifiers are masked in the list.
    expect(towns.join('\n')).toMatch(/3709\*{10}\d{3}[\dX]/);
  });

  it('searches a household by its number', async () => {
    const firstNo = (await page.locator('.ant-table-row').first().innerText()).match(/\d{17}/)![0];
    await page.locator('#household-search').fill(firstNo);
    await page.locator('#household-search').press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    expect(await page.locator('.ant-table-row').first().innerText()).toContain(firstNo);
  });

  it('refuses a wrong ID number at the field, then saves once it is corrected', async () => {
    await page.locator('[data-testid=household-new]').click();
    await page.locator('#villageCode').click();
    await page.locator('#villageCode').fill('东家庄');
    await page.locator('.ant-select-tree-title', { hasText: '东家庄村村委会' }).first().click();
    await page.locator('#members_0_name').fill('孙立新');
    await page.locator('#members_0_idNumber').fill('370911195501010027');
    await page.locator('[data-testid=household-save]').click();
    await expect.poll(() => fieldError('members_0_idNumber').innerText()).toContain('校验位错误：应为 6');
    expect(page.url()).toMatch(/\/households\/new$/);

    await page.locator('#members_0_idNumber').fill('370911195501010026');
    await page.locator('[data-testid=household-save]').click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('body').innerText()).toContain('孙立新');
    expect(await page.locator('body').innerText()).toContain('3709**********0026');
  });

  it("cannot open another town's household", async () => {
    // Find a household of town 002 through the API as the district officer.
    const ctx = await browser.newContext();
    const api = ctx.request;
    await api.post(`${baseUrl}/api/v1/auth/login`, {
      data: { username: 'town002', password: 'Huijiu@2025demo' },
    });
    const other = (await (await api.get(`${baseUrl}/api/v1/households?pageSize=1`)).json()) as {
      items: { id: string }[];
    };
    await ctx.close();
    await page.goto(`${baseUrl}/households/${other.items[0]!.id}`);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/不存在或不在您的管辖范围内/);
    expect(await page.locator('body').innerText()).not.toContain('凤天街道');
  });
});
