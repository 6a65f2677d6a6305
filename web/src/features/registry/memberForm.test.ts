import { describe, expect, it } from 'vitest';
import { memberPatch, resolveMemberField, toPersonInput } from './memberForm.ts';

describe('resolveMemberField', () => {
  it('puts server member fields at the form field, income at the yuan input', () => {
    expect(resolveMemberField(['idNumber'], ['members', 1], 'resident')).toEqual(['members', 1, 'idNumber']);
    expect(resolveMemberField(['monthlyIncomeFen'], [], 'resident')).toEqual(['monthlyIncome']);
  });
  it('drops sex/birth date for documents that encode them and keeps them for foreign cards', () => {
    expect(resolveMemberField(['sex'], ['members', 0], 'resident')).toBe(false);
    expect(resolveMemberField(['birthDate'], ['members', 0], 'foreign')).toEqual(['members', 0, 'birthDate']);
  });
  it('leaves unknown fields for the list above the form', () => {
    expect(resolveMemberField(['whatever'], [], 'resident')).toBeNull();
  });
});

describe('toPersonInput', () => {
  it('normalises the typed values', () => {
    const p = toPersonInput({
      name: ' 张三 ',
      idType: 'resident',
      idNumber: '37091119550101002x',
      relationCode: '02',
      phone: '',
      monthlyIncome: '1200.5',
    });
    expect(p).toMatchObject({ name: '张三', idNumber: '37091119550101002X', monthlyIncomeFen: 120050 });
    expect(p.phone).toBeUndefined();
    expect(p.inFulltimeEducation).toBe(false);
    expect(p.cohabitingLongTerm).toBe(true);
  });
});

describe('memberPatch', () => {
  it('sends only what changed; empty identifiers keep the recorded values', () => {
    const m = {
      memberId: 'm',
      personId: 'p',
      name: '张三',
      nameMasked: '张*',
      idType: 'resident' as const,
      idNumberMasked: '3709**********0026',
      relationCode: '10',
      sex: 2,
      birthDate: '1955-01-01',
      age: 70,
      ethnicity: '01',
      maritalStatus: null,
      phoneMasked: '139****5678',
      bankAccountMasked: null,
      bankName: null,
      disability: null,
      selfCareLevel: null,
      educationLevel: null,
      inFulltimeEducation: false,
      specialStatus: null,
      cohabitingLongTerm: true,
      employmentStatus: null,
      monthlyIncomeFen: 0,
      joinedOn: '2025-01-01',
      leftOn: null,
      leftReason: null,
    };
    expect(
      memberPatch(
        {
          name: '张三',
          idType: 'resident',
          relationCode: '10',
          ethnicity: '01',
          monthlyIncome: '800',
          phone: '',
        },
        m,
      ),
    ).toEqual({ monthlyIncomeFen: 80000 });
  });
});
