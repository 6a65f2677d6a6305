import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

// SQL of the portal's identity step: verification codes, their request limits, and sessions.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

/**
 * Serialises code requests for one phone and one address across every server process (transaction
 * advisory locks; released at commit). Always phone first, then address: no two requests wait on
 * each other in opposite order.
 */
export async function lockOtpKeys(trx: Trx, phoneKey: string, ipKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`portal-otp-phone:${phoneKey}`}, 0))`.execute(
    trx,
  );
  await sql`select pg_advisory_xact_lock(hashtextextended(${`portal-otp-ip:${ipKey}`}, 0))`.execute(trx);
}

/** Code requests since `since` for a phone: how many, the oldest and the newest. */
export async function phoneRequests(trx: Trx, phoneBidx: Buffer, since: Date) {
  const r = await trx
    .selectFrom('portal_otp')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('created_at').as('oldest'),
      eb.fn.max('created_at').as('newest'),
    ])
    .where('phone_bidx', '=', phoneBidx)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(r.n), oldest: r.oldest as Date | null, newest: r.newest as Date | null };
}

export async function ipRequests(trx: Trx, ip: string, since: Date) {
  const r = await trx
    .selectFrom('portal_otp')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('client_ip', '=', ip)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(r.n), oldest: r.oldest as Date | null };
}

export const insertOtp = (
  trx: Trx,
  row: {
    county_code: string;
    id_number_bidx: Buffer;
    phone_bidx: Buffer;
    client_ip: string;
    code_salt: Buffer;
    code_hash: Buffer;
    created_at: Date;
    expires_at: Date;
  },
) =>
  trx
    .insertInto('portal_otp')
    .values({ ...row, used_at: null })
    .execute();

/** Codes and sessions a day past their life are of no use to anyone: removed as new ones are made. */
export async function purgeExpired(trx: Trx, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await trx.deleteFrom('portal_otp').where('created_at', '<', dayAgo).execute();
  // Uploads of an expired session that no application used go with it.
  await trx
    .deleteFrom('portal_upload')
    .where('case_id', 'is', null)
    .where('session_id', 'in', (eb) =>
      eb.selectFrom('portal_session').select('id').where('expires_at', '<', dayAgo),
    )
    .execute();
  await trx.deleteFrom('portal_session').where('expires_at', '<', dayAgo).execute();
}

/** The newest live code of an (ID number, phone) pair, locked for the check. */
export const liveOtpForUpdate = (
  trx: Trx,
  idBidx: Buffer,
  phoneBidx: Buffer,
  now: Date,
  maxAttempts: number,
) =>
  trx
    .selectFrom('portal_otp')
    .selectAll()
    .where('id_number_bidx', '=', idBidx)
    .where('phone_bidx', '=', phoneBidx)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', maxAttempts)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();

export const countAttempt = (trx: Trx, county: string, id: string, attempts: number) =>
  trx
    .updateTable('portal_otp')
    .set({ attempts })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();

export const markOtpUsed = (trx: Trx, county: string, id: string, at: Date) =>
  trx
    .updateTable('portal_otp')
    .set({ used_at: at })
    .where('county_code', '=', county)
    .where('id', '=', id)
    .execute();

export const insertSession = (trx: Trx, row: Insertable<DB['portal_session']>) =>
  trx.insertInto('portal_session').values(row).execute();

export const findSession = (db: Db, id: string, now: Date) =>
  db
    .selectFrom('portal_session')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();

export const countyName = (db: Db, countyCode: string) =>
  db
    .selectFrom('admin_unit')
    .select('name')
    .where('code', '=', `${countyCode}000000`)
    .executeTakeFirst()
    .then((r) => r?.name ?? '');
