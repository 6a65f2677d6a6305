import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { JobDefinition, JobRunner } from '../../platform/jobs.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { addMonths, addWorkingDays, DEFAULT_CALENDAR } from '../../rules/calendar.ts';

// The daily reminder run (§3.6 time limits, §3.9 review schedules): raises a reminder for every
// open case past its deadline or within two working days of it, and for every active case whose
// periodic review falls due within a month. Set-based and idempotent per (case, kind, due date).

export const REMINDERS_JOB = 'cases.reminders';
const SOON_WD = 2;
const REVIEW_AHEAD_MONTHS = 1;

export async function raiseReminders(db: Database, countyCode: string, today: string) {
  const soon = addWorkingDays(today, SOON_WD, DEFAULT_CALENDAR);
  const reviewBy = addMonths(today, REVIEW_AHEAD_MONTHS);
  const r = await sql<{ kind: string; n: number }>`
    with due as (
      select id, town_code, village_code, deadline as due_on,
        case when deadline < ${today}::date then 'OVERDUE' else 'DUE_SOON' end as kind
      from assistance_case
      where county_code = ${countyCode} and stage <> 'CLOSED' and deadline is not null and deadline <= ${soon}::date
      union all
      select id, town_code, village_code, next_review_on, 'REVIEW_DUE'
      from assistance_case
      where county_code = ${countyCode} and stage = 'ACTIVE' and next_review_on is not null
        and next_review_on <= ${reviewBy}::date
    ), ins as (
      insert into case_reminder (county_code, case_id, kind, due_on, raised_on, town_code, village_code)
      select ${countyCode}, id, kind, due_on, ${today}::date, town_code, village_code from due
      on conflict (county_code, case_id, kind, due_on) do nothing
      returning kind
    )
    select kind, count(*)::int as n from ins group by kind`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.kind, x.n])) as Record<string, number>;
}

export function remindersJob(s: { db: Database; clock: Clock }): JobDefinition<{ date: string }> {
  return {
    name: REMINDERS_JOB,
    payload: z.object({ date: z.iso.date() }),
    async handler(job, p) {
      void job.progress({ done: 0, total: 1, message: '生成时限提醒 raising reminders' });
      const raised = await raiseReminders(s.db, job.countyCode, p.date);
      void job.progress({ done: 1, total: 1 });
      return { date: p.date, raised };
    },
  };
}

/** Enqueues today's run for every county (idempotent: one run per county and day). */
export async function scheduleReminders(s: { db: Database; clock: Clock; jobs: Pick<JobRunner, 'enqueue'> }) {
  const today = shanghaiDateOf(s.clock.now());
  const counties = await s.db.selectFrom('admin_unit').select('county_code').distinct().execute();
  for (const c of counties)
    await s.jobs.enqueue({
      name: REMINDERS_JOB,
      countyCode: c.county_code,
      scope: c.county_code,
      period: today,
      payload: { date: today },
      createdBy: null,
    });
}

/** The reminders still standing in the caller's jurisdiction: the case is open and the date unchanged. */
export async function listReminders(
  deps: { db: Database },
  ctx: RequestContext,
  page: { offset: number; limit: number },
) {
  requirePermission(ctx.actor, 'cases.read');
  const where = jurisdictionFilter(ctx.actor);
  const base = deps.db
    .selectFrom('case_reminder as r')
    .innerJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'r.county_code').onRef('c.id', '=', 'r.case_id'),
    )
    .where('r.county_code', '=', ctx.actor.countyCode)
    .where(`r.${where.column}`, '=', where.value)
    .where('c.stage', '<>', 'CLOSED')
    .where((eb) =>
      eb.or([
        eb.and([eb('r.kind', '=', 'REVIEW_DUE'), eb('c.next_review_on', '=', eb.ref('r.due_on'))]),
        eb.and([eb('r.kind', '<>', 'REVIEW_DUE'), eb('c.deadline', '=', eb.ref('r.due_on'))]),
      ]),
    );
  const [rows, total] = await Promise.all([
    base
      .select([
        'r.id',
        'r.kind',
        'r.due_on',
        'r.raised_on',
        'c.id as case_id',
        'c.case_no',
        'c.scheme',
        'c.state',
        'c.village_code',
      ])
      .orderBy('r.due_on')
      .orderBy('r.raised_on')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      dueOn: r.due_on,
      raisedOn: r.raised_on,
      caseId: r.case_id,
      caseNo: r.case_no,
      scheme: r.scheme,
      state: r.state,
      villageCode: r.village_code,
    })),
  };
}
