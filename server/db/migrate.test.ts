import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/harness.ts';
import { type Database, type DatabaseHandle, openPglite, openPostgres } from './database.ts';
import { migrateToLatest } from './migrate.ts';

// Tenant tables shard by county (architecture convention 13): county_code leads the primary key,
// and keys that join or deduplicate tenant rows carry it too, so that a Citus deployment can
// distribute them by county without a schema change.
const TENANT_TABLES = [
  'household',
  'person',
  'household_member',
  'record_version',
  'audit_log',
  'assistance_case',
  'case_event',
  'entitlement',
  'recalc_change',
  'check_request',
  'check_report',
  'check_item_result',
  'alert_rule',
  'compare_run',
  'alert',
  'alert_event',
  'person_category',
  'policy_department',
  'policy',
  'policy_match',
  'department_referral',
  'portal_application',
  'portal_submission',
];
/** Tables that carry county_code as a plain attribute and are not distributed by it. */
const NOT_DISTRIBUTED = ['admin_unit', 'app_user', 'job'];

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/** An empty database on the engine under test: in memory, or a new database on the server. */
async function openEmptyDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return openPglite({});
  const name = `huijiu_t_empty_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openPostgres(u.toString(), 2);
  return {
    ...handle,
    async close() {
      await handle.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function schemaSnapshot(db: Database) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const migrations = await sql<{ name: string }>`select name from schema_migration order by name`.execute(db);
  return { columns: columns.rows, migrations: migrations.rows.map((r) => r.name) };
}

/** Primary-key columns per table, in key order, from the catalog (pg_index). */
async function primaryKeys(db: Database): Promise<Record<string, string[]>> {
  const r = await sql<{ table_name: string; columns: string }>`
    select c.relname::text as table_name,
           string_agg(a.attname::text, ',' order by k.ord) as columns
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indisprimary
    group by c.relname`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.table_name, x.columns.split(',')]));
}

describe('migrations', () => {
  it('migrating an already-migrated database is a no-op', async () => {
    const before = await schemaSnapshot(h.db);
    expect(before.migrations).toContain('0001_foundation');
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect(await schemaSnapshot(h.db)).toEqual(before);
  });

  it('brings an empty database to the same schema as the template, once', async () => {
    const empty = await openEmptyDatabase();
    try {
      const applied = await migrateToLatest(empty.db);
      expect(applied[0]).toBe('0001_foundation');
      expect(applied).toEqual([...applied].sort());
      expect(await migrateToLatest(empty.db)).toEqual([]);
      const fresh = await schemaSnapshot(empty.db);
      const template = await schemaSnapshot(h.db);
      expect(fresh.migrations).toEqual(applied);
      expect(fresh).toEqual(template);
    } finally {
      await empty.close();
    }
  });
});

describe('schema shards by county (convention 13)', () => {
  it('leads the primary key of every tenant table with county_code', async () => {
    const pks = await primaryKeys(h.db);
    for (const table of TENANT_TABLES) {
      expect(pks[table]?.[0], `${table} primary key ${pks[table]}`).toBe('county_code');
      expect(pks[table]!.length, `${table} primary key is more than county_code`).toBeGreaterThan(1);
    }
    expect(pks.household).toEqual(['county_code', 'id']);
    expect(pks.audit_log).toEqual(['county_code', 'seq']);
  });

  it('agrees with information_schema on the primary-key columns and their order', async () => {
    const r = await sql<{ table_name: string; column_name: string; ordinal_position: number }>`
      select k.table_name::text as table_name, k.column_name::text as column_name, k.ordinal_position::int as ordinal_position
      from information_schema.table_constraints t
      join information_schema.key_column_usage k
        on k.constraint_schema = t.constraint_schema and k.constraint_name = t.constraint_name
       and k.table_name = t.table_name
      where t.table_schema = 'public' and t.constraint_type = 'PRIMARY KEY'
      order by k.table_name, k.ordinal_position`.execute(h.db);
    const fromInfo: Record<string, string[]> = {};
    for (const row of r.rows) {
      fromInfo[row.table_name] = [...(fromInfo[row.table_name] ?? []), row.column_name];
    }
    for (const table of TENANT_TABLES) expect(fromInfo[table]?.[0], table).toBe('county_code');
    expect(fromInfo).toEqual(await primaryKeys(h.db));
  });

  it('leads the primary key with county_code on every table that has it, except the known global ones', async () => {
    const withCounty = await sql<{ table_name: string }>`
      select c.table_name::text as table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = 'county_code' and t.table_type = 'BASE TABLE'
      order by 1`.execute(h.db);
    const pks = await primaryKeys(h.db);
    const tables = withCounty.rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining([...TENANT_TABLES, ...NOT_DISTRIBUTED]));
    const offending = tables.filter((t) => pks[t]?.[0] !== 'county_code' && !NOT_DISTRIBUTED.includes(t));
    expect(offending).toEqual([]);
  });

  it('includes county_code in every unique index and foreign key of a tenant table', async () => {
    const uniques = await sql<{ table_name: string; index_name: string; first_column: string }>`
      select c.relname::text as table_name, ic.relname::text as index_name, a.attname::text as first_column
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indisunique`.execute(h.db);
    const tenantUniques = uniques.rows.filter((u) => TENANT_TABLES.includes(u.table_name));
    expect(tenantUniques.map((u) => u.index_name)).toEqual(
      expect.arrayContaining(['household_member_one_active']),
    );
    for (const u of tenantUniques)
      expect(u.first_column, `${u.table_name}.${u.index_name}`).toBe('county_code');

    const fks = await sql<{ table_name: string; ref_table: string; columns: string; ref_columns: string }>`
      select c.conrelid::regclass::text as table_name, c.confrelid::regclass::text as ref_table,
             (select string_agg(a.attname::text, ',' order by k.ord) from unnest(c.conkey) with ordinality k(n, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
             (select string_agg(a.attname::text, ',' order by k.ord) from unnest(c.confkey) with ordinality k(n, ord)
                join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as ref_columns
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
      where c.contype = 'f'`.execute(h.db);
    const tenantFks = fks.rows.filter((f) => TENANT_TABLES.includes(f.table_name));
    expect(tenantFks.map((f) => `${f.table_name}->${f.ref_table}`).sort()).toEqual(
      expect.arrayContaining(['household_member->household', 'household_member->person']),
    );
    for (const f of tenantFks) {
      expect(f.columns.split(',')[0], `${f.table_name}->${f.ref_table}`).toBe('county_code');
      expect(f.ref_columns.split(',')[0], `${f.table_name}->${f.ref_table}`).toBe('county_code');
    }
  });
});
