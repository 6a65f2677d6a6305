import type { HouseholdInput, PersonParsed } from '../../../contracts/registry.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { isEthnicityCode, isMaritalStatusCode } from '../../rules/codes.ts';
import { parseDisabilityCertificate } from '../../rules/disability.ts';
import { checkIdNumber } from '../../rules/id-number.ts';
import { checkBankAccount, isPhone } from '../../rules/masking.ts';
import { isRelationCode } from '../../rules/relations.ts';

// Pure checks of registry input. They collect every problem (not just the first), each tied to
// its field, so a form can show them all at once and an import can list them per row.

export const HEAD_RELATION = '02';

export type NormalizedPerson = Omit<
  PersonParsed,
  'idNumber' | 'sex' | 'birthDate' | 'phone' | 'bankAccount'
> & {
  idNumber: string;
  sex: 1 | 2;
  birthDate: string;
  phone: string | null;
  bankAccount: string | null;
  disability: { certificate: string; category: number; grade: number } | null;
};

type Result<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

const issue = (field: string, message: string, messageEn: string, expected?: string): FieldIssue => ({
  field,
  message,
  messageEn,
  ...(expected ? { expected } : {}),
});

export function validatePerson(p: PersonParsed, prefix: string, today: string): Result<NormalizedPerson> {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const issues: FieldIssue[] = [];
  let idNumber = p.idNumber;
  let sex = p.sex ?? null;
  let birthDate = p.birthDate ?? null;

  const id = checkIdNumber(p.idNumber, p.idType);
  if (!id.ok) {
    issues.push(issue(f('idNumber'), id.message, id.messageEn, id.expected));
  } else {
    idNumber = id.value;
    if (id.birthDate) birthDate = id.birthDate;
    if (id.sex) sex = id.sex;
    if (id.birthDate && id.birthDate > today) {
      issues.push(
        issue(
          f('idNumber'),
          `出生日期 ${id.birthDate} 晚于今天`,
          `birth date ${id.birthDate} is in the future`,
          'a birth date on or before today',
        ),
      );
    }
  }
  // Sex and birth date come from the ID number; ask for them only where the document lacks them.
  if (id.ok && !sex)
    issues.push(
      issue(f('sex'), '请填写性别', 'the sex is required for this document type', '1 (男) or 2 (女)'),
    );
  if (id.ok && !birthDate)
    issues.push(
      issue(
        f('birthDate'),
        '请填写出生日期',
        'the birth date is required for this document type',
        'YYYY-MM-DD',
      ),
    );

  if (!isRelationCode(p.relationCode)) {
    issues.push(
      issue(
        f('relationCode'),
        `与户主关系代码 ${p.relationCode} 不存在`,
        `unknown relation code ${p.relationCode}`,
        'a GB/T 4761-2008 code, e.g. 02 户主, 10 配偶',
      ),
    );
  }
  if (p.ethnicity && !isEthnicityCode(p.ethnicity)) {
    issues.push(
      issue(
        f('ethnicity'),
        `民族代码 ${p.ethnicity} 不存在`,
        `unknown ethnicity code ${p.ethnicity}`,
        'a GB/T 3304 code, e.g. 01 汉族',
      ),
    );
  }
  if (p.maritalStatus && !isMaritalStatusCode(p.maritalStatus)) {
    issues.push(
      issue(
        f('maritalStatus'),
        `婚姻状况代码 ${p.maritalStatus} 不存在`,
        `unknown marital status ${p.maritalStatus}`,
        'a GB/T 2261.2 code, e.g. 20 已婚',
      ),
    );
  }
  let phone: string | null = null;
  if (p.phone) {
    if (isPhone(p.phone)) phone = p.phone.replace(/-/g, '');
    else
      issues.push(
        issue(
          f('phone'),
          '电话号码格式不正确',
          'the phone number is malformed',
          '11-digit mobile (1[3-9]…) or landline 0538-1234567',
        ),
      );
  }
  let bankAccount: string | null = null;
  if (p.bankAccount) {
    bankAccount = checkBankAccount(p.bankAccount);
    if (!bankAccount)
      issues.push(
        issue(
          f('bankAccount'),
          '银行账号应为 12–30 位数字',
          'the bank account must be 12–30 digits',
          '12–30 digits',
        ),
      );
  }
  let disability: NormalizedPerson['disability'] = null;
  if (p.disabilityCertificate) {
    const d = parseDisabilityCertificate(p.disabilityCertificate);
    if (!d.ok) issues.push(issue(f('disabilityCertificate'), d.message, d.messageEn, d.expected));
    else if (id.ok && d.idNumber !== id.value) {
      issues.push(
        issue(
          f('disabilityCertificate'),
          '残疾证号前 18 位与身份证号不一致',
          'the certificate does not belong to this ID number',
          'the ID number followed by category and grade digits',
        ),
      );
    } else
      disability = {
        certificate: p.disabilityCertificate.toUpperCase(),
        category: d.category,
        grade: d.grade,
      };
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      ...p,
      idNumber,
      sex: sex as 1 | 2,
      birthDate: birthDate as string,
      phone,
      bankAccount,
      disability,
    },
  };
}

/** Household-level checks on top of each member's: exactly one head, no ID number twice. */
export function validateMembers(
  members: PersonParsed[],
  today: string,
  prefix = 'members',
): Result<NormalizedPerson[]> {
  const issues: FieldIssue[] = [];
  const out: NormalizedPerson[] = [];
  members.forEach((m, i) => {
    const r = validatePerson(m, `${prefix}.${i}`, today);
    if (r.ok) out.push(r.value);
    else issues.push(...r.issues);
  });
  const heads = members.filter((m) => m.relationCode === HEAD_RELATION).length;
  if (heads !== 1) {
    issues.push(
      issue(
        prefix,
        heads === 0 ? '必须指定一名户主（关系代码 02）' : `只能有一名户主，当前有 ${heads} 名`,
        heads === 0 ? 'one member must be the head (relation 02)' : `only one head allowed, found ${heads}`,
        'exactly one member with relation 02',
      ),
    );
  }
  const seen = new Map<string, number>();
  out.forEach((m, i) => {
    const j = seen.get(m.idNumber);
    if (j !== undefined)
      issues.push(
        issue(
          `${prefix}.${i}.idNumber`,
          `与第 ${j + 1} 名成员的证件号码重复`,
          `same ID number as member ${j + 1}`,
        ),
      );
    else seen.set(m.idNumber, i);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
}

export type HouseholdDraft = HouseholdInput & { members: PersonParsed[] };
