import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openPglite } from '../server/db/database.ts';

// What 'full' durability (fsync at every commit) costs the embedded database:
// N single-row commits on a file-backed PGlite, 'full' versus 'relaxed'.
//
//   npx tsx bench/pglite-durability.ts [N] [DIR]
//
// DIR defaults to the system temp folder; point it at the disk the data folder will live on
// (a tmpfs ignores fsync and would make both modes look alike).

const N = Number(process.argv[2] ?? 500);
const base = fs.mkdtempSync(path.join(process.argv[3] ?? os.tmpdir(), 'huijiu-bench-durability-'));

async function commitsPerSecond(durability: 'full' | 'relaxed'): Promise<number> {
  const h = await openPglite({ dataDir: path.join(base, durability), durability });
  try {
    await sql`create table bench_commit (id integer primary key, payload text not null)`.execute(h.db);
    // Warm-up outside the measurement: the first commits touch fresh WAL segments and catalogs.
    for (let i = 1; i <= 20; i++) {
      await sql`insert into bench_commit (id, payload) values (${-i}, 'warm-up')`.execute(h.db);
    }
    const start = process.hrtime.bigint();
    for (let i = 1; i <= N; i++) {
      await sql`insert into bench_commit (id, payload) values (${i}, ${`row ${i}`})`.execute(h.db);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const n = await sql<{ n: number }>`select count(*)::int as n from bench_commit where id > 0`.execute(h.db);
    if (n.rows[0]!.n !== N) throw new Error(`expected ${N} rows, found ${n.rows[0]!.n}`);
    return N / seconds;
  } finally {
    await h.close();
  }
}

try {
  const full = await commitsPerSecond('full');
  const relaxed = await commitsPerSecond('relaxed');
  const fmt = (x: number) => x.toFixed(0).padStart(7);
  process.stdout.write(
    [
      `PGlite single-row commits, N=${N}, folder ${base}`,
      `  full    (fsync per commit): ${fmt(full)} commits/s  (${(1000 / full).toFixed(2)} ms/commit)`,
      `  relaxed (no fsync):         ${fmt(relaxed)} commits/s  (${(1000 / relaxed).toFixed(2)} ms/commit)`,
      `  relaxed / full:             ${(relaxed / full).toFixed(2)}x`,
      '',
    ].join('\n'),
  );
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
