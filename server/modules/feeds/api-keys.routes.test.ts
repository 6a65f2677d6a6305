import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyCreated, ApiKeyView, FeedBatchView, FeedRowIssue } from '../../../contracts/feeds.ts';
import { nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// The departments' push API: a key is scoped to its own department's sources (§8.2: each
// department delivers its own data), authenticates alone (no session, no CSRF), is refused when
// unknown or revoked, and every creation, revocation and delivery is audited without the secret.

let env: TestEnv;
let admin: Awaited<ReturnType<typeof signIn>>;
let medicalKey: ApiKeyCreated;
let civilKey: ApiKeyCreated;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  admin = await signIn(env, 'admin');
  const create = async (department: string, scopes: string[]) => {
    const res = await admin('POST', '/api/v1/api-keys', { department, label: `${department} 接口`, scopes });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as ApiKeyCreated;
  };
  medicalKey = await create('MEDICAL_INSURANCE', ['MEDICAL_EXPENSE']);
  civilKey = await create('CIVIL_AFFAIRS', ['DEATH', 'MARRIAGE']);
});
afterAll(async () => {
  await env?.close();
});

const push = (secret: string | null, source: string, records: unknown[]) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/feed-api/${source}/records`,
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
    payload: { records },
  });
const batches = (secret: string, source: string) =>
  env.app.inject({
    method: 'GET',
    url: `/api/v1/feed-api/${source}/batches`,
    headers: { authorization: `Bearer ${secret}` },
  });
const medical = () => ({
  idNumber: nextIdNumber(),
  settledOn: '2026-06-01',
  totalFen: 900_000,
  outOfPocketFen: 350_000,
});
const death = () => ({ idNumber: nextIdNumber('1940-03-03'), diedOn: '2026-06-10' });

describe('department API keys', () => {
  it('shows the secret once and stores only its SHA-256 and prefix', async () => {
    expect(medicalKey.secret).toMatch(/^hjk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(medicalKey.secret.startsWith(medicalKey.prefix)).toBe(true);
    const list = (await admin('GET', '/api/v1/api-keys')).json() as {
      keys: (ApiKeyView & { secret?: string })[];
    };
    expect(list.keys.map((k) => k.prefix).sort()).toEqual([medicalKey.prefix, civilKey.prefix].sort());
    expect(JSON.stringify(list)).not.toContain(medicalKey.secret);
    const row = await env.db
      .selectFrom('api_key')
      .selectAll()
      .where('id', '=', medicalKey.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(medicalKey.secret.slice(17));
  });

  it('refuses at creation a scope of another department, an unknown source, and a non-admin', async () => {
    const res = await admin('POST', '/api/v1/api-keys', {
      department: 'MEDICAL_INSURANCE',
      label: '医保',
      scopes: ['MEDICAL_EXPENSE', 'DEATH', 'NOPE'],
    });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { error: { details: { field: string; message: string }[] } }).error
      .details;
    expect(details.map((d) => d.field)).toEqual(['scopes.1', 'scopes.2']);
    expect(details[0]!.message).toContain('民政');
    const district = await signIn(env, 'district');
    const denied = await district('POST', '/api/v1/api-keys', {
      department: 'TAX',
      label: '税务',
      scopes: ['TAX'],
    });
    expect(denied.statusCode).toBe(403);
  });

  it('lets a key write and read its own sources with no session and no CSRF token', async () => {
    const res = await push(medicalKey.secret, 'MEDICAL_EXPENSE', [medical(), medical()]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'MEDICAL_EXPENSE', recordCount: 2, newCount: 2 });
    const list = (await batches(medicalKey.secret, 'MEDICAL_EXPENSE')).json() as { batches: FeedBatchView[] };
    expect(list.batches).toHaveLength(1);
    expect(list.batches[0]).toMatchObject({ channel: 'API', apiKeyPrefix: medicalKey.prefix });
    const key = await env.db
      .selectFrom('api_key')
      .select('last_used_at')
      .where('id', '=', medicalKey.id)
      .executeTakeFirstOrThrow();
    expect(key.last_used_at).not.toBeNull();
  });

  it('forbids a key of one department to write or read another department’s source (403)', async () => {
    const write = await push(medicalKey.secret, 'DEATH', [death()]);
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: { code: 'feeds.out_of_scope' } });
    expect((write.json() as { error: { messageEn: string } }).error.messageEn).toContain('DEATH');
    expect((await batches(medicalKey.secret, 'DEATH')).statusCode).toBe(403);
    expect((await batches(civilKey.secret, 'MEDICAL_EXPENSE')).statusCode).toBe(403);
    expect((await push(civilKey.secret, 'MEDICAL_EXPENSE', [medical()])).statusCode).toBe(403);
    expect((await push(civilKey.secret, 'DEATH', [death()])).statusCode).toBe(200);
  });

  it('answers 401 to no key, an unknown key, a wrong secret and a session cookie alone', async () => {
    expect((await push(null, 'DEATH', [death()])).json()).toMatchObject({
      error: { code: 'feeds.api_key_missing' },
    });
    const unknown = `hjk_${'0'.repeat(12)}_${'A'.repeat(43)}`;
    expect((await push(unknown, 'DEATH', [death()])).statusCode).toBe(401);
    const wrong = `${civilKey.prefix}_${'B'.repeat(43)}`;
    expect((await push(wrong, 'DEATH', [death()])).statusCode).toBe(401);
    expect((await admin('POST', '/api/v1/feed-api/DEATH/records', { records: [death()] })).statusCode).toBe(
      401,
    );
  });

  it('reports every bad record of a push by its position, and writes none', async () => {
    const res = await push(civilKey.secret, 'MARRIAGE', [
      { idNumber: nextIdNumber(), registeredOn: '2026-05-20', kind: 'MARRIAGE' },
      { idNumber: nextIdNumber(), registeredOn: '2026-05-20', kind: 'WEDDING' },
      { idNumber: nextIdNumber(), registeredOn: '20-05-2026', kind: 'DIVORCE' },
    ]);
    expect(res.statusCode).toBe(400);
    const d = (res.json() as { error: { details: FeedRowIssue[] } }).error.details;
    expect(d.map((i) => [i.row, i.field])).toEqual([
      [2, 'records.1.kind'],
      [3, 'records.2.registeredOn'],
    ]);
    const n = await env.db
      .selectFrom('feed_record')
      .select('source')
      .where('source', '=', 'MARRIAGE')
      .execute();
    expect(n).toEqual([]);
  });

  it('revokes a key: 401 afterwards, a second revocation is a conflict', async () => {
    const key = (
      await admin('POST', '/api/v1/api-keys', { department: 'TAX', label: '税务局', scopes: ['TAX'] })
    ).json() as ApiKeyCreated;
    const rec = { idNumber: nextIdNumber(), period: '2026-04-01', item: '工资薪金', incomeFen: 1 };
    expect((await push(key.secret, 'TAX', [rec])).statusCode).toBe(200);
    const revoked = await admin('POST', `/api/v1/api-keys/${key.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((revoked.json() as ApiKeyView).revokedAt).not.toBeNull();
    const after = await push(key.secret, 'TAX', [rec]);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'feeds.api_key_revoked' } });
    expect((await batches(key.secret, 'TAX')).statusCode).toBe(401);
    expect((await admin('POST', `/api/v1/api-keys/${key.id}/revoke`)).statusCode).toBe(409);
  });

  it('audits creations, revocations and deliveries with the key id and never the secret', async () => {
    const rows = await env.db
      .selectFrom('audit_log')
      .select(['action', 'record_id', 'actor_username', 'actor_role', 'detail'])
      .where('action', 'like', 'feeds.%')
      .orderBy('seq')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'feeds.api_key_created')).toHaveLength(3);
    expect(actions).toContain('feeds.api_key_revoked');
    const delivery = rows.find(
      (r) => r.action === 'feeds.delivered' && r.actor_username === `apikey:${medicalKey.prefix}`,
    );
    expect(delivery).toMatchObject({
      actor_role: 'api_key',
      detail: { source: 'MEDICAL_EXPENSE', channel: 'API', records: 2, new: 2, apiKeyId: medicalKey.id },
    });
    const created = rows.find((r) => r.action === 'feeds.api_key_created' && r.record_id === medicalKey.id);
    expect(created?.detail).toMatchObject({ department: 'MEDICAL_INSURANCE', scopes: ['MEDICAL_EXPENSE'] });
    const text = JSON.stringify(rows);
    for (const k of [medicalKey, civilKey]) expect(text).not.toContain(k.secret.slice(k.prefix.length + 1));
  });
});
