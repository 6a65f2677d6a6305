import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// 待遇重算 (§9.4): the district administrator recomputes from a month, waits for the change list,
// reads it and approves it as a whole with a reason.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('district administrator: recalculation (待遇重算)', () => {
  it('recomputes from a month, reads the change list and approves it as a whole', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, baseUrl, 'admin');
    await page.getByTestId('main-menu').getByText('待遇重算').click();
    await page.waitForURL(/\/recalc/);
    await page.waitForSelector('[data-testid=recalc-runs]');
    // A run another journey started (a standard adjustment) must finish before a new one can start.
    await expect
      .poll(() => page.locator('[data-testid=recalc-runs] [data-status=COMPUTING]').count(), {
        timeout: 90_000,
        interval: 1000,
      })
      .toBe(0);

    // 手动重算 from December 2026.
    await page.getByTestId('recalc-manual').click();
    await page.getByTestId('recalc-start-ok').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('请选择自哪个月起重算');
    await page.getByTestId('recalc-start-month').click();
    await page.getByTestId('recalc-start-month').fill('2026-12');
    // Enter takes the typed month and submits the one-field form.
    await page.getByTestId('recalc-start-month').press('Enter');
    await page.getByTestId('recalc-start-ok').waitFor({ state: 'detached' });
    await page.waitForURL(/[?&]run=[0-9a-f-]{36}/);
    const runId = new URL(page.url()).searchParams.get('run')!;

    const detail = page.getByTestId('recalc-detail');
    const status = detail.getByTestId('recalc-status');
    await expect.poll(() => detail.innerText()).toContain('变动清单：2026-12 起');
    await expect
      .poll(() => status.getAttribute('data-status'), { timeout: 90_000, interval: 500 })
      .toBe('PENDING');
    expect(await status.innerText()).toBe('待审批');
    const row = page.getByTestId(`recalc-run-${runId}`);
    expect(await row.innerText()).toContain('手动重算');

    // The change list shows what the server lists (the demo may have no active case yet).
    await page.waitForSelector('[data-testid=recalc-changes]');
    const api = (await (
      await page.request.get(`${baseUrl}/api/v1/recalc-runs/${runId}/changes?offset=0&limit=20`)
    ).json()) as { total: number; items: { caseNo: string; outcome: string }[] };
    const rows = page.locator('[data-testid=recalc-changes] .ant-table-row');
    await expect.poll(() => rows.count()).toBe(api.items.length);
    if (api.items.length > 0) {
      expect(await rows.first().innerText()).toContain(api.items[0]!.caseNo);
      const ineligible = api.items.filter((c) => c.outcome === 'INELIGIBLE').length;
      expect(await page.getByTestId('recalc-ineligible').count()).toBe(ineligible);
    } else {
      expect(await page.getByTestId('recalc-changes').innerText()).toContain('本批次没有待遇变动的案件');
    }

    // 整批通过 needs a reason.
    await page.getByTestId('recalc-approve').click();
    await page.getByTestId('recalc-decision-ok').click();
    await expect
      .poll(() => page.locator('.ant-modal .ant-form-item-explain-error').allInnerTexts())
      .toContain('请填写审批意见');
    await page.getByTestId('recalc-decision-reason').fill('经核对，同意按新标准发放');
    await page.getByTestId('recalc-decision-ok').click();
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('已通过');
    await expect.poll(() => row.innerText()).toContain('经核对，同意按新标准发放');
    const runs = (await (await page.request.get(`${baseUrl}/api/v1/recalc-runs`)).json()) as {
      items: { id: string; status: string; decidedByName: string | null }[];
    };
    const decided = runs.items.find((r) => r.id === runId);
    expect(decided?.status).toBe('APPROVED');
    expect(await row.innerText()).toContain(decided!.decidedByName!);
    // A decided list offers no decision any more.
    expect(await page.getByTestId('recalc-approve').count()).toBe(0);
    await page.screenshot({ path: '/tmp/recalc-approved.png', fullPage: true });
    await ctx.close();
  });
});
