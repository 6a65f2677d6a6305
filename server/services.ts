import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { careMissedVisitsJob } from './modules/care/care.jobs.ts';
import { remindersJob } from './modules/cases/reminders.usecases.ts';
import { recalcJob } from './modules/entitlements/recalc.jobs.ts';
import { importJob } from './modules/imports/imports.jobs.ts';
import { monitoringJobs } from './modules/monitoring/monitoring.jobs.ts';
import { payrollJob } from './modules/payroll/payroll.jobs.ts';
import { matchingJob } from './modules/policies/matching.jobs.ts';
import { type AuditLog, createAuditLog } from './platform/audit.ts';
import { createClock, type SettableClock } from './platform/clock.ts';
import { createCipher, type PersonalDataCipher, resolveMasterKey } from './platform/crypto.ts';
import { createJobRunner, type JobDefinition, type JobRunner } from './platform/jobs.ts';

// The process-wide parts every use case may need, built once in order:
// config → database → migrations → key check → audit → jobs.

export type Services = {
  config: Config;
  handle: DatabaseHandle;
  db: DatabaseHandle['db'];
  clock: SettableClock;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  jobs: JobRunner;
  close(): Promise<void>;
};

export async function createServices(
  config: Config,
  opts: { handle?: DatabaseHandle; clock?: SettableClock } = {},
): Promise<Services> {
  const handle = opts.handle ?? (await openDatabase(config));
  const db = handle.db;
  await migrateToLatest(db);
  const cipher = createCipher(
    resolveMasterKey({
      configured: config.masterKeyHex,
      dataDir: config.dataDir,
      embedded: handle.kind === 'pglite',
    }),
  );
  await checkKeyFingerprint(handle, cipher.fingerprint);
  const clock = opts.clock ?? createClock(config.clockStart);
  const audit = createAuditLog({ db, clock });
  const services = { config, handle, db, clock, cipher, audit } as Services;
  // biome-ignore lint/suspicious/noExplicitAny: heterogeneous job payloads.
  const definitions: JobDefinition<any>[] = [
    importJob(services),
    recalcJob(services),
    remindersJob(services),
    payrollJob(services),
    ...monitoringJobs(services),
    careMissedVisitsJob(services),
    matchingJob(services),
  ];
  services.jobs = createJobRunner({ db, clock, definitions });
  services.close = async () => {
    await services.jobs.stop();
    await audit.flush();
    await handle.close();
  };
  return services;
}

/** A database sealed with one key must never be opened with another: data would be unreadable. */
async function checkKeyFingerprint(handle: DatabaseHandle, fingerprint: string) {
  const row = await handle.db
    .selectFrom('instance_meta')
    .select('value')
    .where('key', '=', 'key_fingerprint')
    .executeTakeFirst();
  if (!row) {
    await handle.db
      .insertInto('instance_meta')
      .values({ key: 'key_fingerprint', value: fingerprint })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else if (row.value !== fingerprint) {
    throw new Error(
      `The personal-data key does not match this database (key fingerprint ${fingerprint}, database expects ${row.value}). ` +
        '个人信息密钥与数据库不匹配，请检查 HUIJIU_MASTER_KEY 或数据目录中的 master.key。',
    );
  }
}
