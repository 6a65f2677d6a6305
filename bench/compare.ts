import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { deliverFeed, feedDeps } from '../server/modules/feeds/feeds.usecases.ts';
import { compareNow } from '../server/modules/monitoring/compare.usecases.ts';
import { createClock } from '../server/platform/clock.ts';
import { systemContext } from '../server/platform/context.ts';
import { createCipher } from '../server/platform/crypto.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { BENCH_COUNTY, openBenchDb, payeeIdNumber, seedCases, usesServer } from './seed-cases.ts';

// `npm run bench -- compare` (issue 6): a department delivers a medical-expense feed (医疗费用结算,
// §8.2) of N records and the comparison job matches it against N registry persons and raises the
// alerts (§7.4 SERIOUS_ILLNESS: out of pocket ≥ the threshold within a year). Timed as one job:
// the delivery through the production use case (validation, blind-indexing every ID number, the
// batch insert, 10,000 records per call like the push API) plus the production comparison run
// (category sync and every enabled rule). The floor, in the same run on the same data: COPY of the
// same records in plaintext plus one join on the plaintext ID number that selects the same matches.
//
// Default: embedded PGlite, 10,000; BENCH_ENGINE=pg: a throwaway PostgreSQL server, 1,000,000.

const N = Number(process.env.BENCH_RECORDS ?? (usesServer() ? 1_000_000 : 10_000));
const COUNTY = BENCH_COUNTY;
const TODAY = '2026-11-20';
const THRESHOLD_FEN = 1_500_000;
const CALL = 10_000;
const TARGET = 3;
const KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Record i names person ((i × 7919) mod 1.2N) + 1: about five in six are registry persons, the rest
 * unknown to the registry (a department knows more people than the bureau). Every 50th has a large
 * out-of-pocket bill.
 */
function record(i: number) {
  const person = ((i * 7919) % Math.floor(N * 1.2)) + 1;
  const day = 1 + (i % 300);
  const settledOn = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const outOfPocketFen = i % 50 === 0 ? 2_000_000 + (i % 97) * 100 : 10_000 + (i % 500) * 100;
  return {
    idNumber: payeeIdNumber(person),
    settledOn,
    totalFen: outOfPocketFen * 3,
    outOfPocketFen,
    hospital: `第${(i % 9) + 1}人民医院`,
  };
}

/** COPY … FROM STDIN on the pg driver, fed one buffer (pg-copy-streams is not a dependency). */
class CopyIn extends pg.Query {
  constructor(
    text: string,
    private readonly data: Buffer,
  ) {
    super(text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }
}

const FLOOR_TABLE = sql`bench_feed_plain (id_number text, settled_on date, total_fen int8, out_of_pocket_fen int8, hospital text)`;

/** The floor: COPY the records in plaintext, then one join on the plaintext ID number. */
async function floor(h: DatabaseHandle, csv: Buffer): Promise<{ ms: number; matches: number }> {
  await sql`drop table if exists bench_feed_plain`.execute(h.db);
  await sql`drop table if exists bench_floor_alert`.execute(h.db);
  await sql`create table ${FLOOR_TABLE}`.execute(h.db);
  await sql`create table bench_floor_alert (person_id uuid, id_number text, settled_on date, out_of_pocket_fen int8)`.execute(
    h.db,
  );
  const copy = 'copy bench_feed_plain from stdin with (format csv)';
  const t0 = performance.now();
  if (h.kind === 'pglite') {
    await h.pglite!.query("copy bench_feed_plain from '/dev/blob' with (format csv)", [], {
      blob: new Blob([new Uint8Array(csv)]),
    });
  } else {
    const client = await h.pool!.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        const q = new CopyIn(copy, csv);
        q.once('end', () => resolve());
        q.once('error', reject);
        client.query(q);
      });
    } finally {
      client.release();
    }
  }
  const r = await sql`
    insert into bench_floor_alert
    select distinct on (f.id_number) p.person_id, f.id_number, f.settled_on, f.out_of_pocket_fen
    from bench_feed_plain f join bench_person_plain p on p.id_number = f.id_number
    where f.out_of_pocket_fen >= ${THRESHOLD_FEN} and f.settled_on >= ${TODAY}::date - 365
    order by f.id_number, f.settled_on desc`.execute(h.db);
  return { ms: performance.now() - t0, matches: Number(r.numAffectedRows ?? 0) };
}

