// Statistical division codes (统计用区划代码) and urban–rural codes (domain-rules §11.2 [V2]).
//
// A 12-digit code whose trailing groups are zero denotes the higher level: NBS writes the county
// 370911 as 370911000000 and the town 370911003 as 370911003000. The platform stores every unit
// as code12, so all functions here accept both the short and the zero-padded forms.

export type DivisionLevel = 'county' | 'town' | 'village';
export type TownKind = '街道' | '镇' | '乡' | '类似乡级单位';
export type VillageKind = '居委会' | '村委会' | '类似居委会' | '虚拟社区' | '类似村委会' | '虚拟生活区';
export type DivisionRule = 'format' | 'length' | 'town_code' | 'village_code';

export type ParsedDivision = {
  ok: true;
  level: DivisionLevel;
  /** Zero-padded to 12 digits. */
  code12: string;
  countyCode: string;
  townCode: string | null;
  villageCode: string | null;
  townKind: TownKind | null;
  villageKind: VillageKind | null;
};
export type DivisionParse =
  | ParsedDivision
  | { ok: false; rule: DivisionRule; message: string; messageEn: string; expected: string };

/** Township part (digits 7–9) → kind, per the NBS ranges; null when outside 001–599. */
export function townKindOf(part3: number): TownKind | null {
  if (part3 >= 1 && part3 <= 99) return '街道';
  if (part3 >= 100 && part3 <= 199) return '镇';
  if (part3 >= 200 && part3 <= 399) return '乡';
  if (part3 >= 400 && part3 <= 599) return '类似乡级单位';
  return null;
}

/** Village part (digits 10–12) → kind, per the NBS ranges; null when outside 001–599. */
export function villageKindOf(part3: number): VillageKind | null {
  if (part3 >= 1 && part3 <= 199) return '居委会';
  if (part3 >= 200 && part3 <= 399) return '村委会';
  if (part3 === 498) return '虚拟社区';
  if (part3 >= 400 && part3 <= 499) return '类似居委会';
  if (part3 === 598) return '虚拟生活区';
  if (part3 >= 500 && part3 <= 599) return '类似村委会';
  return null;
}

/** Strips zero padding: '370911003000' → '370911003', '370911000000' → '370911'. Other input unchanged. */
export function significantCode(code: string): string {
  if (/^\d{12}$/.test(code)) {
    if (code.endsWith('000000')) return code.slice(0, 6);
    if (code.endsWith('000')) return code.slice(0, 9);
  }
  if (/^\d{9}$/.test(code) && code.endsWith('000')) return code.slice(0, 6);
  return code;
}

export const padCode12 = (code: string): string => code.padEnd(12, '0');

type Failure = Extract<DivisionParse, { ok: false }>;
const fail = (rule: DivisionRule, message: string, messageEn: string, expected: string): Failure => ({
  ok: false,
  rule,
  message,
  messageEn,
  expected,
});

export function parseDivisionCode(code: string): DivisionParse {
  const raw = code.trim();
  if (!/^\d*$/.test(raw)) {
    return fail('format', '区划代码只能由数字组成', 'a division code contains digits only', 'digits only');
  }
  if (![6, 9, 12].includes(raw.length)) {
    return fail(
      'length',
      `区划代码应为 6 位（县级）、9 位（乡级）或 12 位（村级），当前为 ${raw.length} 位`,
      `a division code has 6 (county), 9 (township) or 12 (village) digits, got ${raw.length}`,
      '6, 9 or 12 digits',
    );
  }
  const sig = significantCode(raw);
  const countyCode = sig.slice(0, 6);
  let townKind: TownKind | null = null;
  let villageKind: VillageKind | null = null;
  if (sig.length >= 9) {
    townKind = townKindOf(Number(sig.slice(6, 9)));
    if (!townKind) {
      return fail(
        'town_code',
        `乡级代码 ${sig.slice(6, 9)} 不在 001–599 范围内`,
        `township part ${sig.slice(6, 9)} is outside 001–599`,
        '001-599',
      );
    }
  }
  if (sig.length === 12) {
    villageKind = villageKindOf(Number(sig.slice(9, 12)));
    if (!villageKind) {
      return fail(
        'village_code',
        `村级代码 ${sig.slice(9, 12)} 不在 001–599 范围内`,
        `village part ${sig.slice(9, 12)} is outside 001–599`,
        '001-599',
      );
    }
  }
  return {
    ok: true,
    level: sig.length === 6 ? 'county' : sig.length === 9 ? 'town' : 'village',
    code12: padCode12(sig),
    countyCode,
    townCode: sig.length >= 9 ? sig.slice(0, 9) : null,
    villageCode: sig.length === 12 ? sig : null,
    townKind,
    villageKind,
  };
}

export const URBAN_RURAL_CODES = [
  { code: '111', zh: '主城区', en: 'main urban area' },
  { code: '112', zh: '城乡结合区', en: 'urban–rural fringe' },
  { code: '121', zh: '镇中心区', en: 'town centre' },
  { code: '122', zh: '镇乡结合区', en: 'town–rural fringe' },
  { code: '123', zh: '特殊区域', en: 'special area' },
  { code: '210', zh: '乡中心区', en: 'township centre' },
  { code: '220', zh: '村庄', en: 'village' },
] as const;
export type UrbanRuralCode = (typeof URBAN_RURAL_CODES)[number]['code'];

export const isUrbanRuralCode = (s: string): s is UrbanRuralCode =>
  URBAN_RURAL_CODES.some((c) => c.code === s);

/** First digit 1 = 城镇 (urban), 2 = 乡村 (rural). Throws on a code outside the seven NBS codes. */
export function urbanRuralOf(urbanRuralCode: string): 'urban' | 'rural' {
  if (!isUrbanRuralCode(urbanRuralCode)) {
    throw new RangeError(
      `城乡分类代码 ${urbanRuralCode} 无效，应为 111/112/121/122/123/210/220 之一 | ` +
        `urban-rural code ${urbanRuralCode} is not one of 111, 112, 121, 122, 123, 210, 220`,
    );
  }
  return urbanRuralCode.startsWith('1') ? 'urban' : 'rural';
}

/** Level of a jurisdiction code, zero padding respected; throws on an invalid code. */
export function jurisdictionLevel(code: string): DivisionLevel {
  const r = parseDivisionCode(code);
  if (!r.ok) throw new RangeError(`${r.message} | ${r.messageEn}`);
  return r.level;
}

/**
 * True when `code` lies inside (or is) the jurisdiction. Both may be short or zero-padded. Province (2)
 * and city (4) prefixes are accepted as jurisdictions. Empty or malformed input is never "within",
 * so a missing jurisdiction cannot widen access to everything.
 */
export function isWithin(code: string, jurisdictionCode: string): boolean {
  const c = significantCode(code.trim());
  const j = significantCode(jurisdictionCode.trim());
  const wellFormed = (s: string) => /^\d+$/.test(s) && [2, 4, 6, 9, 12].includes(s.length);
  return wellFormed(c) && wellFormed(j) && c.startsWith(j);
}
