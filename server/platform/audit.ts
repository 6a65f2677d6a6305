import crypto from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AuditLogTable, DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';

// The audit log is append-only and hash-chained per county with SM3: each row's hash covers the
// previous row's hash and the row's canonical content, so an edited or deleted row breaks the chain
// (`huijiu audit verify`). audit_head holds the newest (seq, hash): its row lock serialises
// appends and it anchors the tail.

export type AuditEntry = {
  countyCode: string;
  actorId?: string | null;
  actorUsername?: string | null;
  actorRole?: string | null;
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  clientIp?: string | null;
  requestId?: string | null;
  /** Before/after or what was revealed; personal data only ever in masked form. */
  detail?: Record<string, unknown>;
};

const GENESIS = Buffer.alloc(32);

/** JSON with object keys sorted at every depth: jsonb reorders keys, the chain must not care. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** What the hash covers: every column but the hashes themselves. */
type ChainRow = Omit<Selectable<AuditLogTable>, 'prev_hash' | 'hash'>;

export function chainHash(prev: Buffer, row: ChainRow): Buffer {
  const content = canonicalJson({ ...row, at: row.at.toISOString() });
  return crypto.createHash('sm3').update(prev).update(content).digest();
}

/** Appends entries inside the caller's transaction, so a write and its audit commit together. */
type SealedRow = Omit<ChainRow, 'detail'> & { detail: string; prev_hash: Buffer; hash: Buffer };

/** Chains entries of one county onto a head (seq, hash); returns the rows and the new head. */
function chainRows(county: string, head: { seq: number; hash: Buffer }, at: Date, list: AuditEntry[]) {
  let { seq, hash } = head;
  const rows: SealedRow[] = list.map((e) => {
    seq += 1;
    const row: ChainRow = {
      county_code: county,
      seq,
      at,
      actor_id: e.actorId ?? null,
      actor_username: e.actorUsername ?? null,
      actor_role: e.actorRole ?? null,
      action: e.action,
      record_type: e.recordType ?? null,
      record_id: e.recordId ?? null,
      client_ip: e.clientIp ?? null,
      request_id: e.requestId ?? null,
      detail: e.detail ?? {},
    };
    const prev = hash;
    hash = chainHash(prev, row);
    return { ...row, detail: JSON.stringify(row.detail), prev_hash: prev, hash };
  });
  return { rows, head: { seq, hash } };
}

function byCounty(entries: AuditEntry[]): [string, AuditEntry[]][] {
  const m = new Map<string, AuditEntry[]>();
  for (const e of entries) m.set(e.countyCode, [...(m.get(e.countyCode) ?? []), e]);
  return [...m].sort(([a], [b]) => a.localeCompare(b));
}

