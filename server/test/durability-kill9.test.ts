import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/database.ts';

// A process killed with SIGKILL right after a commit returned must not lose that commit: PGlite
// in 'full' durability writes (and syncs) the WAL before the commit is acknowledged.

const WRITER = path.resolve('server/test/durability-writer.ts');
const KILL_AFTER = 200;

type Run = { printed: number[]; signal: NodeJS.Signals | null; code: number | null; stderr: string };

/** Runs the writer until it has printed `killAfter` committed ids, then kills it with SIGKILL. */
function runAndKill(dataDir: string, killAfter: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, 'full'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed: number[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`writer printed only ${printed.length} ids in 90 s; stderr: ${stderr}`));
    }, 90_000);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (/^\d+$/.test(line)) printed.push(Number(line));
      if (!killed && printed.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // A partial last line (no newline yet) is not counted: only whole printed ids were acknowledged.
      resolve({ printed, signal, code, stderr });
    });
  });
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('embedded database durability', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every commit acknowledged before the process was killed with SIGKILL, and still opens', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-kill9-'));
    dirs.push(tmp);
    const dataDir = path.join(tmp, 'pglite');

    const first = await runAndKill(dataDir, KILL_AFTER);
    expect(first.signal, first.stderr).toBe('SIGKILL');
    expect(first.printed.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(first.printed).toEqual(Array.from({ length: first.printed.length }, (_, i) => i + 1));

    // A second run on the crashed folder: recovery, then more commits, then another kill.
    const second = await runAndKill(dataDir, 50);
    expect(second.signal, second.stderr).toBe('SIGKILL');
    expect(second.printed[0]).toBeGreaterThan(first.printed.at(-1)!);

    const h = await openPglite({ dataDir, durability: 'full' });
    try {
      const rows = await sql<{
        id: number;
        payload: string;
      }>`select id, payload from durability_probe order by id`.execute(h.db);
      const present = new Set(rows.rows.map((r) => r.id));
      const lost = [...first.printed, ...second.printed].filter((id) => !present.has(id));
      expect(lost).toEqual([]);
      // Nothing beyond the one commit that may have returned after the last printed id.
      expect(rows.rows.length).toBeLessThanOrEqual(second.printed.at(-1)! + 1);
      expect(rows.rows.find((r) => r.id === KILL_AFTER)?.payload).toBe(`row ${KILL_AFTER} 汇救`);
      // The folder is healthy: it takes new writes after recovery.
      await sql`insert into durability_probe (id, payload) values (${1_000_000}, 'after recovery')`.execute(
        h.db,
      );
      const n = await sql<{ n: number }>`select count(*)::int as n from durability_probe`.execute(h.db);
      expect(n.rows[0]!.n).toBe(rows.rows.length + 1);
    } finally {
      await h.close();
    }
  });
});
