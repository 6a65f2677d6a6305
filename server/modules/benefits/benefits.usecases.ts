// Benefit quote (M3): the household described in the request run through the pure calculators of
// server/rules/benefits with the parameters in force on the quote date. No database, no side effects.
import type {
  BenefitQuote,
  BenefitQuoteParsed,
  PersonSchemeResult,
  SchemeResult,
} from '../../../contracts/benefits.ts';
import type { Database } from '../../db/database.ts';
import { fieldError } from '../../platform/errors.ts';
import type { BreakdownLine, Failure, Ineligible } from '../../rules/benefits/breakdown.ts';
import { addMonths, divRoundHalfUp, monthIndex } from '../../rules/benefits/breakdown.ts';
import { assessDibao, assessDibaoSingle } from '../../rules/benefits/dibao.ts';
import { assessDibaoEdge } from '../../rules/benefits/edge.ts';
import {
  type HouseholdIncome,
  householdIncome,
  type IncomeRecord,
  lookbackWindow,
} from '../../rules/benefits/income.ts';
import { type PolicyParameters, parametersOn, SHIPPED_DEFAULTS } from '../../rules/benefits/parameters.ts';
import { checkProperty, type PropertyCheck } from '../../rules/benefits/property.ts';
import { assessRigidSpending, type RigidSpendingKind } from '../../rules/benefits/rigid.ts';
import {
  assessSelfCare,
  assessTekun,
  type SupporterFacts,
  tekunMonthlySupport,
} from '../../rules/benefits/tekun.ts';
import type { Disability } from '../../rules/disability.ts';
import { ageOn } from '../../rules/id-number.ts';
import { parametersFor } from '../standards/standards.usecases.ts';

type Member = BenefitQuoteParsed['members'][number];

/** Member ids used in the calculators (and so in the breakdown texts): "1", "2", … */
export const memberId = (index: number): string => String(index + 1);

/** The birth date of someone `age` years old on `date` (29 February falls back to the 28th). */
export function birthDateForAge(date: string, age: number): string {
  const year = String(Number(date.slice(0, 4)) - age).padStart(4, '0');
  const md = date.slice(5);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return md === '02-29' && !leap(Number(year)) ? `${year}-02-28` : `${year}-${md}`;
}

export const memberBirthDate = (m: Pick<Member, 'age' | 'birthDate'>, date: string): string =>
  m.birthDate ?? birthDateForAge(date, m.age ?? 0);

/** Every month of the income window, 'YYYY-MM'. */
export function windowMonths(date: string, params: PolicyParameters): string[] {
  const { from, to } = lookbackWindow(date, params.dibao.incomeLookbackMonths);
  const n = monthIndex(to) - monthIndex(from) + 1;
  return Array.from({ length: n }, (_, i) => addMonths(from, i));
}

/** Monthly amounts become one record per month of the window, so the window average is the amount. */
export function incomeRecords(members: readonly Member[], months: readonly string[]): IncomeRecord[] {
  const out: IncomeRecord[] = [];
  members.forEach((m, i) => {
    const items = [
      ...(m.wageFenPerMonth > 0 ? [{ kind: 'wage' as const, monthlyFen: m.wageFenPerMonth }] : []),
      ...m.incomes,
    ];
    for (const it of items) {
      if (it.monthlyFen === 0) continue;
      for (const month of months) {
        out.push({ memberId: memberId(i), month, kind: it.kind, amountFen: it.monthlyFen });
      }
    }
  });
  return out;
}

type Relation = Member['relation'];

/**
 * Who, by relation to the head, owes a member support (赡养、抚养、扶养): spouses each other, parents
 * their children, adult children their parents (S2 Art.8; Civil Code Art.26, 1059, 1067). Conditional
 * duties (grandparents, siblings) are left to the member's explicit `supporters`.
 */
