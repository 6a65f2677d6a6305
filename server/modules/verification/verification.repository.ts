import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  CheckItemResultTable,
  CheckReportTable,
  CheckRequestTable,
} from '../../db/schema-verification.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// All SQL of economic-status checks: requests, frozen report versions and their item results, plus
// the reads a report needs from the registry, integrity records and department feeds.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type RequestRow = Selectable<CheckRequestTable>;
export type ReportRow = Selectable<CheckReportTable>;
export type ItemRow = Selectable<CheckItemResultTable>;

export async function insertRequest(trx: Trx, row: Insertable<CheckRequestTable>): Promise<string> {
  const r = await trx.insertInto('check_request').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const getRequest = (db: Db, county: string, id: string, where?: JurisdictionFilter) => {
  let q = db.selectFrom('check_request').selectAll().where('county_code', '=', county).where('id', '=', id);
  if (where) q = q.where(where.column, '=', where.value);
  return q.executeTakeFirst();
};

export const lockRequest = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('check_request')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const requestsOfCase = (db: Db, county: string, caseId: string) =>
  db
    .selectFrom('check_request')
    .selectAll()
    .where('county_code', '=', county)
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .execute();

export const reportsOfRequests = (db: Db, county: string, requestIds: readonly string[]) =>
  requestIds.length === 0
    ? Promise.resolve([] as ReportRow[])
    : db
        .selectFrom('check_report')
        .selectAll()
        .where('county_code', '=', county)
        .where('request_id', 'in', requestIds)
        .orderBy('version')
        .execute();

/** The newest report of a case (any request): what a decision relies on (§2.5). */
export const latestReportOfCase = (db: Db, county: string, caseId: string) =>
  db
    .selectFrom('check_report')
    .select(['id', 'report_no', 'version', 'generated_at', 'request_id'])
    .where('county_code', '=', county)
    .where('case_id', '=', caseId)
    .orderBy('generated_at', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function markStarted(
  trx: Trx,
  r: Pick<RequestRow, 'county_code' | 'id'>,
  s: { at: Date; on: string; by: string | null; byName: string; late: boolean },
) {
  await trx
    .updateTable('check_request')
    .set({
      status: 'STARTED',
      started_at: s.at,
      started_on: s.on,
      started_by: s.by,
      started_by_name: s.byName,
      started_late: s.late,
    })
    .where('county_code', '=', r.county_code)
    .where('id', '=', r.id)
    .execute();
}

export const markReported = (trx: Trx, county: string, id: string) =>
  trx
    .updateTable('check_request')
    .set({ status: 'REPORTED' })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();

/** A report number per county and year (HD = 核对), from the shared number counter. */
export async function nextReportNo(trx: Trx, county: string, year: number): Promise<string> {
  const r = await sql<{ no: number }>`
    insert into case_counter (county_code, prefix, year, next_no) values (${county}, 'HD', ${year}, 2)
    on conflict (county_code, prefix, year) do update set next_no = case_counter.next_no + 1
    returning next_no - 1 as no`.execute(trx);
  return `HD-${county}-${year}-${String(r.rows[0]!.no).padStart(6, '0')}`;
}

export async function insertReport(trx: Trx, row: Insertable<CheckReportTable>): Promise<string> {
  const r = await trx.insertInto('check_report').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertItems(trx: Trx, rows: Insertable<CheckItemResultTable>[]) {
  // Chunked: a household with years of utility bills can hold hundreds of records.
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('check_item_result')
      .values(rows.slice(i, i + 200))
      .execute();
}

export const getReport = (db: Db, county: string, id: string) =>
  db
    .selectFrom('check_report')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const reportItems = (db: Db, county: string, reportId: string) =>
  db
    .selectFrom('check_item_result as i')
    .innerJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'i.county_code').onRef('p.id', '=', 'i.person_id'),
    )
    .select([
      'i.seq',
      'i.person_id',
      'i.person_role',
      'p.name_mask',
      'i.source',
      'i.item_type',
      'i.record_key',
      'i.batch_id',
      'i.delivered_at',
      'i.occurred_on',
      'i.raw_payload',
      'i.normalized',
      'i.suspicious',
      'i.rule_hits',
      'i.reason_zh',
      'i.reason_en',
    ])
    .where('i.county_code', '=', county)
    .where('i.report_id', '=', reportId)
    .orderBy('i.seq')
    .execute();

/** Atomically counts one more print and returns the new number (第 N 次打印). */
export async function countPrint(trx: Trx, county: string, id: string): Promise<number> {
  const r = await trx
    .updateTable('check_report')
    .set((eb) => ({ print_count: eb('print_count', '+', 1) }))
    .where('county_code', '=', county)
    .where('id', '=', id)
    .returning('print_count')
    .executeTakeFirstOrThrow();
  return r.print_count;
}

export const personsByIds = (db: Db, county: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person')
        .select(['id', 'name_mask', 'id_number_mask', 'id_number_bidx'])
        .where('county_code', '=', county)
        .where('id', 'in', ids)
        .execute();

export const householdNo = async (db: Db, county: string, householdId: string | null) =>
  householdId
    ? ((
        await db
          .selectFrom('household')
          .select('household_no')
          .where('county_code', '=', county)
          .where('id', '=', householdId)
          .executeTakeFirst()
      )?.household_no ?? null)
    : null;

/** The household's integrity findings (诚信记录, §2.5): the report prints them in 家庭基本情况. */
export const integrityRecords = (db: Db, county: string, householdId: string | null, caseId: string) =>
  db
    .selectFrom('integrity_record')
    .select(['kind', 'found_on', 'obtained_fen', 'note'])
    .where('county_code', '=', county)
    .where((eb) =>
      householdId
        ? eb.or([eb('household_id', '=', householdId), eb('case_id', '=', caseId)])
        : eb('case_id', '=', caseId),
    )
    .orderBy('found_on')
    .execute();

/** Department records held for these people, delivered no later than `deliveredBy`. */
export const feedRecordsOf = (db: Db, county: string, bidxs: readonly Buffer[], deliveredBy: Date) =>
  bidxs.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('feed_record as r')
        .innerJoin('feed_batch as b', (j) =>
          j.onRef('b.county_code', '=', 'r.county_code').onRef('b.id', '=', 'r.batch_id'),
        )
        .select([
          'r.source',
          'r.record_key',
          'r.person_bidx',
          'r.occurred_on',
          'r.data',
          'r.batch_id',
          'b.delivered_at',
        ])
        .where('r.county_code', '=', county)
        .where('r.person_bidx', 'in', bidxs)
        .where('b.delivered_at', '<=', deliveredBy)
        .execute();
