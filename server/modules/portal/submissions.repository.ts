import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PortalSubmissionTable } from '../../db/schema-portal.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// SQL of objections and complaints (portal_submission) and of the SMS outbox list.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type SubmissionRow = Selectable<PortalSubmissionTable>;

export async function insertSubmission(trx: Trx, row: Insertable<PortalSubmissionTable>): Promise<string> {
  const r = await trx.insertInto('portal_submission').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const byTrackingNo = (db: Db, trackingNo: string) =>
  db.selectFrom('portal_submission').selectAll().where('tracking_no', '=', trackingNo).execute();

export const trackingNoTaken = async (trx: Trx, county: string, trackingNo: string) =>
  !!(await trx
    .selectFrom('portal_submission')
    .select('id')
    .where('county_code', '=', county)
    .where('tracking_no', '=', trackingNo)
    .executeTakeFirst());

export type SubmissionFilter = {
  kind?: 'OBJECTION' | 'COMPLAINT' | undefined;
  state?: 'RECEIVED' | 'IN_PROGRESS' | 'ANSWERED' | undefined;
  overdueOn?: string | undefined;
  offset: number;
  limit: number;
};

/** The inbox of a jurisdiction: open ones first by due date, then the answered, newest first. */
export async function listSubmissions(
  db: Db,
  county: string,
  where: JurisdictionFilter,
  f: SubmissionFilter,
) {
  let q = db
    .selectFrom('portal_submission as s')
    .leftJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 's.county_code').onRef('c.id', '=', 's.case_id'),
    )
    .leftJoin('admin_unit as v', 'v.code', 's.village_code')
    .where('s.county_code', '=', county);
  // A complaint that names no village belongs to the county level only.
  if (where.column !== 'county_code') q = q.where(`s.${where.column}`, '=', where.value);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.overdueOn) q = q.where('s.state', '<>', 'ANSWERED').where('s.feedback_due_on', '<', f.overdueOn);
  const [rows, total] = await Promise.all([
    q
      .selectAll('s')
      .select(['c.case_no', 'v.name as village_name'])
      .orderBy(sql`(s.state = 'ANSWERED')`)
      .orderBy(sql`case when s.state = 'ANSWERED' then null else s.feedback_due_on end asc nulls last`)
      .orderBy('s.created_at', 'desc')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type SubmissionListRow = Awaited<ReturnType<typeof listSubmissions>>['rows'][number];

export const getSubmission = (db: Db, county: string, id: string) =>
  db
    .selectFrom('portal_submission as s')
    .leftJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 's.county_code').onRef('c.id', '=', 's.case_id'),
    )
    .leftJoin('admin_unit as v', 'v.code', 's.village_code')
    .selectAll('s')
    .select(['c.case_no', 'v.name as village_name'])
    .where('s.county_code', '=', county)
    .where('s.id', '=', id)
    .executeTakeFirst();

export const lockSubmission = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('portal_submission')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function smsOutboxPage(db: Db, county: string, offset: number, limit: number) {
  const base = db.selectFrom('sms_outbox').where('county_code', '=', county);
  const [rows, total] = await Promise.all([
    base
      .select(['id', 'phone_mask', 'template', 'body', 'created_at', 'status'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
