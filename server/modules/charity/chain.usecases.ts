import type { AssistanceChain, ChainLink } from '../../../contracts/charity.ts';
import { can } from '../../../contracts/roles.ts';
import type { Database } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionFilter } from '../../platform/policies.ts';
import { chainTitle } from '../policies/referrals.models.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import * as repo from './chain.repository.ts';
import { charityErrors } from './charity-access.ts';
import {
  type CharityIncome,
  charityIncome,
  charityIncomeRule,
  monthlyCharityIncomes,
} from './charity-income.models.ts';

// 一户（人）一条救助链 (§7.3; S6 §三(一) "将各部门救助帮扶情况反馈回平台"): everything every
// department gave a household, in date order, on one page — cases and what payroll paid them, urgent
// first aid, charity referrals and disbursements, and the departments' referrals (转办). Each source is a
// function in CHAIN_SOURCES; care services add theirs there (its link kind is in the contract).

export type ChainDeps = { db: Database; clock: Clock; audit: AuditLog };

export type ChainInput = {
  db: Database;
  county: string;
  householdId: string;
  /** Charity disbursements that count as income under the county's rule (§9.2). */
  countedCharity: ReadonlySet<string>;
};
export type ChainSource = (input: ChainInput) => Promise<ChainLink[]>;

const common = { department: null, state: null } as const;

/** 民政: cases, the months payroll paid them, and 先行救助 from the reserve fund. */
export const civilAffairsLinks: ChainSource = async ({ db, county, householdId }) => {
  const cases = await repo.casesOf(db, county, householdId);
  const ids = cases.map((c) => c.id);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const [payments, firstAid] = await Promise.all([
    repo.paymentsOf(db, county, ids),
    repo.firstAidOf(db, county, ids),
  ]);
  return [
    ...cases.map(
      (c): ChainLink => ({
        kind: 'CASE',
        on: c.applied_on,
        source: 'CIVIL_AFFAIRS',
        department: null,
        personName: c.name_mask,
        // The monthly amount in force: what the decision gives, not money paid (payments are below).
        amountFen: null,
        state: c.state,
        refId: c.id,
        caseNo: c.case_no,
        scheme: c.scheme,
        stage: c.stage,
        decidedOn: c.decided_on,
      }),
    ),
    ...payments.map((p): ChainLink => {
      const c = byId.get(p.case_id);
      return {
        kind: 'PAYMENT',
        on: p.month,
        source: 'CIVIL_AFFAIRS',
        ...common,
        personName: c?.name_mask ?? null,
        amountFen: Number(p.net_fen),
        refId: `${p.case_id}:${p.month}`,
        caseId: p.case_id,
        caseNo: c?.case_no ?? '',
        scheme: p.scheme,
        lines: p.lines,
      };
    }),
    ...firstAid.map((f): ChainLink => {
      const c = byId.get(f.case_id ?? '');
      return {
        kind: 'FIRST_AID',
        on: f.on_date,
        source: 'CIVIL_AFFAIRS',
        ...common,
        personName: c?.name_mask ?? null,
        amountFen: Number(f.amount_fen),
        refId: String(f.id),
        caseId: f.case_id ?? '',
        caseNo: c?.case_no ?? '',
      };
    }),
  ];
};

/** 慈善: referrals (with the organisation's answer) and what was given. */
export const charityLinks: ChainSource = async ({ db, county, householdId, countedCharity }) => {
  const [referrals, given] = await Promise.all([
    repo.referralsOf(db, county, householdId),
    repo.disbursementsOf(db, county, householdId),
  ]);
  return [
    ...referrals.map(
      (r): ChainLink => ({
        kind: 'CHARITY_REFERRAL',
        on: r.referred_on,
        source: 'CHARITY',
        department: null,
        personName: r.name_mask,
        amountFen: null,
        state: r.state,
        refId: r.id,
        orgName: r.org_name,
        projectName: r.project_name,
        need: r.need as 'OTHER',
        dueOn: r.due_on,
        answeredOn: r.answered_on,
        declineReason: r.decline_reason,
      }),
    ),
    ...given.map(
      (d): ChainLink => ({
        kind: 'CHARITY_DISBURSEMENT',
        on: d.disbursed_on,
        source: 'CHARITY',
        ...common,
        personName: d.name_mask,
        amountFen: Number(d.value_fen),
        refId: d.id,
        orgName: d.org_name,
        projectName: d.project_name,
        disbursementKind: d.kind,
        itemDescription: d.item_description,
        countsAsIncome: countedCharity.has(d.id),
      }),
    ),
  ];
};

