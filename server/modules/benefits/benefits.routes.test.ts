import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenefitQuoteInput, benefitQuoteInput } from '../../../contracts/benefits.ts';
import { assessDibao, assessDibaoSingle } from '../../rules/benefits/dibao.ts';
import { assessDibaoEdge } from '../../rules/benefits/edge.ts';
import { householdIncome, type IncomeRecord } from '../../rules/benefits/income.ts';
import { parametersOn } from '../../rules/benefits/parameters.ts';
import { checkProperty } from '../../rules/benefits/property.ts';
import { assessRigidSpending } from '../../rules/benefits/rigid.ts';
import { assessSelfCare, assessTekun, tekunMonthlySupport } from '../../rules/benefits/tekun.ts';
import type { Disability } from '../../rules/disability.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { householdSupporterIndexes, quoteBenefits } from './benefits.usecases.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const DATE = '2026-03-15';
// The 12 full months before March 2026.
const WINDOW = Array.from({ length: 12 }, (_, i) => {
  const n = 2025 * 12 + 2 + i; // 2025-03 … 2026-02
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
});

type Case = {
  name: string;
  body: BenefitQuoteInput;
  expect: Partial<Record<'dibao' | 'edge' | 'rigid', boolean>> & {
    dibaoAmountFen?: number;
    tekun?: (number | false)[];
    single?: (number | false)[];
  };
};

const CASES: Case[] = [
  {
    name: 'income equal to the standard → not 低保 (strict <)',
    body: {
      date: DATE,
      area: 'urban',
      members: [{ age: 40, incomes: [{ kind: 'other', monthlyFen: 100000 }] }],
    },
    expect: { dibao: false, edge: true, rigid: false, tekun: [false] },
  },
  {
    name: 'a gap case: three people, one wage of 2,000 yuan',
    body: {
      date: DATE,
      area: 'urban',
      members: [
        { age: 45, relation: 'head', wageFenPerMonth: 200000 },
        { age: 43, relation: 'spouse' },
        { age: 20, relation: 'child', incomes: [{ kind: 'reward_subsidy', monthlyFen: 5000 }] },
      ],
    },
    // (3 × 1000 − (2000 − 600)) = 1,600 yuan; the scholarship is not counted.
    expect: { dibao: true, dibaoAmountFen: 160000, edge: false, rigid: false, tekun: [false, false, false] },
  },
  {
    name: 'a 60-year-old alone without income → 特困 with basic living and care',
    body: {
      date: DATE,
      area: 'urban',
      members: [{ age: 60, relation: 'head', selfCare: { bathing: false, toileting: false } }],
    },
    // basic ⌈1.3 × 1000⌉ = 1,300 + partial-loss care 600.
    expect: { dibao: true, dibaoAmountFen: 100000, tekun: [190000], edge: false, rigid: false },
  },
  {
    name: 'an edge household with a severely disabled member (单人保)',
    body: {
      date: DATE,
      area: 'urban',
      members: [
        { age: 50, relation: 'head', wageFenPerMonth: 300000 },
        { age: 24, relation: 'child', disability: { category: 4, grade: 1 } },
      ],
    },
    // (3000 − 600) / 2 = 1,200 per capita: ≥ 1,000 and < 1,500.
    expect: { dibao: false, edge: true, rigid: false, single: [false, 100000], tekun: [false, false] },
  },
  {
    name: 'a rigid-spending household',
    body: {
      date: DATE,
      area: 'rural',
      members: [
        { age: 48, relation: 'head', wageFenPerMonth: 500000 },
        { age: 46, relation: 'spouse' },
        { age: 16, relation: 'child' },
      ],
      financialAssetsFen: 1_000_000,
      rigidSpending: [
        { kind: 'medical', totalFen: 2_500_000 },
        { kind: 'education', totalFen: 800_000 },
      ],
    },
    // (5000 − 600) / 3 ≈ 1,466.67 ≥ 1.5 × 800; spending 33,000 > ½ × 60,000.
    expect: { dibao: false, edge: false, rigid: true, tekun: [false, false, false] },
  },
  {
    name: 'a 70-year-old whose only supporter is an 72-year-old spouse with little income → both 特困',
    body: {
      date: DATE,
      area: 'rural',
      members: [
        { age: 72, relation: 'head', incomes: [{ kind: 'basic_pension_central', monthlyFen: 15000 }] },
        {
          age: 70,
          relation: 'spouse',
          selfCare: { eating: false, dressing: false, bathing: false, toileting: false },
        },
      ],
    },
    // basic ⌈1.3 × 800⌉ = 1,040 + care 200 (self-care) / 1,200 (full loss).
    expect: { dibao: true, dibaoAmountFen: 160000, tekun: [124000, 224000], edge: false, rigid: false },
  },
  {
    name: 'a car and too many assets list every property failure',
    body: {
      date: '2025-06-01',
      area: 'rural',
      members: [{ birthDate: '1950-02-01', relation: 'head' }],
      financialAssetsFen: 50_000_000,
      vehicles: [{ exemption: null }, { exemption: 'disabled_mobility' }],
      residences: 2,
    },
    expect: { dibao: false, edge: false, rigid: false, tekun: [false] },
  },
];

