// 临时救助 kind, eligibility, caps and approval level (domain-rules §6.1–§6.4; §15).
import { isIsoDate } from '../id-number.ts';
import {
  assertFen,
  type BreakdownLine,
  type Failure,
  type Ineligible,
  ineligibleIfAny,
} from './breakdown.ts';
import { type HouseholdIncome, perCapitaAnnualBelow } from './income.ts';
import type { Area, PolicyParameters } from './parameters.ts';
import type { PropertyCheck } from './property.ts';

export type TemporaryKind = 'urgent' | 'expenditure';
export type ApprovalLevel = 'TOWNSHIP' | 'COUNTY';

export type PriorTemporaryEvent = { date: string; cause: string };

type Common = {
  /** Application (or report) date 'YYYY-MM-DD'. */
  date: string;
  /** A cause code such as 'fire', 'traffic_accident', 'illness', 'education'. */
  cause: string;
  householdSize: number;
  requestedFen: number;
  /** Earlier temporary-assistance events of the household. */
  priorEvents: readonly PriorTemporaryEvent[];
  params: PolicyParameters;
};

export type TemporaryInput = Common &
  (
    | { kind: 'urgent' }
    | { kind: 'expenditure'; area: Area; income: HouseholdIncome; property: PropertyCheck }
  );

export type TemporaryEligible = {
  eligible: true;
  kind: TemporaryKind;
  capFen: number;
  /** min(requested, cap). */
  amountFen: number;
  /** Who approves amountFen: the township up to its delegated limit, otherwise the county (S3 Art.48; S7 §二(二)). */
  approval: ApprovalLevel;
  /** requested − cap when positive. */
  excessFen: number;
  /** How any excess is handled: follow-up help after first aid, or 一事一议 by the county mechanism. */
  excessRoute: 'FOLLOW_UP' | 'CASE_BY_CASE' | null;
  breakdown: BreakdownLine[];
};

