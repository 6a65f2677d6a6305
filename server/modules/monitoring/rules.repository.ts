import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { RuleCondition, RuleView } from '../../../contracts/alerts.ts';
import type { DB } from '../../db/schema.ts';
import type { AlertRuleTable, CompareRunTable } from '../../db/schema-monitoring.ts';
import { categoryOf, DEFAULT_RULES, type RuleDef } from './rules.models.ts';

// The rules and comparison runs of a county (§7.4 rules as data; §7.3 comparison).

type Db = Kysely<DB> | Transaction<DB>;
export type RuleRow = Selectable<AlertRuleTable>;
export type RunRow = Selectable<CompareRunTable>;

const ruleValues = (county: string, d: RuleDef, at: Date, by: string | null, builtIn: boolean) => ({
  county_code: county,
  code: d.code,
  alert_type: d.alertType,
  category: categoryOf(d.alertType),
  kind: d.kind,
  source: d.source,
  conditions: JSON.stringify(d.conditions),
  within_days: d.withinDays,
  latest_only: d.latestOnly,
  population: d.population,
  sla_wd: d.slaWd,
  legal_basis: d.legalBasis,
  name_zh: d.nameZh,
  name_en: d.nameEn,
  built_in: builtIn,
  updated_by: by,
  updated_at: at,
});

/** Seeds the shipped rules of a county once; a county's own changes are never overwritten. */
export async function ensureDefaultRules(db: Db, county: string, at: Date): Promise<void> {
  await db
    .insertInto('alert_rule')
    .values(DEFAULT_RULES.map((d) => ruleValues(county, d, at, null, true)))
    .onConflict((oc) => oc.columns(['county_code', 'code']).doNothing())
    .execute();
}

export const insertRule = (db: Db, county: string, d: RuleDef, at: Date, by: string | null) =>
  db
    .insertInto('alert_rule')
    .values(ruleValues(county, d, at, by, false))
    .onConflict((oc) => oc.columns(['county_code', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst();

export const listRules = (db: Db, county: string) =>
  db
    .selectFrom('alert_rule')
    .selectAll()
    .where('county_code', '=', county)
    .orderBy('built_in', 'desc')
    .orderBy('code')
    .execute();

export const lockRule = (trx: Transaction<DB>, county: string, code: string) =>
  trx
    .selectFrom('alert_rule')
    .selectAll()
    .where('county_code', '=', county)
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();

export const updateRule = (
  trx: Transaction<DB>,
  county: string,
  code: string,
  set: Partial<{
    enabled: boolean;
    sla_wd: number;
    conditions: string;
    within_days: number | null;
    latest_only: boolean;
    population: RuleRow['population'];
  }>,
  at: Date,
  by: string | null,
) =>
  trx
    .updateTable('alert_rule')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: at, updated_by: by }))
    .where('county_code', '=', county)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();

export function toRuleDef(r: RuleRow): RuleDef {
  return {
    code: r.code,
    alertType: r.alert_type as RuleDef['alertType'],
    kind: r.kind,
    source: r.source,
    conditions: r.conditions as RuleCondition[],
    withinDays: r.within_days,
    latestOnly: r.latest_only,
    population: r.population,
    slaWd: r.sla_wd,
    legalBasis: r.legal_basis,
    nameZh: r.name_zh,
    nameEn: r.name_en,
  };
}

export const ruleView = (r: RuleRow): RuleView => ({
  ...toRuleDef(r),
  category: r.category,
  enabled: r.enabled,
  builtIn: r.built_in,
  version: r.version,
});

export const insertRun = (
  db: Db,
  v: { county: string; runOn: string; by: string | null; byName: string; at: Date },
) =>
  db
    .insertInto('compare_run')
    .values({
      county_code: v.county,
      status: 'RUNNING',
      job_id: null,
      run_on: v.runOn,
      started_by: v.by,
      started_by_name: v.byName,
      started_at: v.at,
    })
    // The partial index's predicate as a literal: PostgreSQL cannot match a parameter ($n) to it.
    .onConflict((oc) => oc.column('county_code').where(sql<boolean>`status = 'RUNNING'`).doNothing())
    .returningAll()
    .executeTakeFirst();

export const getRun = (db: Db, county: string, id: string) =>
  db
    .selectFrom('compare_run')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const runningRun = (db: Db, county: string) =>
  db
    .selectFrom('compare_run')
    .selectAll()
    .where('county_code', '=', county)
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();

export const listRuns = (db: Db, county: string) =>
  db
    .selectFrom('compare_run')
    .selectAll()
    .where('county_code', '=', county)
    .orderBy('started_at', 'desc')
    .limit(20)
    .execute();

export const setRun = (
  db: Db,
  county: string,
  id: string,
  set: Partial<{
    status: RunRow['status'];
    job_id: string;
    finished_at: Date;
    raised: number;
    counts: string;
  }>,
) => db.updateTable('compare_run').set(set).where('county_code', '=', county).where('id', '=', id).execute();
