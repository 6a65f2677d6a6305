import { describe, expect, it } from 'vitest';
import type { ParameterKey } from '../../../contracts/parameters.ts';
import { DEFAULTS_2026 } from '../../rules/benefits/parameters.ts';
import { applyParameters, checkParameterValue, decimalToRatio, startsRecalc } from './parameters.models.ts';

// §13: every local value is a parameter; national ceilings bound them.
describe('checkParameterValue', () => {
  it.each([
    ['dibao.gradualExitMaxMonths', 6, true, 'S5 §一(三): 原则上不超过6个月'],
    ['dibao.gradualExitMaxMonths', 7, false, 'S5 §一(三): the national cap is 6 months'],
    ['edge.multiplier', '1.5', true, 'S1 Art.8 / S6: 低于1.5倍 is the ceiling'],
    ['edge.multiplier', '1.6', false, 'S1 Art.8 / S6: above the national 1.5× ceiling'],
    ['edge.multiplier', 2, false, 'a ratio must be a decimal string'],
    ['dibao.employmentCost.pct', '0.3', true, '§15 default 30 %'],
    ['dibao.employmentCost.pct', '1.2', false, 'a share above 100 %'],
    ['temporary.townshipApprovalLimitFen', 300_000, true, '§15 default 3,000 元'],
    ['temporary.townshipApprovalLimitFen', 1.5, false, 'fen are integers'],
    ['dibao.incomeLookbackMonths', 2, false, '§13: at least a quarter'],
    ['edge.multiplier', 'abc', false, 'a ratio is a decimal'],
    ['portal.localHotline', '0538-8120000', true, '§2.3: the bureau’s own line'],
    ['portal.localHotline', '', true, 'none: 12349 only'],
    ['portal.localHotline', '<script>', false, 'digits and hyphens only (shown on public pages)'],
    ['portal.localHotline', 12345, false, 'a number is not a phone text'],
    ['portal.localHotline', '0538-81200001234567890', false, 'at most 20 characters'],
  ] as const)('%s = %j is %s (%s)', (key, value, ok, _src) => {
    const issue = checkParameterValue(key as ParameterKey, value, 'changes.0.value');
    expect(issue === null).toBe(ok);
    if (issue) expect(issue.field).toBe('changes.0.value');
  });
});

describe('applyParameters', () => {
  it('lays a county value over the shipped one, exactly, and leaves the rest alone', () => {
    const p = applyParameters(
      DEFAULTS_2026,
      new Map<string, number | string>([
        ['edge.multiplier', '1.4'],
        ['dibao.gradualExitMaxMonths', 3],
      ]),
    );
    expect(p.edge.multiplier).toEqual({ num: 14, den: 10 });
    expect(p.dibao.gradualExitMaxMonths).toBe(3);
    expect(p.dibao.standardFen).toEqual(DEFAULTS_2026.dibao.standardFen);
    expect(DEFAULTS_2026.dibao.gradualExitMaxMonths).toBe(6);
  });
  it.each([
    ['0.3', 3, 10],
    ['1.5', 15, 10],
    ['1', 1, 1],
    ['0.0125', 125, 10_000],
  ])('reads %s as %i/%i', (s, num, den) => {
    expect(decimalToRatio(s)).toEqual({ num, den });
  });
});

describe('startsRecalc', () => {
  it.each([
    ['edge.multiplier', true],
    ['charity.countsAsIncome', true],
    ['portal.maskNamesOnline', false],
    ['portal.localHotline', false],
  ] as const)('%s recalculates the caseload: %s', (key, recalc) => {
    expect(startsRecalc(key)).toBe(recalc);
  });
});
