import { describe, expect, it } from 'vitest';
import { assessDibaoEdge } from './edge.ts';
import { DEFAULTS_2026 } from './parameters.ts';
import { incomePerCapita, propertyFails, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026; // urban 1000 → edge ceiling 1500; rural 800 → 1200

describe('assessDibaoEdge — 低保边缘 (§4; S1 Art.8 last ¶; §15)', () => {
  it.each<[string, 'urban' | 'rural', number, boolean, boolean, string[] | null, string]>([
    ['per capita 1200 < 1.5 × 1000', 'urban', y(1200), false, true, null, 'S1 Art.8 last ¶'],
    [
      'per capita exactly the 低保 standard is edge, not 低保',
      'urban',
      y(1000),
      false,
      true,
      null,
      'S3 Art.9; §4',
    ],
    ['one fen below 1.5 × standard', 'urban', y(1500) - 1, false, true, null, '§15 (strict <)'],
    [
      'per capita EQUAL to 1.5 × standard is not edge',
      'urban',
      y(1500),
      false,
      true,
      ['S1 Art.8 last ¶; §15 (strict <)'],
      '§15 (strict <)',
    ],
    ['rural ceiling 1.5 × 800 = 1200: 1199.99 passes', 'rural', y(1200) - 1, false, true, null, '§15'],
    ['rural: exactly 1200 fails', 'rural', y(1200), false, true, ['S1 Art.8 last ¶; §15 (strict <)'], '§15'],
    ['below the 低保 standard: apply for 低保', 'urban', y(900), false, true, ['§4; S3 Art.9'], '§4'],
    ['already on 低保', 'urban', y(1200), true, true, ['§4; §15'], '§15 (not on 低保)'],
    [
      'every failure listed: on 低保, income, assets, vehicle',
      'urban',
      y(2000),
      true,
      false,
      ['§4; §15', 'S1 Art.8 last ¶; §15 (strict <)', 'S1 Art.14; §15', 'S1 Art.14; §10.2'],
      '§4',
    ],
    [
      'below the standard but property fails: only the property failures',
      'urban',
      y(900),
      false,
      false,
      ['S1 Art.14; §15', 'S1 Art.14; §10.2'],
      '§4 (property meets local rules)',
    ],
  ])('%s', (_name, area, perCapita, onDibao, propOk, failures, _rule) => {
    const r = assessDibaoEdge({
      area,
      income: incomePerCapita(2, perCapita),
      property: propOk ? propertyOk(2) : propertyFails(2),
      onDibao,
      params: P,
    });
    if (failures === null) {
      expect(r.eligible).toBe(true);
      expect(r.breakdown.at(-1)?.code).toBe('edge.recognised');
    } else {
      expect(r.eligible).toBe(false);
      if (!r.eligible) expect(r.failures.map((f) => f.rule)).toEqual(failures);
    }
  });
  it('reports the ceiling (1.5 × 1000 = 1500 元)', () => {
    const r = assessDibaoEdge({
      area: 'urban',
      income: incomePerCapita(1, y(1200)),
      property: propertyOk(1),
      onDibao: false,
      params: P,
    });
    expect(r.eligible && r.ceilingFen).toBe(y(1500));
  });
});
