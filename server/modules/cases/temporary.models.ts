// 临时救助 urgent (急难型) flow, domain-rules §6.5 with §6.3: help first (先行救助) from the township reserve
// fund within `urgent_first_aid_sla_hours` (24 h, a local standard [U]), regularise the paperwork afterwards.
// Pure: no I/O, no clock. Times are ISO 8601 date-times with an offset, passed in as arguments.
import { URGENT_FIRST_AID_SLA_HOURS } from '../../rules/calendar.ts';
import {
  type Actor,
  notAllowed,
  type Outcome,
  type Refusal,
  refuse,
  requireLevel,
} from './procedure.models.ts';

export const URGENT_STATES = [
  'REPORTED',
  'FIRST_AID_APPROVED',
  'FIRST_AID_PAID',
  'REGULARIZED',
  'STAGED_FOLLOWUP',
  'REFERRED',
  'CLOSED',
] as const;
export type UrgentState = (typeof URGENT_STATES)[number];

export type ReportSource = 'SELF' | 'VILLAGE' | 'DISCOVERY' | 'HOTLINE_12349';
export type ReferralTarget = 'DIBAO' | 'TEKUN' | 'MEDICAL' | 'CHARITY';
export type PayMethod = 'CASH' | 'TRANSFER' | 'GOODS';

export type UrgentParams = {
  /** `township_approval_limit_yuan` (§6.3 [U]): above it only the county approves. */
  townshipApprovalLimitFen: number;
  /** `urgent_first_aid_sla_hours` (§6.3 [U]), default 24. */
  firstAidSlaHours?: number;
};

export type UrgentCase = {
  id: string;
  state: UrgentState;
  township: string;
  source: ReportSource;
  /** Required: national statistics report non-local cases separately (§6.2). */
  nonLocalHukou: boolean;
  reportedAt: string;
  /** reportedAt + SLA hours, ISO (UTC). */
  payBy: string;
  lastEventAt: string;
  approvedAmountFen: number | null;
  paidAmountFen: number | null;
  paidAt: string | null;
  paidLate: boolean;
  regularizedAt: string | null;
  followUps: readonly { at: string; amountFen: number }[];
  referredTo: ReferralTarget | null;
};

export type UrgentEvent =
  | { type: 'APPROVE_FIRST_AID'; at: string; amountFen: number; assessment: string }
  | { type: 'PAY_FIRST_AID'; at: string; amountFen: number; method: PayMethod }
  | {
      type: 'REGULARIZE';
      at: string;
      recipient: string;
      reason: string;
      amountFen: number;
      signatures: readonly string[];
    }
  | { type: 'FOLLOW_UP'; at: string; amountFen: number }
  | { type: 'REFER'; at: string; to: ReferralTarget }
  | { type: 'CLOSE'; at: string };

export type UrgentEffect =
  | { type: 'RESERVE_FUND_DRAW'; township: string; amountFen: number }
  | { type: 'FIRST_AID_SLA_MISSED'; payBy: string; paidAt: string }
  | { type: 'RESERVE_FUND_RECONCILE'; township: string; amountFen: number }
  | { type: 'DISBURSE'; amountFen: number }
  | { type: 'REFERRAL'; to: ReferralTarget };

export type UrgentOutcome = Outcome<UrgentCase, UrgentEffect>;

const instant = (t: string): number => (/^\d{4}-\d{2}-\d{2}T/.test(t) ? Date.parse(t) : Number.NaN);

export function newUrgentCase(input: {
  id: string;
  township: string;
  source: ReportSource;
  nonLocalHukou: boolean;
  reportedAt: string;
  firstAidSlaHours?: number;
}): UrgentCase {
  const t = instant(input.reportedAt);
  if (Number.isNaN(t))
    throw new RangeError(`报告时间无效 | invalid report time "${input.reportedAt}" (ISO date-time expected)`);
  const hours = input.firstAidSlaHours ?? URGENT_FIRST_AID_SLA_HOURS;
  return {
    id: input.id,
    state: 'REPORTED',
    township: input.township,
    source: input.source,
    nonLocalHukou: input.nonLocalHukou,
    reportedAt: input.reportedAt,
    payBy: new Date(t + hours * 3_600_000).toISOString(),
    lastEventAt: input.reportedAt,
    approvedAmountFen: null,
    paidAmountFen: null,
    paidAt: null,
    paidLate: false,
    regularizedAt: null,
    followUps: [],
    referredTo: null,
  };
}

const positive = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
const yuan = (fen: number): string => (fen / 100).toFixed(2);

