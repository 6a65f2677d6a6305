// 最低生活保障 eligibility and amount (domain-rules §3.1, §3.3, §3.8, §3.9; §15 defaults).
import { type Disability, isDibaoSingleDisability } from '../disability.ts';
import {
  addMonths,
  assertFen,
  type BreakdownLine,
  type Failure,
  type Ineligible,
  ineligibleIfAny,
  monthIndex,
} from './breakdown.ts';
import { dibaoGapFen } from './entitlement.ts';
import { type HouseholdIncome, perCapitaBelow } from './income.ts';
import type { Area, PolicyParameters } from './parameters.ts';
import type { PropertyCheck } from './property.ts';

export type DibaoInput = {
  area: Area;
  income: HouseholdIncome;
  property: PropertyCheck;
  params: PolicyParameters;
};

export type DibaoEligible = {
  eligible: true;
  method: 'GAP';
  /** Monthly household amount, whole yuan in fen (§15). */
  amountFen: number;
  householdSize: number;
  breakdown: BreakdownLine[];
};

export type DibaoResult = DibaoEligible | Ineligible;

const yuanStr = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

function standardLine(area: Area, standardFen: number): BreakdownLine {
  return {
    code: 'dibao.standard',
    zh: `${area === 'urban' ? '城市' : '农村'}低保标准（元/人·月）`,
    en: `${area} 低保 standard (per person-month)`,
    amountFen: standardFen,
    rule: 'S3 Art.10; §15',
  };
}

function incomeFailure(standardFen: number): Failure {
  return {
    rule: 'S3 Art.9 (strict <)',
    zh: `家庭月人均收入不低于当地低保标准 ${yuanStr(standardFen)} 元`,
    en: `per-capita monthly income is not below the standard of ${yuanStr(standardFen)} yuan`,
  };
}

/**
 * Household 低保: per-capita income strictly below the standard and property within the rules
 * (S3 Art.9). Amount by the gap method, (standard − per-capita income) × members, rounded half-up
 * to the whole yuan per month (S3 Art.12; S1 Art.23; §15).
 */
export function assessDibao(input: DibaoInput): DibaoResult {
  const { area, income, property, params } = input;
  const standardFen = params.dibao.standardFen[area];
  const size = income.householdSize;
  const months = income.window.months;
  const breakdown: BreakdownLine[] = [
    standardLine(area, standardFen),
    ...income.breakdown,
    ...property.breakdown,
  ];
  const failures: Failure[] = [];
  if (!perCapitaBelow(income, standardFen)) failures.push(incomeFailure(standardFen));
  failures.push(...property.failures);
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;

  // Income is strictly below the standard here, so the gap is positive.
  const amountFen = dibaoGapFen(size, standardFen, income.netFen, months) as number;
  breakdown.push(
    {
      code: 'dibao.income_below_standard',
      zh: '家庭月人均收入低于低保标准',
      en: 'per-capita monthly income is below the standard',
      rule: 'S3 Art.9 (strict <)',
    },
    {
      code: 'dibao.gap',
      zh: `差额 = (${yuanStr(standardFen)} − 月人均收入) × ${size} 人`,
      en: `gap = (${yuanStr(standardFen)} − per-capita income) × ${size} people`,
      amountFen: size * standardFen - income.householdMonthlyFen,
      rule: 'S3 Art.12; S1 Art.23',
    },
    {
      code: 'dibao.amount',
      zh: '月保障金额（按户四舍五入到元）',
      en: 'monthly amount (household, rounded half-up to the yuan)',
      amountFen,
      rule: '§15',
    },
  );
  return { eligible: true, method: 'GAP', amountFen, householdSize: size, breakdown };
}

export type SinglePersonFacts = {
  id: string;
  disability: Disability | null;
  /** 重特大疾病 as recognised locally (S1 Art.8(二)). */
  seriousIllness: boolean;
};

export type DibaoSingleEligible = {
  eligible: true;
  mode: 'FULL_STANDARD';
  amountFen: number;
  breakdown: BreakdownLine[];
};

/**
 * 单人保 (S1 Art.8 (一)(二); §3.3): a severely disabled (or grade-3 intellectual / mental) or
 * seriously ill member of a 低保边缘 household applies alone. The household must be 低保边缘:
 * not itself eligible for 低保, per-capita income < 1.5 × standard, property within the rules.
 * Amount: the full standard for that person (§15).
 */
