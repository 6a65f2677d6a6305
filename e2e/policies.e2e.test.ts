import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AssistanceChain } from '../contracts/charity.ts';
import type { ReferralView } from '../contracts/policies.ts';
import { launch, signIn } from './browser.ts';

// The comprehensive-assistance catalogue (issue 7, §9.3) in the console: the district administrator
// edits a policy's CEL condition and sees the error at its line and column before saving it back;
// the medical-insurance liaison (liaison02) sees only its department's referrals, answers one as
// granted with an amount, and the household's assistance chain shows the granted link.

const baseUrl = inject('baseUrl');
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, baseUrl, username);
  return page;
}

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${url}`);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('the policy catalogue and department referrals', () => {
  it('the administrator sees a CEL error at its line and column, then saves the policy back', async () => {
    const admin = await pageFor('admin');
    await admin.goto(`${baseUrl}/policies`);
    await admin.getByTestId('policy-edit').first().click();
    const editor = admin.getByTestId('cel-editor');
    await editor.waitFor();
    const original = await editor.inputValue();
    await editor.fill('household.size >= 1 &&\n  household.incom > 3');
    await admin.getByTestId('cel-validate').click();
    const issue = admin.getByTestId('cel-issue').first();
    await expect.poll(() => issue.getAttribute('data-line')).toBe('2');
    expect(await issue.getAttribute('data-column')).toBe('13');
    expect(await issue.innerText()).toContain('household.incom');
    // Saving the broken condition is refused and nothing changes.
    await admin.getByTestId('policy-save').click();
    await expect.poll(() => admin.getByTestId('cel-issue').count()).toBeGreaterThan(0);
    await editor.fill(original);
    await admin.getByTestId('cel-validate').click();
    await expect.poll(() => admin.getByTestId('cel-issue').count()).toBe(0);
    await admin.getByTestId('policy-save').click();
    await expect.poll(() => admin.getByTestId('policy-editor').isVisible()).toBe(false);
  });

  it('the medical-insurance liaison answers one of its referrals; the household’s chain shows it granted', async () => {
    const liaison = await pageFor('liaison02');
    const pending = await api<{ total: number; items: ReferralView[] }>(
      liaison,
      '/api/v1/referrals?state=PENDING&pageSize=20',
    );
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.items.every((r) => r.departmentCode === 'MEDICAL_INSURANCE')).toBe(true);

    await liaison.goto(`${baseUrl}/referrals`);
    const row = liaison.getByTestId('referral-row').first();
    await row.waitFor();
    const id = (await row.getAttribute('data-id'))!;
    const referral =
      pending.items.find((r) => r.id === id) ?? (await api<ReferralView>(liaison, `/api/v1/referrals/${id}`));
    await row.getByTestId('answer-referral').click();
    await liaison.getByTestId('answer-amount').waitFor();
    // The server's day (the e2e clock), not the browser's: after 16:00 UTC they differ.
    const grantedOn = liaison.getByTestId('answer-granted-on');
    await grantedOn.click();
    await grantedOn.fill('2026-11-29');
    await grantedOn.press('Enter');
    await liaison.getByTestId('answer-amount').fill('300');
    await liaison.getByTestId('answer-submit').click();
    await expect
      .poll(async () => (await api<ReferralView>(liaison, `/api/v1/referrals/${id}`)).state)
      .toBe('GRANTED');
    expect((await api<ReferralView>(liaison, `/api/v1/referrals/${id}`)).amountFen).toBe(30000);

    const district = await pageFor('district');
    const chain = await api<AssistanceChain>(
      district,
      `/api/v1/households/${referral.householdId}/assistance-chain`,
    );
    const link = chain.links.find((l) => l.kind === 'DEPARTMENT_REFERRAL' && l.refId === id);
    expect(link).toMatchObject({ state: 'GRANTED', amountFen: 30000, department: 'MEDICAL_INSURANCE' });
  });
});
