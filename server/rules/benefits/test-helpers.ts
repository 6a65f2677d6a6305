// Builders shared by the benefit tests (not used by production code).
import { type HouseholdIncome, householdIncome } from './income.ts';
import { DEFAULTS_2026, type PolicyParameters } from './parameters.ts';
import { checkProperty, type PropertyCheck } from './property.ts';

export const y = (yuan: number): number => Math.round(yuan * 100);

/** A household of `size` whose countable income over the 12-month window totals `windowFen`. */
export function incomeOf(
  size: number,
  windowFen: number,
  params: PolicyParameters = DEFAULTS_2026,
): HouseholdIncome {
  const memberIds = Array.from({ length: size }, (_, i) => `m${i + 1}`);
  return householdIncome({
    acceptanceDate: '2026-03-15',
    memberIds,
    records: windowFen > 0 ? [{ memberId: 'm1', month: '2025-06', kind: 'other', amountFen: windowFen }] : [],
    params,
  });
}

/** A household whose per-capita monthly income is exactly `perCapitaFen`. */
export const incomePerCapita = (
  size: number,
  perCapitaFen: number,
  params?: PolicyParameters,
): HouseholdIncome => incomeOf(size, perCapitaFen * size * 12, params);

export const propertyOk = (size: number, params: PolicyParameters = DEFAULTS_2026): PropertyCheck =>
  checkProperty({ householdSize: size, financialAssetsFen: 0, vehicles: [], residences: 1 }, 'urban', params);

export const propertyFails = (size: number, params: PolicyParameters = DEFAULTS_2026): PropertyCheck =>
  checkProperty(
    {
      householdSize: size,
      financialAssetsFen: y(1_000_000),
      vehicles: [{ id: 'car', exemption: null }],
      residences: 1,
    },
    'urban',
    params,
  );
