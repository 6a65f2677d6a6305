// What a standard change does to one entitlement (domain-rules §9.4; S4 #6; §2.1). Pure.
//
// The new amount is computed from the facts the decision fixed, under the parameters in force
// from the change's effective month. An increase applies from that month (or from the case's own
// later start), and the months already paid at the old amount are owed as back-pay. A decrease is
// not recovered for months already paid in good faith (recovery is for unreported changes and
// fraud, §2.5): it applies from the first month not yet paid. A case that no longer qualifies is
// not stopped here: it is listed for the town's review, because stopping needs due process (§3.9).

import { monthIndex } from '../../rules/benefits/breakdown.ts';
import { type EntitlementBasis, entitlementAmount } from '../../rules/benefits/entitlement.ts';
import type { PolicyParameters } from '../../rules/benefits/parameters.ts';
import type { BasisRow, ChangeRow } from './entitlements.repository.ts';

export function basisOf(row: BasisRow): EntitlementBasis {
  switch (row.method) {
    case 'GAP':
      return {
        method: 'GAP',
        area: row.area,
        householdSize: row.household_size,
        netIncomeFen: row.net_income_fen,
        incomeMonths: row.income_months,
      };
    case 'FULL_STANDARD':
      return { method: 'FULL_STANDARD', area: row.area };
    case 'TEKUN_SUPPORT':
      return { method: 'TEKUN_SUPPORT', area: row.area, careLevel: row.care_level ?? 'SELF_CARE' };
  }
}

const later = (a: string, b: string) => (a > b ? a : b);
/** Whole months from `from` (inclusive) to `to` (exclusive), both 'YYYY-MM-01'; never negative. */
export const monthsBetween = (from: string, to: string): number =>
  Math.max(0, monthIndex(to.slice(0, 7)) - monthIndex(from.slice(0, 7)));

/**
 * @param effectiveFrom first month of the new standard, 'YYYY-MM-01'
 * @param firstUnpaidMonth the first month payroll has not paid yet, 'YYYY-MM-01'
 * @returns the change, or null when the amount stays the same
 */
export function recalcChange(
  row: BasisRow,
  params: PolicyParameters,
  effectiveFrom: string,
  firstUnpaidMonth: string,
): ChangeRow | null {
  const r = entitlementAmount(basisOf(row), params);
  const from = later(effectiveFrom, row.effective_from);
  const base = { case_id: row.case_id, base_version: row.version, old_fen: row.amount_fen };
  if (!r.eligible)
    return {
      ...base,
      new_fen: 0,
      applies_from: from,
      back_pay_months: 0,
      back_pay_fen: 0,
      outcome: 'INELIGIBLE',
    };
  if (r.amountFen === row.amount_fen) return null;
  if (r.amountFen < row.amount_fen)
    return {
      ...base,
      new_fen: r.amountFen,
      applies_from: later(from, firstUnpaidMonth),
      back_pay_months: 0,
      back_pay_fen: 0,
      outcome: 'CHANGE',
    };
  const months = monthsBetween(from, firstUnpaidMonth);
  return {
    ...base,
    new_fen: r.amountFen,
    applies_from: from,
    back_pay_months: months,
    back_pay_fen: months * (r.amountFen - row.amount_fen),
    outcome: 'CHANGE',
  };
}
