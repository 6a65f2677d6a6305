import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SIGNED_AMOUNT } from '../cases/reserve-fund.repository.ts';
import { ADULT_AGE, ELDERLY_AGE, EMPLOYMENT_VALUES, TEKUN_AGE_BANDS } from './stats.models.ts';
import { dateParam, decidedCases, inScope, onRollsAt, type StatsScope } from './stats.repository.ts';

// SQL of the registry-based columns (reports A, B, D) and the temporary-assistance events (C).
// Person attributes are read only from plain columns (sex, birth date, disability category and
// grade, self-care level, employment, education); sealed personal fields are never touched.

type Db = Kysely<DB>;

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );
const age = (d: ReturnType<typeof dateParam>) => sql`extract(year from age(${d}, p.birth_date))::int`;

/** Members of a household at D (joined on or before, not left by then). */
/**
 * A member of the household at D. Members registered with the household (joined on the day it was
 * registered or imported) were its members before the registry knew them, so they count from then
 * back; members who joined later count from the day they joined.
 */
/** Member `m` belonged at D (a member imported with the household counts from its creation). */
const memberOnDate = (d: ReturnType<typeof dateParam>) =>
  sql`(m.joined_on <= ${d} or m.joined_on <= (select (h.created_at at time zone 'Asia/Shanghai')::date
      from household h where h.county_code = m.county_code and h.id = m.household_id))
    and (m.left_on is null or m.left_on > ${d})`;
const memberAt = (d: ReturnType<typeof dateParam>) =>
  sql`m.county_code = r.county_code and m.household_id = r.household_id and ${memberOnDate(d)}`;

export type DibaoProfileRow = {
  town_code: string;
  area: 'urban' | 'rural';
  women: number;
  disabled: number;
  elderly: number;
  employed: number;
  flexible: number;
  registered_unemployed: number;
  unregistered_unemployed: number;
  students: number;
  minors_other: number;
  registry_persons: number;
  single_severe_disability: number;
  single_serious_illness: number;
};

/** Report A "by category": the registry's persons covered by 低保 cases on the rolls at D. */
export async function dibaoProfile(db: Db, s: StatsScope, asOf: string): Promise<DibaoProfileRow[]> {
  const d = dateParam(asOf);
  const a = age(d);
  const E = EMPLOYMENT_VALUES;
  const adult = sql`${a} >= ${ADULT_AGE} and ${a} < ${ELDERLY_AGE}`;
  const r = await sql<DibaoProfileRow>`
    with k as (${decidedCases(s, ['DIBAO', 'DIBAO_SINGLE'])}),
    r as (select * from k where ${onRollsAt('k', d)}),
    p as (
      select r.town_code, r.area, r.scheme, p.* from r
      join household_member m on ${memberAt(d)} and (r.scheme = 'DIBAO' or m.person_id = r.subject_person_id)
      join person p on p.county_code = m.county_code and p.id = m.person_id
    )
    select p.town_code, p.area,
      (count(*) filter (where p.sex = 2))::int as women,
      (count(*) filter (where p.disability_category is not null))::int as disabled,
      (count(*) filter (where ${a} >= ${ELDERLY_AGE}))::int as elderly,
      (count(*) filter (where ${adult} and p.employment_status in (${list(E.employed)})))::int as employed,
      (count(*) filter (where ${adult} and p.employment_status in (${list(E.flexible)})))::int as flexible,
      (count(*) filter (where ${adult} and p.employment_status in (${list(E.registeredUnemployed)})))::int
        as registered_unemployed,
      (count(*) filter (where ${adult} and p.employment_status in (${list(E.unregisteredUnemployed)})))::int
        as unregistered_unemployed,
      (count(*) filter (where ${a} < ${ADULT_AGE} and p.in_fulltime_education))::int as students,
      (count(*) filter (where ${a} < ${ADULT_AGE} and not p.in_fulltime_education))::int as minors_other,
      count(*)::int as registry_persons,
      (count(*) filter (where p.scheme = 'DIBAO_SINGLE' and p.disability_grade in (1, 2)))::int
        as single_severe_disability,
      -- 重病: on the health commission's serious-illness list (卫健重病患者名单, §8.2) by D.
      (count(*) filter (where p.scheme = 'DIBAO_SINGLE' and exists (select 1 from feed_record f
        where f.county_code = p.county_code and f.source = 'SERIOUS_ILLNESS'
          and f.person_bidx = p.id_number_bidx and f.occurred_on <= ${d})))::int as single_serious_illness
    from p group by p.town_code, p.area`.execute(db);
  return r.rows;
}

