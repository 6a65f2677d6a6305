import crypto from 'node:crypto';
import {
  type ApiKeyCreated,
  type ApiKeyInput,
  type ApiKeyView,
  DEPARTMENTS,
  type DepartmentCode,
  feedSource,
} from '../../../contracts/feeds.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { feedErrors, requireFeedPermission } from './feeds.errors.ts';
import * as repo from './feeds.repository.ts';

// Departments' keys for the push API: created by a district administrator for one department and
// scoped to that department's feed sources, shown once, kept as a SHA-256 of the secret (a slow
// hash adds nothing for 256 random bits) and looked up by a public prefix; revocable; every
// creation and revocation is audited with the key id, never the secret.

/** A request authenticated by an API key: the key, its scopes, and where the call came from. */
export type ApiKeyPrincipal = {
  keyId: string;
  countyCode: string;
  department: DepartmentCode;
  label: string;
  /** The public part of the secret (hjk_ + 12 hex), shown in lists and the audit log. */
  prefix: string;
  scopes: readonly string[];
  requestId: string;
  clientIp: string;
};

type KeyDeps = { db: Database; clock: Clock };

// hjk_<12 hex>_<43 base64url>: the prefix finds the row, the whole secret is hashed.
const SECRET_RE = /^(hjk_[0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();

const toView = (r: repo.KeyRow): ApiKeyView => ({
  id: r.id,
  department: r.department,
  label: r.label,
  scopes: r.scopes,
  prefix: r.key_prefix,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  revokedAt: r.revoked_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
});

/** Every scope must be a source of the key's own department (§8.2: each department owns its data). */
export function checkScopes(department: DepartmentCode, scopes: readonly string[]): FieldIssue[] {
  const dept = DEPARTMENTS[department];
  return scopes.flatMap((code, i): FieldIssue[] => {
    const src = feedSource(code);
    if (!src)
      return [
        {
          field: `scopes.${i}`,
          message: `数据源“${code.slice(0, 40)}”不存在`,
          messageEn: `there is no feed source "${code.slice(0, 40)}"`,
        },
      ];
    if (src.dept !== department)
      return [
        {
          field: `scopes.${i}`,
          message: `数据源“${src.zh}”属于${DEPARTMENTS[src.dept].zh}，不能授权给${dept.zh}的密钥`,
          messageEn: `the source "${src.en}" belongs to ${DEPARTMENTS[src.dept].en}, not to ${dept.en}`,
          expected: `a source of ${department}`,
        },
      ];
    return [];
  });
}

export async function createApiKey(
  deps: KeyDeps,
  ctx: RequestContext,
  input: ApiKeyInput,
): Promise<ApiKeyCreated> {
  requireFeedPermission(ctx.actor, 'feeds.manage_keys');
  const scopes = [...new Set(input.scopes)];
  const issues = checkScopes(input.department, scopes);
  if (issues.length > 0) throw errors.validation(issues);
  const prefix = `hjk_${crypto.randomBytes(6).toString('hex')}`;
  const secret = `${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const keyId = await repo.insertKey(trx, {
      county_code: ctx.actor.countyCode,
      department: input.department,
      label: input.label,
      scopes,
      key_prefix: prefix,
      key_hash: sha256(secret),
      created_by: auditActor(ctx).actorId,
      created_at: now,
    });
    await appendAudit(trx, now, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'feeds.api_key_created',
        recordType: 'api_key',
        recordId: keyId,
        detail: { department: input.department, label: input.label, scopes, prefix },
      },
    ]);
    return keyId;
  });
  const row = await repo.getKey(deps.db, ctx.actor.countyCode, id);
  if (!row) throw feedErrors.keyNotFound();
  return { ...toView(row), secret };
}

export async function listApiKeys(deps: Pick<KeyDeps, 'db'>, ctx: RequestContext): Promise<ApiKeyView[]> {
  requireFeedPermission(ctx.actor, 'feeds.manage_keys');
  return (await repo.listKeys(deps.db, ctx.actor.countyCode)).map(toView);
}

export async function revokeApiKey(deps: KeyDeps, ctx: RequestContext, id: string): Promise<ApiKeyView> {
  requireFeedPermission(ctx.actor, 'feeds.manage_keys');
  const county = ctx.actor.countyCode;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const key = await repo.getKey(trx, county, id);
    if (!key) throw feedErrors.keyNotFound();
    if (!(await repo.revokeKey(trx, county, id, auditActor(ctx).actorId, now)))
      throw feedErrors.alreadyRevoked();
    await appendAudit(trx, now, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'feeds.api_key_revoked',
        recordType: 'api_key',
        recordId: id,
        detail: { department: key.department, label: key.label, prefix: key.key_prefix },
      },
    ]);
  });
  const row = await repo.getKey(deps.db, county, id);
  if (!row) throw feedErrors.keyNotFound();
  return toView(row);
}

/** The principal of an `Authorization: Bearer <key>` header, or 401. */
export async function authenticateApiKey(
  deps: Pick<KeyDeps, 'db'>,
  authorization: string | undefined,
  request: { requestId: string; clientIp: string },
): Promise<ApiKeyPrincipal> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!m) throw feedErrors.keyMissing();
  const secret = m[1]!;
  const prefix = SECRET_RE.exec(secret)?.[1];
  if (!prefix) throw feedErrors.keyInvalid();
  const row = await repo.keyByPrefix(deps.db, prefix);
  if (!row || !crypto.timingSafeEqual(row.key_hash, sha256(secret))) throw feedErrors.keyInvalid();
  if (row.revoked_at) throw feedErrors.keyRevoked();
  return {
    keyId: row.id,
    countyCode: row.county_code,
    department: row.department as DepartmentCode,
    label: row.label,
    prefix: row.key_prefix,
    scopes: row.scopes,
    ...request,
  };
}
