import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { referralSelect as departmentReferralSelect } from '../policies/referrals.repository.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';
import { referralSelect } from './charity.repository.ts';

// The reads behind a household's assistance chain (一户一条救助链, §7.3): its cases, what approved
// payroll paid them per month, the urgent first aid drawn from the town's reserve fund, and the
// charity referrals and disbursements. Names are the stored masks (§2.2), never decrypted.

type Db = Kysely<DB>;

export const householdInScope = (db: Db, county: string, f: JurisdictionFilter, id: string) =>
  db
    .selectFrom('household')
    .select(['id', 'household_no', 'head_person_id'])
    .where('county_code', '=', county)
    .where(f.column, '=', f.value)
    .where('id', '=', id)
    .executeTakeFirst();

/** Everyone who ever belonged to the household: a person's own case (单人保, 特困) is the household's link. */
const members = (county: string, householdId: string) => sql`(select m.person_id from household_member m
  where m.county_code = ${county} and m.household_id = ${householdId}::uuid)`;

export type ChainCaseRow = {
  id: string;
  case_no: string;
  scheme: string;
  stage: string;
  state: string;
  applied_on: string;
  decided_on: string | null;
  amount_fen: number | null;
  name_mask: string | null;
};

export async function casesOf(db: Db, county: string, householdId: string) {
  const r = await sql<ChainCaseRow>`
    select c.id, c.case_no, c.scheme, c.stage, c.state, c.applied_on, c.decided_on,
      (select e.amount_fen from entitlement e where e.county_code = c.county_code and e.case_id = c.id
        and e.is_current) as amount_fen,
      p.name_mask
    from assistance_case c
    left join household h on h.county_code = c.county_code and h.id = c.household_id
    left join person p on p.county_code = c.county_code and p.id = coalesce(c.subject_person_id, h.head_person_id)
    where c.county_code = ${county}
      and (c.household_id = ${householdId}::uuid or c.subject_person_id in ${members(county, householdId)})
    order by c.applied_on, c.case_no`.execute(db);
  return r.rows;
}

/** Net paid per case and month by APPROVED payroll runs; a failed bank payment gave nothing. */
export async function paymentsOf(db: Db, county: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const r = await sql<{ case_id: string; scheme: string; month: string; net_fen: number; lines: number }>`
    select l.case_id, l.scheme, to_char(l.month, 'YYYY-MM-DD') as month, sum(l.net_fen)::int8 as net_fen,
      count(*)::int4 as lines
    from payroll_line l
    join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id and pr.status = 'APPROVED'
    where l.county_code = ${county} and l.case_id = any(${caseIds}::uuid[]) and l.bank_status <> 'FAILED'
    group by l.case_id, l.scheme, l.month
    order by l.month, l.case_id`.execute(db);
  return r.rows;
}

/** 先行救助: urgent temporary assistance paid in cash from the town's reserve fund (§6.5). */
export const firstAidOf = (db: Db, county: string, caseIds: readonly string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('reserve_fund_entry')
        .select(['id', 'case_id', 'on_date', 'amount_fen'])
        .where('county_code', '=', county)
        .where('kind', '=', 'DRAW')
        .where('case_id', 'in', caseIds)
        .orderBy('on_date')
        .execute();

/** The household's referrals, with the same joins as the referral list (one query shape). */
export const referralsOf = (db: Db, county: string, householdId: string) =>
  referralSelect(db, county).where('r.household_id', '=', householdId).execute();

/** The household's department referrals (转办, §9.3), with the same joins as the referral worklist. */
export const departmentReferralsOf = (db: Db, county: string, householdId: string) =>
  departmentReferralSelect(db, county)
    .where('r.household_id', '=', householdId)
    .orderBy('r.referred_on')
    .execute();

export const disbursementsOf = (db: Db, county: string, householdId: string) =>
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
    .select([
      'd.id',
      'd.disbursed_on',
      'd.kind',
      'd.value_fen',
      'd.item_description',
      'd.person_id',
      'o.name as org_name',
      'p.name as project_name',
      'pe.name_mask',
    ])
    .where('d.county_code', '=', county)
    .where('d.household_id', '=', householdId)
    .orderBy('d.disbursed_on')
    .execute();

export const currentMemberIds = async (db: Db, county: string, householdId: string) =>
  (
    await db
      .selectFrom('household_member')
      .select('person_id')
      .where('county_code', '=', county)
      .where('household_id', '=', householdId)
      .where('left_on', 'is', null)
      .execute()
  ).map((m) => m.person_id);
