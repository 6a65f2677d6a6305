import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, PayrollLineTable, PayrollScheme } from '../../db/schema.ts';

// All SQL of the bank files: layouts, the lines to export in keyset batches (with the sealed
// personal data, decrypted by the use case), the lines a return file may mark, and the totals of
// the reconciliation. Lines with net 0 (fully withheld) never go to the bank.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;
type Kind = PayrollLineTable['kind'];
type Status = 'PENDING' | 'PAID' | 'FAILED';

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

export const getLayout = (db: Db, county: string, scheme: PayrollScheme) =>
  db
    .selectFrom('bank_layout')
    .selectAll()
    .where('county_code', '=', county)
    .where('scheme', '=', scheme)
    .executeTakeFirst();

export const saveLayout = (
  db: Db | Trx,
  row: {
    county_code: string;
    scheme: PayrollScheme;
    columns: { key: string; header: string }[];
    format: 'xlsx' | 'csv';
    updated_by: string | null;
    updated_at: Date;
  },
) => {
  const values = { ...row, columns: JSON.stringify(row.columns) };
  return db
    .insertInto('bank_layout')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['county_code', 'scheme']).doUpdateSet({
        columns: values.columns,
        format: values.format,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
};

/** Names of the county's towns and villages (current names), to label lines without a join per row. */
export async function divisionNames(db: Db, county: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', 'name'])
    .where('county_code', '=', county)
    .where('level', 'in', ['town', 'village'])
    .orderBy('valid_from')
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

const exportable = (county: string, runId: string) =>
  sql`l.county_code = ${county} and l.run_id = ${runId}::uuid and l.net_fen > 0 and l.bank_status = 'PENDING'`;

export async function exportTotals(db: Db | Trx, county: string, runId: string) {
  const r = await sql<{ n: number; total: number }>`
    select count(*)::int4 as n, coalesce(sum(l.net_fen), 0)::int8 as total
    from payroll_line l where ${exportable(county, runId)}`.execute(db);
  return { count: r.rows[0]?.n ?? 0, totalFen: r.rows[0]?.total ?? 0 };
}

export type ExportRow = {
  case_id: string;
  kind: Kind;
  item: string;
  town_code: string;
  village_code: string;
  case_no: string;
  net_fen: number;
  id_number_enc: Buffer | null;
  name_enc: Buffer | null;
  bank_account_enc: Buffer | null;
  bank_name: string | null;
  /** §5.4: a centralised 特困 line is paid to the institution's account, a CARE line to the provider's. */
  institution_name: string | null;
  institution_code: string | null;
  institution_account: string | null;
};
/** The payee: the subject person of 单人保 / 特困 cases, otherwise the household head. */
const payeeJoin = sql`
  join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
  left join household h on h.county_code = l.county_code and h.id = coalesce(l.household_id, c.household_id)
  left join person p on p.county_code = l.county_code
    and p.id = case when c.scheme in ('DIBAO_SINGLE', 'TEKUN') and c.subject_person_id is not null
      then c.subject_person_id else h.head_person_id end`;

/**
 * The lines to export, ordered by town, case number, kind and item, in batches of `batch` rows read
 * through a cursor: the join and the sort run once. (Keyset batches re-ran them for every batch,
 * because the order is on the joined case number: quadratic, 19 s for 100,000 lines on a server.)
 * Takes a transaction, where a cursor lives; a repeatable-read one gives the file a single snapshot.
 */
export async function* exportRows(trx: Trx, county: string, runId: string, batch: number) {
  await sql`
    declare bank_export_lines no scroll cursor for
    select l.case_id, l.kind, l.item, l.town_code, l.village_code, c.case_no, l.net_fen,
      case when ci.id is null and cp.id is null then p.id_number_enc end as id_number_enc,
      case when ci.id is null and cp.id is null then p.name_enc end as name_enc,
      case when ci.id is null and cp.id is null then p.bank_account_enc end as bank_account_enc,
      coalesce(ci.bank_name, cp.bank_name, p.bank_name) as bank_name,
      coalesce(ci.account_name, cp.account_name) as institution_name,
      coalesce(ci.credit_code, cp.credit_code) as institution_code,
      coalesce(ci.bank_account, cp.bank_account) as institution_account
    from payroll_line l ${payeeJoin}
    left join care_institution ci on ci.county_code = l.county_code and ci.id = l.institution_id
    -- §5.4 purchased care (CARE lines) is paid to the provider's account, identified by its credit code.
    left join care_provider cp on cp.county_code = l.county_code and cp.id = l.provider_id
    where ${exportable(county, runId)}
    order by l.town_code, c.case_no, l.kind, l.item`.execute(trx);
  const fetch = () =>
    sql<ExportRow>`fetch forward ${sql.raw(String(Math.trunc(batch)))} from bank_export_lines`.execute(trx);
  // The next batch is asked for before this one is handed out: the server reads it while the
  // caller decrypts and writes.
  const ahead = () => {
    const p = fetch();
    // Awaited below; this only keeps a read left pending by a consumer that stopped early (and
    // failed) from becoming an unhandled rejection.
    p.catch(() => {});
    return p;
  };
  let next = ahead();
  for (;;) {
    const rows = (await next).rows;
    const more = rows.length === batch;
    if (more) next = ahead();
    if (rows.length > 0) yield rows;
    if (!more) break;
  }
  await sql`close bank_export_lines`.execute(trx);
}

export const insertExport = (
  trx: Trx,
  row: {
    county_code: string;
    run_id: string;
    format: string;
    line_count: number;
    total_fen: number;
    created_by: string | null;
    created_at: Date;
  },
) => trx.insertInto('bank_export').values(row).execute();

export type ReturnableLine = {
  case_id: string;
  kind: Kind;
  item: string;
  net_fen: number;
  bank_status: Status;
};

/** Every line of the run that was (or will be) in a bank file, to match a return against. */
export async function bankLines(db: Db | Trx, county: string, runId: string) {
  const r = await sql<ReturnableLine>`
    select l.case_id, l.kind, l.item, l.net_fen, l.bank_status from payroll_line l
    where l.county_code = ${county} and l.run_id = ${runId}::uuid and l.net_fen > 0`.execute(db);
  return r.rows;
}

export type Mark = {
  caseId: string;
  kind: Kind;
  item: string;
  status: 'PAID' | 'FAILED';
  reason: string | null;
  ref: string;
};

/** Records the bank's answer on still-pending lines (a set-based update per batch); returns the count. */
export async function markLines(
  trx: Trx,
  scope: { county: string; runId: string; scheme: PayrollScheme; month: string },
  marks: Mark[],
) {
  let n = 0;
  for (let i = 0; i < marks.length; i += 2000) {
    const b = marks.slice(i, i + 2000);
    const r = await sql`
      update payroll_line l set bank_status = v.st, bank_reason = v.reason, bank_ref = v.ref
      from unnest(${b.map((m) => m.caseId)}::uuid[], ${b.map((m) => m.kind)}::text[], ${b.map((m) => m.item)}::text[],
        ${b.map((m) => m.status)}::text[], ${b.map((m) => m.reason)}::text[], ${b.map((m) => m.ref)}::text[])
        as v(case_id, kind, item, st, reason, ref)
      where l.county_code = ${scope.county} and l.scheme = ${scope.scheme} and l.month = ${scope.month}::date
        and l.case_id = v.case_id and l.kind = v.kind and l.item = v.item
        and l.run_id = ${scope.runId}::uuid and l.bank_status = 'PENDING'`.execute(trx);
    n += affected(r);
  }
  return n;
}

export async function exportsOf(db: Db, county: string, runId: string) {
  const r = await sql<{ n: number; last: Date | null }>`
    select count(*)::int4 as n, max(created_at) as last from bank_export
    where county_code = ${county} and run_id = ${runId}::uuid`.execute(db);
  return { count: r.rows[0]?.n ?? 0, last: r.rows[0]?.last ?? null };
}

export type TownTally = {
  town_code: string;
  town_name: string | null;
  n: number;
  fen: number;
  paid_n: number;
  paid_fen: number;
  failed_n: number;
  failed_fen: number;
  pending_n: number;
  pending_fen: number;
  zero_n: number;
};

const inTown = (town: string | undefined) => (town ? sql`and l.town_code = ${town}` : sql``);

export async function townTallies(db: Db, county: string, runId: string, town?: string) {
  const r = await sql<TownTally>`
    select l.town_code, (select u.name from admin_unit u where u.code = l.town_code
        order by u.valid_from desc limit 1) as town_name,
      count(*)::int4 as n, coalesce(sum(l.net_fen), 0)::int8 as fen,
      count(*) filter (where l.bank_status = 'PAID')::int4 as paid_n,
      coalesce(sum(l.net_fen) filter (where l.bank_status = 'PAID'), 0)::int8 as paid_fen,
      count(*) filter (where l.bank_status = 'FAILED')::int4 as failed_n,
      coalesce(sum(l.net_fen) filter (where l.bank_status = 'FAILED'), 0)::int8 as failed_fen,
      count(*) filter (where l.bank_status = 'PENDING' and l.net_fen > 0)::int4 as pending_n,
      coalesce(sum(l.net_fen) filter (where l.bank_status = 'PENDING' and l.net_fen > 0), 0)::int8 as pending_fen,
      count(*) filter (where l.net_fen = 0)::int4 as zero_n
    from payroll_line l where l.county_code = ${county} and l.run_id = ${runId}::uuid ${inTown(town)}
    group by l.town_code order by l.town_code`.execute(db);
  return r.rows;
}

export type FailedRow = {
  case_id: string;
  case_no: string;
  kind: Kind;
  item: string;
  town_code: string;
  payee_name_mask: string | null;
  net_fen: number;
  bank_reason: string | null;
  bank_ref: string | null;
  reissue_month: string | null;
  reissue_run_status: string | null;
  reissue_net_fen: number | null;
  reissue_bank_status: Status | null;
};

/** Failed lines of the run, each with the REISSUE line a later run made for it (if any yet). */
export async function failedLines(db: Db, county: string, runId: string, limit: number, town?: string) {
  const r = await sql<FailedRow>`
    select l.case_id, c.case_no, l.kind, l.item, l.town_code, p.name_mask as payee_name_mask, l.net_fen,
      l.bank_reason, l.bank_ref, to_char(x.month, 'YYYY-MM-DD') as reissue_month, xr.status as reissue_run_status,
      x.net_fen as reissue_net_fen, x.bank_status as reissue_bank_status
    from payroll_line l ${payeeJoin}
    left join payroll_line x on x.county_code = l.county_code and x.case_id = l.case_id and x.scheme = l.scheme
      and x.kind = 'REISSUE' and x.item = to_char(l.month, 'YYYY-MM') || ':' || l.kind || ':' || l.item
    left join payroll_run xr on xr.county_code = x.county_code and xr.id = x.run_id
    where l.county_code = ${county} and l.run_id = ${runId}::uuid and l.bank_status = 'FAILED' ${inTown(town)}
    order by l.town_code, c.case_no, l.kind, l.item
    limit ${limit}`.execute(db);
  return r.rows;
}

/** The month after the newest approved run of the scheme: where a failure not yet reissued will go. */
export async function latestApprovedMonth(db: Db, county: string, scheme: PayrollScheme) {
  const r = await sql<{ m: string | null }>`
    select to_char(max(month), 'YYYY-MM-DD') as m from payroll_run
    where county_code = ${county} and scheme = ${scheme} and status = 'APPROVED'`.execute(db);
  return r.rows[0]?.m ?? null;
}
