import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { computeRecalc } from '../server/modules/entitlements/recalc.usecases.ts';
import { createProgressBar } from '../server/platform/progress-bar.ts';
import { type Cluster, databaseUrl, startCluster } from './pg-cluster.ts';

// `npm run bench -- recalc`: N active cases with one current entitlement each, a standard rise,
// then the recalculation job (page through the current entitlements, recompute each amount, write
// the change list) beside the raw-SQL floor: one UPDATE of the same rows with the new amount,
// measured in the same run on the same data (in a transaction that is rolled back).
//
// Embedded PGlite in a temp folder by default (fsync at every commit, as shipped);
// BENCH_ENGINE=pg runs it on a throwaway PostgreSQL server (or BENCH_DATABASE_URL).

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const COUNTY = '370971';
const TARGET = 3;
// 2026 shipped defaults and the rise the bench applies.
const OLD = { urban: 100_000, rural: 80_000 };
const NEW = { urban: 110_000, rural: 88_000 };

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function openDb(tmp: string): Promise<{ h: DatabaseHandle; cluster?: Cluster }> {
  if (process.env.BENCH_ENGINE !== 'pg' && !process.env.BENCH_DATABASE_URL)
    return { h: await openPglite({ dataDir: path.join(tmp, 'pglite') }) };
  const cluster = await startCluster();
  const c = new pg.Client({ connectionString: cluster.admin });
  await c.connect();
  await c.query('drop database if exists bench_recalc');
  await c.query('create database bench_recalc');
  await c.end();
  return { h: await openPostgres(databaseUrl(cluster.admin, 'bench_recalc')), cluster };
}

/** The 2026 gap amount in SQL, the formula of dibaoGapFen (round half-up to the yuan). */
const gapSql = (std: string) =>
  `floor((2 * (household_size * ${std} * income_months - net_income_fen) + income_months * 100)
    / (2 * income_months * 100)) * 100`;

async function seed(h: DatabaseHandle) {
  // Deterministic uuids from the row number (md5), spread like gen_random_uuid() ids.
  const steps = [
    sql`
      insert into household (county_code, id, household_no, town_code, village_code, urban_rural, created_at,
        updated_at)
      select ${COUNTY}, md5('h' || n)::uuid, 'H' || lpad(n::text, 8, '0'), '370971001',
        '370971001' || (201 + n % 30)::text, case when n % 2 = 0 then 'urban' else 'rural' end, now(), now()
      from generate_series(1, ${CASES}::int) n`,
    sql`
      insert into assistance_case (county_code, id, case_no, scheme, stage, state, household_id, town_code,
        village_code, area, channel, model, legacy, applied_on, decided_on, created_at, updated_at)
      select ${COUNTY}, md5('c' || n)::uuid, 'DB2026' || lpad(n::text, 8, '0'),
        case when n % 10 = 0 then 'TEKUN' when n % 10 = 1 then 'DIBAO_SINGLE' else 'DIBAO' end,
        'ACTIVE', 'ACTIVE', md5('h' || n)::uuid, '370971001', '370971001' || (201 + n % 30)::text,
        case when n % 2 = 0 then 'urban' else 'rural' end, 'LEGACY', '{}'::jsonb, true, '2026-01-10',
        '2026-01-10', now(), now()
      from generate_series(1, ${CASES}::int) n`,
    // Per-capita income below the standard: net = size × 12 × (0 … 59 % of the rural standard).
    sql.raw(`
      insert into entitlement (county_code, case_id, version, effective_from, amount_fen, method, area,
        household_size, net_income_fen, income_months, care_level, breakdown, source, is_current, created_at)
      select county_code, case_id, 1, '2026-02-01',
        case method
          when 'GAP' then ${gapSql('std')}
          when 'FULL_STANDARD' then std
          else std * 13 / 10 + case care_level when 'SELF_CARE' then 20000 when 'PARTIAL_LOSS' then 60000
            else 120000 end
        end,
        method, area, household_size, net_income_fen, income_months, care_level, '[]'::jsonb, 'LEGACY', true, now()
      from (
        select '${COUNTY}' as county_code, md5('c' || n)::uuid as case_id,
          case when n % 10 = 0 then 'TEKUN_SUPPORT' when n % 10 = 1 then 'FULL_STANDARD' else 'GAP' end as method,
          case when n % 2 = 0 then 'urban' else 'rural' end as area,
          case when n % 2 = 0 then ${OLD.urban} else ${OLD.rural} end as std,
          case when n % 10 = 1 then 1 else 1 + (n / 7) % 5 end::smallint as household_size,
          case when n % 10 in (0, 1) then 0
            else (1 + (n / 7) % 5) * 12 * ((n::bigint * 7919) % 60) * ${OLD.rural} / 100 + n % 97 end as net_income_fen,
          12::smallint as income_months,
          case when n % 10 <> 0 then null when n % 3 = 0 then 'SELF_CARE' when n % 3 = 1 then 'PARTIAL_LOSS'
            else 'FULL_LOSS' end as care_level
        from generate_series(1, ${CASES}) n
      ) s`),
  ];
  for (const s of steps) await s.execute(h.db);
  await sql`analyze`.execute(h.db);
}

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
  const { h, cluster } = await openDb(tmp);
  try {
    await migrateToLatest(h.db);
    process.stdout.write(`recalc bench: ${CASES} active cases, county ${COUNTY}, ${h.kind}\n`);
    const ts = performance.now();
    await seed(h);
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
