import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, EntitlementTable, RecalcRunTable } from '../../db/schema.ts';

// All SQL of entitlements and of the recalculation that follows a standard change. Reading the
// current versions pages by case id (keyset on the partial index entitlement_current); change
// rows are written per page with one INSERT … SELECT FROM unnest, and approval is set-based.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type EntitlementRow = Selectable<EntitlementTable>;
export type RecalcRunRow = Selectable<RecalcRunTable>;

export type NewEntitlement = Omit<
  EntitlementTable,
  'breakdown' | 'is_current' | 'net_income_fen' | 'income_months'
> & {
  net_income_fen: number;
  income_months: number;
  breakdown: unknown[];
};

/** Adds a version and makes it the current one (the previous stays as history). */
export async function insertEntitlement(trx: Trx, e: NewEntitlement): Promise<void> {
  await trx
    .updateTable('entitlement')
    .set({ is_current: false })
    .where('county_code', '=', e.county_code)
    .where('case_id', '=', e.case_id)
    .where('is_current', '=', true)
    .execute();
  await trx
    .insertInto('entitlement')
    .values({ ...e, breakdown: JSON.stringify(e.breakdown), is_current: true })
    .execute();
}

export const currentEntitlement = (db: Db, countyCode: string, caseId: string) =>
  db
    .selectFrom('entitlement')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .where('is_current', '=', true)
    .executeTakeFirst();

export const entitlementHistory = (db: Db, countyCode: string, caseId: string) =>
  db
    .selectFrom('entitlement')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .orderBy('version')
    .execute();

/** The amount in force for a month: the newest version that starts on or before it. */
export const entitlementForMonth = (db: Db, countyCode: string, caseId: string, month: string) =>
  db
    .selectFrom('entitlement')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .where('effective_from', '<=', month)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export type BasisRow = {
  case_id: string;
  version: number;
  effective_from: string;
  amount_fen: number;
  method: EntitlementRow['method'];
  area: 'urban' | 'rural';
  household_size: number;
  net_income_fen: number;
  income_months: number;
  care_level: EntitlementRow['care_level'];
};

/**
 * One page of the current entitlements of active cases, after `afterCaseId`. The keyset bound is
 * repeated on the case side (`c.id`, equal to `e.case_id`) so the merge join starts both index scans
 * at the page: without it the case scan restarts from the county's first case on every page, which
 * made a run quadratic in the number of cases (see `npm run bench -- recalc`).
 */
export async function activeBasisPage(db: Db, countyCode: string, afterCaseId: string, limit: number) {
  const r = await sql<BasisRow>`
    select e.case_id, e.version, e.effective_from, e.amount_fen, e.method, e.area, e.household_size,
      e.net_income_fen, e.income_months, e.care_level
    from entitlement e
    join assistance_case c on c.county_code = e.county_code and c.id = e.case_id
    where e.county_code = ${countyCode} and e.is_current and e.case_id > ${afterCaseId}::uuid
      and c.id > ${afterCaseId}::uuid and c.stage = 'ACTIVE'
    order by e.case_id
    limit ${limit}`.execute(db);
  return r.rows;
}

