import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

// "Nothing is half-written when a request fails": every multi-row step is one transaction. A
// trigger makes the write at a chosen point fail (the timeline entry in the middle, the audit entry
// at the end); the step must answer 500 and leave every table exactly as it was, and then succeed
// once the fault is gone.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-01T09:00:00+08:00' });
  await sql`
    create table test_fault (tbl text primary key);
    create function test_fault() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from test_fault where tbl = tg_table_name) then
        raise exception 'forced failure on %', tg_table_name;
      end if;
      return new;
    end $$;
    create trigger test_fault_event before insert on case_event for each row execute function test_fault();
    create trigger test_fault_audit before insert on audit_log for each row execute function test_fault();
  `.execute(env.db);
});
afterAll(async () => {
  await env?.close();
});

const TABLES = [
  'assistance_case',
  'case_event',
  'case_consent',
  'case_attachment',
  'entitlement',
  'reserve_fund_entry',
  'integrity_record',
  'audit_log',
] as const;

async function fingerprint() {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number; v: number }>`
      select count(*)::int as n, coalesce(sum(hashtext(x::text)), 0)::int8 as v from ${sql.table(t)} x`.execute(
      env.db,
    );
    out[t] = r.rows[0];
  }
  return out;
}

type Api = Awaited<ReturnType<typeof signIn>>;

/** Runs `call` with the fault at `table`: 500 and no change; then without: it succeeds. */
async function failsCleanly(
  table: 'case_event' | 'audit_log',
  call: () => Promise<{ statusCode: number; body: string }>,
) {
  const before = await fingerprint();
  await sql`insert into test_fault values (${table})`.execute(env.db);
  const failed = await call();
  await sql`delete from test_fault`.execute(env.db);
  expect(failed.statusCode, failed.body).toBe(500);
  expect(await fingerprint()).toEqual(before);
  const ok = await call();
  expect(ok.statusCode, ok.body).toBeLessThan(300);
  return ok;
}

const SIGNATURE = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

describe('every multi-row step is all or nothing', () => {
  it.each(['case_event', 'audit_log'] as const)('with a failure at %s', async (table) => {
    env.clock.set(new Date('2026-06-01T09:00:00+08:00'));
    const [town, district, admin] = (await Promise.all(
      ['town001', 'district', 'admin'].map((u) => signIn(env, u)),
    )) as Api[];
    const h = await buildHousehold(env);
    const people = (
      await env.db
        .selectFrom('household_member')
        .select('person_id')
        .where('household_id', '=', h.id)
        .execute()
    ).map((p) => p.person_id);
    const post = (api: Api, url: string, body: unknown) => api('POST', url, body);

    // Opening a case: row, first timeline entry, audit.
    const created = await failsCleanly(table, () =>
      post(town!, '/api/v1/cases/applications', { householdId: h.id, scheme: 'DIBAO', pledgeSigned: true }),
    );
    const id = JSON.parse(created.body).id as string;
    const ev = (api: Api, body: unknown) => () => post(api, `/api/v1/cases/${id}/events`, body);
    await failsCleanly(table, ev(town!, { type: 'ACCEPT' }));
    await failsCleanly(table, ev(town!, { type: 'START_INVESTIGATION' }));
    // Consent: consent row + snapshot + timeline + audit.
    for (const personId of people)
      await failsCleanly(table, ev(town!, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' }));
    // Investigation with a captured signature: attachment + facts + snapshot + timeline + audit.
    await failsCleanly(
      table,
      ev(town!, {
        type: 'RECORD_INVESTIGATION',
        investigators: ['甲', '乙'],
        visitMode: 'ON_SITE',
        findings: '核实',
        facts: {
          members: people.map((_, i) => ({
            age: 50 + i,
            relation: i === 0 ? 'head' : 'spouse',
            wageFenPerMonth: 0,
          })),
        },
        attachments: [{ kind: 'SIGNATURE', filename: 's.png', mime: 'image/png', dataBase64: SIGNATURE }],
      }),
    );
    await failsCleanly(table, ev(town!, { type: 'DRAFT_OPINION', opinion: '拟纳入' }));
    await failsCleanly(table, ev(town!, { type: 'PUBLISH' }));
    env.clock.set(new Date('2026-06-10T09:00:00+08:00'));
    const [t2, d2] = (await Promise.all(['town001', 'district'].map((u) => signIn(env, u)))) as Api[];
    await failsCleanly(table, () => post(t2!, `/api/v1/cases/${id}/events`, { type: 'PUBLICITY_ENDED' }));
    await failsCleanly(table, () => post(d2!, `/api/v1/cases/${id}/events`, { type: 'START_COUNTY_REVIEW' }));
    // Approval: entitlement + new active snapshot + timeline + audit.
    await failsCleanly(table, () => post(d2!, `/api/v1/cases/${id}/events`, { type: 'CONFIRM' }));
    // Fraud stop: integrity record + snapshot + timeline + audit.
    await failsCleanly(table, () =>
      post(d2!, `/api/v1/cases/${id}/events`, {
        type: 'STOP',
        reason: 'fraud',
        writtenReasons: '隐瞒收入',
        obtainedFen: 10_000,
      }),
    );

    // Urgent first aid: the reserve-fund draw goes with the step or not at all.
    await post(d2!, '/api/v1/reserve-fund/movements', {
      townCode: '370971001',
      kind: 'ALLOCATE',
      amountFen: 500_000,
      note: '拨付',
    });
    const u = await post(t2!, '/api/v1/cases/urgent', {
      householdId: h.id,
      villageCode: '370971001201',
      source: 'SELF',
      cause: 'FIRE',
      summary: '失火',
    });
    const uid = u.json().id as string;
    await post(t2!, `/api/v1/cases/${uid}/events`, {
      type: 'APPROVE_FIRST_AID',
      amountFen: 100_000,
      assessment: '紧急',
    });
    await failsCleanly(table, () =>
      post(t2!, `/api/v1/cases/${uid}/events`, { type: 'PAY_FIRST_AID', amountFen: 100_000, method: 'CASH' }),
    );
    void district;
    void admin;
  });
});
