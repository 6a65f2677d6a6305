import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { ApiKeyTable, DB, FeedBatchTable } from '../../db/schema.ts';

// All SQL of department feeds and their API keys. Records are written with one INSERT … SELECT per
// chunk, ON CONFLICT DO NOTHING (a redelivered record, same record_key, adds nothing), the chunk
// packed into three parameters: the blind indexes as one binary string of 32-byte slices, the
// record texts one per line (JSON text never holds a raw line break) and the dates as one string.
// Per-record arrays of bytea and jsonb literals cost the driver and the server more to escape and
// parse than the rows to store. The record key is SHA-256(source, NUL, blind index, record text),
// computed by the server from the very text it stores as jsonb.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

/** A checked record ready to store: its person's blind index, its date and its text (recordText). */
export type RecordRow = { bidx: Buffer; occurredOn: string; text: string };

export async function insertBatch(trx: Trx, row: Insertable<FeedBatchTable>): Promise<string> {
  const r = await trx.insertInto('feed_batch').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const SLICE = 32;

/** Inserts a chunk of records, numbered from `firstRowNo`; returns how many were new. */
export async function insertRecords(
  trx: Trx,
  countyCode: string,
  source: string,
  batchId: string,
  rows: readonly RecordRow[],
  firstRowNo: number,
): Promise<number> {
  if (rows.length === 0) return 0;
  const bidxs = Buffer.allocUnsafe(rows.length * SLICE);
  let texts = '';
  let dates = '';
  rows.forEach((x, i) => {
    if (x.bidx.length !== SLICE) throw new Error('a blind index is 32 bytes');
    x.bidx.copy(bidxs, i * SLICE);
    texts += i === 0 ? x.text : `\n${x.text}`;
    dates += i === 0 ? x.occurredOn : `,${x.occurredOn}`;
  });
  const prefix = Buffer.from(`${source}\0`);
  const r = await sql`
    insert into feed_record (county_code, source, record_key, person_bidx, occurred_on, data, batch_id, row_no)
    select ${countyCode}, ${source}, sha256(${prefix}::bytea || b || convert_to(t, 'UTF8')), b, d::date,
      t::jsonb, ${batchId}::uuid, ${firstRowNo}::int4 + n::int4 - 1
    from rows from (string_to_table(${texts}::text, E'\\n'), string_to_table(${dates}::text, ',')) with ordinality as x(t, d, n),
      lateral (select substring(${bidxs}::bytea from n::int * ${SLICE}::int - ${SLICE - 1}::int for ${SLICE}::int) as b) k
    on conflict do nothing`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

export const setNewCount = (trx: Trx, countyCode: string, batchId: string, newCount: number) =>
  trx
    .updateTable('feed_batch')
    .set({ new_count: newCount })
    .where('county_code', '=', countyCode)
    .where('id', '=', batchId)
    .execute();

const batchColumns = [
  'b.id',
  'b.source',
  'b.channel',
  'b.filename',
  'b.record_count',
  'b.new_count',
  'b.delivered_by_name',
  'b.delivered_at',
  'b.api_key_id',
  'k.key_prefix',
] as const;

export const listBatches = (
  db: Db,
  countyCode: string,
  source: string,
  opts: { limit: number; apiKeyId?: string },
) => {
  let q = db
    .selectFrom('feed_batch as b')
    .leftJoin('api_key as k', (j) =>
      j.onRef('k.county_code', '=', 'b.county_code').onRef('k.id', '=', 'b.api_key_id'),
    )
    .select(batchColumns)
    .where('b.county_code', '=', countyCode)
    .where('b.source', '=', source);
  if (opts.apiKeyId) q = q.where('b.api_key_id', '=', opts.apiKeyId);
  return q.orderBy('b.delivered_at', 'desc').orderBy('b.id').limit(opts.limit).execute();
};
export type BatchRow = Awaited<ReturnType<typeof listBatches>>[number];

/** The newest delivery of every source of a county. */
export const lastBatches = (db: Db, countyCode: string) =>
  db
    .selectFrom('feed_batch as b')
    .leftJoin('api_key as k', (j) =>
      j.onRef('k.county_code', '=', 'b.county_code').onRef('k.id', '=', 'b.api_key_id'),
    )
    .distinctOn('b.source')
    .select(batchColumns)
    .where('b.county_code', '=', countyCode)
    .orderBy('b.source')
    .orderBy('b.delivered_at', 'desc')
    .execute();

/** Records held per source (an index-only count over the primary key). */
export const recordCounts = (db: Db, countyCode: string) =>
  db
    .selectFrom('feed_record')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .where('county_code', '=', countyCode)
    .groupBy('source')
    .execute();

// ── API keys ──────────────────────────────────────────────────────────────────────────────────

export async function insertKey(trx: Trx, row: Insertable<ApiKeyTable>): Promise<string> {
  const r = await trx.insertInto('api_key').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

const keyColumns = [
  'k.id',
  'k.county_code',
  'k.department',
  'k.label',
  'k.scopes',
  'k.key_prefix',
  'k.created_at',
  'k.revoked_at',
  'k.last_used_at',
  'u.display_name as created_by_name',
] as const;

const keysWithCreator = (db: Db) =>
  db
    .selectFrom('api_key as k')
    .leftJoin('app_user as u', (j) => j.onRef('u.id', '=', 'k.created_by'))
    .select(keyColumns);

export const listKeys = (db: Db, countyCode: string) =>
  keysWithCreator(db).where('k.county_code', '=', countyCode).orderBy('k.created_at', 'desc').execute();

export const getKey = (db: Db, countyCode: string, id: string) =>
  keysWithCreator(db).where('k.county_code', '=', countyCode).where('k.id', '=', id).executeTakeFirst();
export type KeyRow = NonNullable<Awaited<ReturnType<typeof getKey>>>;

/** Key prefixes are unique across counties: the lookup needs no county. */
export const keyByPrefix = (db: Db, prefix: string) =>
  db
    .selectFrom('api_key')
    .select(['id', 'county_code', 'department', 'label', 'scopes', 'key_prefix', 'key_hash', 'revoked_at'])
    .where('key_prefix', '=', prefix)
    .executeTakeFirst();

export async function revokeKey(trx: Trx, countyCode: string, id: string, by: string | null, at: Date) {
  const r = await trx
    .updateTable('api_key')
    .set({ revoked_at: at, revoked_by: by })
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a key used; false if it was revoked meanwhile (checked in the same statement). */
export async function touchKey(db: Db | Trx, countyCode: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_key')
    .set({ last_used_at: at })
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
