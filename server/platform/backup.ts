import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { type DatabaseHandle, openPglite } from '../db/database.ts';

// Backups of the embedded database: PGlite's own data-directory dump, behind a header that names
// the file as a Huijiu backup and records what it must contain, so restore can refuse a foreign
// file and prove afterwards that every row came back.
//
// Layout: "HUIJIU-BACKUP v1\n" + one JSON line (metadata) + the gzip'd data-directory tarball.

const MAGIC = 'HUIJIU-BACKUP v1\n';

export type BackupMeta = {
  format: 'huijiu-pglite';
  createdAt: string;
  keyFingerprint: string | null;
  migrations: string[];
  rowCounts: Record<string, number>;
};

async function tableCounts(h: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(
    h.db,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table_name)}`.execute(
      h.db,
    );
    out[table_name] = r.rows[0]!.n;
  }
  return out;
}

export async function backupPglite(h: DatabaseHandle, file: string, at: Date): Promise<BackupMeta> {
  if (!h.pglite)
    throw new Error(
      'huijiu backup works on the embedded database; use pg_dump for a PostgreSQL server (docs/DEPLOYMENT.md)',
    );
  const fp = await h.db
    .selectFrom('instance_meta')
    .select('value')
    .where('key', '=', 'key_fingerprint')
    .executeTakeFirst();
  const migrations = await sql<{ name: string }>`select name from schema_migration order by name`.execute(
    h.db,
  );
  const meta: BackupMeta = {
    format: 'huijiu-pglite',
    createdAt: at.toISOString(),
    keyFingerprint: fp?.value ?? null,
    migrations: migrations.rows.map((r) => r.name),
    rowCounts: await tableCounts(h),
  };
  const dump = await h.pglite.dumpDataDir('gzip');
  const body = Buffer.from(await dump.arrayBuffer());
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC), Buffer.from(`${JSON.stringify(meta)}\n`), body]), {
    mode: 0o600,
  });
  fs.renameSync(tmp, file);
  return meta;
}

export function readBackup(file: string): { meta: BackupMeta; tarball: Buffer } {
  const buf = fs.readFileSync(file);
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) {
    throw new Error(`${file} is not a Huijiu backup (不是汇救备份文件): the header is missing`);
  }
  const nl = buf.indexOf(0x0a, MAGIC.length);
  let meta: BackupMeta;
  try {
    meta = JSON.parse(buf.subarray(MAGIC.length, nl).toString());
  } catch {
    throw new Error(`${file} is not a Huijiu backup (不是汇救备份文件): the metadata is unreadable`);
  }
  if (meta.format !== 'huijiu-pglite') throw new Error(`${file} has an unknown backup format ${meta.format}`);
  const tarball = buf.subarray(nl + 1);
  if (tarball[0] !== 0x1f || tarball[1] !== 0x8b)
    throw new Error(`${file} is damaged: the database archive is not gzip`);
  // Check the whole archive (gzip CRC and length) before PGlite unpacks it: PGlite does not await
  // its decompression stream, so a truncated or damaged archive would also escape as an unhandled
  // rejection that crashes the process.
  try {
    zlib.gunzipSync(tarball);
  } catch (err) {
    throw new Error(
      `${file} is not a Huijiu backup (不是汇救备份文件): the database archive is truncated or damaged (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return { meta, tarball };
}

/**
 * Restores into `pgliteDir`, which must not be in use. The current directory is kept beside it
 * (…before-restore-<time>) until the restored copy has been opened and every table's row count
 * matches the backup.
 */
export async function restorePglite(
  file: string,
  pgliteDir: string,
  expectFingerprint: string | null,
  at: Date,
): Promise<BackupMeta> {
  const { meta, tarball } = readBackup(file);
  if (expectFingerprint && meta.keyFingerprint && meta.keyFingerprint !== expectFingerprint) {
    throw new Error(
      `The backup was sealed with another personal-data key (${meta.keyFingerprint}); configure that key first (备份使用了不同的密钥)`,
    );
  }
  const staging = `${pgliteDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const h = await openPglite({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(tarball)]) });
  const counts = await tableCounts(h);
  await h.close();
  const missing = Object.entries(meta.rowCounts).filter(([t, n]) => counts[t] !== n);
  if (missing.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `restore check failed: ${missing.map(([t, n]) => `${t} has ${counts[t]} rows, backup had ${n}`).join('; ')}`,
    );
  }
  if (fs.existsSync(pgliteDir))
    fs.renameSync(pgliteDir, `${pgliteDir}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
  fs.renameSync(staging, pgliteDir);
  return meta;
}
