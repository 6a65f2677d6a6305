import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase } from '../test/harness.ts';
import {
  type AuditEntry,
  appendAudit,
  canonicalJson,
  chainHash,
  createAuditLog,
  verifyAuditChain,
} from './audit.ts';
import type { Clock } from './clock.ts';

// Each test writes to its own county codes, so the tests do not depend on one another's rows.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const GENESIS: Buffer = Buffer.alloc(32);

const entry = (countyCode: string, action: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  countyCode,
  action,
  actorUsername: 'town001',
  actorRole: 'town_officer',
  recordType: 'household',
  recordId: `${countyCode}-${action}`,
  clientIp: '127.0.0.1',
  requestId: `req-${action}`,
  detail,
});

async function append(at: string, entries: AuditEntry[]) {
  await h.db.transaction().execute((trx) => appendAudit(trx, new Date(at), entries));
}

async function chainOf(county: string) {
  return h.db.selectFrom('audit_log').selectAll().where('county_code', '=', county).orderBy('seq').execute();
}

/** A log of `n` rows in one county, one transaction per row. */
async function seedLog(county: string, n: number) {
  for (let i = 1; i <= n; i++) {
    await append(`2026-11-29T10:00:0${i % 10}+08:00`, [entry(county, `a${i}`, { i, note: '查看' })]);
  }
}

/** A clock that moves on by one millisecond per reading: each transaction gets its own instant. */
function tickingClock(): Clock {
  let t = Date.parse('2026-11-29T02:00:00Z');
  return { now: () => new Date(t++) };
}

async function tamper(fn: () => Promise<unknown>) {
  // As the table owner: a real attacker with the owner's rights can do this too; the chain must show it.
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(h.db);
  try {
    await fn();
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(h.db);
  }
}

