import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openPglite } from '../database.ts';
import { MIGRATIONS } from '../migrate.ts';

// 0026 gives the seeded DISABILITY_SEVERE rule its Chinese name, and leaves a county's own name be.

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openPglite({});
  const migrator = new Migrator({
    db: h.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'schema_migration',
  });
  const to = await migrator.migrateTo('0025_feed_record_keys');
  if (to.error) throw to.error;
  await sql`
    insert into alert_rule (county_code, code, alert_type, category, kind, source, population, sla_wd,
      legal_basis, name_zh, name_en, built_in, updated_at)
    values
      ('370971', 'DISABILITY_SEVERE', 'DISABILITY', 'RECIPIENT', 'FIELD_THRESHOLD', 'DISABILITY', 'REGISTRY', 10,
        '§7.4', 'New grade 1–2 disability certificate', 'New grade 1–2 disability certificate', true, now()),
      ('370972', 'DISABILITY_SEVERE', 'DISABILITY', 'RECIPIENT', 'FIELD_THRESHOLD', 'DISABILITY', 'REGISTRY', 10,
        '§7.4', '本县自定名称', 'New grade 1–2 disability certificate', true, now());
  `.execute(h.db);
  const up = await migrator.migrateTo('0026_rule_name_zh');
  if (up.error) throw up.error;
});
afterAll(async () => {
  await h?.close();
});

describe('0026_rule_name_zh', () => {
  it('renames the seeded rule in Chinese and keeps a name a county chose', async () => {
    const rows = await sql<{ county_code: string; name_zh: string }>`
      select county_code, name_zh from alert_rule order by county_code`.execute(h.db);
    expect(rows.rows).toEqual([
      { county_code: '370971', name_zh: '新发一、二级残疾人证' },
      { county_code: '370972', name_zh: '本县自定名称' },
    ]);
  });
});
