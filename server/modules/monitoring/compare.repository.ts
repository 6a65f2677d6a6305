import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { RuleCondition } from '../../../contracts/alerts.ts';
import type { DB } from '../../db/schema.ts';
import { fieldType } from './rule-conditions.models.ts';
import { categoryOf, type RuleDef } from './rules.models.ts';

// The comparison's SQL (§7.3 "大数据比对"): one set-based INSERT … SELECT … ON CONFLICT DO NOTHING per
// rule, never a loop per record, so a province-sized feed costs one scan per rule. The alert's
// UNIQUE (county, rule, evidence key) makes a re-run over the same evidence add nothing; a person
// with an alert of the rule still open gets no second one (the newest record per person is taken).
// Each new alert is assigned at once (§7.4 GENERATED → ASSIGNED) and both steps enter its timeline.

type Db = Kysely<DB>;
export type RaiseScope = { county: string; runId: string | null; today: string; dueOn: string; now: Date };

/** The tables a comparison run joins (their statistics are refreshed before it). */
export const COMPARE_TABLES = [
  'person',
  'household',
  'household_member',
  'assistance_case',
  'feed_record',
  'person_category',
  'alert',
] as const;

/**
 * Settings for the rest of the transaction of one set-based step:
 * - no JIT compilation: a rule's estimate (a JSON condition guessed at a third of the feed) crosses
 *   the JIT thresholds, and compiling costs a second per statement while the statement itself, on
 *   the few thousand real candidates, takes less;
 * - 64 MB of sort and hash memory instead of the server's 4 MB default: a county's candidates and
 *   categories (a hundred thousand rows) are sorted in memory instead of in temporary files.
 */
