import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AlertSummary } from '../contracts/alerts.ts';
import type { CaseSummary } from '../contracts/cases.ts';
import { feedSource, ID_NUMBER_COLUMN } from '../contracts/feeds.ts';
import type { CompareRunView, DashboardView } from '../contracts/monitoring.ts';
import type { HouseholdDetail, HouseholdListItem } from '../contracts/registry.ts';
import { launch, signIn } from './browser.ts';

// Dynamic monitoring (issue 6): the district officer uploads the medical-insurance department's file
// with a settlement of 18,600 yuan out of pocket for a person of 东家庄村 (370971001201) who is not
// helped, and runs the comparison → the rule MEDICAL_HIGH_OOP (自付 ≥ 1.5 万元) raises a 医保预警 for
// the village assistant → v001201 verifies it by a home visit and starts a 低保 application from
// it → the alert is 已发起申请 with the new case linked, the case is in the town's worklist → the
// district's on-time verification count has one more alert verified on time. On the way, a town
// officer refers the household of a verified alert to a charity from the alert drawer, which
// records the referral as the alert's disposition (已转介慈善).

const baseUrl = inject('baseUrl');
const START = '2026-11-29T09:00:00+08:00';
const VILLAGE = '370971001201';
const SETTLED_ON = '2026-11-20';
let browser: Browser;
const contexts: BrowserContext[] = [];
let district: Page;
let village: Page;

