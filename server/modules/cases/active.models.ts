// Active 低保 case (dynamic management), domain-rules §3.9 with §2.1 stop dates and §2.5 integrity.
// Pure: no I/O, no clock. Dates are 'YYYY-MM-DD' arguments; months are the first day 'YYYY-MM-01'.
import { addMonths, benefitStartMonth, monthsBetween } from '../../rules/calendar.ts';
import {
  type Actor,
  type ApprovalLevel,
  notAllowed,
  type Outcome,
  type Refusal,
  refuse,
  requireLevel,
  requireNotBefore,
} from './procedure.models.ts';

export const ACTIVE_STATES = ['ACTIVE', 'UNDER_REVIEW', 'GRADUAL_EXIT', 'STOPPED'] as const;
export type ActiveState = (typeof ACTIVE_STATES)[number];

/** S1 Art.31: STABLE = little short-term change (yearly); UNSTABLE = irregular income or able to work (6 months). */
export type Stability = 'STABLE' | 'UNSTABLE';
export type ReviewTrigger = 'SCHEDULED' | 'CHANGE_REPORTED' | 'DEATH' | 'JOB_REFUSALS' | 'UNREPORTED_CHANGE';
export type StopReason = 'death' | 'ineligible' | 'fraud' | 'job_refusals' | 'moved' | 'other';

export type ActiveCase = {
  id: string;
  state: ActiveState;
  approvalLevel: ApprovalLevel;
  stability: Stability;
  /** First paid month. */
  paidFrom: string;
  amountFen: number;
  /** The amount paid before `amountEffectiveFrom`. */
  previousAmountFen: number;
  amountEffectiveFrom: string;
  lastReviewOn: string;
  lastEventOn: string;
  reviewTrigger: ReviewTrigger | null;
  /** Death review: decision due within 3 months of the death (S5 §一(三)). */
  reviewDeadline: string | null;
  diedOn: string | null;
  /** Consecutive refusals of referred jobs per member (S1 Art.34). */
  jobRefusals: Readonly<Record<string, number>>;
  gradualExitLastMonth: string | null;
  /** Death of the last member: nothing is paid after the month of death (set before the stop decision). */
  paymentCapMonth: string | null;
  /** Last paid month once stopped (§2.1: stop from the month after the decision). */
  lastPaidMonth: string | null;
  stopReason: StopReason | null;
};

export type ActiveEvent =
  | { type: 'SCHEDULE_REVIEW'; at: string; stability: Stability }
  | { type: 'START_REVIEW'; at: string; trigger: 'SCHEDULED' | 'CHANGE_REPORTED' }
  | { type: 'COMPLETE_REVIEW_NO_CHANGE'; at: string }
  | { type: 'CHANGE_AMOUNT'; decidedOn: string; newAmountFen: number; reason: string }
  | { type: 'STOP'; decidedOn: string; reason: StopReason; writtenReasons: string; obtainedFen?: number }
  | { type: 'START_GRADUAL_EXIT'; at: string; months: number }
  | { type: 'END_GRADUAL_EXIT'; at: string }
  | { type: 'RECORD_JOB_REFUSAL'; at: string; memberId: string }
  | { type: 'RECORD_JOB_ACCEPTED'; at: string; memberId: string }
  | { type: 'RECORD_DEATH'; at: string; diedOn: string; lastMember: boolean }
  | { type: 'RECORD_UNREPORTED_CHANGE'; at: string; changedOn: string };

export type ActiveEffect =
  | { type: 'REVIEW_SCHEDULED'; due: string }
  | { type: 'WRITTEN_NOTICE'; kind: 'INCREASE' | 'DECREASE' | 'STOP' | 'GRADUAL_EXIT'; reasons: string }
  | { type: 'REVIEW_OVERDUE'; deadline: string; decidedOn: string }
  | { type: 'RECOVERY_ORDER'; obtainedFen: number; fineMinFen: number; fineMaxFen: number }
  | { type: 'INTEGRITY_RECORD'; kind: 'CRITICISM'; monthsUnreported: number };

export type ActiveOutcome = Outcome<ActiveCase, ActiveEffect>;

export const MAX_GRADUAL_EXIT_MONTHS = 6;
export const DEATH_REVIEW_MONTHS = 3;
export const JOB_REFUSAL_LIMIT = 3;
export const UNREPORTED_CHANGE_MONTHS = 3;

export const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