export const countActive = async (db: Db, countyCode: string) =>
  Number(
    (
      await db
        .selectFrom('assistance_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('county_code', '=', countyCode)
        .where('stage', '=', 'ACTIVE')
        .executeTakeFirstOrThrow()
    ).n,
  );

export type ChangeRow = {
  case_id: string;
  base_version: number;
  old_fen: number;
  new_fen: number;
  applies_from: string;
  back_pay_months: number;
  back_pay_fen: number;
  outcome: 'CHANGE' | 'INELIGIBLE';
};

export async function insertChanges(trx: Db | Trx, countyCode: string, runId: string, rows: ChangeRow[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof ChangeRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into recalc_change (county_code, run_id, case_id, base_version, old_fen, new_fen, applies_from,
      back_pay_months, back_pay_fen, outcome)
    select ${countyCode}, ${runId}::uuid, * from unnest(${col('case_id')}::uuid[], ${col('base_version')}::int4[],
      ${col('old_fen')}::int8[], ${col('new_fen')}::int8[], ${col('applies_from')}::date[],
      ${col('back_pay_months')}::int2[], ${col('back_pay_fen')}::int8[], ${col('outcome')}::text[])`.execute(
    trx,
  );
}

export const deleteChanges = (db: Db | Trx, countyCode: string, runId: string) =>
  db.deleteFrom('recalc_change').where('county_code', '=', countyCode).where('run_id', '=', runId).execute();

export const getRun = (db: Db, countyCode: string, id: string) =>
  db
    .selectFrom('recalc_run')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .executeTakeFirst();

export const lockRun = (trx: Trx, countyCode: string, id: string) =>
  trx
    .selectFrom('recalc_run')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const openRun = (db: Db | Trx, countyCode: string) =>
  db
    .selectFrom('recalc_run')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('status', 'in', ['COMPUTING', 'PENDING'])
    .executeTakeFirst();

export const listRuns = (db: Db, countyCode: string, limit: number) =>
  db
    .selectFrom('recalc_run')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();

export async function listChanges(
  db: Db,
  countyCode: string,
  runId: string,
  opts: { offset: number; limit: number; townCode?: string | undefined },
) {
  let base = db
    .selectFrom('recalc_change as rc')
    .innerJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'rc.county_code').onRef('c.id', '=', 'rc.case_id'),
    )
    .where('rc.county_code', '=', countyCode)
    .where('rc.run_id', '=', runId);
  if (opts.townCode) base = base.where('c.town_code', '=', opts.townCode);
  const [rows, total] = await Promise.all([
    base
      .select([
        'rc.case_id',
        'c.case_no',
        'c.scheme',
        'c.village_code',
        'rc.old_fen',
        'rc.new_fen',
        'rc.applies_from',
        'rc.back_pay_months',
        'rc.back_pay_fen',
        'rc.outcome',
      ])
      .orderBy('c.case_no')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Changes whose case has a newer entitlement than the one they were computed from. */
export async function countStaleChanges(trx: Trx, countyCode: string, runId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from recalc_change rc
    join entitlement e on e.county_code = rc.county_code and e.case_id = rc.case_id and e.is_current
    where rc.county_code = ${countyCode} and rc.run_id = ${runId}::uuid and rc.outcome = 'CHANGE'
      and e.version <> rc.base_version`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/**
 * Turns the approved changes into entitlement versions in three set-based statements: retire the
 * current versions, add the new ones with the same basis, and flag the now-ineligible cases for
 * review by the town.
 */
export async function applyApprovedChanges(
  trx: Trx,
  countyCode: string,
  runId: string,
  at: Date,
  reviewOn: string,
): Promise<{ applied: number; flagged: number }> {
  await sql`
    update entitlement e set is_current = false
    from recalc_change rc
    where rc.county_code = ${countyCode} and rc.run_id = ${runId}::uuid and rc.outcome = 'CHANGE'
      and e.county_code = rc.county_code and e.case_id = rc.case_id and e.version = rc.base_version`.execute(
    trx,
  );
  const ins = await sql`
    insert into entitlement (county_code, case_id, version, effective_from, amount_fen, method, area,
      household_size, net_income_fen, income_months, care_level, breakdown, source, recalc_run_id, is_current,
      created_at)
    select e.county_code, e.case_id, e.version + 1, rc.applies_from, rc.new_fen, e.method, e.area,
      e.household_size, e.net_income_fen, e.income_months, e.care_level,
      jsonb_build_array(jsonb_build_object('code', 'recalc', 'zh', '救助标准调整后按原核定收入重新计算',
        'en', 'recomputed on the assessed income after a standard change', 'amountFen', rc.new_fen,
        'rule', '§9.4; S4 #6')),
      'RECALC', rc.run_id, true, ${at}
    from recalc_change rc
    join entitlement e on e.county_code = rc.county_code and e.case_id = rc.case_id and e.version = rc.base_version
    where rc.county_code = ${countyCode} and rc.run_id = ${runId}::uuid and rc.outcome = 'CHANGE'`.execute(
    trx,
  );
  const flag = await sql`
    update assistance_case c set next_review_on = ${reviewOn}
    from recalc_change rc
    where rc.county_code = ${countyCode} and rc.run_id = ${runId}::uuid and rc.outcome = 'INELIGIBLE'
      and c.county_code = rc.county_code and c.id = rc.case_id
      and (c.next_review_on is null or c.next_review_on > ${reviewOn})`.execute(trx);
  return { applied: Number(ins.numAffectedRows ?? 0), flagged: Number(flag.numAffectedRows ?? 0) };
}
