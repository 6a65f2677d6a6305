import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { exportBankFile } from '../server/modules/bankfiles/bankfiles.usecases.ts';
import { CASE_SCHEMES } from '../server/modules/payroll/payroll.repository.ts';
import { approvePayroll, computePayroll } from '../server/modules/payroll/payroll.usecases.ts';
import { createClock } from '../server/platform/clock.ts';
import { systemContext } from '../server/platform/context.ts';
import { createCipher } from '../server/platform/crypto.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { BENCH_COUNTY, ENTITLEMENT_FROM, openBenchDb, seedCases, usesServer } from './seed-cases.ts';

// `npm run bench -- payroll`: N active 低保 cases with one current entitlement each (from February),
// then the production computation of the November 低保 payroll run (the job body, COMPUTING →
// REVIEW: monthly lines, deductions, back-pay, catch-up, reissues, totals) beside the raw-SQL floor:
// one INSERT … SELECT of the same lines (same columns, same amounts) into the same table, measured
// in the same run on the same data (in a transaction that is rolled back). Then the run is approved
// (the production use case) and its bank file written by the production export (the use case the
// HTTP route calls: keyset batches, SM4 decryption of each payee's name, ID number and account, the
// line reference, CSV to a temp file) beside its floor: one raw COPY … TO of the same lines joined
// to the same payees, with the stored ciphertexts, the amounts in yuan text and a memo, in the same
// order, read to the end by the client.
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
const BANK_TARGET = 5;
/** The xlsx file too (ExcelJS streaming, slower than CSV): by default up to 100,000 lines. */
const XLSX = process.env.BENCH_BANK_XLSX ? process.env.BENCH_BANK_XLSX === '1' : CASES <= 100_000;
const KEY = crypto.createHash('sha256').update('huijiu-bench').digest('hex');

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

/**
 * The bank file's floor: the lines the export writes (the run's PENDING lines with a net amount),
 * joined to the same payee, in the same order, with the same columns as stored (the ciphertexts,
 * the bank name), the amount in yuan text and a memo, COPYed TO the client and read to the end.
 * The COPY takes no parameters: the run id is a uuid read from the database, inlined as a literal.
 */
function bankFloorSql(runId: string, to: string) {
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new Error(`not a uuid: ${runId}`);
  return `copy (
    select p.name_enc, p.id_number_enc, p.bank_account_enc, p.bank_name,
      to_char(l.net_fen / 100.0, 'FM999999999990.00'),
      to_char(l.month, 'YYYY"年"MM"月"') || '低保金' || case l.kind when 'BACK_PAY' then '补发'
        when 'REISSUE' then '重发' else '' end || ' ' || l.case_id || ':' || l.kind || ':' || l.item
    from payroll_line l
    join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
    left join household h on h.county_code = l.county_code and h.id = coalesce(l.household_id, c.household_id)
    left join person p on p.county_code = l.county_code
      and p.id = case when c.scheme in ('DIBAO_SINGLE', 'TEKUN') and c.subject_person_id is not null
        then c.subject_person_id else h.head_person_id end
    where l.county_code = '${COUNTY}' and l.run_id = '${runId}'::uuid and l.net_fen > 0 and l.bank_status = 'PENDING'
    order by l.town_code, c.case_no, l.kind, l.item
  ) to ${to} with (format csv)`;
}

const newlines = (b: Uint8Array) => {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
};

/** A COPY … TO STDOUT on the pg driver: the copyData messages are counted (rows, bytes), not kept. */
class CountingCopy extends pg.Query {
  // Not `rows`: pg.Query reads its own `rows` (a portal's row limit) and would send an extra Sync.
  copiedRows = 0;
  copiedBytes = 0;
  handleCopyData(msg: { chunk: Buffer }) {
    this.copiedBytes += msg.chunk.length;
    this.copiedRows += newlines(msg.chunk);
  }
}

async function bankFloor(h: DatabaseHandle, runId: string) {
  if (h.kind === 'pglite') {
    const t0 = performance.now();
    // PGlite's COPY TO '/dev/blob' hands the output back as a Blob in the result.
    const r = await h.pglite!.query(bankFloorSql(runId, "'/dev/blob'"));
    const bytes = new Uint8Array(await r.blob!.arrayBuffer());
    const rows = newlines(bytes);
    return { ms: performance.now() - t0, rows, bytes: bytes.length };
  }
  const client = await h.pool!.connect();
  try {
    const t0 = performance.now();
    const q = new CountingCopy(bankFloorSql(runId, 'stdout'));
    await new Promise<void>((resolve, reject) => {
      q.once('end', () => resolve());
      q.once('error', reject);
      client.query(q);
    });
    return { ms: performance.now() - t0, rows: q.copiedRows, bytes: q.copiedBytes };
  } finally {
    client.release();
  }
}

/** The floor's control total: the same lines, counted and summed (not timed). */
async function bankFloorTotals(h: DatabaseHandle, runId: string) {
  const r = await sql<{ n: string; fen: string }>`
    select count(*) as n, coalesce(sum(net_fen), 0) as fen from payroll_line l
    where l.county_code = ${COUNTY} and l.run_id = ${runId}::uuid and l.net_fen > 0
      and l.bank_status = 'PENDING'`.execute(h.db);
  return { count: Number(r.rows[0]?.n ?? 0), totalFen: Number(r.rows[0]?.fen ?? 0) };
}

