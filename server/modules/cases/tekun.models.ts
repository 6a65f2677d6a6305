// 特困人员 procedure (domain-rules §5.2) and termination (§5.5) as one state machine, with the consent rule
// of §2.2 (applicant AND legal supporters, S2 Art.10), publicity of §2.1 and §2.4 "no inclusion without
// procedure". Pure: no I/O, no clock. Dates are 'YYYY-MM-DD' arguments.
import {
  addWorkingDays,
  benefitStartMonth,
  type HolidayCalendar,
  PUBLICITY_DAYS,
  type PublicityPeriod,
  publicityEnd,
  TEKUN_COUNTY_REVIEW_WD,
  TEKUN_INVESTIGATION_WD,
  TEKUN_REJECTION_NOTICE_WD,
  TEKUN_REOPINION_WD,
} from '../../rules/calendar.ts';
import {
  type Actor,
  notAllowed,
  type Outcome,
  type Refusal,
  refuse,
  requireLevel,
  requireNotBefore,
  requireTwoInvestigators,
} from './procedure.models.ts';

export const TEKUN_STATES = [
  'SUBMITTED',
  'INVESTIGATING',
  'PRELIM_OPINION',
  'PUBLICIZING',
  'REINVESTIGATION',
  'SUBMITTED_TO_COUNTY',
  'COUNTY_REVIEW',
  'ACTIVE',
  'REJECTED',
  'TERMINATION_INVESTIGATION',
  'TERMINATION_PUBLICITY',
  'TERMINATION_REINVESTIGATION',
  'TERMINATED',
] as const;
export type TekunState = (typeof TEKUN_STATES)[number];
export const TEKUN_FINAL_STATES: readonly TekunState[] = ['REJECTED', 'TERMINATED'];

/** Minimum county spot-check rate, configurable upward only (S2 Art.16, §5.2). */
export const TEKUN_MIN_SPOT_CHECK_RATE = 0.3;

/** Termination grounds (S2 / V Art.24–27, §5.5). */
export type TerminationGround =
  | 'DEATH_OR_MISSING'
  | 'WORK_CAPACITY'
  | 'IMPRISONED'
  | 'INCOME_OR_PROPERTY'
  | 'ABLE_SUPPORTER'
  | 'VOLUNTARY';

/** The applicant and each legal supporter (法定义务人) whose data is checked. */
export type TekunPerson = { id: string; kind: 'APPLICANT' | 'SUPPORTER'; consentSignedOn: string | null };

export type SpotCheck = { on: string; rate: number; seed: string; selected: boolean; passed: boolean | null };

export type TekunCase = {
  id: string;
  state: TekunState;
  persons: readonly TekunPerson[];
  lastEventOn: string | null;
  acceptedOn: string | null;
  checkRequestedOn: string | null;
  investigators: readonly string[];
  democraticReviewOn: string | null;
  publicity: (PublicityPeriod & { postedOn: string }) | null;
  spotCheck: SpotCheck | null;
  decidedOn: string | null;
  terminationGround: TerminationGround | null;
  /** Last day the current state must be left by (working days), null when no statutory limit applies. */
  deadline: string | null;
  /** 供养方式 (§5.4, S3 Art.19); absent on cases recorded before it was modelled = dispersed. */
  supportMode?: SupportMode;
  institutionId?: string | null;
};

export type SupportMode = 'DISPERSED' | 'CENTRALISED';

export type TekunEvent =
  | { type: 'ACCEPT'; at: string }
  | { type: 'NOT_ACCEPTED'; at: string; reasons: string }
  | { type: 'RECORD_CONSENT'; at: string; personId: string }
  | { type: 'REQUEST_CHECK'; at: string }
  | { type: 'RECORD_INVESTIGATION'; at: string; investigators: readonly string[] }
  | { type: 'RECORD_DEMOCRATIC_REVIEW'; at: string }
  | { type: 'DRAFT_OPINION'; at: string; opinion: string }
  | { type: 'PUBLISH'; postedOn: string }
  | { type: 'OBJECTION'; at: string; summary: string }
  | { type: 'PUBLICITY_ENDED'; at: string }
  | { type: 'START_COUNTY_REVIEW'; at: string }
  | { type: 'RECORD_SPOT_CHECK'; at: string; rate: number; seed: string; selected: boolean; passed?: boolean }
  | { type: 'CONFIRM'; at: string }
  | { type: 'REJECT'; at: string; reasons: string }
  | { type: 'TERMINATION_GROUND'; at: string; ground: TerminationGround }
  | { type: 'PROPOSE_TERMINATION'; postedOn: string; findings: string }
  | { type: 'TERMINATION_OBJECTION'; at: string; summary: string }
  | { type: 'DECIDE_TERMINATION'; at: string; reasons: string }
  | { type: 'DROP_TERMINATION'; at: string; reason: string }
  | { type: 'SET_SUPPORT_MODE'; at: string; mode: SupportMode; institutionId: string | null; reason: string };

