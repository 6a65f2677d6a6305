// Second-generation disability certificates and the disability tests of S1/S2 (domain-rules §11.3).
import { checkIdNumber } from './id-number.ts';

export type DisabilityCategory = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type DisabilityGrade = 1 | 2 | 3 | 4;
export type Disability = { category: DisabilityCategory; grade: DisabilityGrade };

// GB/T 26341-2010 order [K]; corroborated by several code samples (§11.3).
export const DISABILITY_CATEGORIES = [
  { code: 1, zh: '视力残疾', en: 'visual' },
  { code: 2, zh: '听力残疾', en: 'hearing' },
  { code: 3, zh: '言语残疾', en: 'speech' },
  { code: 4, zh: '肢体残疾', en: 'physical' },
  { code: 5, zh: '智力残疾', en: 'intellectual' },
  { code: 6, zh: '精神残疾', en: 'mental' },
  { code: 7, zh: '多重残疾', en: 'multiple' },
] as const satisfies readonly { code: DisabilityCategory; zh: string; en: string }[];

// Grade 1 is the most severe [K].
export const DISABILITY_GRADES = [
  { code: 1, zh: '一级', en: 'grade 1' },
  { code: 2, zh: '二级', en: 'grade 2' },
  { code: 3, zh: '三级', en: 'grade 3' },
  { code: 4, zh: '四级', en: 'grade 4' },
] as const satisfies readonly { code: DisabilityGrade; zh: string; en: string }[];

export type DisabilityCertificate = Disability & {
  ok: true;
  idNumber: string;
  categoryName: string;
  gradeName: string;
  /** Characters after position 20, which some issuers append on re-issue; kept, not interpreted. */
  suffix: string;
};

export type DisabilityCertRule = 'length' | 'id_number' | 'category' | 'grade';
export type DisabilityParse =
  | DisabilityCertificate
  | { ok: false; rule: DisabilityCertRule; message: string; messageEn: string; expected: string };

export const isDisabilityCategory = (n: number): n is DisabilityCategory =>
  Number.isInteger(n) && n >= 1 && n <= 7;
export const isDisabilityGrade = (n: number): n is DisabilityGrade => Number.isInteger(n) && n >= 1 && n <= 4;

/** Certificate number = 18-character ID + category digit + grade digit (+ optional re-issue suffix). */
export function parseDisabilityCertificate(cert: string): DisabilityParse {
  const value = cert.trim().toUpperCase();
  if (value.length < 20) {
    return {
      ok: false,
      rule: 'length',
      message: `残疾人证号至少应为 20 位（18 位身份号码 + 类别 + 等级），当前为 ${value.length} 位`,
      messageEn: `a disability certificate number has at least 20 characters (18-character ID + category + grade), got ${value.length}`,
      expected: 'at least 20 characters',
    };
  }
  const id = checkIdNumber(value.slice(0, 18));
  if (!id.ok) {
    return {
      ok: false,
      rule: 'id_number',
      message: `残疾人证号前 18 位不是有效的身份号码：${id.message}`,
      messageEn: `the first 18 characters are not a valid identity number: ${id.messageEn}`,
      expected: id.expected,
    };
  }
  const category = Number(value[18]);
  if (!/\d/.test(value[18] ?? '') || !isDisabilityCategory(category)) {
    return {
      ok: false,
      rule: 'category',
      message: `第 19 位残疾类别应为 1–7，当前为 ${value[18]}`,
      messageEn: `position 19 (disability category) must be 1–7, got ${value[18]}`,
      expected: '1-7',
    };
  }
  const grade = Number(value[19]);
  if (!/\d/.test(value[19] ?? '') || !isDisabilityGrade(grade)) {
    return {
      ok: false,
      rule: 'grade',
      message: `第 20 位残疾等级应为 1–4，当前为 ${value[19]}`,
      messageEn: `position 20 (disability grade) must be 1–4, got ${value[19]}`,
      expected: '1-4',
    };
  }
  return {
    ok: true,
    idNumber: id.value,
    category,
    grade,
    categoryName: DISABILITY_CATEGORIES[category - 1]!.zh,
    gradeName: DISABILITY_GRADES[grade - 1]!.zh,
    suffix: value.slice(20),
  };
}

const isIntellectualOrMental = (d: Disability): boolean => d.category === 5 || d.category === 6;

/** 重度残疾 = grade 1 or 2 [K], consistent with S1 Art.8 "一级、二级重度残疾人". */
export const isSevere = (d: Disability): boolean => d.grade <= 2;

/**
 * Counts as 无劳动能力 for 特困 [V S2 Art.5(三)]. Multiple disability (7) and hearing/speech are
 * deliberately absent: the national text does not list them; a province may add them (S2 Art.5(四)).
 */
export const isTekunDisability = (d: Disability): boolean =>
  (isIntellectualOrMental(d) && d.grade <= 3) ||
  (d.category === 4 && d.grade <= 2) ||
  (d.category === 1 && d.grade === 1);

/** May apply alone for 低保 from a 低保边缘 household [V S1 Art.8(一)]. */
export const isDibaoSingleDisability = (d: Disability): boolean =>
  isSevere(d) || (isIntellectualOrMental(d) && d.grade === 3);

/** A supporter with this disability is unable to perform the duty of support [V S2 Art.8(四)]. */
export const isSupporterIncapableDisability = (d: Disability): boolean =>
  isSevere(d) || (isIntellectualOrMental(d) && d.grade === 3);
