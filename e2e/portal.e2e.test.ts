import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CaseSummary } from '../contracts/cases.ts';
import { decodeQr, qrMatricesInPdf } from '../server/modules/portal/qr.testkit.ts';
import { launch, signIn } from './browser.ts';

// The public portal 码上通 (issue 7) on a phone: the town officer prints 王家庄村's poster, its QR code
// is read back out of the PDF and opened on a 375-px phone → the citizen runs the self-check, applies
// for 低保 with a text-message code (read from the SMS outbox, as a bureau without a gateway would
// relay it) → the application is in the town officer's worklist at 已申请 → the town accepts it → the
// citizen's tracking page shows 已受理; and a public-notice search shows masked names only.

const baseUrl = inject('baseUrl');
const TOWN = 'town001';
let browser: Browser;
const contexts: BrowserContext[] = [];
let phone: Page;
let town: Page;
let village = '';
let posterUrl = '';
let caseNo = '';
let caseId = '';

/** A valid GB 11643 number for a person born in 1968 (not one of the demo's synthetic people). */
function idNumber(): string {
  const body = `370971196803${String(10 + Math.floor(Math.random() * 18)).padStart(2, '0')}${String(
    500 + Math.floor(Math.random() * 499),
  )}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

async function staffPage(username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await signIn(page, baseUrl, username);
  return page;
}

beforeAll(async () => {
  browser = await launch();
  town = await staffPage(TOWN);
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  contexts.push(ctx);
  phone = await ctx.newPage();
  // A village of the town other than 东家庄村 (the monitoring journey's).
  type Node = { code: string; level: string; children?: Node[] };
  const villagesOf = (nodes: Node[]): string[] =>
    nodes.flatMap((n) => [...(n.level === 'village' ? [n.code] : []), ...villagesOf(n.children ?? [])]);
  const tree = (await (await town.request.get(`${baseUrl}/api/v1/divisions/tree`)).json()) as
    | Node[]
    | { items: Node[] };
  const villages = villagesOf(Array.isArray(tree) ? tree : tree.items);
  village = villages.find((v) => v !== '370971001201') ?? '';
  expect(village).toMatch(/^370971001\d{3}$/);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
});

describe('a citizen applies online from a village poster', () => {
  it('the town prints the village poster; its QR code opens the portal with the village preselected', async () => {
    const res = await town.request.get(`${baseUrl}/api/v1/portal/posters/village/${village}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const codes = qrMatricesInPdf(new Uint8Array(await res.body())).map((q) => decodeQr(q.dark).text);
    expect(codes).toHaveLength(1);
    posterUrl = codes[0]!;
    expect(new URL(posterUrl).pathname).toBe('/portal');
    expect(new URL(posterUrl).searchParams.get('v')).toBe(village);

    await phone.goto(posterUrl);
    await phone.getByTestId('portal-home').waitFor();
    expect(await phone.getByTestId('portal-location').innerText()).toMatch(/村|社区/);
    // Nothing scrolls sideways on a 375-px phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('the self-check tells a low-income family that 低保 may apply and why', async () => {
    await phone.getByTestId('portal-link-self-check').click();
    await phone.getByTestId('selfcheck-member').first().waitFor();
    await phone.getByLabel('年龄（周岁）').first().fill('58');
    await phone.getByLabel('本人月收入（元）').first().fill('200');
    await phone.getByTestId('selfcheck-next').click();
    await phone.getByTestId('selfcheck-submit').click();
    await phone.getByTestId('selfcheck-result').waitFor();
    const dibao = phone.locator('[data-testid="selfcheck-scheme"][data-scheme="DIBAO"]');
    await expect.poll(() => dibao.innerText()).toMatch(/可能符合|可以申请|符合/);
    expect(await phone.getByTestId('selfcheck-policy').count()).toBeGreaterThan(0);
    await phone.getByTestId('selfcheck-apply-DIBAO').click();
    await phone.getByTestId('identity-step').waitFor();
  });

  it('the citizen proves the phone with the code from the outbox and submits the application', async () => {
    const id = idNumber();
    const mobile = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await phone.getByTestId('identity-id-number').fill(id);
    await phone.getByTestId('identity-phone').fill(mobile);
    await phone.getByTestId('otp-send').click();
    await phone.getByTestId('otp-sent').waitFor();
    const district = await staffPage('district');
    const outbox = await district.request.get(`${baseUrl}/api/v1/portal/sms-outbox?page=1&pageSize=5`);
    const sms = (await outbox.json()).items.find((m: { phoneMask: string }) =>
      m.phoneMask.endsWith(mobile.slice(-4)),
    );
    expect(sms.phoneMask).not.toContain(mobile);
    const code = /\d{6}/.exec(sms.body)![0];
    await phone.getByTestId('otp-code').fill(code);
    await phone.getByTestId('otp-verify').click();
    await phone.getByTestId('application-form').waitFor();

    await phone.getByLabel('申请人姓名').fill('网申测试');
    await phone.getByLabel('家庭住址').fill('东家庄村三组 12 号');
    await phone.getByLabel('申请理由').fill('本人常年患病，无固定收入，生活困难。');
    await phone.getByLabel('家庭月收入（元）').fill('200');
    await phone.getByTestId('apply-consent').check();
    await phone.getByTestId('apply-pledge').check();
    await phone.getByTestId('application-submit').click();
    // On a refusal the page's own messages say why (the poll's message shows them).
    await expect
      .poll(
        async () =>
          (await phone.getByTestId('application-receipt').count()) > 0
            ? 'receipt'
            : (
                await phone
                  .locator('.ant-form-item-explain-error, [data-testid="portal-error"]')
                  .allInnerTexts()
              ).join(' | '),
        { timeout: 20_000 },
      )
      .toBe('receipt');
    caseNo = (await phone.getByTestId('case-no').innerText()).trim();
    expect(caseNo).toMatch(/\d/);
  });

  it('the application is in the town officer’s worklist, and the town accepts it', async () => {
    await town.goto(`${baseUrl}/cases`);
    await town.locator('#case-search').fill(caseNo);
    await town.locator('#case-search').press('Enter');
    await expect.poll(() => town.getByTestId('case-table').innerText()).toContain(caseNo);
    expect(await town.locator('.ant-table-row', { hasText: caseNo }).innerText()).toContain('已申请');
    await town.locator('.ant-table-row', { hasText: caseNo }).click();
    await town.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = town.url().split('/').pop()!;
    await town.getByTestId('action-ACCEPT').click();
    await town.getByTestId('event-submit').click();
    await expect.poll(() => town.getByTestId('case-state').innerText()).toBe('已受理');
  });

  it('the applicant sees the status change on the tracking page', async () => {
    await phone.goto(`${baseUrl}/portal/track`);
    const mine = phone.locator(`[data-testid="my-application"][data-case-no="${caseNo}"]`);
    await mine.waitFor();
    await expect.poll(() => mine.getByTestId('my-application-state').innerText()).toContain('已受理');
    expect(await mine.getByTestId('application-timeline').innerText()).toMatch(/受理/);
    expect(caseId).not.toBe('');
  });

  it('a public-notice search shows masked names only', async () => {
    const q = await town.request.get(`${baseUrl}/api/v1/cases?stage=ACTIVE&limit=1`);
    const recipientVillage = ((await q.json()).items as CaseSummary[])[0]!.villageCode;
    await phone.goto(`${baseUrl}/portal/notices?village=${recipientVillage}`);
    await phone.getByTestId('notice-recipients').waitFor();
    const names = await phone.getByTestId('recipient-name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('*');
    const surname = names[0]!.slice(0, 1);
    await phone.getByTestId('notice-name-input').fill(surname);
    await phone.getByTestId('notice-search').click();
    await expect
      .poll(async () =>
        (await phone.getByTestId('recipient-name').allInnerTexts()).every((n) => n.startsWith(surname)),
      )
      .toBe(true);
    const text = await phone.locator('body').innerText();
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    for (const n of await phone.getByTestId('recipient-name').allInnerTexts()) expect(n).toContain('*');
  });
});
