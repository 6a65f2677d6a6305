import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from './grassroots.repository.ts';

// The automatic metrics of the monthly assessment (§9.6 auto_metrics; §7.3 "village assistants
// visit regularly", §7.4 alert verification), computed set-based from the records for every post in
// office on the month's last day (the holder at the month's end is assessed for the month). A month
// is assessed only after it has ended, so every due date in it has passed and the counts are final.
//
// - Reviews (visits) due: the periodic reviews of the village's active cases that fell due in the
//   month (§3.9; S1 Art.31). A due date is either a REVIEW_DUE reminder the daily job raised
//   (case_reminder keeps past due dates) or the case's current next_review_on. On time when the
//   case's timeline has a review or visit entry dated from one month before the due date (when the
//   reminder is raised) up to the due date; otherwise late.
// - Alerts: alerts of the village that were the village's to verify (§7.4 assign → village
//   coordinator), due in the month: assigned to the village now, or escalated from it (an alert
//   escalated from the village sits at the town). On time when verified by the due date (the same
//   rule as the monitoring dashboard's on-time rate); late otherwise.
// - Data-quality errors: 数据完整性预警 (DATA_INTEGRITY alerts) raised in the month on the village's
//   records, plus officials' corrections (§2.5) approved in the month with cause SUBJECTIVE (主观过错)
//   on the village's cases.
// - Complaints: substantiated complaints against the post received in the month (assistant_complaint;
//   the portal's 12349 complaints will add to it when they exist).

/** Timeline entries that are a review or a home/neighbour visit (START_REVIEW and its outcomes). */
export const REVIEW_EVENTS = [
  'START_REVIEW',
  'COMPLETE_REVIEW_NO_CHANGE',
  'CHANGE_AMOUNT',
  'RECORD_INVESTIGATION',
  'RECORD_NEIGHBOUR_VISIT',
] as const;

/**
 * Writes the month's DRAFT assessments with fresh metrics for the posts in scope; CONFIRMED rows keep
 * theirs (a confirmed month does not move when late records arrive). Returns how many were written.
 */
export async function upsertMonthMetrics(
  trx: Transaction<DB>,
  s: Scope,
  month: { first: string; last: string },
  weights: Record<string, number>,
  at: Date,
): Promise<number> {
  const { first, last } = month;
  const county = s.county;
  const r = await sql<{ n: number }>`
    with posts as (
      select p.id, p.town_code, p.village_code from assistant_post p
      where p.county_code = ${county} and ${sql.ref(`p.${s.column}`)} = ${s.value}
        and p.from_on <= ${last}::date and (p.to_on is null or p.to_on >= ${last}::date)
    ), due as (
      select r.case_id, r.due_on from case_reminder r
      where r.county_code = ${county} and r.kind = 'REVIEW_DUE' and r.due_on between ${first}::date and ${last}::date
      union
      select c.id, c.next_review_on from assistance_case c
      where c.county_code = ${county} and c.stage = 'ACTIVE' and c.next_review_on between ${first}::date and ${last}::date
    ), reviews as (
      select c.village_code,
        count(*) filter (where x.done)::int as on_time, count(*) filter (where not x.done)::int as late
      from due d
      join assistance_case c on c.county_code = ${county} and c.id = d.case_id
      cross join lateral (select exists (
        select 1 from case_event e where e.county_code = ${county} and e.case_id = d.case_id
          and e.type in (${sql.join(REVIEW_EVENTS.map((t) => sql.lit(t)))})
          and e.on_date between (d.due_on - interval '1 month')::date and d.due_on) as done) x
      group by c.village_code
    ), alerts as (
      select a.village_code,
        count(*) filter (where a.verified_on is not null and a.verified_on <= a.due_on)::int as on_time,
        count(*) filter (where a.verified_on is null or a.verified_on > a.due_on)::int as late
      from alert a
      where a.county_code = ${county} and a.due_on between ${first}::date and ${last}::date
        and a.village_code is not null
        and ((a.assignee_level = 'VILLAGE' and a.assignee_code = a.village_code)
          or (a.assignee_level = 'TOWN' and a.escalated_on is not null))
      group by a.village_code
    ), integrity as (
      select a.village_code, count(*)::int as n from alert a
      where a.county_code = ${county} and a.alert_type = 'DATA_INTEGRITY'
        and a.raised_on between ${first}::date and ${last}::date and a.village_code is not null
      group by a.village_code
    ), corrections as (
      select c.village_code, count(*)::int as n from decision_correction d
      join assistance_case c on c.county_code = d.county_code and c.id = d.case_id
      where d.county_code = ${county} and d.status = 'APPROVED' and d.cause = 'SUBJECTIVE'
        and (d.decided_at at time zone 'Asia/Shanghai')::date between ${first}::date and ${last}::date
      group by c.village_code
    ), complaints as (
      select k.post_id, count(*)::int as n from assistant_complaint k
      where k.county_code = ${county} and k.substantiated
        and k.received_on between ${first}::date and ${last}::date
      group by k.post_id
    ), ins as (
      insert into monthly_assessment (county_code, post_id, month, town_code, village_code, reviews_on_time,
        reviews_late, alerts_on_time, alerts_late, dq_integrity_alerts, dq_corrections, complaints, metrics_at, weights)
      select ${county}, p.id, ${first}::date, p.town_code, p.village_code, coalesce(rv.on_time, 0), coalesce(rv.late, 0),
        coalesce(al.on_time, 0), coalesce(al.late, 0), coalesce(ig.n, 0), coalesce(co.n, 0), coalesce(k.n, 0),
        ${at}, ${JSON.stringify(weights)}::jsonb
      from posts p
      left join reviews rv on rv.village_code = p.village_code
      left join alerts al on al.village_code = p.village_code
      left join integrity ig on ig.village_code = p.village_code
      left join corrections co on co.village_code = p.village_code
      left join complaints k on k.post_id = p.id
      on conflict (county_code, post_id, month) do update set
        reviews_on_time = excluded.reviews_on_time, reviews_late = excluded.reviews_late,
        alerts_on_time = excluded.alerts_on_time, alerts_late = excluded.alerts_late,
        dq_integrity_alerts = excluded.dq_integrity_alerts, dq_corrections = excluded.dq_corrections,
        complaints = excluded.complaints, metrics_at = excluded.metrics_at, weights = excluded.weights
      where monthly_assessment.status = 'DRAFT'
      returning 1
    )
    select count(*)::int as n from ins`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/** Writes totals and ranks computed by the pure model, in one statement. */
export async function writeTotalsAndRanks(
  trx: Transaction<DB>,
  county: string,
  first: string,
  rows: { postId: string; total: number | null; rankTown: number | null; rankDistrict: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update monthly_assessment m set total_centi = u.total, rank_town = u.rank_town, rank_district = u.rank_district
    from unnest(${rows.map((r) => r.postId)}::uuid[], ${rows.map((r) => r.total)}::int[],
      ${rows.map((r) => r.rankTown)}::int[], ${rows.map((r) => r.rankDistrict)}::int[])
      as u(post_id, total, rank_town, rank_district)
    where m.county_code = ${county} and m.month = ${first}::date and m.post_id = u.post_id`.execute(trx);
}
