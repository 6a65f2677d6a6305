import { expect } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { signIn, type TestEnv } from '../../test/harness.ts';
import { matchNow } from './matching.usecases.ts';

// The hand-made registry of the matching and referral tests (§9.3): three test policies of three
// departments plus one whose expression fails at run time, and five households —
//   A: a poor couple (income per head 100 元)            → MZ-DIBAO, referred to 民政
//   B: a man of 76 living alone, well off                 → WJ-ELDER (not referable: stays ELIGIBLE)
//   C: a well-off household with a grade-2 disabled member → CL-REHAB for that member, referred to 残联
//   D: a poor couple already on 低保 (a migrated case)     → MZ-DIBAO, not referred (already receives it)
//   E: a poor person alone in town 002                    → MZ-DIBAO, referred to 民政
// Policies are inserted directly (the catalogue's editor is tested with its module); households go
// through the registry's use case, the 低保 case through the legacy-migration API.

export const COUNTY = '370971';
export type Scenario = {
  /** Households A–E. */
  H: Record<string, string>;
  /** Persons: B1 (the old man), C2 (the disabled member). */
  P: Record<string, string>;
  /** Policy ids by code. */
  POL: Record<string, string>;
};

const DEPARTMENT_NAMES: Record<string, string> = {
  CIVIL_AFFAIRS: '民政',
  DISABLED_FEDERATION: '残联',
  HEALTH: '卫健',
};

export async function department(env: TestEnv, code: string, wd: number) {
  const now = env.clock.now();
  await env.db
    .insertInto('policy_department')
    .values({
      county_code: COUNTY,
      code,
      name: DEPARTMENT_NAMES[code] ?? code,
      name_en: code,
      contact_phone: '0538-1234567',
      answer_working_days: wd,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['county_code', 'code']).doUpdateSet({ answer_working_days: wd }))
    .execute();
}

export type TestPolicy = {
  code: string;
  departmentCode: string;
  subject: 'PERSON' | 'HOUSEHOLD';
  eligibility: string;
  eligibilityText: string;
  referable: boolean;
};

export async function insertPolicy(env: TestEnv, p: TestPolicy): Promise<string> {
  const now = env.clock.now();
  const r = await env.db
    .insertInto('policy')
    .values({
      county_code: COUNTY,
      code: p.code,
      department_code: p.departmentCode,
      name: `测试政策 ${p.code}`,
      summary: '测试',
      legal_basis: '测试依据',
      target_categories: [],
      benefit: '测试待遇',
      how_to_apply: '向村委会申请',
      contact: '0538-1234567',
      subject: p.subject,
      eligibility: p.eligibility,
      eligibility_text: p.eligibilityText,
      referable: p.referable,
      active: true,
      created_at: now,
      updated_at: now,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const TEST_POLICIES: TestPolicy[] = [
  {
    code: 'MZ-DIBAO',
    departmentCode: 'CIVIL_AFFAIRS',
    subject: 'HOUSEHOLD',
    eligibility: 'household.perCapitaIncomeFen <= household.dibaoStandardFen',
    eligibilityText: '家庭人均收入不高于当地低保标准',
    referable: true,
  },
  {
    code: 'WJ-ELDER',
    departmentCode: 'HEALTH',
    subject: 'PERSON',
    eligibility: 'person.age >= 60 && household.size == 1',
    eligibilityText: '60 周岁以上独居老人',
    referable: false,
  },
  {
    code: 'CL-REHAB',
    departmentCode: 'DISABLED_FEDERATION',
    subject: 'PERSON',
    eligibility: 'person.disabilityGrade >= 1 && person.disabilityGrade <= 2',
    eligibilityText: '一、二级残疾人',
    referable: true,
  },
  {
    code: 'T-BROKEN',
    departmentCode: 'HEALTH',
    subject: 'HOUSEHOLD',
    eligibility: 'household.size / (household.size - household.size) > 1',
    eligibilityText: '运行时出错的表达式',
    referable: true,
  },
];

export async function buildScenario(env: TestEnv): Promise<Scenario> {
  const H: Record<string, string> = {};
  const P: Record<string, string> = {};
  const POL: Record<string, string> = {};
  await department(env, 'CIVIL_AFFAIRS', 5);
  await department(env, 'DISABLED_FEDERATION', 5);
  await department(env, 'HEALTH', 10);
  for (const p of TEST_POLICIES) POL[p.code] = await insertPolicy(env, p);
  const poor = () => [
    buildPerson({ monthlyIncomeFen: 0 }),
    buildPerson({
      name: '李测试',
      relationCode: '12',
      idNumber: nextIdNumber('1972-03-08', 2),
      monthlyIncomeFen: 20_000,
    }),
  ];
  const rich = (over = {}) => buildPerson({ monthlyIncomeFen: 500_000, ...over });
  H.A = (await buildHousehold(env, { members: poor() })).id;
  H.B = (await buildHousehold(env, { members: [rich({ idNumber: nextIdNumber('1950-03-01') })] })).id;
  const disabledId = nextIdNumber('1980-01-01');
  H.C = (
    await buildHousehold(env, {
      members: [
        rich(),
        rich({ relationCode: '20', idNumber: disabledId, disabilityCertificate: `${disabledId}42` }),
      ],
    })
  ).id;
  H.D = (await buildHousehold(env, { members: poor() })).id;
  H.E = (
    await buildHousehold(
      env,
      { villageCode: '370971002201', members: [buildPerson({ monthlyIncomeFen: 0 })] },
      'town002',
    )
  ).id;
  const personOf = async (householdId: string) =>
    (
      await env.db
        .selectFrom('household_member as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select('p.id')
        .where('m.household_id', '=', householdId)
        .orderBy('p.disability_grade', (ob) => ob.asc().nullsLast())
        .executeTakeFirstOrThrow()
    ).id;
  P.B1 = await personOf(H.B);
  P.C2 = await personOf(H.C);
  const admin = await signIn(env, 'admin');
  const legacy = await admin('POST', '/api/v1/cases/legacy', {
    reason: '原系统数据迁移（测试）',
    cases: [
      { householdId: H.D, scheme: 'DIBAO', decidedOn: '2026-01-05', amountFen: 50_000, sourceRef: 'L-1' },
    ],
  });
  expect(legacy.statusCode, legacy.body).toBe(201);
  return { H, P, POL };
}

/** The stored matches as "policy subject state", sorted (subject: the household's or person's label). */
export async function matchTable(env: TestEnv, s: Scenario) {
  const label = new Map(Object.entries({ ...s.H, ...s.P }).map(([k, v]) => [v, k]));
  const code = new Map(Object.entries(s.POL).map(([k, v]) => [v, k]));
  const rows = await env.db.selectFrom('policy_match').selectAll().execute();
  return rows.map((m) => `${code.get(m.policy_id)} ${label.get(m.subject_key) ?? '?'} ${m.state}`).sort();
}

export const referralCount = async (env: TestEnv) =>
  Number(
    (
      await env.db
        .selectFrom('department_referral')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const runMatching = (env: TestEnv) => matchNow(env, env.ctx('district'));

/** Moves the test clock to 09:00 Asia/Shanghai of a date. */
export const setDate = (env: TestEnv, date: string) => env.clock.set(new Date(`${date}T09:00:00+08:00`));
