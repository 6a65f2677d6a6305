import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { runDemo } from '../demo/run.ts';
import { loadConfig } from '../server/config.ts';
import { createServices } from '../server/services.ts';
import { databaseUrl, startCluster } from './pg-cluster.ts';

// `npm run bench -- api`: the authenticated household lookup and search routes (session check,
// jurisdiction filter, decryption of names, audit of the view) under autocannon with 50
// connections, beside a bare Fastify + pg server reading the same rows, in the same run.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const KEY = crypto.createHash('sha256').update('huijiu-bench').digest('hex');

function startChild(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const prof = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.tmp/prof-api'] : [];
  const child = spawn(
    process.execPath,
    [...prof, '--import', 'tsx', script, ...(script.endsWith('cli.ts') ? ['serve'] : [])],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (ready.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

async function load(url: string, headers: Record<string, string>) {
  const r = await autocannon({ url, connections: 50, duration: SECONDS, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

export async function benchApi() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-api-'));
  const cluster = await startCluster();
  const children: ChildProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.admin });
    await admin.connect();
    await admin.query('drop database if exists bench_api');
    await admin.query('create database bench_api');
    await admin.end();
    const url = databaseUrl(cluster.admin, 'bench_api');
    const env = { DATABASE_URL: url, HUIJIU_DATA_DIR: tmp, HUIJIU_MASTER_KEY: KEY, LOG_LEVEL: 'silent' };
    const s = await createServices(loadConfig(env));
    await runDemo(s);
    const sample = await s.db
      .selectFrom('household as h')
      .innerJoin('person as p', (j) =>
        j.onRef('p.county_code', '=', 'h.county_code').onRef('p.id', '=', 'h.head_person_id'),
      )
      .select(['h.id', 'p.name_enc', 'p.name_mask'])
      .where('h.village_code', '=', '370971001201')
      .limit(1)
      .executeTakeFirstOrThrow();
    const name = s.cipher.decrypt(sample.name_enc);
    await s.close();

    const appPort = 3400 + Math.floor(Math.random() * 100);
    children.push(await startChild('server/cli.ts', { ...env, PORT: String(appPort) }, /running at/));
    const login = await fetch(`http://127.0.0.1:${appPort}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'district', password: 'Huijiu@2025demo' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const lookup = await load(`http://127.0.0.1:${appPort}/api/v1/households/${sample.id}`, { cookie });
    const search = await load(`http://127.0.0.1:${appPort}/api/v1/households?q=${encodeURIComponent(name)}`, {
      cookie,
    });
    const audited = await new pg.Client({ connectionString: url });
    await audited.connect();
    const views = (
      await audited.query(
        "select count(*)::int as n from audit_log where action = 'registry.household_viewed'",
      )
    ).rows[0].n;
    await audited.end();

    const barePort = appPort + 200;
    children.push(
      await startChild('bench/bare-server.ts', { DATABASE_URL: url, PORT: String(barePort) }, /ready/),
    );
    const bareLookup = await load(`http://127.0.0.1:${barePort}/h/${sample.id}`, {});
    const bareSearch = await load(
      `http://127.0.0.1:${barePort}/search?q=${encodeURIComponent(sample.name_mask)}`,
      {},
    );

    const line = (label: string, a: { rps: number; p99: number }, b: { rps: number; p99: number }) =>
      `${label.padEnd(8)} huijiu ${a.rps.toFixed(0).padStart(6)} req/s p99 ${String(a.p99).padStart(4)} ms | bare ${b.rps.toFixed(0).padStart(6)} req/s p99 ${String(b.p99).padStart(4)} ms | throughput ${(a.rps / b.rps).toFixed(2)}× (≥ 0.5) p99 ${(a.p99 / Math.max(1, b.p99)).toFixed(2)}× (≤ 2)`;
    process.stdout.write(
      `api bench (autocannon, 50 connections, ${SECONDS} s each, PostgreSQL server)\n${line('lookup', lookup, bareLookup)}\n${line('search', search, bareSearch)}\naudit entries written for the lookups: ${views}\n`,
    );
    return { lookup, search, bareLookup, bareSearch };
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
