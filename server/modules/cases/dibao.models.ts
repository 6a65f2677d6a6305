// 低保 application state machine (domain-rules §3.7, with the SLAs of §3.6, consent of §2.2,
// publicity of §2.1, levels of §2.3 and §2.4 "no inclusion without procedure").
// Pure: no I/O, no clock. Dates are 'YYYY-MM-DD' arguments.
import {
  addWorkingDays,
  benefitStartMonth,
  DIBAO_CHECK_START_WD,
  DIBAO_COUNTY_CONFIRMATION_WD,
  DIBAO_INVESTIGATION_START_WD,
  DIBAO_OVERALL_DELEGATED_WD,
  DIBAO_OVERALL_SPECIAL_WD,
  DIBAO_OVERALL_WD,
  DIBAO_REJECTION_NOTICE_WD,
  type HolidayCalendar,
  PUBLICITY_DAYS,
  type PublicityPeriod,
  publicityEnd,
} from '../../rules/calendar.ts';
import {
  type Actor,
  type ApprovalLevel,
  notAllowed,
  type Outcome,
  type Refusal,
  refuse,
  requireLevel,
  requireNotBefore,
  requireTwoInvestigators,
} from './procedure.models.ts';

export const DIBAO_STATES = [
  'DRAFT',
  'SUBMITTED',
  'AWAITING_MATERIALS',
  'ACCEPTED',
  'INVESTIGATING',
  'INELIGIBLE_NOTIFIED',
  'RECHECK',
  'CLOSED_REJECTED',
  'PRELIM_OPINION',
  'PUBLICIZING',
  'REINVESTIGATION',
  'DEMOCRATIC_REVIEW',
  'SUBMITTED_TO_COUNTY',
  'COUNTY_REVIEW',
  'TOWNSHIP_CONFIRMATION',
  'APPROVED',
  'REJECTED',
  'TERMINATED',
] as const;
export type DibaoState = (typeof DIBAO_STATES)[number];

export const DIBAO_FINAL_STATES: readonly DibaoState[] = [
  'CLOSED_REJECTED',
  'APPROVED',
  'REJECTED',
  'TERMINATED',
];

/** Reasons that allow the overall limit to run to 45 WD (S1 Art.22; S5 §四(一)). */
export type SpecialReason = 'OBJECTION' | 'RESIDENCE_SEPARATION' | 'AWAY_FROM_HUKOU' | 'HARD_TO_INVESTIGATE';

export type DibaoMember = { id: string; consentSignedOn: string | null };

export type DibaoCase = {
  id: string;
  state: DibaoState;
  approvalLevel: ApprovalLevel;
  /** A member is a close relative of the caseworker or a village-committee member (S1 Art.11). */
  closeRelative: boolean;
  /**
   * 低保边缘 and 刚性支出 recognitions follow the same procedure (§4: "follow the local 低保 rules";
   * S8 Art.6–10) but fix no amount: confirmation recognises the household.
   */
  recognition?: boolean;
  members: readonly DibaoMember[];
  /** Date of the last accepted event (events may not go back in time). */
  lastEventOn: string | null;
  /** t0: acceptance date; the SLA clock starts here (§3.7). */
  acceptedOn: string | null;
  /** One-time notice of missing materials already given (S1 Art.10). */
  missingNoticeGiven: boolean;
  checkRequestedOn: string | null;
  /** Investigators of the recorded home visit (≥ 2, S1 Art.16). */
  investigators: readonly string[];
  publicity: (PublicityPeriod & { postedOn: string }) | null;
  objectionDuringPublicity: boolean;
  specialReason: SpecialReason | null;
  receivedForConfirmationOn: string | null;
  complaintDuringConfirmation: boolean;
  countyHomeVisitOn: string | null;
  decidedOn: string | null;
  /** Last day the current state must be left by (working-day SLA), null when none applies. */
  deadline: string | null;
  /** Overall limit from t0: 30 WD (20 delegated), 45 WD with a recorded special reason (S1 Art.22). */
  overallDue: string | null;
};

