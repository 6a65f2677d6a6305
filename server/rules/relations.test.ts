import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRelationCode, RELATIONS, relationGroup, relationName } from './relations.ts';

describe('GB/T 4761-2008 relationship codes', () => {
  it.each([
    // src: §11.5 examples given in the domain rules
    { code: '01', zh: '本人', group: 'self', src: '§11.5' },
    { code: '02', zh: '户主', group: 'self', src: '§11.5' },
    { code: '10', zh: '配偶', group: 'spouse', src: '§11.5' },
    { code: '20', zh: '子', group: 'child', src: '§11.5' },
    { code: '30', zh: '女', group: 'child', src: '§11.5' },
    { code: '50', zh: '父母', group: 'parent', src: '§11.5' },
    { code: '70', zh: '兄、弟、姐、妹', group: 'sibling', src: '§11.5' },
    // src: §11.5 [K] rest of the 2008 table
    { code: '11', zh: '夫', group: 'spouse', src: '§11.5 [K]' },
    { code: '12', zh: '妻', group: 'spouse', src: '§11.5 [K]' },
    { code: '21', zh: '独生子', group: 'child', src: '§11.5 [K]' },
    { code: '22', zh: '长子', group: 'child', src: '§11.5 [K]' },
    { code: '23', zh: '次子', group: 'child', src: '§11.5 [K]' },
    {
      code: '27',
      zh: '养子或继子',
      group: 'child',
      src: '§11.5 [K]; adopted/step children count as 子女 (§3.2)',
    },
    { code: '28', zh: '女婿', group: 'other', src: '§11.5 [K]; by marriage, not 子女 (S1 Art.7)' },
    { code: '29', zh: '其他儿子', group: 'child', src: '§11.5 [K]' },
    { code: '31', zh: '独生女', group: 'child', src: '§11.5 [K]' },
    { code: '32', zh: '长女', group: 'child', src: '§11.5 [K]' },
    { code: '33', zh: '次女', group: 'child', src: '§11.5 [K]' },
    { code: '38', zh: '儿媳', group: 'other', src: '§11.5 [K]; by marriage, not 子女 (S1 Art.7)' },
    { code: '39', zh: '其他女儿', group: 'child', src: '§11.5 [K]' },
    { code: '40', zh: '孙子、孙女或外孙子、外孙女', group: 'grandchild', src: '§11.5 [K]' },
    { code: '41', zh: '孙子', group: 'grandchild', src: '§11.5 [K]' },
    { code: '42', zh: '孙女', group: 'grandchild', src: '§11.5 [K]' },
    { code: '43', zh: '外孙子', group: 'grandchild', src: '§11.5 [K]' },
    { code: '44', zh: '外孙女', group: 'grandchild', src: '§11.5 [K]' },
    { code: '51', zh: '父亲', group: 'parent', src: '§11.5 [K]' },
    { code: '52', zh: '母亲', group: 'parent', src: '§11.5 [K]' },
    { code: '55', zh: '岳父', group: 'other', src: '§11.5 [K]; by marriage' },
    { code: '57', zh: '继父或养父', group: 'parent', src: '§11.5 [K]' },
    { code: '60', zh: '祖父母或外祖父母', group: 'grandparent', src: '§11.5 [K]' },
    { code: '63', zh: '外祖父', group: 'grandparent', src: '§11.5 [K]' },
    { code: '65', zh: '配偶的祖父母或外祖父母', group: 'other', src: '§11.5 [K]; by marriage' },
    { code: '71', zh: '兄', group: 'sibling', src: '§11.5 [K]' },
    { code: '72', zh: '嫂', group: 'other', src: '§11.5 [K]; by marriage' },
    { code: '80', zh: '其他', group: 'other', src: '§11.5 [K]' },
    { code: '93', zh: '侄子', group: 'other', src: '§11.5 [K]' },
    { code: '97', zh: '其他亲属', group: 'other', src: '§11.5 [K]' },
    { code: '99', zh: '非亲属', group: 'other', src: '§11.5 [K]' },
  ])('$code $zh → $group ($src)', ({ code, zh, group }) => {
    expect(isRelationCode(code)).toBe(true);
    expect(relationName(code)).toBe(zh);
    expect(relationGroup(code)).toBe(group);
  });

  it.each([
    { code: '98', src: '§11.5 [K] 98 is unassigned' },
    { code: '00', src: '§11.5 [K]' },
    { code: '1', src: '§11.5 codes are two digits' },
    { code: '', src: '§11.5' },
  ])('$code is not a relationship code ($src)', ({ code }) => {
    expect(isRelationCode(code)).toBe(false);
    expect(relationName(code)).toBeNull();
    expect(relationGroup(code)).toBe('other');
  });

  it('has unique two-digit codes and non-empty names (§11.5)', () => {
    const codes = RELATIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
    expect(RELATIONS.every((r) => r.zh.length > 0)).toBe(true);
    expect(RELATIONS).toHaveLength(84);
  });

  it('groups never contradict the first digit of the standard, except relatives by marriage → other', () => {
    const byDigit: Record<string, string> = {
      '0': 'self',
      '1': 'spouse',
      '2': 'child',
      '3': 'child',
      '4': 'grandchild',
      '5': 'parent',
      '6': 'grandparent',
      '7': 'sibling',
      '8': 'other',
      '9': 'other',
    };
    fc.assert(
      fc.property(fc.constantFrom(...RELATIONS), (r) => {
        expect([byDigit[r.code[0]!], 'other']).toContain(r.group);
      }),
    );
  });
});