export type TekunEffect =
  | { type: 'CHECK_REQUESTED' }
  | { type: 'POST_PUBLICITY'; firstDay: string; lastDay: string }
  | { type: 'CREATE_CASE_FILE' }
  | { type: 'SUPPORT_STARTS'; from: string }
  | { type: 'PUBLISH_IN_VILLAGE' }
  | { type: 'SEND_REJECTION_NOTICE'; by: string; reasons: string }
  | { type: 'SUPPORT_STOPS'; from: string }
  | { type: 'WRITTEN_REASONS'; to: readonly ('PERSON' | 'VILLAGE_COMMITTEE')[]; reasons: string }
  | { type: 'REFERRAL_CHECK'; schemes: readonly ('DIBAO' | 'TEMPORARY')[] }
  | { type: 'SUPPORT_MODE_SET'; mode: SupportMode; institutionId: string | null };

export type TekunOutcome = Outcome<TekunCase, TekunEffect>;

export function newTekunCase(input: { id: string; persons: readonly TekunPerson[] }): TekunCase {
  return {
    id: input.id,
    state: 'SUBMITTED',
    persons: input.persons,
    lastEventOn: null,
    acceptedOn: null,
    checkRequestedOn: null,
    investigators: [],
    democraticReviewOn: null,
    publicity: null,
    spotCheck: null,
    decidedOn: null,
    terminationGround: null,
    deadline: null,
  };
}

const TOWN = ['town'] as const;
const COUNTY = ['county'] as const;

function publicityNotOver(p: PublicityPeriod, at: string, article: string): Refusal | null {
  if (at >= p.firstDayAfter) return null;
  return refuse(
    'PUBLICITY_NOT_OVER',
    `公示期 7 天（自张贴次日起算）至 ${p.lastDay} 止（${article}；§2.1）`,
    `${article}, §2.1: 7-day publicity runs to ${p.lastDay}; next step from ${p.firstDayAfter}`,
  );
}

function objectionLate(p: PublicityPeriod, at: string, article: string): Refusal | null {
  if (at <= p.lastDay) return null;
  return refuse(
    'OBJECTION_OUT_OF_TIME',
    `公示期已于 ${p.lastDay} 结束（${article}）`,
    `${article}: publicity ended on ${p.lastDay}`,
  );
}

const dateOf = (e: TekunEvent): string =>
  e.type === 'PUBLISH' || e.type === 'PROPOSE_TERMINATION' ? e.postedOn : e.at;

