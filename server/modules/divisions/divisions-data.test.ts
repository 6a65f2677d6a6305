import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import { isWithin, parseDivisionCode } from '../../rules/divisions.ts';
import { loadCountyDivisions } from './divisions-data.ts';

describe('loadCountyDivisions(370911 岱岳区)', () => {
  const d = loadCountyDivisions('370911');

  it('returns the county with a zero-padded 12-digit code (§10.1; §11.2)', () => {
    expect(d.county).toEqual({ code12: '370911000000', name: '岱岳区' });
  });

  it.each([
    // src: §10.1 township codes under 岱岳区 [V2 S11]
    { code12: '370911001000', name: '粥店街道', src: '§10.1' },
    { code12: '370911002000', name: '天平街道', src: '§10.1' },
    { code12: '370911003000', name: '北集坡街道', src: '§10.1' },
    { code12: '370911100000', name: '山口镇', src: '§10.1' },
    { code12: '370911110000', name: '大汶口镇', src: '§10.1' },
    { code12: '370911201000', name: '化马湾乡', src: '§10.1' },
  ])('has township $code12 $name ($src)', ({ code12, name }) => {
    expect(d.towns).toContainEqual({ code12, name });
  });

  it('lists exactly the 18 townships of §10.1', () => {
    const parts = d.towns.map((t) => t.code12.slice(6, 9));
    expect(parts).toEqual([
      '001',
      '002',
      '003',
      '100',
      '101',
      '102',
      '103',
      '104',
      '106',
      '107',
      '108',
      '109',
      '110',
      '111',
      '112',
      '113',
      '114',
      '201',
    ]);
  });

  it('has villages of 北集坡街道 with 12-digit codes and the township link (§10.1; §11.2)', () => {
    const bjp = d.villages.filter((v) => v.townCode12 === '370911003000');
    expect(bjp.length).toBeGreaterThan(20);
    expect(bjp).toContainEqual({
      code12: '370911003201',
      name: '北集坡村委会',
      townCode12: '370911003000',
      urbanRuralCode: null,
    });
  });

  it('every village parses as a village inside its township, and every township has villages (§11.2)', () => {
    const townCodes = new Set(d.towns.map((t) => t.code12));
    for (const v of d.villages) {
      expect(parseDivisionCode(v.code12)).toMatchObject({ ok: true, level: 'village' });
      expect(isWithin(v.code12, v.townCode12)).toBe(true);
      expect(townCodes.has(v.townCode12)).toBe(true);
    }
    for (const t of d.towns) expect(d.villages.some((v) => v.townCode12 === t.code12)).toBe(true);
    expect(new Set(d.villages.map((v) => v.code12)).size).toBe(d.villages.length);
  });

  it('carries no urban-rural code because the package does not ship one (§11.2)', () => {
    expect(d.villages.every((v) => v.urbanRuralCode === null)).toBe(true);
  });
});

describe('loadCountyDivisions errors', () => {
  it.each([
    // src: §15 the demo-zone code 370971 is not in the national list
    { code: '370971', status: 404, appCode: 'divisions.unknown_county', src: '§15' },
    { code: '999999', status: 404, appCode: 'divisions.unknown_county', src: '§11.2' },
    // src: §11.2 county codes are 6 digits
    { code: '37091', status: 400, appCode: 'divisions.invalid_county_code', src: '§11.2' },
    { code: '370911003', status: 400, appCode: 'divisions.invalid_county_code', src: '§11.2' },
  ])('$code → $appCode ($src)', ({ code, status, appCode }) => {
    let caught: unknown;
    try {
      loadCountyDivisions(code);
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    if (!isAppError(caught)) return;
    expect(caught.code).toBe(appCode);
    expect(caught.status).toBe(status);
    expect(caught.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(caught.messageEn).toMatch(/[a-z]/);
  });

  it('drops the package placeholder township/village of 金门县 (§11.2 no 000 units)', () => {
    const d = loadCountyDivisions('350527');
    expect(d.county.name).toBe('金门县');
    expect(d.towns).toEqual([]);
    expect(d.villages).toEqual([]);
  });
});
