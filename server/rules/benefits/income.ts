// Household per-capita monthly income (家庭收入) for 低保 and the schemes that reuse its rules
// (domain-rules §3.5 [V S1 Art.13]; §15 look-back and employment-cost deduction).
//
// Window: the `incomeLookbackMonths` full calendar months before the acceptance month (§15).
// Income is averaged per month over the window, then divided by the household size. The result
// stays an exact fraction (netFen / (months × size)); the display figures are rounded to the fen.
import {
  addMonths,
  applyRatioFen,
  assertFen,
  type BreakdownLine,
  divRoundHalfUp,
  monthIndex,
  monthOf,
  type Ratio,
} from './breakdown.ts';
import type { PolicyParameters } from './parameters.ts';

type KindInfo = {
  zh: string;
  en: string;
  rule: string;
  treatment: 'add' | 'subtract' | 'exclude' | 'deduct';
};

/** The five income parts (S1 Art.13 ¶1), their subtractions, the excluded kinds and the deductions. */
export const INCOME_KINDS = {
  wage: { zh: '工资性收入', en: 'wages and labour remuneration', rule: 'S1 Art.13(一)', treatment: 'add' },
  business: { zh: '经营收入', en: 'business income', rule: 'S1 Art.13(二)', treatment: 'add' },
  business_cost: {
    zh: '经营费用、折旧和生产税',
    en: 'business expenses, depreciation and production taxes',
    rule: 'S1 Art.13(二)',
    treatment: 'subtract',
  },
  property: { zh: '财产净收入', en: 'net property income', rule: 'S1 Art.13(三)', treatment: 'add' },
  transfer_in: { zh: '转移性收入', en: 'transfer income', rule: 'S1 Art.13(四)', treatment: 'add' },
  transfer_out: {
    zh: '转移性支出（税费、社保缴费、赡养支出等）',
    en: 'transfer expenditure (taxes, social-insurance contributions, support paid)',
    rule: 'S1 Art.13(四)',
    treatment: 'subtract',
  },
  other: { zh: '其他收入', en: 'other income', rule: 'S1 Art.13(五)', treatment: 'add' },
  preferential_care: {
    zh: '优待抚恤金（不计入）',
    en: 'preferential-treatment and survivor pensions (not counted)',
    rule: 'S1 Art.13 exclusion (一)',
    treatment: 'exclude',
  },
  family_planning: {
    zh: '计划生育奖励与扶助金（不计入）',
    en: 'family-planning rewards and support (not counted)',
    rule: 'S1 Art.13 exclusion (一)',
    treatment: 'exclude',
  },
  reward_subsidy: {
    zh: '奖学金、见义勇为等奖励性补助（不计入）',
    en: 'scholarships, bravery awards and similar rewards (not counted)',
    rule: 'S1 Art.13 exclusion (一)',
    treatment: 'exclude',
  },
  social_assistance: {
    zh: '政府发放的社会救助款物（不计入）',
    en: 'government social-assistance money and goods (not counted)',
    rule: 'S1 Art.13 exclusion (二)',
    treatment: 'exclude',
  },
  basic_pension_central: {
    zh: '城乡居民基本养老保险中的基础养老金（不计入）',
    en: 'central basic pension of the resident pension scheme (not counted)',
    rule: 'S1 Art.13 exclusion (三)',
    treatment: 'exclude',
  },
  old_age_allowance: {
    zh: '高龄津贴（特困不计入；低保计入转移性收入）',
    en: 'old-age allowance (not counted for 特困; transfer income for 低保)',
    rule: 'S2 Art.6 ¶2; S1 Art.13(四)',
    treatment: 'exclude',
  },
  locally_excluded: {
    zh: '地市级以上政府规定不计入的其他收入',
    en: 'other income excluded by a prefecture-level or higher government',
    rule: 'S1 Art.13 exclusion (四)',
    treatment: 'exclude',
  },
  exempted_support: {
    zh: '兄弟姐妹或60岁以上父母给付的赡养（扶养）费（豁免）',
    en: 'support from siblings or parents aged 60+ (exempted)',
    rule: 'S5 §一(一)',
    treatment: 'exclude',
  },
  disability_illness_spending: {
    zh: '因残疾、患重病等产生的刚性支出（扣减）',
    en: 'rigid spending caused by disability or serious illness (deducted)',
    rule: 'S1 Art.13 last ¶',
    treatment: 'deduct',
  },
} as const satisfies Record<string, KindInfo>;

