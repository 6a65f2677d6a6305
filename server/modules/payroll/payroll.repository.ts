import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, PayrollRunTable, PayrollScheme } from '../../db/schema.ts';

// All SQL of payroll (M5). Lines are written set-based, one INSERT … SELECT … ON CONFLICT DO NOTHING
// per kind: the line's primary key (county, scheme, month, case, kind, item) is the idempotency rule,
// so a resumed or repeated computation adds nothing (rule 7). Deductions are a second set-based
// UPDATE over the run's own MONTHLY lines, recomputed identically on every pass.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;
export type PayrollRunRow = Selectable<PayrollRunTable>;

/** Which case schemes a payroll scheme pays (rule 1). */
export const CASE_SCHEMES: Record<PayrollScheme, string[]> = {
  DIBAO: ['DIBAO', 'DIBAO_SINGLE'],
  TEKUN: ['TEKUN'],
  TEMPORARY: ['TEMP_EXPENDITURE'],
  // §5.4 purchased care for dispersed 特困 persons; its lines come from care verifications, not here.
  CARE: ['TEKUN'],
};

export type RunScope = { county: string; runId: string; scheme: PayrollScheme; month: string };

const LINE_COLUMNS =
  sql.raw(`county_code, scheme, month, case_id, kind, item, run_id, household_id, town_code,
  village_code, payee, institution_id, entitlement_version, gross_fen, reason`);

/** §5.4: centralised 特困 support is paid to the institution the case is placed in when computed. */
const PAYEE = sql.raw(
  `case when c.institution_id is null then 'HOUSEHOLD' else 'INSTITUTION' end, c.institution_id`,
);

/**
 * Is case `c` in its paid period for month `m` (rule 2)? Never in the APPLICATION stage; 低保 not
 * after the stop (lastPaidMonth, §2.1), the end of a gradual exit (§3.9) or the month of the last
 * member's death (paymentCapMonth); 特困 terminated: not after the month of the decision (S2 Art.26),
 * while a termination still being investigated or publicised is paid. The start is the entitlement:
 * no version in force for the month, no line.
 */
const paidIn = (m: RawBuilder<unknown>) => sql`
  c.stage <> 'APPLICATION'
  and (c.stage = 'ACTIVE' or c.model->>'lastPaidMonth' is not null or (c.scheme = 'TEKUN' and c.state = 'TERMINATED'))
  and (c.model->>'lastPaidMonth' is null or ${m} <= (c.model->>'lastPaidMonth')::date)
  and (c.model->>'gradualExitLastMonth' is null or ${m} <= (c.model->>'gradualExitLastMonth')::date)
  and (c.model->>'paymentCapMonth' is null or ${m} <= (c.model->>'paymentCapMonth')::date)
  and not (c.scheme = 'TEKUN' and c.state = 'TERMINATED'
    and ${m} > date_trunc('month', (c.model->>'decidedOn')::date)::date)`;

/** The entitlement version in force for month `m`: the highest version starting on or before it. */
const inForce = (m: RawBuilder<unknown>) => sql`
  cross join lateral (
    select e.version, e.amount_fen, e.method, e.effective_from from entitlement e
    where e.county_code = c.county_code and e.case_id = c.id and e.effective_from <= ${m}
    order by e.version desc limit 1) e`;

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/**
 * Rule 2: one MONTHLY line per case paid in the month, at the entitlement in force. The current
 * version (always the highest) is in force unless it starts after the month: a plain join for
 * nearly every case, and the version lookup only for the few with a later-dated current version.
 */
