import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  type otpRequest,
  PORTAL_TOKEN_HEADER,
  type PortalSession,
  type sessionRequest,
} from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import type { PortalSessionTable } from '../../db/schema-portal.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { rateLimitError } from '../../platform/rate-limit.ts';
import type { SmsSender } from '../../platform/sms.ts';
import { checkIdNumber } from '../../rules/id-number.ts';
import { maskPhone } from '../../rules/masking.ts';
import * as repo from './identity.repository.ts';
import { portalErrors } from './portal.errors.ts';
import {
  newOtpCode,
  OTP_MAX_ATTEMPTS,
  OTP_PER_IP_PER_HOUR,
  OTP_PER_PHONE_PER_HOUR,
  OTP_RESEND_SECONDS,
  OTP_TTL_MS,
  otpBody,
  otpHash,
  PORTAL_SESSION_MS,
  tokenHash,
} from './portal.models.ts';
import { publicCounty } from './public-county.ts';

// Identity for 码上办 (§9.5): the ID number and a code sent to the phone. The code request never
// looks at the registry — anyone may apply, registered or not — so its answer and its work are the
// same for every ID number (no oracle). A session is the verified (ID number, phone) pair: it sees
// only what was submitted under that same pair.

export type IdentityDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; sms: SmsSender };
export type Client = { ip: string; requestId: string };

const HOUR = 60 * 60 * 1000;

/** The normalised 18-character number, or a 400 on the field (the check digit says nothing of the registry). */
export function normalisedIdNumber(raw: string): string {
  const id = checkIdNumber(raw);
  if (!id.ok || id.value.length !== 18) {
    if (id.ok)
      throw portalErrors.invalidIdNumber('请填写 18 位居民身份证号码', 'give the 18-character ID number');
    throw portalErrors.invalidIdNumber(id.message, id.messageEn, id.expected);
  }
  return id.value;
}

export async function requestOtp(
  deps: IdentityDeps,
  input: z.output<typeof otpRequest>,
  client: Client,
): Promise<{ sent: true; resendAfterSeconds: number }> {
  const idNumber = normalisedIdNumber(input.idNumber);
  const county = await publicCounty(deps.db, input.villageCode);
  const name = await repo.countyName(deps.db, county);
  const now = deps.clock.now();
  const idBidx = deps.cipher.blindIndex('id_number', idNumber);
  const phoneBidx = deps.cipher.blindIndex('phone', input.phone);
  const code = newOtpCode();
  const salt = crypto.randomBytes(16);
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockOtpKeys(trx, phoneBidx.toString('hex'), client.ip);
    const phone = await repo.phoneRequests(trx, phoneBidx, new Date(now.getTime() - HOUR));
    const sinceLast = phone.newest
      ? (now.getTime() - phone.newest.getTime()) / 1000
      : Number.POSITIVE_INFINITY;
    if (sinceLast < OTP_RESEND_SECONDS)
      throw rateLimitError(OTP_RESEND_SECONDS - sinceLast, '获取验证码', 'code requests');
    if (phone.n >= OTP_PER_PHONE_PER_HOUR && phone.oldest)
      throw rateLimitError(
        (phone.oldest.getTime() + HOUR - now.getTime()) / 1000,
        '获取验证码',
        'code requests',
      );
    const ip = await repo.ipRequests(trx, client.ip, new Date(now.getTime() - HOUR));
    if (ip.n >= OTP_PER_IP_PER_HOUR && ip.oldest)
      throw rateLimitError(
        (ip.oldest.getTime() + HOUR - now.getTime()) / 1000,
        '获取验证码',
        'code requests',
      );
    await repo.purgeExpired(trx, now);
    await repo.insertOtp(trx, {
      county_code: county,
      id_number_bidx: idBidx,
      phone_bidx: phoneBidx,
      client_ip: client.ip,
      code_salt: salt,
      code_hash: otpHash(salt, code),
      created_at: now,
      expires_at: new Date(now.getTime() + OTP_TTL_MS),
    });
    await deps.sms.send(trx, {
      countyCode: county,
      phone: input.phone,
      template: 'OTP',
      body: otpBody(name, code),
    });
  });
  return { sent: true, resendAfterSeconds: OTP_RESEND_SECONDS };
}

export async function createSession(
  deps: IdentityDeps,
  input: z.output<typeof sessionRequest>,
  client: Client,
): Promise<PortalSession> {
  const id = checkIdNumber(input.idNumber);
  // An impossible number has no code either: the same answer as a wrong code.
  if (!id.ok || id.value.length !== 18) throw portalErrors.codeInvalid();
  const now = deps.clock.now();
  const idBidx = deps.cipher.blindIndex('id_number', id.value);
  const phoneBidx = deps.cipher.blindIndex('phone', input.phone);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_MS);
  // A wrong code must count even though the request fails: the transaction commits, then we refuse.
  const ok = await deps.db.transaction().execute(async (trx) => {
    const otp = await repo.liveOtpForUpdate(trx, idBidx, phoneBidx, now, OTP_MAX_ATTEMPTS);
    if (!otp) return false;
    const given = otpHash(otp.code_salt, input.code);
    if (!crypto.timingSafeEqual(given, otp.code_hash)) {
      await repo.countAttempt(trx, otp.county_code, otp.id, otp.attempts + 1);
      return false;
    }
    await repo.markOtpUsed(trx, otp.county_code, otp.id, now);
    const row: PortalSessionTable = {
      county_code: otp.county_code,
      id: tokenHash(token),
      id_number_enc: deps.cipher.encrypt(id.value),
      id_number_bidx: idBidx,
      phone_enc: deps.cipher.encrypt(input.phone),
      phone_bidx: phoneBidx,
      phone_mask: maskPhone(input.phone),
      client_ip: client.ip,
      created_at: now,
      expires_at: expiresAt,
    };
    await repo.insertSession(trx, row);
    await appendAudit(trx, now, [
      {
        countyCode: otp.county_code,
        actorRole: 'citizen',
        actorUsername: 'portal',
        action: 'portal.session_opened',
        recordType: 'portal_session',
        recordId: row.id.slice(0, 16),
        clientIp: client.ip,
        requestId: client.requestId,
        detail: { phone: row.phone_mask },
      },
    ]);
    return true;
  });
  if (!ok) throw portalErrors.codeInvalid();
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    expiresInSeconds: PORTAL_SESSION_MS / 1000,
    phoneMask: maskPhone(input.phone),
  };
}

export type PortalIdentity = {
  sessionId: string;
  countyCode: string;
  idNumberBidx: Buffer;
  phoneBidx: Buffer;
  phoneMask: string;
  /** Sealed: opened only when an application registers a new household. */
  idNumberEnc: Buffer;
  phoneEnc: Buffer;
};

/** The citizen's session from the x-portal-token header, or 401. */
export async function requirePortalSession(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  headers: Record<string, string | string[] | undefined>,
): Promise<PortalIdentity> {
  const raw = headers[PORTAL_TOKEN_HEADER];
  const token = Array.isArray(raw) ? raw[0] : raw;
  if (!token || token.length < 20 || token.length > 100) throw portalErrors.sessionRequired();
  const s = await repo.findSession(deps.db, tokenHash(token), deps.clock.now());
  if (!s) throw portalErrors.sessionRequired();
  return {
    sessionId: s.id,
    countyCode: s.county_code,
    idNumberBidx: s.id_number_bidx,
    phoneBidx: s.phone_bidx,
    phoneMask: s.phone_mask,
    idNumberEnc: s.id_number_enc,
    phoneEnc: s.phone_enc,
  };
}
