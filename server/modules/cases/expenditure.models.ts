// 临时救助 expenditure (支出型) flow, domain-rules §6.1–§6.4: the full 申请 → 受理 → 审核 → 审批 sequence,
// publicity only where a local rule requires it, township approval within its limit, county above,
// 一事一议 above the general cap, and "一次审批、分阶段救助" (staged disbursements).
// Pure: no I/O, no clock. Dates are 'YYYY-MM-DD' arguments; amounts are integer fen.
import { PUBLICITY_DAYS, publicityEnd } from '../../rules/calendar.ts';
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

export const EXPENDITURE_STATES = [
  'APPLIED',
  'ACCEPTED',
  'INVESTIGATED',
  'TOWN_REVIEWED',
  'PUBLICIZING',
  'APPROVED',
  'DISBURSING',
  'PAID',
  'REJECTED',
  'CLOSED',
] as const;
export type ExpenditureState = (typeof EXPENDITURE_STATES)[number];

export type ExpenditureParams = {
  /** `township_approval_limit_yuan` (§6.3 [U]): above it only the county approves. */
  townshipApprovalLimitFen: number;
  /** `temp_general_cap` (§6.4 [U]): above it the county coordination meeting decides (一事一议). */
  generalCapFen: number;
  /** Previous-year per-capita disposable income (S7 §二(一)): the income line "in principle". */
  prevYearPerCapitaIncomeFen: number;
  /** Whether a local rule requires publicity for this flow (§6.5 "[PUBLICITY if local rule]"). */
  publicityRequired: boolean;
  publicityDays?: number;
};

export type Investigation = {
  perCapitaIncomeFen: number;
  propertyMeetsLocalRule: boolean;
  rigidSpendingFen: number;
};

export type ExpenditureCase = {
  id: string;
  state: ExpenditureState;
  appliedOn: string;
  lastEventOn: string;
  investigation: Investigation | null;
  proposedAmountFen: number | null;
  publicityFirstDayAfter: string | null;
  approvedAmountFen: number | null;
  approvedBy: 'TOWNSHIP' | 'COUNTY' | 'COORDINATION_MEETING' | null;
  disbursements: readonly { on: string; amountFen: number }[];
};

export type ExpenditureEvent =
  | { type: 'ACCEPT'; at: string }
  | ({ type: 'INVESTIGATE'; at: string; investigators: readonly string[] } & Investigation)
  | { type: 'TOWN_OPINION'; at: string; recommend: boolean; proposedAmountFen: number; reasons: string }
  | { type: 'START_PUBLICITY'; at: string }
  | { type: 'APPROVE'; at: string; amountFen: number; meetingMinutes?: string }
  | { type: 'DISBURSE'; at: string; amountFen: number }
  | { type: 'CLOSE'; at: string };

export type ExpenditureEffect =
  | { type: 'REJECTION_NOTICE'; reasons: string }
  | { type: 'PUBLICITY_POSTED'; firstDayAfter: string }
  | { type: 'DISBURSE'; amountFen: number; stage: number };

export type ExpenditureOutcome = Outcome<ExpenditureCase, ExpenditureEffect>;

export function newExpenditureCase(input: { id: string; appliedOn: string }): ExpenditureCase {
  return {
    id: input.id,
    state: 'APPLIED',
    appliedOn: input.appliedOn,
    lastEventOn: input.appliedOn,
    investigation: null,
    proposedAmountFen: null,
    publicityFirstDayAfter: null,
    approvedAmountFen: null,
    approvedBy: null,
    disbursements: [],
  };
}

export const disbursedFen = (c: ExpenditureCase): number =>
  c.disbursements.reduce((s, d) => s + d.amountFen, 0);

const positive = (n: number): boolean => Number.isSafeInteger(n) && n > 0;
const yuan = (fen: number): string => (fen / 100).toFixed(2);
const TOWN = ['town'] as const;
const TOWN_COUNTY = ['town', 'county'] as const;