/** The production export of the run's bank file (deleted once measured); its duration and control figures. */
async function bankExport(deps: Parameters<typeof exportBankFile>[0], runId: string, format: 'csv' | 'xlsx') {
  const t0 = performance.now();
  const out = await exportBankFile(deps, systemContext(COUNTY, 'bench'), runId, format);
  const ms = performance.now() - t0;
  const bytes = fs.statSync(out.file).size;
  out.cleanup();
  return { ms, count: out.count, totalFen: out.totalFen, bytes };
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
    const cipher = createCipher(KEY);
    await seedCases(h, CASES, { tekun: false, payees: cipher });
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

    // The bank file of the approved run (rule 9: only an approved run has one).
    const clock = createClock();
    const deps = { db: h.db, clock, cipher };
    await approvePayroll(deps, systemContext(COUNTY, 'bench'), run.id, '基准测试审批 bench approval');
    await sql`vacuum analyze`.execute(h.db);
    const bankTotals = await bankFloorTotals(h, run.id);
    const bankBar = createProgressBar('bank file');
    bankBar.update({ done: 0, total: 2, message: 'csv' });
    const csv = await bankExport(deps, run.id, 'csv');
    bankBar.update({ done: 1, total: 2, message: 'COPY … TO' });
    // Best of two floors, one on each side of the export, as the payroll floor.
    const copy1 = await bankFloor(h, run.id);
    const xlsx = XLSX ? await bankExport(deps, run.id, 'xlsx') : null;
    const copy2 = await bankFloor(h, run.id);
    bankBar.done(`${csv.count} lines`);
    const copyMs = Math.min(copy1.ms, copy2.ms);
    // The CSV has a header and a control-total row besides the lines; the COPY output only the lines.
    for (const side of [csv, ...(xlsx ? [xlsx] : [])])
      if (side.count !== bankTotals.count || side.totalFen !== bankTotals.totalFen)
        throw new Error(
          `bank file ${side.count} lines / ${side.totalFen} fen, the run ${JSON.stringify(bankTotals)}`,
        );
    if (copy1.rows !== bankTotals.count || copy2.rows !== bankTotals.count)
      throw new Error(`COPY gave ${copy1.rows} / ${copy2.rows} rows, the run has ${bankTotals.count} lines`);
    if (bankTotals.totalFen !== Number(after.net_fen))
      throw new Error(`bank lines total ${bankTotals.totalFen} fen, the run's net ${after.net_fen} fen`);

    const ratio = payrollMs / floorMs;
    const bankRatio = csv.ms / copyMs;
    const yuanOf = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
    const yuan = yuanOf(Number(after.net_fen));
    process.stdout.write(
      `${[
        `seeding     : ${secs(seedMs)} (${CASES} households with a sealed payee, cases and entitlements from ${ENTITLEMENT_FROM.slice(0, 7)})`,
        `payroll job : ${secs(payrollMs)}, ${Math.round(CASES / (payrollMs / 1000))} lines/s (${after.line_count} lines, net ${yuan} yuan; COMPUTING → REVIEW)`,
        `raw INSERT  : ${secs(floorMs)}, ${Math.round(CASES / (floorMs / 1000))} lines/s (best of ${secs(floorBefore.ms)} before, ${secs(floorAfter.ms)} after; same lines, same table and indexes, same net)`,
        `ratio       : ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
        `bank csv    : ${secs(csv.ms)}, ${Math.round(csv.count / (csv.ms / 1000))} lines/s (${csv.count} lines, control total ${yuanOf(csv.totalFen)} yuan, ${mib(csv.bytes)}; name, ID number and account decrypted)`,
        ...(xlsx
          ? [
              `bank xlsx   : ${secs(xlsx.ms)}, ${Math.round(xlsx.count / (xlsx.ms / 1000))} lines/s (${xlsx.count} lines, control total ${yuanOf(xlsx.totalFen)} yuan, ${mib(xlsx.bytes)}; ${(xlsx.ms / copyMs).toFixed(2)}× the COPY)`,
            ]
          : []),
        `raw COPY TO : ${secs(copyMs)}, ${Math.round(copy1.rows / (copyMs / 1000))} lines/s (best of ${secs(copy1.ms)} / ${secs(copy2.ms)}; ${copy1.rows} rows, ${mib(copy1.bytes)} of ciphertexts and yuan text; same lines: ${bankTotals.count} lines, ${yuanOf(bankTotals.totalFen)} yuan)`,
        `bank ratio  : ${bankRatio.toFixed(2)}× (target ≤ ${BANK_TARGET}×) ${bankRatio <= BANK_TARGET ? 'OK' : 'OVER TARGET'}`,
        `peak RSS    : ${(peakRss / 2 ** 20).toFixed(0)} MiB${h.kind === 'pglite' ? ' (embedded database included)' : ''}`,
      ].join('\n')}\n`,
    );
    return { seedMs, payrollMs, floorMs, ratio, peakRss, bankMs: csv.ms, copyMs, bankRatio };
  } finally {
    await h.close();
    cluster?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
