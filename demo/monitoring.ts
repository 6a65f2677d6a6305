import { sql } from 'kysely';
import type { Disposition } from '../contracts/alerts.ts';
import { refreshStatistics } from '../server/db/statistics.ts';
import { createApplication } from '../server/modules/cases/applications.usecases.ts';
import { deliverFeed, feedDeps } from '../server/modules/feeds/feeds.usecases.ts';
import { escalateOverdue } from '../server/modules/monitoring/alerts.repository.ts';
import { closeAlert, disposeAlert, verifyAlert } from '../server/modules/monitoring/alerts.usecases.ts';
import { COMPARE_TABLES } from '../server/modules/monitoring/compare.repository.ts';
import { compareNow } from '../server/modules/monitoring/compare.usecases.ts';
import { syncCaseCategories } from '../server/modules/monitoring/population.repository.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import type { RequestContext } from '../server/platform/context.ts';
import { addDays } from '../server/rules/calendar.ts';
import { makeIdNumber } from '../server/rules/id-number.ts';
import type { Services } from '../server/services.ts';
import { userContext } from './accounts.ts';
import { DEMO_COUNTY, demoDivisions } from './district.ts';
import type { Rng } from './random.ts';

// Dynamic monitoring of the demo district (§7.1, §7.3, §7.4), after the caseload and the department
// feeds exist: the 乡村振兴 list is delivered so that the de-duplicated monitored population is the
// press release's 3,803 persons (the cases give most; the list adds the rest — some on it already
// 低保/特困, registry persons not helped, people unknown to the registry with their village code);
// then three comparison runs on plausible days (40 and 12 days ago, today), and a share of the alerts
// handled through the use cases by the people whose job it is, some left overdue and escalated.

export const DEMO_MONITORED_PERSONS = 3803;

const contextOf = (s: Services, username: string) => userContext(s, username, 'demo-monitoring');

/** Registry persons alive and not covered by an active case (after the case categories are synced). */
async function notHelped(s: Services) {
  const r = await sql<{ id: string; enc: Buffer }>`
    select p.id, p.id_number_enc as enc from person p
    join household_member m on m.county_code = p.county_code and m.person_id = p.id and m.left_on is null
    where p.county_code = ${DEMO_COUNTY} and p.deceased_on is null
      and not exists (select 1 from person_category pc where pc.county_code = p.county_code
        and pc.person_bidx = p.id_number_bidx and pc.valid_to is null)
    order by p.id_number_bidx`.execute(s.db);
  return r.rows.map((x) => s.cipher.decrypt(x.enc));
}

async function recipients(s: Services) {
  const r = await sql<{ enc: Buffer }>`
    select p.id_number_enc as enc from person p where p.county_code = ${DEMO_COUNTY} and exists (
      select 1 from person_category pc where pc.county_code = p.county_code and pc.person_bidx = p.id_number_bidx
        and pc.source = 'CASE' and pc.valid_to is null)
    order by p.id_number_bidx`.execute(s.db);
  return r.rows.map((x) => s.cipher.decrypt(x.enc));
}

export async function runDemoMonitoring(s: Services, rng: Rng): Promise<void> {
  const real0 = Date.now();
  const now0 = s.clock.now();
  const today = shanghaiDateOf(now0);
  const at = (date: string) => s.clock.set(new Date(`${date}T10:00:00+08:00`));
  const district = await contextOf(s, 'district');
  if (!district) throw new Error('demo monitoring: the district account is missing');
  const villages = demoDivisions().villages.map((v) => v.code12);

  // How many persons the cases give (§7.1 categories from active cases), and what the list adds.
  await refreshStatistics(s.db, COMPARE_TABLES);
  await syncCaseCategories(s.db, DEMO_COUNTY, today);
  const fromCases = Number(
    (
      await sql<{ n: number }>`select count(distinct person_bidx)::int as n from person_category
      where county_code = ${DEMO_COUNTY} and valid_to is null`.execute(s.db)
    ).rows[0]?.n ?? 0,
  );
  const need = Math.max(0, DEMO_MONITORED_PERSONS - fromCases);
  const free = await notHelped(s);
  const registryShare = Math.min(free.length - 40, Math.round(need * 0.8));
  const known = shuffle(rng, free).slice(0, Math.max(0, registryShare) + 40);
  const listed = known.slice(0, Math.max(0, registryShare));
  const removed = known.slice(Math.max(0, registryShare)); // on the list once, risk removed since
  // Issued outside Tai'an (the registry's people carry 3709xx numbers): people who moved in.
  const unknown = Array.from({ length: need - listed.length }, (_, i) =>
    makeIdNumber('370102', `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`, (i * 7) % 1000),
  );
  const overlap = (await recipients(s)).filter(() => rng.chance(0.08));
  const d1 = addDays(today, -40);
  const since = () => addDays(d1, -rng.int(30, 400));
  const risk = () => rng.pick(['ILLNESS', 'DISABILITY', 'EDUCATION', 'ACCIDENT', 'UNEMPLOYMENT', 'OTHER']);
  const rows = [
    ...[...listed, ...overlap].map((idNumber) => ({
      idNumber,
      since: since(),
      risk: risk(),
      status: 'MONITORED',
    })),
    ...unknown.map((idNumber) => ({
      idNumber,
      since: since(),
      risk: risk(),
      status: 'MONITORED',
      villageCode: rng.pick(villages),
    })),
    ...removed.flatMap((idNumber) => [
      { idNumber, since: addDays(d1, -500), risk: risk(), status: 'MONITORED' },
      { idNumber, since: addDays(d1, -20), risk: risk(), status: 'RISK_REMOVED' },
    ]),
  ];
  at(d1);
  await deliverFeed(feedDeps(s), { kind: 'user', ctx: district }, 'RURAL_REVITALIZATION', rows, {
    channel: 'FILE',
    filename: '防止返贫监测对象名单.xlsx',
  });

  // Three runs; after each, the villages, towns and the district work part of what it raised.
  for (const [runDay, handledShare] of [
    [d1, 0.55],
    [addDays(today, -12), 0.45],
    [today, 0.15],
  ] as const) {
    at(runDay);
    await compareNow(s, district);
    await handleAlerts(s, rng, runDay, today, handledShare);
  }
  at(today);
  await escalateOverdue(s.db, DEMO_COUNTY, today, s.clock.now());
  s.clock.set(new Date(now0.getTime() + (Date.now() - real0)));
}

