import { type Kysely, sql } from 'kysely';

// Row triggers do not fire on TRUNCATE: a statement trigger closes that way round the append-only
// rule for the log and for the chain heads that anchor its tail.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
    create trigger audit_head_no_truncate before truncate on audit_head
      for each statement execute function audit_log_append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger audit_head_no_truncate on audit_head;
    drop trigger audit_log_no_truncate on audit_log;
  `.execute(db);
}
