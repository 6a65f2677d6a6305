import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser.ts';

// The 低保 journey through the console (issue: case lifecycle): the village assistant registers an
// application on the family's behalf → the town officer accepts, records consent for every member,
// requests the check, visits the home with two investigators (signature, facts), opines and
// publishes → 8 days later the publicity ends → the district officer reviews and confirms → the
// case is 在保 from the first day of the next month with the amount the server calculated.

const baseUrl = inject('baseUrl');
const START = '2026-11-29T09:00:00+08:00';
const AFTER_PUBLICITY = '2026-12-07T09:00:00+08:00';
let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(username: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    geolocation: { latitude: 36.19, longitude: 117.09, accuracy: 12 },
    permissions: ['geolocation'],
  });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, baseUrl, username);
  return page;
}

async function setClock(at: string) {
  const res = await fetch(`${baseUrl}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at }),
  });
  expect(res.status).toBe(200);
}

type Detail = {
  state: string;
  version: number;
  currentAmountFen: number | null;
  allowedEvents: string[];
  members: { personId: string; nameMask: string; consentSignedOn: string | null }[];
  entitlements: { version: number; effectiveFrom: string; amountFen: number }[];
  timeline: { type: string; payload: Record<string, unknown>; attachments: { kind: string }[] }[];
};
const detailOf = async (page: Page, id: string) =>
  (await (await page.request.get(`${baseUrl}/api/v1/cases/${id}`)).json()) as Detail;

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Opens the form of a step, lets `fill` complete it, submits and waits for it in the timeline. */
async function step(page: Page, type: string, fill?: (m: ReturnType<Page['locator']>) => Promise<void>) {
  const entries = page.getByTestId(`timeline-${type}`);
  const before = await entries.count();
  await page.getByTestId(`action-${type}`).click();
  const modal = page.locator('.ant-modal:visible').filter({ has: page.getByTestId('event-form') });
  await modal.waitFor();
  if (fill) await fill(modal);
  await page.getByTestId('event-submit').click();
  await expect
    .poll(() => entries.count(), { timeout: 15_000, message: `${type}: ${await modalText(page)}` })
    .toBe(before + 1);
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
}

const modalText = async (page: Page) =>
  (
    await page
      .locator('.ant-modal:visible')
      .allInnerTexts()
      .catch(() => [])
  ).join(' | ');

/** Picks an option of an antd select, by its text or its position. */
async function pick(page: Page, selectId: string, option: string | number) {
  await page.locator(`#${selectId}`).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  const target =
    typeof option === 'number' ? options.nth(option) : options.filter({ hasText: option }).first();
  // Wait for the dropdown to finish opening: a click during its animation may be lost on a busy machine.
  await target.waitFor({ state: 'visible' });
  await target.click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await setClock(START).catch(() => undefined);
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('低保 application journey (village → town → district)', () => {
  let caseId = '';
  let caseNo = '';

  it('the village assistant registers an application for a household of the own village', async () => {
    await setClock(START);
    const page = await pageFor('v001201');
    // A household of the village with no open case: the demo (and other journeys) may already
    // have applications open for some, and a household has one open application at a time.
    const get = async <T>(url: string) => (await (await page.request.get(`${baseUrl}${url}`)).json()) as T;
    const { items } = await get<{ items: { householdNo: string }[] }>(
      '/api/v1/households?status=active&pageSize=100',
    );
    let householdNo = '';
    for (const h of items) {
      const cases = await get<{ items: { stage: string }[] }>(`/api/v1/cases?q=${h.householdNo}&limit=50`);
      if (cases.items.every((c) => c.stage === 'CLOSED')) {
        householdNo = h.householdNo;
        break;
      }
    }
    expect(householdNo).not.toBe('');
    await page.goto(`${baseUrl}/households?status=active`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.locator('#household-search').fill(householdNo);
    await page.locator('#household-search').press('Enter');
    await page.locator('.ant-table-row', { hasText: householdNo }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    await page.getByTestId('household-apply').click();
    await page.waitForURL(/\/cases\/new\?household=/);

    // The pledge is required before anything is sent.
    await page.locator('#application-proxy-name').fill('村委会 张主任');
    await page.locator('#application-proxy-ref').fill('委托书 2026-118');
    await page.getByTestId('application-submit').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('须签署诚信承诺书');
    await page.locator('#application-pledge').check();
    await page.getByTestId('application-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已申请');
    caseNo = (await page.getByTestId('case-no').innerText()).replace('案件 ', '').trim();
    expect(await page.getByTestId('case-timeline').innerText()).toContain('提出申请');
    // The village assistant may not accept.
    expect(await page.getByTestId('action-ACCEPT').count()).toBe(0);
  });

  it('the town officer accepts, checks consent, visits the home, opines and publishes', async () => {
    const page = await pageFor('town001');
    await page.goto(`${baseUrl}/cases`);
    await page.locator('#case-search').fill(caseNo);
    await page.locator('#case-search').press('Enter');
    await expect.poll(() => page.getByTestId('case-table').innerText()).toContain(caseNo);
    await page.locator('.ant-table-row', { hasText: caseNo }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}$`));

    await step(page, 'ACCEPT');
    await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('已受理');
    await step(page, 'START_INVESTIGATION');

    // No check request before every member signed the authorisation: the refusal is shown.
    await page.getByTestId('action-REQUEST_CHECK').click();
    await page.getByTestId('event-submit').click();
    await expect.poll(() => page.getByTestId('event-refusal').innerText()).toMatch(/授权/);
    await page.locator('.ant-modal:visible').getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);

    const members = (await detailOf(page, caseId)).members;
    expect(members.length).toBeGreaterThan(0);
    for (const i of members.keys())
      await step(page, 'RECORD_CONSENT', async () => {
        await pick(page, 'event-personId', i);
        await page.locator('#event-documentRef').fill(`授权书-${i + 1}`);
      });
    await expect
      .poll(async () =>
        (await detailOf(page, caseId)).members.every((m) => m.consentSignedOn === '2026-11-29'),
      )
      .toBe(true);
    await step(page, 'REQUEST_CHECK');

    await step(page, 'RECORD_INVESTIGATION', async (modal) => {
      for (const name of ['王敏', '李强']) {
        await page.locator('#event-investigators').fill(name);
        await page.locator('#event-investigators').press('Enter');
      }
      await pick(page, 'event-visitMode', '实地入户');
      await page.locator('#event-findings').fill('户主务农，月收入约 300 元；其他成员无收入');
      for (let i = 0; i < members.length; i++)
        await page.locator(`#facts-wage-${i}`).fill(i === 0 ? '300' : '0');
      await page.locator('#facts-assets').fill('0');
      const pad = modal.getByTestId('signature-pad');
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + 30, box.y + 100);
      await page.mouse.down();
      for (const [dx, dy] of [
        [80, 40],
        [140, 110],
        [200, 50],
        [260, 120],
      ] as const)
        await page.mouse.move(box.x + dx, box.y + dy, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => page.getByTestId('event-gps').innerText()).toContain('已获取定位');
    });
    const visit = (await detailOf(page, caseId)).timeline.find((e) => e.type === 'RECORD_INVESTIGATION')!;
    expect(visit.payload).toMatchObject({ investigators: ['王敏', '李强'], visitMode: 'ON_SITE' });
    expect(visit.payload.gps).toMatchObject({ lat: 36.19, lng: 117.09 });
    expect(visit.attachments).toEqual([expect.objectContaining({ kind: 'SIGNATURE' })]);
    const shown = await page.getByTestId('timeline-RECORD_INVESTIGATION').innerText();
    expect(shown).toContain('王敏、李强');
    expect(shown).toContain('实地入户');
    expect(shown).toContain('signature.png');

    await step(page, 'DRAFT_OPINION', async () => {
      await page.locator('#event-opinion').fill('经调查核实，拟纳入低保');
    });
    await step(page, 'PUBLISH');
    await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('公示中');
  });

  it('after the 7-day publicity the town sends the case to the district', async () => {
    await setClock(AFTER_PUBLICITY);
    const page = await pageFor('town001'); // sessions may expire over the clock jump
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await step(page, 'PUBLICITY_ENDED');
    await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('报区审核');
  });

  it('the district officer reviews and confirms; the case is 在保 from next month with the calculated amount', async () => {
    const page = await pageFor('district');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await step(page, 'START_COUNTY_REVIEW');
    await step(page, 'CONFIRM', async () => {
      await page.locator('#event-opinion').fill('同意纳入');
    });
    await expect.poll(() => page.getByTestId('case-state').innerText()).toBe('在保');
    const api = await detailOf(page, caseId);
    expect(api.state).toBe('ACTIVE');
    expect(api.entitlements).toEqual([expect.objectContaining({ version: 1, effectiveFrom: '2027-01-01' })]);
    const amount = api.entitlements[0]!.amountFen;
    expect(amount).toBeGreaterThan(0);
    expect(api.currentAmountFen).toBe(amount);
    const ent = await page.getByTestId('case-entitlements').innerText();
    expect(ent).toContain('2027-01-01');
    expect(ent).toContain(yuan(amount));
    expect(await page.getByTestId('case-current-amount').innerText()).toContain(yuan(amount));
    expect(await page.getByTestId('case-timeline').innerText()).toContain('审核确认');
    // What followed from the decision is said in words, not as data.
    const confirmed = api.timeline.find((e) => e.type === 'CONFIRM')!;
    expect(confirmed.payload.effects).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'BENEFIT_STARTS' })]),
    );
    const shownConfirm = await page.getByTestId('timeline-CONFIRM').innerText();
    expect(shownConfirm).toContain('开始享受保障');
    expect(shownConfirm).not.toMatch(/effects|BENEFIT_STARTS|\{"/);
    expect(await page.getByTestId('case-actions').innerText()).not.toContain('审核确认');

    // The decision notice and the 低保证 are offered as PDFs; the link works with the session cookie.
    await expect.poll(() => page.getByTestId('case-documents').innerText()).toContain('打印决定通知书');
    expect(await page.getByTestId('case-documents').innerText()).toContain('打印低保证');
    const href = await page.getByTestId('document-certificate').getAttribute('href');
    expect(href).toBe(`/api/v1/cases/${caseId}/documents/certificate.pdf`);
    const pdf = await page.request.get(new URL(href!, baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });
});