export function transition(c: UrgentCase, e: UrgentEvent, actor: Actor, params: UrgentParams): UrgentOutcome {
  if (c.state === 'CLOSED') return refuse('CASE_CLOSED', '案件已办结', 'the case is closed');
  const t = instant(e.at);
  if (Number.isNaN(t))
    return refuse('INVALID_TIME', `时间 "${e.at}" 无效`, `"${e.at}" is not an ISO date-time`);
  if (t < instant(c.lastEventAt))
    return refuse(
      'DATE_BEFORE_PREVIOUS',
      `时间 ${e.at} 早于上一步（${c.lastEventAt}）`,
      `time ${e.at} is before the previous step (${c.lastEventAt})`,
    );
  const base: UrgentCase = { ...c, lastEventAt: e.at };
  const go = (next: UrgentCase, effects: UrgentEffect[] = []): UrgentOutcome => ({ ok: true, next, effects });
  const gate = (...checks: (Refusal | null)[]): Refusal | null => checks.find((x) => x !== null) ?? null;
  const bad = notAllowed(c.state, e.type);
  const amountRequired = (n: number): Refusal | null =>
    positive(n) ? null : refuse('AMOUNT_REQUIRED', '金额须大于 0', 'the amount must be positive');
  // §6.3, S3 Art.48: townships approve within the delegated limit; above it the county approves.
  const withinLimit = (n: number): Refusal | null =>
    actor.level === 'town' && n > params.townshipApprovalLimitFen
      ? refuse(
          'OVER_TOWNSHIP_LIMIT',
          `超过乡镇审批限额 ${yuan(params.townshipApprovalLimitFen)} 元，须报县级民政审批（S3 第四十八条；§6.3）`,
          `S3 Art.48, §6.3: above the township limit of ${yuan(params.townshipApprovalLimitFen)} yuan the county approves`,
        )
      : null;

  switch (e.type) {
    case 'APPROVE_FIRST_AID': {
      // §6.3: urgent cases skip the economic check, democratic review and publicity (先行救助).
      if (c.state !== 'REPORTED') return bad;
      const r = gate(
        requireLevel(actor, ['town', 'county'], '先行救助审批'),
        amountRequired(e.amountFen),
        withinLimit(e.amountFen),
        e.assessment.trim() === ''
          ? refuse('ASSESSMENT_REQUIRED', '须记录急难情况评估', 'record the emergency assessment')
          : null,
      );
      return r ?? go({ ...base, state: 'FIRST_AID_APPROVED', approvedAmountFen: e.amountFen });
    }
    case 'PAY_FIRST_AID': {
      if (c.state !== 'FIRST_AID_APPROVED' || c.approvedAmountFen === null) return bad;
      const r = gate(
        requireLevel(actor, ['town', 'county'], '先行救助发放'),
        amountRequired(e.amountFen),
        e.amountFen > c.approvedAmountFen
          ? refuse(
              'OVER_APPROVED_AMOUNT',
              `发放金额超过批准金额 ${yuan(c.approvedAmountFen)} 元`,
              `payment exceeds the approved ${yuan(c.approvedAmountFen)} yuan`,
            )
          : null,
      );
      if (r) return r;
      // Late payment is still paid (help first) but flagged against the 24 h local standard.
      const late = t > instant(c.payBy);
      const effects: UrgentEffect[] = [
        { type: 'RESERVE_FUND_DRAW', township: c.township, amountFen: e.amountFen },
      ];
      if (late) effects.push({ type: 'FIRST_AID_SLA_MISSED', payBy: c.payBy, paidAt: e.at });
      return go(
        { ...base, state: 'FIRST_AID_PAID', paidAmountFen: e.amountFen, paidAt: e.at, paidLate: late },
        effects,
      );
    }
    case 'REGULARIZE': {
      // S7 §二(二): record person, reason and amount, complete signatures and seals after the emergency.
      if (c.state !== 'FIRST_AID_PAID' || c.paidAmountFen === null) return bad;
      const r = gate(
        requireLevel(actor, ['town', 'county'], '补办手续'),
        e.recipient.trim() === '' || e.reason.trim() === '' || e.signatures.length === 0
          ? refuse(
              'PAPERWORK_INCOMPLETE',
              '补办手续须写明救助对象、事由、金额并完成签字（S7 第二部分（二））',
              'S7 §二(二): the paperwork needs recipient, reason, amount and signatures',
            )
          : null,
        e.amountFen !== c.paidAmountFen
          ? refuse(
              'AMOUNT_MISMATCH',
              `补办金额须等于已发放的 ${yuan(c.paidAmountFen)} 元`,
              `the recorded amount must equal the ${yuan(c.paidAmountFen)} yuan paid`,
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'REGULARIZED', regularizedAt: e.at }, [
          { type: 'RESERVE_FUND_RECONCILE', township: c.township, amountFen: c.paidAmountFen },
        ])
      );
    }
    case 'FOLLOW_UP': {
      // S7 §二(四): one approval, staged help; follow-up help.
      if (c.state !== 'REGULARIZED' && c.state !== 'STAGED_FOLLOWUP') return bad;
      const r = gate(
        requireLevel(actor, ['town', 'county'], '跟进救助'),
        amountRequired(e.amountFen),
        withinLimit(e.amountFen),
      );
      return (
        r ??
        go(
          {
            ...base,
            state: 'STAGED_FOLLOWUP',
            followUps: [...c.followUps, { at: e.at, amountFen: e.amountFen }],
          },
          [{ type: 'DISBURSE', amountFen: e.amountFen }],
        )
      );
    }
    case 'REFER': {
      if (c.state !== 'REGULARIZED' && c.state !== 'STAGED_FOLLOWUP') return bad;
      const r = requireLevel(actor, ['village', 'town', 'county'], '转介');
      return r ?? go({ ...base, state: 'REFERRED', referredTo: e.to }, [{ type: 'REFERRAL', to: e.to }]);
    }
    case 'CLOSE': {
      if (c.state !== 'REGULARIZED' && c.state !== 'STAGED_FOLLOWUP' && c.state !== 'REFERRED') return bad;
      const r = requireLevel(actor, ['town', 'county'], '办结');
      return r ?? go({ ...base, state: 'CLOSED' });
    }
  }
}
