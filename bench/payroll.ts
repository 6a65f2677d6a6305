import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { CASE_SCHEMES } from '../server/modules/payroll/payroll.repository.ts';
import { computePayroll } from '../server/modules/payroll/payroll.usecases.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { BENCH_COUNTY, ENTITLEMENT_FROM, openBenchDb, seedCases, usesServer } from './seed-cases.ts';

// `npm run bench -- payroll`: N active 低保 cases with one current entitlement each (from February),
// then the production computation of the November 低保 payroll run (the job body, COMPUTING →
// REVIEW: monthly lines, deductions, back-pay, catch-up, reissues, totals) beside the raw-SQL floor:
// one INSERT … SELECT of the same lines (same columns, same amounts) into the same table, measured
// in the same run on the same data (in a transaction that is rolled back).
//
// Default: embedded PGlite in a temp folder (fsync at every commit, as shipped), 10,000 cases.
// The server figure (1,000,000 cases on a throwaway PostgreSQL cluster, see bench/pg-cluster.ts):
//   BENCH_ENGINE=pg npm run bench -- payroll
// BENCH_DATABASE_URL=postgres://… uses an existing server instead; BENCH_CASES=n overrides N.

const CASES = Number(process.env.BENCH_CASES ?? (usesServer() ? 1_000_000 : 10_000));
const COUNTY = BENCH_COUNTY;
const SCHEME = 'DIBAO';
const MONTH = '2026-11-01';
/** The second floor is measured for another month: the measured run's lines now hold November's keys. */
const FLOOR_AFTER_MONTH = '2026-10-01';
const TARGET = 2;

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

class Rollback extends Error {}

/**
 * One INSERT … SELECT of every case's MONTHLY line for `month` (the columns and reason the
 * production step writes), under a run row of its own, rolled back; its duration and net total.
 */
async function floor(h: DatabaseHandle, month: string): Promise<{ ms: number; netFen: number }> {
  let ms = 0;
  let rows = 0;
  let netFen = 0;
  try {
    await h.db.transaction().execute(async (trx) => {
      const run = await trx
        .insertInto('payroll_run')
        .values({ county_code: COUNTY, scheme: SCHEME, month, status: 'COMPUTING', created_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const t0 = performance.now();
      const r = await sql`
        insert into payroll_line (county_code, scheme, month, case_id, kind, item, run_id, household_id, town_code,
          village_code, entitlement_version, gross_fen, reason)
        select c.county_code, ${SCHEME}, ${month}::date, c.id, 'MONTHLY', '', ${run.id}::uuid, c.household_id,
          c.town_code, c.village_code, e.version, e.amount_fen,
          jsonb_build_object('rule', '§3.8 低保金按月发放', 'entitlementVersion', e.version, 'method', e.method,
            'effectiveFrom', e.effective_from, 'state', c.state)
        from assistance_case c
        join entitlement e on e.county_code = c.county_code and e.case_id = c.id and e.is_current
        where c.county_code = ${COUNTY} and c.scheme = any(${CASE_SCHEMES[SCHEME]}::text[])`.execute(trx);
      ms = performance.now() - t0;
      rows = Number(r.numAffectedRows ?? 0);
      const t = await sql<{ net: string }>`
        select coalesce(sum(net_fen), 0) as net from payroll_line
        where county_code = ${COUNTY} and run_id = ${run.id}::uuid`.execute(trx);
      netFen = Number(t.rows[0]?.net ?? 0);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (rows !== CASES) throw new Error(`floor inserted ${rows} lines, expected ${CASES}`);
  // The rolled-back lines are dead tuples: clear them so the next step writes into the same table.
  await sql`vacuum analyze payroll_line`.execute(h.db);
  await sql`vacuum analyze payroll_run`.execute(h.db);
  return { ms, netFen };
}

export async function benchPayroll() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-bench-payroll-'));
  const { h, cluster } = await openBenchDb(tmp, 'bench_payroll');
  try {
    await migrateToLatest(h.db);
    process.stdout.write(
      `payroll bench: ${CASES} active 低保 cases, county ${COUNTY}, ${SCHEME} ${MONTH.slice(0, 7)}, ${h.kind}\n`,
    );
    const ts = performance.now();
    await seedCases(h, CASES, { tekun: false });
    const seedMs = performance.now() - ts;

    const floorBefore = await floor(h, MONTH);

    // What startPayroll inserts (rule 1) before it enqueues the job; the job body is called directly.
    const run = await h.db
      .insertInto('payroll_run')
      .values({
        county_code: COUNTY,
        scheme: SCHEME,
        month: MONTH,
        status: 'COMPUTING',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bar = createProgressBar('payroll');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const t0 = performance.now();
    const result = await computePayroll(
      { db: h.db },
      { countyCode: COUNTY, progress: async (p) => bar.update(p) },
      run.id,
    );
    const payrollMs = performance.now() - t0;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const after = await h.db
      .selectFrom('payroll_run')
      .selectAll()
      .where('county_code', '=', COUNTY)
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    bar.done(`${after.line_count} lines, ${after.status}`);
    const written = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from payroll_line where county_code = ${COUNTY} and run_id = ${run.id}::uuid and kind = 'MONTHLY'`.execute(
          h.db,
        )
      ).rows[0]?.n,
    );
    if (after.status !== 'REVIEW' || after.line_count !== CASES || written !== CASES)
      throw new Error(
        `unexpected result ${JSON.stringify(result)}, run ${after.status}, ${written} MONTHLY lines`,
      );
    if (Number(after.net_fen) !== floorBefore.netFen)
      throw new Error(`run net ${after.net_fen} fen, the floor's lines ${floorBefore.netFen} fen`);

    // The floor again (another month: the run's lines now sit beside it); the best counts.
    await sql`vacuum analyze`.execute(h.db);
    const floorAfter = await floor(h, FLOOR_AFTER_MONTH);
    if (floorAfter.netFen !== floorBefore.netFen)
      throw new Error(`floor nets differ: ${floorBefore.netFen} / ${floorAfter.netFen} fen`);
    const floorMs = Math.min(floorBefore.ms, floorAfter.ms);

    const ratio = payrollMs / floorMs;
    const yuan = (Number(after.net_fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    process.stdout.write(
      `${[
        `seeding     : ${secs(seedMs)} (${CASES} households, cases and entitlements from ${ENTITLEMENT_FROM.slice(0, 7)}, set-based SQL)`,
        `payroll job : ${secs(payrollMs)}, ${Math.round(CASES / (payrollMs / 1000))} lines/s (${after.line_count} lines, net ${yuan} yuan; COMPUTING → REVIEW)`,
        `raw INSERT  : ${secs(floorMs)}, ${Math.round(CASES / (floorMs / 1000))} lines/s (best of ${secs(floorBefore.ms)} before, ${secs(floorAfter.ms)} after; same lines, same table and indexes, same net)`,
        `ratio       : ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
        `peak RSS    : ${(peakRss / 2 ** 20).toFixed(0)} MiB${h.kind === 'pglite' ? ' (embedded database included)' : ''}`,
      ].join('\n')}\n`,
    );
    return { seedMs, payrollMs, floorMs, ratio, peakRss };
  } finally {
    await h.close();
    cluster?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