export async function insertMonthly(db: Db, s: RunScope): Promise<number> {
  const m = sql`${s.month}::date`;
  const r = await sql`
    insert into payroll_line (${LINE_COLUMNS})
    select c.county_code, ${s.scheme}, ${m}, c.id, 'MONTHLY', '', ${s.runId}::uuid, c.household_id, c.town_code,
      c.village_code, ${PAYEE}, coalesce(o.version, cur.version), coalesce(o.amount_fen, cur.amount_fen),
      jsonb_build_object('rule', case when c.state = 'GRADUAL_EXIT' then '§3.8; §3.9 渐退期内按原待遇发放'
          when c.scheme = 'TEKUN' then '§5.4 特困供养标准按月发放' else '§3.8 低保金按月发放' end,
        'entitlementVersion', coalesce(o.version, cur.version), 'method', coalesce(o.method, cur.method),
        'effectiveFrom', coalesce(o.effective_from, cur.effective_from), 'state', c.state)
    from assistance_case c
    join entitlement cur on cur.county_code = c.county_code and cur.case_id = c.id and cur.is_current
    left join lateral (
      select e.version, e.amount_fen, e.method, e.effective_from from entitlement e
      where cur.effective_from > ${m} and e.county_code = c.county_code and e.case_id = c.id
        and e.effective_from <= ${m}
      order by e.version desc limit 1) o on true
    where c.county_code = ${s.county} and c.scheme = any(${CASE_SCHEMES[s.scheme]}::text[]) and ${paidIn(m)}
      and (cur.effective_from <= ${m} or o.version is not null)
    on conflict do nothing`.execute(db);
  return affected(r);
}

/**
 * Rule 6 (§2.5; S3 Art.68): a household owing a recovery (obtained + fine − recovered, less what
 * other unapproved runs already deduct) has up to `sharePercent` % of each MONTHLY gross deducted,
 * its lines taken in case order until the debt is covered; never more than the gross.
 */
export async function applyDeductions(db: Db, s: RunScope, sharePercent: number): Promise<number> {
  const r = await sql`
    with paid as (
      select record_id, sum(amount_fen) as amt from recovery_payment where county_code = ${s.county} group by record_id
    ), owed as (
      select r.household_id, sum(greatest(0, r.obtained_fen + coalesce(r.fine_fen, 0) - coalesce(p.amt, 0))) as owed
      from integrity_record r left join paid p on p.record_id = r.id
      where r.county_code = ${s.county} and r.kind = 'FRAUD' and r.household_id is not null
      group by r.household_id
    ), pending as (
      select l.household_id, sum(l.deduction_fen) as amt from payroll_line l
      join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id
      where l.county_code = ${s.county} and l.run_id <> ${s.runId}::uuid and l.deduction_fen > 0
        and pr.status in ('COMPUTING', 'REVIEW')
      group by l.household_id
    ), avail as (
      select o.household_id, (o.owed - coalesce(p.amt, 0))::int8 as avail
      from owed o left join pending p on p.household_id = o.household_id
      where o.owed - coalesce(p.amt, 0) > 0
    ), calc as (
      select l.case_id, a.avail, l.gross_fen * ${sharePercent} / 100 as cap,
        coalesce(sum(l.gross_fen * ${sharePercent} / 100) over (partition by l.household_id order by l.case_id
          rows between unbounded preceding and 1 preceding), 0) as before
      from payroll_line l join avail a on a.household_id = l.household_id
      where l.county_code = ${s.county} and l.scheme = ${s.scheme} and l.month = ${s.month}::date
        and l.kind = 'MONTHLY' and l.run_id = ${s.runId}::uuid
    )
    update payroll_line l set deduction_fen = least(l.gross_fen, greatest(0, least(x.cap, x.avail - x.before))),
      reason = l.reason || jsonb_build_object('deduction', jsonb_build_object('rule', '§2.5; S3 Art.68 追缴从保障金中扣减',
        'sharePercent', ${sharePercent}::int, 'outstandingFen', x.avail))
    from calc x
    where l.county_code = ${s.county} and l.scheme = ${s.scheme} and l.month = ${s.month}::date
      and l.kind = 'MONTHLY' and l.case_id = x.case_id and l.item = ''`.execute(db);
  return affected(r);
}

/** Rule 3a: approved recalculation back-pay, once, in the first run for a month ≥ the approval month. */
export async function insertRecalcBackPay(db: Db, s: RunScope): Promise<number> {
  const r = await sql`
    insert into payroll_line (${LINE_COLUMNS})
    select c.county_code, ${s.scheme}, ${s.month}::date, c.id, 'BACK_PAY', 'recalc:' || rr.id::text, ${s.runId}::uuid,
      c.household_id, c.town_code, c.village_code, ${PAYEE}, null, rc.back_pay_fen,
      jsonb_build_object('rule', '§9.4; S4 #6 调标补发', 'recalcRunId', rr.id, 'appliesFrom', rc.applies_from,
        'months', rc.back_pay_months, 'oldFen', rc.old_fen, 'newFen', rc.new_fen)
    from recalc_run rr
    join recalc_change rc on rc.county_code = rr.county_code and rc.run_id = rr.id
    join assistance_case c on c.county_code = rc.county_code and c.id = rc.case_id
    where rr.county_code = ${s.county} and rr.status = 'APPROVED' and rc.outcome = 'CHANGE' and rc.back_pay_fen > 0
      and c.scheme = any(${CASE_SCHEMES[s.scheme]}::text[])
      and date_trunc('month', rr.decided_at at time zone 'Asia/Shanghai')::date <= ${s.month}::date
      and not exists (select 1 from payroll_line x where x.county_code = c.county_code and x.case_id = c.id
        and x.scheme = ${s.scheme} and x.kind = 'BACK_PAY' and x.item = 'recalc:' || rr.id::text
        and x.month <> ${s.month}::date)
    on conflict do nothing`.execute(db);
  return affected(r);
}

