import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWithin,
  jurisdictionLevel,
  parseDivisionCode,
  significantCode,
  townKindOf,
  urbanRuralOf,
  villageKindOf,
} from './divisions.ts';

describe('parseDivisionCode', () => {
  it.each([
    // src: §10.1 岱岳区 370911 [V2 S11]
    { code: '370911', level: 'county', tk: null, vk: null, src: '§10.1; §11.2' },
    // src: §11.2 NBS writes a county as its 6 digits + 000000
    { code: '370911000000', level: 'county', tk: null, vk: null, src: '§11.2' },
    // src: §10.1 北集坡街道 370911003; §11.2 001–099 街道
    { code: '370911003', level: 'town', tk: '街道', vk: null, src: '§10.1; §11.2' },
    // src: §11.2 zero-padded township
    { code: '370911003000', level: 'town', tk: '街道', vk: null, src: '§11.2' },
    // src: §10.1 山口镇 370911100; §11.2 100–199 镇
    { code: '370911100', level: 'town', tk: '镇', vk: null, src: '§10.1; §11.2' },
    // src: §10.1 化马湾乡 370911201; §11.2 200–399 乡
    { code: '370911201', level: 'town', tk: '乡', vk: null, src: '§10.1; §11.2' },
    // src: §11.2 400–599 类似乡级单位 (development zones); §15 demo zone 370971
    { code: '370971400', level: 'town', tk: '类似乡级单位', vk: null, src: '§11.2; §15' },
    // src: §11.2 village 001–199 居委会
    { code: '370911003001', level: 'village', tk: '街道', vk: '居委会', src: '§11.2' },
    // src: §11.2 village 200–399 村委会 (北集坡村委会 in the NBS 2023 data)
    { code: '370911003201', level: 'village', tk: '街道', vk: '村委会', src: '§11.2' },
    // src: §11.2 400–497, 499 类似居委会
    { code: '370911003400', level: 'village', tk: '街道', vk: '类似居委会', src: '§11.2' },
    { code: '370911003499', level: 'village', tk: '街道', vk: '类似居委会', src: '§11.2' },
    // src: §11.2 498 虚拟社区
    { code: '370911003498', level: 'village', tk: '街道', vk: '虚拟社区', src: '§11.2' },
    // src: §11.2 500–597, 599 类似村委会
    { code: '370911100500', level: 'village', tk: '镇', vk: '类似村委会', src: '§11.2' },
    { code: '370911100599', level: 'village', tk: '镇', vk: '类似村委会', src: '§11.2' },
    // src: §11.2 598 虚拟生活区
    { code: '370911100598', level: 'village', tk: '镇', vk: '虚拟生活区', src: '§11.2' },
    // src: §11.2 cities without counties (东莞 441900) code towns directly under xxxx00
    { code: '441900003', level: 'town', tk: '街道', vk: null, src: '§11.2' },
  ] as const)('$code → $level $tk $vk ($src)', ({ code, level, tk, vk }) => {
    expect(parseDivisionCode(code)).toEqual({
      ok: true,
      level,
      code12: code.padEnd(12, '0'),
      countyCode: code.slice(0, 6),
      townCode: level === 'county' ? null : code.slice(0, 9),
      villageCode: level === 'village' ? code : null,
      townKind: tk,
      villageKind: vk,
    });
  });

  it.each([
    // src: §11.2 digits only
    { code: '37091A', rule: 'format', src: '§11.2' },
    { code: '370911-003', rule: 'format', src: '§11.2' },
    // src: §11.2 6 / 9 / 12 digits only
    { code: '', rule: 'length', src: '§11.2' },
    { code: '3709', rule: 'length', src: '§11.2' },
    { code: '3709110031', rule: 'length', src: '§11.2' },
    { code: '3709110032011', rule: 'length', src: '§11.2' },
    // src: §11.2 township part must be 001–599
    { code: '370911600', rule: 'town_code', src: '§11.2' },
    { code: '370911999201', rule: 'town_code', src: '§11.2' },
    // src: §11.2 a village under township 000 does not exist
    { code: '370911000201', rule: 'town_code', src: '§11.2' },
    // src: §11.2 village part must be 001–599
    { code: '370911003600', rule: 'village_code', src: '§11.2' },
    { code: '370911003999', rule: 'village_code', src: '§11.2' },
  ])('$code fails $rule ($src)', ({ code, rule }) => {
    const r = parseDivisionCode(code);
    expect(r).toMatchObject({ ok: false, rule });
    if (!r.ok) {
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.messageEn).toMatch(/[a-z]/);
    }
  });
});

describe('kinds at every range boundary (§11.2)', () => {
  it.each([
    [0, null],
    [1, '街道'],
    [99, '街道'],
    [100, '镇'],
    [199, '镇'],
    [200, '乡'],
    [399, '乡'],
    [400, '类似乡级单位'],
    [599, '类似乡级单位'],
    [600, null],
  ])('township part %i → %s (§11.2)', (part, kind) => {
    expect(townKindOf(part)).toBe(kind);
  });

  it.each([
    [0, null],
    [1, '居委会'],
    [199, '居委会'],
    [200, '村委会'],
    [399, '村委会'],
    [400, '类似居委会'],
    [497, '类似居委会'],
    [498, '虚拟社区'],
    [499, '类似居委会'],
    [500, '类似村委会'],
    [597, '类似村委会'],
    [598, '虚拟生活区'],
    [599, '类似村委会'],
    [600, null],
  ])('village part %i → %s (§11.2)', (part, kind) => {
    expect(villageKindOf(part)).toBe(kind);
  });
});

