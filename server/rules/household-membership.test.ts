import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPECIAL_STATUSES } from './codes.ts';
import { assessMembership, type MemberFacts } from './household-membership.ts';
import type { RelationGroup } from './relations.ts';

const base: MemberFacts = {
  relationGroup: 'other',
  age: 40,
  inFulltimeEducation: false,
  educationLevel: null,
  canLiveIndependently: true,
  legalSupportDuty: false,
  cohabitingLongTerm: false,
  specialStatus: null,
};

const kid = (age: number, more: Partial<MemberFacts> = {}): Partial<MemberFacts> => ({
  relationGroup: 'child',
  age,
  ...more,
});
const study = (educationLevel: string | null) => ({ inFulltimeEducation: true, educationLevel });
const duty = { legalSupportDuty: true, cohabitingLongTerm: true };

// [source, case, facts, included, expected reason rules (prefix "membership." omitted)]
type Row = [string, string, Partial<MemberFacts>, boolean, string[]];
const IN = 'include.';
const NONE = ['not_included'];

const ROWS: Row[] = [
  ['S1 Art.7', 'applicant', { relationGroup: 'self' }, true, [`${IN}applicant`]],
  // (一) a spouse counts even when not cohabiting long-term
  ['S1 Art.7(一)', 'spouse', { relationGroup: 'spouse' }, true, [`${IN}spouse`]],
  // (二) minor children, whatever their living arrangement
  ['S1 Art.7(二)', 'child aged 0', kid(0), true, [`${IN}minor_child`]],
  ['S1 Art.7(二); 民法典 Art.17', 'child aged 17', kid(17), true, [`${IN}minor_child`]],
  ['S1 Art.7(二)–(三); 民法典 Art.17', 'independent child aged 18', kid(18), false, NONE],
  // (三) adult children who cannot live independently, incl. full-time study at 本科 or below
  [
    'S1 Art.7(三)',
    'dependent adult child',
    kid(35, { canLiveIndependently: false }),
    true,
    [`${IN}dependent_adult_child`],
  ],
  ['S1 Art.7(三)', 'bachelor student', kid(20, study('bachelor')), true, [`${IN}student_adult_child`]],
  ['S1 Art.7(三)', 'college (专科) student', kid(19, study('college')), true, [`${IN}student_adult_child`]],
  [
    'S1 Art.7(三)',
    'senior-school student aged 18',
    kid(18, study('senior')),
    true,
    [`${IN}student_adult_child`],
  ],
  ['S1 Art.7(三) 本科及以下', 'full-time postgraduate', kid(24, study('postgraduate')), false, NONE],
  ['S1 Art.7(三) 全日制', 'part-time bachelor student', kid(22, { educationLevel: 'bachelor' }), false, NONE],
  ['S1 Art.7(三)', 'student with unknown level', kid(20, study(null)), false, NONE],
  [
    'S1 Art.7(三)',
    'dependent postgraduate',
    kid(25, { ...study('postgraduate'), canLiveIndependently: false }),
    true,
    [`${IN}dependent_adult_child`],
  ],
  // (四) legal support duty AND long-term cohabitation
  [
    'S1 Art.7(四)',
    'parent living together',
    { relationGroup: 'parent', age: 70, ...duty },
    true,
    [`${IN}support_duty_cohabiting`],
  ],
  [
    'S1 Art.7(四)',
    'grandchild raised by applicant',
    { relationGroup: 'grandchild', age: 8, ...duty },
    true,
    [`${IN}support_duty_cohabiting`],
  ],
  [
    'S1 Art.7(四)',
    'adult son supporting applicant at home',
    kid(45, duty),
    true,
    [`${IN}support_duty_cohabiting`],
  ],
  [
    'S1 Art.7(四) 长期共同居住',
    'parent living elsewhere',
    { relationGroup: 'parent', legalSupportDuty: true },
    false,
    NONE,
  ],
  [
    'S1 Art.7(四) 赡养/扶养/抚养',
    'sibling without support duty',
    { relationGroup: 'sibling', cohabitingLongTerm: true },
    false,
    NONE,
  ],
  ['S1 Art.7', 'lodger', { relationGroup: 'other', cohabitingLongTerm: true }, false, NONE],
  // exclusion (一) clergy apart ≥ 3 years wins over inclusion (一)
  [
    'S1 Art.7 exclusion (一)',
    'spouse who is clergy 3y',
    { relationGroup: 'spouse', specialStatus: 'CLERGY_3Y' },
    false,
    [`${IN}spouse`, 'exclude.clergy_3y'],
  ],
  // exclusion (二) prison, compulsory rehabilitation, declared missing — each wins
  [
    'S1 Art.7 exclusion (二)',
    'spouse in prison',
    { relationGroup: 'spouse', specialStatus: 'IN_PRISON' },
    false,
    [`${IN}spouse`, 'exclude.in_prison'],
  ],
  [
    'S1 Art.7 exclusion (二)',
    'minor in compulsory rehab',
    kid(17, { specialStatus: 'COMPULSORY_REHAB' }),
    false,
    [`${IN}minor_child`, 'exclude.compulsory_rehab'],
  ],
  [
    'S1 Art.7 exclusion (二)',
    'cohabiting parent declared missing',
    { relationGroup: 'parent', ...duty, specialStatus: 'DECLARED_MISSING' },
    false,
    [`${IN}support_duty_cohabiting`, 'exclude.declared_missing'],
  ],
  [
    'S1 Art.7 exclusion (二)',
    'lodger in prison',
    { specialStatus: 'IN_PRISON' },
    false,
    ['exclude.in_prison'],
  ],
  // exclusion (三) is provincial (§10.3): an unrecognised status excludes nobody
  [
    'S1 Art.7 exclusion (三)',
    'spouse with unknown status',
    { relationGroup: 'spouse', specialStatus: 'SOMETHING_ELSE' },
    true,
    [`${IN}spouse`],
  ],
];