/** Same calendar day one year earlier; Feb 29 compares correctly as a string. */
const yearBefore = (date: string): string =>
  `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;

export function assessTemporary(input: TemporaryInput): TemporaryEligible | Ineligible {
  const { date, params, householdSize: size, requestedFen } = input;
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`household size: ${size}`);
  assertFen(requestedFen, 'requestedFen');
  const t = params.temporary;
  const urbanStd = params.dibao.standardFen.urban;
  const breakdown: BreakdownLine[] = [];
  const failures: Failure[] = [];

  // Events in the 12 months before the date: (date − 1 year, date].
  const from = yearBefore(date);
  const recent = input.priorEvents.filter((e) => {
    if (!isIsoDate(e.date)) throw new RangeError(`not a YYYY-MM-DD date: ${e.date}`);
    return e.date > from && e.date <= date;
  });
  const sameCause = recent.filter((e) => e.cause === input.cause).length;
  breakdown.push({
    code: 'temporary.events_12m',
    zh: `近 12 个月已救助 ${recent.length} 次（同一事由 ${sameCause} 次）`,
    en: `${recent.length} event(s) in the last 12 months (${sameCause} for the same cause)`,
    rule: '§6.4; §13 temp.max_events_per_household_12m',
  });
  if (recent.length >= t.maxEventsPer12Months) {
    failures.push({
      rule: '§6.4; §13',
      zh: `近 12 个月已救助 ${recent.length} 次，达到上限 ${t.maxEventsPer12Months} 次`,
      en: `already ${recent.length} events in 12 months, the limit is ${t.maxEventsPer12Months}`,
    });
  }
  if (sameCause >= t.maxEventsSameCausePer12Months) {
    failures.push({
      rule: '§6.4; §13',
      zh: `同一事由近 12 个月已救助 ${sameCause} 次，达到上限 ${t.maxEventsSameCausePer12Months} 次`,
      en: `already ${sameCause} events for the same cause in 12 months, the limit is ${t.maxEventsSameCausePer12Months}`,
    });
  }

  let capFen: number;
  if (input.kind === 'urgent') {
    capFen = t.urgentFirstAidCapMonths * urbanStd * size;
    breakdown.push(
      {
        code: 'temporary.kind.urgent',
        zh: '急难型：先行救助，可免经济状况核对、民主评议和公示，事后补充说明',
        en: 'urgent: help first; economic check, review and publicity may be skipped and completed afterwards',
        rule: 'S7 §二(二); S4 #15',
      },
      {
        code: 'temporary.cap.urgent',
        zh: `先行救助上限 = ${t.urgentFirstAidCapMonths} × 城市低保标准 × ${size} 人`,
        en: `first-aid cap = ${t.urgentFirstAidCapMonths} × urban standard × ${size} people`,
        amountFen: capFen,
        rule: '§15',
      },
    );
  } else {
    capFen = t.generalCapMonths * urbanStd * size;
    const { area, income, property } = input;
    breakdown.push(
      {
        code: 'temporary.kind.expenditure',
        zh: '支出型：按申请、受理、审核、审批程序办理',
        en: 'expenditure: full application, acceptance, review and approval',
        rule: 'S7 §二(二)',
      },
      ...income.breakdown,
      ...property.breakdown,
      {
        code: 'temporary.cap.general',
        zh: `单次救助上限 = ${t.generalCapMonths} × 城市低保标准 × ${size} 人`,
        en: `per-event cap = ${t.generalCapMonths} × urban standard × ${size} people`,
        amountFen: capFen,
        rule: '§15',
      },
    );
    const disposable = params.prevYearDisposableIncomeFenPerYear[area];
    if (!perCapitaAnnualBelow(income, disposable)) {
      failures.push({
        rule: 'S7 §二(一) (strict <)',
        zh: `家庭人均收入不低于上年度当地居民人均可支配收入 ${disposable / 100} 元`,
        en: `per-capita income is not below the previous year's per-capita disposable income of ${disposable / 100} yuan`,
      });
    }
    failures.push(...property.failures.map((f) => ({ ...f, rule: `S7 §二(一); ${f.rule}` })));
  }
  if (requestedFen === 0) {
    failures.push({ rule: 'S3 Art.47', zh: '未申请救助金额', en: 'no amount requested' });
  }
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;

  const amountFen = Math.min(requestedFen, capFen);
  const excessFen = requestedFen - amountFen;
  const approval: ApprovalLevel = amountFen <= t.townshipApprovalLimitFen ? 'TOWNSHIP' : 'COUNTY';
  const excessRoute = excessFen === 0 ? null : input.kind === 'urgent' ? 'FOLLOW_UP' : 'CASE_BY_CASE';
  breakdown.push({
    code: 'temporary.amount',
    zh: '本次救助金额（不超过上限）',
    en: 'amount for this event (within the cap)',
    amountFen,
    rule: '§15; S3 Art.49',
  });
  breakdown.push({
    code: `temporary.approval.${approval}`,
    zh:
      approval === 'TOWNSHIP'
        ? `未超过乡镇审批额度 ${t.townshipApprovalLimitFen / 100} 元，由乡镇（街道）审批`
        : `超过乡镇审批额度 ${t.townshipApprovalLimitFen / 100} 元，报县级民政部门审批`,
    en:
      approval === 'TOWNSHIP'
        ? `within the township limit of ${t.townshipApprovalLimitFen / 100} yuan: approved by the township`
        : `above the township limit of ${t.townshipApprovalLimitFen / 100} yuan: approved by county 民政`,
    rule: 'S3 Art.48; S7 §二(二); §15',
  });
  if (excessRoute === 'FOLLOW_UP') {
    breakdown.push({
      code: 'temporary.excess.follow_up',
      zh: '超出先行救助上限部分，事后按规定程序跟进救助',
      en: 'the part above the first-aid cap goes to follow-up help through the regular procedure',
      amountFen: excessFen,
      rule: 'S7 §二(四); S4 #15',
    });
  } else if (excessRoute === 'CASE_BY_CASE') {
    breakdown.push({
      code: 'temporary.excess.case_by_case',
      zh: '超出单次上限部分，提交县级困难群众基本生活保障协调机制“一事一议”',
      en: 'the part above the per-event cap goes to the county coordination mechanism (一事一议)',
      amountFen: excessFen,
      rule: 'S4 #15; S7 §二(三); §15',
    });
  }
  return { eligible: true, kind: input.kind, capFen, amountFen, approval, excessFen, excessRoute, breakdown };
}