/**
 * Rule 3b: a month before this one that has an APPROVED run in which the case had no MONTHLY line
 * although it was in its paid period (a late approval, a late migration) is paid now as BACK_PAY.
 * Only entitlements written after such a run started can be missing from it, so only those cases
 * are looked at (months without an approved run owe nothing through the system).
 */
export async function insertCatchUp(db: Db, s: RunScope): Promise<number> {
  const pm = sql`pr.month`;
  const r = await sql`
    with runs as (
      select pr.month, pr.created_at from payroll_run pr
      where pr.county_code = ${s.county} and pr.scheme = ${s.scheme} and pr.status = 'APPROVED'
        and pr.month < ${s.month}::date
    ), fresh as (
      -- Only a version written after a run and already in force for that run's month can have
      -- been missed by it (a later-dated version was not yet due).
      select e.case_id, e.created_at as at, e.effective_from from entitlement e
      where e.county_code = ${s.county} and e.created_at > (select min(created_at) from runs)
    )
    insert into payroll_line (${LINE_COLUMNS})
    select c.county_code, ${s.scheme}, ${s.month}::date, c.id, 'BACK_PAY', 'month:' || to_char(pr.month, 'YYYY-MM'),
      ${s.runId}::uuid, c.household_id, c.town_code, c.village_code, ${PAYEE}, e.version, e.amount_fen,
      jsonb_build_object('rule', '补发：批准晚于该月发放 late approval catch-up', 'forMonth', pr.month,
        'entitlementVersion', e.version, 'method', e.method)
    from runs pr
    join fresh f on f.at > pr.created_at and f.effective_from <= pr.month
    join assistance_case c on c.county_code = ${s.county} and c.id = f.case_id
    ${inForce(pm)}
    where c.scheme = any(${CASE_SCHEMES[s.scheme]}::text[]) and ${paidIn(pm)}
      and not exists (select 1 from payroll_line x where x.county_code = c.county_code and x.scheme = ${s.scheme}
        and x.month = pr.month and x.case_id = c.id and x.kind = 'MONTHLY')
      and not exists (select 1 from payroll_line x where x.county_code = c.county_code and x.case_id = c.id
        and x.scheme = ${s.scheme} and x.kind = 'BACK_PAY' and x.item = 'month:' || to_char(pr.month, 'YYYY-MM')
        and x.month <> ${s.month}::date)
    on conflict do nothing`.execute(db);
  return affected(r);
}

/** Rule 4: lines of earlier approved runs the bank reported FAILED are reissued once, at their net. */
export async function insertReissues(db: Db, s: RunScope): Promise<number> {
  const item = sql`to_char(l.month, 'YYYY-MM') || ':' || l.kind || ':' || l.item`;
  const r = await sql`
    insert into payroll_line (${LINE_COLUMNS})
    select l.county_code, l.scheme, ${s.month}::date, l.case_id, 'REISSUE', ${item}, ${s.runId}::uuid, l.household_id,
      l.town_code, l.village_code, l.payee, l.institution_id, l.entitlement_version, l.net_fen,
      jsonb_build_object('rule', '银行发放失败重发 reissue of a failed bank payment', 'originalMonth', l.month,
        'originalKind', l.kind, 'originalItem', l.item, 'bankReason', l.bank_reason)
    from payroll_line l
    join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id and pr.status = 'APPROVED'
    where l.county_code = ${s.county} and l.scheme = ${s.scheme} and l.bank_status = 'FAILED'
      and l.month < ${s.month}::date and l.net_fen > 0
      and not exists (select 1 from payroll_line x where x.county_code = l.county_code and x.case_id = l.case_id
        and x.scheme = l.scheme and x.kind = 'REISSUE' and x.item = ${item} and x.month <> ${s.month}::date)
    on conflict do nothing`.execute(db);
  return affected(r);
}

