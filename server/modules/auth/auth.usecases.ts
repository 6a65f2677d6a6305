import crypto from 'node:crypto';
import type { Role } from '../../../contracts/roles.ts';
import type { Database } from '../../db/database.ts';
import { type AuditLog, appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../platform/passwords.ts';
import { authErrors } from './auth.errors.ts';
import * as repo from './auth.repository.ts';

export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export type AuthDeps = { db: Database; clock: Clock; audit: AuditLog };

const sessionKey = (token: string) => crypto.createHash('sm3').update(token).digest('hex');

/** A per-address sliding window, so that guessing across many user names is slowed too. */
export function createLoginThrottle(limit = 30, windowMs = 5 * 60 * 1000) {
  const hits = new Map<string, number[]>();
  return {
    allow(ip: string, nowMs: number): boolean {
      const recent = (hits.get(ip) ?? []).filter((t) => nowMs - t < windowMs);
      recent.push(nowMs);
      hits.set(ip, recent);
      if (hits.size > 10_000) hits.delete(hits.keys().next().value as string);
      return recent.length <= limit;
    },
  };
}

export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; clientIp: string },
): Promise<{ token: string; csrfToken: string; actor: Actor; expiresAt: Date }> {
  const now = deps.clock.now();
  const user = await repo.findUserByUsername(deps.db, input.username);
  // Verify against a dummy hash for unknown names too, so timing does not reveal which exist.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password);
  if (!user) throw authErrors.badCredentials();
  if (user.locked_until && user.locked_until > now) throw authErrors.locked(user.locked_until);
  if (user.disabled) throw authErrors.disabled();
  const county = user.county_code;
  if (!ok) {
    // A lock that has run out starts the count afresh: one slip after it must not lock again.
    const lockExpired = user.locked_until !== null && user.locked_until <= now;
    const failures = (lockExpired ? 0 : user.failed_logins) + 1;
    const lockUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
    await deps.db.transaction().execute(async (trx) => {
      await repo.recordFailedLogin(trx, user.id, failures, lockUntil);
      await appendAudit(trx, now, [
        {
          countyCode: county,
          actorId: user.id,
          actorUsername: user.username,
          actorRole: user.role,
          action: lockUntil ? 'auth.locked' : 'auth.login_failed',
          recordType: 'user',
          recordId: user.id,
          clientIp: input.clientIp,
          detail: { failures },
        },
      ]);
    });
    if (lockUntil) throw authErrors.locked(lockUntil);
    throw authErrors.badCredentials();
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await deps.db.transaction().execute(async (trx) => {
    await repo.recordSuccessfulLogin(trx, user.id, now);
    await repo.insertSession(trx, {
      id: sessionKey(token),
      user_id: user.id,
      csrf_token: csrfToken,
      client_ip: input.clientIp,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    await appendAudit(trx, now, [
      {
        countyCode: county,
        actorId: user.id,
        actorUsername: user.username,
        actorRole: user.role,
        action: 'auth.login',
        recordType: 'user',
        recordId: user.id,
        clientIp: input.clientIp,
      },
    ]);
  });
  return { token, csrfToken, expiresAt, actor: toActor(user) };
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Wc1qXUw9c5pYtYvR5bkgoVYrm7Fqm0wqQw1vJmDZ7o';

/** The actor of a user row, as a sign-in gives it (the demo's accounts act through it too). */
export function toActor(u: {
  id: string;
  username: string;
  display_name: string;
  role: string;
  county_code: string;
  jurisdiction_code: string;
  must_change_password: boolean;
}): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    countyCode: u.county_code,
    jurisdictionCode: u.jurisdiction_code,
    mustChangePassword: u.must_change_password,
  };
}

type ResolvedSession = {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  lastSeenMs: number;
  expiresMs: number;
  cachedAt: number;
};

// Recently resolved sessions are kept for a few seconds so a burst of requests costs one lookup.
// Logout and password changes in this process drop them at once; in another process of the same
// deployment they take effect within SESSION_CACHE_MS.
const SESSION_CACHE_MS = 5_000;
const sessionCache = new WeakMap<Database, Map<string, ResolvedSession>>();
const cacheOf = (db: Database) => {
  let m = sessionCache.get(db);
  if (!m) {
    m = new Map();
    sessionCache.set(db, m);
  }
  return m;
};

export function forgetSessions(db: Database, predicate: (s: ResolvedSession) => boolean) {
  const m = cacheOf(db);
  for (const [k, v] of m) if (predicate(v)) m.delete(k);
}

export async function resolveSession(
  deps: AuthDeps,
  token: string,
): Promise<{ actor: Actor; csrfToken: string; sessionId: string } | null> {
  const now = deps.clock.now();
  const id = sessionKey(token);
  const cache = cacheOf(deps.db);
  const hit = cache.get(id);
  const nowMs = now.getTime();
  if (
    hit &&
    nowMs - hit.cachedAt < SESSION_CACHE_MS &&
    nowMs >= hit.cachedAt &&
    hit.expiresMs > nowMs &&
    nowMs - hit.lastSeenMs <= SESSION_IDLE_MS
  ) {
    return hit;
  }
  const s = await repo.findSession(deps.db, id);
  if (!s || s.disabled) return null;
  if (s.expires_at <= now || now.getTime() - s.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await repo.deleteSession(deps.db, id);
    return null;
  }
  let lastSeen = s.last_seen_at.getTime();
  if (nowMs - lastSeen > TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db, id, now);
    lastSeen = nowMs;
  }
  const resolved: ResolvedSession = {
    sessionId: id,
    csrfToken: s.csrf_token,
    actor: toActor({ ...s, id: s.user_id }),
    lastSeenMs: lastSeen,
    expiresMs: s.expires_at.getTime(),
    cachedAt: nowMs,
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(id, resolved);
  return resolved;
}

export async function logout(deps: AuthDeps, token: string): Promise<void> {
  const id = sessionKey(token);
  await repo.deleteSession(deps.db, id);
  forgetSessions(deps.db, (s) => s.sessionId === id);
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; clientIp: string; keepSessionId: string },
): Promise<void> {
  const user = await repo.findUserById(deps.db, actor.userId);
  if (!user) throw authErrors.badCredentials();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw authErrors.wrongCurrentPassword();
  const problems = passwordProblems(input.newPassword);
  if (input.newPassword === input.currentPassword)
    problems.push({ zh: '不能与当前密码相同', en: 'must differ from the current one' });
  if (problems.length > 0) {
    throw fieldError(
      'newPassword',
      `新密码不符合要求：${problems.map((p) => p.zh).join('；')}`,
      `The new password is too weak: ${problems.map((p) => p.en).join('; ')}`,
      '≥10 characters with three of upper, lower, digit, symbol',
    );
  }
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, must_change_password: false, updated_at: now })
      .where('id', '=', actor.userId)
      .execute();
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await trx
      .deleteFrom('user_session')
      .where('user_id', '=', actor.userId)
      .where('id', '!=', input.keepSessionId)
      .execute();
    forgetSessions(deps.db, (s) => s.actor.userId === actor.userId);
    await appendAudit(trx, now, [
      {
        countyCode: actor.countyCode,
        actorId: actor.userId,
        actorUsername: actor.username,
        actorRole: actor.role,
        action: 'auth.password_changed',
        recordType: 'user',
        recordId: actor.userId,
        clientIp: input.clientIp,
      },
    ]);
  });
}