describe('assessMembership', () => {
  it.each(ROWS)('[%s] %s', (_src, _name, facts, included, rules) => {
    const r = assessMembership({ ...base, ...facts });
    expect(r.included).toBe(included);
    expect(r.reasons.map((x) => x.rule)).toEqual(rules.map((x) => `membership.${x}`));
    for (const reason of r.reasons) {
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/[a-z]/);
      expect(reason.source).toMatch(/^S1 Art\.7/);
    }
  });
});

const groupArb = fc.constantFrom<RelationGroup>(
  'self',
  'spouse',
  'child',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other',
);
const factsArb = fc.record({
  relationGroup: groupArb,
  age: fc.integer({ min: 0, max: 110 }),
  inFulltimeEducation: fc.boolean(),
  educationLevel: fc.constantFrom(null, 'none', 'primary', 'senior', 'college', 'bachelor', 'postgraduate'),
  canLiveIndependently: fc.boolean(),
  legalSupportDuty: fc.boolean(),
  cohabitingLongTerm: fc.boolean(),
  specialStatus: fc.constantFrom(null, ...SPECIAL_STATUSES.map((s) => s.code)),
});

describe('assessMembership properties (S1 Art.7)', () => {
  it('an exclusion always wins', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        if (f.specialStatus !== null) expect(assessMembership(f).included).toBe(false);
      }),
    );
  });

  it('always gives at least one reason, and included ⇔ only inclusion reasons', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const r = assessMembership(f);
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(r.included).toBe(r.reasons.every((x) => x.rule.startsWith('membership.include.')));
      }),
    );
  });

  it('a spouse or minor child without a special status is always included', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const core = f.relationGroup === 'spouse' || (f.relationGroup === 'child' && f.age < 18);
        if (core && f.specialStatus === null) expect(assessMembership(f).included).toBe(true);
      }),
    );
  });
});
