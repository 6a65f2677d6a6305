import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personIdsOf, step, teamAt } from '../../test/case-api.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { investigatedIncomes, parseFacts } from './assessment.ts';

// The household file (一户一档) keeps the incomes the investigation found: recording the facts of an
// investigation rewrites each covered member's registry income that differs, with a history entry
// citing the case, in the case's transaction; monitoring and matching read the registry.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-02T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

describe('the incomes a member’s investigation finds (pure)', () => {
  const facts = (incomes: { kind: string; monthlyFen: number }[], wage = 30_000) => ({
    personIds: ['p1'],
    household: { members: [{ age: 40, wageFenPerMonth: wage, incomes }] },
  });
  it.each([
    [[], 30_000],
    [[{ kind: 'transfer_in', monthlyFen: 5_000 }], 35_000], // S1 Art.13(四) adds
    [[{ kind: 'transfer_out', monthlyFen: 2_000 }], 28_000], // S1 Art.13(四) subtracts
    [[{ kind: 'preferential_care', monthlyFen: 9_999 }], 30_000], // excluded: not income
    [[{ kind: 'disability_illness_spending', monthlyFen: 9_999 }], 30_000], // a household deduction
    [[{ kind: 'old_age_allowance', monthlyFen: 1_000 }], 31_000], // transfer income outside 特困
    [[{ kind: 'transfer_out', monthlyFen: 90_000 }], 0], // never below zero
  ])('%j on a wage of 300 元 → %i fen a month', (incomes, expected) => {
    const f = facts(incomes);
    expect(investigatedIncomes(f, parseFacts(f, '2026-03-02', 'rural'))).toEqual([
      { personId: 'p1', monthlyFen: expected },
    ]);
  });
});

describe('recording an investigation updates the household file', () => {
  it('writes the head’s investigated income, leaves the unchanged spouse alone, and says why', async () => {
    const h = await buildHousehold(env, {
      members: [
        buildPerson({ monthlyIncomeFen: 250_000 }),
        buildPerson({ name: '李测试', relationCode: '12', idNumber: nextIdNumber('1972-03-08', 2) }),
      ],
    });
    const [head, spouse] = await personIdsOf(env, h.id);
    const t = await teamAt(env, '2026-03-02T09:00:00+08:00');
    const created = await t.town('POST', '/api/v1/cases/applications', {
      householdId: h.id,
      scheme: 'DIBAO',
      pledgeSigned: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await step(t.town, id, { type: 'ACCEPT' });
    await step(t.town, id, { type: 'START_INVESTIGATION' });
    for (const personId of [head!, spouse!])
      await step(t.town, id, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
    await step(t.town, id, { type: 'REQUEST_CHECK' });
    const before = (await t.town('GET', `/api/v1/households/${h.id}`)).json();
    await step(t.town, id, {
      type: 'RECORD_INVESTIGATION',
      investigators: ['甲', '乙'],
      visitMode: 'ON_SITE',
      findings: '户主打零工，月收入约 300 元；配偶无收入',
      facts: {
        members: [
          {
            age: 45,
            relation: 'head',
            wageFenPerMonth: 30_000,
            incomes: [{ kind: 'transfer_in', monthlyFen: 5_000 }],
          },
          { age: 44, relation: 'spouse', wageFenPerMonth: 0 },
        ],
      },
    });
    const after = (await t.town('GET', `/api/v1/households/${h.id}`)).json();
    const income = (d: { members: { personId: string; monthlyIncomeFen: number }[] }, p: string) =>
      d.members.find((m) => m.personId === p)?.monthlyIncomeFen;
    expect([income(before, head!), income(after, head!)]).toEqual([250_000, 35_000]);
    expect(income(after, spouse!)).toBe(0);
    expect(after.version).toBe(before.version + 1);
    const caseNo = (await t.town('GET', `/api/v1/cases/${id}`)).json().caseNo as string;
    const history = (await t.town('GET', `/api/v1/households/${h.id}/history`)).json().items as {
      action: string;
      entityId: string;
      reason: string;
      changes: Record<string, { before: unknown; after: unknown }>;
    }[];
    const entries = history.filter((x) => x.action === 'income_investigated');
    expect(entries).toEqual([
      expect.objectContaining({
        entityId: head,
        reason: `入户调查核定收入（案件 ${caseNo}）`,
        changes: { monthlyIncomeFen: { before: 250_000, after: 35_000 } },
      }),
    ]);
  });
});
