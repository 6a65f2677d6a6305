import type { MemberView } from '../../../contracts/registry.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { ageOn } from '../../rules/id-number.ts';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from '../../rules/masking.ts';
import type { NormalizedPerson } from './registry.models.ts';
import type { PersonRow } from './registry.repository.ts';
import type { MemberWithPerson } from './registry-read.repository.ts';

// Between the normalised person and its stored form: personal identifiers are sealed (SM4) with a
// blind index for lookups and a mask for lists; nothing else about a person is secret.

export function sealPerson(
  cipher: PersonalDataCipher,
  countyCode: string,
  id: string,
  p: NormalizedPerson,
  at: Date,
): PersonRow {
  return {
    county_code: countyCode,
    id,
    id_type: p.idType,
    id_number_enc: cipher.encrypt(p.idNumber),
    id_number_bidx: cipher.blindIndex('id_number', p.idNumber),
    id_number_mask: maskIdNumber(p.idNumber),
    name_enc: cipher.encrypt(p.name),
    name_bidx: cipher.blindIndex('name', p.name),
    name_mask: maskName(p.name),
    sex: p.sex,
    birth_date: p.birthDate,
    ethnicity: p.ethnicity ?? null,
    marital_status: p.maritalStatus ?? null,
    phone_enc: p.phone ? cipher.encrypt(p.phone) : null,
    phone_bidx: p.phone ? cipher.blindIndex('phone', p.phone) : null,
    phone_mask: p.phone ? maskPhone(p.phone) : null,
    bank_account_enc: p.bankAccount ? cipher.encrypt(p.bankAccount) : null,
    bank_account_mask: p.bankAccount ? maskBankAccount(p.bankAccount) : null,
    bank_name: p.bankName ?? null,
    disability_cert_enc: p.disability ? cipher.encrypt(p.disability.certificate) : null,
    disability_category: p.disability?.category ?? null,
    disability_grade: p.disability?.grade ?? null,
    self_care_level: p.selfCareLevel ?? null,
    education_level: p.educationLevel ?? null,
    in_fulltime_education: p.inFulltimeEducation,
    special_status: p.specialStatus ?? null,
    cohabiting_long_term: p.cohabitingLongTerm,
    employment_status: p.employmentStatus ?? null,
    monthly_income_fen: p.monthlyIncomeFen,
    created_at: at,
  };
}

/** The non-secret view of a person, as stored in history entries (masked identifiers only). */
export function publicPersonFields(r: Pick<PersonRow, keyof PersonRow>): Record<string, unknown> {
  return {
    name: r.name_mask,
    idNumber: r.id_number_mask,
    sex: r.sex,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    maritalStatus: r.marital_status,
    phone: r.phone_mask,
    bankAccount: r.bank_account_mask,
    bankName: r.bank_name,
    disability: r.disability_category ? `${r.disability_category}-${r.disability_grade}` : null,
    selfCareLevel: r.self_care_level,
    educationLevel: r.education_level,
    inFulltimeEducation: r.in_fulltime_education,
    specialStatus: r.special_status,
    cohabitingLongTerm: r.cohabiting_long_term,
    employmentStatus: r.employment_status,
    monthlyIncomeFen: r.monthly_income_fen,
  };
}

export function toMemberView(r: MemberWithPerson, cipher: PersonalDataCipher, today: string): MemberView {
  return {
    memberId: r.member_id,
    personId: r.id,
    name: cipher.decrypt(r.name_enc),
    nameMasked: r.name_mask,
    idType: r.id_type,
    idNumberMasked: r.id_number_mask,
    relationCode: r.relation_code,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    ethnicity: r.ethnicity,
    maritalStatus: r.marital_status,
    phoneMasked: r.phone_mask,
    bankAccountMasked: r.bank_account_mask,
    bankName: r.bank_name,
    disability:
      r.disability_category && r.disability_grade
        ? { category: r.disability_category, grade: r.disability_grade }
        : null,
    selfCareLevel: r.self_care_level,
    educationLevel: r.education_level,
    inFulltimeEducation: r.in_fulltime_education,
    specialStatus: r.special_status,
    cohabitingLongTerm: r.cohabiting_long_term,
    employmentStatus: r.employment_status,
    monthlyIncomeFen: r.monthly_income_fen,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    leftReason: r.left_reason,
  };
}