/** At most this many alerts worked per run (the demo's time; the rest stay open, some overdue). */
const CAP = 2500;

async function handleAlerts(s: Services, rng: Rng, runDay: string, today: string, share: number) {
  const alerts = await s.db
    .selectFrom('alert')
    .select(['id', 'village_code', 'town_code', 'household_id', 'case_id', 'alert_type', 'due_on'])
    .where('county_code', '=', DEMO_COUNTY)
    .where('raised_on', '=', runDay)
    .orderBy('evidence_key')
    .execute();
  const ctxCache = new Map<string, RequestContext | null>();
  const ctx = async (username: string) => {
    if (!ctxCache.has(username)) ctxCache.set(username, await contextOf(s, username));
    return ctxCache.get(username) ?? null;
  };
  let handled = 0;
  for (const a of alerts) {
    if (handled >= CAP || !rng.chance(share)) continue;
    const village = a.village_code ? await ctx(`v${a.village_code.slice(6)}`) : null;
    const town = a.town_code ? await ctx(`town${a.town_code.slice(6, 9)}`) : null;
    const district = (await ctx('district'))!;
    const first = village ?? town ?? district;
    // Most are verified within the 10 working days; some late (the on-time rate is not 100 %).
    const onVerify = minDate(
      addDays(
        runDay,
        rng.weighted([
          [rng.int(1, 12), 8],
          [rng.int(15, 30), 2],
        ] as const),
      ),
      today,
    );
    const verifyAt = (d: string) => s.clock.set(new Date(`${d}T15:00:00+08:00`));
    verifyAt(onVerify);
    const method = rng.weighted([
      ['VISIT', 6],
      ['PHONE', 2],
      ['DATA', 2],
    ] as const);
    await verifyAlert(s, first, a.id, { method, findings: FINDINGS[method] });
    handled += 1;
    if (!rng.chance(0.7)) continue;
    const onDispose = minDate(addDays(onVerify, rng.int(0, 6)), today);
    verifyAt(onDispose);
    const d: Disposition =
      a.case_id !== null
        ? rng.weighted([
            ['TERMINATION_REVIEW', 4],
            ['DISMISSED', 4],
            ['CASE_CONFERENCE', 1],
            ['POLICY_DELIVERED', 2],
          ] as const)
        : rng.weighted([
            ['POLICY_DELIVERED', 4],
            ['PUSHED_TO_DEPT', 3],
            ['APPLICATION_STARTED', 2],
            ['DISMISSED', 2],
            ['CASE_CONFERENCE', 1],
          ] as const);
    const decider =
      d === 'POLICY_DELIVERED' || d === 'APPLICATION_STARTED'
        ? first
        : d === 'CASE_CONFERENCE'
          ? district
          : (town ?? district);
    try {
      if (d === 'APPLICATION_STARTED') {
        if (!a.household_id || !village) continue;
        const app = await createApplication(s, village, {
          householdId: a.household_id,
          scheme: 'DIBAO',
          pledgeSigned: true,
          closeRelative: false,
          proxy: {
            type: 'VILLAGE_COMMITTEE',
            name: '村民委员会',
            authorizationRef: `委托书（预警 ${a.id.slice(0, 8)}）`,
          },
        });
        await disposeAlert(s, village, a.id, {
          disposition: d,
          caseId: app.id,
          note: '协助家庭提出低保申请',
        });
      } else if (d === 'DISMISSED')
        await disposeAlert(s, decider, a.id, { disposition: d, reason: '经核实情况不实或已消除，排除预警' });
      else if (d === 'PUSHED_TO_DEPT')
        await disposeAlert(s, decider, a.id, {
          disposition: d,
          department: DEPT[a.alert_type] ?? 'HRSS',
          note: '按困难类型推送相关部门',
        });
      else await disposeAlert(s, decider, a.id, { disposition: d, note: NOTES[d] });
    } catch {
      // An application the household already has open, or a case no longer active: leave it verified.
      continue;
    }
    if (rng.chance(0.6)) {
      verifyAt(minDate(addDays(onDispose, rng.int(1, 10)), today));
      await closeAlert(s, decider, a.id, { feedback: '处置完毕，已反馈' });
    }
  }
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** Fisher–Yates with the demo's seeded generator (the same district on every machine). */
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
const FINDINGS = {
  VISIT: '入户核实，情况与预警信息一致',
  PHONE: '电话联系本人核实，情况属实',
  DATA: '调取部门数据核对，信息属实',
} as const;
const NOTES: Record<string, string> = {
  POLICY_DELIVERED: '已告知并落实相关救助政策',
  CASE_CONFERENCE: '情况复杂，提交区级“一事一议”',
  TERMINATION_REVIEW: '可能不再符合条件，启动复核',
};
const DEPT: Record<string, string> = {
  SERIOUS_ILLNESS: 'MEDICAL_INSURANCE',
  DISABILITY: 'DISABLED_FEDERATION',
  SCHOOLING: 'EDUCATION',
  UNEMPLOYMENT: 'HRSS',
  RURAL_REVITALIZATION: 'AGRICULTURE',
};
