import { describe, expect, it } from 'vitest';
import type { PersonParsed } from '../../../contracts/registry.ts';
import { makeIdNumber } from '../../rules/id-number.ts';
import { validateMembers, validatePerson } from './registry.models.ts';

// The registry's person checks (issue M1): every problem is reported at its field, in Chinese and
// English. Sources: GB 11643 (§11.1), GB/T 4761 (§11.5), disability certificates (§11.3).

const TODAY = '2026-11-29';
const ID = makeIdNumber('370911', '1955-01-01', 2);
const base = {
  name: '张三',
  idType: 'resident',
  idNumber: ID,
  relationCode: '02',
  inFulltimeEducation: false,
  cohabitingLongTerm: true,
  monthlyIncomeFen: 0,
} as PersonParsed;

describe('validatePerson', () => {
  it.each([
    [
      'GB 11643: wrong check digit',
      { idNumber: `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}` },
      'idNumber',
    ],
    ['GB 11643: birth date in the future', { idNumber: makeIdNumber('370911', '2027-01-01', 3) }, 'idNumber'],
    ['GB/T 4761: unknown relation code', { relationCode: '98' }, 'relationCode'],
    ['GB/T 3304: unknown ethnicity code', { ethnicity: '77' }, 'ethnicity'],
    ['GB/T 2261.2: unknown marital status', { maritalStatus: '55' }, 'maritalStatus'],
    ['phone: neither mobile nor landline', { phone: '12345' }, 'phone'],
    ['bank account: too short', { bankAccount: '62220212' }, 'bankAccount'],
    [
      '§11.3: certificate of another person',
      { disabilityCertificate: `${makeIdNumber('370911', '1960-02-02', 5)}42` },
      'disabilityCertificate',
    ],
    ['§11.3: category 8 does not exist', { disabilityCertificate: `${ID}82` }, 'disabilityCertificate'],
  ] as const)('%s → an issue at %s', (_rule, patch, field) => {
    const r = validatePerson({ ...base, ...patch } as PersonParsed, 'members.0', TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field)).toEqual([`members.0.${field}`]);
    expect(r.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.issues[0]!.messageEn).toMatch(/[a-z]/);
  });

  it.each([
    ['GB 11643: sex and birth date come from the ID number', {}, { sex: 2, birthDate: '1955-01-01' }],
    [
      'GB 11643 §11.1: a 15-digit number is converted',
      { idNumber: '110105491231002' },
      { idNumber: '11010519491231002X', sex: 2 },
    ],
    [
      '§11.1: lowercase x is normalised',
      { idNumber: '11010519491231002x' },
      { idNumber: '11010519491231002X' },
    ],
    [
      '§11.3: a certificate is parsed into category and grade',
      { disabilityCertificate: `${ID}51` },
      { disability: { certificate: `${ID}51`, category: 5, grade: 1 } },
    ],
    ['landline with area code is accepted', { phone: '0538-8221234' }, { phone: '05388221234' }],
  ] as const)('%s', (_rule, patch, expected) => {
    const r = validatePerson({ ...base, ...patch } as PersonParsed, '', TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it('asks a foreigner’s document for sex and birth date, which it does not encode', () => {
    const r = validatePerson({ ...base, idType: 'foreign', idNumber: 'USA123456789012' }, '', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['birthDate', 'sex']);
  });
});

describe('validateMembers', () => {
  it('needs exactly one head (relation 02) and no ID number twice, reporting all at once', () => {
    const r = validateMembers(
      [
        { ...base, relationCode: '10' },
        { ...base, relationCode: '20' },
      ],
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['members', 'members.1.idNumber']);
  });
  it('refuses two heads', () => {
    const r = validateMembers([base, { ...base, idNumber: makeIdNumber('370911', '1957-03-03', 8) }], TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.messageEn).toContain('only one head');
  });
});
