import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export const findUserByUsername = (db: Db, username: string) =>
  db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export async function recordFailedLogin(db: Db, userId: string, failures: number, lockUntil: Date | null) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: failures, locked_until: lockUntil })
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(db: Db, userId: string, at: Date) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: at })
    .where('id', '=', userId)
    .execute();
}

export const insertSession = (db: Db, row: import('kysely').Insertable<DB['user_session']>) =>
  db.insertInto('user_session').values(row).execute();

export const findSession = (db: Db, id: string) =>
  db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.county_code',
      'u.jurisdiction_code',
      'u.must_change_password',
      'u.disabled',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();

export const touchSession = (db: Db, id: string, at: Date) =>
  db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();

export const deleteSession = (db: Db, id: string) =>
  db.deleteFrom('user_session').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Db, userId: string) =>
  db.deleteFrom('user_session').where('user_id', '=', userId).execute();
