import { sql } from 'kysely';
import type { CareLevelCode } from '../contracts/care.ts';
import { creditCheckChar } from '../contracts/institutions.ts';
import { createUsers } from '../server/modules/admin/users.usecases.ts';
import { raiseMissedVisits } from '../server/modules/care/care-alerts.repository.ts';
import { addCoverage, createContract } from '../server/modules/care/care-contracts.usecases.ts';
import {
  addStaff,
  linkProviderAccount,
  saveProvider,
} from '../server/modules/care/care-providers.usecases.ts';
import {
  checkSample,
  openVerification,
  recordCall,
  verifyMonth,
} from '../server/modules/care/care-verification.usecases.ts';
import { recordVisit } from '../server/modules/care/care-visits.usecases.ts';
import { approvePayroll, startPayroll } from '../server/modules/payroll/payroll.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import { type RequestContext, systemContext } from '../server/platform/context.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { addDays, addMonths } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { demoContext } from './accounts.ts';
import type { Rng } from './random.ts';
import { DEMO_PASSWORD } from './run.ts';

// Purchased care in the demo district (§5.4 分散供养 → 政府购买第三方照料; §9.1): two providers with
// carers and sign-in accounts (provider1, provider2), a HOME_CARE contract per town covering the
// dispersed 特困 persons who need care (all PARTIAL_LOSS / FULL_LOSS, a third of SELF_CARE), visits
// over the last three months recorded through the use cases with the clock set to each day (a few
// missed), the towns' verification of the two months before last, and a CARE payroll run for the
// oldest of them, approved. Every write goes through the use cases, as the console's would.

const COUNTY = '370971';
const PROVIDERS = [
  { name: '泰安高新区康养照护服务中心', serial: '0100001', staff: ['刘秀兰', '陈桂芳', '赵建国'] },
  { name: '高新区邻里互助养老服务社', serial: '0100002', staff: ['孙玉梅', '周志强'] },
];
const MAX_PERSONS = 80;

type Person = { caseId: string; townCode: string; level: CareLevelCode };

