import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// Urgent temporary assistance (§6): the district allocates 5,000 元 to town 370971001's reserve
// fund, the town officer reports an urgent case, approves and pays 2,000 元 of first aid and
// regularises it; the ledger then shows the balance down by 2,000 元 and the draw regularised.

const baseUrl = inject('baseUrl');
const TOWN = '370971001';
const MONTH = '2026-11'; // the e2e server's clock is 2026-11-29
let browser: Browser;
let district: BrowserContext;
let town: BrowserContext;
let dPage: Page;
let tPage: Page;
let before = 0;
let caseId = '';

beforeAll(async () => {
  browser = await launch();
  const opts = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
  district = await browser.newContext(opts);
  town = await browser.newContext(opts);
  dPage = await district.newPage();
  tPage = await town.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const yuan = (s: string) => Number((/-?[\d,]+\.\d{2}/.exec(s)?.[0] ?? 'NaN').replace(/,/g, ''));
const balanceOf = async (page: Page) => yuan(await page.locator('[data-testid=rf-balance]').innerText());
const openLedger = async (page: Page) => {
  await page.goto(`${baseUrl}/reserve-fund?town=${TOWN}&month=${MONTH}`);
  await page.locator('[data-testid=rf-balance]').waitFor();
};
/** The dialog (modal or drawer) holding the step's form. */
const stepDialog = (page: Page, fieldId: string) =>
  page.locator('.ant-modal, .ant-drawer').filter({ has: page.locator(`#${fieldId}`) });

describe('urgent temporary assistance (急难型临时救助)', () => {
  it('the district allocates 5,000 元 to the town reserve fund', async () => {
    await signIn(dPage, baseUrl, 'district');
    await openLedger(dPage);
    before = await balanceOf(dPage);
    await dPage.locator('[data-testid=rf-allocate]').click();
    await dPage.locator('#rf-move_amountYuan').fill('5000');
    await dPage.locator('#rf-move_note').fill('2026 年第四季度备用金');
    await dPage.locator('[data-testid=rf-move-ok]').click();
    await expect.poll(() => balanceOf(dPage)).toBe(before + 5000);
    await expect.poll(() => dPage.locator('[data-testid=rf-ledger]').innerText()).toContain('拨付');
  });

  it('the town officer reports an urgent case for a household of the town', async () => {
    await signIn(tPage, baseUrl, 'town001');
    const list = (await (await tPage.request.get(`${baseUrl}/api/v1/households?pageSize=1`)).json()) as {
      items: { id: string; householdNo: string; villageName: string }[];
    };
    const h = list.items[0]!;
    await tPage.goto(`${baseUrl}/cases/urgent/new`);
    await tPage.locator('#urgent-report_villageCode').click();
    await tPage.locator('#urgent-report_villageCode').fill(h.villageName);
    await tPage.locator('.ant-select-tree-title', { hasText: h.villageName }).first().click();
    await tPage.locator('#urgent-report_householdId').click();
    await tPage.locator('#urgent-report_householdId').fill(h.householdNo);
    await tPage.locator('.ant-select-item-option', { hasText: h.householdNo }).first().click();
    await tPage.locator('label', { hasText: '村（居）报告' }).click();
    await tPage.locator('#urgent-report_cause').click();
    await tPage.locator('.ant-select-item-option', { hasText: '火灾' }).click();
    await tPage
      .locator('#urgent-report_summary')
      .fill('夜间房屋失火，家中衣物被褥全部烧毁，急需基本生活救助');
    await tPage.locator('[data-testid=urgent-submit]').click();
    await tPage.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = /\/cases\/([0-9a-f-]{36})$/.exec(tPage.url())![1]!;
  });

  it('approves first aid of 2,000 元 on the case page', async () => {
    await tPage.getByRole('button', { name: '批准先行救助' }).click();
    await tPage.locator('#event-amountFen').fill('2000');
    await tPage.locator('#event-assessment').fill('火灾致基本生活严重困难，经评估先行救助');
    await stepDialog(tPage, 'event-amountFen').locator('button.ant-btn-primary').last().click();
    await tPage.getByRole('button', { name: '发放先行救助' }).waitFor();
  });

  it('pays it by transfer from the reserve fund', async () => {
    await tPage.getByRole('button', { name: '发放先行救助' }).click();
    await tPage.locator('#event-amountFen').fill('2000');
    await tPage.locator('#event-method').click();
    await tPage.locator('.ant-select-item-option', { hasText: '转账' }).click();
    await stepDialog(tPage, 'event-method').locator('button.ant-btn-primary').last().click();
    await tPage.getByRole('button', { name: '补办手续' }).waitFor();
  });

  it('regularises the paperwork (recipient, reason, amount, signatures)', async () => {
    await tPage.getByRole('button', { name: '补办手续' }).click();
    await tPage.locator('#event-recipient').fill('户主本人');
    await tPage.locator('#event-reason').fill('房屋失火，基本生活陷入困境');
    await tPage.locator('#event-amountFen').fill('2000');
    await tPage.locator('#event-signatures').fill('张明');
    await tPage.locator('#event-signatures').press('Enter');
    await tPage.locator('#event-signatures').fill('李华');
    await tPage.locator('#event-signatures').press('Enter');
    await stepDialog(tPage, 'event-recipient').locator('button.ant-btn-primary').last().click();
    await expect.poll(() => tPage.locator('body').innerText()).toContain('已补办手续');
    const detail = (await (await tPage.request.get(`${baseUrl}/api/v1/cases/${caseId}`)).json()) as {
      state?: string;
      case?: { state?: string };
    };
    expect(detail.state ?? detail.case?.state).toBe('REGULARIZED');
  });

  it('the ledger shows the balance down by 2,000 元 and the draw regularised', async () => {
    await openLedger(tPage);
    expect(await tPage.locator('[data-testid=rf-town]').innerText()).toContain('北集坡街道');
    await expect.poll(() => balanceOf(tPage)).toBe(before + 5000 - 2000);
    expect(yuan(await tPage.locator('[data-testid=rf-drawn]').innerText())).toBeGreaterThanOrEqual(2000);
    const ledger = await tPage.locator('[data-testid=rf-ledger]').innerText();
    expect(ledger).toContain('先行救助支出');
    expect(ledger).toContain('-2000.00');
    // This case's draw is regularised (the demo district may have other draws still outstanding).
    const caseNo = (
      (await (await tPage.request.get(`${baseUrl}/api/v1/cases/${caseId}`)).json()) as { caseNo: string }
    ).caseNo;
    const row = ledger.split('\n').find((l) => l.includes(caseNo)) ?? '';
    expect(row).toContain('已补办');
    expect(row).toContain('-2000.00');
    expect(await tPage.locator('[data-testid=rf-outstanding]').innerText()).not.toContain(caseNo);
    // The town officer may not allocate; reconciliation waits until the month is over.
    expect(await tPage.locator('[data-testid=rf-allocate]').count()).toBe(0);
    expect(await tPage.locator('[data-testid=rf-reconcile]').isDisabled()).toBe(true);
  });
});
