import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { computeRecalc } from '../server/modules/entitlements/recalc.usecases.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { BENCH_COUNTY, gapSql, openBenchDb, seedCases } from './seed-cases.ts';

// `npm run bench -- recalc`: N active cases with one current entitlement each, a standard rise,
// then the recalculation job (page through the current entitlements, recompute each amount, write
// the change list) beside the raw-SQL floor: one UPDATE of the same rows with the new amount,
// measured in the same run on the same data (in a transaction that is rolled back).
//
// Embedded PGlite in a temp folder by default (fsync at every commit, as shipped);
// BENCH_ENGINE=pg runs it on a throwaway PostgreSQL server (or BENCH_DATABASE_URL).

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const COUNTY = BENCH_COUNTY;
const TARGET = 3;
// The rise the bench applies to the 2026 shipped defaults (OLD_STANDARDS).
const NEW = { urban: 110_000, rural: 88_000 };

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

class Rollback extends Error {}

/** One UPDATE of every current row with the new amount, rolled back; returns its duration. */
async function floor(h: DatabaseHandle): Promise<number> {
  let ms = 0;
  let rows = 0;
  try {
    await h.db.transaction().execute(async (trx) => {
      const t0 = performance.now();
      const r = await sql
        .raw(`
          update entitlement set amount_fen = case method
            when 'GAP' then ${gapSql(`case area when 'urban' then ${NEW.urban} else ${NEW.rural} end`)}
            else case area when 'urban' then ${NEW.urban} else ${NEW.rural} end end
          where county_code = '${COUNTY}' and is_current`)
        .execute(trx);
      ms = performance.now() - t0;
      rows = Number(r.numAffectedRows ?? 0);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (rows !== CASES) throw new Error(`floor updated ${rows} rows, expected ${CASES}`);
  // The rolled-back versions are dead tuples: clear them so the next step reads the same table.
  await sql`vacuum analyze entitlement`.execute(h.db);
  return ms;
}

export async function benchRecalc() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-recalc-'));
  const { h, cluster } = await openBenchDb(tmp, 'bench_recalc');
  try {
    await migrateToLatest(h.db);
    process.stdout.write(`recalc bench: ${CASES} active cases, county ${COUNTY}, ${h.kind}\n`);
    const ts = performance.now();
    await seedCases(h, CASES, { tekun: true });
    const seedMs = performance.now() - ts;

    for (const [series, amount] of [
      ['dibao.urban', NEW.urban],
      ['dibao.rural', NEW.rural],
    ] as const) {
      await h.db
        .insertInto('benefit_standard')
        .values({
          county_code: COUNTY,
          series,
          amount_fen: amount,
          effective_from: '2026-07-01',
          reason: 'bench: 2026 mid-year rise',
          created_by: null,
          created_by_name: 'bench',
          created_at: new Date(),
        })
        .execute();
    }

    const floorBefore = await floor(h);

    const run = await h.db
      .insertInto('recalc_run')
      .values({
        county_code: COUNTY,
        effective_from: '2026-07-01',
        computed_on: '2026-11-29',
        status: 'COMPUTING',
        trigger: 'bench',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bar = createProgressBar('recalc');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const t0 = performance.now();
    const result = await computeRecalc(
      { db: h.db },
      { countyCode: COUNTY, progress: async (p) => bar.update(p) },
      run.id,
    );
    const recalcMs = performance.now() - t0;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    bar.done(`${result.changed} changed`);
    const written = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from recalc_change where run_id = ${run.id}::uuid`.execute(h.db)
      ).rows[0]?.n,
    );
    if (result.checked !== CASES || result.changed !== CASES || written !== CASES)
      throw new Error(`unexpected result ${JSON.stringify(result)}, ${written} change rows`);

    // The floor again on the same rows (the change list now exists beside them); the best counts.
    await sql`vacuum analyze`.execute(h.db);
    const floorAfter = await floor(h);
    const floorMs = Math.min(floorBefore, floorAfter);

    const ratio = recalcMs / floorMs;
    process.stdout.write(
      `${[
        `seeding     : ${secs(seedMs)} (${CASES} households, cases and entitlements, set-based SQL)`,
        `recalc job  : ${secs(recalcMs)}, ${Math.round(CASES / (recalcMs / 1000))} cases/s (page, recompute, write ${written} change rows)`,
        `raw UPDATE  : ${secs(floorMs)}, ${Math.round(CASES / (floorMs / 1000))} rows/s (best of ${secs(floorBefore)} before, ${secs(floorAfter)} after; same rows, same indexes)`,
        `ratio       : ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
        `peak RSS    : ${(peakRss / 2 ** 20).toFixed(0)} MiB${h.kind === 'pglite' ? ' (embedded database included)' : ''}`,
      ].join('\n')}\n`,
    );
    return { seedMs, recalcMs, floorMs, ratio, peakRss };
  } finally {
    await h.close();
    cluster?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
