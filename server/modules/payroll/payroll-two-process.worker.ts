import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../../config.ts';
import type { PayrollScheme } from '../../db/schema.ts';
import { createClock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { isAppError } from '../../platform/errors.ts';
import { createServices } from '../../services.ts';
import { TEST_MASTER_KEY } from '../../test/template.ts';
import { computePayroll, startPayroll } from './payroll.usecases.ts';

// Child process of payroll-two-process.test.ts: one server process of a two-process deployment.
// It boots the services on the given PostgreSQL database as `huijiu serve` would, prints `ready`,
// waits for `go` on stdin (so that both children start at the same instant), starts the payroll run,
// prints `started`, waits for `compute` (so that both computations overlap too) and runs the
// computation (the job body) itself, even when the other process won the start: the harshest
// overlap, as when a job is reclaimed while its first runner is still working. Then it drains the
// job queue as the in-process runner would. One JSON line with what happened goes to
// stdout; any uncaught error exits non-zero with the stack on stderr.
//
//   node --import tsx server/modules/payroll/payroll-two-process.worker.ts DATABASE_URL NOW ACTOR_JSON SCHEME MONTH

const [url, now, actorJson, scheme, month] = process.argv.slice(2);
if (!url || !now || !actorJson || !scheme || !month) {
  process.stderr.write('usage: payroll-two-process.worker.ts DATABASE_URL NOW ACTOR_JSON SCHEME MONTH\n');
  process.exit(64);
}
const actor = JSON.parse(actorJson) as Actor;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-payroll-worker-'));
const s = await createServices(
  loadConfig({
    DATABASE_URL: url,
    HUIJIU_DATA_DIR: dataDir,
    HUIJIU_MASTER_KEY: TEST_MASTER_KEY,
    HUIJIU_TEST_MODE: '1',
    LOG_LEVEL: 'silent',
  }),
  { clock: createClock(now) },
);
try {
  const ctx = { actor, requestId: `worker-${process.pid}`, clientIp: '127.0.0.1' };
  const input = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const waitFor = async (word: string) => {
    for (;;) {
      const next = await input.next();
      if (next.done) throw new Error(`stdin closed before '${word}'`);
      if (next.value.trim() === word) return;
    }
  };
  process.stdout.write('ready\n');
  await waitFor('go');

  let outcome: 'started' | 'run_exists';
  let runId: string;
  try {
    runId = (await startPayroll(s, ctx, { scheme: scheme as PayrollScheme, month })).runId;
    outcome = 'started';
  } catch (err) {
    // The loser of the unique key gets a clean conflict that names the existing run.
    if (!isAppError(err) || err.code !== 'payroll.run_exists') throw err;
    runId = (err.details as { runId: string }).runId;
    outcome = 'run_exists';
  }
  process.stdout.write('started\n');
  await waitFor('compute');
  await input.return?.();
  const compute = await computePayroll(s, { countyCode: actor.countyCode, progress: async () => {} }, runId);
  await s.jobs.drain();
  process.stdout.write(`${JSON.stringify({ pid: process.pid, outcome, runId, compute })}\n`);
} finally {
  await s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
