// The economic facts of a case (the household as the rules engine sees it) and the assessment a
// decision fixes from them (§3.5, §3.8, §5.4). Facts start from the registry when the application
// is made and are replaced by the investigation's findings; CONFIRM and CHANGE_AMOUNT run the same
// calculators as the quote API, so a caseworker's calculator and the decision agree.
import { type BenefitQuoteParsed, benefitQuoteInput } from '../../../contracts/benefits.ts';
import type { CaseScheme } from '../../db/schema.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import type { BreakdownLine, Failure } from '../../rules/benefits/breakdown.ts';
import type { EntitlementBasis } from '../../rules/benefits/entitlement.ts';
import { householdIncome, INCOME_KINDS, type IncomeKind } from '../../rules/benefits/income.ts';
import type { PolicyParameters } from '../../rules/benefits/parameters.ts';
import { assessSelfCare } from '../../rules/benefits/tekun.ts';
import { relationGroup } from '../../rules/relations.ts';
import { incomeRecords, memberId, quoteBenefits, windowMonths } from '../benefits/benefits.usecases.ts';

/** Stored on the case: the quote input without date and area, and the person behind each member. */
export type CaseFacts = { personIds: string[]; household: Record<string, unknown> };

type RegistryMember = {
  id: string;
  relation_code: string;
  birth_date: string;
  disability_category: number | null;
  disability_grade: number | null;
  self_care_level: string | null;
  monthly_income_fen: number;
};

const RELATION: Record<string, string> = {
  self: 'head',
  spouse: 'spouse',
  child: 'child',
  grandchild: 'grandchild',
  parent: 'parent',
  grandparent: 'grandparent',
  sibling: 'sibling',
  other: 'other',
};

/** Items not achieved for a recorded level, so that the six-item assessment gives the same level. */
const UNABLE: Record<string, string[]> = {
  SELF_CARE: [],
  PARTIAL_LOSS: ['bathing', 'dressing'],
  FULL_LOSS: ['bathing', 'dressing', 'toileting', 'indoor_walking'],
};

/** A member's other incomes known when the application is made (charity money, §9.2). */
export type KnownIncomes = ReadonlyMap<string, readonly { kind: IncomeKind; monthlyFen: number }[]>;

/** The registry's current members (and incomes already known of them) as the starting facts of an application. */
export function factsFromRegistry(members: readonly RegistryMember[], known?: KnownIncomes): CaseFacts {
  return {
    personIds: members.map((m) => m.id),
    household: {
      members: members.map((m) => ({
        birthDate: m.birth_date,
        relation: RELATION[relationGroup(m.relation_code)] ?? 'other',
        disability:
          m.disability_category !== null && m.disability_grade !== null
            ? { category: m.disability_category, grade: m.disability_grade }
            : null,
        selfCare: Object.fromEntries((UNABLE[m.self_care_level ?? 'SELF_CARE'] ?? []).map((k) => [k, false])),
        wageFenPerMonth: m.monthly_income_fen,
        incomes: [...(known?.get(m.id) ?? [])],
      })),
      financialAssetsFen: 0,
      vehicles: [],
      residences: 1,
      rigidSpending: [],
    },
  };
}

/** Validates facts against the quote schema; errors name the field under `facts`. */
export function parseFacts(facts: CaseFacts, date: string, area: 'urban' | 'rural'): BenefitQuoteParsed {
  const r = benefitQuoteInput.safeParse({ ...facts.household, date, area });
  if (!r.success) throw errors.validation(toFieldIssues(r.error.issues, 'facts'));
  if (r.data.members.length !== facts.personIds.length) {
    const issue: FieldIssue = {
      field: 'facts.members',
      message: `家庭成员数（${r.data.members.length}）与登记人员（${facts.personIds.length}）不一致`,
      messageEn: `the facts list ${r.data.members.length} members for ${facts.personIds.length} people`,
    };
    throw errors.validation([issue]);
  }
  return r.data;
}

/**
 * Each covered member's monthly income as the investigation found it, for the household file: wages
 * plus the kinds that add (the old-age allowance too, transfer income outside 特困), less the kinds
 * that subtract, never below zero. Household-level deductions stay with the means test.
 */
