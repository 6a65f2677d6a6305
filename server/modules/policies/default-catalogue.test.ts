import { describe, expect, it } from 'vitest';
import { POLICY_DEPARTMENT_CODES, policyInput } from '../../../contracts/policies.ts';
import type { CelHousehold } from '../../rules/cel/context.ts';
import {
  celHousehold,
  celPerson,
  householdContext,
  personContexts,
} from '../../rules/cel/context-builder.ts';
import { compilePolicyExpression, validatePolicyExpression } from '../../rules/cel/policy-cel.ts';
import { DEFAULT_DEPARTMENTS, DEFAULT_POLICIES } from './default-catalogue.ts';

// The demo catalogue of §9.3 (12 departments, 37 policies) against a small hand-made household set:
// for every policy, exactly which households (HOUSEHOLD policies) or members (PERSON policies, "H1#2"
// = the third member of H1) it must match. A policy without a positive case fails the test.

const STD = 80_000; // the 低保 standard, 800 yuan per person-month
const p = celPerson;
const H: Record<string, CelHousehold> = {
  // H1 rural 低保 family: unemployed father, working mother, a physically disabled child in school.
  H1: celHousehold({
    area: 'rural',
    dibaoStandardFen: STD,
    activeSchemes: ['DIBAO'],
    categories: ['DIBAO'],
    members: [
      p({ age: 42, isHead: true, unemployed: true, monthlyIncomeFen: 30_000 }),
      p({ age: 40, sex: 'F', monthlyIncomeFen: 20_000 }),
      p({ age: 10, disabilityGrade: 2, disabilityCategory: 4, inEducation: true }),
    ],
  }),
  // H2 an urban man of 82 living alone, no income, fully lost self-care, not yet helped.
  H2: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    members: [p({ age: 82, selfCare: 'FULL_LOSS' })],
  }),
  // H3 rural couple just above the line (1.2 ×), the head seriously ill.
  H3: celHousehold({
    area: 'rural',
    dibaoStandardFen: STD,
    members: [
      p({ age: 55, isHead: true, seriousIllness: true, monthlyIncomeFen: 152_000 }),
      p({ age: 53, sex: 'F', monthlyIncomeFen: 40_000 }),
    ],
  }),
  // H4 urban zero-employment family: both parents unemployed, a child of 5 in kindergarten.
  H4: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    members: [
      p({ age: 38, isHead: true, unemployed: true }),
      p({ age: 36, sex: 'F', unemployed: true }),
      p({ age: 5, inEducation: true }),
    ],
  }),
  // H5 rural-revitalisation monitored household (1.3 ×): a high-school pupil and a grandfather.
  H5: celHousehold({
    area: 'rural',
    dibaoStandardFen: STD,
    categories: ['RURAL_REVITALIZATION_MONITORED'],
    members: [
      p({ age: 48, isHead: true, monthlyIncomeFen: 300_000 }),
      p({ age: 46, sex: 'F', monthlyIncomeFen: 116_000 }),
      p({ age: 17, inEducation: true }),
      p({ age: 70 }),
    ],
  }),
  // H6 an orphan of 9 in school living with a grandmother of 72 on a small pension.
  H6: celHousehold({
    area: 'rural',
    dibaoStandardFen: STD,
    members: [
      p({ age: 72, sex: 'F', isHead: true, monthlyIncomeFen: 20_000 }),
      p({ age: 9, inEducation: true }),
    ],
  }),
  // H7 a well-off urban family with a car: matches nothing.
  H7: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    hasVehicle: true,
    members: [
      p({ age: 40, isHead: true, monthlyIncomeFen: 1_000_000 }),
      p({ age: 38, sex: 'F', monthlyIncomeFen: 800_000 }),
      p({ age: 8, inEducation: true }),
    ],
  }),
  // H8 a rural 特困 person of 75, partly lost self-care (already supported).
  H8: celHousehold({
    area: 'rural',
    dibaoStandardFen: STD,
    members: [p({ age: 75, selfCare: 'PARTIAL_LOSS', activeSchemes: ['TEKUN'], categories: ['TEKUN'] })],
  }),
  // H9 urban: a man of 30 with a grade-1 mental disability and his mother (1.19 ×, 低保边缘).
  H9: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    members: [
      p({ age: 30, disabilityGrade: 1, disabilityCategory: 6, isHead: true }),
      p({ age: 58, sex: 'F', monthlyIncomeFen: 190_000 }),
    ],
  }),
  // H10 urban family at 1.67 × with a hearing-impaired child of 4 in kindergarten.
  H10: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    members: [
      p({ age: 33, isHead: true, monthlyIncomeFen: 250_000 }),
      p({ age: 31, sex: 'F', monthlyIncomeFen: 150_000 }),
      p({ age: 4, disabilityGrade: 3, disabilityCategory: 2, inEducation: true }),
    ],
  }),
  // H11 urban 低保 single mother of 45 with a serious illness and a son of 19 at university.
  H11: celHousehold({
    area: 'urban',
    dibaoStandardFen: STD,
    activeSchemes: ['DIBAO'],
    categories: ['DIBAO'],
    members: [
      p({ age: 45, sex: 'F', isHead: true, seriousIllness: true, monthlyIncomeFen: 60_000 }),
      p({ age: 19, inEducation: true }),
    ],
  }),
};

