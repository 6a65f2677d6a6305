import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { basisFen, coveredDays, daysInMonth, requiredVisits } from './care.models.ts';

// SQL of the town's monthly verification (§5.4; §9.1 SatisfactionSurvey): the month's figures per
// covered person, the sampled visits and the satisfaction calls.

type Db = Kysely<DB> | Transaction<DB>;

export type BasisLine = {
  coverageId: string;
  caseId: string;
  personId: string;
  nameMask: string;
  coveredDays: number;
  requiredVisits: number;
  recordedVisits: number;
  countedVisits: number;
  feeFen: number;
  basisFen: number;
};

/**
 * Per covered person of the contract in `month`: visits recorded in the coverage, and those counted —
 * at least the plan's minutes and not rejected by the town's sample check. The money is then
 * care.models basisFen (pro rata, rounded down to the fen).
 */
export async function computeBasis(
  db: Db,
  county: string,
  contractId: string,
  month: string,
  verificationId: string | null,
) {
  const r = await sql<{
    coverage_id: string;
    case_id: string;
    person_id: string;
    name_mask: string;
    from_on: string;
    to_on: string;
    visits_per_month: number;
    fee_fen: number;
    recorded: number;
    counted: number;
  }>`
    select x.id as coverage_id, x.case_id, x.person_id, p.name_mask, to_char(x.from_on, 'YYYY-MM-DD') as from_on,
      to_char(x.to_on, 'YYYY-MM-DD') as to_on, pl.visits_per_month, k.fee_fen,
      count(v.id)::int4 as recorded,
      (count(v.id) filter (where v.minutes >= pl.min_minutes and coalesce(ch.result, '') <> 'REJECTED'))::int4 as counted
    from care_contract_person x
    join care_contract k on k.county_code = x.county_code and k.id = x.contract_id
    join care_plan pl on pl.county_code = x.county_code and pl.coverage_id = x.id
    join person p on p.county_code = x.county_code and p.id = x.person_id
    left join care_visit v on v.county_code = x.county_code and v.coverage_id = x.id
      and v.visit_on >= ${month}::date and v.visit_on < ${month}::date + interval '1 month'
      and v.visit_on between x.from_on and x.to_on
    left join care_verification_check ch on ch.county_code = v.county_code and ch.visit_id = v.id
      and ch.verification_id = ${verificationId}::uuid
    where x.county_code = ${county} and x.contract_id = ${contractId}::uuid
      and x.from_on < ${month}::date + interval '1 month' and x.to_on >= ${month}::date
    group by x.county_code, x.id, p.name_mask, pl.visits_per_month, pl.min_minutes, k.fee_fen
    order by p.name_mask, x.id`.execute(db);
  const days = daysInMonth(month);
  return r.rows.map((x): BasisLine => {
    const covered = coveredDays(month, { fromOn: x.from_on, toOn: x.to_on });
    const required = requiredVisits(x.visits_per_month, covered, days);
    return {
      coverageId: x.coverage_id,
      caseId: x.case_id,
      personId: x.person_id,
      nameMask: x.name_mask,
      coveredDays: covered,
      requiredVisits: required,
      recordedVisits: x.recorded,
      countedVisits: x.counted,
      feeFen: x.fee_fen,
      basisFen: basisFen(x.fee_fen, covered, days, x.counted, required),
    };
  });
}

export const monthVisitIds = async (db: Db, county: string, contractId: string, month: string) =>
  (
    await sql<{ id: string }>`
      select v.id from care_visit v where v.county_code = ${county} and v.contract_id = ${contractId}::uuid
        and v.visit_on >= ${month}::date and v.visit_on < ${month}::date + interval '1 month'
      order by v.started_at, v.id`.execute(db)
  ).rows.map((r) => r.id);

export async function samples(db: Db, county: string, verificationId: string) {
  const r = await sql<{
    visit_id: string;
    name_mask: string;
    visit_on: string;
    minutes: number;
    result: 'PENDING' | 'CONFIRMED' | 'REJECTED';
    note: string | null;
  }>`
    select ch.visit_id, p.name_mask, to_char(v.visit_on, 'YYYY-MM-DD') as visit_on, v.minutes, ch.result, ch.note
    from care_verification_check ch
    join care_visit v on v.county_code = ch.county_code and v.id = ch.visit_id
    join person p on p.county_code = v.county_code and p.id = v.person_id
    where ch.county_code = ${county} and ch.verification_id = ${verificationId}::uuid
    order by v.visit_on, ch.visit_id`.execute(db);
  return r.rows;
}

export const calls = (db: Db, county: string, verificationId: string) =>
  db
    .selectFrom('care_satisfaction_call')
    .select(['coverage_id', 'result'])
    .where('county_code', '=', county)
    .where('verification_id', '=', verificationId)
    .execute();

export const frozenLines = (db: Db, county: string, verificationId: string) =>
  db
    .selectFrom('care_verification_line as l')
    .innerJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'l.county_code').onRef('p.id', '=', 'l.person_id'),
    )
    .selectAll('l')
    .select('p.name_mask')
    .where('l.county_code', '=', county)
    .where('l.verification_id', '=', verificationId)
    .orderBy('p.name_mask')
    .execute();
