import { describe, expect, it } from 'vitest';
import type { PublicDivisions } from '../../../contracts/portal.ts';
import { relationName } from '../../../server/rules/relations.ts';
import {
  applicationFieldTarget,
  applicationPayload,
  contactParts,
  contactPayload,
  findPlace,
  guessArea,
  hotlinesOf,
  memberNumbers,
  RELATION_CHOICES,
  schemeOfPolicy,
  selfCheckPayload,
  villageFromParam,
} from './model.ts';

const divisions: PublicDivisions = {
  countyCode: '370902',
  countyName: '泰山区',
  hotlines: ['0538-6991234', '12349'],
  towns: [
    {
      code: '370902001',
      name: '财源街道',
      villages: [{ code: '370902001001', name: '东湖社区' }],
    },
    {
      code: '370902100',
      name: '邱家店镇',
      villages: [
        { code: '370902100201', name: '东羊楼村' },
        { code: '370902100202', name: '西羊楼村' },
      ],
    },
  ],
};

describe('the village from the poster', () => {
  it('takes a 12-digit code from ?v= and nothing else', () => {
    expect(villageFromParam('370902100201')).toBe('370902100201');
    expect(villageFromParam(' 370902100201 ')).toBe('370902100201');
    expect(villageFromParam('37090210020')).toBeNull();
    expect(villageFromParam('3709021002011')).toBeNull();
    expect(villageFromParam('abc')).toBeNull();
    expect(villageFromParam(null)).toBeNull();
  });

  it('finds the town and village names of a code', () => {
    expect(findPlace(divisions, '370902100202')).toEqual({
      townCode: '370902100',
      townName: '邱家店镇',
      villageCode: '370902100202',
      villageName: '西羊楼村',
    });
    expect(findPlace(divisions, '370902100999')).toBeNull();
    expect(findPlace(null, '370902100202')).toBeNull();
  });

  it('guesses urban for a 社区 and rural for a 村 (a default the citizen can change)', () => {
    expect(guessArea('东湖社区')).toBe('urban');
    expect(guessArea('东关居委会')).toBe('urban');
    expect(guessArea('东羊楼村')).toBe('rural');
    expect(guessArea('东羊楼村委会')).toBe('rural');
    expect(guessArea('开发区')).toBeNull();
    expect(guessArea('')).toBeNull();
  });

  it('lists 12349 first and once among the hotlines', () => {
    expect(hotlinesOf(divisions)).toEqual(['12349', '0538-6991234']);
    expect(hotlinesOf(null)).toEqual(['12349']);
  });
});

describe('contact lines', () => {
  const tels = (s: string) => contactParts(s).filter((p) => p.tel);

  it('turns landlines, mobiles and service lines into tel: links and keeps the text', () => {
    const parts = contactParts('区医保局 0538-6221234，或拨打12345、13812345678');
    expect(parts.map((p) => p.text).join('')).toBe('区医保局 0538-6221234，或拨打12345、13812345678');
    expect(tels('区医保局 0538-6221234，或拨打12345、13812345678').map((p) => p.tel)).toEqual([
      'tel:05386221234',
      'tel:12345',
      'tel:13812345678',
    ]);
  });

  it('does not cut a mobile into a landline and leaves years and counts alone', () => {
    expect(tels('13812345678').map((p) => p.text)).toEqual(['13812345678']);
    expect(tels('2024年起每人每月200元')).toEqual([]);
    expect(tels('(0538)6221234').map((p) => p.tel)).toEqual(['tel:05386221234']);
  });
});

describe('online application of a policy', () => {
  it.each([
    ['CA-DIBAO', 'DIBAO'],
    ['DIBAO', 'DIBAO'],
    ['CA_TEKUN', 'TEKUN'],
    ['CA-DIBAO-EDGE', null],
    ['MA-SUBSIDY', null],
    ['DIBAOX', null],
  ] as const)('%s → %s', (code, scheme) => {
    expect(schemeOfPolicy(code)).toBe(scheme);
  });
});