export type TekunProfileRow = {
  town_code: string;
  area: 'urban' | 'rural';
  persons: number;
  self_care: number;
  partial_loss: number;
  full_loss: number;
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  women: number;
  severe_disability: number;
  mental: number;
};

/** Report B: 特困 persons on the rolls at D by self-care level (entitlement at D), age band, groups. */
export async function tekunProfile(db: Db, s: StatsScope, asOf: string): Promise<TekunProfileRow[]> {
  const d = dateParam(asOf);
  const a = age(d);
  const [b1, b2, b3] = TEKUN_AGE_BANDS;
  const r = await sql<TekunProfileRow>`
    with k as (${decidedCases(s, ['TEKUN'])}),
    r as (select * from k where ${onRollsAt('k', d)}),
    p as (
      select r.town_code, r.area, p.sex, p.birth_date, p.disability_category, p.disability_grade,
        coalesce((select en.care_level from entitlement en where en.county_code = r.county_code
          and en.case_id = r.id and en.effective_from <= ${d} order by en.version desc limit 1),
          (select en.care_level from entitlement en where en.county_code = r.county_code
          and en.case_id = r.id order by en.version asc limit 1), p.self_care_level) as care
      from r join person p on p.county_code = r.county_code and p.id = r.subject_person_id
    )
    select p.town_code, p.area, count(*)::int as persons,
      (count(*) filter (where p.care = 'SELF_CARE'))::int as self_care,
      (count(*) filter (where p.care = 'PARTIAL_LOSS'))::int as partial_loss,
      (count(*) filter (where p.care = 'FULL_LOSS'))::int as full_loss,
      (count(*) filter (where ${a} < ${b1}))::int as band0,
      (count(*) filter (where ${a} >= ${b1} and ${a} < ${b2}))::int as band1,
      (count(*) filter (where ${a} >= ${b2} and ${a} < ${b3}))::int as band2,
      (count(*) filter (where ${a} >= ${b3}))::int as band3,
      (count(*) filter (where p.sex = 2))::int as women,
      (count(*) filter (where p.disability_grade in (1, 2)))::int as severe_disability,
      (count(*) filter (where p.disability_category = 6))::int as mental
    from p group by p.town_code, p.area`.execute(db);
  return r.rows;
}

export type TempRow = {
  town_code: string;
  village_code: string;
  month: string;
  kind: 'TEMP_URGENT' | 'TEMP_EXPENDITURE';
  events: number;
  households: number;
  amount_fen: number;
  first_aid: number;
  first_aid_fen: number;
  follow_up_fen: number;
  non_local: number;
  township: number;
  district: number;
  of_dibao: number;
  of_tekun: number;
  of_edge: number;
};

/**
 * Temporary assistance, one record per payment event (人次): PAY_FIRST_AID of urgent cases and
 * DISBURSE of expenditure cases dated inside [from, to]; FOLLOW_UP payments add to the amount only.
 * The status (低保 / 特困 / 边缘) is the household's cases on the rolls at the event date.
 */
