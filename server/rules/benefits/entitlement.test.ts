import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessDibao } from './dibao.ts';
import { type EntitlementBasis, entitlementAmount } from './entitlement.ts';
import { DEFAULTS_2025, DEFAULTS_2026, type PolicyParameters } from './parameters.ts';
import { tekunMonthlySupport } from './tekun.ts';
import { incomeOf, propertyOk, y } from './test-helpers.ts';

const P = DEFAULTS_2026; // urban 1000, rural 800 元/人·月

const withStandard = (urbanFen: number, ruralFen: number): PolicyParameters => ({
  ...P,
  dibao: { ...P.dibao, standardFen: { urban: urbanFen, rural: ruralFen } },
});

const gap = (size: number, perCapitaFen: number, area: 'urban' | 'rural' = 'urban'): EntitlementBasis => ({
  method: 'GAP',
  area,
  householdSize: size,
  netIncomeFen: perCapitaFen * size * 12,
  incomeMonths: 12,
});

describe('entitlementAmount — the amount recomputed from the facts a decision fixed (§9.4; S4 #6)', () => {
  it.each<[string, EntitlementBasis, PolicyParameters, number | null, string]>([
    ['gap: 3 people, per capita 600, urban 1000 → 1200', gap(3, y(600)), P, y(1200), 'S3 Art.12; §15'],
    ['gap after a rise to 1100 → 1500', gap(3, y(600)), withStandard(y(1100), y(900)), y(1500), 'S3 Art.12'],
    ['gap, rural standard 800', gap(2, y(500), 'rural'), P, y(600), 'S3 Art.10; §15'],
    [
      'income equal to a lowered standard is no longer eligible',
      gap(3, y(900)),
      withStandard(y(900), y(800)),
      null,
      'S3 Art.9 (strict <)',
    ],
    [
      'single-person 低保 pays the full standard',
      { method: 'FULL_STANDARD', area: 'urban' },
      P,
      y(1000),
      'S1 Art.8; §15',
    ],
    [
      'single-person 低保 follows a rural rise',
      { method: 'FULL_STANDARD', area: 'rural' },
      withStandard(y(1000), y(850)),
      y(850),
      '§15',
    ],
  ])('%s (%s)', (_name, basis, params, amount, _rule) => {
    const r = entitlementAmount(basis, params);
    if (amount === null) expect(r).toMatchObject({ eligible: false, amountFen: 0 });
    else expect(r).toMatchObject({ eligible: true, amountFen: amount });
  });

  it('特困 support is basic living plus care by level, as the calculator gives it (§5.4; §15)', () => {
    for (const careLevel of ['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS'] as const) {
      for (const params of [DEFAULTS_2025, DEFAULTS_2026]) {
        const r = entitlementAmount({ method: 'TEKUN_SUPPORT', area: 'rural', careLevel }, params);
        expect(r.amountFen).toBe(tekunMonthlySupport('rural', careLevel, params).amountFen);
      }
    }
  });

  it('gives the same amount as the household assessment it was fixed from', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: y(20_000) }),
        fc.constantFrom<'urban' | 'rural'>('urban', 'rural'),
        (size, windowFen, area) => {
          const income = incomeOf(size, windowFen);
          const assessed = assessDibao({ area, income, property: propertyOk(size), params: P });
          const basis: EntitlementBasis = {
            method: 'GAP',
            area,
            householdSize: size,
            netIncomeFen: income.netFen,
            incomeMonths: income.window.months,
          };
          const r = entitlementAmount(basis, P);
          expect(r.eligible).toBe(assessed.eligible);
          if (assessed.eligible) expect(r.amountFen).toBe(assessed.amountFen);
        },
      ),
    );
  });

  it('never pays a negative amount, and a higher standard never lowers it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: y(30_000) }),
        fc.integer({ min: y(300), max: y(2000) }),
        fc.integer({ min: 0, max: y(300) }),
        (size, netFen, standard, rise) => {
          const basis: EntitlementBasis = {
            method: 'GAP',
            area: 'urban',
            householdSize: size,
            netIncomeFen: netFen,
            incomeMonths: 12,
          };
          const before = entitlementAmount(basis, withStandard(standard, standard));
          const after = entitlementAmount(basis, withStandard(standard + rise, standard + rise));
          expect(before.amountFen).toBeGreaterThanOrEqual(0);
          expect(after.amountFen).toBeGreaterThanOrEqual(before.amountFen);
          if (before.eligible) expect(after.eligible).toBe(true);
        },
      ),
    );
  });
});
