import {
  type Insertable,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PolicyDepartmentTable, PolicyTable } from '../../db/schema-policies.ts';

// All Kysely of the catalogue (§9.3): departments, policies, and the counts the console shows
// (matches per policy, referrals per department).

type Db = Kysely<DB> | Transaction<DB>;

/** Rows of a division: the county, or a town's / village's (convention 7). */
export type Scope = { column: 'county_code' | 'town_code' | 'village_code'; value: string };

export type PolicyRow = Selectable<PolicyTable> & { department_name: string; match_count: number };
export type DepartmentRow = Selectable<PolicyDepartmentTable>;

export async function listPolicies(
  db: Db,
  county: string,
  scope: Scope,
  where: { id?: string; code?: string; activeOnly?: boolean } = {},
): Promise<PolicyRow[]> {
  let q = db
    .selectFrom('policy as p')
    .innerJoin('policy_department as d', (j) =>
      j.onRef('d.county_code', '=', 'p.county_code').onRef('d.code', '=', 'p.department_code'),
    )
    .selectAll('p')
    .select('d.name as department_name')
    .select((eb) =>
      eb
        .selectFrom('policy_match as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.county_code', '=', 'p.county_code')
        .whereRef('m.policy_id', '=', 'p.id')
        .where('m.state', '<>', 'LAPSED')
        .where(`m.${scope.column}`, '=', scope.value)
        .as('match_count'),
    )
    .where('p.county_code', '=', county);
  if (where.id !== undefined) q = q.where('p.id', '=', where.id);
  if (where.code !== undefined) q = q.where('p.code', '=', where.code);
  if (where.activeOnly) q = q.where('p.active', '=', true);
  const rows = await q.orderBy('p.department_code').orderBy('p.code').execute();
  return rows.map((r) => ({ ...r, match_count: Number(r.match_count ?? 0) }));
}

export async function findPolicyByCode(db: Db, county: string, code: string) {
  return db
    .selectFrom('policy')
    .select(['id', 'version'])
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function lockPolicy(trx: Transaction<DB>, county: string, id: string) {
  return trx
    .selectFrom('policy')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertPolicy(trx: Transaction<DB>, row: Insertable<PolicyTable>): Promise<string> {
  const r = await trx.insertInto('policy').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePolicy(
  trx: Transaction<DB>,
  county: string,
  id: string,
  set: Updateable<PolicyTable>,
): Promise<void> {
  await trx
    .updateTable('policy')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
}

export type DepartmentCounts = DepartmentRow & {
  policy_count: number;
  pending_referrals: number;
  overdue_referrals: number;
};

/** Departments with their active policies and referrals (overdue: PENDING and due before today). */
export async function listDepartments(
  db: Db,
  county: string,
  scope: Scope,
  today: string,
): Promise<DepartmentCounts[]> {
  const rows = await db
    .selectFrom('policy_department as d')
    .selectAll('d')
    .select((eb) => [
      eb
        .selectFrom('policy as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.county_code', '=', 'd.county_code')
        .whereRef('p.department_code', '=', 'd.code')
        .where('p.active', '=', true)
        .as('policy_count'),
      eb
        .selectFrom('department_referral as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.county_code', '=', 'd.county_code')
        .whereRef('r.department_code', '=', 'd.code')
        .where('r.state', '=', 'PENDING')
        .where(`r.${scope.column}`, '=', scope.value)
        .as('pending_referrals'),
      eb
        .selectFrom('department_referral as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.county_code', '=', 'd.county_code')
        .whereRef('r.department_code', '=', 'd.code')
        .where('r.state', '=', 'PENDING')
        .where('r.due_on', '<', today)
        .where(`r.${scope.column}`, '=', scope.value)
        .as('overdue_referrals'),
    ])
    .where('d.county_code', '=', county)
    .execute();
  return rows.map((r) => ({
    ...r,
    policy_count: Number(r.policy_count ?? 0),
    pending_referrals: Number(r.pending_referrals ?? 0),
    overdue_referrals: Number(r.overdue_referrals ?? 0),
  }));
}

export async function findDepartment(db: Db, county: string, code: string) {
  return db
    .selectFrom('policy_department')
    .selectAll()
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Creates the department with `row`'s values unless it exists (then nothing changes). */
export async function ensureDepartment(trx: Transaction<DB>, row: Insertable<PolicyDepartmentTable>) {
  await trx
    .insertInto('policy_department')
    .values(row)
    .onConflict((oc) => oc.columns(['county_code', 'code']).doNothing())
    .execute();
}

export async function updateDepartment(
  trx: Transaction<DB>,
  county: string,
  code: string,
  set: Updateable<PolicyDepartmentTable>,
) {
  await trx
    .updateTable('policy_department')
    .set(set)
    .where('county_code', '=', county)
    .where('code', '=', code)
    .execute();
}

/** Active policies of a county for the public portal: search in name, summary and department name. */
export async function searchActivePolicies(
  db: Db,
  county: string,
  filter: { q?: string; departmentCode?: string; category?: string; code?: string },
): Promise<PolicyRow[]> {
  let q = db
    .selectFrom('policy as p')
    .innerJoin('policy_department as d', (j) =>
      j.onRef('d.county_code', '=', 'p.county_code').onRef('d.code', '=', 'p.department_code'),
    )
    .selectAll('p')
    .select(['d.name as department_name', sql<number>`0`.as('match_count')])
    .where('p.county_code', '=', county)
    .where('p.active', '=', true);
  if (filter.code !== undefined) q = q.where('p.code', '=', filter.code);
  if (filter.departmentCode !== undefined) q = q.where('p.department_code', '=', filter.departmentCode);
  if (filter.category !== undefined) q = q.where(sql<boolean>`${filter.category} = any(p.target_categories)`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('p.name', 'ilike', like), eb('p.summary', 'ilike', like), eb('d.name', 'ilike', like)]),
    );
  }
  return q.orderBy('p.department_code').orderBy('p.code').execute();
}