export function assessDibaoSingle(
  input: DibaoInput & { person: SinglePersonFacts },
): DibaoSingleEligible | Ineligible {
  const { area, income, property, params, person } = input;
  const standardFen = params.dibao.standardFen[area];
  const m = params.edge.multiplier;
  const breakdown: BreakdownLine[] = [
    standardLine(area, standardFen),
    ...income.breakdown,
    ...property.breakdown,
  ];
  const failures: Failure[] = [];

  const disabilityOk = person.disability !== null && isDibaoSingleDisability(person.disability);
  if (!disabilityOk && !person.seriousIllness) {
    failures.push({
      rule: 'S1 Art.8(一)(二)',
      zh: `成员 ${person.id} 既非一、二级重度残疾或三级智力、精神残疾，也未患重特大疾病`,
      en: `member ${person.id} has neither a grade 1–2 (or grade-3 intellectual / mental) disability nor a serious illness`,
    });
  } else {
    breakdown.push({
      code: disabilityOk ? 'dibao.single.disability' : 'dibao.single.serious_illness',
      zh: disabilityOk ? '重度残疾人或三级智力、精神残疾人' : '患重特大疾病',
      en: disabilityOk ? 'severe, or grade-3 intellectual / mental, disability' : 'serious illness',
      rule: disabilityOk ? 'S1 Art.8(一)' : 'S1 Art.8(二)',
    });
  }
  const belowStandard = perCapitaBelow(income, standardFen);
  if (belowStandard && property.failures.length === 0) {
    failures.push({
      rule: 'S1 Art.8; S3 Art.9',
      zh: '全家符合低保条件，应按户申请，不适用单人保',
      en: 'the whole household qualifies for 低保 and should apply as a household',
    });
  }
  if (!perCapitaBelow(income, standardFen, m)) {
    failures.push({
      rule: 'S1 Art.8 last ¶; §15',
      zh: `家庭月人均收入不低于低保标准的 ${m.num}/${m.den} 倍（非低保边缘家庭）`,
      en: `per-capita income is not below ${m.num}/${m.den} × the standard (not a 低保边缘 household)`,
    });
  }
  failures.push(...property.failures);
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;
  breakdown.push({
    code: 'dibao.single.amount',
    zh: '单人保按当地低保标准全额发放',
    en: 'single-person 低保 pays the full standard',
    amountFen: standardFen,
    rule: '§15; S1 Art.8',
  });
  return { eligible: true, mode: 'FULL_STANDARD', amountFen: standardFen, breakdown };
}

export type GradualExitInput = {
  area: Area;
  /** The household's income after the rise. */
  income: HouseholdIncome;
  /** The income rose because members found work (S1 Art.33). */
  dueToEmployment: boolean;
  /** The last monthly amount paid before the income rose. */
  lastAmountFen: number;
  /** First month of the gradual-exit period, 'YYYY-MM'. */
  firstMonth: string;
  params: PolicyParameters;
};

export type GradualExitEligible = {
  eligible: true;
  schedule: { month: string; amountFen: number }[];
  lastMonth: string;
  breakdown: BreakdownLine[];
};

/**
 * 渐退 (S1 Art.33; S5 §一(三); §15): a household whose per-capita income rose to or above the
 * standard because members found work keeps the last amount for up to `gradualExitMaxMonths`.
 */
export function assessGradualExit(input: GradualExitInput): GradualExitEligible | Ineligible {
  const { area, income, params, lastAmountFen, firstMonth } = input;
  assertFen(lastAmountFen, 'lastAmountFen');
  monthIndex(firstMonth);
  const standardFen = params.dibao.standardFen[area];
  const n = params.dibao.gradualExitMaxMonths;
  const breakdown: BreakdownLine[] = [standardLine(area, standardFen), ...income.breakdown];
  const failures: Failure[] = [];
  if (perCapitaBelow(income, standardFen)) {
    failures.push({
      rule: 'S1 Art.33; S3 Art.9',
      zh: '家庭月人均收入仍低于低保标准，应调整保障金额而非渐退',
      en: 'per-capita income is still below the standard: adjust the amount instead of a gradual exit',
    });
  }
  if (!input.dueToEmployment) {
    failures.push({
      rule: 'S1 Art.33',
      zh: '收入增加并非因家庭成员就业',
      en: 'the income did not rise because members found work',
    });
  }
  if (lastAmountFen === 0) {
    failures.push({ rule: 'S1 Art.33', zh: '无可延续的保障金额', en: 'there is no amount to continue' });
  }
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;
  const schedule = Array.from({ length: n }, (_, i) => ({
    month: addMonths(firstMonth, i),
    amountFen: lastAmountFen,
  }));
  const lastMonth = addMonths(firstMonth, n - 1);
  breakdown.push({
    code: 'dibao.gradual_exit',
    zh: `渐退期 ${firstMonth} 至 ${lastMonth}（${n} 个月），按收入增加前的金额发放`,
    en: `gradual exit ${firstMonth} to ${lastMonth} (${n} months), paying the amount before the rise`,
    amountFen: lastAmountFen,
    rule: 'S1 Art.33; S5 §一(三); §15',
  });
  return { eligible: true, schedule, lastMonth, breakdown };
}
