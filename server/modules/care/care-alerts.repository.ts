import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addWorkingDays, DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { ensureDefaultRules } from '../monitoring/rules.repository.ts';

// Care alerts through the monitoring alert table (§7.4 machine; §9.6 the village assistant visits):
// CARE_MISSED_VISIT (a covered person got fewer visits than the plan in a month) and
// CARE_HEALTH_EVENT (a carer reported a health event). Assigned to the person's village assistant
// (assignee VILLAGE = village code) with the town code set, so the town sees them too and overdue
// ones escalate to it. The alert's UNIQUE (county, rule, evidence key) makes raising idempotent:
// the evidence key is the coverage and month, or the visit.

type Db = Kysely<DB> | Transaction<DB>;

export const MISSED_RULE = 'CARE_MISSED_VISIT';
export const HEALTH_RULE = 'CARE_HEALTH_EVENT';

const ALERT_COLUMNS =
  sql.raw(`county_code, rule_code, alert_type, category, person_bidx, person_id, household_id,
  case_id, town_code, village_code, assignee_level, assignee_code, state, raised_on, due_on, evidence, evidence_key,
  run_id, created_at, updated_at`);

/** The rule if enabled, with its due date from today (its SLA in working days, §2.1). */
async function ruleDue(db: Db, county: string, code: string, today: string, now: Date) {
  await ensureDefaultRules(db, county, now);
  const r = await db
    .selectFrom('alert_rule')
    .select(['sla_wd', 'enabled', 'alert_type', 'category'])
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!r?.enabled) return null;
  return { ...r, dueOn: addWorkingDays(today, r.sla_wd, DEFAULT_CALENDAR) };
}

/** Inserts the alerts selected by `source` (columns w.*) with their RAISE and ASSIGN timeline. */
async function insertAlerts(
  db: Db,
  s: { county: string; code: string; today: string; now: Date },
  rule: { alert_type: string; category: string; dueOn: string },
  source: RawBuilder<unknown>,
) {
  const r = await sql<{ n: number }>`
    with w as (${source}), ins as (
      insert into alert (${ALERT_COLUMNS})
      select ${s.county}, ${s.code}, ${rule.alert_type}, ${rule.category}, p.id_number_bidx, w.person_id, c.household_id,
        w.case_id, w.town_code, w.village_code, 'VILLAGE', w.village_code, 'ASSIGNED', ${s.today}::date,
        ${rule.dueOn}::date, w.evidence, w.evidence_key, null, ${s.now}, ${s.now}
      from w
      join person p on p.county_code = ${s.county} and p.id = w.person_id
      join assistance_case c on c.county_code = ${s.county} and c.id = w.case_id
      on conflict (county_code, rule_code, evidence_key) do nothing
      returning id, assignee_level, assignee_code
    ), ev as (
      insert into alert_event (county_code, alert_id, seq, type, on_date, state_before, state_after, actor_id,
        actor_name, actor_role, note, payload, recorded_at)
      select ${s.county}, i.id, t.seq, t.type, ${s.today}::date, t.before, t.after, null, '照护服务监测', 'system', null,
        case when t.seq = 1 then jsonb_build_object('rule', ${s.code}::text)
          else jsonb_build_object('level', i.assignee_level, 'code', i.assignee_code) end, ${s.now}
      from ins i cross join (values (1, 'RAISE', 'NEW', 'GENERATED'), (2, 'ASSIGN', 'GENERATED', 'ASSIGNED'))
        t(seq, type, before, after)
    )
    select count(*)::int as n from ins`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** A health event reported on a visit: one alert, raised in the visit's transaction. */
export async function raiseHealthAlert(db: Db, county: string, visitId: string, today: string, now: Date) {
  const rule = await ruleDue(db, county, HEALTH_RULE, today, now);
  if (!rule) return 0;
  return insertAlerts(
    db,
    { county, code: HEALTH_RULE, today, now },
    rule,
    sql`select v.person_id, v.case_id, v.town_code, v.village_code, v.id::text as evidence_key,
        jsonb_build_object('source', 'CARE_VISIT', 'occurredOn', v.visit_on, 'visitId', v.id, 'note', v.health_note,
          'provider', pr.name, 'staff', st.name, 'known', true) as evidence
      from care_visit v
      join care_provider pr on pr.county_code = v.county_code and pr.id = v.provider_id
      join care_provider_staff st on st.county_code = v.county_code and st.id = v.staff_id
      where v.county_code = ${county} and v.id = ${visitId}::uuid and v.health_event`,
  );
}

/**
 * Missed visits in `month` (YYYY-MM-01), set-based: every coverage of an active contract in force
 * during the month whose visits of at least the plan's minutes are fewer than the plan requires pro
 * rata to the days covered (care.models requiredVisits, here in SQL). One alert per coverage and month.
 */
export async function raiseMissedVisits(db: Db, county: string, month: string, today: string, now: Date) {
  const rule = await ruleDue(db, county, MISSED_RULE, today, now);
  if (!rule) return 0;
  const m = sql`${month}::date`;
  const end = sql`(${m} + interval '1 month' - interval '1 day')::date`;
  return insertAlerts(
    db,
    { county, code: MISSED_RULE, today, now },
    rule,
    sql`select x.person_id, x.case_id, x.town_code, x.village_code, x.id::text || ':' || to_char(${m}, 'YYYY-MM') as evidence_key,
        jsonb_build_object('source', 'CARE_VISITS', 'occurredOn', ${end}, 'month', to_char(${m}, 'YYYY-MM'),
          'contractNo', k.contract_no, 'provider', pr.name, 'requiredVisits', q.required, 'countedVisits', q.counted,
          'minMinutes', pl.min_minutes, 'known', true) as evidence
      from care_contract_person x
      join care_contract k on k.county_code = x.county_code and k.id = x.contract_id and k.status = 'ACTIVE'
      join care_provider pr on pr.county_code = k.county_code and pr.id = k.provider_id
      join care_plan pl on pl.county_code = x.county_code and pl.coverage_id = x.id
      cross join lateral (
        select (pl.visits_per_month * d.covered + d.days - 1) / d.days as required,
          (select count(*) from care_visit v where v.county_code = x.county_code and v.coverage_id = x.id
            and v.visit_on between greatest(x.from_on, ${m}) and least(x.to_on, ${end})
            and v.minutes >= pl.min_minutes) as counted
        from (select (least(x.to_on, ${end}) - greatest(x.from_on, ${m}) + 1) as covered,
          (${end} - ${m} + 1) as days) d) q
      where x.county_code = ${county} and x.from_on <= ${end} and x.to_on >= ${m} and q.counted < q.required`,
  );
}
