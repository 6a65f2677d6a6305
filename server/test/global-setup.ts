import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { demoDivisions } from '../../demo/district.ts';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { upsertDivisions } from '../modules/divisions/divisions.usecases.ts';
import { PG_TEMPLATE_DB, TEMPLATE_FILE, waitUntilUnused } from './template.ts';

// Runs once per `vitest run`: builds the migrated template (with the demo divisions, which every
// registry test needs) that each test file clones.
async function prepare(h: DatabaseHandle) {
  await migrateToLatest(h.db);
  await upsertDivisions(h.db, demoDivisions());
}

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_TEMPLATE_DB}`);
    await admin.query(`create database ${PG_TEMPLATE_DB}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${PG_TEMPLATE_DB}`;
    const h = await openPostgres(u.toString(), 2);
    await prepare(h);
    await h.close();
    // Test files clone the template, which needs it to have no sessions left.
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    await waitUntilUnused(check, PG_TEMPLATE_DB);
    await check.end();
    return;
  }
  const h = await openPglite({});
  await prepare(h);
  const dump = await h.pglite!.dumpDataDir('gzip');
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await h.close();
}
