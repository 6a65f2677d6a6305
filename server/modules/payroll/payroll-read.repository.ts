import { type Kysely, sql } from 'kysely';
import type { DB, PayrollLineTable, PayrollScheme } from '../../db/schema.ts';

// The read side of payroll (rules 8 and 10): review totals and changes against the previous month,
// paged lines with the payee's masked name (person.name_mask, never decrypted), a case's payments
// and the yearly ledger. A town officer's reads are limited to the town (`town`).

type Db = Kysely<DB>;

const townName = sql<string | null>`(select u.name from admin_unit u where u.code = l.town_code
  order by u.valid_from desc limit 1)`;
const inTown = (town: string | undefined) => (town ? sql`and l.town_code = ${town}` : sql``);

export async function townTotals(db: Db, county: string, runId: string, town?: string) {
  const r = await sql<{
    town_code: string;
    town_name: string | null;
    lines: number;
    gross_fen: number;
    deduction_fen: number;
    net_fen: number;
  }>`
    select l.town_code, ${townName} as town_name, count(*)::int4 as lines, sum(l.gross_fen)::int8 as gross_fen,
      sum(l.deduction_fen)::int8 as deduction_fen, sum(l.net_fen)::int8 as net_fen
    from payroll_line l where l.county_code = ${county} and l.run_id = ${runId}::uuid ${inTown(town)}
    group by l.town_code order by l.town_code`.execute(db);
  return r.rows;
}

export async function kindTotals(db: Db, county: string, runId: string, town?: string) {
  const r = await sql<{ kind: PayrollLineTable['kind']; lines: number; net_fen: number }>`
    select l.kind, count(*)::int4 as lines, sum(l.net_fen)::int8 as net_fen
    from payroll_line l where l.county_code = ${county} and l.run_id = ${runId}::uuid ${inTown(town)}
    group by l.kind order by l.kind`.execute(db);
  return r.rows;
}

export type CaseChangeRow = {
  case_id: string;
  case_no: string;
  town_code: string;
  previous_fen: number | null;
  current_fen: number | null;
};

/** Cases whose regular amount (MONTHLY, or TEMPORARY for that scheme) differs between two runs. */
export async function caseChanges(
  db: Db,
  county: string,
  runId: string,
  previousRunId: string,
  town?: string,
) {
  const per = (id: string) => sql`
    select l.case_id, sum(l.gross_fen)::int8 as g from payroll_line l
    where l.county_code = ${county} and l.run_id = ${id}::uuid and l.kind in ('MONTHLY', 'TEMPORARY') ${inTown(town)}
    group by l.case_id`;
  const r = await sql<CaseChangeRow>`
    with cur as (${per(runId)}), prev as (${per(previousRunId)})
    select c.id as case_id, c.case_no, c.town_code, prev.g as previous_fen, cur.g as current_fen
    from cur full join prev on prev.case_id = cur.case_id
    join assistance_case c on c.county_code = ${county} and c.id = coalesce(cur.case_id, prev.case_id)
    where cur.case_id is null or prev.case_id is null or cur.g <> prev.g
    order by c.case_no`.execute(db);
  return r.rows;
}

export type LineRow = {
  case_id: string;
  case_no: string;
  scheme: string;
  month: string;
  kind: PayrollLineTable['kind'];
  item: string;
  town_code: string;
  village_code: string;
  payee_name_mask: string | null;
  payee: 'HOUSEHOLD' | 'INSTITUTION' | 'PROVIDER';
  institution_name: string | null;
  entitlement_version: number | null;
  gross_fen: number;
  deduction_fen: number;
  net_fen: number;
  bank_status: 'PENDING' | 'PAID' | 'FAILED';
  bank_reason: string | null;
  reason: Record<string, unknown>;
  run_status: 'COMPUTING' | 'REVIEW' | 'APPROVED' | 'FAILED';
};

const lineSelect = sql`
  select l.case_id, c.case_no, l.scheme, to_char(l.month, 'YYYY-MM-DD') as month, l.kind, l.item, l.town_code,
    l.village_code, p.name_mask as payee_name_mask, l.payee, coalesce(ci.name, cp.name) as institution_name, l.entitlement_version,
    l.gross_fen, l.deduction_fen, l.net_fen, l.bank_status, l.bank_reason, l.reason, pr.status as run_status
  from payroll_line l
  join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id
  join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
  left join care_institution ci on ci.county_code = l.county_code and ci.id = l.institution_id
  left join care_provider cp on cp.county_code = l.county_code and cp.id = l.provider_id
  left join household h on h.county_code = l.county_code and h.id = l.household_id
  left join person p on p.county_code = l.county_code and p.id = case
    when c.scheme in ('DIBAO_SINGLE', 'TEKUN') and c.subject_person_id is not null then c.subject_person_id
    else h.head_person_id end`;

export async function runLines(
  db: Db,
  county: string,
  runId: string,
  page: { offset: number; limit: number; town?: string | undefined },
) {
  const [rows, total] = await Promise.all([
    sql<LineRow>`${lineSelect}
      where l.county_code = ${county} and l.run_id = ${runId}::uuid ${inTown(page.town)}
      order by l.town_code, c.case_no, l.kind, l.item
      offset ${page.offset} limit ${page.limit}`.execute(db),
    sql<{ n: number }>`select count(*)::int4 as n from payroll_line l
      where l.county_code = ${county} and l.run_id = ${runId}::uuid ${inTown(page.town)}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export async function caseLines(db: Db, county: string, caseId: string) {
  const r = await sql<LineRow>`${lineSelect}
    where l.county_code = ${county} and l.case_id = ${caseId}::uuid
    order by l.month, l.scheme, l.kind, l.item`.execute(db);
  return r.rows;
}

/** Rule 10: net paid from APPROVED runs per town, scheme and month of a year (bank failures excluded). */
export async function ledger(db: Db, county: string, year: number, town?: string) {
  const r = await sql<{
    town_code: string;
    town_name: string | null;
    scheme: PayrollScheme;
    m: number;
    net_fen: number;
  }>`
    select l.town_code, ${townName} as town_name, l.scheme, extract(month from l.month)::int4 as m,
      sum(l.net_fen)::int8 as net_fen
    from payroll_line l
    join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id and pr.status = 'APPROVED'
    where l.county_code = ${county} and l.month >= ${`${year}-01-01`}::date and l.month < ${`${year + 1}-01-01`}::date
      and l.bank_status <> 'FAILED' ${inTown(town)}
    group by l.town_code, l.scheme, extract(month from l.month)
    order by l.town_code, l.scheme`.execute(db);
  return r.rows;
}
