import path from 'node:path';
import type pg from 'pg';

// Where the migrated template database lives for a test run (architecture convention 9:
// migrate once, clone per test file).
export const TEMPLATE_FILE = path.resolve('.tmp/test-template.tgz');
export const PG_TEMPLATE_DB = 'huijiu_test_template';
export const TEST_MASTER_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** Waits (a little) until no session is connected to `database`, as CREATE/DROP DATABASE need. */
export async function waitUntilUnused(admin: pg.Client, database: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [database],
    );
    if (r.rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
