import { describe, expect, it } from 'vitest';
import type { PolicyView } from '../../api/policies.ts';
import { departmentLabel, divisionQuery, filterPolicies, policyFormValues } from './policyModel.ts';

const policy = (over: Partial<PolicyView>): PolicyView => ({
  id: 'p1',
  code: 'EDU_AID',
  departmentCode: 'EDUCATION',
  departmentName: '教育',
  name: '学生资助',
  summary: '在校学生生活补助',
  legalBasis: '—',
  targetCategories: ['DIBAO'],
  benefit: '—',
  howToApply: '—',
  contact: '—',
  subject: 'PERSON',
  eligibility: 'person.inEducation',
  eligibilityText: '低保家庭在校学生',
  referable: true,
  active: true,
  version: 3,
  updatedAt: '2026-01-01T00:00:00Z',
  matchCount: 4,
  ...over,
});

describe('the catalogue search', () => {
  const items = [
    policy({}),
    policy({
      id: 'p2',
      code: 'MED_AID',
      departmentCode: 'MEDICAL_INSURANCE',
      departmentName: '医保',
      name: '医疗救助',
      summary: '',
      eligibilityText: '',
    }),
  ];
  it('filters by department', () => {
    expect(filterPolicies(items, '', 'MEDICAL_INSURANCE').map((p) => p.id)).toEqual(['p2']);
  });
  it('finds text in the code (any case), name or plain-words condition', () => {
    expect(filterPolicies(items, 'med_', undefined).map((p) => p.id)).toEqual(['p2']);
    expect(filterPolicies(items, '在校', undefined).map((p) => p.id)).toEqual(['p1']);
    expect(filterPolicies(items, '  ', undefined)).toHaveLength(2);
  });
});

describe('the editor form of a policy', () => {
  it('holds every field of policyInput and none of the view-only ones (the version goes separately)', () => {
    const v = policyFormValues(policy({}));
    expect(Object.keys(v).sort()).toEqual(
      [
        'active',
        'benefit',
        'code',
        'contact',
        'departmentCode',
        'eligibility',
        'eligibilityText',
        'howToApply',
        'legalBasis',
        'name',
        'referable',
        'subject',
        'summary',
        'targetCategories',
      ].sort(),
    );
  });
});

describe('labels and filters', () => {
  it('names a department in the UI language and keeps an unknown code', () => {
    expect(departmentLabel('HRSS', 'zh')).toBe('人社');
    expect(departmentLabel('HRSS', 'en')).toBe('Human resources and social security');
    expect(departmentLabel('X', 'zh')).toBe('X');
  });
  it('sends a 9-digit division as the town and a 12-digit one as the village; the county filters nothing', () => {
    expect(divisionQuery('320583101')).toEqual({ townCode: '320583101' });
    expect(divisionQuery('320583101201')).toEqual({ villageCode: '320583101201' });
    expect(divisionQuery('320583')).toEqual({});
    expect(divisionQuery(undefined)).toEqual({});
  });
});
