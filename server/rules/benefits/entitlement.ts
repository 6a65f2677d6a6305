// The monthly amount of an entitlement from the facts it was fixed on (domain-rules §3.8, §5.4,
// §9.4). A decision stores these facts (its basis); a standard change recomputes the amount from
// them under the new parameters without re-running the means test, which is what S4 #6's dynamic
// adjustment asks: the household's assessed income stays, the standard moves.
import type { SelfCareLevel } from '../codes.ts';
import { type BreakdownLine, roundHalfUpToYuanFen } from './breakdown.ts';
import type { Area, PolicyParameters } from './parameters.ts';
import { tekunMonthlySupport } from './tekun.ts';

export type EntitlementBasis =
  | {
      method: 'GAP';
      area: Area;
      householdSize: number;
      /** Σ net countable income over the look-back window (HouseholdIncome.netFen). */
      netIncomeFen: number;
      incomeMonths: number;
    }
  | { method: 'FULL_STANDARD'; area: Area }
  | { method: 'TEKUN_SUPPORT'; area: Area; careLevel: SelfCareLevel };

export type EntitlementAmount = { eligible: boolean; amountFen: number; breakdown: BreakdownLine[] };

/**
 * 低保 gap amount for a household: size × standard − net / months, rounded half-up to the yuan
 * (S3 Art.12; S1 Art.23; §15). Null when per-capita income is not strictly below the standard
 * (S3 Art.9): net / (months × size) < standard ⇔ net < size × standard × months.
 */
export function dibaoGapFen(
  size: number,
  standardFen: number,
  netFen: number,
  months: number,
): number | null {
  const num = size * standardFen * months - netFen;
  return num > 0 ? roundHalfUpToYuanFen(num, months) : null;
}

export function entitlementAmount(basis: EntitlementBasis, params: PolicyParameters): EntitlementAmount {
  const standardFen = params.dibao.standardFen[basis.area];
  switch (basis.method) {
    case 'GAP': {
      const fen = dibaoGapFen(basis.householdSize, standardFen, basis.netIncomeFen, basis.incomeMonths);
      const line: BreakdownLine = {
        code: 'dibao.gap',
        zh: `差额 = (${standardFen / 100} − 月人均收入) × ${basis.householdSize} 人`,
        en: `gap = (${standardFen / 100} − per-capita income) × ${basis.householdSize} people`,
        amountFen: fen ?? 0,
        rule: 'S3 Art.12; S1 Art.23; §15',
      };
      return fen === null
        ? {
            eligible: false,
            amountFen: 0,
            breakdown: [{ ...line, code: 'dibao.not_below', rule: 'S3 Art.9 (strict <)' }],
          }
        : { eligible: true, amountFen: fen, breakdown: [line] };
    }
    case 'FULL_STANDARD':
      return {
        eligible: true,
        amountFen: standardFen,
        breakdown: [
          {
            code: 'dibao.single.amount',
            zh: '单人保按当地低保标准全额发放',
            en: 'single-person 低保 pays the full standard',
            amountFen: standardFen,
            rule: '§15; S1 Art.8',
          },
        ],
      };
    case 'TEKUN_SUPPORT': {
      const s = tekunMonthlySupport(basis.area, basis.careLevel, params);
      return { eligible: true, amountFen: s.amountFen, breakdown: s.breakdown };
    }
  }
}
