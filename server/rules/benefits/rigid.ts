// 刚性支出困难家庭 (domain-rules §7.2 [V S8 Art.4–5]; §15 ratio threshold 0.5).
import {
  assertFen,
  type BreakdownLine,
  type Failure,
  type Ineligible,
  ineligibleIfAny,
  monthIndex,
} from './breakdown.ts';
import { type HouseholdIncome, perCapitaAnnualBelow } from './income.ts';
import type { Area, PolicyParameters } from './parameters.ts';
import type { PropertyCheck } from './property.ts';

export const RIGID_SPENDING_KINDS = {
  basic_living: { zh: '基本生活支出', en: 'basic living', rule: 'S8 Art.5(一)' },
  medical: { zh: '自付医疗费用', en: 'out-of-pocket medical costs', rule: 'S8 Art.5(二)' },
  education: { zh: '教育支出', en: 'education', rule: 'S8 Art.5(三)' },
  rehabilitation: { zh: '残疾康复支出', en: 'disability rehabilitation', rule: 'S8 Art.5(四)' },
  other: {
    zh: '县级民政认定的其他支出',
    en: 'other spending recognised by the county',
    rule: 'S8 Art.5(五)',
  },
} as const;

export type RigidSpendingKind = keyof typeof RIGID_SPENDING_KINDS;

export type RigidInput = {
  area: Area;
  /** Household income over the 12 months before applying (lookback must equal params.rigid.lookbackMonths). */
  income: HouseholdIncome;
  property: PropertyCheck;
  status: { onDibao: boolean; onTekun: boolean; isDibaoEdge: boolean };
  spending: readonly { month: string; kind: RigidSpendingKind; amountFen: number }[];
  params: PolicyParameters;
};

export type RigidEligible = {
  eligible: true;
  rigidSpendingFen: number;
  incomeFen: number;
  breakdown: BreakdownLine[];
};

/**
 * All conditions of S8 Art.4: not 低保 / 特困 / 低保边缘; per-capita income below the previous
 * year's local per-capita disposable income; property within the rules; and rigid spending ÷
 * family income over the 12 months before applying strictly greater than the threshold.
 * The denominator is the countable income before deductions (the deductions are themselves spending).
 */
export function assessRigidSpending(input: RigidInput): RigidEligible | Ineligible {
  const { area, income, property, params, status } = input;
  if (income.window.months !== params.rigid.lookbackMonths) {
    throw new RangeError(
      `rigid spending needs a ${params.rigid.lookbackMonths}-month income window, got ${income.window.months}`,
    );
  }
  const lo = monthIndex(income.window.from);
  const hi = monthIndex(income.window.to);
  const byKind = new Map<RigidSpendingKind, number>();
  for (const s of input.spending) {
    assertFen(s.amountFen, `rigid spending ${s.month} ${s.kind}`);
    if (!(s.kind in RIGID_SPENDING_KINDS)) throw new RangeError(`unknown rigid-spending kind: ${s.kind}`);
    const m = monthIndex(s.month);
    if (m < lo || m > hi) continue;
    byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.amountFen);
  }
  const breakdown: BreakdownLine[] = [...income.breakdown, ...property.breakdown];
  let rigid = 0;
  for (const [kind, info] of Object.entries(RIGID_SPENDING_KINDS) as [
    RigidSpendingKind,
    (typeof RIGID_SPENDING_KINDS)[RigidSpendingKind],
  ][]) {
    const total = byKind.get(kind);
    if (total === undefined) continue;
    rigid += total;
    breakdown.push({
      code: `rigid.spending.${kind}`,
      zh: info.zh,
      en: info.en,
      amountFen: total,
      rule: info.rule,
    });
  }
  const incomeFen = Math.max(0, income.countableFen);
  const t = params.rigid.ratioThreshold;
  breakdown.push(
    {
      code: 'rigid.spending.total',
      zh: '刚性支出合计',
      en: 'rigid spending',
      amountFen: rigid,
      rule: 'S8 Art.5',
    },
    {
      code: 'rigid.income.total',
      zh: '家庭收入合计',
      en: 'household income',
      amountFen: incomeFen,
      rule: 'S8 Art.4(四)',
    },
  );

  const failures: Failure[] = [];
  if (status.onDibao || status.onTekun || status.isDibaoEdge) {
    failures.push({
      rule: 'S8 Art.4(一)',
      zh: '已纳入低保、特困或低保边缘家庭',
      en: 'already a 低保, 特困 or 低保边缘 household',
    });
  }
  const disposable = params.prevYearDisposableIncomeFenPerYear[area];
  if (!perCapitaAnnualBelow(income, disposable)) {
    failures.push({
      rule: 'S8 Art.4(二) (strict <)',
      zh: `家庭人均收入不低于上年度当地居民人均可支配收入 ${disposable / 100} 元`,
      en: `per-capita income is not below the previous year's per-capita disposable income of ${disposable / 100} yuan`,
    });
  }
  failures.push(...property.failures);
  if (!(rigid * t.den > t.num * incomeFen)) {
    failures.push({
      rule: 'S8 Art.4(四); §15 (strict >)',
      zh: `近 12 个月刚性支出占家庭收入的比例未超过 ${t.num}/${t.den}`,
      en: `rigid spending over the last 12 months is not more than ${t.num}/${t.den} of household income`,
    });
  }
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;
  breakdown.push({
    code: 'rigid.recognised',
    zh: '认定为刚性支出困难家庭（有效期不超过 12 个月）',
    en: 'recognised as a rigid-spending hardship household (valid for at most 12 months)',
    rule: 'S8 Art.4; S8 Art.10',
  });
  return { eligible: true, rigidSpendingFen: rigid, incomeFen, breakdown };
}
