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

// Count the syncs that reach the host, so the figures show whether 'full' really synced.
let syncs = 0;
const fdatasyncSync = fs.fdatasyncSync;
fs.fdatasyncSync = (fd: number) => {
  syncs++;
  fdatasyncSync(fd);
};
const base = fs.mkdtempSync(path.join(process.argv[3] ?? os.tmpdir(), 'huijiu-bench-durability-'));

async function measure(
  durability: 'full' | 'relaxed',
): Promise<{ perSecond: number; syncsPerCommit: number }> {
  const h = await openPglite({ dataDir: path.join(base, durability), durability });
  try {
    await sql`create table bench_commit (id integer primary key, payload text not null)`.execute(h.db);
    // Warm-up outside the measurement: the first commits touch fresh WAL segments and catalogs.
    for (let i = 1; i <= 20; i++) {
      await sql`insert into bench_commit (id, payload) values (${-i}, 'warm-up')`.execute(h.db);
    }
    const syncsBefore = syncs;
    const start = process.hrtime.bigint();
    for (let i = 1; i <= N; i++) {
      await sql`insert into bench_commit (id, payload) values (${i}, ${`row ${i}`})`.execute(h.db);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const syncsPerCommit = (syncs - syncsBefore) / N;
    const n = await sql<{ n: number }>`select count(*)::int as n from bench_commit where id > 0`.execute(
      h.db,
    );
    if (n.rows[0]!.n !== N) throw new Error(`expected ${N} rows, found ${n.rows[0]!.n}`);
    return { perSecond: N / seconds, syncsPerCommit };
  } finally {
    await h.close();
  }
}

try {
  const full = await measure('full');
  const relaxed = await measure('relaxed');
  const line = (label: string, r: { perSecond: number; syncsPerCommit: number }) =>
    `  ${label} ${r.perSecond.toFixed(0).padStart(6)} commits/s  (${(1000 / r.perSecond).toFixed(2)} ms/commit, ${r.syncsPerCommit.toFixed(2)} fsync/commit)`;
  process.stdout.write(
    [
      `PGlite single-row commits, N=${N}, folder ${base}`,
      line('full   ', full),
      line('relaxed', relaxed),
      `  relaxed / full: ${(relaxed.perSecond / full.perSecond).toFixed(2)}x`,
      '',
    ].join('\n'),
  );
} finally {
  fs.rmSync(base, { recursive: true, force: true });
}
