import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { maskPhone } from '../rules/masking.ts';
import type { Clock } from './clock.ts';
import type { PersonalDataCipher } from './crypto.ts';

// Text messages (verification codes, receipts, feedback notices) go through one adapter.
//
// The default — and the only sender shipped — writes each message to sms_outbox (phone sealed and
// masked, status QUEUED) in the caller's transaction, so a message exists exactly when the write
// that caused it commits. A bureau without an SMS gateway relays codes by hand: staff with
// 'portal.outbox' read the outbox (GET /api/v1/portal/sms-outbox); e2e tests read codes there too.
//
// Plugging in a real gateway (e.g. the province's 政务短信平台) takes two pieces, neither of which
// changes a caller:
//   1. an `SmsGateway` whose deliver(phone, body) calls the provider and throws on failure;
//   2. a dispatcher job that reads QUEUED rows, decrypts the phone (cipher.decrypt(phone_enc)),
//      calls deliver, and sets status SENT (sent_at) or FAILED (attempts, last_error) — see
//      `dispatchQueued` below, which a job or a timer in main.ts can run every few seconds.
// Delivery happens after commit and is retried from the table, so a slow or failing gateway never
// holds a database transaction open and never loses a message.

export type SmsDb = Kysely<DB>;

export type SmsMessage = {
  countyCode: string;
  /** An 11-digit mainland mobile number. */
  phone: string;
  /** A short template name (OTP, APPLICATION_RECEIVED, FEEDBACK_READY …). */
  template: string;
  /** The text as sent; never an ID number or anyone else's phone. */
  body: string;
};

export interface SmsSender {
  /** Queues a message inside the caller's transaction (or on the database directly). */
  send(db: SmsDb, msg: SmsMessage): Promise<{ id: string }>;
}

export interface SmsGateway {
  deliver(phone: string, body: string, template: string): Promise<void>;
}

export function createOutboxSender(deps: { cipher: PersonalDataCipher; clock: Clock }): SmsSender {
  return {
    async send(db, msg) {
      const row = await db
        .insertInto('sms_outbox')
        .values({
          county_code: msg.countyCode,
          phone_enc: deps.cipher.encrypt(msg.phone),
          phone_bidx: deps.cipher.blindIndex('phone', msg.phone),
          phone_mask: maskPhone(msg.phone),
          template: msg.template,
          body: msg.body,
          status: 'QUEUED',
          last_error: null,
          sent_at: null,
          created_at: deps.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id };
    },
  };
}

/** The sender of a running instance: one configured on the services, else the outbox. */
export function smsSenderOf(s: { cipher: PersonalDataCipher; clock: Clock; sms?: SmsSender }): SmsSender {
  return s.sms ?? createOutboxSender(s);
}

/** Delivers up to `limit` queued messages of a county through a gateway; returns how many were sent. */
export async function dispatchQueued(
  db: SmsDb,
  deps: { cipher: PersonalDataCipher; clock: Clock },
  gateway: SmsGateway,
  countyCode: string,
  limit = 50,
): Promise<number> {
  const rows = await db
    .selectFrom('sms_outbox')
    .select(['id', 'phone_enc', 'body', 'template', 'attempts'])
    .where('county_code', '=', countyCode)
    .where('status', '=', 'QUEUED')
    .orderBy('created_at')
    .limit(limit)
    .execute();
  let sent = 0;
  for (const r of rows) {
    try {
      await gateway.deliver(deps.cipher.decrypt(r.phone_enc), r.body, r.template);
      await db
        .updateTable('sms_outbox')
        .set({ status: 'SENT', sent_at: deps.clock.now(), attempts: r.attempts + 1 })
        .where('county_code', '=', countyCode)
        .where('id', '=', r.id)
        .execute();
      sent += 1;
    } catch (err) {
      const attempts = r.attempts + 1;
      await db
        .updateTable('sms_outbox')
        .set({
          attempts,
          last_error: String((err as Error).message ?? err).slice(0, 200),
          ...(attempts >= 5 ? { status: 'FAILED' as const } : {}),
        })
        .where('county_code', '=', countyCode)
        .where('id', '=', r.id)
        .execute();
    }
  }
  return sent;
}
