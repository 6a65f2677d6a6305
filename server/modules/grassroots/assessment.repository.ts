import type { Transaction } from 'kysely';
import type { Weights } from '../../../contracts/grassroots.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_WEIGHTS } from './assessment.models.ts';
import type { Db, Scope } from './grassroots.repository.ts';

// Reads of the monthly assessments and the weights in force (§9.6).

/** The weights in force for a month: the newest row effective on or before its first day, else the defaults. */
export async function weightsFor(
  db: Db,
  county: string,
  first: string,
): Promise<{ effectiveFrom: string | null; weights: Weights }> {
  const r = await db
    .selectFrom('assessment_weights')
    .selectAll()
    .where('county_code', '=', county)
    .where('effective_from', '<=', first)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return { effectiveFrom: null, weights: DEFAULT_WEIGHTS };
  return {
    effectiveFrom: r.effective_from,
    weights: {
      de: r.w_de,
      neng: r.w_neng,
      qin: r.w_qin,
      ji: r.w_ji,
      lian: r.w_lian,
      visits: r.w_visits,
      alerts: r.w_alerts,
      quality: r.w_quality,
      complaints: r.w_complaints,
    },
  };
}

export const listWeights = (db: Db, county: string) =>
  db
    .selectFrom('assessment_weights')
    .selectAll()
    .where('county_code', '=', county)
    .orderBy('effective_from', 'desc')
    .execute();

const assessments = (db: Db, county: string) =>
  db
    .selectFrom('monthly_assessment as m')
    .innerJoin('assistant_post as p', (j) =>
      j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.post_id'),
    )
    .leftJoin('admin_unit as v', 'v.code', 'm.village_code')
    .selectAll('m')
    .select(['p.holder_name', 'p.user_id', 'v.name as village_name'])
    .where('m.county_code', '=', county);

export type AssessmentRow = Awaited<ReturnType<typeof listMonth>>[number];

/** A month's assessments in scope, best first (unscored last), then by village. */
export const listMonth = (db: Db, s: Scope, first: string) =>
  assessments(db, s.county)
    .where(`m.${s.column}`, '=', s.value)
    .where('m.month', '=', first)
    .orderBy('m.rank_district', (o) => o.asc().nullsLast())
    .orderBy('m.village_code')
    .execute();

/** The assessments of a range of months in scope, for trends. */
export const listRange = (db: Db, s: Scope, from: string, to: string) =>
  assessments(db, s.county)
    .where(`m.${s.column}`, '=', s.value)
    .where('m.month', '>=', from)
    .where('m.month', '<=', to)
    .orderBy('m.month')
    .execute();

/** A village assistant's own assessments: their account's posts, confirmed months only. */
export const listOwn = (db: Db, county: string, userId: string, from: string, to: string) =>
  assessments(db, county)
    .where('p.user_id', '=', userId)
    .where('m.status', '=', 'CONFIRMED')
    .where('m.month', '>=', from)
    .where('m.month', '<=', to)
    .orderBy('m.month', 'desc')
    .execute();

export const lockAssessment = (trx: Transaction<DB>, county: string, postId: string, first: string) =>
  trx
    .selectFrom('monthly_assessment')
    .selectAll()
    .where('county_code', '=', county)
    .where('post_id', '=', postId)
    .where('month', '=', first)
    .forUpdate()
    .executeTakeFirst();

/** Every assessment of a county's month (ranks are county-wide), for re-ranking. */
export const monthForRanking = (trx: Transaction<DB>, county: string, first: string) =>
  trx
    .selectFrom('monthly_assessment')
    .selectAll()
    .where('county_code', '=', county)
    .where('month', '=', first)
    .execute();
