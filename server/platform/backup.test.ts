import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY } from '../../demo/district.ts';
import { runDemo } from '../../demo/run.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrate.ts';
import { createHousehold } from '../modules/registry/registry.usecases.ts';
import { createServices, type Services } from '../services.ts';
import { buildPerson } from '../test/factories.ts';
import { TEST_MASTER_KEY } from '../test/template.ts';
import { verifyAuditChain } from './audit.ts';
import { backupPglite, restorePglite } from './backup.ts';
import { systemContext } from './context.ts';
import { createCipher } from './crypto.ts';

// Backup and restore of the embedded database, on a real data folder like an installation's.

const OTHER_KEY = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table_name)}`.execute(db);
    out[table_name] = r.rows[0]!.n;
  }
  return out;
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('embedded backup and restore', () => {
  let tmp: string;
  let config: Config;
  let pgliteDir: string;
  let s: Services | undefined;
  let file: string;
  let backupCounts: Record<string, number>;
  const fingerprint = createCipher(TEST_MASTER_KEY).fingerprint;

  const open = async () => {
    s = await createServices(config);
    return s;
  };
  const close = async () => {
    await s?.close();
    s = undefined;
  };
  /** What restore must leave alone when it refuses: the folder beside the data folder. */
  const dataDirListing = () => fs.readdirSync(config.dataDir).sort();

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-backup-'));
    config = loadConfig({ HUIJIU_DATA_DIR: tmp, HUIJIU_MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: 'silent' });
    pgliteDir = path.join(config.dataDir, 'pglite');
    file = path.join(tmp, 'huijiu.backup');
    await runDemo(await open(), { households: 50 });
  });
  afterAll(async () => {
    await close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('restores exactly the rows of the backup: later writes are gone, sealed names still decrypt', async () => {
    const svc = s!;
    const before = await svc.db
      .selectFrom('household')
      .innerJoin('person', (j) =>
        j
          .onRef('person.county_code', '=', 'household.county_code')
          .onRef('person.id', '=', 'household.head_person_id'),
      )
      .select(['household.id', 'household.household_no', 'person.name_enc'])
      .orderBy('household.household_no')
      .executeTakeFirstOrThrow();
    const headName = svc.cipher.decrypt(before.name_enc);
    expect(headName.length).toBeGreaterThan(1);

    const meta = await backupPglite(svc.handle, file, svc.clock.now());
    backupCounts = meta.rowCounts;
    expect(meta).toMatchObject({
      format: 'huijiu-pglite',
      keyFingerprint: fingerprint,
      migrations: Object.keys(MIGRATIONS).sort(),
    });
    expect(meta.rowCounts).toEqual(await rowCounts(svc.db));
    expect(meta.rowCounts).toMatchObject({ household: 50 });
    expect(fs.readFileSync(file).subarray(0, 17).toString()).toBe('HUIJIU-BACKUP v1\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const after = await createHousehold(svc, systemContext(DEMO_COUNTY), {
      villageCode: '370971001201',
      members: [buildPerson({ name: '备份后' })],
    });
    await svc.audit.record({ countyCode: DEMO_COUNTY, action: 'test.after_backup' });
    expect((await rowCounts(svc.db)).household).toBe(51);
    await close();

    const restored = await restorePglite(file, pgliteDir, fingerprint, new Date());
    expect(restored.rowCounts).toEqual(backupCounts);
    const kept = fs.readdirSync(config.dataDir).filter((f) => f.startsWith('pglite.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(fs.existsSync(`${pgliteDir}.restoring`)).toBe(false);

    const svc2 = await open();
    expect(await rowCounts(svc2.db)).toEqual(backupCounts);
    const found = await svc2.db
      .selectFrom('household')
      .innerJoin('person', (j) =>
        j
          .onRef('person.county_code', '=', 'household.county_code')
          .onRef('person.id', '=', 'household.head_person_id'),
      )
      .select(['household.household_no', 'person.name_enc'])
      .where('household.id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(found.household_no).toBe(before.household_no);
    expect(svc2.cipher.decrypt(found.name_enc)).toBe(headName);
    expect(
      await svc2.db.selectFrom('household').select('id').where('id', '=', after.id).executeTakeFirst(),
    ).toBe(undefined);
    expect(
      await svc2.db.selectFrom('audit_log').select('seq').where('action', '=', 'test.after_backup').execute(),
    ).toEqual([]);
    // The restored audit log is a whole chain, head included.
    expect((await verifyAuditChain(svc2.db)).every((r) => r.ok)).toBe(true);
  });

  describe('refuses a file that is not a whole Huijiu backup, and leaves the data folder alone', () => {
    const damaged = (name: string, bytes: Buffer) => {
      const f = path.join(tmp, name);
      fs.writeFileSync(f, bytes);
      return f;
    };

    async function expectRefused(f: string, message: RegExp, expectFingerprint = fingerprint) {
      await close();
      const listing = dataDirListing();
      await expect(restorePglite(f, pgliteDir, expectFingerprint, new Date())).rejects.toThrow(message);
      expect(dataDirListing()).toEqual(listing);
      const svc = await open();
      expect(await rowCounts(svc.db)).toEqual(backupCounts);
    }

    it('a random file', async () => {
      await expectRefused(
        damaged('random.bin', crypto.randomBytes(64 * 1024)),
        /is not a Huijiu backup.*header/,
      );
    });

    it('a file cut short in the header or in the metadata', async () => {
      const whole = fs.readFileSync(file);
      await expectRefused(damaged('cut-header.backup', whole.subarray(0, 10)), /is not a Huijiu backup/);
      await expectRefused(
        damaged('cut-meta.backup', whole.subarray(0, 40)),
        /is not a Huijiu backup.*metadata/,
      );
    });

    it('a file cut short in the database archive', async () => {
      const whole = fs.readFileSync(file);
      await expectRefused(
        damaged('cut-half.backup', whole.subarray(0, Math.floor(whole.length / 2))),
        /is not a Huijiu backup.*truncated or damaged/,
      );
      await expectRefused(
        damaged('cut-tail.backup', whole.subarray(0, whole.length - 4)),
        /is not a Huijiu backup.*truncated or damaged/,
      );
    });

    it('a file garbled in the database archive', async () => {
      const garbled = Buffer.from(fs.readFileSync(file));
      const mid = Math.floor(garbled.length / 2);
      for (let i = mid; i < mid + 64; i++) garbled[i]! ^= 0x5a;
      await expectRefused(damaged('garbled.backup', garbled), /is not a Huijiu backup.*truncated or damaged/);
    });

    it('a backup sealed with another personal-data key', async () => {
      const other = createCipher(OTHER_KEY).fingerprint;
      expect(other).not.toBe(fingerprint);
      await expectRefused(
        file,
        new RegExp(`another personal-data key \\(${fingerprint}\\).*备份使用了不同的密钥`),
        other,
      );
    });
  });
});