const EXPECTED: Record<string, string[]> = {
  'MZ-DIBAO': ['H2', 'H4', 'H6'],
  'MZ-DIBAO-SINGLE': ['H3#0', 'H9#0'],
  'MZ-TEKUN': ['H2#0'],
  'MZ-EDGE': ['H3', 'H5', 'H9'],
  'MZ-TEMP': ['H3', 'H11'],
  'MZ-DIS-LIVING': ['H1#2'],
  'MZ-DIS-CARE': ['H1#2', 'H9#0'],
  'MZ-ORPHAN': ['H6#1'],
  'MZ-ELDERLY': ['H2#0', 'H8#0'],
  'MZ-HEATING': ['H1', 'H8', 'H11'],
  'MZ-FUNERAL': ['H1', 'H8', 'H11'],
  'YB-SUBSIDY': ['H1#0', 'H1#1', 'H1#2', 'H5#0', 'H5#1', 'H5#2', 'H5#3', 'H8#0', 'H11#0', 'H11#1'],
  'YB-AID': ['H3#0', 'H11#0'],
  'JY-PRESCHOOL': ['H4#2'],
  'JY-COMPULSORY': ['H1#2', 'H6#1'],
  'JY-HIGH': ['H5#2'],
  'JY-COLLEGE': ['H11#1'],
  'ZJ-RENTAL': ['H2', 'H4', 'H9', 'H10', 'H11'],
  'ZJ-RENT-SUBSIDY': ['H2', 'H4', 'H11'],
  'ZJ-RURAL-HOUSE': ['H1', 'H3', 'H5', 'H6', 'H8'],
  'RS-EMPLOY-AID': ['H1#0', 'H4#0', 'H4#1'],
  'RS-PUBLIC-JOB': ['H4#0', 'H4#1'],
  'RS-PENSION': ['H1#0', 'H1#1', 'H5#0', 'H5#1', 'H9#0', 'H11#0'],
  'WJ-FAMILY-DOCTOR': ['H1#2', 'H2#0', 'H3#0', 'H5#3', 'H6#0', 'H8#0', 'H9#0', 'H10#2', 'H11#0'],
  'WJ-EMERGENCY': ['H11#0'],
  'YJ-WINTER': ['H1', 'H3', 'H5', 'H6', 'H8'],
  'YJ-HOUSE': ['H1', 'H5', 'H8'],
  'NY-RR-SUPPORT': ['H5'],
  'NY-RR-ENTRY': ['H1', 'H3', 'H6', 'H8'],
  'CL-CHILD-REHAB': ['H10#2'],
  'CL-AIDS': ['H1#2', 'H10#2'],
  'CL-BARRIER-FREE': ['H1', 'H9'],
  'SF-LEGAL-AID': ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H8', 'H9', 'H11'],
  'GH-HARDSHIP': ['H1', 'H3', 'H5', 'H9', 'H11'],
  'GH-AUTUMN-STUDY': ['H11#1'],
  'QT-HOPE-PROJECT': ['H1#2', 'H5#2', 'H6#1'],
  'QT-WOMEN-ILLNESS': ['H11#0'],
};