export function investigatedIncomes(
  facts: CaseFacts,
  parsed: BenefitQuoteParsed,
): { personId: string; monthlyFen: number }[] {
  return facts.personIds.map((personId, i) => {
    const m = parsed.members[i]!;
    let fen = m.wageFenPerMonth;
    for (const x of m.incomes) {
      const treatment = x.kind === 'old_age_allowance' ? 'add' : INCOME_KINDS[x.kind].treatment;
      if (treatment === 'add') fen += x.monthlyFen;
      else if (treatment === 'subtract') fen -= x.monthlyFen;
    }
    return { personId, monthlyFen: Math.max(0, fen) };
  });
}

export type Assessment =
  /** `basis` is null for a recognition (低保边缘, 刚性支出): it pays nothing itself. */
  | { eligible: true; amountFen: number; basis: EntitlementBasis | null; breakdown: BreakdownLine[] }
  | { eligible: false; failures: Failure[]; breakdown: BreakdownLine[] };

/**
 * The decision's amount under `params` for `scheme`, the facts assessed as of `assessedOn` (the
 * acceptance date: the income window is the months before it).
 */
export function assessCase(
  scheme: CaseScheme,
  facts: CaseFacts,
  area: 'urban' | 'rural',
  assessedOn: string,
  params: PolicyParameters,
  subjectPersonId: string | null,
): Assessment {
  const input = parseFacts(facts, assessedOn, area);
  const q = quoteBenefits(input, params);
  const idx = subjectPersonId === null ? -1 : facts.personIds.indexOf(subjectPersonId);
  if (scheme === 'DIBAO_EDGE' || scheme === 'RIGID') {
    const r = scheme === 'DIBAO_EDGE' ? q.schemes.edge : q.schemes.rigid;
    return r.eligible
      ? { eligible: true, amountFen: 0, basis: null, breakdown: r.breakdown }
      : { eligible: false, failures: r.failures, breakdown: r.breakdown };
  }
  if (scheme === 'DIBAO') {
    const r = q.schemes.dibao;
    if (!r.eligible) return { eligible: false, failures: r.failures, breakdown: r.breakdown };
    const income = householdIncome({
      acceptanceDate: assessedOn,
      memberIds: input.members.map((_, i) => memberId(i)),
      records: incomeRecords(input.members, windowMonths(assessedOn, params)),
      params,
    });
    return {
      eligible: true,
      amountFen: r.amountFen ?? 0,
      breakdown: r.breakdown,
      basis: {
        method: 'GAP',
        area,
        householdSize: income.householdSize,
        netIncomeFen: income.netFen,
        incomeMonths: income.window.months,
      },
    };
  }
  const person =
    scheme === 'DIBAO_SINGLE' ? q.schemes.single[idx] : scheme === 'TEKUN' ? q.schemes.tekun[idx] : undefined;
  if (!person) {
    return {
      eligible: false,
      breakdown: [],
      failures: [
        { rule: '§1', zh: '救助对象不在家庭成员中', en: 'the person is not among the household members' },
      ],
    };
  }
  if (!person.eligible) return { eligible: false, failures: person.failures, breakdown: person.breakdown };
  if (scheme === 'DIBAO_SINGLE')
    return {
      eligible: true,
      amountFen: person.amountFen ?? 0,
      breakdown: person.breakdown,
      basis: { method: 'FULL_STANDARD', area },
    };
  const member = input.members[idx]!;
  return {
    eligible: true,
    amountFen: person.amountFen ?? 0,
    breakdown: person.breakdown,
    basis: { method: 'TEKUN_SUPPORT', area, careLevel: assessSelfCare(member.selfCare).level },
  };
}

/** The case columns the proposed amount of a publicity reads. */
export type PublicityCase = {
  scheme: CaseScheme;
  facts: unknown;
  model: unknown;
  area: 'urban' | 'rural';
  applied_on: string;
  subject_person_id: string | null;
};

/**
 * 拟保障金额 of an initial opinion in publicity: what the rules engine gives on the investigated facts
 * as of acceptance, if eligible (the printed notice and the portal's 码上查 show the same figure).
 */
export function proposedAmountFen(c: PublicityCase, params: PolicyParameters | null): number | null {
  if (!c.facts || !params) return null;
  try {
    const assessedOn = (c.model as { acceptedOn?: string | null }).acceptedOn ?? c.applied_on;
    const a = assessCase(c.scheme, c.facts as CaseFacts, c.area, assessedOn, params, c.subject_person_id);
    return a.eligible ? a.amountFen : null;
  } catch {
    return null;
  }
}
