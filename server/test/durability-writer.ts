import { sql } from 'kysely';
import { openPglite } from '../db/database.ts';

// Child process of durability-kill9.test.ts: commits one row at a time to a file-backed PGlite and
// prints each id right after its commit returns. The test kills it with SIGKILL mid-stream and
// checks that every printed (acknowledged) id survived.
//
//   node --import tsx server/test/durability-writer.ts DATA_DIR [full|relaxed]

const [dataDir, durability = 'full'] = process.argv.slice(2);
if (!dataDir || (durability !== 'full' && durability !== 'relaxed')) {
  process.stderr.write('usage: durability-writer.ts DATA_DIR [full|relaxed]\n');
  process.exit(64);
}

const h = await openPglite({ dataDir, durability });
await sql`create table if not exists durability_probe (id integer primary key, payload text not null)`.execute(
  h.db,
);
const start = (
  await sql<{ n: number }>`select coalesce(max(id), 0)::int as n from durability_probe`.execute(h.db)
).rows[0]!.n;
process.stdout.write('ready\n');
for (let id = start + 1; ; id++) {
  await sql`insert into durability_probe (id, payload) values (${id}, ${`row ${id} 汇救`})`.execute(h.db);
  // stdout is a pipe: on Linux the write is synchronous, so the id is out before the next commit.
  process.stdout.write(`${id}\n`);
}
