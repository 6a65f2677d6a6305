import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { migrateLegacyCases } from '../cases/legacy.usecases.ts';
import { recomputePayroll } from './payroll.usecases.ts';

// Rule 7 (idempotency) across processes: two server processes on the same PostgreSQL database that
// start and compute the same county/scheme/month at the same instant make one run with one set of
// lines, the totals a single process computes, and neither crashes. Only meaningful on a server
// (`npm run test:pg`): embedded PGlite is a single-process database, a second process cannot open it.

const WORKER = path.resolve('server/modules/payroll/payroll-two-process.worker.ts');
const ON_SERVER = !!process.env.TEST_DATABASE_URL;
const NOW = '2026-11-29T10:00:00+08:00';
const SCHEME = 'DIBAO';
const MONTH = '2026-11-01';
const HOUSEHOLDS = 24;

type WorkerResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report: { pid: number; outcome: 'started' | 'run_exists'; runId: string; compute: Record<string, unknown> };
};

/** Spawns one worker: promises of its `ready` and `started` marks and of its exit, and a way to answer. */
function spawnWorker(url: string, actorJson: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, url, NOW, actorJson, SCHEME, MONTH],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => {
    stderr += c;
  });
  const mark = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (stdout.split('\n').includes(word)) resolve();
      };
      child.stdout!.on('data', check);
      child.on('exit', () => reject(new Error(`worker exited before '${word}': ${stderr}`)));
    });
  child.stdout!.on('data', (c: string) => {
    stdout += c;
  });
  const ready = mark('ready');
  const started = mark('started');
  // A mark may never come when the worker fails early: its exit says why, not an unhandled rejection.
  ready.catch(() => {});
  started.catch(() => {});
  const exited = new Promise<WorkerResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not finish in 90 s; stderr: ${stderr}`));
    }, 90_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let report = null as unknown as WorkerResult['report'];
      try {
        report = JSON.parse(last);
      } catch {
        // No report: the exit code and stderr say why.
      }
      resolve({ code, signal, stdout, stderr, report });
    });
  });
  return {
    ready,
    started,
    exited,
    send: (word: string) => child.stdin!.write(`${word}\n`),
    // The last word closes stdin too, or the worker's reader would keep it alive.
    sendLast: (word: string) => child.stdin!.end(`${word}\n`),
  };
}

describe.skipIf(!ON_SERVER)(
  'payroll from two processes on a PostgreSQL server (needs TEST_DATABASE_URL: npm run test:pg; PGlite is single-process)',
  () => {
    let env: TestEnv;
    let dbUrl: string;
    /** What each case of the run must be paid: one MONTHLY line at its entitlement, less any deduction. */
    const expected = new Map<string, { grossFen: number; deductionFen: number }>();

    beforeAll(async () => {
      env = await createTestEnv({ now: NOW });
      const name = (await sql<{ db: string }>`select current_database() as db`.execute(env.db)).rows[0]!.db;
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${name}`;
      dbUrl = u.toString();

      // A mix of what the DIBAO run pays (household 低保, 单人保) and what it must not (特困), in two towns.
      const cases: Record<string, unknown>[] = [];
      const households: { id: string; scheme: string; amountFen: number }[] = [];
      for (let i = 0; i < HOUSEHOLDS; i++) {
        const town002 = i % 4 === 3;
        const h = town002
          ? await buildHousehold(env, { villageCode: '370971002201' }, 'town002')
          : await buildHousehold(env);
        const subject = (
          await env.db
            .selectFrom('household_member')
            .select('person_id')
            .where('household_id', '=', h.id)
            .executeTakeFirstOrThrow()
        ).person_id;
        const kind = i % 3;
        const amountFen = 50_000 + i * 1_000;
        if (kind === 0)
          cases.push({
            householdId: h.id,
            scheme: 'DIBAO',
            decidedOn: '2026-03-10',
            amountFen,
            householdSize: 2,
            netIncomeFen: 10_000 * 2 * 12,
            sourceRef: `TP-${i}`,
          });
        else if (kind === 1)
          cases.push({
            householdId: h.id,
            scheme: 'DIBAO_SINGLE',
            subjectPersonId: subject,
            decidedOn: '2026-09-20',
            amountFen,
            sourceRef: `TP-${i}`,
          });
        else
          cases.push({
            householdId: h.id,
            scheme: 'TEKUN',
            subjectPersonId: subject,
            decidedOn: '2026-01-05',
            amountFen,
            careLevel: 'SELF_CARE',
            sourceRef: `TP-${i}`,
          });
        households.push({ id: h.id, scheme: ['DIBAO', 'DIBAO_SINGLE', 'TEKUN'][kind]!, amountFen });
      }
      const { created } = await migrateLegacyCases(env, env.ctx('admin'), {
        reason: '原系统数据迁移（并发发放测试）',
        cases,
      });
      // S3 Art.68: the first household owes 300 元, so its line carries a deduction (rule 6) that a
      // second pass must recompute, never double.
      await env.db
        .insertInto('integrity_record')
        .values({
          county_code: '370971',
          household_id: households[0]!.id,
          kind: 'FRAUD',
          found_on: '2026-05-20',
          obtained_fen: 30_000,
          fine_min_fen: 0,
          fine_max_fen: 0,
          fine_fen: 0,
          created_by_name: '测试',
          created_at: new Date('2026-05-20T09:00:00+08:00'),
        })
        .execute();
      created.forEach((c, i) => {
        const h = households[i]!;
        if (h.scheme === 'TEKUN') return;
        const deductionFen = i === 0 ? Math.min(30_000, h.amountFen / 2) : 0;
        expected.set(c.id, { grossFen: h.amountFen, deductionFen });
      });
    });
    afterAll(async () => {
      await env?.close();
    });

    it('rule 1 and rule 7: two processes starting and computing the same month at once make one run, one line per case, the single-process totals, and both exit cleanly', async () => {
      const actor = JSON.stringify(env.users.district);
      const workers = [spawnWorker(dbUrl, actor), spawnWorker(dbUrl, actor)];
      // Both booted (tsx, services, pool) before either starts: the starts really overlap; then
      // both know the run before either computes: the computations overlap too.
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.send('go');
      await Promise.all(workers.map((w) => w.started));
      for (const w of workers) w.sendLast('compute');
      const results = await Promise.all(workers.map((w) => w.exited));

      for (const r of results) {
        expect(r.signal, r.stderr).toBeNull();
        expect(r.code, r.stderr).toBe(0);
        expect(r.report, r.stdout).toBeTruthy();
      }
      // One won the unique key; the other got the clean conflict naming the same run.
      expect(results.map((r) => r.report.outcome).sort()).toEqual(['run_exists', 'started']);
      const runId = results[0]!.report.runId;
      expect(results[1]!.report.runId).toBe(runId);
      // Both ran the computation; between them each MONTHLY line was inserted exactly once (the
      // other's INSERT … ON CONFLICT DO NOTHING skipped it), or the second found the run in review.
      const inserted = results.map((r) => Number(r.report.compute.monthly ?? 0));
      expect(inserted[0]! + inserted[1]!).toBe(expected.size);

      const county = env.users.district!.countyCode;
      const runs = await env.db
        .selectFrom('payroll_run')
        .selectAll()
        .where('county_code', '=', county)
        .where('scheme', '=', SCHEME)
        .where('month', '=', MONTH)
        .execute();
      expect(runs).toHaveLength(1);
      expect(runs[0]!.id).toBe(runId);
      expect(runs[0]!.status).toBe('REVIEW');
      // One computation job for the run (the job's idempotency key), run to completion once.
      const jobs = await env.db
        .selectFrom('job')
        .select(['status'])
        .where('name', '=', 'payroll.compute')
        .where(sql<boolean>`payload->>'runId' = ${runId}`)
        .execute();
      expect(jobs).toEqual([{ status: 'succeeded' }]);
      const audit = await env.db
        .selectFrom('audit_log')
        .select('action')
        .where('record_id', '=', runId)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['payroll.started']);

      const snapshot = () =>
        env.db
          .selectFrom('payroll_line')
          .select(['case_id', 'kind', 'item', 'gross_fen', 'deduction_fen', 'net_fen'])
          .where('county_code', '=', county)
          .where('run_id', '=', runId)
          .orderBy('case_id')
          .orderBy('kind')
          .orderBy('item')
          .execute();
      const lines = await snapshot();
      // No duplicate (case, kind, item), exactly one MONTHLY line per paid case, nothing else.
      const keys = lines.map((l) => `${l.case_id}|${l.kind}|${l.item}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(lines).toHaveLength(expected.size);
      expect(
        Object.fromEntries(
          lines.map((l) => [
            l.case_id,
            { kind: l.kind, item: l.item, grossFen: l.gross_fen, deductionFen: l.deduction_fen },
          ]),
        ),
      ).toEqual(
        Object.fromEntries([...expected].map(([id, e]) => [id, { kind: 'MONTHLY', item: '', ...e }])),
      );
      const gross = [...expected.values()].reduce((a, e) => a + e.grossFen, 0);
      const deduction = [...expected.values()].reduce((a, e) => a + e.deductionFen, 0);
      expect(deduction).toBeGreaterThan(0);
      expect(runs[0]).toMatchObject({
        line_count: expected.size,
        gross_fen: gross,
        deduction_fen: deduction,
        net_fen: gross - deduction,
      });

      // The same run computed again from nothing by a single process: the same lines and totals.
      await recomputePayroll(env, env.ctx('district'), runId);
      await env.jobs.drain();
      expect(await snapshot()).toEqual(lines);
      const single = await env.db
        .selectFrom('payroll_run')
        .select(['status', 'line_count', 'gross_fen', 'deduction_fen', 'net_fen'])
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(single).toEqual({
        status: 'REVIEW',
        line_count: runs[0]!.line_count,
        gross_fen: runs[0]!.gross_fen,
        deduction_fen: runs[0]!.deduction_fen,
        net_fen: runs[0]!.net_fen,
      });
    });
  },
);
