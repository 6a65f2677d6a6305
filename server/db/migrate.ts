import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_audit_no_truncate.ts';
import * as m0003 from './migrations/0003_division_code_types.ts';
import * as m0004 from './migrations/0004_benefit_standards.ts';
import * as m0005 from './migrations/0005_policy_parameters.ts';
import * as m0006 from './migrations/0006_cases.ts';
import * as m0007 from './migrations/0007_reserve_fund.ts';
import * as m0008 from './migrations/0008_case_reminders.ts';
import * as m0009 from './migrations/0009_integrity.ts';
import * as m0010 from './migrations/0010_approval_delegation.ts';
import * as m0011 from './migrations/0011_payroll.ts';
import * as m0012 from './migrations/0012_payroll_extra.ts';
import * as m0013 from './migrations/0013_bank_layout.ts';
import * as m0014 from './migrations/0014_support_mode.ts';
import * as m0015 from './migrations/0015_feeds.ts';
import * as m0016 from './migrations/0016_monitoring.ts';
import * as m0017 from './migrations/0017_verification.ts';
import * as m0018 from './migrations/0018_care.ts';
import * as m0019 from './migrations/0019_grassroots.ts';
import * as m0020 from './migrations/0020_charity.ts';
import * as m0021 from './migrations/0021_policies.ts';
import * as m0022 from './migrations/0022_portal.ts';
import * as m0023 from './migrations/0023_referrals.ts';
import * as m0024 from './migrations/0024_portal_duplicates.ts';
import * as m0025 from './migrations/0025_feed_record_keys.ts';
import * as m0026 from './migrations/0026_rule_name_zh.ts';

// Migrations are listed explicitly (not read from the folder) so the bundle order is fixed and a
// typo fails the type check instead of silently skipping a migration.
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_audit_no_truncate': m0002,
  '0003_division_code_types': m0003,
  '0004_benefit_standards': m0004,
  '0005_policy_parameters': m0005,
  '0006_cases': m0006,
  '0007_reserve_fund': m0007,
  '0008_case_reminders': m0008,
  '0009_integrity': m0009,
  '0010_approval_delegation': m0010,
  '0011_payroll': m0011,
  '0012_payroll_extra': m0012,
  '0013_bank_layout': m0013,
  '0014_support_mode': m0014,
  '0015_feeds': m0015,
  '0016_monitoring': m0016,
  '0017_verification': m0017,
  '0018_care': m0018,
  '0019_grassroots': m0019,
  '0020_charity': m0020,
  '0021_policies': m0021,
  '0022_portal': m0022,
  '0023_referrals': m0023,
  '0024_portal_duplicates': m0024,
  '0025_feed_record_keys': m0025,
  '0026_rule_name_zh': m0026,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