function matches(code: string): string[] {
  const policy = DEFAULT_POLICIES.find((x) => x.code === code);
  if (!policy) throw new Error(`no policy ${code}`);
  const run = compilePolicyExpression(policy.eligibility);
  const out: string[] = [];
  for (const [name, h] of Object.entries(H)) {
    if (policy.subject === 'HOUSEHOLD') {
      const r = run(householdContext(h));
      if (!r.ok) throw new Error(`${code} on ${name}: ${r.error}`);
      if (r.value) out.push(name);
    } else {
      personContexts(h).forEach((ctx, i) => {
        const r = run(ctx);
        if (!r.ok) throw new Error(`${code} on ${name}#${i}: ${r.error}`);
        if (r.value) out.push(`${name}#${i}`);
      });
    }
  }
  return out;
}

describe('the demo catalogue (§9.3: 12 departments, 37 policies)', () => {
  it('has the 12 departments and exactly 37 policies, each code once, every department with a policy', () => {
    expect(DEFAULT_DEPARTMENTS.map((d) => d.code).sort()).toEqual([...POLICY_DEPARTMENT_CODES].sort());
    expect(DEFAULT_POLICIES).toHaveLength(37);
    expect(new Set(DEFAULT_POLICIES.map((x) => x.code)).size).toBe(37);
    for (const d of POLICY_DEPARTMENT_CODES)
      expect(
        DEFAULT_POLICIES.some((x) => x.departmentCode === d),
        d,
      ).toBe(true);
  });

  it('every policy passes the editor’s checks (zod and CEL validation)', () => {
    for (const policy of DEFAULT_POLICIES) {
      expect(policyInput.safeParse(policy).error, policy.code).toBeUndefined();
      expect(validatePolicyExpression(policy.eligibility, policy.subject), policy.code).toEqual([]);
    }
  });

  it('the expectations table covers every policy, and every policy has a positive case', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(DEFAULT_POLICIES.map((x) => x.code).sort());
    for (const [code, expected] of Object.entries(EXPECTED)) expect(expected.length, code).toBeGreaterThan(0);
  });

  it.each(Object.keys(EXPECTED))('%s matches exactly its expected households and members', (code) => {
    expect(matches(code)).toEqual(EXPECTED[code]);
  });

  it('the well-off family (H7) matches nothing', () => {
    for (const policy of DEFAULT_POLICIES) expect(matches(policy.code), policy.code).not.toContain('H7');
  });

  it('a 民政 scheme already in force never matches again (低保 H1/H11, 特困 H8)', () => {
    expect(matches('MZ-DIBAO')).not.toEqual(expect.arrayContaining(['H1']));
    expect(matches('MZ-DIBAO')).not.toContain('H11');
    expect(matches('MZ-TEKUN')).not.toContain('H8#0');
  });

  it('conditions read income, property, membership or the listed special cases, never a job alone (§2.4)', () => {
    const meansTest = /incomeRatio|IncomeFen|activeSchemes|categories|hasVehicle|disability|seriousIllness/;
    for (const policy of DEFAULT_POLICIES) {
      expect(policy.eligibility, policy.code).toMatch(meansTest);
      if (policy.eligibility.includes('unemployed'))
        expect(policy.eligibility, policy.code).toMatch(/incomeRatio|activeSchemes/);
    }
  });
});