export type DibaoEvent =
  | { type: 'SUBMIT'; at: string }
  | { type: 'NOTIFY_MISSING_MATERIALS'; at: string; missing: readonly string[] }
  | { type: 'RESUBMIT'; at: string }
  | { type: 'ACCEPT'; at: string }
  | { type: 'NOT_ACCEPTED'; at: string; reasons: string }
  | { type: 'RECORD_CONSENT'; at: string; memberId: string }
  | { type: 'START_INVESTIGATION'; at: string }
  | { type: 'REQUEST_CHECK'; at: string }
  | {
      type: 'RECORD_INVESTIGATION';
      at: string;
      investigators: readonly string[];
      visitMode: 'ON_SITE' | 'PHONE' | 'VIDEO';
    }
  | { type: 'NOTIFY_INELIGIBLE'; at: string; reasons: string }
  | { type: 'APPLICANT_OBJECTS'; at: string; evidence: readonly string[] }
  | { type: 'START_RECHECK'; at: string }
  | { type: 'CLOSE_REJECTED'; at: string }
  | { type: 'DRAFT_OPINION'; at: string; opinion: string }
  | { type: 'PUBLISH'; postedOn: string }
  | { type: 'OBJECTION'; at: string; summary: string; route: 'REINVESTIGATION' | 'DEMOCRATIC_REVIEW' }
  | { type: 'PUBLICITY_ENDED'; at: string }
  | { type: 'NEW_OPINION'; at: string; opinion: string }
  | { type: 'RECORD_SPECIAL_REASON'; at: string; reason: SpecialReason }
  | { type: 'START_COUNTY_REVIEW'; at: string }
  | { type: 'COMPLAINT'; at: string; summary: string }
  | { type: 'RECORD_COUNTY_HOME_VISIT'; at: string; investigators: readonly string[] }
  | { type: 'CONFIRM'; at: string; monthlyAmountFen: number }
  | { type: 'REJECT'; at: string; reasons: string }
  | { type: 'TERMINATE'; at: string; reason: string };

export type DibaoEventType = DibaoEvent['type'];

export type DibaoEffect =
  | { type: 'SEND_MISSING_MATERIALS_NOTICE'; missing: readonly string[] }
  | { type: 'SLA_CLOCK_STARTED'; t0: string; overallDue: string }
  | { type: 'CHECK_REQUESTED'; countyStartBy: string }
  | { type: 'NOTIFY_APPLICANT_INELIGIBLE'; reasons: string }
  | { type: 'POST_PUBLICITY'; firstDay: string; lastDay: string }
  | { type: 'SEND_TO_CONFIRMATION'; confirmBy: string }
  | { type: 'COUNTY_SPOT_CHECK_QUEUE' }
  | { type: 'HOME_VISIT_REQUIRED' }
  | { type: 'ISSUE_CERTIFICATE'; monthlyAmountFen: number }
  | { type: 'RECOGNIZED'; on: string }
  | { type: 'BENEFIT_STARTS'; from: string }
  | { type: 'SEND_REJECTION_NOTICE'; by: string; reasons: string }
  | { type: 'NOTIFY_TERMINATION'; reason: string };

export type DibaoOutcome = Outcome<DibaoCase, DibaoEffect>;

export function newDibaoCase(input: {
  id: string;
  members: readonly DibaoMember[];
  approvalLevel?: ApprovalLevel;
  closeRelative?: boolean;
  recognition?: boolean;
}): DibaoCase {
  return {
    id: input.id,
    state: 'DRAFT',
    approvalLevel: input.approvalLevel ?? 'COUNTY',
    closeRelative: input.closeRelative ?? false,
    ...(input.recognition ? { recognition: true } : {}),
    members: input.members,
    lastEventOn: null,
    acceptedOn: null,
    missingNoticeGiven: false,
    checkRequestedOn: null,
    investigators: [],
    publicity: null,
    objectionDuringPublicity: false,
    specialReason: null,
    receivedForConfirmationOn: null,
    complaintDuringConfirmation: false,
    countyHomeVisitOn: null,
    decidedOn: null,
    deadline: null,
    overallDue: null,
  };
}

