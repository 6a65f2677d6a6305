import { type Kysely, sql, type Transaction } from 'kysely';
import type { MatchState } from '../../../contracts/policies.ts';
import type { DB } from '../../db/schema.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// The matcher's SQL: the active policies and departments, the existing matches and referrals of a
// batch's subjects, and the batch's writes — each a single statement over unnest()ed arrays, so a
// batch of any size costs the same few round trips — plus the match list of the console.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

/** The tables a run reads and writes (statistics refreshed before it and before its lapse step). */
export const RUN_TABLES = [
  'person',
  'household',
  'household_member',
  'assistance_case',
  'feed_record',
  'person_category',
  'policy_match',
  'department_referral',
] as const;
export const MATCH_TABLES = ['policy_match', 'department_referral'] as const;

export const activePolicies = (db: Db, county: string) =>
  db
    .selectFrom('policy')
    .select([
      'id',
      'code',
      'department_code',
      'name',
      'subject',
      'eligibility',
      'eligibility_text',
      'referable',
      'version',
      'updated_at',
    ])
    .where('county_code', '=', county)
    .where('active', '=', true)
    .orderBy('code')
    .execute();

export const departments = (db: Db, county: string) =>
  db
    .selectFrom('policy_department')
    .select(['code', 'answer_working_days'])
    .where('county_code', '=', county)
    .execute();

export type MatchRow = {
  id: string;
  policy_id: string;
  subject_key: string;
  state: MatchState;
  first_matched_on: string;
};

/** The matches of these subjects (persons' and households' ids), for all policies. */
export async function matchesOf(db: Db | Trx, county: string, subjectKeys: readonly string[]) {
  if (subjectKeys.length === 0) return [];
  const r = await sql<MatchRow>`
    select id, policy_id, subject_key, state, first_matched_on from policy_match
    where county_code = ${county} and subject_key = any(${subjectKeys}::text[])`.execute(db);
  return r.rows;
}

export type ReferralRow = {
  match_id: string;
  state: 'PENDING' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN';
  updated_at: Date;
};

export async function referralsOfMatches(db: Db | Trx, county: string, matchIds: readonly string[]) {
  if (matchIds.length === 0) return [];
  const r = await sql<ReferralRow>`
    select match_id, state, updated_at from department_referral
    where county_code = ${county} and match_id = any(${matchIds}::uuid[])`.execute(db);
  return r.rows;
}

export type Placed = {
  policyId: string;
  subjectKey: string;
  householdId: string;
  personId: string | null;
  townCode: string;
  villageCode: string;
  evidence: string;
};

/** New matches (ELIGIBLE from today); a concurrent run's row wins (nothing is duplicated). */
export async function insertMatches(
  trx: Trx,
  county: string,
  on: string,
  now: Date,
  rows: readonly Placed[],
) {
  if (rows.length === 0) return [];
  const col = <K extends keyof Placed>(k: K) => rows.map((r) => r[k]);
  const r = await sql<{ id: string; policy_id: string; subject_key: string }>`
    insert into policy_match (county_code, policy_id, subject_key, household_id, person_id, town_code, village_code,
      state, first_matched_on, last_matched_on, evidence, referral_id, updated_at)
    select ${county}, x.policy_id, x.subject_key, x.household_id, x.person_id, x.town_code, x.village_code,
      'ELIGIBLE', ${on}::date, ${on}::date, x.evidence::jsonb, null, ${now}
    from unnest(${col('policyId')}::uuid[], ${col('subjectKey')}::text[], ${col('householdId')}::uuid[],
      ${col('personId')}::uuid[], ${col('townCode')}::text[], ${col('villageCode')}::text[], ${col('evidence')}::text[])
      as x(policy_id, subject_key, household_id, person_id, town_code, village_code, evidence)
    on conflict (county_code, policy_id, subject_key) do nothing
    returning id, policy_id, subject_key`.execute(trx);
  return r.rows;
}

