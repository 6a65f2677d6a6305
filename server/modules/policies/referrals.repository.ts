import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReferralState } from '../../../contracts/policies.ts';
import type { DB } from '../../db/schema.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// Department referrals (转办, §9.3): the worklist query (one shape for the list, one referral and the
// household's assistance chain), the row lock of an answer, and the counts per department.
// Names are the stored masks (§2.2), never decrypted.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

/** A liaison's department, or a division of the bureau. */
export type ReferralScope = { departmentCode: string } | JurisdictionFilter;

export const referralSelect = (db: Db | Trx, county: string) =>
  db
    .selectFrom('department_referral as r')
    .innerJoin('policy as p', (j) =>
      j.onRef('p.county_code', '=', 'r.county_code').onRef('p.id', '=', 'r.policy_id'),
    )
    .innerJoin('policy_department as d', (j) =>
      j.onRef('d.county_code', '=', 'r.county_code').onRef('d.code', '=', 'r.department_code'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'r.county_code').onRef('h.id', '=', 'r.household_id'),
    )
    .leftJoin('person as pe', (j) =>
      j
        .onRef('pe.county_code', '=', 'r.county_code')
        .on(sql<boolean>`pe.id = coalesce(r.person_id, h.head_person_id)`),
    )
    .leftJoin('admin_unit as t', (j) => j.on(sql<boolean>`t.code = r.town_code || '000'`))
    .leftJoin('admin_unit as v', 'v.code', 'r.village_code')
    .select([
      'r.id',
      'r.match_id',
      'r.policy_id',
      'p.code as policy_code',
      'p.name as policy_name',
      'r.department_code',
      'd.name as department_name',
      'd.name_en as department_name_en',
      'r.household_id',
      'h.household_no',
      'pe.name_mask',
      'r.town_code',
      't.name as town_name',
      'r.village_code',
      'v.name as village_name',
      'r.reason',
      'r.referred_on',
      'r.due_on',
      'r.state',
      'r.answered_on',
      'r.answer_reason',
      'r.amount_fen',
      'r.answered_by_name',
    ])
    .where('r.county_code', '=', county);

export type ReferralViewRow = Awaited<
  ReturnType<ReturnType<typeof referralSelect>['executeTakeFirstOrThrow']>
>;

export type ReferralFilter = {
  departmentCode?: string | undefined;
  state?: ReferralState | undefined;
  /** Overdue on this date: PENDING and due before it. */
  overdueOn?: string | undefined;
  villageCode?: string | undefined;
  householdId?: string | undefined;
};

export async function listReferrals(
  db: Db,
  county: string,
  scope: ReferralScope,
  f: ReferralFilter,
  page: { offset: number; limit: number },
) {
  const q = referralSelect(db, county)
    .$if('departmentCode' in scope, (b) =>
      b.where('r.department_code', '=', (scope as { departmentCode: string }).departmentCode),
    )
    .$if('column' in scope, (b) => {
      const s = scope as JurisdictionFilter;
      return b.where(`r.${s.column}`, '=', s.value);
    })
    .$if(f.departmentCode !== undefined, (b) => b.where('r.department_code', '=', f.departmentCode!))
    .$if(f.state !== undefined, (b) => b.where('r.state', '=', f.state!))
    .$if(f.overdueOn !== undefined, (b) =>
      b.where('r.state', '=', 'PENDING').where('r.due_on', '<', f.overdueOn!),
    )
    .$if(f.villageCode !== undefined, (b) => b.where('r.village_code', '=', f.villageCode!))
    .$if(f.householdId !== undefined, (b) => b.where('r.household_id', '=', f.householdId!));
  const [count, rows] = await Promise.all([
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
    q
      .orderBy('r.due_on')
      .orderBy('r.referred_on')
      .orderBy('r.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}

export const getReferral = (db: Db | Trx, county: string, id: string) =>
  referralSelect(db, county).where('r.id', '=', id).executeTakeFirst();

export const lockReferral = (trx: Trx, county: string, id: string) =>
  trx
    .selectFrom('department_referral')
    .select(['id', 'match_id', 'department_code', 'state', 'household_id', 'town_code', 'village_code'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export async function answer(
  trx: Trx,
  county: string,
  id: string,
  a: {
    state: 'GRANTED' | 'REFUSED';
    answeredOn: string;
    reason: string | null;
    amountFen: number | null;
    by: string | null;
    byName: string;
    at: Date;
    matchId: string | null;
  },
) {
  await trx
    .updateTable('department_referral')
    .set({
      state: a.state,
      answered_on: a.answeredOn,
      answer_reason: a.reason,
      amount_fen: a.amountFen,
      answered_by: a.by,
      answered_by_name: a.byName,
      updated_at: a.at,
    })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();
  // The answer closes the match (only the one this referral is the current referral of).
  if (a.matchId)
    await trx
      .updateTable('policy_match')
      .set({ state: a.state, updated_at: a.at })
      .where('county_code', '=', county)
      .where('id', '=', a.matchId)
      .where('referral_id', '=', id)
      .execute();
}

/** Pending and overdue referrals per department (the department list shows them). */
export async function countsByDepartment(db: Db, county: string, today: string) {
  const r = await sql<{ department_code: string; pending: number; overdue: number }>`
    select department_code, count(*)::int as pending, (count(*) filter (where due_on < ${today}::date))::int as overdue
    from department_referral where county_code = ${county} and state = 'PENDING'
    group by department_code`.execute(db);
  return new Map(r.rows.map((x) => [x.department_code, { pending: x.pending, overdue: x.overdue }]));
}

export const departmentOfUser = (db: Db, county: string, userId: string) =>
  db
    .selectFrom('department_user')
    .select('department_code')
    .where('county_code', '=', county)
    .where('user_id', '=', userId)
    .executeTakeFirst();
