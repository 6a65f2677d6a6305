import { describe, expect, it } from 'vitest';
import type { SelfCareLevel } from '../codes.ts';
import type { Disability } from '../disability.ts';
import { DEFAULTS_2025, DEFAULTS_2026 } from './parameters.ts';
import {
  assessSelfCare,
  assessTekun,
  type SelfCareAnswers,
  type SupporterFacts,
  supporterIncapacity,
  type TekunPersonFacts,
  tekunMonthlySupport,
  tekunTreatmentArea,
} from './tekun.ts';
import { incomePerCapita, propertyFails, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026;
const DATE = '2026-11-29';
const person = (patch: Partial<TekunPersonFacts> = {}): TekunPersonFacts => ({
  id: 'p',
  birthDate: '1950-01-01',
  disability: null,
  provinceDefinedNoWorkCapacity: false,
  choseOrphanProtection: false,
  ...patch,
});
const supporter = (patch: Partial<SupporterFacts> = {}): SupporterFacts => ({
  id: 's',
  birthDate: '1980-01-01',
  area: 'urban',
  isTekun: false,
  onDibao: false,
  disability: null,
  annualIncomeFen: y(60000),
  propertyWithinLowIncomeRules: true,
  noCivilCapacity: false,
  declaredMissing: false,
  inPrison: false,
  provinceDefinedIncapable: false,
  ...patch,
});

describe('assessTekun — the three conditions (S2 Art.4–9)', () => {
  it.each<[string, Partial<TekunPersonFacts>, number, SupporterFacts[], boolean, string[] | null, string]>([
    [
      'aged exactly 60 ON the date counts',
      { birthDate: '1966-11-29' },
      0,
      [],
      true,
      null,
      'S2 Art.5(一) (≥ 60)',
    ],
    [
      'one day before the 60th birthday does not',
      { birthDate: '1966-11-30' },
      0,
      [],
      true,
      ['S2 Art.4(一); S2 Art.5'],
      'S2 Art.5(一)',
    ],
    ['a minor aged 17 counts', { birthDate: '2009-06-01' }, 0, [], true, null, 'S2 Art.5(一); S4 #5'],
    [
      'aged exactly 18 no longer counts as a minor',
      { birthDate: '2008-11-29' },
      0,
      [],
      true,
      ['S2 Art.4(一); S2 Art.5'],
      'S4 #5 (minors to 18)',
    ],
    [
      'aged 40 with grade-3 mental disability',
      { birthDate: '1986-01-01', disability: { category: 6, grade: 3 } },
      0,
      [],
      true,
      null,
      'S2 Art.5(三)',
    ],
    [
      'aged 40 with grade-3 physical disability has capacity',
      { birthDate: '1986-01-01', disability: { category: 4, grade: 3 } },
      0,
      [],
      true,
      ['S2 Art.4(一); S2 Art.5'],
      'S2 Art.5(三)',
    ],
    [
      'province-defined incapacity',
      { birthDate: '1986-01-01', provinceDefinedNoWorkCapacity: true },
      0,
      [],
      true,
      null,
      'S2 Art.5(四)',
    ],
    [
      'income EQUAL to the 低保 standard is a means of living',
      {},
      y(1000),
      [],
      true,
      ['S2 Art.6 (strict <)'],
      'S2 Art.6',
    ],
    ['income one fen below the standard', {}, y(1000) - 1, [], true, null, 'S2 Art.6'],
    ['an able supporter', {}, 0, [supporter()], true, ['S2 Art.4(三); S2 Art.8'], 'S2 Art.8'],
    ['a supporter who is 特困', {}, 0, [supporter({ isTekun: true })], true, null, 'S2 Art.8(一)'],
    [
      'two supporters: one unable, one able — the able one fails',
      {},
      0,
      [supporter({ id: 's1', inPrison: true }), supporter({ id: 's2' })],
      true,
      ['S2 Art.4(三); S2 Art.8'],
      'S2 Art.8',
    ],
    [
      'a minor who chose orphan protection is excluded',
      { birthDate: '2015-01-01', choseOrphanProtection: true },
      0,
      [],
      true,
      ['S2 Art.9'],
      'S2 Art.9',
    ],
    [
      'every failure listed: capacity, income, property (2), supporter',
      { birthDate: '1986-01-01' },
      y(2000),
      [supporter()],
      false,
      [
        'S2 Art.4(一); S2 Art.5',
        'S2 Art.6 (strict <)',
        'S2 Art.7; S1 Art.14; §15',
        'S2 Art.7; S1 Art.14; §10.2',
        'S2 Art.4(三); S2 Art.8',
      ],
      'S2 Art.4',
    ],
  ])('%s', (_name, patch, perCapita, supporters, propOk, failures, _rule) => {
    const r = assessTekun({
      date: DATE,
      area: 'urban',
      person: person(patch),
      income: incomePerCapita(1, perCapita),
      property: propOk ? propertyOk(1) : propertyFails(1),
      supporters,
      params: P,
    });
    if (failures === null) expect(r.eligible).toBe(true);
    else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });
});

describe('supporterIncapacity (S2 Art.8)', () => {
  const severe: Disability = { category: 1, grade: 1 };
  it.each<[string, Partial<SupporterFacts>, string[], string]>([
    ['able-bodied, earning: able', {}, [], 'S2 Art.8'],
    ['特困 person', { isTekun: true }, ['S2 Art.8(一)'], 'S2 Art.8(一)'],
    [
      '低保 recipient aged exactly 60',
      { onDibao: true, birthDate: '1966-11-29' },
      ['S2 Art.8(二)'],
      'S2 Art.8(二)',
    ],
    ['低保 recipient aged 59', { onDibao: true, birthDate: '1966-11-30' }, [], 'S2 Art.8(二)'],
    [
      'aged 70, income below the disposable income',
      { birthDate: '1956-11-29', annualIncomeFen: y(48000) - 1 },
      ['S2 Art.8(三)'],
      'S2 Art.8(三)',
    ],
    [
      'aged 70, income EQUAL to the disposable income: able',
      { birthDate: '1956-11-29', annualIncomeFen: y(48000) },
      [],
      'S2 Art.8(三) (strict <)',
    ],
    [
      'aged 70 on the rural figure (24 000)',
      { birthDate: '1956-01-01', area: 'rural', annualIncomeFen: y(20000) },
      ['S2 Art.8(三)'],
      'S2 Art.8(三); §15',
    ],
    [
      'aged 70, low income but property over the rules: able',
      { birthDate: '1950-01-01', annualIncomeFen: 0, propertyWithinLowIncomeRules: false },
      [],
      'S2 Art.8(三)',
    ],
    [
      'severely disabled, low income',
      { disability: severe, annualIncomeFen: y(10000) },
      ['S2 Art.8(四)'],
      'S2 Art.8(四)',
    ],
    ['severely disabled, income high: able', { disability: severe }, [], 'S2 Art.8(四)'],
    ['in prison, property within the rules', { inPrison: true }, ['S2 Art.8(五)'], 'S2 Art.8(五)'],
    ['declared missing', { declaredMissing: true }, ['S2 Art.8(五)'], 'S2 Art.8(五)'],
    ['province-defined case', { provinceDefinedIncapable: true }, ['S2 Art.8(六)'], 'S2 Art.8(六)'],
    [
      'several grounds are all reported',
      { isTekun: true, onDibao: true, birthDate: '1950-01-01', annualIncomeFen: 0 },
      ['S2 Art.8(一)', 'S2 Art.8(二)', 'S2 Art.8(三)'],
      'S2 Art.8',
    ],
  ])('%s', (_name, patch, rules, _rule) => {
    expect(supporterIncapacity(supporter(patch), DATE, P).map((l) => l.rule)).toEqual(rules);
  });
});

describe('assessSelfCare (S2 Art.21–22)', () => {
  const all = (v: boolean): SelfCareAnswers => ({
    eating: v,
    dressing: v,
    bed_transfer: v,
    toileting: v,
    indoor_walking: v,
    bathing: v,
  });
  it.each<[string, Partial<SelfCareAnswers>, SelfCareLevel, number, string]>([
    ['all six achievable', {}, 'SELF_CARE', 0, 'S2 Art.22'],
    ['one item unable', { bathing: false }, 'PARTIAL_LOSS', 1, 'S2 Art.22'],
    [
      'exactly 3 items unable is PARTIAL',
      { bathing: false, eating: false, dressing: false },
      'PARTIAL_LOSS',
      3,
      'S2 Art.22 (≤ 3)',
    ],
    [
      'exactly 4 items unable is FULL',
      { bathing: false, eating: false, dressing: false, toileting: false },
      'FULL_LOSS',
      4,
      'S2 Art.22 (≥ 4)',
    ],
    [
      'all six unable',
      {
        eating: false,
        dressing: false,
        bed_transfer: false,
        toileting: false,
        indoor_walking: false,
        bathing: false,
      },
      'FULL_LOSS',
      6,
      'S2 Art.22',
    ],
  ])('%s', (_name, patch, level, n, _rule) => {
    const r = assessSelfCare({ ...all(true), ...patch });
    expect(r.level).toBe(level);
    expect(r.unableCount).toBe(n);
    expect(r.breakdown[0]?.rule).toBe('S2 Art.21–22');
  });
});

describe('tekunMonthlySupport (§5.4; §15)', () => {
  it.each<[string, typeof P, 'urban' | 'rural', SelfCareLevel, number, string]>([
    ['2026 urban, self-care: 1300 + 200', P, 'urban', 'SELF_CARE', y(1500), '§15'],
    ['2026 urban, partial loss: 1300 + 600', P, 'urban', 'PARTIAL_LOSS', y(1900), '§15'],
    ['2026 urban, full loss: 1300 + 1200', P, 'urban', 'FULL_LOSS', y(2500), '§15'],
    ['2026 rural, full loss: 1040 + 1200', P, 'rural', 'FULL_LOSS', y(2240), '§15'],
    ['2025 urban, partial loss: 1235 + 600', DEFAULTS_2025, 'urban', 'PARTIAL_LOSS', y(1835), '§15'],
    ['2025 rural, self-care: 988 + 200', DEFAULTS_2025, 'rural', 'SELF_CARE', y(1188), '§15'],
  ])('%s', (_name, params, area, level, amount, _rule) => {
    const r = tekunMonthlySupport(area, level, params);
    expect(r.amountFen).toBe(amount);
    expect(r.basicFen + r.careFen).toBe(amount);
    expect(r.breakdown.at(-1)).toMatchObject({ code: 'tekun.amount', amountFen: amount });
  });
});

describe('tekunTreatmentArea (S2 Art.19)', () => {
  it.each<[string, Parameters<typeof tekunTreatmentArea>[0], 'urban' | 'rural', string]>([
    [
      'contracted land → rural even when living in town',
      { residenceArea: 'urban', hasContractedLandOrCollectiveShare: true, povertyRelocation: false },
      'rural',
      'S2 Art.19',
    ],
    [
      'poverty relocation → urban',
      { residenceArea: 'rural', hasContractedLandOrCollectiveShare: true, povertyRelocation: true },
      'urban',
      'S2 Art.19',
    ],
    [
      'otherwise the place of residence',
      { residenceArea: 'urban', hasContractedLandOrCollectiveShare: false, povertyRelocation: false },
      'urban',
      'S2 Art.19',
    ],
  ])('%s', (_name, facts, area, _rule) => {
    expect(tekunTreatmentArea(facts).area).toBe(area);
  });
});
