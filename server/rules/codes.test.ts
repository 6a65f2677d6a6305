import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CodeEntry,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HUKOU_TYPES,
  isEducationLevel,
  isEthnicityCode,
  isHukouType,
  isMaritalStatusCode,
  isSelfCareLevel,
  isSexCode,
  isSpecialStatus,
  labelOf,
  MARITAL_STATUS_CODES,
  SELF_CARE_LEVELS,
  SEX_CODES,
  SPECIAL_STATUSES,
} from './codes.ts';

const TABLES: [string, readonly CodeEntry[], (s: unknown) => boolean][] = [
  ['SEX_CODES', SEX_CODES, isSexCode],
  ['MARITAL_STATUS_CODES', MARITAL_STATUS_CODES, isMaritalStatusCode],
  ['HUKOU_TYPES', HUKOU_TYPES, isHukouType],
  ['SELF_CARE_LEVELS', SELF_CARE_LEVELS, isSelfCareLevel],
  ['SPECIAL_STATUSES', SPECIAL_STATUSES, isSpecialStatus],
  ['EDUCATION_LEVELS', EDUCATION_LEVELS, isEducationLevel],
  ['ETHNICITIES', ETHNICITIES, isEthnicityCode],
];

describe('code tables: labels', () => {
  it.each([
    { table: SEX_CODES, code: '0', zh: '未知的性别', src: 'GB/T 2261.1 §11.5' },
    { table: SEX_CODES, code: '1', zh: '男', src: 'GB/T 2261.1 §11.5' },
    { table: SEX_CODES, code: '2', zh: '女', src: 'GB/T 2261.1 §11.5' },
    { table: SEX_CODES, code: '9', zh: '未说明的性别', src: 'GB/T 2261.1 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '10', zh: '未婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '20', zh: '已婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '21', zh: '初婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '22', zh: '再婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '23', zh: '复婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '30', zh: '丧偶', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '40', zh: '离婚', src: 'GB/T 2261.2 §11.5' },
    { table: MARITAL_STATUS_CODES, code: '90', zh: '未说明的婚姻状况', src: 'GB/T 2261.2 §11.5' },
    { table: HUKOU_TYPES, code: '01', zh: '农业户口', src: '§11.5 [V2 S12]' },
    { table: HUKOU_TYPES, code: '02', zh: '非农业户口', src: '§11.5 [V2 S12]' },
    { table: HUKOU_TYPES, code: '09', zh: '其他', src: '§11.5 [V2 S12]' },
    { table: HUKOU_TYPES, code: '10', zh: '居民户口', src: '§11.5 [K]' },
    { table: SELF_CARE_LEVELS, code: 'SELF_CARE', zh: '自理', src: '§11.4 S2 Art.22' },
    { table: SELF_CARE_LEVELS, code: 'PARTIAL_LOSS', zh: '半自理', src: '§11.4 S2 Art.22' },
    { table: SELF_CARE_LEVELS, code: 'FULL_LOSS', zh: '全护理', src: '§11.4 S2 Art.22' },
    { table: SPECIAL_STATUSES, code: 'IN_PRISON', zh: '服刑', src: '§3.2 S1 Art.7' },
    { table: SPECIAL_STATUSES, code: 'COMPULSORY_REHAB', zh: '强制隔离戒毒', src: '§3.2 S1 Art.7' },
    { table: SPECIAL_STATUSES, code: 'DECLARED_MISSING', zh: '宣告失踪', src: '§3.2 S1 Art.7' },
    { table: SPECIAL_STATUSES, code: 'CLERGY_3Y', zh: '宗教教职人员离家三年以上', src: '§3.2 S1 Art.7' },
    { table: EDUCATION_LEVELS, code: 'college', zh: '大学专科', src: '§3.2 S1 Art.7 (本科及以下)' },
    { table: EDUCATION_LEVELS, code: 'bachelor', zh: '大学本科', src: '§3.2 S1 Art.7 (本科及以下)' },
    { table: EDUCATION_LEVELS, code: 'postgraduate', zh: '研究生', src: '§3.2 S1 Art.7 (above 本科)' },
    { table: ETHNICITIES, code: '01', zh: '汉族', src: 'GB/T 3304 §11.5' },
    { table: ETHNICITIES, code: '03', zh: '回族', src: 'GB/T 3304 §11.5' },
    { table: ETHNICITIES, code: '11', zh: '满族', src: 'GB/T 3304 §11.5' },
    { table: ETHNICITIES, code: '56', zh: '基诺族', src: 'GB/T 3304 §11.5' },
    { table: ETHNICITIES, code: '97', zh: '其他', src: 'GB/T 3304 §11.5 [K]' },
    { table: ETHNICITIES, code: '98', zh: '外国血统中国籍人士', src: 'GB/T 3304 §11.5 [K]' },
  ])('$code → $zh ($src)', ({ table, code, zh }) => {
    expect(labelOf(table, code)?.zh).toBe(zh);
  });
});

describe('code tables: shape', () => {
  it.each(TABLES)('%s has unique codes and bilingual labels (§11.5)', (_name, table) => {
    expect(new Set(table.map((e) => e.code)).size).toBe(table.length);
    for (const e of table) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[A-Za-z]/);
    }
  });

  it.each(TABLES)('%s guard accepts exactly its codes (§11.5)', (_name, table, guard) => {
    for (const e of table) expect(guard(e.code)).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        expect(guard(s)).toBe(table.some((e) => e.code === s));
      }),
    );
    expect(guard(undefined)).toBe(false);
    expect(guard(1)).toBe(false);
  });

  it('GB/T 3304 lists all 56 nationalities 01–56 plus 97 and 98 (§11.5)', () => {
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(ETHNICITIES.map((e) => e.code)).toEqual(expected);
    expect(ETHNICITIES.slice(0, 56).every((e) => e.zh.endsWith('族'))).toBe(true);
  });

  it('labelOf returns null for an unknown code', () => {
    expect(labelOf(SEX_CODES, '3')).toBeNull();
  });
});
