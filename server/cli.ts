import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Role } from '../contracts/roles.ts';
import { DEMO_PASSWORD, isEmpty, runDemo } from '../demo/run.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { serve } from './main.ts';
import { createUsers } from './modules/admin/users.usecases.ts';
import { upsertDivisions } from './modules/divisions/divisions.usecases.ts';
import { loadCountyDivisions } from './modules/divisions/divisions-data.ts';
import { checkImportFile, IMPORT_JOB, importDir } from './modules/imports/imports.usecases.ts';
import { verifyAuditChain } from './platform/audit.ts';
import { backupPglite, restorePglite } from './platform/backup.ts';
import { createClock } from './platform/clock.ts';
import { systemContext } from './platform/context.ts';
import { createCipher } from './platform/crypto.ts';
import { isAppError } from './platform/errors.ts';
import { createProgressBar } from './platform/progress-bar.ts';
import { createServices, type Services } from './services.ts';

const USAGE = `huijiu <command>
  serve [--demo-if-empty]              start the console, portal and API
  migrate                              apply database migrations
  demo [--seed N] [--households N]     create the demo district (on an empty database)
  import households FILE [--county C]  import households from .xlsx/.csv (all rows checked first)
  divisions import --county CODE6      load a county's towns and villages (2023 NBS codes)
  users add --username U --name N --role R --jurisdiction CODE
  audit verify                         check the audit log's hash chain
  backup FILE | restore FILE           embedded database backup and restore`;

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const s = await createServices(loadConfig());
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'demo-if-empty': { type: 'boolean' },
      seed: { type: 'string' },
      households: { type: 'string' },
      county: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      jurisdiction: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (!cmd || values.help) return void process.stdout.write(`${USAGE}\n`);
  const config = loadConfig();

  switch (cmd) {
    case 'serve':
      await serve(config, { demoIfEmpty: values['demo-if-empty'] ?? false });
      return;
    case 'migrate': {
      const h = await openDatabase(config);
      const done = await migrateToLatest(h.db);
      await h.close();
      process.stdout.write(done.length ? `applied: ${done.join(', ')}\n` : 'database is up to date\n');
      return;
    }
    case 'demo':
      return withServices(async (s) => {
        if (!(await isEmpty(s)))
          throw new Error('the database is not empty; the demo is created only on an empty one (数据库非空)');
        const bar = createProgressBar('demo');
        const r = await runDemo(s, {
          seed: values.seed ? Number(values.seed) : undefined,
          households: values.households ? Number(values.households) : undefined,
          onProgress: (p) => bar.update(p),
        });
        bar.done(
          `${r.households} households, ${r.persons} persons, ${r.users} accounts (password ${DEMO_PASSWORD})`,
        );
      });
    case 'import': {
      if (sub !== 'households' || !arg) throw new Error('usage: huijiu import households FILE');
      return withServices(async (s) => {
        const county =
          values.county ??
          (
            await s.db
              .selectFrom('admin_unit')
              .select('county_code')
              .where('level', '=', 'county')
              .executeTakeFirst()
          )?.county_code;
        if (!county)
          throw new Error('no county is loaded yet: run `huijiu divisions import --county CODE` first');
        const ctx = systemContext(county, 'cli');
        const format = checkImportFile(ctx, arg);
        const dest = path.join(importDir(config.dataDir), `cli-${crypto.randomUUID()}-${path.basename(arg)}`);
        fs.copyFileSync(arg, dest);
        const bar = createProgressBar('import');
        const off = s.jobs.onProgress((_id, p) => bar.update(p));
        const job = await s.jobs.enqueue({
          name: IMPORT_JOB,
          countyCode: county,
          scope: dest,
          createdBy: null,
          payload: {
            file: dest,
            filename: path.basename(arg),
            format,
            actor: ctx.actor,
            requestId: 'cli',
            clientIp: 'local',
          },
        });
        await s.jobs.drain();
        off();
        const row = await s.db
          .selectFrom('job')
          .select(['status', 'result', 'error'])
          .where('id', '=', job.id)
          .executeTakeFirstOrThrow();
        const result = row.result as {
          ok: boolean;
          households?: number;
          persons?: number;
          errorCount?: number;
          errors?: { line: number; column: string | null; message: string }[];
        } | null;
        if (result?.ok)
          return bar.done(`imported ${result.households} households, ${result.persons} persons`);
        bar.done('nothing was written (未写入任何数据)');
        for (const e of result?.errors ?? [])
          process.stderr.write(`  line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}\n`);
        if (row.error) process.stderr.write(`  ${JSON.stringify(row.error)}\n`);
        if ((result?.errorCount ?? 0) > (result?.errors?.length ?? 0))
          process.stderr.write(
            `  … ${result!.errorCount} errors in all; see ${importDir(config.dataDir)}/${job.id}.errors.ndjson\n`,
          );
        process.exitCode = 1;
      });
    }
    case 'divisions': {
      if (sub !== 'import' || !values.county)
        throw new Error('usage: huijiu divisions import --county CODE6');
      return withServices(async (s) => {
        const set = loadCountyDivisions(values.county!);
        const r = await upsertDivisions(s.db, set, undefined, s.clock.now());
        process.stdout.write(`${set.county.name}: ${r.towns} towns, ${r.villages} villages\n`);
      });
    }
    case 'users': {
      if (sub !== 'add' || !values.username || !values.name || !values.role || !values.jurisdiction)
        throw new Error('usage: huijiu users add --username U --name N --role R --jurisdiction CODE');
      return withServices(async (s) => {
        const [u] = await createUsers(s.db, s.clock, [
          {
            username: values.username!,
            displayName: values.name!,
            role: values.role as Role,
            jurisdictionCode: values.jurisdiction!,
          },
        ]);
        process.stdout.write(
          `created ${u!.username}; one-time password (change at first sign-in): ${u!.password}\n`,
        );
      });
    }
    case 'audit':
      return withServices(async (s) => {
        const results = await verifyAuditChain(s.db);
        if (results.length === 0) process.stdout.write('the audit log is empty (审计日志为空)\n');
        for (const r of results) {
          process.stdout.write(
            `${r.countyCode}: ${r.rows} rows, ${r.ok ? 'chain intact (审计链完整)' : `${r.problems.length} problems (审计链被篡改)`}\n`,
          );
          for (const p of r.problems.slice(0, 50)) process.stdout.write(`  seq ${p.seq}: ${p.problem}\n`);
        }
        if (results.some((r) => !r.ok)) process.exitCode = 2;
      });
    case 'backup': {
      if (!sub) throw new Error('usage: huijiu backup FILE');
      return withServices(async (s) => {
        const meta = await backupPglite(s.handle, path.resolve(sub), s.clock.now());
        const rows = Object.values(meta.rowCounts).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `backup written to ${sub}: ${rows} rows in ${Object.keys(meta.rowCounts).length} tables\n`,
        );
      });
    }
    case 'restore': {
      if (!sub) throw new Error('usage: huijiu restore FILE');
      if (config.databaseUrl)
        throw new Error('restore works on the embedded database; use pg_restore for a server');
      const keyFile = path.join(config.dataDir, 'master.key');
      const key =
        config.masterKeyHex ?? (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : null);
      const meta = await restorePglite(
        path.resolve(sub),
        path.join(config.dataDir, 'pglite'),
        key ? createCipher(key).fingerprint : null,
        createClock(config.clockStart).now(),
      );
      process.stdout.write(`restored backup of ${meta.createdAt}: every table's row count matches\n`);
      return;
    }
    default:
      process.stderr.write(`unknown command ${cmd}\n${USAGE}\n`);
      process.exitCode = 64;
  }
}

main(process.argv.slice(2)).catch((err) => {
  if (isAppError(err)) {
    process.stderr.write(`${err.messageZh} / ${err.messageEn}\n`);
    if (Array.isArray(err.details))
      for (const d of err.details) process.stderr.write(`  ${d.field}: ${d.message} / ${d.messageEn}\n`);
  } else process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