async function pageFor(username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
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

/** Every open alert of a type the caller sees, page by page. */
async function openAlerts(page: Page, type: string): Promise<AlertSummary[]> {
  const out: AlertSummary[] = [];
  for (let offset = 0; ; offset += 200) {
    const r = await api<{ total: number; items: AlertSummary[] }>(
      page,
      `/api/v1/alerts?type=${type}&open=true&limit=200&offset=${offset}`,
    );
    out.push(...r.items);
    if (r.items.length < 200) return out;
  }
}

/** "on time / decided" as shown under the on-time rate of the dashboard. */
async function onTimeCounts(page: Page): Promise<{ onTime: number; decided: number }> {
  await page.goto(`${baseUrl}/monitoring`);
  const counts = page.getByTestId('monitoring-on-time-counts');
  await counts.waitFor();
  const m = /^\s*([\d,]+)\s*\/\s*([\d,]+)\s*$/.exec(await counts.innerText());
  expect(m, 'monitoring-on-time-counts').not.toBeNull();
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return { onTime: n(m![1]!), decided: n(m![2]!) };
}

beforeAll(async () => {
  await setClock(START);
  browser = await launch();
  district = await pageFor('district');
  village = await pageFor('v001201');
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('dynamic monitoring: feed → alert → visit → application → on-time rate', () => {
  let household: HouseholdDetail;
  let person: HouseholdDetail['members'][number];
  let idNumber = '';
  let alertId = '';
  let caseId = '';
  let caseNo = '';
  let before = { onTime: 0, decided: 0 };

  it('finds a person of 东家庄村 with no open case and no open 医保预警', async () => {
    // The village assistant's own view: the households of the village, their cases, its alerts.
    const flagged = new Set((await openAlerts(village, 'SERIOUS_ILLNESS')).map((a) => a.personId));
    const list = await api<{ items: HouseholdListItem[] }>(
      village,
      '/api/v1/households?status=active&pageSize=100',
    );
    expect(list.items.length).toBeGreaterThan(0);
    for (const h of list.items) {
      expect(h.villageCode).toBe(VILLAGE);
      const cases = await api<{ items: CaseSummary[] }>(
        village,
        `/api/v1/cases?q=${encodeURIComponent(h.householdNo)}&limit=50`,
      );
      if (cases.items.some((c) => c.stage !== 'CLOSED')) continue;
      const detail = await api<HouseholdDetail>(village, `/api/v1/households/${h.id}`);
      const m = detail.members.find((x) => !flagged.has(x.personId) && x.age >= 18);
      if (m) {
        household = detail;
        person = m;
        return;
      }
    }
    throw new Error(`no household of ${VILLAGE} without an open case and a 医保预警`);
  });

  it('the district officer reveals the person’s ID number on the household page (audited)', async () => {
    await district.goto(`${baseUrl}/households/${household.id}`);
    await district.getByTestId(`reveal-idNumber-${person.personId}`).click();
    await district.locator('#reveal_idNumber_reason').fill('向医保部门报送比对数据核对身份');
    await district.locator('.ant-modal:visible .ant-btn-primary').click();
    const shown = district.getByTestId(`revealed-idNumber-${person.personId}`);
    await shown.waitFor();
    idNumber = (await shown.innerText()).trim();
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(idNumber.slice(-4)).toBe(person.idNumberMasked.slice(-4));
  });

  it('uploads the medical-insurance file (医疗费用结算) as a csv with the source’s headings', async () => {
    const src = feedSource('MEDICAL_EXPENSE')!;
    const values: Record<string, string> = {
      settledOn: SETTLED_ON,
      totalFen: '52300.00',
      fundPaidFen: '33700.00',
      outOfPocketFen: '18600.00',
      hospital: '泰安市中心医院',
    };
    const header = [ID_NUMBER_COLUMN.zh, ...src.fields.map((f) => f.zh)];
    const row = [idNumber, ...src.fields.map((f) => values[f.key] ?? '')];
    expect(header).toEqual([
      '身份证号',
      '结算日期',
      '总费用（元）',
      '统筹支出（元）',
      '个人自付（元）',
      '医疗机构',
    ]);
    const csv = `\uFEFF${[header, row].map((r) => r.join(',')).join('\r\n')}\r\n`;

    await district.goto(`${baseUrl}/feeds`);
    await district.getByTestId('feed-open-MEDICAL_EXPENSE').click();
    await district.locator('.ant-drawer-title', { hasText: '医疗费用结算' }).waitFor();
    await district.getByTestId('feed-upload').setInputFiles({
      name: '医保结算-2026-11.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const ok = district.getByTestId('feed-upload-ok');
    await ok.waitFor({ timeout: 30_000 });
    expect(await ok.innerText()).toContain('报送成功：共 1 条记录，其中新增 1 条');
  });

  it('runs the comparison on the dashboard: the rule raises a 医保预警 for the village', async () => {
    const runsBefore = (await api<{ items: CompareRunView[] }>(district, '/api/v1/monitoring/runs')).items;
    await district.goto(`${baseUrl}/monitoring`);
    await district.getByTestId('monitoring-on-time-counts').waitFor();
    // The job may finish within a second: a MutationObserver notes that its progress bar was shown.
    await district.evaluate(() => {
      const w = window as unknown as { runProgressSeen?: boolean };
      w.runProgressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=monitoring-run-progress]')) w.runProgressSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await district.getByTestId('monitoring-run').click();
    await expect
      .poll(() =>
        district.evaluate(() => (window as unknown as { runProgressSeen?: boolean }).runProgressSeen),
      )
      .toBe(true);
    // The progress bar goes when the job has finished and the dashboard is read again.
    await expect
      .poll(() => district.getByTestId('monitoring-run-progress').count(), {
        timeout: 120_000,
        interval: 500,
      })
      .toBe(0);
    const runs = (await api<{ items: CompareRunView[] }>(district, '/api/v1/monitoring/runs')).items;
    // Runs are listed by start time; the demo's own run of today is dated later on the test clock.
    const known = new Set(runsBefore.map((r) => r.id));
    const fresh = runs.filter((r) => !known.has(r.id));
    expect(fresh).toHaveLength(1);
    const run = fresh[0]!;
    expect(run.status).toBe('SUCCEEDED');
    expect(run.counts.MEDICAL_HIGH_OOP).toBeGreaterThanOrEqual(1);
    await expect.poll(() => district.getByTestId('monitoring-run').isEnabled()).toBe(true);

    const raised = (await openAlerts(village, 'SERIOUS_ILLNESS')).filter(
      (a) => a.personId === person.personId,
    );
    expect(raised).toHaveLength(1);
    const a = raised[0]!;
    expect(a).toMatchObject({
      ruleCode: 'MEDICAL_HIGH_OOP',
      state: 'ASSIGNED',
      householdId: household.id,
      villageCode: VILLAGE,
      assigneeLevel: 'VILLAGE',
      raisedOn: '2026-11-29',
      overdue: false,
    });
    alertId = a.id;

    // The district's on-time count before the visit (the new alert is pending: not counted yet).
    before = await onTimeCounts(district);
  });

  it('the village assistant verifies it by a home visit and starts an application from it', async () => {
    await village.goto(`${baseUrl}/alerts?type=SERIOUS_ILLNESS`);
    const row = village.locator(`.ant-table-row[data-row-key="${alertId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('医保预警（重病）');
    expect(await row.innerText()).toContain('待核实');
    await row.click();
    await village.waitForURL(new RegExp(`[?&]alert=${alertId}`));
    const state = village.getByTestId('alert-state');
    await expect.poll(() => state.innerText()).toBe('待核实');
    const drawer = village.getByTestId('alert-drawer');
    const evidence = await drawer.innerText();
    expect(evidence).toContain('医疗费用结算');
    expect(evidence).toContain('个人自付（元）');
    expect(evidence).toContain('泰安市中心医院');

    await village.locator('#alert-method label', { hasText: '入户核实' }).click();
    await village
      .locator('#alert-findings')
      .fill('入户核实：户主住院治疗，自付医疗费约 1.86 万元，家庭收入微薄，生活困难');
    await village.getByTestId('alert-verify').click();
    await expect.poll(() => state.innerText(), { timeout: 15_000 }).toBe('已核实');
    expect(await village.getByTestId('alert-timeline').innerText()).toContain('已核实');

    await village.getByTestId('alert-start-application').click();
    await village.waitForURL(/\/cases\/new\?/);
    const url = new URL(village.url());
    expect(url.searchParams.get('household')).toBe(household.id);
    expect(url.searchParams.get('alert')).toBe(alertId);
    await village.locator('#application-proxy-name').fill('东家庄村村委会');
    await village.locator('#application-proxy-ref').fill('委托书 2026-201');
    await village.locator('#application-note').fill('医保预警入户核实后代为申请');
    await village.locator('#application-pledge').check();
    await village.getByTestId('application-submit').click();
    await village.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = village.url().split('/').pop()!;
    await expect.poll(() => village.getByTestId('case-state').innerText()).toBe('已申请');
    caseNo = (await village.getByTestId('case-no').innerText()).replace('案件 ', '').trim();
  });

  it('the alert shows 已发起申请 with the new case linked', async () => {
    await village.goto(`${baseUrl}/alerts?type=SERIOUS_ILLNESS&alert=${alertId}`);
    const state = village.getByTestId('alert-state');
    await expect.poll(() => state.innerText()).toBe('已发起申请');
    const link = village.getByTestId('alert-drawer').locator(`a[href="/cases/${caseId}"]`);
    expect(await link.innerText()).toBe('打开案件');
    expect(await village.getByTestId('alert-timeline').innerText()).toContain('已发起申请');
    const row = village.locator(`.ant-table-row[data-row-key="${alertId}"]`);
    await expect.poll(() => row.innerText()).toContain('已发起申请');
  });

  it('the application is in the town officer’s worklist', async () => {
    const town = await pageFor('town001');
    await town.goto(`${baseUrl}/cases`);
    await town.locator('#case-search').fill(caseNo);
    await town.locator('#case-search').press('Enter');
    await expect.poll(() => town.getByTestId('case-table').innerText()).toContain(caseNo);
    expect(await town.locator('.ant-table-row', { hasText: caseNo }).innerText()).toContain('已申请');
  });

  it('a town officer refers the household of a verified alert to charity from the alert (已转介慈善)', async () => {
    const town = await pageFor('town001');
    const verified = (
      await api<{ items: AlertSummary[] }>(town, '/api/v1/alerts?state=VERIFIED&limit=200')
    ).items.find((a) => a.householdId !== null);
    expect(verified, 'a verified alert of town 001 with a household (demo)').toBeDefined();
    const id = verified!.id;
    await town.goto(`${baseUrl}/alerts?alert=${id}`);
    const state = town.getByTestId('alert-state');
    await expect.poll(() => state.innerText()).toBe('已核实');
    await town.getByTestId('alert-refer-charity').click();
    const modal = town.locator('.ant-modal:visible');
    // Each list is picked once the previous one has closed (its closing animation still matches).
    const openLists = town.locator('.ant-select-dropdown:visible');
    for (const select of ['#charity-org', '#charity-need']) {
      await expect.poll(() => openLists.count()).toBe(0);
      await modal.locator(select).click();
      await openLists.locator('.ant-select-item-option').first().click();
    }
    await modal.locator('#charity-description').fill('预警核实后转介：家庭成员重病，医疗负担重');
    await modal.locator('.ant-btn-primary').click();
    await expect.poll(() => state.innerText(), { timeout: 15_000 }).toBe('已转介慈善');
    expect(await town.getByTestId('alert-timeline').innerText()).toContain('已转介慈善');
    const referrals = await api<{ items: { alertId: string | null; householdId: string }[] }>(
      town,
      `/api/v1/charity/referrals?alertId=${id}`,
    );
    expect(referrals.items).toEqual([
      expect.objectContaining({ alertId: id, householdId: verified!.householdId }),
    ]);
  });

  it('the district sees one more alert verified on time', async () => {
    const after = await onTimeCounts(district);
    expect(after).toEqual({ onTime: before.onTime + 1, decided: before.decided + 1 });
    const dash = await api<DashboardView>(district, '/api/v1/monitoring/dashboard');
    expect(dash.onTime.onTime).toBe(after.onTime);
    expect(dash.onTime.onTime + dash.onTime.late).toBe(after.decided);
  });

  it('the district administrator sets the 医保预警 threshold in yuan on the rules panel (stored in fen)', async () => {
    const admin = await pageFor('admin');
    await admin.goto(`${baseUrl}/monitoring`);
    const threshold = admin.getByRole('spinbutton', { name: '个人自付（元）' });
    await threshold.waitFor();
    type Rules = { items: { code: string; conditions: { field: string; value: unknown }[] }[] };
    const medicalThreshold = async () =>
      (await api<Rules>(admin, '/api/v1/alert-rules')).items
        .find((r) => r.code === 'MEDICAL_HIGH_OOP')
        ?.conditions.find((c) => c.field === 'outOfPocketFen')?.value;
    const before = (await medicalThreshold()) as number;
    expect(await threshold.inputValue()).toBe((before / 100).toFixed(2));
    const setTo = async (yuan: string) => {
      await threshold.fill(yuan);
      await threshold.blur();
    };
    await setTo('16000.5');
    await expect.poll(medicalThreshold, { timeout: 10_000 }).toBe(1_600_050);
    await setTo((before / 100).toFixed(2));
    await expect.poll(medicalThreshold, { timeout: 10_000 }).toBe(before);
  });
});