async function ensureHead(db: Kysely<DB>, county: string) {
  await db
    .insertInto('audit_head')
    .values({ county_code: county, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('county_code').doNothing())
    .execute();
}

/** Appends entries inside the caller's transaction, so a write and its audit commit together. */
export async function appendAudit(trx: Transaction<DB>, at: Date, entries: AuditEntry[]): Promise<void> {
  for (const [county, list] of byCounty(entries)) {
    const lockHead = () =>
      trx
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('county_code', '=', county)
        .forUpdate()
        .executeTakeFirst();
    // The head exists after a county's first entry: create it only when the lock finds nothing.
    let head = await lockHead();
    if (!head) {
      await ensureHead(trx, county);
      head = await lockHead();
    }
    if (!head) throw new Error(`audit head of ${county} is missing`);
    const chained = chainRows(county, head, at, list);
    for (let i = 0; i < chained.rows.length; i += 500) {
      await trx
        .insertInto('audit_log')
        .values(chained.rows.slice(i, i + 500))
        .execute();
    }
    await trx.updateTable('audit_head').set(chained.head).where('county_code', '=', county).execute();
  }
}

/**
 * Appends in one statement against the head this process saw last: the UPDATE of audit_head only
 * matches if nobody appended since, and the INSERT only runs if it matched. On a miss the head is
 * re-read and the batch re-chained. One round trip per batch in the common case.
 */
async function appendOptimistic(
  db: Kysely<DB>,
  heads: Map<string, { seq: number; hash: Buffer }>,
  at: Date,
  entries: AuditEntry[],
) {
  for (const [county, list] of byCounty(entries)) {
    for (let attempt = 0; ; attempt++) {
      let head = heads.get(county);
      if (!head) {
        await ensureHead(db, county);
        head = await db
          .selectFrom('audit_head')
          .select(['seq', 'hash'])
          .where('county_code', '=', county)
          .executeTakeFirstOrThrow();
      }
      const { rows, head: next } = chainRows(county, head, at, list);
      const col = <K extends keyof SealedRow>(k: K) => rows.map((r) => r[k]);
      const r = await sql`
        with moved as (
          update audit_head set seq = ${next.seq}, hash = ${next.hash}
          where county_code = ${county} and seq = ${head.seq} returning 1)
        insert into audit_log (county_code, seq, at, actor_id, actor_username, actor_role, action, record_type, record_id,
          client_ip, request_id, detail, prev_hash, hash)
        select * from unnest(${col('county_code')}::text[], ${col('seq')}::int8[], ${col('at')}::timestamptz[],
          ${col('actor_id')}::uuid[], ${col('actor_username')}::text[], ${col('actor_role')}::text[], ${col('action')}::text[],
          ${col('record_type')}::text[], ${col('record_id')}::text[], ${col('client_ip')}::text[], ${col('request_id')}::text[],
          ${col('detail')}::jsonb[], ${col('prev_hash')}::bytea[], ${col('hash')}::bytea[])
        where exists (select 1 from moved)`.execute(db);
      if (Number(r.numAffectedRows ?? 0) === rows.length) {
        heads.set(county, next);
        break;
      }
      heads.delete(county);
      if (attempt > 20) throw new Error(`audit append kept losing the race for county ${county}`);
    }
  }
}

export type AuditLog = {
  /** Audit a read: resolves once the entry is committed, batched with concurrent ones (group commit). */
  record(entry: AuditEntry): Promise<void>;
  flush(): Promise<void>;
};

export function createAuditLog(deps: { db: Database; clock: Clock; maxBatch?: number }): AuditLog {
  const maxBatch = deps.maxBatch ?? 500;
  let pending: { entry: AuditEntry; done: (e?: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;
  const heads = new Map<string, { seq: number; hash: Buffer }>();

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      const at = deps.clock.now();
      // Each county's chain is its own statement: its callers learn exactly whether theirs committed.
      const groups = new Map<string, typeof batch>();
      for (const b of batch) groups.set(b.entry.countyCode, [...(groups.get(b.entry.countyCode) ?? []), b]);
      for (const group of groups.values()) {
        try {
          await appendOptimistic(
            deps.db,
            heads,
            at,
            group.map((b) => b.entry),
          );
          for (const b of group) b.done();
        } catch (err) {
          for (const b of group) b.done(err);
        }
      }
    }
  }

  function kick(): Promise<void> {
    if (!flushing) {
      // Let concurrent requests of this tick join the batch before it is written.
      flushing = new Promise<void>((r) => setImmediate(r)).then(drain).finally(() => {
        flushing = null;
        if (pending.length > 0) void kick();
      });
    }
    return flushing;
  }

  return {
    record(entry) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ entry, done: (e) => (e ? reject(e) : resolve()) });
        void kick();
      });
    },
    async flush() {
      while (flushing || pending.length > 0) await kick();
    },
  };
}

export type AuditVerification = {
  countyCode: string;
  rows: number;
  ok: boolean;
  problems: { seq: number; problem: string }[];
};

/** Walks each county's chain in pages and reports every break: edited, deleted or reordered rows. */
export async function verifyAuditChain(db: Database, countyCode?: string): Promise<AuditVerification[]> {
  const heads = await db
    .selectFrom('audit_head')
    .selectAll()
    .$if(countyCode !== undefined, (q) => q.where('county_code', '=', countyCode!))
    .orderBy('county_code')
    .execute();
  const out: AuditVerification[] = [];
  for (const head of heads) {
    const problems: { seq: number; problem: string }[] = [];
    let prevHash: Buffer = GENESIS;
    let expectSeq = 1;
    let rows = 0;
    for (;;) {
      const page = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('county_code', '=', head.county_code)
        .where('seq', '>=', expectSeq)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (page.length === 0) break;
      for (const r of page) {
        rows++;
        if (r.seq !== expectSeq)
          problems.push({ seq: expectSeq, problem: `rows ${expectSeq}..${r.seq - 1} missing` });
        if (!r.prev_hash.equals(prevHash))
          problems.push({ seq: r.seq, problem: 'previous hash does not match' });
        const { prev_hash, hash, ...content } = r;
        if (!chainHash(prev_hash, content).equals(hash))
          problems.push({ seq: r.seq, problem: 'content was altered' });
        prevHash = hash;
        expectSeq = r.seq + 1;
      }
    }
    if (expectSeq - 1 !== head.seq) {
      problems.push({
        seq: expectSeq,
        problem: `chain ends at ${expectSeq - 1} but the head says ${head.seq}`,
      });
    } else if (!prevHash.equals(head.hash)) {
      problems.push({ seq: head.seq, problem: 'last hash does not match the head' });
    }
    out.push({ countyCode: head.county_code, rows, ok: problems.length === 0, problems });
  }
  return out;
}
