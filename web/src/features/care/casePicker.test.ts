import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../api/cases.ts';
import { caseLabel, eligibleCases, isCaseId, matchCases, uniqueCases } from './casePicker.ts';

// The case picker of "cover a person" lists what addCoverage accepts (§5.4): an active 特困 case of
// the contract's town; the rest would be refused (care.not_dispersed_tekun, or the town check).

const TOWN = '370971001';
const base: CaseSummary = {
  id: '0b8c3d5e-1111-4222-8333-444455556666',
  caseNo: 'TK2026-0001',
  scheme: 'TEKUN',
  stage: 'ACTIVE',
  state: 'IN_SUPPORT',
  householdId: 'h1',
  householdNo: 'HH-0001',
  applicantMask: '张*三',
  townCode: TOWN,
  villageCode: `${TOWN}001`,
  channel: 'WINDOW',
  deadline: null,
  overallDue: null,
  nextReviewOn: null,
  overdue: false,
  appliedOn: '2026-01-05',
  decidedOn: '2026-01-20',
  legacy: false,
  closeRelative: false,
  currentAmountFen: 100_000,
};
const c = (over: Partial<CaseSummary>): CaseSummary => ({ ...base, ...over });
const villages: Record<string, string> = { [`${TOWN}001`]: '东村', [`${TOWN}002`]: '西村' };
const village = (code: string) => villages[code] ?? code;

describe('care case picker', () => {
  it('lists only active 特困 cases of the contract’s town', () => {
    const cases = [
      c({ id: 'a' }),
      c({ id: 'b', scheme: 'DIBAO' }),
      c({ id: 'c', stage: 'APPLICATION' }),
      c({ id: 'd', stage: 'CLOSED' }),
      c({ id: 'e', townCode: '370971002', villageCode: '370971002001' }),
    ];
    expect(eligibleCases(cases, TOWN).map((x) => x.id)).toEqual(['a']);
  });

  it('finds a case by part of its number, household number, masked name or village name', () => {
    const cases = [
      c({ id: 'a', caseNo: 'TK2026-0001', applicantMask: '张*三' }),
      c({
        id: 'b',
        caseNo: 'TK2026-0002',
        householdNo: 'HH-0777',
        applicantMask: '李*',
        villageCode: `${TOWN}002`,
      }),
    ];
    expect(matchCases(cases, '0002', village).map((x) => x.id)).toEqual(['b']);
    expect(matchCases(cases, 'hh-0777', village).map((x) => x.id)).toEqual(['b']);
    expect(matchCases(cases, '张', village).map((x) => x.id)).toEqual(['a']);
    expect(matchCases(cases, '西村', village).map((x) => x.id)).toEqual(['b']);
    expect(matchCases(cases, '  ', village)).toHaveLength(2);
    expect(matchCases(cases, '北村', village)).toHaveLength(0);
  });

  it('accepts a typed case id (uuid) as the form did before the picker', () => {
    expect(isCaseId(' 0B8C3D5E-1111-4222-8333-444455556666 ')).toBe(true);
    expect(isCaseId('TK2026-0001')).toBe(false);
    expect(isCaseId('0b8c3d5e-1111-4222-8333-44445555666')).toBe(false);
  });

  it('lists a case once when both the server and the loaded list have it', () => {
    const a = c({ id: 'a' });
    const b = c({ id: 'b' });
    expect(uniqueCases([a], [b, a], [a]).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('labels a case with its number, masked name and village', () => {
    expect(caseLabel(base, village)).toBe('TK2026-0001 · 张*三 · 东村');
    expect(caseLabel(c({ applicantMask: null, villageCode: '370971009009' }), village)).toBe(
      'TK2026-0001 · — · 370971009009',
    );
  });
});
