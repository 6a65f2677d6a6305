import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_COUNTY, demoDivisions } from '../demo/district.ts';
import { csvLine, demoRowStream } from '../demo/population.ts';
import { createRng } from '../demo/random.ts';
import { loadConfig } from '../server/config.ts';
import { openPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { upsertDivisions } from '../server/modules/divisions/divisions.usecases.ts';
import { runHouseholdImport } from '../server/modules/imports/imports.usecases.ts';
import { systemContext } from '../server/platform/context.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { createServices } from '../server/services.ts';
import { databaseUrl, startCluster } from './pg-cluster.ts';

// `npm run bench -- registry`: imports N households (≈2.56 persons each) from a CSV file through
// the real import path (validation pass, sealing, conflict checks, history, audit) into a
// PostgreSQL server, then COPYs exactly the rows it wrote into a fresh database with the same
// schema and indexes, and prints the ratio of the two.

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 400_000);
const TABLES = ['household', 'person', 'household_member', 'record_version'];
const KEY = crypto.createHash('sha256').update('huijiu-bench').digest('hex');

async function createDb(admin: string, name: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`drop database if exists ${name}`);
  await c.query(`create database ${name}`);
  await c.end();
  return databaseUrl(admin, name);
}

function psql(url: string, command: string) {
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', command], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function benchRegistry() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-registry-'));
  fs.chmodSync(tmp, 0o777);
  const cluster = await startCluster();
  try {
    const file = path.join(tmp, 'households.csv');
    const out = fs.createWriteStream(file);
    out.write('\ufeff');
    let persons = -1;
    for (const row of demoRowStream(createRng(7), {
      households: HOUSEHOLDS,
      villages: demoDivisions().villages,
      today: '2026-11-29',
    })) {
      persons++;
      if (!out.write(csvLine(row))) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    const mb = (fs.statSync(file).size / 1e6).toFixed(0);
    process.stdout.write(`registry bench: ${HOUSEHOLDS} households, ${persons} persons, CSV ${mb} MB\n`);

    // 1. The import path.
    const importUrl = await createDb(cluster.admin, 'bench_import');
    const s = await createServices(
      loadConfig({
        DATABASE_URL: importUrl,
        HUIJIU_DATA_DIR: tmp,
        HUIJIU_MASTER_KEY: KEY,
        LOG_LEVEL: 'silent',
      }),
    );
    await upsertDivisions(s.db, demoDivisions());
    const bar = createProgressBar('import');
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    let writeStart = 0;
    const t0 = performance.now();
    const result = await runHouseholdImport(
      { ...s, dataDir: tmp },
      systemContext(DEMO_COUNTY, 'bench'),
      {
        jobId: crypto.randomUUID(),
        progress: async (p) => {
          if (!writeStart && p.message?.startsWith('写入')) writeStart = performance.now();
          bar.update(p);
        },
      },
      file,
      'csv',
    );
    const importMs = performance.now() - t0;
    clearInterval(sampler);
    bar.done(result.ok ? `${result.persons} persons` : `FAILED ${JSON.stringify(result.errors.slice(0, 3))}`);
    if (!result.ok) throw new Error('bench import failed');
    await s.close();

    // 2. The floor: COPY the very same rows into an identical empty schema.
    for (const t of TABLES) psql(importUrl, `\\copy ${t} to '${path.join(tmp, `${t}.copy`)}'`);
    const copyUrl = await createDb(cluster.admin, 'bench_copy');
    const h = await openPostgres(copyUrl, 1);
    await migrateToLatest(h.db);
    await upsertDivisions(h.db, demoDivisions());
    await h.close();
    const t1 = performance.now();
    const script = [
      'begin;',
      ...TABLES.map((t) => `\\copy ${t} from '${path.join(tmp, `${t}.copy`)}'`),
      'commit;',
    ].join('\n');
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', copyUrl], {
      input: script,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    const copyMs = performance.now() - t1;

    const ratio = importMs / copyMs;
    process.stdout.write(
      `${[
        `import path : ${(importMs / 1000).toFixed(1)} s (validation ≈ ${((writeStart - t0) / 1000).toFixed(1)} s), ${Math.round(persons / (importMs / 1000))} persons/s (validation pass + write pass, encryption included)`,
        `raw COPY    : ${(copyMs / 1000).toFixed(1)} s, ${Math.round(persons / (copyMs / 1000))} persons/s (same rows, same indexes: ${TABLES.join(', ')})`,
        `ratio       : ${ratio.toFixed(2)}× (target ≤ 4×) ${ratio <= 4 ? 'OK' : 'OVER TARGET'}`,
        `peak RSS    : ${(peakRss / 2 ** 20).toFixed(0)} MiB (target < 1024 MiB)`,
      ].join('\n')}\n`,
    );
    return { importMs, copyMs, ratio, peakRss };
  } finally {
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