export async function runDemoCare(s: Services, rng: Rng): Promise<void> {
  const district = systemContext(COUNTY, 'demo-care');
  const now = s.clock.now();
  const today = shanghaiDateOf(now);
  const thisMonth = `${today.slice(0, 7)}-01`;
  const start = addMonths(thisMonth, -3);

  const hash = await hashPassword(DEMO_PASSWORD);
  const providers: { id: string; staff: string[]; user: string }[] = [];
  for (const [i, p] of PROVIDERS.entries()) {
    const body = `52${COUNTY}MJ${p.serial}`;
    const v = await saveProvider(s, district, null, {
      name: p.name,
      creditCode: body + creditCheckChar(body),
      qualification: `养老服务机构备案 ${COUNTY}-${2024 + i}-00${i + 1}`,
      contactName: p.staff[0] as string,
      contactPhone: `0538-86${String(10000 + i).slice(1)}`,
      address: '泰安高新区中天门大街',
      accountName: p.name,
      bankAccount: `62170000${String(i + 1).padStart(11, '0')}`,
      bankName: '中国建设银行泰安高新区支行',
    });
    let staff: string[] = [];
    for (const name of p.staff) staff = (await addStaff(s, district, v.id, { name })).staff.map((x) => x.id);
    const user = `provider${i + 1}`;
    await createUsers(s.db, s.clock, [
      {
        username: user,
        displayName: `${p.name}护理员`,
        role: 'care_provider',
        jurisdictionCode: COUNTY,
        passwordHash: hash,
        mustChangePassword: false,
      },
    ]);
    const u = await s.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', user)
      .executeTakeFirstOrThrow();
    await linkProviderAccount(s, COUNTY, u.id, v.id, null);
    providers.push({ id: v.id, staff, user });
  }

  // Dispersed 特困 persons who need care (§5.4 priority to those who cannot care for themselves).
  const rows = await sql<Person>`
    select c.id as "caseId", c.town_code as "townCode", coalesce(e.care_level, p.self_care_level, 'SELF_CARE') as level
    from assistance_case c
    left join entitlement e on e.county_code = c.county_code and e.case_id = c.id and e.is_current
    left join person p on p.county_code = c.county_code and p.id = c.subject_person_id
    where c.county_code = ${COUNTY} and c.scheme = 'TEKUN' and c.stage = 'ACTIVE'
      and coalesce(c.support_mode, 'DISPERSED') = 'DISPERSED' and c.subject_person_id is not null
    order by c.town_code, c.case_no`.execute(s.db);
  const persons = rows.rows.filter((p) => p.level !== 'SELF_CARE' || rng.chance(0.33)).slice(0, MAX_PERSONS);
  const towns = [...new Set(persons.map((p) => p.townCode))];
  const coverage: { id: string; provider: (typeof providers)[number]; visits: number }[] = [];
  for (const [i, town] of towns.entries()) {
    const provider = providers[i % providers.length] as (typeof providers)[number];
    const k = await createContract(s, district, {
      contractNo: `HJZH-${start.slice(0, 4)}-${town.slice(6)}`,
      providerId: provider.id,
      townCode: town,
      serviceType: 'HOME_CARE',
      items: ['MEAL_HELP', 'BATHING', 'CLEANING', 'MOBILITY', 'MEDICATION', 'HEALTH_CHECK', 'COMPANIONSHIP'],
      visitsPerMonth: 4,
      feeFen: 80_000,
      validFrom: start,
      validTo: addDays(addMonths(start, 12), -1),
    });
    for (const p of persons.filter((x) => x.townCode === town)) {
      const v = await addCoverage(s, district, k.id, { caseId: p.caseId, fromOn: start, toOn: k.validTo });
      const row = v.persons.find((x) => x.caseId === p.caseId);
      if (row) coverage.push({ id: row.id, provider, visits: row.plan.visitsPerMonth });
    }
  }

  // Visits: the plan's visits spread over each past month, about one in twelve missed; two health events.
  const ctxOf = new Map<string, RequestContext>();
  for (const p of providers) ctxOf.set(p.user, await demoContext(s, p.user, `demo-care-${p.user}`));
  let health = 0;
  for (let m = start; m < thisMonth; m = addMonths(m, 1)) {
    for (const c of coverage) {
      const gap = Math.max(1, Math.floor(27 / c.visits));
      for (let n = 0; n < c.visits; n++) {
        if (rng.chance(0.08)) continue;
        const day = addDays(m, Math.min(27, n * gap + rng.int(0, gap - 1)));
        const begin = new Date(
          `${day}T${String(8 + rng.int(0, 8)).padStart(2, '0')}:${String(rng.int(0, 5) * 10).padStart(2, '0')}:00+08:00`,
        );
        const end = new Date(begin.getTime() + rng.int(45, 120) * 60_000);
        s.clock.set(new Date(end.getTime() + 30 * 60_000));
        const isHealth = health < 2 && rng.chance(0.01);
        if (isHealth) health++;
        await recordVisit(s, ctxOf.get(c.provider.user) as RequestContext, {
          coverageId: c.id,
          staffId: c.provider.staff[rng.int(0, c.provider.staff.length - 1)],
          startedAt: begin.toISOString(),
          endedAt: end.toISOString(),
          gps: {
            lat: 36.18 + rng.int(0, 100) / 1000,
            lng: 117.08 + rng.int(0, 100) / 1000,
            accuracyM: rng.int(5, 40),
          },
          items: ['HEALTH_CHECK', 'CLEANING'],
          confirmation: { by: 'WITNESS', witnessName: '村民政协理员' },
          healthEvent: isHealth,
          healthNote: isHealth ? '血压偏高，已告知村协理员' : null,
        });
      }
    }
    // The month is over: missed visits alert the villages (the daily job does the same).
    const next = addMonths(m, 1);
    s.clock.set(new Date(`${next}T07:00:00+08:00`));
    await raiseMissedVisits(s.db, COUNTY, m, next, s.clock.now());
  }

  // The towns verify the two months before last; the CARE payroll pays the oldest, approved.
  s.clock.set(new Date(`${addDays(thisMonth, 2)}T10:00:00+08:00`));
  const contracts = await s.db
    .selectFrom('care_contract')
    .select(['id', 'town_code'])
    .where('county_code', '=', COUNTY)
    .execute();
  for (const month of [start, addMonths(start, 1)])
    for (const k of contracts) {
      const town = await demoContext(s, `town${k.town_code.slice(6, 9)}`, 'demo-care');
      const v = await openVerification(s, town, k.id, month);
      for (const sample of v.samples)
        await checkSample(s, town, v.id, sample.visitId, { result: 'CONFIRMED', note: '电话回访属实' });
      const first = v.lines[0];
      if (first)
        await recordCall(s, town, v.id, { coverageId: first.coverageId, result: 'SATISFIED', note: null });
      await verifyMonth(s, town, v.id);
    }
  const run = await startPayroll(s, district, { scheme: 'CARE', month: start });
  await s.jobs.drain();
  await approvePayroll(s, district, run.runId, '经镇街核验，同意支付照护服务费');
  s.clock.set(now);
}
