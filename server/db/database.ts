import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DurableNodeFS } from './durable-nodefs.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'pg';
  /** The embedded engine, for backup (dumpDataDir) and bulk loading. */
  pglite?: PGlite;
  /** The server pool, for COPY and bulk loading. */
  pool?: pg.Pool;
  close(): Promise<void>;
};

// Both engines must return the same JS types: calendar dates stay 'YYYY-MM-DD' strings (never a
// Date shifted by the server's time zone) and int8 counts and fen amounts become numbers.
const OID = { bytea: 17, int8: 20, date: 1082, numeric: 1700 } as const;
pg.types.setTypeParser(OID.int8, (v) => Number(v));
pg.types.setTypeParser(OID.date, (v) => v);

const pgliteParsers = {
  [OID.int8]: (v: string) => Number(v),
  [OID.date]: (v: string) => v,
  // node-postgres returns Buffers; PGlite would return bare Uint8Arrays.
  [OID.bytea]: (v: string) => Buffer.from(v.slice(2), 'hex'),
};

// PGlite's default start parameters pass -F (fsync off). Without it every commit is flushed to
// disk, so a power cut after a commit returns cannot lose it.
const durableStartParams = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  // Emscripten implements fdatasync() (PostgreSQL's default WAL sync on Linux) as a no-op that never
  // reaches the file system; fsync() does, so the WAL is flushed to disk at every commit.
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
];

export type PgliteOptions = {
  /** A folder for a persistent database, or undefined for an in-memory one. */
  dataDir?: string;
  durability?: 'full' | 'relaxed';
  /** A dumped data directory (tarball) to start from: the migrated test template. */
  loadDataDir?: Blob;
};

export async function openPglite(opts: PgliteOptions): Promise<DatabaseHandle> {
  if (opts.dataDir) fs.mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
  const durable = (opts.durability ?? 'full') === 'full';
  const pglite = await PGlite.create({
    ...(opts.dataDir && durable
      ? { fs: new DurableNodeFS(path.resolve(opts.dataDir)) }
      : { dataDir: opts.dataDir }),
    loadDataDir: opts.loadDataDir,
    parsers: pgliteParsers,
    relaxedDurability: !durable,
    ...(durable && opts.dataDir ? { startParams: durableStartParams } : {}),
  });
  await pglite.exec("set timezone = 'Asia/Shanghai'");
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: () => db.destroy(),
  };
}

/**
 * Repeated parameterised statements become named prepared statements on each connection, so the
 * server parses and plans them once instead of on every call: the household detail (a five-table
 * join) spends longer planning than executing. Statements with many parameters (IN lists of
 * varying length) stay unnamed so the per-connection cache stays small. Behind PgBouncer this
 * needs session pooling, or transaction pooling with max_prepared_statements (≥ 1.21).
 */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `hj_${crypto.createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (statementNames.size > 5000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && values.length <= 64) {
      return super.query({ name: statementName(config), text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

export async function openPostgres(url: string, max = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c timezone=Asia/Shanghai',
    Client: PreparingClient,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'pg', pool, close: () => db.destroy() };
}

export function openDatabase(config: {
  databaseUrl?: string;
  dataDir: string;
  pgliteDurability?: 'full' | 'relaxed';
}): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite({ dataDir: path.join(config.dataDir, 'pglite'), durability: config.pgliteDurability });
}