export async function forSetBasedStep(trx: Db): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '64MB'`.execute(trx);
}

const CAST: Record<string, string> = { int: 'bigint', fen: 'bigint', bool: 'boolean', date: 'date' };

/** One condition as SQL over feed_record r; values are bound parameters, never spliced. */
function conditionSql(source: string, c: RuleCondition): RawBuilder<unknown> {
  const type = fieldType(source, c.field) ?? 'text';
  const raw = sql`(r.data->>${c.field}::text)`;
  const cast = CAST[type];
  const expr = cast ? sql`${raw}::${sql.raw(cast)}` : raw;
  if (c.op === 'in') return sql`${expr} = any(${Array.isArray(c.value) ? c.value : [c.value]}::text[])`;
  const v = cast ? sql`${c.value}::${sql.raw(cast)}` : sql`${String(c.value)}::text`;
  const op = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
  return sql`${expr} ${sql.raw(op)} ${v}`;
}

const POPULATION: Record<RuleDef['population'], string> = {
  RECIPIENTS: 'w.case_ref is not null',
  REGISTRY: 'w.person_id is not null',
  NOT_HELPED: 'w.case_ref is null',
  ANYONE: 'true',
};

/** The timeline of the alerts just inserted (CTE `ins`): RAISE and the automatic ASSIGN (§7.4). */
const timeline = (s: RaiseScope, code: string) => sql`
  insert into alert_event (county_code, alert_id, seq, type, on_date, state_before, state_after, actor_id,
    actor_name, actor_role, note, payload, recorded_at)
  select ${s.county}, i.id, t.seq, t.type, ${s.today}::date, t.before, t.after, null, '系统比对', 'system', null,
    case when t.seq = 1 then jsonb_build_object('rule', ${code}::text, 'runId', ${s.runId}::text)
      else jsonb_build_object('level', i.assignee_level, 'code', i.assignee_code) end, ${s.now}
  from ins i cross join (values (1, 'RAISE', 'NEW', 'GENERATED'), (2, 'ASSIGN', 'GENERATED', 'ASSIGNED')) t(seq, type, before, after)`;

/**
 * The rule's open alerts (CTE `open_alert`), read once before the statement inserts. A correlated
 * NOT EXISTS on `alert` in the inserting statement was planned as a scan of alert per candidate
 * (its statistics say empty before a first run), and every scan also walked the pages this very
 * INSERT had appended: quadratic, 2.4 of 3.9 seconds for 16,658 alerts of a million records.
 */
const openAlerts = (s: RaiseScope, code: string, column: 'person_bidx' | 'household_id') => sql`
  open_alert as materialized (
    select a.${sql.raw(column)} from alert a
    where a.county_code = ${s.county} and a.rule_code = ${code} and a.state <> 'CLOSED')`;

const ALERT_COLUMNS =
  sql.raw(`county_code, rule_code, alert_type, category, person_bidx, person_id, household_id,
  case_id, town_code, village_code, assignee_level, assignee_code, state, raised_on, due_on, evidence, evidence_key,
  run_id, created_at, updated_at`);

/** A FIELD_THRESHOLD rule: the feed's records meeting every condition, for the rule's population. */
export async function raiseFieldRule(db: Db, s: RaiseScope, rule: RuleDef): Promise<number> {
  const source = rule.source as string;
  // A record dated after the run's day is not evidence yet (a run dated in the past sees the past).
  const scope = [
    sql`r.county_code = ${s.county}`,
    sql`r.source = ${source}`,
    sql`r.occurred_on <= ${s.today}::date`,
  ];
  if (rule.withinDays !== null) scope.push(sql`r.occurred_on >= ${s.today}::date - ${rule.withinDays}::int`);
  const conditions = rule.conditions.map((c) => conditionSql(source, c));
  // The newest record per person: among those meeting the conditions, or (latestOnly, a status
  // list) the newest of all, which must then meet them itself.
  const newest = (where: RawBuilder<unknown>[]) => sql`
    select distinct on (r.person_bidx) r.person_bidx, r.record_key, r.source, r.occurred_on, r.data
    from feed_record r where ${sql.join(where, sql` and `)}
    order by r.person_bidx, r.occurred_on desc, r.record_key`;
  const candidates = rule.latestOnly
    ? sql`select r.* from (${newest(scope)}) r${conditions.length > 0 ? sql` where ${sql.join(conditions, sql` and `)}` : sql``}`
    : newest([...scope, ...conditions]);
  const r = await sql<{ n: number }>`
    with ${openAlerts(s, rule.code, 'person_bidx')}, cand as (${candidates}), who as (
      select c.*, p.id as person_id, h.id as household_id, h.town_code as h_town, h.village_code as h_village,
        (select pc.source_ref from person_category pc where pc.county_code = ${s.county}
          and pc.person_bidx = c.person_bidx and pc.source = 'CASE' and pc.valid_to is null
          order by pc.valid_from desc limit 1) as case_ref,
        fv.code as f_village, left(ft.code, 9) as f_town
      from cand c
      left join person p on p.county_code = ${s.county} and p.id_number_bidx = c.person_bidx
      left join household_member m on m.county_code = ${s.county} and m.person_id = p.id and m.left_on is null
      left join household h on h.county_code = ${s.county} and h.id = m.household_id
      left join admin_unit fv on fv.code = c.data->>'villageCode' and fv.level = 'village' and fv.county_code = ${s.county}
      left join admin_unit ft on ft.code = left(c.data->>'villageCode', 9) || '000' and ft.level = 'town' and ft.county_code = ${s.county}
    ), ins as (
      insert into alert (${ALERT_COLUMNS})
      select ${s.county}, ${rule.code}, ${rule.alertType}, ${categoryOf(rule.alertType)}, w.person_bidx, w.person_id,
        w.household_id, w.case_ref::uuid, coalesce(w.h_town, w.f_town), coalesce(w.h_village, w.f_village),
        case when coalesce(w.h_village, w.f_village) is not null then 'VILLAGE'
          when w.f_town is not null then 'TOWN' else 'DISTRICT' end,
        coalesce(w.h_village, w.f_village, w.f_town, ${s.county}), 'ASSIGNED', ${s.today}::date, ${s.dueOn}::date,
        jsonb_build_object('source', w.source, 'occurredOn', w.occurred_on, 'fields', w.data,
          'recordKey', encode(w.record_key, 'hex'), 'conditions', ${JSON.stringify(rule.conditions)}::jsonb,
          'withinDays', ${rule.withinDays}::int, 'latestOnly', ${rule.latestOnly}::boolean, 'population', ${rule.population}::text, 'known', w.person_id is not null),
        encode(w.record_key, 'hex'), ${s.runId}::uuid, ${s.now}, ${s.now}
      from who w
      where ${sql.raw(POPULATION[rule.population])}
        and not exists (select 1 from open_alert o where o.person_bidx = w.person_bidx)
      on conflict (county_code, rule_code, evidence_key) do nothing
      returning id, assignee_level, assignee_code
    ), ev as (${timeline(s, rule.code)})
    select count(*)::int as n from ins`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export type Standards = { urbanFen: number; ruralFen: number; edgeNum: number; edgeDen: number };

/**
 * The built-in 对象预警 (§7.4) from the registry's current members and incomes and the county's 低保
 * standard in force (§3.1 strict <; §4 edge below num/den × the standard), per household, in integer
 * fen (sum < standard × n, never a rounded per-capita figure):
 *   LIKELY_ENTER  no open 低保/特困 case, income < standard;
 *   BORDERLINE    no open 低保/特困/边缘 case, standard ≤ income < edge ceiling;
 *   LIKELY_EXIT   an active 低保 household whose income is no longer below the standard.
 */
export async function raiseBuiltin(db: Db, s: RaiseScope, rule: RuleDef, st: Standards): Promise<number> {
  const open = (
    schemes: string[],
  ) => sql`not exists (select 1 from assistance_case c where c.county_code = ${s.county}
    and c.household_id = k.id and c.stage <> 'CLOSED' and c.scheme = any(${schemes}::text[]))`;
  const test =
    rule.kind === 'LIKELY_ENTER'
      ? sql`k.income < k.std * k.n and ${open(['DIBAO', 'DIBAO_SINGLE', 'TEKUN'])}`
      : rule.kind === 'BORDERLINE'
        ? sql`k.income >= k.std * k.n and k.income * ${st.edgeDen}::int8 < k.std * ${st.edgeNum}::int8 * k.n
            and ${open(['DIBAO', 'DIBAO_SINGLE', 'TEKUN', 'DIBAO_EDGE'])}`
        : sql`k.case_id is not null and k.income >= k.std * k.n`;
  const r = await sql<{ n: number }>`
    with ${openAlerts(s, rule.code, 'household_id')}, hh as (
      select h.id, h.town_code, h.village_code, h.urban_rural, count(*)::int8 as n,
        coalesce(sum(p.monthly_income_fen), 0)::int8 as income,
        coalesce(h.head_person_id, (array_agg(p.id order by m.joined_on, p.id))[1]) as head_id
      from household h
      join household_member m on m.county_code = h.county_code and m.household_id = h.id and m.left_on is null
      join person p on p.county_code = m.county_code and p.id = m.person_id and p.deceased_on is null
      where h.county_code = ${s.county} and h.status = 'active'
      group by h.county_code, h.id
    ), k as (
      select hh.*, (case when hh.urban_rural = 'urban' then ${st.urbanFen} else ${st.ruralFen} end)::int8 as std,
        (select c.id from assistance_case c where c.county_code = ${s.county} and c.household_id = hh.id
          and c.stage = 'ACTIVE' and c.scheme = 'DIBAO' order by c.created_at limit 1) as case_id
      from hh
    ), ins as (
      insert into alert (${ALERT_COLUMNS})
      select ${s.county}, ${rule.code}, ${rule.alertType}, ${categoryOf(rule.alertType)}, p.id_number_bidx, p.id, k.id,
        ${rule.kind === 'LIKELY_EXIT' ? sql`k.case_id` : sql`null::uuid`}, k.town_code, k.village_code, 'VILLAGE', k.village_code,
        'ASSIGNED', ${s.today}::date, ${s.dueOn}::date,
        jsonb_build_object('source', 'REGISTRY', 'occurredOn', ${s.today}::date, 'fields', jsonb_build_object(
          'members', k.n, 'incomeFen', k.income, 'standardFen', k.std, 'area', k.urban_rural,
          'edgeCeilingFen', k.std * ${st.edgeNum}::int8 / ${st.edgeDen}::int8), 'known', true),
        k.id::text || ':' || k.n || ':' || k.income || ':' || k.std, ${s.runId}::uuid, ${s.now}, ${s.now}
      from k join person p on p.county_code = ${s.county} and p.id = k.head_id
      where ${test}
        and not exists (select 1 from open_alert o where o.household_id = k.id)
      on conflict (county_code, rule_code, evidence_key) do nothing
      returning id, assignee_level, assignee_code
    ), ev as (${timeline(s, rule.code)})
    select count(*)::int as n from ins`.execute(db);
  return r.rows[0]?.n ?? 0;
}
