// Who counts as a co-resident family member (共同生活的家庭成员) for 低保 (domain-rules §3.2, S1 Art.7).
// Pure: age is computed by the caller (ageOn) for the relevant date, so the rule has no clock.
import { type EducationLevel, isSpecialStatus, type SpecialStatus } from './codes.ts';
import type { RelationGroup } from './relations.ts';

export type MemberFacts = {
  /** Relation to the applicant, see relationGroup(). */
  relationGroup: RelationGroup;
  age: number;
  inFulltimeEducation: boolean;
  /** An EDUCATION_LEVELS code. */
  educationLevel: string | null;
  canLiveIndependently: boolean;
  /** 赡养、扶养或者抚养义务 between this person and the applicant's family. */
  legalSupportDuty: boolean;
  cohabitingLongTerm: boolean;
  /** A SPECIAL_STATUSES code; other values do not exclude. */
  specialStatus: string | null;
};

export type MembershipReason = { rule: string; source: string; zh: string; en: string };
export type MembershipAssessment = { included: boolean; reasons: MembershipReason[] };

/** Age of majority, 民法典 Art.17 [K]. */
export const ADULT_AGE = 18;

// "全日制本科及以下学历教育" — postgraduate study does not qualify (S1 Art.7(三)).
const BACHELOR_OR_BELOW: ReadonlySet<string> = new Set<EducationLevel>([
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'bachelor',
]);

const R = {
  self: {
    rule: 'membership.include.applicant',
    source: 'S1 Art.7',
    zh: '申请人本人',
    en: 'the applicant',
  },
  spouse: { rule: 'membership.include.spouse', source: 'S1 Art.7(一)', zh: '配偶', en: 'spouse' },
  minorChild: {
    rule: 'membership.include.minor_child',
    source: 'S1 Art.7(二)',
    zh: '未成年子女',
    en: 'minor child',
  },
  dependentAdultChild: {
    rule: 'membership.include.dependent_adult_child',
    source: 'S1 Art.7(三)',
    zh: '已成年的不能独立生活的子女',
    en: 'adult child unable to live independently',
  },
  studentAdultChild: {
    rule: 'membership.include.student_adult_child',
    source: 'S1 Art.7(三)',
    zh: '在校接受全日制本科及以下学历教育的成年子女',
    en: "adult child in full-time education at bachelor's level or below",
  },
  supportDuty: {
    rule: 'membership.include.support_duty_cohabiting',
    source: 'S1 Art.7(四)',
    zh: '与申请人有赡养、扶养或者抚养关系并长期共同居住的人员',
    en: 'person with a legal duty of support who lives with the applicant long-term',
  },
  clergy: {
    rule: 'membership.exclude.clergy_3y',
    source: 'S1 Art.7 exclusion (一)',
    zh: '连续三年以上脱离家庭独立生活的宗教教职人员',
    en: 'clergy who have lived apart from the family for 3 or more continuous years',
  },
  prison: {
    rule: 'membership.exclude.in_prison',
    source: 'S1 Art.7 exclusion (二)',
    zh: '在监狱内服刑人员',
    en: 'serving a prison sentence',
  },
  rehab: {
    rule: 'membership.exclude.compulsory_rehab',
    source: 'S1 Art.7 exclusion (二)',
    zh: '在强制隔离戒毒所内强制隔离戒毒人员',
    en: 'in compulsory drug rehabilitation',
  },
  missing: {
    rule: 'membership.exclude.declared_missing',
    source: 'S1 Art.7 exclusion (二)',
    zh: '宣告失踪人员',
    en: 'declared missing',
  },
  none: {
    rule: 'membership.not_included',
    source: 'S1 Art.7',
    zh: '不符合共同生活家庭成员的任何认定情形',
    en: 'meets none of the household-membership criteria',
  },
} as const satisfies Record<string, MembershipReason>;

const EXCLUSION_BY_STATUS: Readonly<Record<SpecialStatus, MembershipReason>> = {
  CLERGY_3Y: R.clergy,
  IN_PRISON: R.prison,
  COMPULSORY_REHAB: R.rehab,
  DECLARED_MISSING: R.missing,
};

/**
 * Inclusions (一)–(四) and exclusions (一)–(二) of S1 Art.7. An exclusion always wins; the matched
 * inclusions are still reported so that a caseworker sees why the person was considered at all.
 * Exclusion (三) ("others defined by the province") is not encoded: no Shandong rule is known (§10.3).
 */
export function assessMembership(member: MemberFacts): MembershipAssessment {
  const inclusions: MembershipReason[] = [];
  const isChild = member.relationGroup === 'child';

  if (member.relationGroup === 'self') inclusions.push(R.self);
  if (member.relationGroup === 'spouse') inclusions.push(R.spouse);
  if (isChild && member.age < ADULT_AGE) inclusions.push(R.minorChild);
  if (isChild && member.age >= ADULT_AGE) {
    if (!member.canLiveIndependently) inclusions.push(R.dependentAdultChild);
    const qualifyingStudy =
      member.inFulltimeEducation &&
      member.educationLevel !== null &&
      BACHELOR_OR_BELOW.has(member.educationLevel);
    if (qualifyingStudy) inclusions.push(R.studentAdultChild);
  }
  // Spouse and children are already covered above; (四) is for everyone else (parents, grandchildren…).
  if (inclusions.length === 0 && member.legalSupportDuty && member.cohabitingLongTerm) {
    inclusions.push(R.supportDuty);
  }

  const exclusion = isSpecialStatus(member.specialStatus)
    ? EXCLUSION_BY_STATUS[member.specialStatus]
    : undefined;
  if (exclusion) return { included: false, reasons: [...inclusions, exclusion] };
  if (inclusions.length === 0) return { included: false, reasons: [R.none] };
  return { included: true, reasons: inclusions };
}