describe('audit chain', () => {
  it('appends a gap-free chain per county across batches, each row hashing the previous one', async () => {
    const [A, B] = ['110101', '310115'];
    await append('2026-11-29T09:00:00+08:00', [
      entry(A, 'a1'),
      entry(B, 'b1'),
      entry(A, 'a2'),
      entry(B, 'b2'),
      entry(A, 'a3'),
    ]);
    await append('2026-11-29T09:05:00+08:00', [entry(B, 'b3', { z: 1, a: { y: [1, '二', null], b: true } })]);
    await append('2026-11-29T09:10:00+08:00', [
      entry(A, 'a4', { 姓名: '王*英', field: 'idNumber', reason: '核实身份' }),
      entry(B, 'b4'),
      entry(A, 'a5', { nested: { c: 3, b: 2, a: 1 }, list: [{ y: 1, x: 2 }] }),
    ]);

    for (const [county, actions] of [
      [A, ['a1', 'a2', 'a3', 'a4', 'a5']],
      [B, ['b1', 'b2', 'b3', 'b4']],
    ] as const) {
      const rows = await chainOf(county);
      expect(rows.map((r) => r.seq)).toEqual(actions.map((_, i) => i + 1));
      expect(rows.map((r) => r.action)).toEqual(actions);
      let prev: Buffer = GENESIS;
      for (const r of rows) {
        expect(r.prev_hash.equals(prev)).toBe(true);
        const { prev_hash, hash, ...content } = r;
        // Recomputed from the row as stored (jsonb has reordered the detail's keys).
        expect(chainHash(prev_hash, content).equals(hash)).toBe(true);
        prev = hash;
      }
      const head = await h.db
        .selectFrom('audit_head')
        .selectAll()
        .where('county_code', '=', county)
        .executeTakeFirstOrThrow();
      expect(head.seq).toBe(actions.length);
      expect(head.hash.equals(prev)).toBe(true);
    }
    expect((await chainOf(B))[2]!.detail).toEqual({ z: 1, a: { y: [1, '二', null], b: true } });
    expect((await chainOf(B))[2]!.at.toISOString()).toBe('2026-11-29T01:05:00.000Z');
    expect(await verifyAuditChain(h.db, A)).toEqual([{ countyCode: A, rows: 5, ok: true, problems: [] }]);
    expect(await verifyAuditChain(h.db, B)).toEqual([{ countyCode: B, rows: 4, ok: true, problems: [] }]);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const C = '120101';
    await append('2026-11-29T09:00:00+08:00', [entry(C, 'kept')]);
    await expect(
      h.db.transaction().execute(async (trx) => {
        await appendAudit(trx, new Date(), [entry(C, 'rolled-back')]);
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    await append('2026-11-29T09:01:00+08:00', [entry(C, 'next')]);
    expect((await chainOf(C)).map((r) => [r.seq, r.action])).toEqual([
      [1, 'kept'],
      [2, 'next'],
    ]);
    expect((await verifyAuditChain(h.db, C))[0]!.ok).toBe(true);
  });

  it('group-commits 200 concurrent reads in one write, numbered 1..200 without gaps', async () => {
    const C = '130102';
    const log = createAuditLog({ db: h.db, clock: tickingClock() });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.record({ countyCode: C, action: 'registry.view', recordId: String(i), detail: { i } }),
      ),
    );
    const rows = await chainOf(C);
    expect(rows).toHaveLength(200);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(rows.map((r) => r.record_id)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    // One clock reading per batch: a single instant means the 200 entries were written together.
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBe(1);
    expect(await verifyAuditChain(h.db, C)).toEqual([{ countyCode: C, rows: 200, ok: true, problems: [] }]);
  });

  it('splits a group commit into batches of maxBatch and still numbers without gaps', async () => {
    const C = '130103';
    const log = createAuditLog({ db: h.db, clock: tickingClock(), maxBatch: 64 });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        log.record({ countyCode: C, action: 'registry.view', detail: { i } }),
      ),
    );
    await log.flush();
    const rows = await chainOf(C);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.at.getTime())).size).toBe(Math.ceil(200 / 64));
    expect((await verifyAuditChain(h.db, C))[0]!.ok).toBe(true);
  });

  it('never reuses a seq when two processes append to one county at the same time', async () => {
    const C = '130105';
    const logs = [
      createAuditLog({ db: h.db, clock: tickingClock() }),
      createAuditLog({ db: h.db, clock: tickingClock() }),
    ];
    const writes = Array.from({ length: 120 }, (_, i) =>
      i % 3 === 2
        ? append('2026-11-29T09:00:00+08:00', [entry(C, `direct${i}`)])
        : logs[i % 3]!.record({ countyCode: C, action: `log${i}` }),
    );
    await Promise.all(writes);
    const rows = await chainOf(C);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.action)).size).toBe(120);
    expect((await verifyAuditChain(h.db, C))[0]!.ok).toBe(true);
  });

  it('rejects every caller of a batch that cannot be stored, writes none of it, and keeps numbering', async () => {
    const C = '130104';
    const log = createAuditLog({ db: h.db, clock: tickingClock() });
    const good = log.record({ countyCode: C, action: 'registry.view' });
    // jsonb cannot hold U+0000: this entry cannot be stored, and it shares its batch with the first.
    const bad = log.record({ countyCode: C, action: 'registry.view', detail: { q: '\u0000' } });
    const [g, b] = await Promise.allSettled([good, bad]);
    expect([g.status, b.status]).toEqual(['rejected', 'rejected']);
    expect(await chainOf(C)).toHaveLength(0);
    await log.record({ countyCode: C, action: 'registry.view' });
    expect((await chainOf(C)).map((r) => r.seq)).toEqual([1]);
    expect((await verifyAuditChain(h.db, C))[0]!.ok).toBe(true);
  });

  it('never reports an unstored entry as recorded, nor breaks another county, when a mixed batch fails', async () => {
    const C = '130106';
    const log = createAuditLog({ db: h.db, clock: tickingClock() });
    await log.record({ countyCode: C, action: 'before' });
    // county_code is char(6): the second entry cannot be stored.
    const results = await Promise.allSettled([
      log.record({ countyCode: C, action: 'mixed' }),
      log.record({ countyCode: '1301060', action: 'mixed' }),
    ]);
    expect(results[1]!.status).toBe('rejected');
    await log.record({ countyCode: C, action: 'after' });
    const rows = await chainOf(C);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['before', 'after']));
    if (results[0]!.status === 'fulfilled') expect(rows.map((r) => r.action)).toContain('mixed');
    expect((await verifyAuditChain(h.db, C))[0]!.ok).toBe(true);
    expect(
      await h.db.selectFrom('audit_head').select('seq').where('county_code', '=', C).executeTakeFirst(),
    ).toEqual({
      seq: rows.length,
    });
  });

  it('verifies every county with a head, in county order, when no county is given', async () => {
    const [X, Y] = ['650102', '140105'];
    await seedLog(X, 2);
    await seedLog(Y, 3);
    const all = await verifyAuditChain(h.db);
    const codes = all.map((r) => r.countyCode);
    expect(codes).toEqual([...codes].sort());
    expect(all.find((r) => r.countyCode === X)).toEqual({ countyCode: X, rows: 2, ok: true, problems: [] });
    expect(all.find((r) => r.countyCode === Y)).toEqual({ countyCode: Y, rows: 3, ok: true, problems: [] });
  });
});

