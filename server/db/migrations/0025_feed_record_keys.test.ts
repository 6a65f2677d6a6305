import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPglite } from '../database.ts';
import { MIGRATIONS } from '../migrate.ts';

// 0025 moves the department records into a table partitioned by source, with the person leading
// the primary key and no foreign key: what was delivered before must come through, keyed as before.

let h: DatabaseHandle;
let migrator: Migrator;
beforeAll(async () => {
  h = await openPglite({});
  migrator = new Migrator({
    db: h.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migration',
  });
  const to = await migrator.migrateTo('0024_portal_duplicates');
  if (to.error) throw to.error;
  await sql`
    insert into feed_batch (county_code, id, source, channel, record_count, new_count, delivered_by_name, delivered_at)
    values ('370971', '00000000-0000-4000-8000-000000000001', 'MEDICAL_EXPENSE', 'API', 2, 2, 'test', now());
    insert into feed_record (county_code, source, record_key, person_bidx, occurred_on, data, batch_id, row_no) values
      ('370971', 'MEDICAL_EXPENSE', '\\x01', '\\xaa', '2026-03-01', '{"outOfPocketFen": 1}', '00000000-0000-4000-8000-000000000001', 1),
      ('370971', 'LATER_SOURCE', '\\x02', '\\xbb', '2026-03-02', '{}', '00000000-0000-4000-8000-000000000001', 2);
  `.execute(h.db);
});
afterAll(async () => {
  await h?.close();
});

const held = async () =>
  (
    await sql<{ part: string; source: string; row_no: number }>`
      select tableoid::regclass::text as part, source, row_no from feed_record order by row_no`.execute(h.db)
  ).rows;

describe('0025_feed_record_keys', () => {
  it('keeps every record, each in its source partition (an unknown source in the default one)', async () => {
    const up = await migrator.migrateTo('0025_feed_record_keys');
    expect(up.error).toBeUndefined();
    expect(await held()).toEqual([
      { part: 'feed_record_medical_expense', source: 'MEDICAL_EXPENSE', row_no: 1 },
      { part: 'feed_record_other', source: 'LATER_SOURCE', row_no: 2 },
    ]);
  });

  it('still stores a redelivered record once', async () => {
    const r = await sql`
      insert into feed_record (county_code, source, record_key, person_bidx, occurred_on, data, batch_id, row_no)
      values ('370971', 'MEDICAL_EXPENSE', '\\x01', '\\xaa', '2026-03-01', '{}', '00000000-0000-4000-8000-000000000001', 9)
      on conflict do nothing`.execute(h.db);
    expect(Number(r.numAffectedRows)).toBe(0);
  });

  it('goes back down to the single table with its records', async () => {
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    expect(await held()).toEqual([
      { part: 'feed_record', source: 'MEDICAL_EXPENSE', row_no: 1 },
      { part: 'feed_record', source: 'LATER_SOURCE', row_no: 2 },
    ]);
  });
});
