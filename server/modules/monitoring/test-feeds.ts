import crypto from 'node:crypto';
import { feedSource } from '../../../contracts/feeds.ts';
import type { TestEnv } from '../../test/harness.ts';

// A test factory for department feed records (architecture convention 10), independent of the
// feeds module's upload path: one batch per call, the person as the registry's blind index of the ID
// number (so feed_record.person_bidx = person.id_number_bidx), the record key a hash of source,
// person and data as the feeds module computes it, so the same record delivered twice is one row.

export async function deliverTestFeed(
  env: Pick<TestEnv, 'db' | 'cipher' | 'clock'>,
  source: string,
  rows: ({ idNumber: string } & Record<string, string | number | boolean>)[],
  county = '370971',
): Promise<number> {
  const src = feedSource(source);
  if (!src) throw new Error(`unknown feed source ${source}`);
  const batch = await env.db
    .insertInto('feed_batch')
    .values({
      county_code: county,
      source,
      channel: 'API',
      api_key_id: null,
      filename: null,
      record_count: rows.length,
      new_count: rows.length,
      delivered_by: null,
      delivered_by_name: 'test',
      delivered_at: env.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const values = rows.map(({ idNumber, ...fields }, i) => {
    const bidx = env.cipher.blindIndex('id_number', idNumber);
    // Fields in catalogue order, like the feeds module: the same record gives the same key.
    const data = JSON.stringify(
      Object.fromEntries(src.fields.filter((f) => f.key in fields).map((f) => [f.key, fields[f.key]])),
    );
    const key = crypto.createHash('sha256').update(source).update('\0').update(bidx).update(data).digest();
    return {
      county_code: county,
      source,
      record_key: key,
      person_bidx: bidx,
      occurred_on: String(fields[src.dateField]),
      data,
      batch_id: batch.id,
      row_no: i + 1,
    };
  });
  const r = await env.db
    .insertInto('feed_record')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}
