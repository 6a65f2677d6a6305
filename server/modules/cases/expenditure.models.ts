// 临时救助 expenditure (支出型) flow, domain-rules §6.1–§6.4: the full 申请 → 受理 → 审核 → 审批 sequence,
// publicity only where a local rule requires it, township approval within its limit, county above,
// 一事一议 above the general cap, and "一次审批、分阶段救助" (staged disbursements).
// Pure: no I/O, no clock. Dates are 'YYYY-MM-DD' arguments; amounts are whole yuan.
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
  townshipApprovalLimitYuan: number;
  /** `temp_general_cap` (§6.4 [U]): above it the county coordination meeting decides (一事一议). */
  generalCapYuan: number;
  /** Previous-year per-capita disposable income (S7 §二(一)): the income line "in principle". */
  prevYearPerCapitaIncomeYuan: number;
  /** Whether a local rule requires publicity for this flow (§6.5 "[PUBLICITY if local rule]"). */
  publicityRequired: boolean;
  publicityDays?: number;
};

export type Investigation = {
  perCapitaIncomeYuan: number;
  propertyMeetsLocalRule: boolean;
  rigidSpendingYuan: number;
};

export type ExpenditureCase = {
  id: string;
  state: ExpenditureState;
  appliedOn: string;
  lastEventOn: string;
  investigation: Investigation | null;
  proposedAmountYuan: number | null;
  publicityFirstDayAfter: string | null;
  approvedAmountYuan: number | null;
  approvedBy: 'TOWNSHIP' | 'COUNTY' | 'COORDINATION_MEETING' | null;
  disbursements: readonly { on: string; amountYuan: number }[];
};

export type ExpenditureEvent =
  | { type: 'ACCEPT'; at: string }
  | ({ type: 'INVESTIGATE'; at: string; investigators: readonly string[] } & Investigation)
  | { type: 'TOWN_OPINION'; at: string; recommend: boolean; proposedAmountYuan: number; reasons: string }
  | { type: 'START_PUBLICITY'; at: string }
  | { type: 'APPROVE'; at: string; amountYuan: number; meetingMinutes?: string }
  | { type: 'DISBURSE'; at: string; amountYuan: number }
  | { type: 'CLOSE'; at: string };

export type ExpenditureEffect =
  | { type: 'REJECTION_NOTICE'; reasons: string }
  | { type: 'PUBLICITY_POSTED'; firstDayAfter: string }
  | { type: 'DISBURSE'; amountYuan: number; stage: number };

export type ExpenditureOutcome = Outcome<ExpenditureCase, ExpenditureEffect>;

export function newExpenditureCase(input: { id: string; appliedOn: string }): ExpenditureCase {
  return {
    id: input.id,
    state: 'APPLIED',
    appliedOn: input.appliedOn,
    lastEventOn: input.appliedOn,
    investigation: null,
    proposedAmountYuan: null,
    publicityFirstDayAfter: null,
    approvedAmountYuan: null,
    approvedBy: null,
    disbursements: [],
  };
}

export const disbursedYuan = (c: ExpenditureCase): number =>
  c.disbursements.reduce((s, d) => s + d.amountYuan, 0);