export function transition(
  c: TekunCase,
  e: TekunEvent,
  actor: Actor,
  cal: HolidayCalendar,
  publicityDays: number = PUBLICITY_DAYS,
): TekunOutcome {
  if (TEKUN_FINAL_STATES.includes(c.state))
    return refuse('CASE_CLOSED', `案件已办结（${c.state}）`, `the case is closed (${c.state})`);
  const at = dateOf(e);
  const early = requireNotBefore(at, c.lastEventOn);
  if (early) return early;
  const base: TekunCase = { ...c, lastEventOn: at };
  const go = (next: TekunCase, effects: TekunEffect[] = []): TekunOutcome => ({ ok: true, next, effects });
  const gate = (...checks: (Refusal | null)[]): Refusal | null => checks.find((x) => x !== null) ?? null;
  const bad = notAllowed(c.state, e.type);

  switch (e.type) {
    case 'NOT_ACCEPTED': {
      // S2 Art.12: an application the town does not accept ends, in writing with reasons.
      if (c.state !== 'SUBMITTED') return bad;
      const r = requireLevel(actor, TOWN, '不予受理');
      if (r) return r;
      if (e.reasons.trim() === '')
        return refuse('REASON_REQUIRED', '不予受理须书面说明理由', 'not accepting needs written reasons');
      return go({ ...base, state: 'REJECTED', decidedOn: e.at, deadline: null });
    }
    case 'ACCEPT': {
      if (c.state !== 'SUBMITTED') return bad;
      const r = requireLevel(actor, TOWN, '受理');
      // S2 Art.13: investigation and initial opinion ≤ 15 WD from acceptance.
      return (
        r ??
        go({
          ...base,
          state: 'INVESTIGATING',
          acceptedOn: e.at,
          deadline: addWorkingDays(e.at, TEKUN_INVESTIGATION_WD, cal),
        })
      );
    }
    case 'RECORD_CONSENT': {
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记授权核对'),
        c.persons.some((p) => p.id === e.personId)
          ? null
          : refuse('UNKNOWN_MEMBER', `人员 ${e.personId} 不存在`, `no applicant or supporter ${e.personId}`),
      );
      return (
        r ??
        go({
          ...base,
          persons: c.persons.map((p) => (p.id === e.personId ? { ...p, consentSignedOn: e.at } : p)),
        })
      );
    }
    case 'REQUEST_CHECK': {
      if (c.state !== 'INVESTIGATING' && c.state !== 'REINVESTIGATION') return bad;
      const missing = c.persons.filter((p) => p.consentSignedOn === null).map((p) => p.id);
      const r = gate(
        requireLevel(actor, TOWN, '提请核对'),
        !c.persons.some((p) => p.kind === 'APPLICANT') || missing.length > 0
          ? refuse(
              'CONSENT_MISSING',
              `申请人及法定义务人须全部签署授权核对书，尚缺：${missing.join('、') || '申请人'}（S2 第十条；§2.2）`,
              `S2 Art.10, §2.2: applicant and legal supporters must all consent; missing ${missing.join(', ') || 'applicant'}`,
            )
          : null,
      );
      return r ?? go({ ...base, checkRequestedOn: e.at }, [{ type: 'CHECK_REQUESTED' }]);
    }
    case 'RECORD_INVESTIGATION': {
      if (c.state !== 'INVESTIGATING' && c.state !== 'REINVESTIGATION') return bad;
      const r = gate(requireLevel(actor, TOWN, '入户调查'), requireTwoInvestigators(e.investigators));
      return r ?? go({ ...base, investigators: e.investigators });
    }
    case 'RECORD_DEMOCRATIC_REVIEW': {
      if (c.state !== 'INVESTIGATING' && c.state !== 'REINVESTIGATION') return bad;
      const r = requireLevel(actor, ['village', 'town'], '民主评议');
      return r ?? go({ ...base, democraticReviewOn: e.at });
    }
    case 'DRAFT_OPINION': {
      if (c.state !== 'INVESTIGATING' && c.state !== 'REINVESTIGATION') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '初审意见'),
        c.investigators.length < 2
          ? refuse(
              'INVESTIGATION_NOT_RECORDED',
              '尚未登记调查，不能出具初审意见（S2 第十三条）',
              'S2 Art.13: record the investigation before the initial opinion',
            )
          : null,
      );
      return r ?? go({ ...base, state: 'PRELIM_OPINION', deadline: null });
    }
    case 'PUBLISH': {
      if (c.state !== 'PRELIM_OPINION') return bad;
      const r = requireLevel(actor, ['village', 'town'], '公示');
      if (r) return r;
      const p = publicityEnd(e.postedOn, publicityDays);
      return go(
        { ...base, state: 'PUBLICIZING', publicity: { postedOn: e.postedOn, ...p }, deadline: null },
        [{ type: 'POST_PUBLICITY', firstDay: p.firstDay, lastDay: p.lastDay }],
      );
    }
    case 'OBJECTION': {
      if (c.state !== 'PUBLICIZING' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记公示异议'),
        objectionLate(c.publicity, e.at, 'S2 Art.15'),
      );
      // S2 Art.15 ¶2: re-investigate, new opinion ≤ 15 WD, then re-publicize.
      return (
        r ??
        go({
          ...base,
          state: 'REINVESTIGATION',
          investigators: [],
          deadline: addWorkingDays(e.at, TEKUN_REOPINION_WD, cal),
        })
      );
    }
    case 'PUBLICITY_ENDED': {
      if (c.state !== 'PUBLICIZING' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, TOWN, '公示期满报送'),
        publicityNotOver(c.publicity, e.at, 'S2 Art.15'),
      );
      return (
        r ??
        go({
          ...base,
          state: 'SUBMITTED_TO_COUNTY',
          deadline: addWorkingDays(e.at, TEKUN_COUNTY_REVIEW_WD, cal),
        })
      );
    }
    case 'START_COUNTY_REVIEW': {
      if (c.state !== 'SUBMITTED_TO_COUNTY') return bad;
      const r = requireLevel(actor, COUNTY, '审核');
      return r ?? go({ ...base, state: 'COUNTY_REVIEW' });
    }
    case 'RECORD_SPOT_CHECK': {
      if (c.state !== 'COUNTY_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, COUNTY, '县级抽查'),
        !(e.rate >= TEKUN_MIN_SPOT_CHECK_RATE && e.rate <= 1)
          ? refuse(
              'SPOT_CHECK_RATE_TOO_LOW',
              `抽查比例不得低于 30%（S2 第十六条），当前 ${e.rate}`,
              `S2 Art.16: the spot-check sample must be ≥ 30 %, got ${e.rate}`,
            )
          : null,
        e.seed.trim() === ''
          ? refuse('SPOT_CHECK_SEED_MISSING', '须记录抽样种子（§5.2）', '§5.2: log the sampling seed')
          : null,
        e.selected && e.passed === undefined
          ? refuse(
              'SPOT_CHECK_RESULT_MISSING',
              '被抽中的案件须记录抽查结果（S2 第十六条）',
              'S2 Art.16: a sampled case needs its spot-check result',
            )
          : null,
      );
      return (
        r ??
        go({
          ...base,
          spotCheck: { on: e.at, rate: e.rate, seed: e.seed, selected: e.selected, passed: e.passed ?? null },
        })
      );
    }
    case 'CONFIRM': {
      if (c.state !== 'COUNTY_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, COUNTY, '审核确认'),
        c.spotCheck === null
          ? refuse(
              'SPOT_CHECK_REQUIRED',
              '县级须先完成不低于 30% 的随机抽查（S2 第十六条）',
              'S2 Art.16: the county ≥ 30 % random spot check must be recorded first',
            )
          : null,
        c.spotCheck?.passed === false
          ? refuse(
              'SPOT_CHECK_FAILED',
              '抽查未通过，不能确认（S2 第十六条）',
              'S2 Art.16: the spot check failed; cannot confirm',
            )
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'ACTIVE', decidedOn: e.at, deadline: null }, [
          { type: 'CREATE_CASE_FILE' },
          { type: 'SUPPORT_STARTS', from: benefitStartMonth(e.at) },
          { type: 'PUBLISH_IN_VILLAGE' },
        ])
      );
    }
    case 'REJECT': {
      if (c.state !== 'COUNTY_REVIEW') return bad;
      const r = gate(
        requireLevel(actor, COUNTY, '不予确认'),
        e.reasons.trim() === ''
          ? refuse('REASON_REQUIRED', '不予确认须书面说明理由（S2 第十八条）', 'S2 Art.18: written reasons')
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'REJECTED', decidedOn: e.at, deadline: null }, [
          {
            type: 'SEND_REJECTION_NOTICE',
            by: addWorkingDays(e.at, TEKUN_REJECTION_NOTICE_WD, cal),
            reasons: e.reasons,
          },
        ])
      );
    }
    case 'TERMINATION_GROUND': {
      if (c.state !== 'ACTIVE') return bad;
      const r = requireLevel(actor, ['village', 'town', 'county'], '登记终止情形');
      return (
        r ??
        go({ ...base, state: 'TERMINATION_INVESTIGATION', terminationGround: e.ground, investigators: [] })
      );
    }
    case 'PROPOSE_TERMINATION': {
      if (c.state !== 'TERMINATION_INVESTIGATION' && c.state !== 'TERMINATION_REINVESTIGATION') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '拟终止公示'),
        e.findings.trim() === ''
          ? refuse(
              'INVESTIGATION_NOT_RECORDED',
              '拟终止须有乡镇调查结论（§5.5）',
              '§5.5: the township investigation findings are required',
            )
          : null,
      );
      if (r) return r;
      const p = publicityEnd(e.postedOn, publicityDays);
      return go(
        {
          ...base,
          state: 'TERMINATION_PUBLICITY',
          publicity: { postedOn: e.postedOn, ...p },
          deadline: null,
        },
        [{ type: 'POST_PUBLICITY', firstDay: p.firstDay, lastDay: p.lastDay }],
      );
    }
    case 'TERMINATION_OBJECTION': {
      if (c.state !== 'TERMINATION_PUBLICITY' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, ['village', 'town'], '登记终止公示异议'),
        objectionLate(c.publicity, e.at, 'S2 Art.26'),
      );
      // §5.5: objection → investigation and decision ≤ 15 WD, then re-publicize.
      return (
        r ??
        go({
          ...base,
          state: 'TERMINATION_REINVESTIGATION',
          deadline: addWorkingDays(e.at, TEKUN_REOPINION_WD, cal),
        })
      );
    }
    case 'DECIDE_TERMINATION': {
      if (c.state !== 'TERMINATION_PUBLICITY' || c.publicity === null) return bad;
      const r = gate(
        requireLevel(actor, COUNTY, '核准终止'),
        publicityNotOver(c.publicity, e.at, 'S2 Art.26'),
        e.reasons.trim() === ''
          ? refuse('REASON_REQUIRED', '终止须书面说明理由（§5.5）', '§5.5: termination needs written reasons')
          : null,
      );
      return (
        r ??
        go({ ...base, state: 'TERMINATED', decidedOn: e.at, deadline: null }, [
          { type: 'SUPPORT_STOPS', from: benefitStartMonth(e.at) },
          { type: 'WRITTEN_REASONS', to: ['PERSON', 'VILLAGE_COMMITTEE'], reasons: e.reasons },
          { type: 'REFERRAL_CHECK', schemes: ['DIBAO', 'TEMPORARY'] },
        ])
      );
    }
    case 'DROP_TERMINATION': {
      if (c.state !== 'TERMINATION_INVESTIGATION' && c.state !== 'TERMINATION_REINVESTIGATION') return bad;
      const r = gate(
        requireLevel(actor, ['town', 'county'], '撤销终止'),
        e.reason.trim() === ''
          ? refuse('REASON_REQUIRED', '撤销终止须说明理由', 'dropping a termination needs a reason')
          : null,
      );
      return r ?? go({ ...base, state: 'ACTIVE', terminationGround: null, publicity: null, deadline: null });
    }
    case 'SET_SUPPORT_MODE': {
      // S3 Art.19: the person chooses; the town records the choice at any point before the case
      // closes, and the payroll pays the institution from the next month it computes.
      const current = c.supportMode ?? 'DISPERSED';
      const r = gate(
        requireLevel(actor, ['town', 'county'], '登记供养方式'),
        e.mode === 'CENTRALISED' && !e.institutionId
          ? refuse(
              'INSTITUTION_REQUIRED',
              '集中供养须选择供养服务机构（§5.4）',
              '§5.4: centralised support needs the institution',
            )
          : null,
        e.mode === 'DISPERSED' && e.institutionId
          ? refuse(
              'INSTITUTION_NOT_ALLOWED',
              '分散供养不填写供养机构',
              'dispersed support has no institution',
            )
          : null,
        current === e.mode && (c.institutionId ?? null) === (e.institutionId ?? null)
          ? refuse('NO_CHANGE', '供养方式未变化', 'the support mode is unchanged')
          : null,
        e.reason.trim() === '' ? refuse('REASON_REQUIRED', '须说明变更理由', 'a reason is required') : null,
      );
      const institutionId = e.mode === 'CENTRALISED' ? e.institutionId : null;
      return (
        r ??
        go({ ...base, supportMode: e.mode, institutionId }, [
          { type: 'SUPPORT_MODE_SET', mode: e.mode, institutionId },
        ])
      );
    }
  }
}