export type IncomeKind = keyof typeof INCOME_KINDS;

export type IncomeRecord = {
  memberId: string;
  /** 'YYYY-MM' of the month the income belongs to. */
  month: string;
  kind: IncomeKind;
  /** Non-negative fen; the kind decides whether it adds, subtracts, is excluded or deducted. */
  amountFen: number;
};

export type HouseholdIncomeInput = {
  /** Acceptance date 'YYYY-MM-DD'; the window is the full months before its month. */
  acceptanceDate: string;
  /** Ids of the co-resident members (after assessMembership, §3.2). */
  memberIds: readonly string[];
  records: readonly IncomeRecord[];
  params: PolicyParameters;
  /**
   * 'tekun' applies the S2 Art.6 ¶2 exclusion of 高龄津贴; for 低保 (the default) S1 Art.13 does not
   * exclude it, so it counts as transfer income unless recorded as `locally_excluded`.
   */
  scheme?: 'dibao' | 'tekun';
};

export type HouseholdIncome = {
  window: { from: string; to: string; months: number };
  householdSize: number;
  /** Σ countable income over the window (five parts, net of their subtractions). */
  countableFen: number;
  /** Σ employment-cost deductions over the window. */
  employmentCostFen: number;
  /** Σ disability / illness rigid-spending deductions over the window. */
  disabilityIllnessFen: number;
  /** max(0, countable − deductions) over the window. */
  netFen: number;
  /** Exact per-capita monthly income = netFen / (months × householdSize). */
  perCapitaMonthly: Ratio;
  /** Display only (half-up to the fen); decisions use perCapitaMonthly. */
  perCapitaMonthlyFen: number;
  householdMonthlyFen: number;
  breakdown: BreakdownLine[];
};

/** The look-back window for an acceptance date: the full months before the acceptance month (§15). */
export function lookbackWindow(acceptanceDate: string, months: number): { from: string; to: string } {
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`look-back months: ${months}`);
  const to = addMonths(monthOf(acceptanceDate), -1);
  return { from: addMonths(to, -(months - 1)), to };
}

