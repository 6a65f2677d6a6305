import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { benefitQuoteInput } from '../contracts/benefits.ts';
import { quoteBenefits } from '../server/modules/benefits/benefits.usecases.ts';
import { formatYuan } from '../web/src/features/benefits/calcForm.ts';
import { launch, signIn } from './browser.ts';

// The benefit calculator (M3 item 5): the page shows what the pure calculators compute.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('benefit calculator', () => {
  it('shows the same amounts as quoteBenefits for a 60-year-old alone without income', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await signIn(page, baseUrl, 'v001201');
    await page.getByTestId('main-menu').getByText('救助测算').click();
    await page.waitForURL(/\/calculator$/);
    await page.getByTestId('calc-date').fill('2026-03-15');
    await page.getByTestId('calc-member-0').locator('input[id$="_age"]').fill('60');
    await page.getByTestId('calc-member-0').getByText('自主洗澡').click();
    await page.getByTestId('calc-member-0').getByText('自主如厕').click();
    await page.getByTestId('calc-submit').click();
    await page.getByTestId('calc-result-tekun').waitFor();

    const expected = quoteBenefits(
      benefitQuoteInput.parse({
        date: '2026-03-15',
        area: 'urban',
        members: [{ age: 60, relation: 'head', selfCare: { bathing: false, toileting: false } }],
      }),
    );
    const dibao = expected.schemes.dibao.amountFen;
    const tekun = expected.schemes.tekun[0]?.amountFen;
    expect(dibao).toBe(100000);
    expect(tekun).toBe(190000);
    expect(await page.getByTestId('calc-amount-dibao').innerText()).toContain(formatYuan(dibao));
    expect(await page.getByTestId('calc-amount-tekun').innerText()).toContain(formatYuan(tekun));
    expect(await page.getByTestId('calc-result-edge').innerText()).toContain('不符合');
    await page.screenshot({ path: '/tmp/calc-result.png', fullPage: true });

    // A server field error is shown at the field.
    await page.getByTestId('calc-member-0').locator('input[id$="_age"]').fill('');
    await page.getByTestId('calc-submit').click();
    await expect
      .poll(() => page.getByTestId('calc-member-0').locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('请填写年龄或出生日期');
    await ctx.close();
  });
});
