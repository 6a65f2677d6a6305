import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/context.ts';
import { jurisdictionFilter } from '../../platform/policies.ts';

// Reads and writes of the roster (assistant_post), the complaints and the trainings (§9.6).

export type Db = Kysely<DB> | Transaction<DB>;
/** Rows the caller may see: the district all, a town its villages, a village its own. */
export type Scope = { county: string; column: 'county_code' | 'town_code' | 'village_code'; value: string };
export const scopeOf = (actor: Actor): Scope => ({ county: actor.countyCode, ...jurisdictionFilter(actor) });

const posts = (db: Db, s: Scope) =>
  db
    .selectFrom('assistant_post as p')
    .leftJoin('admin_unit as v', 'v.code', 'p.village_code')
    .leftJoin('app_user as u', 'u.id', 'p.user_id')
    .selectAll('p')
    .select(['v.name as village_name', 'u.username'])
    .where('p.county_code', '=', s.county)
    .where(`p.${s.column}`, '=', s.value);

export type PostRow = Awaited<ReturnType<typeof listPosts>>[number];

/** Every post in scope, current and past, by village then newest first (the history). */
export const listPosts = (db: Db, s: Scope) =>
  posts(db, s).orderBy('p.village_code').orderBy('p.from_on', 'desc').execute();

export const getPost = (db: Db, s: Scope, id: string) =>
  posts(db, s).where('p.id', '=', id).executeTakeFirst();

/** Complaints against the assistants in scope, newest first (optionally one post, a date range). */
export const listComplaints = (db: Db, s: Scope, q: { postId?: string; from?: string; to?: string }) => {
  let query = db
    .selectFrom('assistant_complaint as c')
    .innerJoin('assistant_post as p', (j) =>
      j.onRef('p.county_code', '=', 'c.county_code').onRef('p.id', '=', 'c.post_id'),
    )
    .leftJoin('admin_unit as v', 'v.code', 'p.village_code')
    .selectAll('c')
    .select(['p.town_code', 'p.village_code', 'p.holder_name', 'v.name as village_name'])
    .where('c.county_code', '=', s.county)
    .where(`p.${s.column}`, '=', s.value);
  if (q.postId) query = query.where('c.post_id', '=', q.postId);
  if (q.from) query = query.where('c.received_on', '>=', q.from);
  if (q.to) query = query.where('c.received_on', '<=', q.to);
  return query.orderBy('c.received_on', 'desc').orderBy('c.recorded_at', 'desc').execute();
};

/** The posts in office on a day (from ≤ day ≤ to). */
export const postsOn = (db: Db, s: Scope, day: string) =>
  posts(db, s)
    .where('p.from_on', '<=', day)
    .where((eb) => eb.or([eb('p.to_on', 'is', null), eb('p.to_on', '>=', day)]))
    .orderBy('p.village_code')
    .execute();

/** The open post of a village, locked so a concurrent appointment waits for this one. */
export const lockOpenPost = (trx: Transaction<DB>, county: string, village: string) =>
  trx
    .selectFrom('assistant_post')
    .selectAll()
    .where('county_code', '=', county)
    .where('village_code', '=', village)
    .where('to_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();

/** The last day any earlier holder of the village held the post (history cannot overlap). */
export const lastEnd = async (trx: Db, county: string, village: string) =>
  (
    await trx
      .selectFrom('assistant_post')
      .select((eb) => eb.fn.max('to_on').as('last'))
      .where('county_code', '=', county)
      .where('village_code', '=', village)
      .executeTakeFirst()
  )?.last ?? null;

/** The caller's own post (a village assistant's account), the open one first. */
export const postOfUser = (db: Db, county: string, userId: string) =>
  posts(db, { county, column: 'county_code', value: county })
    .where('p.user_id', '=', userId)
    .orderBy(sql`p.to_on is null`, 'desc')
    .orderBy('p.from_on', 'desc')
    .executeTakeFirst();

export const villageOf = (db: Db, code: string) =>
  db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'level', 'county_code'])
    .where('code', '=', code)
    .executeTakeFirst();

export const userById = (db: Db, id: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'jurisdiction_code', 'county_code', 'display_name', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The village's own assistant account (accounts are one per village), if there is exactly one active. */
export async function villageAccount(db: Db, village: string) {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'village_assistant')
    .where('jurisdiction_code', '=', village)
    .where('disabled', '=', false)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/** Training sessions an actor's scope sees: the district's for all, a town's for that town. */
export const listSessions = (db: Db, s: Scope, from: string, to: string) =>
  db
    .selectFrom('training_session')
    .selectAll()
    .where('county_code', '=', s.county)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .$if(s.column !== 'county_code', (q) =>
      q.where((eb) => eb.or([eb('level', '=', 'DISTRICT'), eb('town_code', '=', s.value.slice(0, 9))])),
    )
    .orderBy('held_on', 'desc')
    .execute();

export const getSession = (db: Db, county: string, id: string) =>
  db
    .selectFrom('training_session')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const materialsOf = (db: Db, county: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('training_material')
        .select(['id', 'session_id', 'title', 'url', 'filename'])
        .where('county_code', '=', county)
        .where('session_id', 'in', ids)
        .orderBy('uploaded_at')
        .execute();

export const attendanceOf = (db: Db, county: string, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('training_attendance')
        .selectAll()
        .where('county_code', '=', county)
        .where('session_id', 'in', ids)
        .execute();

export const getMaterial = (db: Db, county: string, id: string) =>
  db
    .selectFrom('training_material')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();
