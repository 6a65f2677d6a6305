import {
  FEED_SOURCES,
  type FeedBatchView,
  type FeedDelivery,
  type FeedRowIssue,
  type FeedSource,
  type FeedSourceStats,
  feedSource,
} from '../../../contracts/feeds.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { ApiKeyPrincipal } from './api-keys.usecases.ts';
import { feedErrors, requireFeedPermission } from './feeds.errors.ts';
import { type CheckedRecord, checkRecord, type FeedMode, recordText } from './feeds.models.ts';
import * as repo from './feeds.repository.ts';

// Deliveries of department data (数据共享, domain-rules §8.2), whatever the channel (a file in the
// console, the push API, the demo generator, a benchmark): one transaction writes the batch and its
// records, each chunk checked as it goes; one bad row anywhere rolls it all back and the error lists
// every bad row. The person is kept as the blind index of the ID number only: the plaintext never
// reaches a table or a log.

export type { FeedDelivery };
/** The personal-data cipher (Services['cipher']): blind-indexes the ID numbers. */
export type Crypto = PersonalDataCipher;
export type FeedDeps = { db: Database; clock: Clock; crypto: Crypto };
/** Who delivers: a signed-in user (console upload, demo) or a department's API key. */
export type FeedDeliverer = { kind: 'user'; ctx: RequestContext } | { kind: 'key'; key: ApiKeyPrincipal };

/**
 * Records per INSERT. Small, so that checking and sealing the next chunk overlaps the database's
 * write of this one for most of a delivery (a million records in 10,000-record calls: 12.4 s with
 * 500, 13.0 s with 1,000, 13.8 s with 2,000; `npm run bench -- compare` on a server).
 */
const CHUNK = 500;

/** The deps of this module from the process services (which call the cipher `cipher`). */
export const feedDeps = (s: { db: Database; clock: Clock; cipher: PersonalDataCipher }): FeedDeps => ({
  db: s.db,
  clock: s.clock,
  crypto: s.cipher,
});

/** The source, if this deliverer may read (or write) it: 404 unknown, 403 role or key scope. */
export function authorizeSource(by: FeedDeliverer, source: string, need: 'read' | 'upload'): FeedSource {
  if (by.kind === 'user')
    requireFeedPermission(by.ctx.actor, need === 'read' ? 'feeds.read' : 'feeds.upload');
  const src = feedSource(source);
  if (!src) throw feedErrors.unknownSource(source);
  if (by.kind === 'key' && !by.key.scopes.includes(src.code)) throw feedErrors.outOfScope(src.code);
  return src;
}

/**
 * Checks rows a chunk at a time and remembers every problem of every bad row; `error()` is the one
 * 400 that lists them all. `rowOf` says how the caller numbers its rows (file lines, or positions in
 * an API call).
 */
function rowChecker(src: FeedSource, mode: FeedMode, rowOf: (i: number) => number = (i) => i + 1) {
  const issues: FeedRowIssue[] = [];
  let badRows = 0;
  return {
    /** The good records of `rows`, which start at position `offset` of the delivery. */
    check(rows: readonly Readonly<Record<string, unknown>>[], offset: number): CheckedRecord[] {
      const out: CheckedRecord[] = [];
      rows.forEach((raw, j) => {
        const c = checkRecord(src, raw, mode);
        if (c.ok) {
          out.push(c.record);
          return;
        }
        badRows++;
        const i = offset + j;
        const row = rowOf(i);
        for (const e of c.issues) {
          issues.push({
            field: `records.${i}.${e.key}`,
            row,
            column: e.column,
            message: e.message,
            messageEn: e.messageEn,
            ...(e.expected ? { expected: e.expected } : {}),
          });
        }
      });
      return out;
    },
    get failed() {
      return badRows > 0;
    },
    error: () => feedErrors.rows(issues, badRows),
  };
}

/** A filename may be all a department had at hand to name a person's file: mask ID-like runs. */
export const safeFilename = (name: string) =>
  name.replace(/\d{14}[\dXx]{1,4}/g, (m) => `${m.slice(0, 4)}****`).slice(0, 200);

/**
 * How a delivery came: its channel and file name, and for a file's cells (text, checked in 'file'
 * mode) the line in the file of every row, so that an error points at the line to fix.
 */
export type DeliveryMeta = {
  channel: 'FILE' | 'API';
  filename?: string;
  cells?: { lines: readonly number[] };
};

