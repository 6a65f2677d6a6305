import { sql } from 'kysely';
import { POLICY_DEPARTMENT_CODES, POLICY_DEPARTMENTS } from '../contracts/policies.ts';
import { createUsers } from '../server/modules/admin/users.usecases.ts';
import { PUBLICITY_SCHEMES } from '../server/modules/documents/documents.repository.ts';
import { installDefaultCatalogue } from '../server/modules/policies/default-catalogue-install.ts';
import { linkDepartmentUser } from '../server/modules/policies/department-users.usecases.ts';
import { matchNow } from '../server/modules/policies/matching.usecases.ts';
import { answerReferral, listReferrals } from '../server/modules/policies/referrals.usecases.ts';
import { answerSubmission } from '../server/modules/portal/inbox.usecases.ts';
import { submitComplaint, submitObjection } from '../server/modules/portal/submissions.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import { type RequestContext, systemContext } from '../server/platform/context.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { smsSenderOf } from '../server/platform/sms.ts';
import { addDays } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { demoContext, userContext } from './accounts.ts';
import { DEMO_COUNTY } from './district.ts';
import type { Rng } from './random.ts';
import { DEMO_PASSWORD } from './run.ts';

// 泰汇救 in the demo district (§9.3) and the portal's inbox (§9.5): the default catalogue of 37
// policies of 12 departments, one liaison account per department (liaison01–12, in the order of
// POLICY_DEPARTMENTS), a matching run a month ago whose referrals the departments have partly
// answered since (the rest wait, some overdue), and a few 12349 complaints and one objection to a
// publicity — all through the use cases, the clock set to each step's day.

/** Referrals each department answers in the demo: enough to show both outcomes on the chain. */
const ANSWERED_PER_DEPARTMENT = 12;

export async function runDemoPolicies(s: Services, rng: Rng): Promise<void> {
  const now0 = s.clock.now();
  const today = shanghaiDateOf(now0);
  const at = (date: string) => s.clock.set(new Date(`${date}T10:00:00+08:00`));
  const admin = systemContext(DEMO_COUNTY, 'demo-policies');
  const start = addDays(today, -30);
  at(start);
  await installDefaultCatalogue(s, admin);

  const hash = await hashPassword(DEMO_PASSWORD);
  const usernames = POLICY_DEPARTMENT_CODES.map((_, i) => `liaison${String(i + 1).padStart(2, '0')}`);
  await createUsers(
    s.db,
    s.clock,
    POLICY_DEPARTMENT_CODES.map((code, i) => ({
      username: usernames[i]!,
      displayName: `${POLICY_DEPARTMENTS[code].zh}联络员`,
      role: 'department_liaison' as const,
      jurisdictionCode: DEMO_COUNTY,
      passwordHash: hash,
      mustChangePassword: false,
    })),
  );
  const liaisons = new Map<string, RequestContext>();
  for (const [i, code] of POLICY_DEPARTMENT_CODES.entries()) {
    const ctx = await demoContext(s, usernames[i]!, 'demo-policies');
    await linkDepartmentUser(s, admin, code, ctx.actor.userId);
    liaisons.set(code, ctx);
  }

  await matchNow(s, admin);

  // The departments answer some referrals over the following weeks: most grant, some refuse.
  for (const code of POLICY_DEPARTMENT_CODES) {
    const ctx = liaisons.get(code)!;
    const page = await listReferrals(s, ctx, { state: 'PENDING', page: 1, pageSize: 50 });
    for (const r of page.items.slice(0, ANSWERED_PER_DEPARTMENT)) {
      const answeredOn = addDays(start, 3 + rng.int(0, 20));
      at(answeredOn);
      const granted = rng.next() < 0.75;
      await answerReferral(
        s,
        ctx,
        r.id,
        granted
          ? { outcome: 'GRANTED', grantedOn: answeredOn, amountFen: null, note: '已按政策办理' }
          : { outcome: 'REFUSED', reason: '经部门核实，不符合本项政策条件' },
      );
    }
  }

  await demoSubmissions(s, rng, today);
  s.clock.set(now0);
}

/** Three 12349 complaints (one answered) and an objection to a publicity, as citizens would send them. */
async function demoSubmissions(s: Services, rng: Rng, today: string) {
  const at = (date: string) => s.clock.set(new Date(`${date}T10:00:00+08:00`));
  const client = { ip: '127.0.0.1', requestId: 'demo-portal' };
  const villages = await s.db
    .selectFrom('admin_unit')
    .select('code')
    .where('county_code', '=', DEMO_COUNTY)
    .where('level', '=', 'village')
    .orderBy('code')
    .execute();
  const village = () => villages[rng.int(0, villages.length - 1)]!.code;
  at(addDays(today, -20));
  const first = await submitComplaint(
    s,
    {
      villageCode: village(),
      category: 'SERVICE_DELAY',
      content: '上月递交的低保申请一直没有消息，想了解办理进度。',
    },
    client,
  );
  at(addDays(today, -9));
  await submitComplaint(
    s,
    { category: 'POLICY_QUESTION', content: '家里老人重度残疾，想咨询能否申请护理补贴，需要哪些材料？' },
    client,
  );
  at(addDays(today, -2));
  await submitComplaint(
    s,
    {
      villageCode: village(),
      category: 'ASSISTANCE_WRONG',
      content: '反映本村有一户家庭条件较好却在享受低保，请核查。',
    },
    client,
  );
  // A case whose publicity runs today (a demo case may sit in PUBLICIZING after its last day).
  const publicity = await s.db
    .selectFrom('assistance_case')
    .select('id')
    .where('county_code', '=', DEMO_COUNTY)
    .where('state', '=', 'PUBLICIZING')
    .where(sql<boolean>`model->'publicity'->>'postedOn' <= ${today}`)
    .where(sql<boolean>`model->'publicity'->>'lastDay' >= ${today}`)
    .where('scheme', 'in', PUBLICITY_SCHEMES)
    .orderBy('case_no')
    .executeTakeFirst();
  at(today);
  if (publicity)
    await submitObjection(
      s,
      { noticeId: publicity.id, content: '据了解该户家中有一辆轿车，请核实后再决定。' },
      client,
    );
  // The town answers the oldest complaint.
  const row = await s.db
    .selectFrom('portal_submission')
    .select(['id', 'town_code'])
    .where('tracking_no', '=', first.trackingNo)
    .executeTakeFirstOrThrow();
  const town = await userContext(s, `town${row.town_code?.slice(6, 9)}`, 'demo-portal');
  at(addDays(today, -12));
  await answerSubmission(
    { ...s, sms: smsSenderOf(s) },
    town ?? systemContext(DEMO_COUNTY, 'demo-portal'),
    row.id,
    {
      feedback: '经核实，您的申请已于上周完成入户调查，正在进行家庭经济状况核对，结果将另行告知。',
    },
  );
}
