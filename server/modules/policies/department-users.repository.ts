import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Which department an account of the department_liaison role answers for (one each, §9.3).

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export const usersOf = (db: Db, county: string, departmentCode: string) =>
  db
    .selectFrom('department_user as du')
    .innerJoin('app_user as u', 'u.id', 'du.user_id')
    .select(['u.id as user_id', 'u.username', 'u.display_name', 'du.linked_at'])
    .where('du.county_code', '=', county)
    .where('du.department_code', '=', departmentCode)
    .orderBy('u.username')
    .execute();

export const departmentExists = async (db: Db | Trx, county: string, code: string) =>
  (await db
    .selectFrom('policy_department')
    .select('code')
    .where('county_code', '=', county)
    .where('code', '=', code)
    .executeTakeFirst()) !== undefined;

export const userOf = (db: Db | Trx, county: string, userId: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'username', 'role', 'disabled'])
    .where('county_code', '=', county)
    .where('id', '=', userId)
    .executeTakeFirst();

export const linkOf = (trx: Trx, county: string, userId: string) =>
  trx
    .selectFrom('department_user')
    .select('department_code')
    .where('county_code', '=', county)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();

/** Links the account to the department (moving it from another one: one department per account). */
export const link = (
  trx: Trx,
  county: string,
  userId: string,
  departmentCode: string,
  by: string | null,
  at: Date,
) =>
  trx
    .insertInto('department_user')
    .values({
      county_code: county,
      user_id: userId,
      department_code: departmentCode,
      linked_by: by,
      linked_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['county_code', 'user_id'])
        .doUpdateSet({ department_code: departmentCode, linked_by: by, linked_at: at }),
    )
    .execute();

export const unlink = async (trx: Trx, county: string, userId: string, departmentCode: string) =>
  Number(
    (
      await trx
        .deleteFrom('department_user')
        .where('county_code', '=', county)
        .where('user_id', '=', userId)
        .where('department_code', '=', departmentCode)
        .executeTakeFirst()
    ).numDeletedRows,
  );