export function newActiveCase(input: {
  id: string;
  approvalLevel: ApprovalLevel;
  stability: Stability;
  confirmedOn: string;
  amountFen: number;
}): ActiveCase {
  const from = benefitStartMonth(input.confirmedOn);
  return {
    id: input.id,
    state: 'ACTIVE',
    approvalLevel: input.approvalLevel,
    stability: input.stability,
    paidFrom: from,
    amountFen: input.amountFen,
    previousAmountFen: input.amountFen,
    amountEffectiveFrom: from,
    lastReviewOn: input.confirmedOn,
    lastEventOn: input.confirmedOn,
    reviewTrigger: null,
    reviewDeadline: null,
    diedOn: null,
    jobRefusals: {},
    gradualExitLastMonth: null,
    paymentCapMonth: null,
    lastPaidMonth: null,
    stopReason: null,
  };
}

/** S1 Art.31, S4 #7: yearly for stable households, every 6 months for unstable ones. */
export function nextReviewDue(c: ActiveCase): string {
  return addMonths(c.lastReviewOn, c.stability === 'STABLE' ? 12 : 6);
}

/** Amount paid for `month` ('YYYY-MM-01'); 0 outside the paid period. */
export function amountForMonth(c: ActiveCase, month: string): number {
  const m = monthOf(month);
  if (m < c.paidFrom) return 0;
  if (c.lastPaidMonth !== null && m > c.lastPaidMonth) return 0;
  if (c.gradualExitLastMonth !== null && m > c.gradualExitLastMonth) return 0;
  if (c.paymentCapMonth !== null && m > c.paymentCapMonth) return 0;
  return m < c.amountEffectiveFrom ? c.previousAmountFen : c.amountFen;
}

const dateOf = (e: ActiveEvent): string => ('decidedOn' in e ? e.decidedOn : e.at);
const TOWN = ['town'] as const;
const ASSIST = ['village', 'town'] as const;