export type Kept = Omit<Placed, 'policyId' | 'subjectKey'> & { id: string };

/**
 * Matches that still hold: today's figures and place; a lapsed one reopens as ELIGIBLE from today. The
 * state is changed in SQL, never written back from what was read: a department may answer meanwhile.
 */
export async function keepMatches(trx: Trx, county: string, on: string, now: Date, rows: readonly Kept[]) {
  if (rows.length === 0) return;
  const col = <K extends keyof Kept>(k: K) => rows.map((r) => r[k]);
  await sql`
    update policy_match m set last_matched_on = ${on}::date, evidence = x.evidence::jsonb,
      state = case when m.state = 'LAPSED' then 'ELIGIBLE' else m.state end,
      first_matched_on = case when m.state = 'LAPSED' then ${on}::date else m.first_matched_on end,
      household_id = x.household_id, person_id = x.person_id, town_code = x.town_code,
      village_code = x.village_code, updated_at = ${now}
    from unnest(${col('id')}::uuid[], ${col('householdId')}::uuid[], ${col('personId')}::uuid[],
      ${col('townCode')}::text[], ${col('villageCode')}::text[], ${col('evidence')}::text[])
      as x(id, household_id, person_id, town_code, village_code, evidence)
    where m.county_code = ${county} and m.id = x.id`.execute(trx);
}

