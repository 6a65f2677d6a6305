import { monthIndex, monthOf } from '../../rules/benefits/breakdown.ts';
import { type IncomeRecord, lookbackWindow } from '../../rules/benefits/income.ts';
import type { PolicyParameters } from '../../rules/benefits/parameters.ts';

// Which charity disbursements count toward household income for the means test (pure).
// S1 Art.13: income is all cash and in-kind income of the co-resident members in the period; donations
// (捐赠) are transfer income, 转移性收入 (Art.13(四)). Charity money is not government assistance, so
// the Art.13 exclusion (二) does not cover it. §9.2: it is excluded only where a local rule says so
// (Art.13 exclusion (四)), which the county sets as the parameter `charity.countsAsIncome`.
// The window is the means test's: the `months` full calendar months before the acceptance month (§15).

export type CharityReceipt = {
  id: string;
  /** 'YYYY-MM-DD' the money or goods were given. */
  on: string;
  /** Cash, or goods at their value (Art.13 counts in-kind income too). */
  valueFen: number;
  /** The member who received it, or null when given to the household. */
  personId: string | null;
};

export type CharityIncomeInput = {
  /** The means test's reference date (acceptance); the window is the full months before its month. */
  acceptanceDate: string;
  months: number;
  countsAsIncome: boolean;
  receipts: readonly CharityReceipt[];
  /** Co-resident members (after §3.2); a receipt of anyone else is not this household's income. */
  memberIds: readonly string[];
  /** Who a household-level receipt is booked to (the head): householdIncome needs a member. */
  householdMemberId: string;
};

export type CharityIncomeItem = {
  id: string;
  on: string;
  valueFen: number;
  inWindow: boolean;
  counted: boolean;
};

export type CharityIncome = {
  window: { from: string; to: string; months: number };
  countsAsIncome: boolean;
  rule: string;
  items: CharityIncomeItem[];
  countedFen: number;
  excludedFen: number;
  /**
   * Records for householdIncome (server/rules/benefits/income.ts): `transfer_in` when counted,
   * `locally_excluded` when the county excludes charity, so the breakdown shows both.
   */
  records: IncomeRecord[];
};

export const RULE_COUNTS = 'S1 Art.13(四) 捐赠属转移性收入; §9.2';
export const RULE_EXCLUDED = 'S1 Art.13 exclusion (四) 地方规定不计入; §9.2';

export function charityIncome(input: CharityIncomeInput): CharityIncome {
  const { from, to } = lookbackWindow(input.acceptanceDate, input.months);
  const lo = monthIndex(from);
  const hi = monthIndex(to);
  const members = new Set(input.memberIds);
  const items: CharityIncomeItem[] = [];
  const records: IncomeRecord[] = [];
  let countedFen = 0;
  let excludedFen = 0;
  for (const r of input.receipts) {
    if (!Number.isSafeInteger(r.valueFen) || r.valueFen <= 0)
      throw new RangeError(`charity value: ${r.valueFen}`);
    const month = monthOf(r.on);
    const m = monthIndex(month);
    const memberId = r.personId !== null && members.has(r.personId) ? r.personId : input.householdMemberId;
    // A receipt of someone who has left the household is not its income (S1 Art.7 co-residence).
    const inWindow = m >= lo && m <= hi && (r.personId === null || members.has(r.personId));
    const counted = inWindow && input.countsAsIncome;
    items.push({ id: r.id, on: r.on, valueFen: r.valueFen, inWindow, counted });
    if (!inWindow) continue;
    if (counted) countedFen += r.valueFen;
    else excludedFen += r.valueFen;
    records.push({
      memberId,
      month,
      kind: counted ? 'transfer_in' : 'locally_excluded',
      amountFen: r.valueFen,
    });
  }
  return {
    window: { from, to, months: input.months },
    countsAsIncome: input.countsAsIncome,
    rule: input.countsAsIncome ? RULE_COUNTS : RULE_EXCLUDED,
    items,
    countedFen,
    excludedFen,
    records,
  };
}

/** The county's rule and window from its parameters in force on the date (parametersFor). */
export const charityIncomeRule = (p: PolicyParameters) => ({
  countsAsIncome: p.charity.countsAsIncome === 1,
  months: p.dibao.incomeLookbackMonths,
});

/** One member's income line of a case's facts (contracts/benefits.ts member `incomes`). */
export type MonthlyIncome = { kind: 'transfer_in' | 'locally_excluded'; monthlyFen: number };

/**
 * The charity income as the starting facts of an application state incomes: per member and kind,
 * the window's total as a monthly figure (facts hold monthly amounts over the window), rounded
 * half up to the fen. Excluded money stays visible as `locally_excluded`, which the means test shows
 * and does not count.
 */
export function monthlyCharityIncomes(income: CharityIncome): Map<string, MonthlyIncome[]> {
  const totals = new Map<string, Map<MonthlyIncome['kind'], number>>();
  for (const r of income.records) {
    if (r.kind !== 'transfer_in' && r.kind !== 'locally_excluded') continue;
    const byKind = totals.get(r.memberId) ?? new Map<MonthlyIncome['kind'], number>();
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.amountFen);
    totals.set(r.memberId, byKind);
  }
  const months = income.window.months;
  const out = new Map<string, MonthlyIncome[]>();
  for (const [member, byKind] of totals)
    out.set(
      member,
      [...byKind].map(([kind, fen]) => ({ kind, monthlyFen: Math.floor((2 * fen + months) / (2 * months)) })),
    );
  return out;
}
