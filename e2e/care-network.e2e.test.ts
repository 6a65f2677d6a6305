import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CoverageView, VerificationView, VisitView } from '../contracts/care.ts';
import type { AssessmentView } from '../contracts/grassroots.ts';
import { launch, signIn } from './browser.ts';

// Purchased care and the assistants' network (issue 8): on a phone, the carer of provider1 records a
// visit to one of its persons today (times, items, GPS, a photo and the person's signature) and sees
// it listed → the town officer of that person's town opens the care contract's month 2026-10 (ended;
// the demo verified only 2026-08 and 2026-09), confirms every sampled visit, verifies the month and
// reads the payment basis the API froze → the district officer opens the assistants' ranking of
// 2026-10: 116 assistants ranked 1, 2, 2, 4 … best first, the bar chart drawn, a town's own ranking,
// and the trend of the best assistant.

const baseUrl = inject('baseUrl');
const START = '2026-11-29T09:00:00+08:00';
const TODAY = '2026-11-29';
const MONTH = '2026-10';
const PHONE = { width: 375, height: 812 };
// A 1×1 PNG: the visit's photo (the server checks the PNG signature).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

let browser: Browser;
const contexts: BrowserContext[] = [];

async function pageFor(username: string, phone = false): Promise<Page> {
  const ctx = await browser.newContext({
    ...(phone
      ? { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
      : { viewport: { width: 1440, height: 900 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: 36.19, longitude: 117.09, accuracy: 12 },
    permissions: ['geolocation'],
  });
  // The console's "today" (default months, the visit form) is the browser's: the server's test day.
  await ctx.clock.install({ time: new Date(START) });
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

/** A GET of the API in the page's session (its cookies: the caller's jurisdiction applies). */
async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${url}`);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/**
 * A tap on the phone below the first screen. The console's header is wider than a phone (the user,
 * role tag, division and buttons neither wrap nor hide), so Chromium widens the layout viewport
 * beyond 375 px and pans the visual one: Playwright's hit-target check then probes the wrong point
 * while the tap itself lands on the element. Skip that check; the element is still scrolled to.
 */
const tap = (l: Locator) => l.click({ force: true });

/** Fen as the console shows yuan: "1234.56", no separators. */
const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

type MonthRow = {
  contractId: string;
  contractNo: string;
  verificationId: string | null;
  status: string | null;
};

beforeAll(async () => {
  await setClock(START);
  browser = await launch();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('care network: a visit on a phone → the town verifies the month → the district ranking', () => {
  let person: CoverageView;
  let contractNo = '';
  let town = '';

  it('the carer of provider1 records a visit on a phone and sees it listed', async () => {
    const page = await pageFor('provider1', true);
    const today = await api<{ items: CoverageView[]; staff: { id: string; name: string }[] }>(
      page,
      '/api/v1/care/persons-today',
    );
    expect(today.items.length).toBeGreaterThan(0);
    person = today.items[0]!;
    const carer = today.staff[0]!;
    town = person.villageCode.slice(0, 9);
    const before = (await api<{ items: VisitView[] }>(page, `/api/v1/care/visits?coverageId=${person.id}`))
      .items;

    await page.goto(`${baseUrl}/care/visits`);
    const start = page.getByTestId('care-visit-start');
    await start.first().waitFor();
    expect(await start.count()).toBe(today.items.length);
    await start.first().click();
    await page.getByText(`登记服务 · ${person.nameMask}`).waitFor();

    // The account is the provider's, not one carer's: the carer is chosen.
    await page.getByTestId('care-visit-staff').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: carer.name })
      .click();
    await page.getByTestId('care-visit-start-at').fill(`${TODAY}T07:30`);
    await page.getByTestId('care-visit-end-at').fill(`${TODAY}T08:45`);
    // The plan's items are ticked; the carer adds 陪伴聊天 when the plan does not have it.
    const items = new Set<string>(person.plan.items);
    if (!items.has('COMPANIONSHIP')) {
      await page.getByRole('checkbox', { name: '陪伴聊天' }).check();
      items.add('COMPANIONSHIP');
    }
    // The browser granted the location.
    await expect.poll(() => page.getByText(/已定位 36\.19000, 117\.09000/).count()).toBe(1);
    await page.getByTestId('care-visit-photo').setInputFiles({
      name: 'visit.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // The person signs on the screen with a finger (touch events, as on the phone).
    const pad = page.getByTestId('care-visit-signature').locator('canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    const touch = await page.context().newCDPSession(page);
    const at = (dx: number, dy: number) => [{ x: box.x + dx, y: box.y + dy }];
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(20, 100) });
    for (const [dx, dy] of [
      [60, 30],
      [110, 110],
      [170, 40],
      [230, 120],
    ] as const)
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(dx, dy) });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const ink = await pad.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 100) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(200);
    // A health event asks for a note; this visit has none.
    await tap(page.getByTestId('care-visit-health'));
    await page.getByTestId('care-visit-health-note').waitFor();
    await tap(page.getByTestId('care-visit-health'));
    await expect.poll(() => page.getByTestId('care-visit-health-note').count()).toBe(0);
    // The form fits the phone.
    const card = (await page.locator('.ant-card', { hasText: '登记服务' }).boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(PHONE.width);

    await tap(page.getByTestId('care-visit-submit'));
    await page.getByText('服务记录已提交').waitFor();
    // Back on the list: this month's count and the recent visits.
    await expect
      .poll(() => page.locator('.ant-list-item', { hasText: `${TODAY} ${person.nameMask} · 75′` }).count())
      .toBe(1);
    expect(await page.locator('.ant-list-item').first().innerText()).toContain(
      `本月已服务 ${person.visitsThisMonth + 1} 次`,
    );

    const after = (await api<{ items: VisitView[] }>(page, `/api/v1/care/visits?coverageId=${person.id}`))
      .items;
    expect(after).toHaveLength(before.length + 1);
    const visit = after.find((v) => !before.some((b) => b.id === v.id))!;
    expect(visit).toMatchObject({
      visitOn: TODAY,
      startedAt: '2026-11-28T23:30:00.000Z',
      endedAt: '2026-11-29T00:45:00.000Z',
      minutes: 75,
      staffName: carer.name,
      personName: person.nameMask,
      confirmedBy: 'PERSON',
      witnessName: null,
      hasPhoto: true,
      healthEvent: false,
      lat: 36.19,
      lng: 117.09,
    });
    expect([...visit.items].sort()).toEqual([...items].sort());
    // The signature drawn and the photo taken are kept with the visit.
    for (const [kind, min] of [
      ['signature', 500],
      ['photo', PNG.length],
    ] as const) {
      const file = await page.request.get(`${baseUrl}/api/v1/care/visits/${visit.id}/${kind}`);
      expect(file.status(), kind).toBe(200);
      expect(file.headers()['content-type']).toBe('image/png');
      expect((await file.body()).length, kind).toBeGreaterThanOrEqual(min);
    }
    const contracts = await api<{ items: { id: string; contractNo: string }[] }>(
      page,
      '/api/v1/care/contracts',
    );
    contractNo = contracts.items.find((k) => k.id === person.contractId)!.contractNo;
    expect(contractNo).toMatch(/^HJZH-/);
  });

  it('the town officer verifies 2026-10 of the contract and sees the payment basis', async () => {
    const page = await pageFor(`town${town.slice(6, 9)}`);
    const months = async (m: string) =>
      (await api<{ items: MonthRow[] }>(page, `/api/v1/care/verifications?month=${m}-01`)).items.find(
        (r) => r.contractNo === contractNo,
      )!;
    expect((await months('2026-09')).status).toBe('VERIFIED');
    expect((await months(MONTH)).verificationId).toBeNull();

    await page.goto(`${baseUrl}/care`);
    // A town officer lands on 月度核验; the month is last month by default.
    const picker = page.getByTestId('care-month');
    await picker.waitFor();
    const row = page.locator('.ant-table-row', { hasText: contractNo });
    await expect.poll(() => row.innerText()).toContain('未开始');
    expect(await page.locator('.ant-tabs-tab-active').innerText()).toBe('月度核验');
    expect(await pickerValue(page, 'care-month')).toBe(MONTH);
    // 2026-09 was verified by the demo; back to 2026-10.
    await pickMonth(page, 'care-month', '2026-09');
    await expect.poll(() => row.innerText()).toContain('已核验');
    await pickMonth(page, 'care-month', MONTH);
    await expect.poll(() => row.innerText()).toContain('未开始');

    await page.getByTestId(`care-verify-open-${contractNo}`).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('.ant-drawer-title', { hasText: `${contractNo} · ` }).waitFor();
    expect(await drawer.locator('.ant-drawer-title').innerText()).toContain(MONTH);
    const opened = await months(MONTH);
    expect(opened.status).toBe('DRAFT');
    const draft = await api<VerificationView>(page, `/api/v1/care/verifications/${opened.verificationId}`);
    expect(draft.samples.length).toBeGreaterThan(0);
    expect(draft.samples.every((s) => s.visitOn.startsWith(MONTH))).toBe(true);

    // Every sampled visit is checked (by a call or a visit) and found true.
    const confirm = drawer.getByTestId('care-sample-confirm');
    await expect.poll(() => confirm.count()).toBe(draft.samples.length);
    for (let i = 0; i < draft.samples.length; i++) {
      await confirm.nth(i).click();
      await expect.poll(() => confirm.nth(i).getAttribute('class')).toContain('ant-btn-primary');
    }
    const checked = await api<VerificationView>(page, `/api/v1/care/verifications/${opened.verificationId}`);
    expect(checked.samples.every((s) => s.result === 'CONFIRMED')).toBe(true);
    const draftTotal = await drawer.getByTestId('care-basis-total').innerText();
    expect(draftTotal).toBe(yuan(checked.basisFen));

    await drawer.getByTestId('care-verify-month').click();
    await expect.poll(() => drawer.getByTestId('care-verify-month').count()).toBe(0);
    await expect.poll(() => drawer.innerText()).toContain('已核验');
    const verified = await api<VerificationView>(page, `/api/v1/care/verifications/${opened.verificationId}`);
    expect(verified.status).toBe('VERIFIED');
    expect(verified.basisFen).toBeGreaterThan(0);
    expect(verified.basisFen).toBe(verified.lines.reduce((s, l) => s + l.basisFen, 0));
    expect(verified.basisFen).toBe(checked.basisFen);
    expect(await drawer.getByTestId('care-basis-total').innerText()).toBe(yuan(verified.basisFen));
    // The month's list shows the contract verified with the same basis.
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => row.innerText()).toContain('已核验');
    expect(await row.innerText()).toContain(yuan(verified.basisFen));
  });

  it('the district officer sees the assistants’ ranking of 2026-10', async () => {
    const page = await pageFor('district');
    const all = (
      await api<{ items: AssessmentView[] }>(page, `/api/v1/assistants/assessments?month=${MONTH}`)
    ).items;
    expect(all).toHaveLength(116);
    const byVillage = new Map(all.map((a) => [a.villageCode, a]));

    await page.goto(`${baseUrl}/assistants`);
    await page.getByTestId('assistants-tab-ranking').click();
    await page.waitForURL(/[?&]tab=ranking/);
    expect(await pickerValue(page, 'assistants-ranking-month')).toBe(MONTH);
    const table = page.getByTestId('assistants-ranking-table');
    const rows = table.locator('[data-testid^="assistants-ranking-row-"]');
    // The pager is outside the element that carries the table's test id.
    const pager = page.locator('.ant-table-wrapper', { has: table });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);

    // The table, page by page: every assistant once, best first, competition ranks (1, 2, 2, 4).
    const seen: { village: string; rank: number }[] = [];
    for (;;) {
      const n = await rows.count();
      for (let i = 0; i < n; i++) {
        const r = rows.nth(i);
        const village = (await r.getAttribute('data-testid'))!.replace('assistants-ranking-row-', '');
        seen.push({ village, rank: Number(await r.locator('td').first().innerText()) });
      }
      const next = pager.locator('.ant-pagination-next');
      if ((await next.getAttribute('aria-disabled')) === 'true') break;
      const first = await rows.first().getAttribute('data-testid');
      await next.click();
      await expect.poll(() => rows.first().getAttribute('data-testid')).not.toBe(first);
    }
    expect(seen).toHaveLength(116);
    expect(new Set(seen.map((s) => s.village))).toEqual(new Set(byVillage.keys()));
    expect(seen.every((s) => /^\d{12}$/.test(s.village))).toBe(true);
    expect(seen[0]!.rank).toBe(1);
    const total = (village: string) => byVillage.get(village)!.total!;
    seen.forEach((s, i) => {
      expect(s.rank, s.village).toBe(byVillage.get(s.village)!.rankDistrict);
      if (i === 0) return;
      const prev = seen[i - 1]!;
      // A tie shares the rank of the row above; otherwise the rank is the row's place, lower total.
      if (s.rank === prev.rank) expect(total(s.village)).toBe(total(prev.village));
      else {
        expect(s.rank, `rank of row ${i + 1}`).toBe(i + 1);
        expect(total(s.village)).toBeLessThan(total(prev.village));
      }
    });

    // The bar chart is drawn (its bars are #1677ff on the canvas).
    await expectBars(page, 'assistants-ranking-chart');

    // One town (the visited person's): its own assistants with the town's ranks.
    const towns = [...new Set(all.map((a) => a.townCode))].sort();
    const own = ranks(all.filter((a) => a.townCode === town).map((a) => a.rankTown!));
    await pager.locator('.ant-pagination-item-1').click();
    await expect.poll(() => rows.first().locator('td').first().innerText()).toBe('1');
    await page.getByTestId('assistants-ranking-scope').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .nth(towns.indexOf(town) + 1)
      .click();
    await expect.poll(() => table.locator('th').first().innerText()).toBe('镇内排名');
    await expect.poll(() => rows.first().locator('td').first().innerText()).toBe('1');
    const shownTown: number[] = [];
    for (let i = 0, n = await rows.count(); i < n; i++)
      shownTown.push(Number(await rows.nth(i).locator('td').first().innerText()));
    expect(shownTown).toEqual(own.slice(0, 20));
    await expectBars(page, 'assistants-ranking-chart');

    // The trend of the best assistant against the averages.
    const best = all.find((a) => a.rankDistrict === 1)!;
    const trend = page.waitForResponse(
      (r) => r.url().includes('/assistants/trend') && r.url().includes(best.postId),
    );
    await page.getByTestId('assistants-trend-pick').click();
    await page.keyboard.type(best.holderName);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: best.villageName })
      .first()
      .click();
    expect((await trend).status()).toBe(200);
    await page.getByTestId('assistants-trend-chart').locator('canvas').waitFor();
  });
});

/** Ranks in table order (ascending). */
const ranks = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** The text of an antd DatePicker's input, whether the test id is on the input or its wrapper. */
async function pickerValue(page: Page, testId: string): Promise<string> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  return input.inputValue();
}

async function pickMonth(page: Page, testId: string, month: string) {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(month);
}

/** Polls the chart's canvas until some pixels have the bar colour #1677ff. */
async function expectBars(page: Page, testId: string) {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.waitFor();
  await expect
    .poll(
      () =>
        canvas.evaluate((c: HTMLCanvasElement) => {
          const ctx = c.getContext('2d');
          if (!ctx) return 0;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4)
            if (d[i] === 0x16 && d[i + 1] === 0x77 && d[i + 2] === 0xff) n++;
          return n;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(100);
}