const SUPPORTER_RELATIONS: Record<Relation, { relation: Relation; adultOnly: boolean }[]> = {
  head: [
    { relation: 'spouse', adultOnly: false },
    { relation: 'parent', adultOnly: false },
    { relation: 'child', adultOnly: true },
  ],
  spouse: [
    { relation: 'head', adultOnly: false },
    { relation: 'child', adultOnly: true },
  ],
  child: [
    { relation: 'head', adultOnly: false },
    { relation: 'spouse', adultOnly: false },
  ],
  parent: [
    { relation: 'head', adultOnly: true },
    { relation: 'sibling', adultOnly: true },
    { relation: 'parent', adultOnly: false },
  ],
  sibling: [{ relation: 'parent', adultOnly: false }],
  grandchild: [],
  grandparent: [],
  other: [],
};

/** Indexes of the other members who are legal supporters of member `index`. */
export function householdSupporterIndexes(
  members: readonly Pick<Member, 'relation' | 'age' | 'birthDate'>[],
  index: number,
  date: string,
): number[] {
  const self = members[index];
  if (!self) return [];
  const rules = SUPPORTER_RELATIONS[self.relation];
  const out: number[] = [];
  members.forEach((m, j) => {
    if (j === index) return;
    const rule = rules.find((r) => r.relation === m.relation);
    if (!rule) return;
    if (rule.adultOnly && ageOn(memberBirthDate(m, date), date) < 18) return;
    out.push(j);
  });
  return out;
}

const disabilityOf = (d: Member['disability']): Disability | null =>
  d === null ? null : ({ category: d.category, grade: d.grade } as Disability);

function toScheme(
  r: { eligible: true; breakdown: BreakdownLine[] } | Ineligible,
  amountFen?: number,
): SchemeResult {
  if (!r.eligible) return { eligible: false, breakdown: r.breakdown, failures: r.failures };
  return {
    eligible: true,
    ...(amountFen === undefined ? {} : { amountFen }),
    breakdown: r.breakdown,
    failures: [],
  };
}

const noParameters = () =>
  fieldError('date', '该日期没有生效的救助标准', 'no policy parameters are in force on this date');

function shippedParameters(date: string): PolicyParameters {
  try {
    return parametersOn(date, SHIPPED_DEFAULTS);
  } catch {
    throw noParameters();
  }
}

/** A quote under a county's own standards in force on the date (laid over the §15 defaults). */
export async function quoteForCounty(
  db: Database,
  countyCode: string,
  input: BenefitQuoteParsed,
): Promise<BenefitQuote> {
  const params = await parametersFor(db, countyCode, input.date).catch(() => {
    throw noParameters();
  });
  return quoteBenefits(input, params);
}

/**
 * @param params the parameters in force: the route passes the county's (its standards over the
 *   §15 defaults); without them, the shipped defaults for the date.
 */