export async function deliverFeed(
  deps: { db: Database; clock: Clock; crypto: Crypto },
  by: FeedDeliverer,
  source: string,
  rows: readonly Readonly<Record<string, unknown>>[],
  meta: DeliveryMeta,
): Promise<FeedDelivery> {
  const src = authorizeSource(by, source, 'upload');
  if (rows.length === 0) throw feedErrors.empty();
  const lines = meta.cells?.lines;
  const checker = lines ? rowChecker(src, 'file', (i) => lines[i] ?? 0) : rowChecker(src, 'typed');
  const county = by.kind === 'user' ? by.ctx.actor.countyCode : by.key.countyCode;
  const now = deps.clock.now();
  const filename = meta.filename ? safeFilename(meta.filename) : null;
  const build = (part: CheckedRecord[]): repo.RecordRow[] =>
    part.map((r) => ({
      bidx: deps.crypto.blindIndex('id_number', r.idNumber),
      occurredOn: r.occurredOn,
      text: recordText(src, r.data),
    }));

  return deps.db.transaction().execute(async (trx) => {
    // The key is checked again in the transaction: a key revoked since the request began writes nothing.
    if (by.kind === 'key' && !(await repo.touchKey(trx, county, by.key.keyId, now)))
      throw feedErrors.keyRevoked();
    const batchId = await repo.insertBatch(trx, {
      county_code: county,
      source: src.code,
      channel: meta.channel,
      api_key_id: by.kind === 'key' ? by.key.keyId : null,
      filename,
      record_count: rows.length,
      new_count: 0,
      delivered_by: by.kind === 'user' ? auditActor(by.ctx).actorId : null,
      delivered_by_name:
        by.kind === 'user' ? by.ctx.actor.displayName : `${by.key.label}（${by.key.prefix}）`,
      delivered_at: now,
    });
    // The next chunk is checked and sealed while the database writes this one (a server runs them
    // in parallel). After a bad row nothing more is written, but every row is still checked so the
    // error lists them all; throwing then rolls back what was written: one bad row writes nothing.
    let newCount = 0;
    let inflight: Promise<void> = Promise.resolve();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const good = checker.check(rows.slice(i, i + CHUNK), i);
      if (checker.failed) continue;
      const part = build(good);
      await inflight;
      inflight = repo.insertRecords(trx, county, src.code, batchId, part, i + 1).then((n) => {
        newCount += n;
      });
      inflight.catch(() => {}); // rethrown by the next await
    }
    await inflight;
    if (checker.failed) throw checker.error();
    await repo.setNewCount(trx, county, batchId, newCount);
    const who =
      by.kind === 'user'
        ? auditActor(by.ctx)
        : {
            actorId: null,
            actorUsername: `apikey:${by.key.prefix}`,
            actorRole: 'api_key',
            clientIp: by.key.clientIp,
            requestId: by.key.requestId,
          };
    await appendAudit(trx, now, [
      {
        countyCode: county,
        ...who,
        action: 'feeds.delivered',
        recordType: 'feed_batch',
        recordId: batchId,
        // Counts only: never an ID number or a record's content.
        detail: {
          source: src.code,
          channel: meta.channel,
          records: rows.length,
          new: newCount,
          ...(by.kind === 'key' ? { apiKeyId: by.key.keyId, department: by.key.department } : {}),
          ...(filename ? { filename } : {}),
        },
      },
    ]);
    return { batchId, source: src.code, recordCount: rows.length, newCount };
  });
}

export const toBatchView = (r: repo.BatchRow): FeedBatchView => ({
  id: r.id,
  source: r.source,
  channel: r.channel,
  filename: r.filename,
  recordCount: r.record_count,
  newCount: r.new_count,
  deliveredByName: r.delivered_by_name,
  deliveredAt: r.delivered_at.toISOString(),
  apiKeyPrefix: r.key_prefix,
});

/** The catalogue's figures: records held and the last delivery of every source. */
export async function listFeeds(deps: Pick<FeedDeps, 'db'>, ctx: RequestContext): Promise<FeedSourceStats[]> {
  requireFeedPermission(ctx.actor, 'feeds.read');
  const county = ctx.actor.countyCode;
  const [counts, last] = [await repo.recordCounts(deps.db, county), await repo.lastBatches(deps.db, county)];
  return FEED_SOURCES.map((s) => {
    const b = last.find((x) => x.source === s.code);
    return {
      code: s.code,
      recordCount: Number(counts.find((c) => c.source === s.code)?.n ?? 0),
      lastDelivery: b ? toBatchView(b) : null,
    };
  });
}

/**
 * Recent deliveries of one source. A key sees only its own deliveries: the console's uploads (and
 * the names of the staff who made them) are none of another department's business.
 */
export async function listSourceBatches(
  deps: Pick<FeedDeps, 'db' | 'clock'>,
  by: FeedDeliverer,
  source: string,
  limit = 50,
): Promise<FeedBatchView[]> {
  const src = authorizeSource(by, source, 'read');
  if (by.kind === 'key') {
    if (!(await repo.touchKey(deps.db, by.key.countyCode, by.key.keyId, deps.clock.now())))
      throw feedErrors.keyRevoked();
    const rows = await repo.listBatches(deps.db, by.key.countyCode, src.code, {
      limit,
      apiKeyId: by.key.keyId,
    });
    return rows.map(toBatchView);
  }
  const rows = await repo.listBatches(deps.db, by.ctx.actor.countyCode, src.code, { limit });
  return rows.map(toBatchView);
}
