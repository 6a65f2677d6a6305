import type { Kysely } from 'kysely';

// Placeholder: filled in by the capability's owner.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(_db: Kysely<any>): Promise<void> {}