export async function temporaryEvents(db: Db, s: StatsScope, from: string, to: string): Promise<TempRow[]> {
  const roll = (schemes: readonly string[]) => sql`exists (
    select 1 from (${decidedCases({ county: s.county, column: 'county_code', value: s.county }, schemes)}) h
    where h.household_id = x.household_id and h.decided_on <= x.on_date and (h.ended_on is null or h.ended_on > x.on_date))`;
  const r = await sql<TempRow>`
    with x as (
      select c.county_code, c.id, c.town_code, c.village_code, c.scheme, c.household_id, c.model, e.type, e.on_date,
        coalesce((e.payload ->> 'amountFen')::int8, 0) as amount_fen
      from assistance_case c join case_event e on e.county_code = c.county_code and e.case_id = c.id
      where c.county_code = ${s.county} and ${sql.ref(`c.${s.column}`)} = ${s.value}
        and ((c.scheme = 'TEMP_URGENT' and e.type in ('PAY_FIRST_AID', 'FOLLOW_UP'))
          or (c.scheme = 'TEMP_EXPENDITURE' and e.type = 'DISBURSE'))
        and e.on_date between ${from}::date and ${to}::date
    ),
    y as (
      select x.*, x.type <> 'FOLLOW_UP' as counted,
        ${roll(['DIBAO', 'DIBAO_SINGLE'])} as of_dibao, ${roll(['TEKUN'])} as of_tekun,
        ${roll(['DIBAO_EDGE'])} as of_edge
      from x
    )
    select y.town_code, y.village_code, to_char(y.on_date, 'YYYY-MM') as month, y.scheme as kind,
      (count(*) filter (where counted))::int as events,
      (count(*) filter (where counted and y.household_id is not null))::int as households,
      coalesce(sum(y.amount_fen), 0)::int8 as amount_fen,
      (count(*) filter (where y.type = 'PAY_FIRST_AID'))::int as first_aid,
      coalesce(sum(y.amount_fen) filter (where y.type = 'PAY_FIRST_AID'), 0)::int8 as first_aid_fen,
      coalesce(sum(y.amount_fen) filter (where y.type = 'FOLLOW_UP'), 0)::int8 as follow_up_fen,
      (count(*) filter (where counted and coalesce((y.model ->> 'nonLocalHukou')::boolean, false)))::int as non_local,
      (count(*) filter (where counted and (y.scheme = 'TEMP_URGENT' or y.model ->> 'approvedBy' = 'TOWNSHIP')))::int
        as township,
      (count(*) filter (where counted and y.scheme = 'TEMP_EXPENDITURE'
        and coalesce(y.model ->> 'approvedBy', '') <> 'TOWNSHIP'))::int as district,
      (count(*) filter (where counted and y.of_dibao))::int as of_dibao,
      (count(*) filter (where counted and y.of_tekun))::int as of_tekun,
      (count(*) filter (where counted and y.of_edge and not y.of_dibao and not y.of_tekun))::int as of_edge
    from y group by y.town_code, y.village_code, to_char(y.on_date, 'YYYY-MM'), y.scheme`.execute(db);
  return r.rows.map((x) => ({
    ...x,
    amount_fen: Number(x.amount_fen),
    first_aid_fen: Number(x.first_aid_fen),
    follow_up_fen: Number(x.follow_up_fen),
  }));
}

/** Referrals (REFER events of urgent cases) inside [from, to], by town. */
export async function referrals(db: Db, s: StatsScope, from: string, to: string) {
  const r = await sql<{ town_code: string; n: number }>`
    select c.town_code, count(*)::int as n from assistance_case c
    join case_event e on e.county_code = c.county_code and e.case_id = c.id and e.type = 'REFER'
    where c.county_code = ${s.county} and ${sql.ref(`c.${s.column}`)} = ${s.value}
      and e.on_date between ${from}::date and ${to}::date
    group by c.town_code`.execute(db);
  return r.rows;
}

/** The reserve-fund balance of each town at the end of D, by the ledger's rule (SIGNED_AMOUNT). */
export async function reserveBalances(db: Db, s: StatsScope, asOf: string) {
  const town = s.column === 'county_code' ? null : s.value.slice(0, 9);
  const r = await sql<{ town_code: string; b: number }>`
    select town_code,
      coalesce(sum(${SIGNED_AMOUNT}), 0)::int8 as b
    from reserve_fund_entry where county_code = ${s.county} and on_date <= ${asOf}::date
      and (${town}::text is null or town_code = ${town}::text)
    group by town_code`.execute(db);
  return r.rows.map((x) => ({ town_code: x.town_code, balance_fen: Number(x.b) }));
}

export type LowIncomeRow = {
  town_code: string;
  category: string;
  households: number;
  persons: number;
};

