import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedRowIssue } from '../../../contracts/feeds.ts';
import type { AppError } from '../../platform/errors.ts';
import { nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { deliverFeed, type FeedDeliverer, feedDeps } from './feeds.usecases.ts';

// deliverFeed (domain-rules §8.2): every row validated first and one bad row writes nothing; a
// redelivered record is not stored twice; the person is kept as a blind index only.

let env: TestEnv;
let by: FeedDeliverer;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  by = { kind: 'user', ctx: env.ctx('district') };
});
afterAll(async () => {
  await env?.close();
});

const medical = (idNumber: string, i: number) => ({
  idNumber,
  settledOn: `2026-0${1 + (i % 5)}-1${i % 10}`,
  totalFen: 100_000 + i,
  outOfPocketFen: 40_000 + i,
  hospital: '泰安市中心医院',
});
const count = async (table: 'feed_record' | 'feed_batch') =>
  Number(
    (
      await env.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const failure = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as AppError | null;
  if (!e) throw new Error('expected the delivery to be refused');
  return e;
};

describe('deliverFeed', () => {
  it('writes nothing when one row is bad, and lists every bad row with its number and field', async () => {
    const before = await count('feed_record');
    const rows = Array.from({ length: 10 }, (_, i) => medical(nextIdNumber(), i)) as Record<
      string,
      unknown
    >[];
    rows[3] = { ...rows[3], totalFen: 12.345 };
    const id = nextIdNumber();
    const wrongCheck = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    rows[7] = { ...rows[7], settledOn: '2026-13-01', idNumber: wrongCheck };
    const e = await failure(deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', rows, { channel: 'API' }));
    expect(e.status).toBe(400);
    expect(e.code).toBe('feeds.invalid_records');
    const issues = e.details as FeedRowIssue[];
    expect(issues.map((i) => [i.row, i.field])).toEqual([
      [4, 'records.3.totalFen'],
      [8, 'records.7.idNumber'],
      [8, 'records.7.settledOn'],
    ]);
    expect(issues.every((i) => i.message && i.messageEn)).toBe(true);
    expect(await count('feed_record')).toBe(before);
  });

  it('stores a redelivery of the same records once (newCount 0) and a changed record as new', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => medical(nextIdNumber(), i));
    const first = await deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', rows, {
      channel: 'FILE',
      filename: 'a.xlsx',
    });
    expect(first).toMatchObject({ source: 'MEDICAL_EXPENSE', recordCount: 20, newCount: 20 });
    const again = await deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', rows, { channel: 'FILE' });
    expect(again).toMatchObject({ recordCount: 20, newCount: 0 });
    const changed = rows.map((r, i) => (i === 0 ? { ...r, outOfPocketFen: r.outOfPocketFen + 1 } : r));
    expect(
      (await deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', changed, { channel: 'API' })).newCount,
    ).toBe(1);
    const batch = await env.db
      .selectFrom('feed_batch')
      .selectAll()
      .where('id', '=', again.batchId)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ record_count: 20, new_count: 0, delivered_by_name: 'district 测试' });
  });

  it('keys a record by SHA-256 of source, NUL, blind index and its JSON text (the keys stored before stay valid)', async () => {
    const row = {
      idNumber: nextIdNumber(),
      settledOn: '2026-03-04',
      totalFen: 9,
      outOfPocketFen: 3,
      hospital: '“院”\\\n一部',
    };
    const out = await deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', [row], { channel: 'API' });
    const stored = await env.db
      .selectFrom('feed_record')
      .select(['record_key', 'data'])
      .where('batch_id', '=', out.batchId)
      .executeTakeFirstOrThrow();
    const { idNumber, ...data } = row;
    const expected = crypto
      .createHash('sha256')
      .update('MEDICAL_EXPENSE\0')
      .update(env.cipher.blindIndex('id_number', idNumber))
      .update(JSON.stringify(data))
      .digest();
    expect(stored.record_key.toString('hex')).toBe(expected.toString('hex'));
    expect(stored.data).toEqual(data);
  });

  it('keeps no plaintext ID number in feed_batch, feed_record or the audit log', async () => {
    const ids = [nextIdNumber('1950-01-02'), nextIdNumber('1988-07-30', 2)];
    const out = await deliverFeed(
      feedDeps(env),
      by,
      'DEATH',
      ids.map((idNumber) => ({ idNumber, diedOn: '2026-05-02', funeralHome: '泰安市殡仪馆' })),
      // A department may name its file after the person; the name is masked too.
      { channel: 'FILE', filename: `死亡名单-${ids[0]}.csv` },
    );
    expect(out.newCount).toBe(2);
    const dump = await sql<{ t: string }>`
      select t::text as t from feed_record t union all select t::text from feed_batch t
      union all select t::text from audit_log t`.execute(env.db);
    expect(dump.rows.length).toBeGreaterThan(3);
    for (const id of ids) {
      expect(dump.rows.filter((r) => r.t.includes(id) || r.t.includes(id.slice(0, 15)))).toEqual([]);
    }
    const rec = await env.db
      .selectFrom('feed_record')
      .selectAll()
      .where('batch_id', '=', out.batchId)
      .execute();
    expect(rec.map((r) => r.person_bidx)).toEqual(ids.map((id) => env.cipher.blindIndex('id_number', id)));
    expect(rec[0]).toMatchObject({
      occurred_on: '2026-05-02',
      data: { diedOn: '2026-05-02', funeralHome: '泰安市殡仪馆' },
    });
  });

  it('audits the delivery with counts only', async () => {
    const out = await deliverFeed(
      feedDeps(env),
      by,
      'TAX',
      [{ idNumber: nextIdNumber(), period: '2026-04-01', item: '工资薪金', incomeFen: 520_000 }],
      { channel: 'API' },
    );
    const a = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_id', '=', out.batchId)
      .executeTakeFirstOrThrow();
    expect(a).toMatchObject({
      action: 'feeds.delivered',
      actor_username: 'district',
      record_type: 'feed_batch',
    });
    expect(a.detail).toEqual({ source: 'TAX', channel: 'API', records: 1, new: 1 });
  });

  it('writes a large delivery in several chunks in one batch', async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => ({
      idNumber: nextIdNumber(),
      period: '2026-05-01',
      utility: 'POWER',
      amountFen: 5_000 + (i % 977),
    }));
    const out = await deliverFeed(feedDeps(env), by, 'UTILITIES', rows, { channel: 'API' });
    expect(out).toMatchObject({ recordCount: 12_001, newCount: 12_001 });
    const n = await env.db
      .selectFrom('feed_record')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('batch_id', '=', out.batchId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(12_001);
    // Each stored record is its own row's person, date and content, across the chunk boundaries.
    const stored = await env.db
      .selectFrom('feed_record')
      .select(['row_no', 'person_bidx', 'occurred_on', 'data'])
      .where('batch_id', '=', out.batchId)
      .where('row_no', 'in', [1, 5_000, 5_001, 10_001, 12_001])
      .orderBy('row_no')
      .execute();
    expect(stored.map((r) => r.row_no)).toEqual([1, 5_000, 5_001, 10_001, 12_001]);
    for (const r of stored) {
      const row = rows[r.row_no - 1]!;
      expect(r.person_bidx.equals(env.cipher.blindIndex('id_number', row.idNumber))).toBe(true);
      expect(r.occurred_on).toBe('2026-05-01');
      expect(r.data).toMatchObject({ amountFen: row.amountFen, utility: 'POWER' });
    }
  });

  it('writes nothing when only a late chunk has a bad row: the chunks written before roll back', async () => {
    const [records, batches] = [await count('feed_record'), await count('feed_batch')];
    const rows: Record<string, unknown>[] = Array.from({ length: 12_001 }, (_, i) => ({
      idNumber: nextIdNumber(),
      period: '2026-05-01',
      utility: 'WATER',
      amountFen: 3_000 + (i % 977),
    }));
    rows[10_500] = { ...rows[10_500], amountFen: -5 };
    rows[12_000] = { ...rows[12_000], period: '2026-02-30' };
    const e = await failure(deliverFeed(feedDeps(env), by, 'UTILITIES', rows, { channel: 'API' }));
    expect(e.code).toBe('feeds.invalid_records');
    const issues = e.details as FeedRowIssue[];
    expect(issues.map((x) => [x.row, x.field])).toEqual([
      [10_501, 'records.10500.amountFen'],
      [12_001, 'records.12000.period'],
    ]);
    expect([await count('feed_record'), await count('feed_batch')]).toEqual([records, batches]);
  });

  it('keeps every delivery: a batch cannot be deleted, so no record loses the delivery it came in', async () => {
    const out = await deliverFeed(feedDeps(env), by, 'MEDICAL_EXPENSE', [medical(nextIdNumber(), 1)], {
      channel: 'API',
    });
    await expect(sql`delete from feed_batch where id = ${out.batchId}::uuid`.execute(env.db)).rejects.toThrow(
      /append-only/,
    );
    expect(
      await env.db.selectFrom('feed_batch').select('id').where('id', '=', out.batchId).execute(),
    ).toHaveLength(1);
  });

  it('refuses an unknown source (404), a user without the permission (403) and no rows (400)', async () => {
    const row = [{ idNumber: nextIdNumber(), diedOn: '2026-05-02' }];
    expect((await failure(deliverFeed(feedDeps(env), by, 'NOPE', row, { channel: 'API' }))).status).toBe(404);
    const town = { kind: 'user' as const, ctx: env.ctx('town001') };
    expect((await failure(deliverFeed(feedDeps(env), town, 'DEATH', row, { channel: 'API' }))).status).toBe(
      403,
    );
    const auditor = { kind: 'user' as const, ctx: env.ctx('auditor') };
    expect(
      (await failure(deliverFeed(feedDeps(env), auditor, 'DEATH', row, { channel: 'API' }))).status,
    ).toBe(403);
    expect((await failure(deliverFeed(feedDeps(env), by, 'DEATH', [], { channel: 'API' }))).status).toBe(400);
  });
});