/** Other departments (泰汇救, §9.3): what the matcher referred to them (转办) and their answers. */
export const departmentLinks: ChainSource = async ({ db, county, householdId }) =>
  (await repo.departmentReferralsOf(db, county, householdId)).map(
    (r): ChainLink => ({
      kind: 'DEPARTMENT_REFERRAL',
      on: r.referred_on,
      source: 'DEPARTMENT',
      department: r.department_code,
      personName: r.name_mask,
      // Money or goods at their value, once the department has given them.
      amountFen: r.state === 'GRANTED' && r.amount_fen !== null ? Number(r.amount_fen) : null,
      state: r.state,
      refId: r.id,
      ...chainTitle({
        policyName: r.policy_name,
        departmentName: r.department_name,
        departmentNameEn: r.department_name_en || r.department_code,
        state: r.state,
        dueOn: r.due_on,
        answeredOn: r.answered_on,
        answerReason: r.answer_reason,
      }),
    }),
  );

/** The care-services module adds its source here. */
export const CHAIN_SOURCES: readonly ChainSource[] = [civilAffairsLinks, charityLinks, departmentLinks];

const KIND_ORDER: Record<ChainLink['kind'], number> = {
  CASE: 0,
  FIRST_AID: 1,
  PAYMENT: 2,
  CHARITY_REFERRAL: 3,
  CHARITY_DISBURSEMENT: 4,
  CARE_SERVICE: 5,
  DEPARTMENT_REFERRAL: 6,
};

/** Date order; on one day a case comes before what it paid, a referral before what it gave. */
export const chainOrder = (a: ChainLink, b: ChainLink) =>
  a.on.localeCompare(b.on) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.refId.localeCompare(b.refId);

/**
 * The charity money of a household that counts as income for a means test dated `date`, under the
 * county's rule in force then (§9.2; S1 Art.13(四)). `records` feed householdIncome directly.
 */
export async function householdCharityIncome(
  db: Database,
  county: string,
  householdId: string,
  date: string,
  headPersonId: string,
): Promise<CharityIncome> {
  const rule = charityIncomeRule(await parametersFor(db, county, date));
  const [given, memberIds] = await Promise.all([
    repo.disbursementsOf(db, county, householdId),
    repo.currentMemberIds(db, county, householdId),
  ]);
  return charityIncome({
    acceptanceDate: date,
    months: rule.months,
    countsAsIncome: rule.countsAsIncome,
    memberIds,
    householdMemberId: headPersonId,
    receipts: given.map((d) => ({
      id: d.id,
      on: d.disbursed_on,
      valueFen: Number(d.value_fen),
      personId: d.person_id,
    })),
  });
}

/**
 * The household's charity money as the monthly incomes of an application's starting facts, under
 * the county's rule on the application date: counted as transfer income, or shown as locally
 * excluded (§9.2). The caseworker verifies them with the rest of the facts at the home visit.
 */
export async function charityIncomesForFacts(
  db: Database,
  county: string,
  householdId: string,
  date: string,
  headPersonId: string,
) {
  return monthlyCharityIncomes(await householdCharityIncome(db, county, householdId, date, headPersonId));
}

export async function getAssistanceChain(
  deps: ChainDeps,
  ctx: RequestContext,
  householdId: string,
): Promise<AssistanceChain> {
  if (!can(ctx.actor.role, 'registry.read') && !can(ctx.actor.role, 'cases.read'))
    throw errors.forbidden('查看救助链', 'read the assistance chain');
  const county = ctx.actor.countyCode;
  const h = await repo.householdInScope(deps.db, county, jurisdictionFilter(ctx.actor), householdId);
  if (!h) throw charityErrors.household();
  const today = shanghaiDateOf(deps.clock.now());
  const income = await householdCharityIncome(deps.db, county, h.id, today, h.head_person_id ?? h.id);
  const countedCharity = new Set(income.items.filter((i) => i.counted).map((i) => i.id));
  const links = (
    await Promise.all(
      CHAIN_SOURCES.map((src) => src({ db: deps.db, county, householdId: h.id, countedCharity })),
    )
  )
    .flat()
    .sort(chainOrder);
  const sum = (pick: (l: ChainLink) => boolean) =>
    links.filter(pick).reduce((s, l) => s + (l.amountFen ?? 0), 0);
  // What each department gave this household is personal data: the read is audited (§2.2).
  await deps.audit.record({
    countyCode: county,
    ...auditActor(ctx),
    action: 'charity.chain_viewed',
    recordType: 'household',
    recordId: h.id,
    detail: { links: links.length },
  });
  return {
    householdId: h.id,
    householdNo: h.household_no,
    asOf: today,
    links,
    totals: {
      civilAffairsFen: sum((l) => l.source === 'CIVIL_AFFAIRS'),
      charityFen: sum((l) => l.source === 'CHARITY'),
      otherFen: sum((l) => l.source !== 'CIVIL_AFFAIRS' && l.source !== 'CHARITY'),
    },
    charityIncome: {
      countsAsIncome: income.countsAsIncome,
      rule: income.rule,
      window: income.window,
      countedFen: income.countedFen,
      excludedFen: income.excludedFen,
      items: income.items.map((i) => ({
        disbursementId: i.id,
        on: i.on,
        valueFen: i.valueFen,
        counted: i.counted,
      })),
    },
  };
}
