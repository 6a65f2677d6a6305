import { sql } from 'kysely';
import { benefitQuoteInput } from '../contracts/benefits.ts';
import { quoteBenefits } from '../server/modules/benefits/benefits.usecases.ts';
import { createApplication, reportUrgent } from '../server/modules/cases/applications.usecases.ts';
import { recordCaseEvent } from '../server/modules/cases/case-events.usecases.ts';
import { migrateLegacyCases } from '../server/modules/cases/legacy.usecases.ts';
import { balanceFen } from '../server/modules/cases/reserve-fund.repository.ts';
import { moveReserveFund, reconcileReserveFund } from '../server/modules/cases/reserve-fund.usecases.ts';
import { recordInvestigatedIncomes } from '../server/modules/registry/investigated-incomes.ts';
import { parametersFor } from '../server/modules/standards/standards.usecases.ts';
import { startCheck } from '../server/modules/verification/check-reports.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import type { RequestContext } from '../server/platform/context.ts';
import type { JobProgress } from '../server/platform/jobs.ts';
import { entitlementAmount } from '../server/rules/benefits/entitlement.ts';
import { tekunBasicFen } from '../server/rules/benefits/parameters.ts';
import {
  addDays,
  addMonths,
  addWorkingDays,
  benefitStartMonth,
  DEFAULT_CALENDAR,
} from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { contextOfUser } from './accounts.ts';
import { calibrateCare, calibrateGap, calibrateTreatment } from './calibration.ts';
import { pickComposition } from './composition.ts';
import { DEMO_COUNTY } from './district.ts';
import { adjustStandards2026, payMonths } from './history.ts';
import { placeInInstitutions } from './institutions.ts';
import type { Rng } from './random.ts';

// The demo district's cases, made the way a bureau makes them: the caseload in payment before 2025
// migrated from the previous system (flagged legacy, §2.4); the 2025 history the press release
// reports run through the procedure step by step on the dates they happened (165 new 低保
// households, 77 new 特困 people, exits, rejections, 692 temporary-assistance events paid from the
// towns' reserve funds and reconciled monthly); and the current pipeline, so that every worklist
// has cases in every state. Every write goes through the use cases with the clock set to the day.

type Household = {
  id: string;
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  members: { id: string; birth: string }[];
};

/** The press release's figures (1,709 低保 households, 936 特困 people, 165 and 77 new, 692 events). */
const FIGURES = {
  /** On the rolls at the end of 2025. */
  dibaoHouseholds: 1709,
  dibaoPersons: 2720,
  newDibaoPersons2025: 291,
  /** Migrated: those still on the rolls at the end of 2025 plus the 60 who left during 2025. */
  legacyDibao: 1709 - 165 + 60,
  legacyTekun: 936 - 77,
  newDibao2025: 165,
  newTekun2025: 77,
  rejected2025: 24,
  exits2025: 60,
  temporary2025: 692,
  /** 1,536.73 万元 of 低保 and 1,359.51 万元 of 特困 support paid in 2025. */
  dibaoPaidFen2025: 1_536_730_000,
  tekunPaidFen2025: 1_359_510_000,
  /** 113.91 万元 paid in temporary assistance in 2025. */
  temporaryFen2025: 113_910_000,
};

