import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase } from '../test/harness.ts';
import { TEST_MASTER_KEY } from '../test/template.ts';
import { fixedClock } from './clock.ts';
import { createCipher } from './crypto.ts';
import { createOutboxSender, dispatchQueued, type SmsGateway } from './sms.ts';

// The SMS adapter: the default sender only writes the outbox (phone sealed and masked); a gateway
// plugged in later delivers from it after commit, and failures stay queued until they give up.

let h: DatabaseHandle;
const cipher = createCipher(TEST_MASTER_KEY);
const clock = fixedClock('2026-06-15T09:00:00+08:00');
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe('the outbox sender', () => {
  it('queues the message with the phone sealed and masked, inside the caller’s transaction', async () => {
    const sms = createOutboxSender({ cipher, clock });
    await expect(
      h.db.transaction().execute(async (trx) => {
        await sms.send(trx, {
          countyCode: '370971',
          phone: '13912340001',
          template: 'OTP',
          body: '验证码 123456',
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await h.db.selectFrom('sms_outbox').selectAll().execute()).toHaveLength(0);
    const { id } = await sms.send(h.db, {
      countyCode: '370971',
      phone: '13912340001',
      template: 'OTP',
      body: '验证码 123456',
    });
    const row = await h.db
      .selectFrom('sms_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      phone_mask: '139****0001',
      status: 'QUEUED',
      template: 'OTP',
      body: '验证码 123456',
    });
    expect(cipher.decrypt(row.phone_enc)).toBe('13912340001');
    expect(row.phone_bidx.equals(cipher.blindIndex('phone', '13912340001'))).toBe(true);
  });
});

describe('a gateway adapter delivering from the outbox', () => {
  it('marks delivered messages SENT and keeps failed ones queued, giving up after 5 attempts', async () => {
    const sms = createOutboxSender({ cipher, clock });
    await sms.send(h.db, { countyCode: '370972', phone: '13912340002', template: 'X', body: 'ok' });
    await sms.send(h.db, { countyCode: '370972', phone: '13912340003', template: 'X', body: 'fails' });
    const delivered: string[] = [];
    const gateway: SmsGateway = {
      async deliver(phone, body) {
        if (body === 'fails') throw new Error('gateway down');
        delivered.push(phone);
      },
    };
    expect(await dispatchQueued(h.db, { cipher, clock }, gateway, '370972')).toBe(1);
    expect(delivered).toEqual(['13912340002']);
    for (let i = 0; i < 4; i++) await dispatchQueued(h.db, { cipher, clock }, gateway, '370972');
    const rows = await h.db
      .selectFrom('sms_outbox')
      .select(['body', 'status', 'attempts', 'last_error'])
      .where('county_code', '=', '370972')
      .orderBy('body')
      .execute();
    expect(rows).toEqual([
      { body: 'fails', status: 'FAILED', attempts: 5, last_error: 'gateway down' },
      { body: 'ok', status: 'SENT', attempts: 1, last_error: null },
    ]);
  });
});