/** Rule 5 (§6.3, 分阶段救助): one line per expenditure-type disbursement dated in the month. */
export async function insertTemporary(db: Db, s: RunScope): Promise<number> {
  const r = await sql`
    insert into payroll_line (${LINE_COLUMNS})
    select c.county_code, ${s.scheme}, ${s.month}::date, c.id, 'TEMPORARY', (d.value->>'on') || '#' || d.idx::text,
      ${s.runId}::uuid, c.household_id, c.town_code, c.village_code, ${PAYEE}, null, (d.value->>'amountFen')::int8,
      jsonb_build_object('rule', '§6.3 临时救助分阶段发放', 'disbursedOn', d.value->>'on', 'stage', d.idx)
    from assistance_case c
    cross join lateral jsonb_array_elements(coalesce(c.model->'disbursements', '[]'::jsonb))
      with ordinality as d(value, idx)
    where c.county_code = ${s.county} and c.scheme = any(${CASE_SCHEMES[s.scheme]}::text[])
      and (d.value->>'on')::date >= ${s.month}::date
      and (d.value->>'on')::date < (${s.month}::date + interval '1 month')
    on conflict do nothing`.execute(db);
  return affected(r);
}

/** Rule 7: the run's totals are recomputed from its lines, and it goes to REVIEW. */
export async function finishRun(db: Db, county: string, runId: string) {
  return (
    await sql<PayrollRunRow>`
      update payroll_run r set status = 'REVIEW', line_count = t.n, gross_fen = t.g, deduction_fen = t.d, net_fen = t.net
      from (select count(*)::int4 as n, coalesce(sum(gross_fen), 0)::int8 as g,
          coalesce(sum(deduction_fen), 0)::int8 as d, coalesce(sum(net_fen), 0)::int8 as net
        from payroll_line where county_code = ${county} and run_id = ${runId}::uuid) t
      where r.county_code = ${county} and r.id = ${runId}::uuid and r.status = 'COMPUTING'
      returning r.*`.execute(db)
  ).rows[0];
}

export const getRun = (db: Db | Trx, county: string, id: string) =>
  db
    .selectFrom('payroll_run')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const lockRun = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('payroll_run')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findRun = (db: Db | Trx, county: string, scheme: PayrollScheme, month: string) =>
  db
    .selectFrom('payroll_run')
    .selectAll()
    .where('county_code', '=', county)
    .where('scheme', '=', scheme)
    .where('month', '=', month)
    .executeTakeFirst();

/** Inserts the run unless one exists for the county, scheme and month (the unique key decides). */
export const insertRun = (
  trx: Trx,
  row: {
    county_code: string;
    scheme: PayrollScheme;
    month: string;
    created_by: string | null;
    created_at: Date;
  },
) =>
  trx
    .insertInto('payroll_run')
    .values({ ...row, status: 'COMPUTING' })
    .onConflict((oc) => oc.columns(['county_code', 'scheme', 'month']).doNothing())
    .returningAll()
    .executeTakeFirst();

export const setRun = (
  db: Db | Trx,
  county: string,
  id: string,
  values: Partial<Omit<PayrollRunRow, 'county_code' | 'id'>>,
) =>
  db
    .updateTable('payroll_run')
    .set(values)
    .where('county_code', '=', county)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const listRuns = (db: Db, county: string, limit: number) =>
  db
    .selectFrom('payroll_run')
    .selectAll()
    .where('county_code', '=', county)
    .orderBy('month', 'desc')
    .orderBy('scheme')
    .limit(limit)
    .execute();

export const deleteLines = (trx: Trx, county: string, runId: string) =>
  trx.deleteFrom('payroll_line').where('county_code', '=', county).where('run_id', '=', runId).execute();

export const caseRow = (db: Db, county: string, caseId: string) =>
  db
    .selectFrom('assistance_case')
    .select(['id', 'case_no', 'village_code', 'town_code'])
    .where('county_code', '=', county)
    .where('id', '=', caseId)
    .executeTakeFirst();