export async function benchCompare() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-compare-'));
  const { h, cluster } = await openBenchDb(tmp, 'bench_compare');
  try {
    await migrateToLatest(h.db);
    process.stdout.write(
      `compare bench: ${N} medical-expense records against ${N} registry persons, ${h.kind}\n`,
    );
    const cipher = createCipher(KEY);
    const ts = performance.now();
    await seedCases(h, N, { tekun: false, payees: cipher });
    // The floor's plaintext registry (what a system without blind indexes would hold), not timed.
    const ids = Array.from({ length: N }, (_, i) => payeeIdNumber(i + 1));
    for (let i = 0; i < N; i += 50_000) {
      const slice = ids.slice(i, i + 50_000);
      if (i === 0)
        await sql`create table bench_person_plain (id_number text primary key, person_id uuid)`.execute(h.db);
      await sql`insert into bench_person_plain select id, md5('p' || n)::uuid
        from unnest(${slice}::text[]) with ordinality as t(id, k), lateral (select ${i}::int + k::int as n) x`.execute(
        h.db,
      );
    }
    await sql`analyze`.execute(h.db);
    const records = Array.from({ length: N }, (_, i) => record(i + 1));
    const csv = Buffer.from(
      records
        .map((r) => `${r.idNumber},${r.settledOn},${r.totalFen},${r.outOfPocketFen},${r.hospital}\n`)
        .join(''),
    );
    const seedMs = performance.now() - ts;

    const before = await floor(h, csv);

    const clock = createClock(`${TODAY}T10:00:00+08:00`);
    const deps = feedDeps({ db: h.db, clock, cipher });
    const ctx = systemContext(COUNTY, 'bench');
    const bar = createProgressBar('compare');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < N; i += CALL) {
      await deliverFeed(deps, { kind: 'user', ctx }, 'MEDICAL_EXPENSE', records.slice(i, i + CALL), {
        channel: 'API',
      });
      bar.update({ done: Math.min(N, i + CALL), total: N * 1.25, message: 'deliver' });
    }
    const loadMs = performance.now() - t0;
    // This process's own CPU during the load (validation, hashing, packing): the rest is the server's.
    const cpu = process.cpuUsage(cpu0);
    const loadCpuMs = (cpu.user + cpu.system) / 1000;
    const run = await compareNow({ db: h.db, clock }, ctx);
    const jobMs = performance.now() - t0;
    clearInterval(sampler);
    bar.done(`${run.raised} alerts`);

    const after = await floor(h, csv);
    const floorMs = Math.min(before.ms, after.ms);
    const raised = Number(
      (
        await sql<{ n: string }>`select count(*) as n from alert where county_code = ${COUNTY}
          and rule_code = 'MEDICAL_HIGH_OOP'`.execute(h.db)
      ).rows[0]?.n,
    );
    const plaintext = await sql<{ n: string }>`select count(*) as n from feed_record
      where county_code = ${COUNTY} and data::text ~ '[0-9]{17}[0-9X]'`.execute(h.db);
    if (raised !== before.matches)
      throw new Error(`the job raised ${raised} medical alerts, the floor found ${before.matches} matches`);
    if (Number(plaintext.rows[0]?.n) !== 0) throw new Error('a feed record holds an ID number in plaintext');
    const ratio = jobMs / floorMs;
    process.stdout.write(
      [
        `seeding     : ${secs(seedMs)} (${N} persons with sealed ID numbers and blind indexes, households, cases)`,
        `load        : ${secs(loadMs)}, ${Math.round(N / (loadMs / 1000))} records/s (deliverFeed, ${CALL} per call: validation, blind index, insert; ${secs(loadCpuMs)} of it CPU in this process)`,
        `compare     : ${secs(jobMs - loadMs)} (category sync and every enabled rule; ${run.raised} alerts, ${raised} for high medical costs)`,
        `job         : ${secs(jobMs)} (load + compare + alerts)`,
        `raw floor   : ${secs(floorMs)} (best of ${secs(before.ms)} / ${secs(after.ms)}; COPY of the plaintext records + one join on the plaintext ID number: ${before.matches} matches)`,
        `ratio       : ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
        `slowest     : ${Object.entries(run.stepMs)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([k, v]) => `${k} ${secs(v)}`)
          .join(', ')}`,
        `peak RSS    : ${Math.round(peakRss / 2 ** 20)} MiB${h.kind === 'pglite' ? ' (embedded database included)' : ''}`,
        '',
      ].join('\n'),
    );
  } finally {
    await h.close();
    cluster?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
