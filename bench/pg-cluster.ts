import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A throwaway PostgreSQL cluster for benchmarks (BENCH_DATABASE_URL overrides it): Debian's
// binaries, run as the postgres user when we are root (PostgreSQL refuses to run as root).

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base))
    throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
  const v = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
  return path.join(base, v!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export type Cluster = { url: string; admin: string; stop(): void };

export async function startCluster(): Promise<Cluster> {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, admin: process.env.BENCH_DATABASE_URL, stop() {} };
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(path.join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  // BENCH_PG_LOG=<file>: log the plan of every statement slower than 300 ms (auto_explain) and keep
  // the server log there when the cluster stops — how a slow step is diagnosed.
  const keepLog = process.env.BENCH_PG_LOG;
  const explain = keepLog
    ? ' -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=300 -c auto_explain.log_analyze=on -c auto_explain.log_nested_statements=on'
    : '';
  run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  // Settings of a modest production server (durable: fsync stays on).
  run('pg_ctl', [
    '-D',
    path.join(dir, 'data'),
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB${explain}`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    admin: url,
    stop() {
      try {
        run('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
        if (keepLog) fs.copyFileSync(path.join(dir, 'log'), keepLog);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