/** Overall limit from t0 (S1 Art.22; S5 §四(一)). */
export function dibaoOverallDue(c: DibaoCase, cal: HolidayCalendar): string | null {
  if (c.acceptedOn === null) return null;
  const wd =
    c.specialReason !== null
      ? DIBAO_OVERALL_SPECIAL_WD
      : c.approvalLevel === 'TOWNSHIP'
        ? DIBAO_OVERALL_DELEGATED_WD
        : DIBAO_OVERALL_WD;
  return addWorkingDays(c.acceptedOn, wd, cal);
}

/** §3.7 global guard: is the case past its current-state deadline or the overall limit on `on`? */
export function dibaoSlaAlert(c: DibaoCase, on: string): { stateOverdue: boolean; overallOverdue: boolean } {
  const open = !DIBAO_FINAL_STATES.includes(c.state);
  return {
    stateOverdue: open && c.deadline !== null && on > c.deadline,
    overallOverdue: open && c.overallDue !== null && on > c.overallDue,
  };
}

const dateOf = (e: DibaoEvent): string => (e.type === 'PUBLISH' ? e.postedOn : e.at);

const TOWN = ['town'] as const;
const COUNTY = ['county'] as const;

export function transition(
  c: DibaoCase,
  e: DibaoEvent,
  actor: Actor,
  cal: HolidayCalendar,
  publicityDays: number = PUBLICITY_DAYS,
): DibaoOutcome {
  if (DIBAO_FINAL_STATES.includes(c.state))
    return refuse(
      'CASE_CLOSED',
      `案件已办结（${c.state}），不能再操作`,
      `the case is closed (${c.state}); no further events`,
    );
  const at = dateOf(e);
  const early = requireNotBefore(at, c.lastEventOn);
  if (early) return early;
  const base: DibaoCase = { ...c, lastEventOn: at };
  const go = (next: DibaoCase, effects: DibaoEffect[] = []): DibaoOutcome => ({ ok: true, next, effects });
  const gate = (...checks: (Refusal | null)[]): Refusal | null => checks.find((x) => x !== null) ?? null;
  const bad = notAllowed(c.state, e.type);
  const confirmLevel = c.approvalLevel === 'COUNTY' ? COUNTY : TOWN;

  switch (e.type) {
    case 'SUBMIT': {
      // S1 Art.4, Art.6: the family applies (online too, §9.5), or the village committee / another
      // person on its behalf.
      if (c.state !== 'DRAFT') return bad;
      const r = requireLevel(actor, ['applicant', 'village', 'town'], '提交申请');
      return r ?? go({ ...base, state: 'SUBMITTED' });
    }
    case 'NOTIFY_MISSING_MATERIALS': {
      if (c.state !== 'SUBMITTED') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '一次性告知'),
        e.missing.length === 0
          ? refuse(
              'MISSING_LIST_EMPTY',
              '一次性告知须列明全部缺少的材料（S1 第十条）',
              'S1 Art.10: the one-time notice must list every missing item',
            )
          : null,
        c.missingNoticeGiven
          ? refuse(
              'MISSING_NOTICE_ALREADY_GIVEN',
              '缺少的材料只能一次性告知（S1 第十条）',
              'S1 Art.10: missing materials are notified once only',
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'AWAITING_MATERIALS', missingNoticeGiven: true }, [
          { type: 'SEND_MISSING_MATERIALS_NOTICE', missing: e.missing },
        ])
      );
    }
    case 'RESUBMIT': {
      if (c.state !== 'AWAITING_MATERIALS') return bad;
      const r = requireLevel(actor, ['village', 'town'], '补齐材料');
      return r ?? go({ ...base, state: 'SUBMITTED' });
    }
    case 'NOT_ACCEPTED': {
      // S1 Art.10: the town does not accept (a duplicate of a case in progress, not this town's), in
      // writing with reasons; the application ends without an investigation.
      if (c.state !== 'SUBMITTED') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '不予受理'),
        e.reasons.trim() === ''
          ? refuse('REASON_REQUIRED', '不予受理须书面说明理由', 'not accepting needs written reasons')
          : null,
      );
      return r ?? go({ ...base, state: 'CLOSED_REJECTED', deadline: null, decidedOn: e.at });
    }
    case 'ACCEPT': {
      if (c.state !== 'SUBMITTED') return bad;
      const r = requireLevel(actor, TOWN, '受理');
      if (r) return r;
      const accepted: DibaoCase = { ...base, state: 'ACCEPTED', acceptedOn: e.at };
      const overallDue = dibaoOverallDue(accepted, cal) ?? e.at;
      return go(
        {
          ...accepted,
          overallDue,
          deadline: addWorkingDays(e.at, DIBAO_INVESTIGATION_START_WD, cal),
        },
        [{ type: 'SLA_CLOCK_STARTED', t0: e.at, overallDue }],
      );
    }
    case 'RECORD_CONSENT': {
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记授权核对'),
        c.members.some((m) => m.id === e.memberId)
          ? null
          : refuse('UNKNOWN_MEMBER', `家庭成员 ${e.memberId} 不存在`, `no household member ${e.memberId}`),
      );
      if (r) return r;
      return go({
        ...base,
        members: c.members.map((m) => (m.id === e.memberId ? { ...m, consentSignedOn: e.at } : m)),
      });
    }
    case 'START_INVESTIGATION': {
      if (c.state !== 'ACCEPTED') return bad;
      const r = requireLevel(actor, TOWN, '启动调查');
      return r ?? go({ ...base, state: 'INVESTIGATING', deadline: c.overallDue });
    }
    case 'REQUEST_CHECK': {
      // §2.2: every member must have signed the authorization before any check request.
      if (c.state !== 'INVESTIGATING') return bad;
      const missing = c.members.filter((m) => m.consentSignedOn === null).map((m) => m.id);
      const r = gate(
        requireLevel(actor, TOWN, '提请核对'),
        c.members.length === 0 || missing.length > 0
          ? refuse(
              'CONSENT_MISSING',
              `以下家庭成员尚未签署授权核对书：${missing.join('、') || '（无成员）'}（§2.2；S1 第九条）`,
              `§2.2, S1 Art.9: check authorization missing for ${missing.join(', ') || '(no members)'}`,
            )
          : null,
      );
      if (r) return r;
      return go({ ...base, checkRequestedOn: e.at }, [
        { type: 'CHECK_REQUESTED', countyStartBy: addWorkingDays(e.at, DIBAO_CHECK_START_WD, cal) },
      ]);
    }
    case 'RECORD_INVESTIGATION': {
      if (c.state !== 'INVESTIGATING') return bad;
      const r = gate(requireLevel(actor, TOWN, '入户调查'), requireTwoInvestigators(e.investigators));
      return r ?? go({ ...base, investigators: e.investigators });
    }
    case 'NOTIFY_INELIGIBLE': {
      // S1 Art.18: the check says the family is ineligible → the township tells the applicant.
      if (c.state !== 'INVESTIGATING') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '告知不符合条件'),
        c.checkRequestedOn === null
          ? refuse(
              'CHECK_NOT_REQUESTED',
              '尚未提请核对，不能以核对结果告知不符合条件（S1 第十八条）',
              'S1 Art.18: no information check was requested, so there is no check result to notify',
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'INELIGIBLE_NOTIFIED', deadline: c.overallDue }, [
          { type: 'NOTIFY_APPLICANT_INELIGIBLE', reasons: e.reasons },
        ])
      );
    }
    case 'APPLICANT_OBJECTS': {
      if (c.state !== 'INELIGIBLE_NOTIFIED') return bad;
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记申请人异议'),
        e.evidence.length === 0
          ? refuse(
              'EVIDENCE_REQUIRED',
              '申请人有异议须提供证明材料（S1 第十八条）',
              'S1 Art.18: an objection to the check result needs evidence',
            )
          : null,
      );
      return r ?? go({ ...base, state: 'RECHECK' });
    }
    case 'START_RECHECK': {
      if (c.state !== 'RECHECK') return bad;
      const r = requireLevel(actor, TOWN, '复查');
      return r ?? go({ ...base, state: 'INVESTIGATING', deadline: c.overallDue });
    }
    case 'CLOSE_REJECTED': {
      if (c.state !== 'INELIGIBLE_NOTIFIED') return bad;
      const r = requireLevel(actor, TOWN, '不予受理办结');
      return r ?? go({ ...base, state: 'CLOSED_REJECTED', deadline: null, decidedOn: e.at });
    }
    case 'DRAFT_OPINION': {
      if (c.state !== 'INVESTIGATING') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '初审意见'),
        c.investigators.length < 2
          ? refuse(
              'INVESTIGATION_NOT_RECORDED',
              '尚未登记两人以上的入户调查，不能出具初审意见（S1 第十六条、第十九条）',
              'S1 Art.16, Art.19: record the home visit by two investigators before the initial opinion',
            )
          : null,
      );
      return r ?? go({ ...base, state: 'PRELIM_OPINION', deadline: c.overallDue });
    }
    case 'PUBLISH': {
      if (c.state !== 'PRELIM_OPINION') return bad;
      const r = requireLevel(actor, ['village', 'town'], '初审公示');
      if (r) return r;
      const p = publicityEnd(e.postedOn, publicityDays);
      return go(
        { ...base, state: 'PUBLICIZING', publicity: { postedOn: e.postedOn, ...p }, deadline: c.overallDue },
        [{ type: 'POST_PUBLICITY', firstDay: p.firstDay, lastDay: p.lastDay }],
      );
    }
    case 'OBJECTION': {
      if (c.state !== 'PUBLICIZING' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记公示异议'),
        e.at > c.publicity.lastDay
          ? refuse(
              'OBJECTION_OUT_OF_TIME',
              `公示期已于 ${c.publicity.lastDay} 结束（S1 第十九条）`,
              `S1 Art.19: publicity ended on ${c.publicity.lastDay}`,
            )
          : null,
      );
      if (r) return r;
      // An objection in publicity is a special case: the overall limit may run to 45 WD (S5 §四(一)).
      const next: DibaoCase = {
        ...base,
        state: e.route,
        objectionDuringPublicity: true,
        specialReason: c.specialReason ?? 'OBJECTION',
      };
      const overallDue = dibaoOverallDue(next, cal);
      return go({ ...next, overallDue, deadline: overallDue });
    }
    case 'PUBLICITY_ENDED': {
      if (c.state !== 'PUBLICIZING' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, TOWN, '公示期满报送'),
        e.at < c.publicity.firstDayAfter
          ? refuse(
              'PUBLICITY_NOT_OVER',
              `公示期 7 天（自张贴次日起算）至 ${c.publicity.lastDay} 止，${c.publicity.firstDayAfter} 起方可报送（S1 第十九条；§2.1）`,
              `S1 Art.19, §2.1: 7-day publicity runs to ${c.publicity.lastDay}; the case may move on from ${c.publicity.firstDayAfter}`,
            )
          : null,
      );
      return r ?? sendToConfirmation(base, e.at, cal);
    }
    case 'NEW_OPINION': {
      // S1 Art.19 ¶2: re-investigation or democratic review, then a new opinion to the county, no 2nd publicity.
      if (c.state !== 'REINVESTIGATION' && c.state !== 'DEMOCRATIC_REVIEW') return bad;
      const r = requireLevel(actor, TOWN, '重新出具初审意见');
      return r ?? sendToConfirmation(base, e.at, cal);
    }
    case 'RECORD_SPECIAL_REASON': {
      if (c.acceptedOn === null) return bad;
      const r = requireLevel(actor, ['town', 'county'], '登记特殊情形');
      if (r) return r;
      const next: DibaoCase = { ...base, specialReason: e.reason };
      const overallDue = dibaoOverallDue(next, cal);
      const followsOverall = c.deadline === c.overallDue;
      return go({ ...next, overallDue, deadline: followsOverall ? overallDue : c.deadline });
    }
    case 'START_COUNTY_REVIEW': {
      if (c.state !== 'SUBMITTED_TO_COUNTY') return bad;
      const r = requireLevel(actor, COUNTY, '审核确认');
      return r ?? go({ ...base, state: 'COUNTY_REVIEW' });
    }
    case 'COMPLAINT': {
      // S1 Art.20 ¶2: a complaint or report during confirmation makes the county home visit mandatory.
      if (c.state !== 'COUNTY_REVIEW' && c.state !== 'TOWNSHIP_CONFIRMATION') return bad;
      const r = requireLevel(actor, ['town', 'county'], '登记投诉举报');
      return r ?? go({ ...base, complaintDuringConfirmation: true }, [{ type: 'HOME_VISIT_REQUIRED' }]);
    }
    case 'RECORD_COUNTY_HOME_VISIT': {
      if (c.state !== 'COUNTY_REVIEW' && c.state !== 'TOWNSHIP_CONFIRMATION') return bad;
      const r = gate(requireLevel(actor, COUNTY, '县级入户核查'), requireTwoInvestigators(e.investigators));
      return r ?? go({ ...base, countyHomeVisitOn: e.at });
    }
    case 'CONFIRM':
    case 'REJECT': {
      const from = c.approvalLevel === 'COUNTY' ? 'COUNTY_REVIEW' : 'TOWNSHIP_CONFIRMATION';
      if (c.state !== from) return bad;
      const r = gate(
        requireLevel(actor, confirmLevel, e.type === 'CONFIRM' ? '确认同意' : '不予确认'),
        (c.closeRelative || c.complaintDuringConfirmation) && c.countyHomeVisitOn === null
          ? refuse(
              'HOME_VISIT_REQUIRED',
              '近亲属备案或确认期间有投诉举报的，县级民政须先入户调查（S1 第十一条、第二十条）',
              'S1 Art.11, Art.20: a close-relative or complained-about case needs the county home visit first',
            )
          : null,
        e.type === 'CONFIRM' &&
          !c.recognition &&
          !(Number.isSafeInteger(e.monthlyAmountFen) && e.monthlyAmountFen > 0)
          ? refuse(
              'AMOUNT_REQUIRED',
              '确认时须核定保障金额（S1 第二十一条）',
              'S1 Art.21: confirmation fixes a positive amount',
            )
          : null,
        e.type === 'REJECT' && e.reasons.trim() === ''
          ? refuse(
              'REASON_REQUIRED',
              '不予确认须书面说明理由（S1 第二十一条）',
              'S1 Art.21: rejection needs written reasons',
            )
          : null,
      );
      if (r) return r;
      const done: DibaoCase = { ...base, decidedOn: e.at, deadline: null };
      if (e.type === 'CONFIRM' && c.recognition)
        return go({ ...done, state: 'APPROVED' }, [{ type: 'RECOGNIZED', on: e.at }]);
      if (e.type === 'CONFIRM')
        return go({ ...done, state: 'APPROVED' }, [
          { type: 'ISSUE_CERTIFICATE', monthlyAmountFen: e.monthlyAmountFen },
          { type: 'BENEFIT_STARTS', from: benefitStartMonth(e.at) },
        ]);
      return go({ ...done, state: 'REJECTED' }, [
        {
          type: 'SEND_REJECTION_NOTICE',
          by: addWorkingDays(e.at, DIBAO_REJECTION_NOTICE_WD, cal),
          reasons: e.reasons,
        },
      ]);
    }
    case 'TERMINATE': {
      // S1 Art.29: the family refuses to cooperate without good reason → terminate the procedure.
      const r = gate(
        requireLevel(actor, ['town', 'county'], '终止审核确认'),
        e.reason.trim() === ''
          ? refuse(
              'REASON_REQUIRED',
              '终止须说明理由（S1 第二十九条）',
              'S1 Art.29: termination needs a reason',
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'TERMINATED', deadline: null, decidedOn: e.at }, [
          { type: 'NOTIFY_TERMINATION', reason: e.reason },
        ])
      );
    }
  }
}

function sendToConfirmation(c: DibaoCase, at: string, cal: HolidayCalendar): DibaoOutcome {
  const confirmBy = addWorkingDays(at, DIBAO_COUNTY_CONFIRMATION_WD, cal);
  const delegated = c.approvalLevel === 'TOWNSHIP';
  const effects: DibaoEffect[] = [{ type: 'SEND_TO_CONFIRMATION', confirmBy }];
  if (delegated) effects.push({ type: 'COUNTY_SPOT_CHECK_QUEUE' });
  if (c.closeRelative) effects.push({ type: 'HOME_VISIT_REQUIRED' });
  return {
    ok: true,
    next: {
      ...c,
      state: delegated ? 'TOWNSHIP_CONFIRMATION' : 'SUBMITTED_TO_COUNTY',
      receivedForConfirmationOn: at,
      deadline: confirmBy,
    },
    effects,
  };
}
