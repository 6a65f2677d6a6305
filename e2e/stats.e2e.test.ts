import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// Issue M5/M13: the statistics page shows the press release's 2025 figures, computed from the demo
// district's own records (cases as of the end of 2025, payroll lines, temporary-assistance events):
// 1,709 低保 households / 2,720 persons, 936 特困, 165 / 291 and 77 new, 692 events, and the year's
// payments (15,367,300 / 13,595,100 / 1,139,100 yuan within 0.5 %).

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

const kpi = async (key: string) =>
  (await page.getByTestId(`stats-kpi-${key}`).innerText()).replace(/[,\s]/g, '');
/** The first number after the label, in 万元. */
const wan = (text: string) => Number(/(\d+(?:\.\d+)?)万元/.exec(text)?.[1] ?? Number.NaN);

describe('statistics (统计分析)', () => {
  it('shows the press-release figures for 2025 from the district’s own records', async () => {
    await signIn(page, baseUrl, 'district');
    await page.goto(`${baseUrl}/stats?year=2025`);
    await expect.poll(() => kpi('dibao'), { timeout: 30_000 }).toContain('1709/2720');
    expect(await kpi('tekun')).toContain('936');
    expect(await kpi('newDibao')).toContain('165/291');
    expect(await kpi('newTekun')).toContain('77');
    expect(await kpi('temp')).toContain('692');
    const within = (actual: number, expected: number) => Math.abs(actual - expected) / expected <= 0.005;
    expect(within(wan(await kpi('paidDibao')), 1536.73), await kpi('paidDibao')).toBe(true);
    expect(within(wan(await kpi('paidTekun')), 1359.51), await kpi('paidTekun')).toBe(true);
    expect(within(wan(await kpi('tempAmount')), 113.91), await kpi('tempAmount')).toBe(true);
  });
});