export async function lapseMatches(trx: Trx, county: string, now: Date, ids: readonly string[]) {
  if (ids.length === 0) return 0;
  const r = await sql`
    update policy_match set state = 'LAPSED', updated_at = ${now}
    where county_code = ${county} and id = any(${ids}::uuid[]) and state = 'ELIGIBLE'`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

export type NewReferral = {
  matchId: string;
  policyId: string;
  departmentCode: string;
  householdId: string;
  personId: string | null;
  townCode: string;
  villageCode: string;
  reason: string;
  dueOn: string;
};

/** Referrals (PENDING) and their matches PUSHED, in one statement. */
export async function insertReferrals(
  trx: Trx,
  county: string,
  on: string,
  now: Date,
  rows: readonly NewReferral[],
) {
  if (rows.length === 0) return 0;
  const col = <K extends keyof NewReferral>(k: K) => rows.map((r) => r[k]);
  const r = await sql<{ n: number }>`
    with ins as (
      insert into department_referral (county_code, match_id, policy_id, department_code, household_id, person_id,
        town_code, village_code, reason, referred_on, due_on, state, created_at, updated_at)
      select ${county}, x.match_id, x.policy_id, x.department_code, x.household_id, x.person_id, x.town_code,
        x.village_code, x.reason, ${on}::date, x.due_on, 'PENDING', ${now}, ${now}
      from unnest(${col('matchId')}::uuid[], ${col('policyId')}::uuid[], ${col('departmentCode')}::text[],
        ${col('householdId')}::uuid[], ${col('personId')}::uuid[], ${col('townCode')}::text[],
        ${col('villageCode')}::text[], ${col('reason')}::text[], ${col('dueOn')}::date[])
        as x(match_id, policy_id, department_code, household_id, person_id, town_code, village_code, reason, due_on)
      on conflict do nothing
      returning id, match_id
    ), up as (
      update policy_match m set state = 'PUSHED', referral_id = ins.id, updated_at = ${now}
      from ins where m.county_code = ${county} and m.id = ins.match_id
    )
    select count(*)::int as n from ins`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

/**
 * ELIGIBLE matches whose subject the run no longer sees lapse: the policy was deactivated (or its
 * subject kind changed), the household closed or has nobody left, or the person left or died (also
 * since an earlier run of the same day). Hash joins against the current subjects, not a subquery per
 * match (with fresh statistics: refreshStatistics of MATCH_TABLES first).
 */
export async function lapseVanished(db: Db, county: string, now: Date): Promise<number> {
  const r = await sql`
    with cur as (
      select hm.household_id, hm.person_id
      from household h
      join household_member hm on hm.county_code = h.county_code and hm.household_id = h.id and hm.left_on is null
      join person pe on pe.county_code = hm.county_code and pe.id = hm.person_id and pe.deceased_on is null
      where h.county_code = ${county} and h.status = 'active'
    ), gone as (
      select x.id from policy_match x
      left join policy p on p.county_code = x.county_code and p.id = x.policy_id and p.active
        and (p.subject = 'PERSON') = (x.person_id is not null)
      left join (select distinct household_id from cur) ch on ch.household_id = x.household_id
      left join cur cp on cp.household_id = x.household_id and cp.person_id = x.person_id
      where x.county_code = ${county} and x.state = 'ELIGIBLE'
        and (p.id is null or ch.household_id is null or (x.person_id is not null and cp.person_id is null))
    )
    update policy_match m set state = 'LAPSED', updated_at = ${now}
    from gone where m.county_code = ${county} and m.id = gone.id`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

// ── The console's list ──────────────────────────────────────────────────────────────────────────

export type MatchFilter = {
  policyId?: string | undefined;
  departmentCode?: string | undefined;
  state?: MatchState | undefined;
  townCode?: string | undefined;
  villageCode?: string | undefined;
};

export async function listMatches(
  db: Db,
  county: string,
  scope: JurisdictionFilter,
  f: MatchFilter,
  page: { offset: number; limit: number },
) {
  const base = db
    .selectFrom('policy_match as m')
    .innerJoin('policy as p', (j) =>
      j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.policy_id'),
    )
    .where('m.county_code', '=', county)
    .where(`m.${scope.column}`, '=', scope.value)
    .$if(f.policyId !== undefined, (q) => q.where('m.policy_id', '=', f.policyId!))
    .$if(f.departmentCode !== undefined, (q) => q.where('p.department_code', '=', f.departmentCode!))
    .$if(f.state !== undefined, (q) => q.where('m.state', '=', f.state!))
    .$if(f.townCode !== undefined, (q) => q.where('m.town_code', '=', f.townCode!))
    .$if(f.villageCode !== undefined, (q) => q.where('m.village_code', '=', f.villageCode!));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .innerJoin('household as h', (j) =>
        j.onRef('h.county_code', '=', 'm.county_code').onRef('h.id', '=', 'm.household_id'),
      )
      .leftJoin('person as pe', (j) =>
        j
          .onRef('pe.county_code', '=', 'm.county_code')
          .on(sql<boolean>`pe.id = coalesce(m.person_id, h.head_person_id)`),
      )
      .leftJoin('admin_unit as v', 'v.code', 'm.village_code')
      .select([
        'm.id',
        'm.policy_id',
        'p.code as policy_code',
        'p.name as policy_name',
        'p.department_code',
        'm.household_id',
        'h.household_no',
        'm.person_id',
        'pe.name_mask',
        'm.town_code',
        'm.village_code',
        'v.name as village_name',
        'm.state',
        'm.first_matched_on',
        'm.last_matched_on',
        'm.referral_id',
      ])
      .orderBy('m.last_matched_on', 'desc')
      .orderBy('p.code')
      .orderBy('h.household_no')
      .orderBy('m.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}

// ── The run's job row ───────────────────────────────────────────────────────────────────────────

/** A matching job of the county that is queued or running (one run at a time). */
export const openJob = (db: Db, county: string, name: string) =>
  db
    .selectFrom('job')
    .select('id')
    .where('county_code', '=', county)
    .where('name', '=', name)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .executeTakeFirst();

/**
 * The checkpoint, written in the batch's own transaction: a batch and the counts it adds commit
 * together, so a run resumed after a crash neither repeats nor loses any (the runner's
 * saveCheckpoint would need a second connection, which PGlite does not have).
 */
export const saveCheckpoint = (trx: Trx, jobId: string, checkpoint: Record<string, unknown>) =>
  trx
    .updateTable('job')
    .set({ checkpoint: JSON.stringify(checkpoint) })
    .where('id', '=', jobId)
    .execute();
