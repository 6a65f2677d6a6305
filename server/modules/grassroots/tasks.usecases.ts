import { sql } from 'kysely';
import type { TaskView } from '../../../contracts/grassroots.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { addMonths } from '../../rules/calendar.ts';
import * as repo from './grassroots.repository.ts';
import { type Deps, postView } from './roster.usecases.ts';

// An assistant's task list now (§9.6 duties: regular visits, verifying alerts; §7.4 assign → village
// coordinator): the periodic reviews of the village's active cases due within a month (the same
// horizon as the REVIEW_DUE reminders, cases/reminders.usecases.ts) or overdue, the open alerts
// assigned to the village, and the trainings to come. Village assistants see their own village;
// towns and the district see any of their villages and a per-village summary.

const REVIEW_AHEAD_MONTHS = 1;

export async function tasksOf(deps: Deps, ctx: RequestContext, villageCode?: string): Promise<TaskView> {
  requirePermission(ctx.actor, 'assistants.read');
  const county = ctx.actor.countyCode;
  const village = ctx.actor.role === 'village_assistant' ? ctx.actor.jurisdictionCode : villageCode;
  if (village?.length !== 12 || !withinJurisdiction(ctx.actor, village))
    throw errors.notFound('村（社区）', 'The village', 'assistants.village_not_found');
  const today = shanghaiDateOf(deps.clock.now());
  const scope: repo.Scope = { county, column: 'village_code', value: village };
  const [post, reviews, alerts, trainings] = await Promise.all([
    repo.postsOn(deps.db, scope, today).then((p) => p[0] ?? null),
    deps.db
      .selectFrom('assistance_case')
      .select(['id', 'case_no', 'scheme', 'next_review_on'])
      .where('county_code', '=', county)
      .where('village_code', '=', village)
      .where('stage', '=', 'ACTIVE')
      .where('next_review_on', '<=', addMonths(today, REVIEW_AHEAD_MONTHS))
      .orderBy('next_review_on')
      .limit(200)
      .execute(),
    deps.db
      .selectFrom('alert')
      .select(['id', 'alert_type', 'due_on', 'state', 'verified_on'])
      .where('county_code', '=', county)
      .where('assignee_level', '=', 'VILLAGE')
      .where('assignee_code', '=', village)
      .where('state', '<>', 'CLOSED')
      .orderBy('due_on')
      .limit(200)
      .execute(),
    repo.listSessions(deps.db, scope, today, '2999-12-31'),
  ]);
  return {
    post: post ? postView(post) : null,
    reviewsDue: reviews.map((c) => ({
      caseId: c.id,
      caseNo: c.case_no,
      scheme: c.scheme,
      dueOn: c.next_review_on as string,
      overdue: (c.next_review_on as string) < today,
    })),
    alertsOpen: alerts.map((a) => ({
      alertId: a.id,
      alertType: a.alert_type,
      dueOn: a.due_on,
      state: a.state,
      overdue: a.verified_on === null && a.due_on < today,
    })),
    trainingsUpcoming: trainings
      .map((t) => ({ id: t.id, title: t.title, heldOn: t.held_on, place: t.place }))
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn)),
  };
}

/** Per village in the caller's jurisdiction: the current holder and the open items, in one statement. */
export async function taskSummary(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx.actor, 'assistants.manage');
  const s = repo.scopeOf(ctx.actor);
  const today = shanghaiDateOf(deps.clock.now());
  const horizon = addMonths(today, REVIEW_AHEAD_MONTHS);
  const r = await sql<{
    village_code: string;
    village_name: string;
    post_id: string | null;
    holder_name: string | null;
    reviews_due: number;
    reviews_overdue: number;
    alerts_open: number;
    alerts_overdue: number;
  }>`
    select v.code as village_code, v.name as village_name, p.id as post_id, p.holder_name,
      coalesce(c.due, 0) as reviews_due, coalesce(c.overdue, 0) as reviews_overdue,
      coalesce(a.open, 0) as alerts_open, coalesce(a.overdue, 0) as alerts_overdue
    from admin_unit v
    left join assistant_post p on p.county_code = ${s.county} and p.village_code = v.code and p.to_on is null
    left join (select village_code, count(*)::int as due,
        (count(*) filter (where next_review_on < ${today}::date))::int as overdue
      from assistance_case where county_code = ${s.county} and stage = 'ACTIVE' and next_review_on <= ${horizon}::date
      group by village_code) c on c.village_code = v.code
    left join (select assignee_code, count(*)::int as open,
        (count(*) filter (where verified_on is null and due_on < ${today}::date))::int as overdue
      from alert where county_code = ${s.county} and assignee_level = 'VILLAGE' and state <> 'CLOSED'
      group by assignee_code) a on a.assignee_code = v.code
    where v.county_code = ${s.county} and v.level = 'village' and v.valid_to is null
      and v.code like ${`${ctx.actor.jurisdictionCode}%`}
    order by v.code`.execute(deps.db);
  return r.rows.map((x) => ({
    villageCode: x.village_code,
    villageName: x.village_name,
    postId: x.post_id,
    holderName: x.holder_name,
    reviewsDue: x.reviews_due,
    reviewsOverdue: x.reviews_overdue,
    alertsOpen: x.alerts_open,
    alertsOverdue: x.alerts_overdue,
  }));
}