/** The quote, computed here straight from the pure calculators (an independent re-statement). */
function viaCalculators(body: BenefitQuoteInput) {
  const q = benefitQuoteInput.parse(body);
  const params = parametersOn(q.date);
  const from = Number(q.date.slice(0, 4)) * 12 + Number(q.date.slice(5, 7)) - 1;
  const months = Array.from({ length: 12 }, (_, i) => {
    const n = from - 12 + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
  const ids = q.members.map((_, i) => String(i + 1));
  const records: IncomeRecord[] = q.members.flatMap((m, i) =>
    [...(m.wageFenPerMonth ? [{ kind: 'wage' as const, monthlyFen: m.wageFenPerMonth }] : []), ...m.incomes]
      .filter((x) => x.monthlyFen > 0)
      .flatMap((x) =>
        months.map((month) => ({ memberId: ids[i]!, month, kind: x.kind, amountFen: x.monthlyFen })),
      ),
  );
  const income = householdIncome({ acceptanceDate: q.date, memberIds: ids, records, params });
  const property = checkProperty(
    {
      householdSize: q.members.length,
      financialAssetsFen: q.financialAssetsFen,
      vehicles: q.vehicles.map((v, i) => ({ id: `车辆${i + 1}`, exemption: v.exemption })),
      residences: q.residences,
    },
    q.area,
    params,
  );
  const dis = (d: { category: number; grade: number } | null) => d as Disability | null;
  const dibao = assessDibao({ area: q.area, income, property, params });
  const single = q.members.map((m, i) =>
    assessDibaoSingle({
      area: q.area,
      income,
      property,
      params,
      person: { id: ids[i]!, disability: dis(m.disability), seriousIllness: m.seriousIllness },
    }),
  );
  const edge = assessDibaoEdge({ area: q.area, income, property, onDibao: false, params });
  const tekun = q.members.map((m, i) => {
    const own = householdIncome({
      acceptanceDate: q.date,
      memberIds: [ids[i]!],
      records: records.filter((r) => r.memberId === ids[i]),
      params,
      scheme: 'tekun',
    });
    const birthDate = m.birthDate ?? `${Number(q.date.slice(0, 4)) - (m.age ?? 0)}${q.date.slice(4)}`;
    const r = assessTekun({
      date: q.date,
      area: q.area,
      person: {
        id: ids[i]!,
        birthDate,
        disability: dis(m.disability),
        provinceDefinedNoWorkCapacity: false,
        choseOrphanProtection: false,
      },
      income: own,
      property,
      supporters: householdSupporterIndexes(q.members, i, q.date).map((j) => {
        const o = q.members[j]!;
        const yearly = records.filter((r) => r.memberId === ids[j]).reduce((a, r) => a + r.amountFen, 0);
        return {
          id: ids[j]!,
          birthDate: `${Number(q.date.slice(0, 4)) - (o.age ?? 0)}${q.date.slice(4)}`,
          area: q.area,
          isTekun: false,
          onDibao: false,
          disability: dis(o.disability),
          annualIncomeFen: yearly,
          propertyWithinLowIncomeRules: property.ok,
          noCivilCapacity: false,
          declaredMissing: false,
          inPrison: false,
          provinceDefinedIncapable: false,
        };
      }),
      params,
    });
    const care = assessSelfCare(m.selfCare);
    return { r, care, support: tekunMonthlySupport(q.area, care.level, params) };
  });
  const rigid = assessRigidSpending({
    area: q.area,
    income,
    property,
    status: {
      onDibao: dibao.eligible,
      onTekun: tekun.some((t) => t.r.eligible),
      isDibaoEdge: edge.eligible,
    },
    spending: q.rigidSpending.map((s) => ({ month: months[11]!, kind: s.kind, amountFen: s.totalFen })),
    params,
  });
  return { params, dibao, single, edge, tekun, rigid };
}

describe('POST /api/v1/benefits/quote', () => {
  it.each(CASES)('$name: HTTP = quoteBenefits = the pure calculators', async (c) => {
    const api = await signIn(env, 'v001201');
    const res = await api('POST', '/api/v1/benefits/quote', c.body);
    expect(res.statusCode).toBe(200);
    const http = res.json();
    const direct = quoteBenefits(benefitQuoteInput.parse(c.body));
    expect(http).toEqual(direct);

    const ref = viaCalculators(c.body);
    expect(direct.parametersVersion).toBe(ref.params.effectiveFrom);
    const { dibao, edge, rigid, single, tekun } = direct.schemes;
    expect(dibao.eligible).toBe(ref.dibao.eligible);
    expect(dibao.breakdown).toEqual(ref.dibao.breakdown);
    expect(dibao.failures).toEqual(ref.dibao.eligible ? [] : ref.dibao.failures);
    expect(dibao.amountFen).toBe(ref.dibao.eligible ? ref.dibao.amountFen : undefined);
    expect(edge).toEqual({
      eligible: ref.edge.eligible,
      breakdown: ref.edge.breakdown,
      failures: ref.edge.eligible ? [] : ref.edge.failures,
    });
    expect(rigid).toEqual({
      eligible: ref.rigid.eligible,
      breakdown: ref.rigid.breakdown,
      failures: ref.rigid.eligible ? [] : ref.rigid.failures,
    });
    single.forEach((s, i) => {
      const r = ref.single[i]!;
      expect(s.memberIndex).toBe(i);
      expect(s).toEqual(
        r.eligible
          ? { memberIndex: i, eligible: true, amountFen: r.amountFen, breakdown: r.breakdown, failures: [] }
          : { memberIndex: i, eligible: false, breakdown: r.breakdown, failures: r.failures },
      );
    });
    tekun.forEach((t, i) => {
      const { r, care, support } = ref.tekun[i]!;
      expect(t).toEqual(
        r.eligible
          ? {
              memberIndex: i,
              eligible: true,
              amountFen: support.amountFen,
              breakdown: [...r.breakdown, ...care.breakdown, ...support.breakdown],
              failures: [],
            }
          : { memberIndex: i, eligible: false, breakdown: r.breakdown, failures: r.failures },
      );
    });

    // The expected outcome of each case, stated by hand.
    const e = c.expect;
    if (e.dibao !== undefined) expect(dibao.eligible).toBe(e.dibao);
    if (e.dibaoAmountFen !== undefined) expect(dibao.amountFen).toBe(e.dibaoAmountFen);
    if (e.edge !== undefined) expect(edge.eligible).toBe(e.edge);
    if (e.rigid !== undefined) expect(rigid.eligible).toBe(e.rigid);
    if (e.tekun) expect(tekun.map((t) => (t.eligible ? t.amountFen : false))).toEqual(e.tekun);
    if (e.single) expect(single.map((t) => (t.eligible ? t.amountFen : false))).toEqual(e.single);
  });

  it('uses the window of the 12 full months before the quote month', () => {
    const q = quoteBenefits(benefitQuoteInput.parse(CASES[0]!.body));
    expect(q.schemes.dibao.breakdown.find((l) => l.code === 'income.window')?.en).toContain(
      `${WINDOW[0]} to ${WINDOW[11]}`,
    );
    expect(q.parametersVersion).toBe('2026-01-01');
  });

  it('reports validation errors at the field', async () => {
    const api = await signIn(env, 'town001');
    const res = await api('POST', '/api/v1/benefits/quote', {
      date: '2026-02-30',
      area: 'urban',
      members: [{ relation: 'head' }, { age: -1 }, { age: 30, wageFenPerMonth: 1.5 }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation.failed');
    const fields = (body.error.details as { field: string; messageEn: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining(['date', 'members.0.age', 'members.1.age', 'members.2.wageFenPerMonth']),
    );
    const missing = body.error.details.find((d: { field: string }) => d.field === 'members.0.age');
    expect(missing).toMatchObject({
      message: '请填写年龄或出生日期',
      messageEn: 'give the age or the birth date',
    });
  });

  it('refuses a date before the first parameter set, at the date field', async () => {
    const api = await signIn(env, 'town001');
    const res = await api('POST', '/api/v1/benefits/quote', {
      date: '2020-01-01',
      area: 'urban',
      members: [{ age: 30 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('date');
  });

  it('needs a session, and any signed-in role may quote', async () => {
    const anon = await env.app.inject({
      method: 'POST',
      url: '/api/v1/benefits/quote',
      payload: CASES[0]!.body,
    });
    expect(anon.statusCode).toBe(401);
    const liaison = await signIn(env, 'liaison');
    expect((await liaison('POST', '/api/v1/benefits/quote', CASES[0]!.body)).statusCode).toBe(200);
  });

  it('documents the route with an example request in the OpenAPI', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    const op = doc.paths['/api/v1/benefits/quote'].post;
    const media = op.requestBody.content['application/json'];
    const examples = media.example ?? media.examples ?? media.schema.examples;
    expect(JSON.stringify(examples)).toContain('2026-03-15');
    expect(benefitQuoteInput.safeParse(media.example).success).toBe(true);
  });
});