/** The §7.1 categories only the monitoring register knows (department lists, not caseload). */
const FEED_CATEGORIES = ['RURAL_REVITALIZATION_MONITORED', 'ILLNESS_IMPOVERISHED', 'OTHER'] as const;

/**
 * Report D and the monitored count: members at D of households with a case on the rolls at D, per
 * category, plus the persons the monitoring register (person_category, §7.1) held at D in a
 * department-list category (防返贫监测对象, 因病致贫, 其他) — known to the registry or not — and
 * everyone de-duplicated over all categories ('ALL'), by town. A person in two categories is one
 * person in 'ALL'; a person the registry does not know is told apart by the blind index.
 */
export async function lowIncome(db: Db, s: StatsScope, asOf: string): Promise<LowIncomeRow[]> {
  const d = dateParam(asOf);
  const r = await sql<LowIncomeRow>`
    with k as (${decidedCases(s)}),
    r as (select * from k where ${onRollsAt('k', d)} and k.household_id is not null),
    p as (
      select r.town_code, r.household_id, m.person_id::text as who,
        case when r.scheme in ('DIBAO', 'DIBAO_SINGLE') then 'DIBAO' else r.scheme end as category
      from r join household_member m on ${memberAt(d)}
      union all
      select pc.town_code, m.household_id, coalesce(pc.person_id::text, encode(pc.person_bidx, 'hex')),
        pc.category
      from person_category pc
      left join household_member m on m.county_code = pc.county_code and m.person_id = pc.person_id
        and ${memberOnDate(d)}
      where ${inScope(s, 'pc')} and pc.category in (${sql.join(FEED_CATEGORIES.map((c) => sql`${c}`))})
        and pc.valid_from <= ${d} and (pc.valid_to is null or pc.valid_to > ${d})
    )
    select town_code, category, count(distinct household_id)::int as households,
      count(distinct who)::int as persons
    from p group by town_code, category
    union all
    select town_code, 'ALL', count(distinct household_id)::int, count(distinct who)::int
    from p group by town_code`.execute(db);
  return r.rows;
}

export type AlertFlowRow = { town_code: string; raised: number; verified: number; closed_on_time: number };

/**
 * Report D's 动态监测 columns (§7.4): alerts raised, verified, and closed having been verified by
 * their due date, within [from, to], by the town they were assigned in.
 */
export async function alertFlow(db: Db, s: StatsScope, from: string, to: string): Promise<AlertFlowRow[]> {
  const [f, t] = [dateParam(from), dateParam(to)];
  const r = await sql<AlertFlowRow>`
    select a.town_code,
      (count(*) filter (where a.raised_on between ${f} and ${t}))::int as raised,
      (count(*) filter (where a.verified_on between ${f} and ${t}))::int as verified,
      (count(*) filter (where a.closed_on between ${f} and ${t} and a.verified_on <= a.due_on))::int
        as closed_on_time
    from alert a
    where ${inScope(s, 'a')} and a.town_code is not null
      and (a.raised_on <= ${t} and coalesce(a.closed_on, ${t}) >= ${f})
    group by a.town_code`.execute(db);
  return r.rows;
}

export type CommissionedRow = { town_code: string; area: 'urban' | 'rural'; persons: number };

/**
 * Report B's 委托照料服务覆盖人数: 特困 persons a care-service contract (购买照料服务, §5.4) covered at D,
 * by the town and area of their case — the care module's own "active on" (the person's dates, a
 * contract in force).
 */
export async function commissionedAt(db: Db, s: StatsScope, asOf: string): Promise<CommissionedRow[]> {
  const d = dateParam(asOf);
  const r = await sql<CommissionedRow>`
    select c.town_code, c.area, count(distinct x.person_id)::int as persons
    from care_contract_person x
    join care_contract k on k.county_code = x.county_code and k.id = x.contract_id and k.status = 'ACTIVE'
    join assistance_case c on c.county_code = x.county_code and c.id = x.case_id and c.scheme = 'TEKUN'
    where ${inScope(s, 'c')} and x.from_on <= ${d} and x.to_on >= ${d}
    group by c.town_code, c.area`.execute(db);
  return r.rows;
}