export function transition(
  c: ExpenditureCase,
  e: ExpenditureEvent,
  actor: Actor,
  params: ExpenditureParams,
): ExpenditureOutcome {
  if (c.state === 'CLOSED' || c.state === 'REJECTED')
    return refuse('CASE_CLOSED', `案件已办结（${c.state}）`, `the case is closed (${c.state})`);
  const early = requireNotBefore(e.at, c.lastEventOn);
  if (early) return early;
  const base: ExpenditureCase = { ...c, lastEventOn: e.at };
  const go = (next: ExpenditureCase, effects: ExpenditureEffect[] = []): ExpenditureOutcome => ({
    ok: true,
    next,
    effects,
  });
  const gate = (...checks: (Refusal | null)[]): Refusal | null => checks.find((x) => x !== null) ?? null;
  const bad = notAllowed(c.state, e.type);
  const amountRequired = (n: number): Refusal | null =>
    positive(n)
      ? null
      : refuse(
          'AMOUNT_REQUIRED',
          '金额须为正整数（分）',
          'the amount must be a positive integer number of fen',
        );

  switch (e.type) {
    case 'ACCEPT': {
      // S3 Art.48, §6.2: apply at the township or 街道.
      if (c.state !== 'APPLIED') return bad;
      const r = requireLevel(actor, TOWN, '受理');
      return r ?? go({ ...base, state: 'ACCEPTED' });
    }
    case 'INVESTIGATE': {
      // S7 §二(二): verify income, property and the necessary (rigid) spending; S1 Art.16: two investigators.
      if (c.state !== 'ACCEPTED') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '审核调查'),
        requireTwoInvestigators(e.investigators),
        !(Number.isFinite(e.perCapitaIncomeFen) && e.perCapitaIncomeFen >= 0) || !positive(e.rigidSpendingFen)
          ? refuse(
              'INVESTIGATION_INCOMPLETE',
              '须核实家庭收入及刚性支出金额（S7 第二部分（一）（二））',
              'S7 §二(一)(二): record the household income and the rigid spending',
            )
          : null,
      );
      if (r) return r;
      const { perCapitaIncomeFen, propertyMeetsLocalRule, rigidSpendingFen } = e;
      return go({
        ...base,
        state: 'INVESTIGATED',
        investigation: { perCapitaIncomeFen, propertyMeetsLocalRule, rigidSpendingFen },
      });
    }
    case 'TOWN_OPINION': {
      if (c.state !== 'INVESTIGATED' || c.investigation === null) return bad;
      const inv = c.investigation;
      if (!e.recommend) {
        const r = gate(
          requireLevel(actor, TOWN, '乡镇审核意见'),
          e.reasons.trim() === ''
            ? refuse('REASONS_REQUIRED', '不予救助须说明理由（S3 第四十八条）', 'S3 Art.48: give the reasons')
            : null,
        );
        return r ?? go({ ...base, state: 'REJECTED' }, [{ type: 'REJECTION_NOTICE', reasons: e.reasons }]);
      }
      const r = gate(
        requireLevel(actor, TOWN, '乡镇审核意见'),
        amountRequired(e.proposedAmountFen),
        inv.perCapitaIncomeFen >= params.prevYearPerCapitaIncomeFen || !inv.propertyMeetsLocalRule
          ? refuse(
              'NOT_ELIGIBLE',
              `家庭人均可支配收入须低于上年度当地人均可支配收入 ${yuan(params.prevYearPerCapitaIncomeFen)} 元且财产符合规定（S7 第二部分（一））`,
              `S7 §二(一): income must be below the previous-year per-capita ${yuan(params.prevYearPerCapitaIncomeFen)} yuan and property within the local rule`,
            )
          : null,
      );
      return r ?? go({ ...base, state: 'TOWN_REVIEWED', proposedAmountFen: e.proposedAmountFen });
    }
    case 'START_PUBLICITY': {
      // §6.5: publicity only where the local rule requires it; 7 calendar days (§2.1).
      if (c.state !== 'TOWN_REVIEWED') return bad;
      const r = gate(
        requireLevel(actor, TOWN, '公示'),
        params.publicityRequired
          ? null
          : refuse(
              'PUBLICITY_NOT_REQUIRED',
              '本地规定支出型临时救助无需公示（§6.5）',
              '§6.5: the local rule does not require publicity',
            ),
      );
      if (r) return r;
      const after = publicityEnd(e.at, params.publicityDays ?? PUBLICITY_DAYS).firstDayAfter;
      return go({ ...base, state: 'PUBLICIZING', publicityFirstDayAfter: after }, [
        { type: 'PUBLICITY_POSTED', firstDayAfter: after },
      ]);
    }
    case 'APPROVE': {
      // S7 §二(二), S3 Art.48: township ≤ its limit, else county; S7 §二(三), S4 #15: 一事一议 above the cap.
      const ready = params.publicityRequired ? c.state === 'PUBLICIZING' : c.state === 'TOWN_REVIEWED';
      if (c.state === 'TOWN_REVIEWED' && params.publicityRequired)
        return refuse(
          'PUBLICITY_REQUIRED',
          '本地规定须先公示（§6.5）',
          '§6.5: the local rule requires publicity first',
        );
      if (!ready) return bad;
      const major = e.amountFen > params.generalCapFen;
      const r = gate(
        requireLevel(actor, TOWN_COUNTY, '审批'),
        amountRequired(e.amountFen),
        c.publicityFirstDayAfter !== null && e.at < c.publicityFirstDayAfter
          ? refuse(
              'PUBLICITY_RUNNING',
              `公示期未满，${c.publicityFirstDayAfter} 起方可审批（S1 第十九条；§2.1）`,
              `S1 Art.19, §2.1: publicity runs until the day before ${c.publicityFirstDayAfter}`,
            )
          : null,
        actor.level === 'town' && e.amountFen > params.townshipApprovalLimitFen
          ? refuse(
              'OVER_TOWNSHIP_LIMIT',
              `超过乡镇审批限额 ${yuan(params.townshipApprovalLimitFen)} 元，须报县级民政审批（S3 第四十八条；S7 第二部分（二））`,
              `S3 Art.48, S7 §二(二): above the township limit of ${yuan(params.townshipApprovalLimitFen)} yuan the county approves`,
            )
          : null,
        major && (e.meetingMinutes ?? '').trim() === ''
          ? refuse(
              'MAJOR_CASE_REVIEW_REQUIRED',
              `超过一般救助上限 ${yuan(params.generalCapFen)} 元，须经县级协调机制“一事一议”（S7 第二部分（三）；S4 第十五条）`,
              `S7 §二(三), S4 #15: above the general cap of ${yuan(params.generalCapFen)} yuan a county coordination meeting decides`,
            )
          : null,
      );
      if (r) return r;
      const approvedBy = major ? 'COORDINATION_MEETING' : actor.level === 'town' ? 'TOWNSHIP' : 'COUNTY';
      return go({ ...base, state: 'APPROVED', approvedAmountFen: e.amountFen, approvedBy });
    }
    case 'DISBURSE': {
      // S7 §二(四): one approval, staged help; the stages never add up to more than the approval.
      if ((c.state !== 'APPROVED' && c.state !== 'DISBURSING') || c.approvedAmountFen === null) return bad;
      const remaining = c.approvedAmountFen - disbursedFen(c);
      const r = gate(
        requireLevel(actor, TOWN_COUNTY, '发放'),
        amountRequired(e.amountFen),
        e.amountFen > remaining
          ? refuse(
              'OVER_APPROVED_AMOUNT',
              `超过批准金额，剩余可发 ${yuan(remaining)} 元（S7 第二部分（四））`,
              `S7 §二(四): only ${yuan(remaining)} yuan of the approval remains`,
            )
          : null,
      );
      if (r) return r;
      const disbursements = [...c.disbursements, { on: e.at, amountFen: e.amountFen }];
      return go({ ...base, state: e.amountFen === remaining ? 'PAID' : 'DISBURSING', disbursements }, [
        { type: 'DISBURSE', amountFen: e.amountFen, stage: disbursements.length },
      ]);
    }
    case 'CLOSE': {
      // §6.5: closed once the approved amount has been paid in full.
      if (c.state !== 'PAID') return bad;
      const r = requireLevel(actor, TOWN_COUNTY, '办结');
      return r ?? go({ ...base, state: 'CLOSED' });
    }
  }
}