describe('urbanRuralOf', () => {
  it.each([
    { code: '111', out: 'urban', src: '§11.2 主城区' },
    { code: '112', out: 'urban', src: '§11.2 城乡结合区' },
    { code: '121', out: 'urban', src: '§11.2 镇中心区' },
    { code: '122', out: 'urban', src: '§11.2 镇乡结合区' },
    { code: '123', out: 'urban', src: '§11.2 特殊区域' },
    { code: '210', out: 'rural', src: '§11.2 乡中心区' },
    { code: '220', out: 'rural', src: '§11.2 村庄' },
  ])('$code → $out ($src)', ({ code, out }) => {
    expect(urbanRuralOf(code)).toBe(out);
  });

  it.each([
    { code: '113', src: '§11.2 only the seven listed codes' },
    { code: '200', src: '§11.2 only the seven listed codes' },
    { code: '', src: '§11.2' },
  ])('rejects $code ($src)', ({ code }) => {
    expect(() => urbanRuralOf(code)).toThrow(/城乡分类代码.*urban-rural code/);
  });
});

describe('jurisdictionLevel and isWithin', () => {
  it.each([
    { code: '370911', level: 'county', src: '§11.2 6 digits' },
    { code: '370911003', level: 'town', src: '§11.2 9 digits' },
    { code: '370911003201', level: 'village', src: '§11.2 12 digits' },
    { code: '370911003000', level: 'town', src: '§11.2 zero-padded township' },
    { code: '370911000000', level: 'county', src: '§11.2 zero-padded county' },
  ])('$code → $level ($src)', ({ code, level }) => {
    expect(jurisdictionLevel(code)).toBe(level);
  });

  it('throws on an invalid code (§11.2)', () => {
    expect(() => jurisdictionLevel('3709')).toThrow(RangeError);
  });

  it.each([
    { code: '370911003201', j: '370911', within: true, src: '§2.3 village inside its county' },
    { code: '370911003201', j: '370911003', within: true, src: '§2.3 village inside its township' },
    { code: '370911003201', j: '370911003000', within: true, src: '§2.3 padded township' },
    { code: '370911003201', j: '370911000000', within: true, src: '§2.3 padded county' },
    { code: '370911003201', j: '370911003201', within: true, src: '§2.3 a unit is within itself' },
    { code: '370911003201', j: '3709', within: true, src: '§10.1 泰安市 3709' },
    { code: '370911003201', j: '37', within: true, src: '§10.1 Shandong 37' },
    { code: '370911003201', j: '370911100', within: false, src: '§2.3 another township' },
    { code: '370911003201', j: '370902', within: false, src: '§10.1 泰山区 is another county' },
    { code: '370911', j: '370911003', within: false, src: '§2.3 a county is not inside its township' },
    {
      code: '370911003000',
      j: '370911003201',
      within: false,
      src: '§2.3 a township is not inside its village',
    },
    { code: '370911003201', j: '', within: false, src: '§2.3 no jurisdiction grants nothing' },
    { code: '', j: '370911', within: false, src: '§2.3 empty code' },
    { code: '370911003201', j: '3709110', within: false, src: '§11.2 malformed jurisdiction' },
  ])('isWithin($code, $j) = $within ($src)', ({ code, j, within }) => {
    expect(isWithin(code, j)).toBe(within);
  });
});

describe('properties (§11.2)', () => {
  const villageArb = fc
    .tuple(
      fc.stringMatching(/^[1-6]\d{5}$/),
      fc.integer({ min: 1, max: 599 }),
      fc.integer({ min: 1, max: 599 }),
    )
    .map(([c, t, v]) => c + String(t).padStart(3, '0') + String(v).padStart(3, '0'));

  it('every valid village parses and lies within its own town and county', () => {
    fc.assert(
      fc.property(villageArb, (code) => {
        const r = parseDivisionCode(code);
        expect(r).toMatchObject({ ok: true, level: 'village', villageCode: code, code12: code });
        if (!r.ok) return;
        expect(isWithin(code, r.townCode!)).toBe(true);
        expect(isWithin(code, r.countyCode)).toBe(true);
        expect(isWithin(r.townCode!, code)).toBe(false);
      }),
    );
  });

  it('padding a town or county to 12 digits does not change what it denotes', () => {
    fc.assert(
      fc.property(villageArb, (code) => {
        for (const short of [code.slice(0, 6), code.slice(0, 9)]) {
          const padded = short.padEnd(12, '0');
          expect(significantCode(padded)).toBe(short);
          expect(parseDivisionCode(padded)).toEqual(parseDivisionCode(short));
        }
      }),
    );
  });
});