export function transition(c: ActiveCase, e: ActiveEvent, actor: Actor): ActiveOutcome {
  if (c.state === 'STOPPED')
    return refuse('CASE_STOPPED', '低保已停发，不能再操作', 'the benefit is stopped; no further events');
  const at = dateOf(e);
  const early = requireNotBefore(at, c.lastEventOn);
  if (early) return early;
  const base: ActiveCase = { ...c, lastEventOn: at };
  const go = (next: ActiveCase, effects: ActiveEffect[] = []): ActiveOutcome => ({ ok: true, next, effects });
  const gate = (...checks: (Refusal | null)[]): Refusal | null => checks.find((x) => x !== null) ?? null;
  const bad = notAllowed(c.state, e.type);
  const decideLevel = c.approvalLevel === 'COUNTY' ? (['county'] as const) : TOWN;
  const overdue = (): ActiveEffect[] =>
    c.reviewDeadline !== null && at > c.reviewDeadline
      ? [{ type: 'REVIEW_OVERDUE', deadline: c.reviewDeadline, decidedOn: at }]
      : [];
  const closeReview = { reviewTrigger: null, reviewDeadline: null, lastReviewOn: at };

  switch (e.type) {
    case 'SCHEDULE_REVIEW': {
      // S1 Art.31: the profile decides the review frequency.
      if (c.state !== 'ACTIVE') return bad;
      const r = requireLevel(actor, TOWN, '确定复核周期');
      if (r) return r;
      const next = { ...base, stability: e.stability };
      return go(next, [{ type: 'REVIEW_SCHEDULED', due: nextReviewDue(next) }]);
    }
    case 'START_REVIEW': {
      if (c.state !== 'ACTIVE') return bad;
      const r = requireLevel(actor, TOWN, '定期核查');
      return r ?? go({ ...base, state: 'UNDER_REVIEW', reviewTrigger: e.trigger });
    }
    case 'COMPLETE_REVIEW_NO_CHANGE': {
      // S1 Art.31, S4 #7: no obvious change → the amount is not adjusted.
      if (c.state !== 'UNDER_REVIEW') return bad;
      const r = requireLevel(actor, TOWN, '复核无变化');
      return r ?? go({ ...base, state: 'ACTIVE', ...closeReview }, overdue());
    }
    case 'CHANGE_AMOUNT': {
      // S1 Art.32: 增发/减发 need a reason; 减发 is notified with reasons. Effective the month after (§2.1).
      if (c.state !== 'UNDER_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, decideLevel, '调整低保金'),
        !Number.isInteger(e.newAmountFen) || e.newAmountFen <= 0
          ? refuse(
              'AMOUNT_INVALID',
              '调整后金额须为正整数（分）；停发请用停发（S1 第三十二条）',
              'S1 Art.32: the new amount must be a positive whole number of fen; use STOP to stop',
            )
          : null,
        e.newAmountFen === c.amountFen
          ? refuse(
              'AMOUNT_UNCHANGED',
              '金额未变化，应按复核无变化办理（S1 第三十一条）',
              'S1 Art.31: same amount — complete the review with no change',
            )
          : null,
        e.reason.trim() === ''
          ? refuse(
              'REASON_REQUIRED',
              '增发、减发须写明理由（S1 第三十二条）',
              'S1 Art.32: a reason is required',
            )
          : null,
      );
      if (r) return r;
      const from = benefitStartMonth(at);
      const kind = e.newAmountFen > c.amountFen ? 'INCREASE' : 'DECREASE';
      return go(
        {
          ...base,
          state: 'ACTIVE',
          ...closeReview,
          previousAmountFen: amountForMonth(c, monthOf(at)),
          amountFen: e.newAmountFen,
          amountEffectiveFrom: from,
        },
        [{ type: 'WRITTEN_NOTICE', kind, reasons: e.reason }, ...overdue()],
      );
    }
    case 'STOP': {
      // S1 Art.32, S3 Art.13: 停发 in writing with reasons; paid through the decision month (§2.1).
      const r = gate(
        requireLevel(actor, decideLevel, '停发'),
        e.writtenReasons.trim() === ''
          ? refuse(
              'WRITTEN_REASONS_REQUIRED',
              '停发须书面告知理由（S1 第三十二条；S3 第十三条）',
              'S1 Art.32, S3 Art.13: a stop must be notified in writing with reasons',
            )
          : null,
        e.reason === 'job_refusals' && !Object.values(c.jobRefusals).some((n) => n >= JOB_REFUSAL_LIMIT)
          ? refuse(
              'JOB_REFUSALS_NOT_REACHED',
              '无正当理由连续三次拒绝介绍的工作方可减发或停发（S1 第三十四条）',
              'S1 Art.34: only after three consecutive refusals of referred jobs',
            )
          : null,
        e.reason === 'death' && c.diedOn === null
          ? refuse('DEATH_NOT_RECORDED', '尚未登记死亡（S5 第一部分（三））', 'S5 §一(三): no death recorded')
          : null,
        e.reason === 'fraud' && !(Number.isInteger(e.obtainedFen) && (e.obtainedFen ?? 0) > 0)
          ? refuse(
              'FRAUD_AMOUNT_REQUIRED',
              '骗取低保须核定骗取金额以便追回并处 1–3 倍罚款（S5 第五部分（五）；S3 第六十八条）',
              'S5 §五(五), S3 Art.68: fraud needs the amount obtained (recovery, fine 1–3×)',
            )
          : null,
      );
      if (r) return r;
      let last = monthOf(at);
      // Death of the last member: nothing is paid after the month of death.
      if (e.reason === 'death' && c.diedOn !== null && monthOf(c.diedOn) < last) last = monthOf(c.diedOn);
      for (const cap of [c.gradualExitLastMonth, c.paymentCapMonth])
        if (cap !== null && cap < last) last = cap;
      const effects: ActiveEffect[] = [{ type: 'WRITTEN_NOTICE', kind: 'STOP', reasons: e.writtenReasons }];
      if (e.reason === 'fraud' && e.obtainedFen !== undefined)
        effects.push({
          type: 'RECOVERY_ORDER',
          obtainedFen: e.obtainedFen,
          fineMinFen: e.obtainedFen,
          fineMaxFen: 3 * e.obtainedFen,
        });
      if (c.state === 'UNDER_REVIEW') effects.push(...overdue());
      return go({ ...base, state: 'STOPPED', lastPaidMonth: last, stopReason: e.reason }, effects);
    }
    case 'START_GRADUAL_EXIT': {
      // S1 Art.33, S4 #11: employment lifts income above the standard; S5 §一(三): ≤ 6 months.
      if (c.state !== 'UNDER_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, decideLevel, '渐退'),
        !Number.isInteger(e.months) || e.months < 1 || e.months > MAX_GRADUAL_EXIT_MONTHS
          ? refuse(
              'GRADUAL_EXIT_TOO_LONG',
              `渐退期为 1–${MAX_GRADUAL_EXIT_MONTHS} 个月（S5 第一部分（三））`,
              `S5 §一(三): the gradual exit lasts 1–${MAX_GRADUAL_EXIT_MONTHS} months`,
            )
          : null,
      );
      if (r) return r;
      const last = addMonths(benefitStartMonth(at), e.months - 1);
      return go({ ...base, state: 'GRADUAL_EXIT', ...closeReview, gradualExitLastMonth: last }, [
        { type: 'WRITTEN_NOTICE', kind: 'GRADUAL_EXIT', reasons: `渐退期至 ${last.slice(0, 7)}` },
        ...overdue(),
      ]);
    }
    case 'END_GRADUAL_EXIT': {
      if (c.state !== 'GRADUAL_EXIT' || c.gradualExitLastMonth === null) return bad;
      const r = gate(
        requireLevel(actor, TOWN, '渐退期满'),
        monthOf(at) < c.gradualExitLastMonth
          ? refuse(
              'GRADUAL_EXIT_NOT_EXPIRED',
              `渐退期至 ${c.gradualExitLastMonth.slice(0, 7)}，尚未期满（S1 第三十三条）`,
              `S1 Art.33: the gradual exit runs until ${c.gradualExitLastMonth.slice(0, 7)}`,
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'STOPPED', lastPaidMonth: c.gradualExitLastMonth, stopReason: 'ineligible' }, [
          { type: 'WRITTEN_NOTICE', kind: 'STOP', reasons: '渐退期满' },
        ])
      );
    }
    case 'RECORD_JOB_REFUSAL':
    case 'RECORD_JOB_ACCEPTED': {
      // S1 Art.34, S3 Art.45: consecutive refusals per member; an acceptance resets the count.
      if (c.state !== 'ACTIVE' && c.state !== 'UNDER_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, ASSIST, '登记就业介绍'),
        e.memberId.trim() === '' ? refuse('MEMBER_REQUIRED', '须指明家庭成员', 'name the member') : null,
      );
      if (r) return r;
      const n = e.type === 'RECORD_JOB_ACCEPTED' ? 0 : (c.jobRefusals[e.memberId] ?? 0) + 1;
      const next = { ...base, jobRefusals: { ...c.jobRefusals, [e.memberId]: n } };
      if (n >= JOB_REFUSAL_LIMIT && c.state === 'ACTIVE')
        return go({ ...next, state: 'UNDER_REVIEW', reviewTrigger: 'JOB_REFUSALS' });
      return go(next);
    }
    case 'RECORD_DEATH': {
      // S5 §一(三): review and decide within 3 months of the death.
      if (c.state !== 'ACTIVE' && c.state !== 'UNDER_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, ASSIST, '登记死亡'),
        e.diedOn > e.at
          ? refuse('DEATH_IN_FUTURE', '死亡日期晚于登记日期', 'the death date is after the recording date')
          : null,
      );
      if (r) return r;
      const deadline = addMonths(e.diedOn, DEATH_REVIEW_MONTHS);
      return go({
        ...base,
        state: 'UNDER_REVIEW',
        reviewTrigger: 'DEATH',
        diedOn: e.diedOn,
        reviewDeadline:
          c.reviewDeadline !== null && c.reviewDeadline < deadline ? c.reviewDeadline : deadline,
        // The last member: payment stops after the month of death.
        ...(e.lastMember ? { paymentCapMonth: monthOf(e.diedOn) } : {}),
      });
    }
    case 'RECORD_UNREPORTED_CHANGE': {
      // S1 Art.30, S5 §五(五): a major change unreported for more than 3 months → criticism, then review.
      if (c.state !== 'ACTIVE' && c.state !== 'UNDER_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, ASSIST, '登记未报告变化'),
        e.changedOn > e.at
          ? refuse('CHANGE_IN_FUTURE', '变化日期晚于发现日期', 'the change date is after the discovery date')
          : null,
      );
      if (r) return r;
      const months = monthsBetween(e.changedOn, e.at);
      const effects: ActiveEffect[] =
        months > UNREPORTED_CHANGE_MONTHS
          ? [{ type: 'INTEGRITY_RECORD', kind: 'CRITICISM', monthsUnreported: months }]
          : [];
      return go(
        { ...base, state: 'UNDER_REVIEW', reviewTrigger: c.reviewTrigger ?? 'UNREPORTED_CHANGE' },
        effects,
      );
    }
  }
}
