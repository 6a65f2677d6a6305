import { HOUSEHOLD_IMPORT_COLUMNS, type ImportRowError } from '../../../contracts/imports.ts';
import { type PersonParsed, personInput } from '../../../contracts/registry.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import {
  type CodeEntry,
  EDUCATION_LEVELS,
  HUKOU_TYPES,
  SELF_CARE_LEVELS,
  SPECIAL_STATUSES,
} from '../../rules/codes.ts';
import { parseYuan } from '../../rules/money.ts';
import type { SheetRow } from './row-reader.ts';

// Turns sheet rows into typed household/person input. Cells may hold a code or its Chinese label
// (what people type in a spreadsheet); every problem becomes a row error with its column name.

export type HeaderMap = Map<string, number>;
export type HouseholdCells = {
  key: string;
  villageCode: string;
  address: string;
  hukouType: string;
  residenceCode: string | null;
  urbanRural?: 'urban' | 'rural';
};
export type ParsedRow = {
  line: number;
  household: HouseholdCells;
  person: PersonParsed | null;
  errors: ImportRowError[];
};

export function readHeader(row: SheetRow): { map: HeaderMap; errors: ImportRowError[] } {
  const map: HeaderMap = new Map();
  row.cells.forEach((c, i) => {
    const col = HOUSEHOLD_IMPORT_COLUMNS.find((k) => k.zh === c || k.key === c);
    if (col) map.set(col.key, i);
  });
  const missing = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => c.required && !map.has(c.key));
  return {
    map,
    errors: missing.map((c) => ({
      line: row.line,
      column: c.zh,
      message: `缺少必填列“${c.zh}”`,
      messageEn: `required column "${c.key}" (${c.zh}) is missing`,
    })),
  };
}

const byLabel = (table: readonly CodeEntry[], v: string) =>
  table.find((e) => e.code === v || e.zh === v || e.en === v)?.code;
const ID_TYPE_LABELS: Record<string, 'resident' | 'hk_mo_tw' | 'foreign'> = {
  居民身份证: 'resident',
  身份证: 'resident',
  resident: 'resident',
  港澳台居民居住证: 'hk_mo_tw',
  hk_mo_tw: 'hk_mo_tw',
  外国人永久居留身份证: 'foreign',
  foreign: 'foreign',
};
const URBAN_RURAL: Record<string, 'urban' | 'rural'> = {
  城市: 'urban',
  城镇: 'urban',
  urban: 'urban',
  农村: 'rural',
  乡村: 'rural',
  rural: 'rural',
};
const YES_NO: Record<string, boolean> = {
  是: true,
  否: false,
  yes: true,
  no: false,
  Y: true,
  N: false,
  '1': true,
  '0': false,
};
export const zhOf = (key: string) => HOUSEHOLD_IMPORT_COLUMNS.find((c) => c.key === key)?.zh ?? key;

export function parseRow(row: SheetRow, header: HeaderMap): ParsedRow {
  const get = (key: string) => {
    const i = header.get(key);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const errors: ImportRowError[] = [];
  const bad = (key: string, zh: string, en: string) =>
    errors.push({ line: row.line, column: zhOf(key), message: zh, messageEn: en });
  const opt = (key: string, table: readonly CodeEntry[]) => {
    const v = get(key);
    if (!v) return undefined;
    const code = byLabel(table, v);
    if (!code) bad(key, `无法识别“${v}”`, `unrecognised value "${v}"`);
    return code;
  };
  const flag = (key: string) => {
    const v = get(key);
    if (!v) return undefined;
    if (!(v in YES_NO)) bad(key, `应填“是”或“否”，而不是“${v}”`, `expected 是 or 否, got "${v}"`);
    return YES_NO[v];
  };
  const urbanRaw = get('urbanRural');
  const urbanRural = urbanRaw ? URBAN_RURAL[urbanRaw] : undefined;
  if (urbanRaw && !urbanRural)
    bad('urbanRural', `应填“城市”或“农村”，而不是“${urbanRaw}”`, `expected 城市 or 农村, got "${urbanRaw}"`);
  const household: HouseholdCells = {
    key: get('householdKey'),
    villageCode: get('villageCode'),
    address: get('address'),
    hukouType: opt('hukouType', HUKOU_TYPES) ?? '10',
    residenceCode: get('residenceCode') || null,
    urbanRural,
  };
  if (!household.key) bad('householdKey', '户编号不能为空', 'the household key is required');
  if (household.residenceCode && !/^\d{12}$/.test(household.residenceCode)) {
    bad(
      'residenceCode',
      '现居住地代码应为 12 位区划代码',
      'the residence code must be a 12-digit division code',
    );
  }

  const idTypeRaw = get('idType');
  const idType = idTypeRaw ? ID_TYPE_LABELS[idTypeRaw] : 'resident';
  if (!idType) bad('idType', `无法识别证件类型“${idTypeRaw}”`, `unknown document type "${idTypeRaw}"`);
  let monthlyIncomeFen = 0;
  const income = get('monthlyIncome');
  if (income) {
    const m = parseYuan(income);
    if (m.ok) monthlyIncomeFen = m.fen;
    else bad('monthlyIncome', m.message, m.messageEn);
  }
  const candidate = {
    name: get('name'),
    idType: idType ?? 'resident',
    idNumber: get('idNumber'),
    relationCode: get('relationCode'),
    ethnicity: get('ethnicity') || undefined,
    maritalStatus: get('maritalStatus') || undefined,
    phone: get('phone') || undefined,
    bankAccount: get('bankAccount') || undefined,
    bankName: get('bankName') || undefined,
    disabilityCertificate: get('disabilityCertificate') || undefined,
    selfCareLevel: opt('selfCareLevel', SELF_CARE_LEVELS),
    educationLevel: opt('educationLevel', EDUCATION_LEVELS),
    inFulltimeEducation: flag('inFulltimeEducation') ?? false,
    specialStatus: opt('specialStatus', SPECIAL_STATUSES),
    employmentStatus: get('employmentStatus') || undefined,
    monthlyIncomeFen,
  };
  const parsed = personInput.safeParse(candidate);
  if (!parsed.success) {
    for (const i of toFieldIssues(parsed.error.issues)) {
      errors.push({
        line: row.line,
        column: zhOf(i.field.split('.')[0] ?? ''),
        message: i.message,
        messageEn: i.messageEn,
      });
    }
  }
  return { line: row.line, household, person: parsed.success ? parsed.data : null, errors };
}
