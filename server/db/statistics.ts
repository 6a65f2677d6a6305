import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Fresh planner statistics for the tables a set-based job is about to read: an embedded database has
 * no autovacuum, so after a bulk import, a delivery or a job's own first writes the planner would
 * believe them empty and loop (a scan of the whole table per row). ANALYZE samples a fixed number of
 * rows, so it stays cheap on a million.
 */
export async function refreshStatistics(
  db: Kysely<DB> | Transaction<DB>,
  tables: readonly (keyof DB & string)[],
): Promise<void> {
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