export function quoteBenefits(
  input: BenefitQuoteParsed,
  params: PolicyParameters = shippedParameters(input.date),
): BenefitQuote {
  const { date, area, members } = input;
  const months = windowMonths(date, params);
  const memberIds = members.map((_, i) => memberId(i));
  const records = incomeRecords(members, months);
  const income = householdIncome({ acceptanceDate: date, memberIds, records, params });
  const vehicles = input.vehicles.map((v, i) => ({ id: `车辆${i + 1}`, exemption: v.exemption }));
  const propertyFor = (householdSize: number): PropertyCheck =>
    checkProperty(
      {
        householdSize,
        financialAssetsFen: input.financialAssetsFen,
        vehicles,
        residences: input.residences,
        ...(input.housingAreaM2 === undefined ? {} : { housingAreaM2: input.housingAreaM2 }),
      },
      area,
      params,
    );
  const property = propertyFor(members.length);

  const dibaoR = assessDibao({ area, income, property, params });
  const dibao = toScheme(dibaoR, dibaoR.eligible ? dibaoR.amountFen : undefined);

  const single: PersonSchemeResult[] = members.map((m, i) => {
    const r = assessDibaoSingle({
      area,
      income,
      property,
      params,
      person: { id: memberId(i), disability: disabilityOf(m.disability), seriousIllness: m.seriousIllness },
    });
    return { memberIndex: i, ...toScheme(r, r.eligible ? r.amountFen : undefined) };
  });

  const edge = toScheme(assessDibaoEdge({ area, income, property, onDibao: input.status.onDibao, params }));

  const tekun: PersonSchemeResult[] = members.map((m, i) => {
    const id = memberId(i);
    const own: HouseholdIncome = householdIncome({
      acceptanceDate: date,
      memberIds: [id],
      records: records.filter((r) => r.memberId === id),
      params,
      scheme: 'tekun',
    });
    const inHousehold: SupporterFacts[] = householdSupporterIndexes(members, i, date).map((j) => {
      const other = members[j] as Member;
      const theirs = householdIncome({
        acceptanceDate: date,
        memberIds: [memberId(j)],
        records: records.filter((r) => r.memberId === memberId(j)),
        params,
      });
      return {
        id: memberId(j),
        birthDate: memberBirthDate(other, date),
        area,
        isTekun: false,
        onDibao: input.status.onDibao,
        disability: disabilityOf(other.disability),
        annualIncomeFen: divRoundHalfUp(Math.max(0, theirs.countableFen) * 12, theirs.window.months),
        propertyWithinLowIncomeRules: property.ok,
        noCivilCapacity: false,
        declaredMissing: false,
        inPrison: false,
        provinceDefinedIncapable: false,
      };
    });
    const explicit: SupporterFacts[] = m.supporters.map((s, j) => ({
      id: `${id}-${j + 1}`,
      birthDate: birthDateForAge(date, s.age),
      area,
      isTekun: s.isTekun,
      onDibao: s.onDibao,
      disability: disabilityOf(s.disability),
      annualIncomeFen: s.annualIncomeFen,
      propertyWithinLowIncomeRules: s.propertyWithinLowIncomeRules,
      noCivilCapacity: s.noCivilCapacity,
      declaredMissing: s.declaredMissing,
      inPrison: s.inPrison,
      provinceDefinedIncapable: s.provinceDefinedIncapable,
    }));
    const r = assessTekun({
      date,
      area,
      person: {
        id,
        birthDate: memberBirthDate(m, date),
        disability: disabilityOf(m.disability),
        provinceDefinedNoWorkCapacity: m.provinceDefinedNoWorkCapacity,
        choseOrphanProtection: m.choseOrphanProtection,
      },
      income: own,
      property,
      supporters: [...inHousehold, ...explicit],
      params,
    });
    if (!r.eligible) return { memberIndex: i, ...toScheme(r) };
    const care = assessSelfCare(m.selfCare);
    const support = tekunMonthlySupport(area, care.level, params);
    return {
      memberIndex: i,
      eligible: true,
      amountFen: support.amountFen,
      breakdown: [...r.breakdown, ...care.breakdown, ...support.breakdown],
      failures: [] as Failure[],
    };
  });

  // 刚性支出 is for households outside 低保 / 特困 / 低保边缘: the quote's own outcomes count too.
  const spending = input.rigidSpending
    .filter((s) => s.totalFen > 0)
    .map((s) => ({
      month: months[months.length - 1] ?? date.slice(0, 7),
      kind: s.kind as RigidSpendingKind,
      amountFen: s.totalFen,
    }));
  const rigidR = assessRigidSpending({
    area,
    income,
    property,
    status: {
      onDibao: input.status.onDibao || dibao.eligible,
      onTekun: input.status.onTekun || tekun.some((t) => t.eligible),
      isDibaoEdge: input.status.isDibaoEdge || edge.eligible,
    },
    spending,
    params,
  });
  const rigid = toScheme(rigidR);

  return {
    date,
    parametersVersion: params.effectiveFrom,
    schemes: { dibao, single, edge, tekun, rigid },
  };
}
