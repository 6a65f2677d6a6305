import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CharityProjectTable, CharityReferralTable } from '../../db/schema-charity.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// All SQL of charity: organisations and their accounts, projects (the budget's running total under
// the project row lock), referrals and disbursements. Names are the stored masks, never decrypted.

type Db = Kysely<DB> | Transaction<DB>;
type Trx = Transaction<DB>;
export type ProjectRow = Selectable<CharityProjectTable> & { org_name: string };
export type ReferralRow = Selectable<CharityReferralTable>;

/** Where a referral or disbursement list is limited to: an organisation, or a division. */
export type Scope = { orgId: string } | JurisdictionFilter;
const scoped = (alias: 'r' | 'd', s: Scope) =>
  'orgId' in s
    ? sql<boolean>`${sql.ref(`${alias}.org_id`)} = ${s.orgId}::uuid`
    : sql<boolean>`${sql.ref(`${alias}.${s.column}`)} = ${s.value}`;

// ── organisations ──────────────────────────────────────────────────────────────────────────────

export const listOrgs = (db: Db, county: string, orgId?: string) =>
  db
    .selectFrom('charity_org')
    .selectAll()
    .where('county_code', '=', county)
    .$if(orgId !== undefined, (q) => q.where('id', '=', orgId as string))
    .orderBy('name')
    .execute();

export const orgUsers = (db: Db, county: string) =>
  db
    .selectFrom('charity_user as cu')
    .innerJoin('app_user as u', 'u.id', 'cu.user_id')
    .select(['cu.org_id', 'u.id as user_id', 'u.username', 'u.display_name'])
    .where('cu.county_code', '=', county)
    .orderBy('u.username')
    .execute();

export const orgOfUser = (db: Db, county: string, userId: string) =>
  db
    .selectFrom('charity_user as cu')
    .innerJoin('charity_org as o', (j) =>
      j.onRef('o.county_code', '=', 'cu.county_code').onRef('o.id', '=', 'cu.org_id'),
    )
    .select(['o.id', 'o.name', 'o.active'])
    .where('cu.county_code', '=', county)
    .where('cu.user_id', '=', userId)
    .executeTakeFirst();

export const findCreditCode = (db: Db, county: string, creditCode: string) =>
  db
    .selectFrom('charity_org')
    .select('id')
    .where('county_code', '=', county)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();

export const lockOrg = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('charity_org')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findUser = (db: Db, county: string, username: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'username'])
    .where('county_code', '=', county)
    .where('username', '=', username)
    .executeTakeFirst();

// ── projects ───────────────────────────────────────────────────────────────────────────────────

const projects = (db: Db, county: string) =>
  db
    .selectFrom('charity_project as p')
    .innerJoin('charity_org as o', (j) =>
      j.onRef('o.county_code', '=', 'p.county_code').onRef('o.id', '=', 'p.org_id'),
    )
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.county_code', '=', county);

export const listProjects = (db: Db, county: string, orgId?: string): Promise<ProjectRow[]> =>
  projects(db, county)
    .$if(orgId !== undefined, (q) => q.where('p.org_id', '=', orgId as string))
    .orderBy('p.period_from', 'desc')
    .orderBy('p.name')
    .execute();

export const getProject = (db: Db, county: string, id: string): Promise<ProjectRow | undefined> =>
  projects(db, county).where('p.id', '=', id).executeTakeFirst();

/** The budget check and the running total happen under this lock (two payments cannot both fit). */
export const lockProject = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('charity_project')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

// ── referrals ──────────────────────────────────────────────────────────────────────────────────

export type ReferralViewRow = ReferralRow & {
  org_name: string;
  project_name: string | null;
  household_no: string;
  name_mask: string | null;
  case_no: string | null;
  disbursed_fen: number;
};

/** A referral with its organisation, project, household, case and person (masked name) and what it gave. */
export const referralSelect = (db: Db, county: string) =>
  db
    .selectFrom('charity_referral as r')
    .innerJoin('charity_org as o', (j) =>
      j.onRef('o.county_code', '=', 'r.county_code').onRef('o.id', '=', 'r.org_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'r.county_code').onRef('h.id', '=', 'r.household_id'),
    )
    .leftJoin('charity_project as p', (j) =>
      j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.project_id'),
    )
    .leftJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'r.county_code').onRef('c.id', '=', 'r.case_id'),
    )
    .leftJoin('person as pe', (j) =>
      j
        .onRef('pe.county_code', '=', 'r.county_code')
        .on(sql<boolean>`pe.id = coalesce(r.person_id, h.head_person_id)`),
    )
    .selectAll('r')
    .select([
      'o.name as org_name',
      'p.name as project_name',
      'h.household_no',
      'pe.name_mask',
      'c.case_no',
      sql<number>`(select coalesce(sum(d.value_fen), 0)::int8 from charity_disbursement d
        where d.county_code = r.county_code and d.referral_id = r.id)`.as('disbursed_fen'),
    ])
    .where('r.county_code', '=', county);

