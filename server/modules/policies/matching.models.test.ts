import { describe, expect, it } from 'vitest';
import type { PolicyCelContext } from '../../rules/cel/context.ts';
import {
  evidenceOf,
  fieldsRead,
  figuresText,
  type MatchPlan,
  planMatch,
  referralBlocks,
  referralReason,
  schemesGivenBy,
} from './matching.models.ts';

// What a matching run does with one (policy, subject) (§9.3 "policy finds the person"; S6 §五(一)).

describe('planMatch', () => {
  const base = { referable: true, receiving: false, blocked: false };
  const cases: [string, Parameters<typeof planMatch>[0], MatchPlan][] = [
    [
      'new match of a referable policy → ELIGIBLE and referred',
      { ...base, matched: true, existing: null },
      { op: 'open', refer: true },
    ],
    [
      'new match of a portal-only policy → ELIGIBLE, not referred',
      { ...base, referable: false, matched: true, existing: null },
      { op: 'open', refer: false },
    ],
    [
      'new match of a subject that already receives it → not referred (§7.3 no duplicate help)',
      { ...base, receiving: true, matched: true, existing: null },
      { op: 'open', refer: false },
    ],
    [
      'still matching, never referred → referred now',
      { ...base, matched: true, existing: { state: 'ELIGIBLE', firstMatchedOn: '2026-01-01' } },
      { op: 'keep', refer: true },
    ],
    [
      'still matching, referral pending → kept',
      { ...base, blocked: true, matched: true, existing: { state: 'PUSHED', firstMatchedOn: '2026-01-01' } },
      { op: 'keep', refer: false },
    ],
    [
      'still matching, granted → kept, never referred again',
      { ...base, matched: true, existing: { state: 'GRANTED', firstMatchedOn: '2026-01-01' } },
      { op: 'keep', refer: false },
    ],
    [
      'still matching, refused, same policy version → the refusal holds',
      { ...base, blocked: true, matched: true, existing: { state: 'REFUSED', firstMatchedOn: '2026-01-01' } },
      { op: 'keep', refer: false },
    ],
    [
      'still matching, refused, policy edited since → referred again',
      { ...base, matched: true, existing: { state: 'REFUSED', firstMatchedOn: '2026-01-01' } },
      { op: 'keep', refer: true },
    ],
    [
      'lapsed and matching again → a new spell',
      { ...base, matched: true, existing: { state: 'LAPSED', firstMatchedOn: '2026-01-01' } },
      { op: 'open', refer: true },
    ],
    [
      'no longer matching, not referred → LAPSED',
      { ...base, matched: false, existing: { state: 'ELIGIBLE', firstMatchedOn: '2026-01-01' } },
      { op: 'lapse' },
    ],
    [
      'no longer matching, referred → the department decides',
      { ...base, matched: false, existing: { state: 'PUSHED', firstMatchedOn: '2026-01-01' } },
      { op: 'none' },
    ],
    ['never matched → nothing', { ...base, matched: false, existing: null }, { op: 'none' }],
  ];
  it.each(cases)('%s', (_name, input, plan) => expect(planMatch(input)).toEqual(plan));
});

describe('referralBlocks ("not yet delivered": no referral in any state)', () => {
  const edited = new Date('2026-06-01T00:00:00Z');
  const before = new Date('2026-05-01T00:00:00Z');
  const after = new Date('2026-07-01T00:00:00Z');
  it.each([
    ['a pending referral blocks', 'PENDING', before, true],
    ['a granted referral blocks, even after an edit', 'GRANTED', before, true],
    ['a refusal after the policy’s last edit blocks', 'REFUSED', after, true],
    ['a refusal before the policy was edited does not', 'REFUSED', before, false],
    ['a withdrawal before the policy was edited does not', 'WITHDRAWN', before, false],
  ] as const)('%s', (_n, state, answeredAt, blocks) =>
    expect(referralBlocks([{ state, answeredAt }], edited)).toBe(blocks),
  );
  it('no referral: nothing blocks', () => expect(referralBlocks([], edited)).toBe(false));
});

describe('schemesGivenBy: 民政 policies whose scheme in force means "already receives"', () => {
  it.each([
    ['CIVIL_AFFAIRS', 'MZ-DIBAO', ['DIBAO', 'DIBAO_SINGLE']],
    ['CIVIL_AFFAIRS', 'MZ-DIBAO-SINGLE', ['DIBAO_SINGLE']],
    ['CIVIL_AFFAIRS', 'MZ_DIBAO_EDGE', ['DIBAO_EDGE']],
    ['CIVIL_AFFAIRS', 'MZ-EDGE', ['DIBAO_EDGE']],
    ['CIVIL_AFFAIRS', 'TEKUN', ['TEKUN']],
    ['CIVIL_AFFAIRS', 'MZ-TEMP', ['TEMP_URGENT', 'TEMP_EXPENDITURE']],
    ['CIVIL_AFFAIRS', 'MZ-HEATING', []],
    ['CIVIL_AFFAIRS', 'MZ-DIBAOX', []],
    ['MEDICAL_INSURANCE', 'YB-DIBAO', []],
  ] as const)('%s %s → %j', (departmentCode, code, schemes) =>
    expect(schemesGivenBy({ departmentCode, code })).toEqual(schemes),
  );
});

describe('evidence and reason', () => {
  const person = {
    age: 67,
    sex: 'F' as const,
    isHead: true,
    disabilityGrade: 2,
    disabilityCategory: 4,
    selfCare: 'PARTIAL_LOSS' as const,
    inEducation: false,
    unemployed: false,
    seriousIllness: true,
    monthlyIncomeFen: 30_000,
    categories: ['DIBAO_EDGE'],
    activeSchemes: [],
  };
  const ctx: PolicyCelContext = {
    person,
    household: {
      size: 2,
      area: 'rural',
      townCode: '370971001',
      villageCode: '370971001201',
      monthlyIncomeFen: 102_400,
      perCapitaIncomeFen: 51_200,
      dibaoStandardFen: 84_000,
      incomeRatio: 102_400 / 168_000,
      activeSchemes: [],
      categories: ['DIBAO_EDGE'],
      hasVehicle: false,
      members: [person],
    },
  };
  const expr =
    'household.perCapitaIncomeFen < household.dibaoStandardFen && person.age >= 60 && household.members.exists(m, m.age > 1) && person.nope';
  it('reads the documented fields an expression names, in the documented order', () =>
    expect(fieldsRead(expr)).toEqual([
      'household.perCapitaIncomeFen',
      'household.dibaoStandardFen',
      'person.age',
    ]));
  it('keeps the figures read and writes them for the department in yuan', () => {
    const ev = evidenceOf(fieldsRead(expr), ctx);
    expect(ev).toEqual({
      'household.perCapitaIncomeFen': 51_200,
      'household.dibaoStandardFen': 84_000,
      'person.age': 67,
    });
    expect(referralReason('家庭人均收入低于低保标准的老年人。', ev)).toBe(
      '家庭人均收入低于低保标准的老年人（人均月收入 512.00 元，低保标准 840.00 元，年龄 67 周岁）',
    );
  });
  it('shows lists, flags, grades and ratios in words', () =>
    expect(
      figuresText(
        evidenceOf(
          [
            'household.incomeRatio',
            'household.categories',
            'household.hasVehicle',
            'person.disabilityGrade',
            'person.selfCare',
          ],
          ctx,
        ),
      ),
    ).toBe(
      '人均收入与低保标准之比 0.61，监测类别 低保边缘家庭成员，有机动车 否，残疾等级 2 级，生活自理能力 半自理',
    ));
});
