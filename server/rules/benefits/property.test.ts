import { describe, expect, it } from 'vitest';
import { DEFAULTS_2026, type PolicyParameters } from './parameters.ts';
import { checkProperty, type PropertyFacts } from './property.ts';

const y = (yuan: number): number => yuan * 100;
const base: PropertyFacts = { householdSize: 2, financialAssetsFen: 0, vehicles: [], residences: 1 };

describe('checkProperty (S1 Art.14; §10.2; §15)', () => {
  // 2026 urban standard 1000 元: limit 24 000 元 per capita.
  it.each<[string, Partial<PropertyFacts>, 'urban' | 'rural', number, string]>([
    ['no assets passes', {}, 'urban', 0, '§15'],
    [
      'financial assets exactly 24 × standard per capita passes',
      { financialAssetsFen: y(48000) },
      'urban',
      0,
      '§15 (≤)',
    ],
    ['one fen above the limit fails', { financialAssetsFen: y(48000) + 1 }, 'urban', 1, '§15 (≤)'],
    [
      'the rural limit uses the rural standard (24 × 800 × 2)',
      { financialAssetsFen: y(38400) + 1 },
      'rural',
      1,
      '§15',
    ],
    [
      'an exempt mobility vehicle passes',
      { vehicles: [{ id: 'v1', exemption: 'disabled_mobility' }] },
      'urban',
      0,
      '§10.2',
    ],
    ['an ordinary vehicle fails', { vehicles: [{ id: 'v1', exemption: null }] }, 'urban', 1, '§10.2'],
    ['no residence passes', { residences: 0 }, 'urban', 0, '§10.2'],
    ['two residences fail', { residences: 2 }, 'urban', 1, '§10.2'],
    [
      'every failure is listed: assets, two vehicles, housing',
      {
        financialAssetsFen: y(100000),
        vehicles: [
          { id: 'v1', exemption: null },
          { id: 'v2', exemption: null },
          { id: 'v3', exemption: 'low_value_production' },
        ],
        residences: 3,
      },
      'urban',
      4,
      'S1 Art.14; §10.2 (all failures)',
    ],
  ])('%s', (_name, patch, area, failures, _rule) => {
    const r = checkProperty({ ...base, ...patch }, area, DEFAULTS_2026);
    expect(r.failures).toHaveLength(failures);
    expect(r.ok).toBe(failures === 0);
    expect(r.failures.every((f) => f.rule && f.zh && f.en)).toBe(true);
  });

  it('a configured per-capita area threshold admits a second residence within it (§10.2)', () => {
    const p: PolicyParameters = {
      ...DEFAULTS_2026,
      dibao: { ...DEFAULTS_2026.dibao, housing: { maxResidences: 1, perCapitaAreaMaxM2: 30 } },
    };
    expect(checkProperty({ ...base, residences: 2, housingAreaM2: 60 }, 'urban', p).ok).toBe(true);
    expect(checkProperty({ ...base, residences: 2, housingAreaM2: 61 }, 'urban', p).ok).toBe(false);
  });

  it('refuses malformed facts', () => {
    expect(() => checkProperty({ ...base, householdSize: 0 }, 'urban', DEFAULTS_2026)).toThrow(RangeError);
    expect(() => checkProperty({ ...base, financialAssetsFen: -1 }, 'urban', DEFAULTS_2026)).toThrow(
      RangeError,
    );
  });
});