export function householdIncome(input: HouseholdIncomeInput): HouseholdIncome {
  const { params } = input;
  const months = params.dibao.incomeLookbackMonths;
  const { from, to } = lookbackWindow(input.acceptanceDate, months);
  const size = new Set(input.memberIds).size;
  if (size === 0 || size !== input.memberIds.length) {
    throw new RangeError('memberIds must list at least one member, each once');
  }
  const members = new Set(input.memberIds);
  const lo = monthIndex(from);
  const hi = monthIndex(to);

  const byKind = new Map<IncomeKind, number>();
  const wageByMember = new Map<string, number>();
  let outsideWindow = 0;
  let nonMember = 0;
  for (const r of input.records) {
    assertFen(r.amountFen, `income record ${r.memberId} ${r.month} ${r.kind}`);
    if (!(r.kind in INCOME_KINDS)) throw new RangeError(`unknown income kind: ${r.kind}`);
    const m = monthIndex(r.month);
    if (!members.has(r.memberId)) {
      nonMember += 1;
      continue;
    }
    if (m < lo || m > hi) {
      outsideWindow += 1;
      continue;
    }
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.amountFen);
    if (r.kind === 'wage') wageByMember.set(r.memberId, (wageByMember.get(r.memberId) ?? 0) + r.amountFen);
  }

  const breakdown: BreakdownLine[] = [
    {
      code: 'income.window',
      zh: `收入计算期：${from} 至 ${to}，共 ${months} 个月；家庭成员 ${size} 人`,
      en: `income window ${from} to ${to}, ${months} months; household of ${size}`,
      rule: '§15',
    },
  ];
  let countable = 0;
  let disabilityIllness = 0;
  for (const [kind, listed] of Object.entries(INCOME_KINDS) as [IncomeKind, KindInfo][]) {
    const total = byKind.get(kind);
    if (total === undefined) continue;
    const info: KindInfo =
      kind === 'old_age_allowance' && input.scheme !== 'tekun'
        ? {
            zh: '高龄津贴（转移性收入）',
            en: 'old-age allowance (transfer income)',
            rule: 'S1 Art.13(四)',
            treatment: 'add',
          }
        : listed;
    if (info.treatment === 'add') countable += total;
    else if (info.treatment === 'subtract') countable -= total;
    else if (info.treatment === 'deduct') disabilityIllness += total;
    const signed = info.treatment === 'add' ? total : info.treatment === 'exclude' ? 0 : -total;
    breakdown.push({
      code: `income.${info.treatment}.${kind}`,
      zh: info.treatment === 'exclude' ? `${info.zh}：${total} 分` : info.zh,
      en: info.treatment === 'exclude' ? `${info.en}: ${total} fen` : info.en,
      amountFen: signed,
      rule: info.rule,
    });
  }

  // 就业成本扣减 per employed member: min(pct × monthly wage, cap) per month. Over the window that is
  // min(pct × window wage, cap × months), using the member's average monthly wage (§15).
  let employmentCost = 0;
  const { pct, capFenPerMonth } = params.dibao.employmentCost;
  for (const id of input.memberIds) {
    const wage = wageByMember.get(id) ?? 0;
    if (wage === 0) continue;
    const deduction = Math.min(applyRatioFen(wage, pct), capFenPerMonth * months);
    employmentCost += deduction;
    breakdown.push({
      code: 'income.deduct.employment_cost',
      zh: `成员 ${id} 就业成本扣减：每月 min(工资性收入 × ${pct.num}/${pct.den}, ${capFenPerMonth / 100} 元)`,
      en: `member ${id} employment-cost deduction: per month min(wage × ${pct.num}/${pct.den}, ${capFenPerMonth / 100} yuan)`,
      amountFen: -deduction,
      rule: 'S1 Art.13 last ¶; §15',
    });
  }
  if (outsideWindow > 0 || nonMember > 0) {
    breakdown.push({
      code: 'income.ignored',
      zh: `未计入：计算期外记录 ${outsideWindow} 条，非共同生活家庭成员记录 ${nonMember} 条`,
      en: `ignored: ${outsideWindow} records outside the window, ${nonMember} records of non-members`,
      rule: 'S1 Art.7; §15',
    });
  }

  const netRaw = countable - employmentCost - disabilityIllness;
  const netFen = Math.max(0, netRaw);
  if (netRaw < 0) {
    breakdown.push({
      code: 'income.floor_zero',
      zh: '扣减后收入为负，按 0 计',
      en: 'income after deductions is negative; counted as 0',
      rule: '§3.8',
    });
  }
  const householdMonthlyFen = divRoundHalfUp(netFen, months);
  const perCapitaMonthlyFen = divRoundHalfUp(netFen, months * size);
  breakdown.push(
    {
      code: 'income.net_window',
      zh: '计算期内家庭收入合计（扣减后）',
      en: 'household income over the window after deductions',
      amountFen: netFen,
      rule: 'S1 Art.13',
    },
    {
      code: 'income.household_monthly',
      zh: `家庭月均收入（÷ ${months}）`,
      en: `household monthly average (÷ ${months})`,
      amountFen: householdMonthlyFen,
      rule: '§3.8; §15',
    },
    {
      code: 'income.per_capita_monthly',
      zh: `家庭月人均收入（÷ ${months} ÷ ${size}）`,
      en: `per-capita monthly income (÷ ${months} ÷ ${size})`,
      amountFen: perCapitaMonthlyFen,
      rule: '§3.8; §15',
    },
  );

  return {
    window: { from, to, months },
    householdSize: size,
    countableFen: countable,
    employmentCostFen: employmentCost,
    disabilityIllnessFen: disabilityIllness,
    netFen,
    perCapitaMonthly: { num: netFen, den: months * size },
    perCapitaMonthlyFen,
    householdMonthlyFen,
    breakdown,
  };
}

/** Exact test: per-capita monthly income < multiplier × thresholdFen (per person-month). */
export function perCapitaBelow(
  income: Pick<HouseholdIncome, 'perCapitaMonthly'>,
  thresholdFen: number,
  multiplier: Ratio = { num: 1, den: 1 },
): boolean {
  const pc = income.perCapitaMonthly;
  return pc.num * multiplier.den < thresholdFen * multiplier.num * pc.den;
}

/** Exact test: per-capita income, annualised (× 12), < an annual figure in fen per person-year. */
export function perCapitaAnnualBelow(
  income: Pick<HouseholdIncome, 'perCapitaMonthly'>,
  annualFen: number,
): boolean {
  const pc = income.perCapitaMonthly;
  return pc.num * 12 < annualFen * pc.den;
}