describe('relations offered to the applicant', () => {
  it('are GB/T 4761 codes with the standard Chinese names (server/rules/relations.ts)', () => {
    for (const r of RELATION_CHOICES) expect(relationName(r.code)).toBe(r.zh);
  });
  it('fit the contract (at most 4 characters) and are unique', () => {
    const codes = RELATION_CHOICES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c.length).toBeLessThanOrEqual(4);
  });
});

describe('request bodies', () => {
  it('sends the self-check with blanks as 0 and the village when known', () => {
    const body = selfCheckPayload(
      {
        area: 'urban',
        members: [
          { age: 67, disabilityGrade: 2, selfCare: 'PARTIAL_LOSS', monthlyIncomeYuan: null },
          { age: 12.0, inEducation: true },
        ],
        hasVehicle: false,
        financialAssetsYuan: null,
        rigidSpendingYuan: 12000,
        receiving: ['DIBAO'],
      },
      '370902001001',
    );
    expect(body).toEqual({
      villageCode: '370902001001',
      area: 'urban',
      members: [
        {
          age: 67,
          sex: 'M',
          disabilityGrade: 2,
          selfCare: 'PARTIAL_LOSS',
          inEducation: false,
          unemployed: false,
          seriousIllness: false,
          monthlyIncomeYuan: 0,
        },
        {
          age: 12,
          sex: 'M',
          disabilityGrade: 0,
          selfCare: 'UNKNOWN',
          inEducation: true,
          unemployed: false,
          seriousIllness: false,
          monthlyIncomeYuan: 0,
        },
      ],
      hasVehicle: false,
      financialAssetsYuan: 0,
      rigidSpendingYuan: 12000,
      receiving: ['DIBAO'],
    });
    expect(selfCheckPayload({ members: [{ age: 30 }] }, null)).not.toHaveProperty('villageCode');
  });

  it('sends the application trimmed, with ID numbers upper-case and blank member rows dropped', () => {
    const body = applicationPayload({
      scheme: 'TEKUN',
      villageCode: '370902100201',
      applicantName: ' 张三 ',
      address: ' 东羊楼村 3 号 ',
      members: [{ name: '李四', idNumber: '11010519491231002x', relation: '10' }, {}],
      reason: ' 年老无依 ',
      monthlyIncomeYuan: 300,
      attachmentIds: ['a'],
      consent: true,
      pledge: undefined,
    });
    expect(body).toEqual({
      scheme: 'TEKUN',
      villageCode: '370902100201',
      applicantName: '张三',
      address: '东羊楼村 3 号',
      members: [{ name: '李四', idNumber: '11010519491231002X', relation: '10' }],
      reason: '年老无依',
      monthlyIncomeYuan: 300,
      attachmentIds: ['a'],
      consent: true,
      pledge: false,
    });
  });

  it('leaves out blank optional contact fields (anonymous objections are allowed)', () => {
    expect(contactPayload({ contactName: ' ', contactPhone: '' })).toEqual({});
    expect(contactPayload({ contactName: ' 王五 ', contactPhone: '13812345678' })).toEqual({
      contactName: '王五',
      contactPhone: '13812345678',
    });
  });

  it('puts server field issues at the application field they name', () => {
    expect(applicationFieldTarget(['members', 1, 'idNumber'])).toEqual(['members', 1, 'idNumber']);
    expect(applicationFieldTarget(['attachmentIds', 3])).toEqual(['attachmentIds']);
    expect(applicationFieldTarget(['idNumber'])).toBeNull();
    expect(applicationFieldTarget(['somethingElse'])).toBeNull();
    expect(applicationFieldTarget([])).toBeNull();
  });

  it('numbers the members of a self-check policy from 1', () => {
    expect(memberNumbers([2, 0, 2])).toEqual([1, 3]);
    expect(memberNumbers([])).toEqual([]);
  });
});