/** @param scale the share of the press release's caseload to make (a small test district uses less). */
export async function runDemoCases(
  s: Services,
  rng: Rng,
  opts: { scale?: number; onProgress?: (p: JobProgress) => void } = {},
) {
  const n = (x: number) => Math.max(1, Math.round(x * (opts.scale ?? 1)));
  const LEGACY_DIBAO = n(FIGURES.legacyDibao);
  const LEGACY_TEKUN = n(FIGURES.legacyTekun);
  const NEW_DIBAO_2025 = n(FIGURES.newDibao2025);
  const NEW_TEKUN_2025 = n(FIGURES.newTekun2025);
  const REJECTED_2025 = n(FIGURES.rejected2025);
  const EXITS_2025 = n(FIGURES.exits2025);
  const TEMPORARY_2025 = n(FIGURES.temporary2025);
  const onProgress = opts.onProgress;
  const now = s.clock.now();
  const today = shanghaiDateOf(now);
  const ctxs = await contexts(s);
  const ctx = (username: string) => ctxs.get(username) ?? fail(`no demo user ${username}`);
  const townUser = (town: string) => `town${town.slice(6, 9)}`;
  const villageUser = (village: string) => `v${village.slice(6)}`;
  const at = (date: string, hour = 9) =>
    s.clock.set(new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`));
  const planFor = (h: Household, eligible: boolean): Plan => ({
    wage: eligible ? rng.int(0, 30) * 1_000 : rng.int(150, 300) * 1_000,
    assets: rng.int(0, 8) * 100_000 * h.members.length,
  });
  const step = (who: string, id: string, body: Record<string, unknown>) =>
    recordCaseEvent(s, ctx(who), id, body);
  /** The county starts the check a case has just requested (same day, as the clock stands). */
  const startCheckOf = async (caseId: string) => {
    const r = await s.db
      .selectFrom('check_request')
      .select('id')
      .where('county_code', '=', DEMO_COUNTY)
      .where('case_id', '=', caseId)
      .where('status', '=', 'REQUESTED')
      .executeTakeFirstOrThrow();
    await startCheck(s, ctx('district'), r.id);
  };
  let done = 0;
  const total =
    LEGACY_DIBAO + LEGACY_TEKUN + NEW_DIBAO_2025 + NEW_TEKUN_2025 + REJECTED_2025 + TEMPORARY_2025 + 200;
  let phase = '演示案件 demo cases';
  const tick = (n = 1) => {
    done += n;
    onProgress?.({ done, total, message: phase });
  };

  const households = shuffle(rng, await loadHouseholds(s));
  // People living alone, oldest first (特困 are mostly elderly; a younger one stands for a disabled person).
  const singlesOld = households
    .filter((h) => h.members.length === 1)
    .sort((a, b) => (a.members[0]!.birth < b.members[0]!.birth ? -1 : 1));
  const take = (list: Household[], n: number) => list.splice(0, Math.max(0, Math.min(n, list.length)));
  const without = (list: Household[], gone: readonly Household[]) => {
    const out = new Set(gone);
    return list.filter((h) => !out.has(h));
  };

  // 特困 are people living alone without support: the legacy caseload and 2025's new ones.
  // The 2025 applicants were 60 or older when they applied; the migrated ones need no such check.
  const newTekun = singlesOld.filter((h) => age(h.members[0]!.birth, today) >= 62).slice(0, NEW_TEKUN_2025);
  singlesOld.splice(0, singlesOld.length, ...without(singlesOld, newTekun));
  const legacyTekun = take(singlesOld, LEGACY_TEKUN);
  let free = without(households, [...legacyTekun, ...newTekun]);
  // 2025's new 低保 households (165 households / 291 persons), all born before their application.
  const newDibao = pickComposition(
    free.filter((h) => h.members.every((m) => m.birth < '2025-01-01')),
    NEW_DIBAO_2025,
    n(FIGURES.newDibaoPersons2025),
  ).picked;
  free = without(free, newDibao);
  const rejected = free.filter((h) => h.members.every((m) => m.birth < '2025-01-01')).slice(0, REJECTED_2025);
  free = without(free, rejected);
  const exits = take(free, EXITS_2025);
  // The legacy caseload still on the rolls at the end of 2025: 1,709 − 165 households and
  // 2,720 − 291 persons, some covered as 单人保.
  const staying = pickComposition(
    free,
    LEGACY_DIBAO - EXITS_2025,
    n(FIGURES.dibaoPersons - FIGURES.newDibaoPersons2025),
  );
  free = without(free, staying.picked);
  const others = free;

  phase = '迁移在保对象 legacy caseload';
  // ── The caseload in payment before 2025, migrated (§2.4) ─────────────────────────────────────
  at('2025-01-02');
  const params2025 = await parametersFor(s.db, DEMO_COUNTY, '2025-01-01');
  const legacyDibao = [...exits, ...staying.picked];

  // ── Planning 2025 so that its payments add up to the press release, through the data ─────────
  const dibaoDates = spread(NEW_DIBAO_2025 + REJECTED_2025, '2025-01-06', '2025-11-06');
  const tekunDates = spread(NEW_TEKUN_2025, '2025-01-08', '2025-11-04');
  const exitDates = spread(EXITS_2025, '2025-02-10', '2025-12-15');
  const newPlans = newDibao.map((h) => planFor(h, true));
  let plannedNewDibaoFen = 0;
  for (const [i, h] of newDibao.entries()) {
    const start = dibaoDates[i];
    if (!start) break;
    const from = benefitStartMonth(dibaoConfirmedOn(start));
    const q = quoteBenefits(
      benefitQuoteInput.parse({ ...householdFacts(h, newPlans[i]!), date: start, area: h.area }),
      await parametersFor(s.db, DEMO_COUNTY, from),
    );
    plannedNewDibaoFen += (q.schemes.dibao.amountFen ?? 0) * monthsIn2025(from);
  }
  let plannedNewTekunFen = 0;
  for (const [i, h] of newTekun.entries()) {
    const start = tekunDates[i];
    if (!start) break;
    const from = benefitStartMonth(tekunConfirmedOn(start));
    const facts = { members: [{ birthDate: h.members[0]!.birth, relation: 'head', wageFenPerMonth: 0 }] };
    const q = quoteBenefits(
      benefitQuoteInput.parse({ ...facts, date: start, area: h.area }),
      await parametersFor(s.db, DEMO_COUNTY, from),
    );
    plannedNewTekunFen += (q.schemes.tekun[0]?.amountFen ?? 0) * monthsIn2025(from);
  }
  // Migrated 低保 households: an assessed income per household, nudged by whole yuan so that the
  // year's payments (the payroll runs pay them) reach 15,367,300 yuan.
  const exitMonths = exitDates.map((d) => Number(d.slice(5, 7)));
  const gapRows = legacyDibao
    .filter((h) => !staying.singlePerson.has(h))
    .map((h) => {
      const size = h.members.length;
      const std = params2025.dibao.standardFen[h.area];
      const net = rng.int(Math.floor(std * 0.3), Math.floor(std * 0.7)) * size * 12;
      const amountFen = entitlementAmount(
        { method: 'GAP', area: h.area, householdSize: size, netIncomeFen: net, incomeMonths: 12 },
        params2025,
      ).amountFen;
      const k = exits.indexOf(h);
      return { h, amountFen, months: k >= 0 ? exitMonths[k]! : 12, netIncomeFen: net, incomeMonths: 12 };
    });
  const singlesFen = legacyDibao
    .filter((h) => staying.singlePerson.has(h))
    .reduce(
      (sum, h) =>
        sum + 12 * entitlementAmount({ method: 'FULL_STANDARD', area: h.area }, params2025).amountFen,
      0,
    );
  const calibrated = calibrateGap(gapRows, plannedNewDibaoFen + singlesFen, n(FIGURES.dibaoPaidFen2025));
  const gapOf = new Map(gapRows.map((r, i) => [r.h, calibrated[i]!]));
  // Migrated 特困 people: rural treatment for those with contracted land (S2 Art.19) and care
  // levels, chosen so that the year's support reaches 13,595,100 yuan.
  const initialLevels = legacyTekun.map(() =>
    rng.weighted([
      ['SELF_CARE', 70],
      ['PARTIAL_LOSS', 22],
      ['FULL_LOSS', 8],
    ] as const),
  );
  const treatment = calibrateTreatment(
    legacyTekun.map((h) => h.area),
    initialLevels,
    (area) => tekunBasicFen(params2025, area),
    params2025.tekun.careFen,
    plannedNewTekunFen,
    n(FIGURES.tekunPaidFen2025),
  );
  const careLevels = calibrateCare(
    initialLevels,
    treatment.map((area) => tekunBasicFen(params2025, area)),
    params2025.tekun.careFen,
    plannedNewTekunFen,
    n(FIGURES.tekunPaidFen2025),
  );

  const legacyRows = [
    ...legacyDibao.map((h, i) => {
      const sourceRef = `JX-DB-${String(i + 1).padStart(5, '0')}`;
      const decidedOn = legacyDate(rng);
      if (staying.singlePerson.has(h)) {
        // 单人保: the oldest member, at the full standard (S1 Art.8; §15).
        const subject = [...h.members].sort((a, b) => (a.birth < b.birth ? -1 : 1))[0]!;
        const amountFen = entitlementAmount({ method: 'FULL_STANDARD', area: h.area }, params2025).amountFen;
        return {
          householdId: h.id,
          scheme: 'DIBAO_SINGLE',
          subjectPersonId: subject.id,
          decidedOn,
          amountFen,
          sourceRef,
        };
      }
      const g = gapOf.get(h)!;
      return {
        householdId: h.id,
        scheme: 'DIBAO',
        decidedOn,
        amountFen: g.amountFen,
        householdSize: h.members.length,
        netIncomeFen: g.netIncomeFen,
        stability: rng.chance(0.7) ? 'STABLE' : 'UNSTABLE',
        sourceRef,
      };
    }),
    ...legacyTekun.map((h, i) => {
      const careLevel = careLevels[i]!;
      const area = treatment[i]!;
      return {
        householdId: h.id,
        scheme: 'TEKUN',
        subjectPersonId: h.members[0]!.id,
        decidedOn: legacyDate(rng),
        amountFen: entitlementAmount({ method: 'TEKUN_SUPPORT', area, careLevel }, params2025).amountFen,
        careLevel,
        treatmentArea: area,
        sourceRef: `JX-TK-${String(i + 1).padStart(5, '0')}`,
      };
    }),
  ];
  const legacyIds: string[] = [];
  for (let i = 0; i < legacyRows.length; i += 500) {
    const batch = legacyRows.slice(i, i + 500);
    const r = await migrateLegacyCases(s, ctx('admin'), {
      reason: '原社会救助系统在保对象数据迁移（演示）',
      cases: batch,
    });
    legacyIds.push(...r.created.map((c) => c.id));
    tick(batch.length);
  }
  // The household files of the migrated 低保 households staying on the rolls take the income the
  // previous system assessed (booked to the head), as an investigation would write it: otherwise
  // the registry's incomes drawn at registration would flag them 即将脱保 on the first comparison.
  const numbers = new Map(
    (
      await s.db
        .selectFrom('assistance_case')
        .select(['id', 'case_no'])
        .where('county_code', '=', DEMO_COUNTY)
        .where('id', 'in', legacyIds.slice(0, legacyDibao.length))
        .execute()
    ).map((c) => [c.id, c.case_no]),
  );
  for (const [i, h] of legacyDibao.entries()) {
    const g = gapOf.get(h);
    const caseId = legacyIds[i];
    if (!g || !caseId || exits.includes(h)) continue;
    await s.db.transaction().execute((trx) =>
      recordInvestigatedIncomes(trx, ctx('admin'), s.clock.now(), {
        householdId: h.id,
        caseId,
        caseNo: numbers.get(caseId) ?? caseId,
        incomes: h.members.map((m, k) => ({
          personId: m.id,
          monthlyFen: k === 0 ? Math.round(g.netIncomeFen / g.incomeMonths) : 0,
        })),
      }),
    );
  }
  // S3 Art.19: some migrated 特困 persons live in their town's 敬老院 (集中供养, paid to the home).
  await placeInInstitutions(
    s,
    ctx,
    townUser,
    legacyTekun.map((h, i) => ({
      caseId: legacyIds[legacyDibao.length + i]!,
      townCode: h.town_code,
      careLevel: careLevels[i]!,
    })),
  );

  phase = '2025 年申请审批 2025 applications';
  // ── 2025: new 低保 and 特困 through the procedure ────────────────────────────────────────────
  const applicants = [
    ...newDibao.map((h) => [h, 'APPROVE'] as const),
    ...rejected.map((h) => [h, 'REJECT'] as const),
  ];
  for (const [i, start] of dibaoDates.entries()) {
    const a = applicants[i];
    if (!a) break;
    await dibaoApplication(a[0], start, a[1], i < newPlans.length ? newPlans[i] : undefined);
    tick();
  }
  for (const [i, start] of tekunDates.entries()) {
    const h = newTekun[i];
    if (!h) break;
    await tekunApplication(h, start, 'CONFIRMED');
    tick();
  }
  // Exits: a review finds the household above the line, or it moved away (S1 Art.32).
  for (const [i, id] of legacyIds.slice(0, EXITS_2025).entries()) {
    const d = exitDates[i]!;
    at(d);
    const moved = i % 3 === 0;
    await step(`district`, id, {
      type: 'STOP',
      at: d,
      reason: moved ? 'moved' : 'ineligible',
      writtenReasons: moved
        ? '全户迁出本区，自下月起停发'
        : '定期核查家庭收入已超过当地低保标准，自下月起停发',
    });
  }

  phase = '2025 年临时救助 2025 temporary assistance';
  // ── 2025: 692 temporary-assistance events from the towns' reserve funds ─────────────────────
  const towns = [...new Set(households.map((h) => h.town_code))].sort();
  at('2025-01-02');
  for (const town of towns)
    await moveReserveFund(s, ctx('district'), {
      townCode: town,
      kind: 'ALLOCATE',
      amountFen: 15_000_000,
      note: '2025 年度临时救助备用金',
    });
  at('2025-07-01');
  for (const town of towns)
    await moveReserveFund(s, ctx('district'), {
      townCode: town,
      kind: 'ALLOCATE',
      amountFen: 15_000_000,
      note: '2025 年下半年备用金补充',
    });
  const tempDates = spread(TEMPORARY_2025, '2025-01-03', '2025-12-20');
  const tempAmounts = amountsTotalling(rng, TEMPORARY_2025, n(FIGURES.temporaryFen2025));
  const pool = [...households];
  for (const [k, d] of tempDates.entries()) {
    const h = pool[rng.int(0, pool.length - 1)]!;
    const amount = tempAmounts[k]!;
    // The district tops a town's fund up when it runs low, as towns ask for it.
    if ((await balanceFen(s.db, DEMO_COUNTY, h.town_code)) < amount + 1_000_000) {
      at(d, 8);
      await moveReserveFund(s, ctx('district'), {
        townCode: h.town_code,
        kind: 'ALLOCATE',
        amountFen: 5_000_000,
        note: '备用金补充拨付',
      });
    }
    await urgentCase(h, d, amount, 'REGULARIZE');
    tick();
  }
  for (let m = '2025-01-01'; m < '2026-01-01'; m = addMonths(m, 1)) {
    at(addDays(addMonths(m, 1), 2));
    for (const town of towns)
      await reconcileReserveFund(s, ctx(townUser(town)), {
        townCode: town,
        month: m,
        note: '月度对账，账实相符',
      });
  }

  // ── The 2026 standards, their recalculation, and every month paid through the payroll ─────────
  phase = '标准调整与保障金发放 standards and payroll';
  await adjustStandards2026(s, ctx('admin'), ctx('district'), '2025-12-22');
  const lastPaid = addMonths(`${today.slice(0, 7)}-01`, -1);
  await payMonths(s, ctx('district'), '2025-01-01', lastPaid, () => tick(5));

  phase = '在办案件 current cases';
  // ── The current pipeline: every worklist has cases, one of them overdue ──────────────────────
  const back = (wd: number) => {
    let d = today;
    for (let i = 0; i < wd; i++) d = previousWorkingDay(d);
    return d;
  };
  at(back(30));
  for (const town of towns)
    await moveReserveFund(s, ctx('district'), {
      townCode: town,
      kind: 'ALLOCATE',
      amountFen: 5_000_000,
      note: '2026 年第四季度备用金',
    });
  const stages = [
    'SUBMITTED',
    'ACCEPTED',
    'INVESTIGATING',
    'PRELIM_OPINION',
    'PUBLICIZING',
    'SUBMITTED_TO_COUNTY',
    'COUNTY_REVIEW',
  ] as const;
  for (const town of towns) {
    for (const [k, stop] of stages.entries()) {
      const h = others.find((x) => x.town_code === town);
      if (!h) break;
      others.splice(others.indexOf(h), 1);
      await dibaoApplication(h, back(16 - k), stop);
      tick();
    }
    const late = others.find((x) => x.town_code === town);
    if (late) {
      others.splice(others.indexOf(late), 1);
      await dibaoApplication(late, back(9), 'ACCEPTED'); // investigation not started within 3 WD: overdue
    }
    const old = singlesOld.find((x) => x.town_code === town);
    if (old) {
      singlesOld.splice(singlesOld.indexOf(old), 1);
      await tekunApplication(old, back(6), 'INVESTIGATING');
    }
    const u1 = others.find((x) => x.town_code === town);
    if (u1) await urgentCase(u1, today, 150_000, 'APPROVE', 8);
    const u2 = others.filter((x) => x.town_code === town)[1];
    if (u2) await urgentCase(u2, back(1), 200_000, 'PAY');
    tick(10);
  }
  s.clock.set(now);
  const counts = await sql<{
    n: number;
  }>`select count(*)::int as n from assistance_case where county_code = ${DEMO_COUNTY}`.execute(s.db);
  return { cases: counts.rows[0]?.n ?? 0 };

  async function dibaoApplication(
    h: Household,
    start: string,
    until: 'APPROVE' | 'REJECT' | (typeof stages)[number],
    plan?: Plan,
  ) {
    const village = villageUser(h.village_code);
    const town = townUser(h.town_code);
    at(start);
    const byVillage = rng.chance(0.6);
    const { id } = await createApplication(s, ctx(byVillage ? village : town), {
      householdId: h.id,
      scheme: 'DIBAO',
      proxy: byVillage
        ? { type: 'VILLAGE_COMMITTEE', name: '村民委员会', authorizationRef: `委托书-${start}` }
        : null,
      pledgeSigned: true,
      closeRelative: rng.chance(0.03),
    });
    if (until === 'SUBMITTED') return id;
    await step(town, id, { type: 'ACCEPT', at: start });
    if (until === 'ACCEPTED') return id;
    let d = addWorkingDays(start, 1, DEFAULT_CALENDAR);
    at(d);
    await step(town, id, { type: 'START_INVESTIGATION', at: d });
    for (const m of h.members)
      await step(village, id, {
        type: 'RECORD_CONSENT',
        at: d,
        personId: m.id,
        documentRef: `授权核对书-${m.id.slice(0, 6)}`,
      });
    await step(town, id, { type: 'REQUEST_CHECK', at: d });
    const eligible = until !== 'REJECT';
    const p = plan ?? planFor(h, eligible);
    if (until === 'INVESTIGATING') return id;
    // S1 Art.17: the county starts the check within 3 working days; the decision cites its report.
    await startCheckOf(id);
    d = addWorkingDays(d, 2, DEFAULT_CALENDAR);
    at(d);
    await step(town, id, {
      type: 'RECORD_INVESTIGATION',
      at: d,
      investigators: ['镇民政办 王敏', '镇民政办 李强'],
      visitMode: 'ON_SITE',
      findings: eligible
        ? '家庭成员劳动能力弱，收入低，家中无大额财产'
        : '家庭成员务工收入稳定，人均收入高于低保标准',
      facts: householdFacts(h, p),
    });
    if (!eligible) {
      await step(town, id, {
        type: 'NOTIFY_INELIGIBLE',
        at: d,
        reasons: '经济状况核对结果显示家庭人均收入高于当地低保标准',
      });
      d = addWorkingDays(d, 5, DEFAULT_CALENDAR);
      at(d);
      await step(town, id, { type: 'CLOSE_REJECTED', at: d });
      return id;
    }
    await step(town, id, { type: 'DRAFT_OPINION', at: d, opinion: '经入户调查和信息核对，拟纳入低保' });
    if (until === 'PRELIM_OPINION') return id;
    await step(village, id, { type: 'PUBLISH', at: d });
    if (until === 'PUBLICIZING') return id;
    d = addDays(d, 8);
    at(d);
    await step(town, id, { type: 'PUBLICITY_ENDED', at: d });
    if (until === 'SUBMITTED_TO_COUNTY') return id;
    d = addWorkingDays(d, 2, DEFAULT_CALENDAR);
    at(d);
    await step('district', id, { type: 'START_COUNTY_REVIEW', at: d });
    if (until === 'COUNTY_REVIEW') return id;
    const detail = await s.db
      .selectFrom('assistance_case')
      .select('model')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if ((detail.model as { closeRelative?: boolean }).closeRelative)
      await step('district', id, {
        type: 'RECORD_COUNTY_HOME_VISIT',
        at: d,
        investigators: ['区民政 赵', '区民政 钱'],
        visitMode: 'ON_SITE',
        findings: '入户核实属实',
      });
    await step('district', id, { type: 'CONFIRM', at: d, opinion: '同意纳入城乡低保' });
    return id;
  }

  async function tekunApplication(h: Household, start: string, until: 'CONFIRMED' | 'INVESTIGATING') {
    const town = townUser(h.town_code);
    const person = h.members[0]!.id;
    at(start);
    const { id } = await createApplication(s, ctx(town), {
      householdId: h.id,
      scheme: 'TEKUN',
      subjectPersonId: person,
      pledgeSigned: true,
    });
    await step(town, id, { type: 'ACCEPT', at: start });
    await step(town, id, { type: 'RECORD_CONSENT', at: start, personId: person, documentRef: '授权核对书' });
    if (until === 'INVESTIGATING') return;
    let d = addWorkingDays(start, 2, DEFAULT_CALENDAR);
    at(d);
    await step(town, id, { type: 'REQUEST_CHECK', at: d });
    await startCheckOf(id);
    await step(town, id, {
      type: 'RECORD_INVESTIGATION',
      at: d,
      investigators: ['镇民政办 王敏', '镇民政办 李强'],
      visitMode: 'ON_SITE',
      findings: '老人独居，无劳动能力，无生活来源，无法定赡养义务人',
      facts: { members: [{ birthDate: h.members[0]!.birth, relation: 'head', wageFenPerMonth: 0 }] },
    });
    await step(town, id, { type: 'DRAFT_OPINION', at: d, opinion: '拟认定为分散供养特困人员' });
    await step(town, id, { type: 'PUBLISH', at: d });
    d = addDays(d, 8);
    at(d);
    await step(town, id, { type: 'PUBLICITY_ENDED', at: d });
    d = addWorkingDays(d, 3, DEFAULT_CALENDAR);
    at(d);
    await step('district', id, { type: 'START_COUNTY_REVIEW', at: d });
    const row = await s.db
      .selectFrom('assistance_case')
      .select('model')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const selected = (row.model as { spotDraw?: { selected: boolean } }).spotDraw?.selected ?? false;
    await step('district', id, { type: 'RECORD_SPOT_CHECK', at: d, ...(selected ? { passed: true } : {}) });
    await step('district', id, { type: 'CONFIRM', at: d, opinion: '同意认定' });
  }

  async function urgentCase(
    h: Household,
    d: string,
    amountFen: number,
    until: 'APPROVE' | 'PAY' | 'REGULARIZE',
    hour = 9,
  ) {
    const town = townUser(h.town_code);
    at(d, hour);
    const { id } = await reportUrgent(s, ctx(town), {
      householdId: h.id,
      villageCode: h.village_code,
      source: rng.weighted([
        ['VILLAGE', 50],
        ['SELF', 30],
        ['HOTLINE_12349', 10],
        ['DISCOVERY', 10],
      ] as const),
      cause: rng.weighted([
        ['ILLNESS', 45],
        ['ACCIDENT', 25],
        ['FIRE', 10],
        ['DISASTER', 5],
        ['OTHER', 15],
      ] as const),
      summary: '家庭遭遇突发事件，基本生活暂时出现严重困难',
    });
    at(d, hour + 1);
    await step(town, id, { type: 'APPROVE_FIRST_AID', amountFen, assessment: '情况紧急，先行救助' });
    if (until === 'APPROVE') return;
    at(d, hour + 3);
    await step(town, id, { type: 'PAY_FIRST_AID', amountFen, method: 'TRANSFER' });
    if (until === 'PAY') return;
    const later = addWorkingDays(d, 3, DEFAULT_CALENDAR);
    at(later);
    await step(town, id, {
      type: 'REGULARIZE',
      recipient: '户主',
      reason: '急难情形，先行救助后补办手续',
      amountFen,
      signatures: ['申请人', '经办人', '镇街负责人'],
    });
  }
}

/** What the town's investigation finds: the head's wage, nobody else earns; the household's savings. */
type Plan = { wage: number; assets: number };

function householdFacts(h: Household, p: Plan) {
  return {
    members: h.members.map((m, i) => ({
      birthDate: m.birth,
      relation: i === 0 ? 'head' : 'other',
      wageFenPerMonth: i === 0 ? p.wage : 0,
    })),
    financialAssetsFen: p.assets,
  };
}

/** The confirmation date the demo's 低保 procedure reaches from an application on `start`. */
const dibaoConfirmedOn = (start: string) =>
  addWorkingDays(
    addDays(addWorkingDays(addWorkingDays(start, 1, DEFAULT_CALENDAR), 2, DEFAULT_CALENDAR), 8),
    2,
    DEFAULT_CALENDAR,
  );
/** The same for its 特困 procedure. */
const tekunConfirmedOn = (start: string) =>
  addWorkingDays(addDays(addWorkingDays(start, 2, DEFAULT_CALENDAR), 8), 3, DEFAULT_CALENDAR);
/** Months paid in 2025 from a first paid month 'YYYY-MM-01'. */
const monthsIn2025 = (from: string) => (from > '2025-12-01' ? 0 : 13 - Number(from.slice(5, 7)));

async function contexts(s: Services): Promise<Map<string, RequestContext>> {
  const users = await s.db
    .selectFrom('app_user')
    .selectAll()
    .where('county_code', '=', DEMO_COUNTY)
    .execute();
  return new Map(users.map((u) => [u.username, contextOfUser(u, 'demo')]));
}

async function loadHouseholds(s: Services): Promise<Household[]> {
  const r = await sql<{
    id: string;
    town_code: string;
    village_code: string;
    area: 'urban' | 'rural';
    members: { id: string; birth: string }[];
  }>`
    select h.id, h.town_code, h.village_code, h.urban_rural as area,
      json_agg(json_build_object('id', m.person_id, 'birth', p.birth_date) order by m.relation_code, p.birth_date) as members
    from household h
    join household_member m on m.county_code = h.county_code and m.household_id = h.id and m.left_on is null
    join person p on p.county_code = m.county_code and p.id = m.person_id
    where h.county_code = ${DEMO_COUNTY} and h.status = 'active'
    group by h.county_code, h.id order by h.household_no`.execute(s.db);
  return r.rows;
}

const fail = (msg: string): never => {
  throw new Error(msg);
};
const age = (birth: string, today: string) =>
  Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);

function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function legacyDate(rng: Rng): string {
  const y = rng.int(2016, 2024);
  return `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** n working days spread evenly between two dates, in order. */
function spread(n: number, from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorking(d)) days.push(d);
  return Array.from({ length: n }, (_, k) => days[Math.floor((k * days.length) / n)]!);
}

/**
 * `count` first-aid amounts between 600 and 2,700 元 in whole hundreds that add up to `totalFen`
 * (rounded to 100 元), so the year's figure comes out of the events themselves.
 */
function amountsTotalling(rng: Rng, count: number, totalFen: number): number[] {
  const STEP = 10_000;
  const MIN = 6 * STEP;
  const MAX = 27 * STEP;
  const amounts = Array.from({ length: count }, () => rng.int(6, 27) * STEP);
  let diff = Math.round((totalFen - amounts.reduce((a, b) => a + b, 0)) / STEP) * STEP;
  for (let i = 0; diff !== 0 && i < count * 30; i++) {
    const k = i % count;
    const next = amounts[k]! + Math.sign(diff) * STEP;
    if (next < MIN || next > MAX) continue;
    amounts[k] = next;
    diff -= Math.sign(diff) * STEP;
  }
  return amounts;
}

function isWorking(d: string): boolean {
  return addWorkingDays(addDays(d, -1), 1, DEFAULT_CALENDAR) === d;
}

function previousWorkingDay(d: string): string {
  let x = addDays(d, -1);
  while (!isWorking(x)) x = addDays(x, -1);
  return x;
}