const positive = (n: number): boolean => Number.isInteger(n) && n > 0;
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
      : refuse('AMOUNT_REQUIRED', '金额须为正整数（元）', 'the amount must be a positive whole yuan');

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
        !(Number.isFinite(e.perCapitaIncomeYuan) && e.perCapitaIncomeYuan >= 0) ||
          !positive(e.rigidSpendingYuan)
          ? refuse(
              'INVESTIGATION_INCOMPLETE',
              '须核实家庭收入及刚性支出金额（S7 第二部分（一）（二））',
              'S7 §二(一)(二): record the household income and the rigid spending',
            )
          : null,
      );
      if (r) return r;
      const { perCapitaIncomeYuan, propertyMeetsLocalRule, rigidSpendingYuan } = e;
      return go({
        ...base,
        state: 'INVESTIGATED',
        investigation: { perCapitaIncomeYuan, propertyMeetsLocalRule, rigidSpendingYuan },
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
        amountRequired(e.proposedAmountYuan),
        inv.perCapitaIncomeYuan >= params.prevYearPerCapitaIncomeYuan || !inv.propertyMeetsLocalRule
          ? refuse(
              'NOT_ELIGIBLE',
              `家庭人均可支配收入须低于上年度当地人均可支配收入 ${params.prevYearPerCapitaIncomeYuan} 元且财产符合规定（S7 第二部分（一））`,
              `S7 §二(一): income must be below the previous-year per-capita ${params.prevYearPerCapitaIncomeYuan} yuan and property within the local rule`,
            )
          : null,
      );
      return r ?? go({ ...base, state: 'TOWN_REVIEWED', proposedAmountYuan: e.proposedAmountYuan });
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
      const major = e.amountYuan > params.generalCapYuan;
      const r = gate(
        requireLevel(actor, TOWN_COUNTY, '审批'),
        amountRequired(e.amountYuan),
        c.publicityFirstDayAfter !== null && e.at < c.publicityFirstDayAfter
          ? refuse(
              'PUBLICITY_RUNNING',
              `公示期未满，${c.publicityFirstDayAfter} 起方可审批（S1 第十九条；§2.1）`,
              `S1 Art.19, §2.1: publicity runs until the day before ${c.publicityFirstDayAfter}`,
            )
          : null,
        actor.level === 'town' && e.amountYuan > params.townshipApprovalLimitYuan
          ? refuse(
              'OVER_TOWNSHIP_LIMIT',
              `超过乡镇审批限额 ${params.townshipApprovalLimitYuan} 元，须报县级民政审批（S3 第四十八条；S7 第二部分（二））`,
              `S3 Art.48, S7 §二(二): above the township limit of ${params.townshipApprovalLimitYuan} yuan the county approves`,
            )
          : null,
        major && (e.meetingMinutes ?? '').trim() === ''
          ? refuse(
              'MAJOR_CASE_REVIEW_REQUIRED',
              `超过一般救助上限 ${params.generalCapYuan} 元，须经县级协调机制“一事一议”（S7 第二部分（三）；S4 第十五条）`,
              `S7 §二(三), S4 #15: above the general cap of ${params.generalCapYuan} yuan a county coordination meeting decides`,
            )
          : null,
      );
      if (r) return r;
      const approvedBy = major ? 'COORDINATION_MEETING' : actor.level === 'town' ? 'TOWNSHIP' : 'COUNTY';
      return go({ ...base, state: 'APPROVED', approvedAmountYuan: e.amountYuan, approvedBy });
    }
    case 'DISBURSE': {
      // S7 §二(四): one approval, staged help; the stages never add up to more than the approval.
      if ((c.state !== 'APPROVED' && c.state !== 'DISBURSING') || c.approvedAmountYuan === null) return bad;
      const remaining = c.approvedAmountYuan - disbursedYuan(c);
      const r = gate(
        requireLevel(actor, TOWN_COUNTY, '发放'),
        amountRequired(e.amountYuan),
        e.amountYuan > remaining
          ? refuse(
              'OVER_APPROVED_AMOUNT',
              `超过批准金额，剩余可发 ${remaining} 元（S7 第二部分（四））`,
              `S7 §二(四): only ${remaining} yuan of the approval remains`,
            )
          : null,
      );
      if (r) return r;
      const disbursements = [...c.disbursements, { on: e.at, amountYuan: e.amountYuan }];
      return go({ ...base, state: e.amountYuan === remaining ? 'PAID' : 'DISBURSING', disbursements }, [
        { type: 'DISBURSE', amountYuan: e.amountYuan, stage: disbursements.length },
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
