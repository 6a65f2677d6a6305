import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPglite } from './database.ts';

// A SIGKILL cannot tell a synced commit from one that only reached the page cache (the kernel
// keeps both); a power cut can. So count the syncs that reach the host: 'full' durability must
// sync the WAL at every commit, before the commit returns.

describe.skipIf(!!process.env.TEST_DATABASE_URL)('embedded database on a folder', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-durable-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function syncsPerCommit(durability: 'full' | 'relaxed', commits: number) {
    const h = await openPglite({ dataDir: path.join(tmp, durability), durability });
    try {
      await sql`create table probe (id integer primary key)`.execute(h.db);
      const syncs = vi.spyOn(fs, 'fdatasyncSync');
      const after: number[] = [];
      for (let i = 1; i <= commits; i++) {
        await sql`insert into probe (id) values (${i})`.execute(h.db);
        after.push(syncs.mock.calls.length);
      }
      return after;
    } finally {
      await h.close();
    }
  }

  it("syncs the WAL to disk before each commit returns in 'full' durability", async () => {
    const after = await syncsPerCommit('full', 30);
    // Every commit added at least one sync of its own, counted before the next commit began.
    after.forEach((n, i) => {
      expect(n, `syncs after commit ${i + 1}`).toBeGreaterThan(i === 0 ? 0 : after[i - 1]!);
    });
  });

  it("does not sync at commit in 'relaxed' durability", async () => {
    const after = await syncsPerCommit('relaxed', 30);
    expect(after.at(-1)).toBe(0);
  });

  it('keeps committed rows across close and reopen', async () => {
    const dataDir = path.join(tmp, 'reopen');
    const h = await openPglite({ dataDir, durability: 'full' });
    await sql`create table kept (id integer primary key, name text not null)`.execute(h.db);
    await sql`insert into kept values (1, '汇救'), (2, 'huijiu')`.execute(h.db);
    await h.close();
    const again = await openPglite({ dataDir, durability: 'full' });
    try {
      const rows = await sql<{ id: number; name: string }>`select id, name from kept order by id`.execute(
        again.db,
      );
      expect(rows.rows).toEqual([
        { id: 1, name: '汇救' },
        { id: 2, name: 'huijiu' },
      ]);
    } finally {
      await again.close();
    }
  });
});