export type ReferralFilter = {
  state?: CharityReferralTable['state'] | undefined;
  open?: boolean | undefined;
  overdueOn?: string | undefined;
  householdId?: string | undefined;
  caseId?: string | undefined;
  alertId?: string | undefined;
  offset: number;
  limit: number;
};

export async function listReferrals(db: Db, county: string, scope: Scope, f: ReferralFilter) {
  const base = referralSelect(db, county)
    .where(scoped('r', scope))
    .$if(f.state !== undefined, (q) => q.where('r.state', '=', f.state!))
    .$if(f.open === true, (q) => q.where('r.state', 'in', ['REFERRED', 'ACCEPTED', 'DISBURSED']))
    .$if(f.overdueOn !== undefined, (q) =>
      q.where('r.state', '=', 'REFERRED').where('r.due_on', '<', f.overdueOn!),
    )
    .$if(f.householdId !== undefined, (q) => q.where('r.household_id', '=', f.householdId!))
    .$if(f.caseId !== undefined, (q) => q.where('r.case_id', '=', f.caseId!))
    .$if(f.alertId !== undefined, (q) => q.where('r.alert_id', '=', f.alertId!));
  const [rows, total] = await Promise.all([
    base
      // The worklist: unanswered first, by due date; then the rest, newest first.
      .orderBy(sql`case when r.state = 'REFERRED' then 0 else 1 end`)
      .orderBy(sql`case when r.state = 'REFERRED' then r.due_on end`)
      .orderBy('r.referred_on', 'desc')
      .orderBy('r.id')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ReferralViewRow[], total: Number(total.n) };
}

export const getReferral = (db: Db, county: string, id: string) =>
  referralSelect(db, county).where('r.id', '=', id).executeTakeFirst() as Promise<
    ReferralViewRow | undefined
  >;

export const lockReferral = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('charity_referral')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const findOpenReferral = (db: Db, county: string, orgId: string, householdId: string, need: string) =>
  db
    .selectFrom('charity_referral')
    .select('id')
    .where('county_code', '=', county)
    .where('org_id', '=', orgId)
    .where('household_id', '=', householdId)
    .where('need', '=', need)
    .where('state', 'in', ['REFERRED', 'ACCEPTED'])
    .executeTakeFirst();

// ── disbursements ──────────────────────────────────────────────────────────────────────────────

export type DisbursementFilter = {
  id?: string | undefined;
  projectId?: string | undefined;
  householdId?: string | undefined;
};

export const listDisbursements = (db: Db, county: string, scope: Scope, f: DisbursementFilter) =>
  db
    .selectFrom('charity_disbursement as d')
    .innerJoin('charity_org as o', (j) =>
      j.onRef('o.county_code', '=', 'd.county_code').onRef('o.id', '=', 'd.org_id'),
    )
    .innerJoin('charity_project as p', (j) =>
      j.onRef('p.county_code', '=', 'd.county_code').onRef('p.id', '=', 'd.project_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'd.county_code').onRef('h.id', '=', 'd.household_id'),
    )
    .leftJoin('person as pe', (j) =>
      j
        .onRef('pe.county_code', '=', 'd.county_code')
        .on(sql<boolean>`pe.id = coalesce(d.person_id, h.head_person_id)`),
    )
    .selectAll('d')
    .select(['o.name as org_name', 'p.name as project_name', 'h.household_no', 'pe.name_mask'])
    .where('d.county_code', '=', county)
    .where(scoped('d', scope))
    .$if(f.id !== undefined, (q) => q.where('d.id', '=', f.id!))
    .$if(f.projectId !== undefined, (q) => q.where('d.project_id', '=', f.projectId!))
    .$if(f.householdId !== undefined, (q) => q.where('d.household_id', '=', f.householdId!))
    .orderBy('d.disbursed_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .limit(500)
    .execute();

// ── what a referral points at ──────────────────────────────────────────────────────────────────

export const householdOf = (db: Db, county: string, id: string) =>
  db
    .selectFrom('household')
    .select(['id', 'town_code', 'village_code', 'status'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

/** Is the person a current member of the household? (S1 Art.7: help goes to co-resident members.) */
export const isCurrentMember = async (db: Db, county: string, householdId: string, personId: string) =>
  (await db
    .selectFrom('household_member')
    .select('id')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst()) !== undefined;

export const caseOf = (db: Db, county: string, id: string) =>
  db
    .selectFrom('assistance_case')
    .select(['id', 'household_id', 'subject_person_id', 'village_code'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const alertOf = (db: Db, county: string, id: string) =>
  db
    .selectFrom('alert')
    .select(['id', 'household_id', 'person_id', 'village_code', 'town_code', 'county_code', 'state'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