describe('audit log is append-only', () => {
  it('refuses UPDATE and DELETE through the trigger and leaves the rows unchanged', async () => {
    const C = '210102';
    await seedLog(C, 3);
    const before = await chainOf(C);
    await expect(
      sql`update audit_log set action = 'forged' where county_code = ${C} and seq = 2`.execute(h.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where county_code = ${C}`.execute(h.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      h.db.updateTable('audit_log').set({ detail: '{}' }).where('county_code', '=', C).execute(),
    ).rejects.toThrow(/审计日志只可追加/);
    expect(await chainOf(C)).toEqual(before);
  });

  it('refuses TRUNCATE of the log and of the chain heads (statement triggers, migration 0002)', async () => {
    const C = '210103';
    await seedLog(C, 2);
    const before = await chainOf(C);
    await expect(sql`truncate audit_log`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_head`.execute(h.db)).rejects.toThrow(/append-only/);
    expect(await chainOf(C)).toEqual(before);
  });
});

describe('verifyAuditChain finds tampering', () => {
  it("reports 'content was altered' at the edited row only", async () => {
    const C = '220102';
    await seedLog(C, 5);
    await tamper(() =>
      sql`update audit_log set detail = ${JSON.stringify({ i: 3, note: '已删除' })}::jsonb
          where county_code = ${C} and seq = 3`.execute(h.db),
    );
    expect(await verifyAuditChain(h.db, C)).toEqual([
      { countyCode: C, rows: 5, ok: false, problems: [{ seq: 3, problem: 'content was altered' }] },
    ]);
  });

  it('reports the broken link when an edited row is re-hashed to hide the edit', async () => {
    const C = '220103';
    await seedLog(C, 5);
    const row = (await chainOf(C))[1]!;
    const { prev_hash, hash: _old, ...content } = row;
    const forged = { ...content, action: 'forged' };
    await tamper(() =>
      sql`update audit_log set action = 'forged', hash = ${chainHash(prev_hash, forged)}
          where county_code = ${C} and seq = 2`.execute(h.db),
    );
    expect((await verifyAuditChain(h.db, C))[0]!.problems).toEqual([
      { seq: 3, problem: 'previous hash does not match' },
    ]);
  });

  it('reports the missing rows when a middle row is deleted', async () => {
    const C = '220104';
    await seedLog(C, 5);
    await tamper(() => sql`delete from audit_log where county_code = ${C} and seq = 3`.execute(h.db));
    expect(await verifyAuditChain(h.db, C)).toEqual([
      {
        countyCode: C,
        rows: 4,
        ok: false,
        problems: [
          { seq: 3, problem: 'rows 3..3 missing' },
          { seq: 4, problem: 'previous hash does not match' },
        ],
      },
    ]);
  });

  it('reports the mismatch with the head when the newest row is deleted', async () => {
    const C = '220105';
    await seedLog(C, 5);
    await tamper(() => sql`delete from audit_log where county_code = ${C} and seq = 5`.execute(h.db));
    expect(await verifyAuditChain(h.db, C)).toEqual([
      {
        countyCode: C,
        rows: 4,
        ok: false,
        problems: [{ seq: 5, problem: 'chain ends at 4 but the head says 5' }],
      },
    ]);
  });

  it('reports a replaced newest row against the head hash', async () => {
    const C = '220106';
    await seedLog(C, 3);
    const rows = await chainOf(C);
    const { prev_hash, hash: _old, ...content } = rows[2]!;
    const forged = { ...content, detail: { i: 3, note: '伪造' } };
    await tamper(() =>
      sql`update audit_log set detail = ${JSON.stringify(forged.detail)}::jsonb, hash = ${chainHash(prev_hash, forged)}
          where county_code = ${C} and seq = 3`.execute(h.db),
    );
    expect((await verifyAuditChain(h.db, C))[0]!.problems).toEqual([
      { seq: 3, problem: 'last hash does not match the head' },
    ]);
  });
});

describe('canonicalJson', () => {
  /** The same value with every object's keys inserted in a (seeded) random order. */
  function reorder(v: unknown, rnd: () => number): unknown {
    if (Array.isArray(v)) return v.map((x) => reorder(x, rnd));
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => [k, reorder(x, rnd)] as const,
    );
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries);
  }
  function prng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('does not depend on key order at any depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (v, seed) => {
        expect(canonicalJson(reorder(v, prng(seed)))).toBe(canonicalJson(v));
      }),
      { numRuns: 500 },
    );
  });

  it('gives different text for different values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
        fc.pre(!isDeepStrictEqual(plain(a), plain(b)));
        expect(canonicalJson(a)).not.toBe(canonicalJson(b));
      }),
      { numRuns: 300 },
    );
  });

  it('is JSON that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });
});
