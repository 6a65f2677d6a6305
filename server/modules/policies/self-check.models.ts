import type { z } from 'zod';
import type { BenefitQuote, BenefitQuoteInput, SchemeResult } from '../../../contracts/benefits.ts';
import type { SelfCheckResult, selfCheckInput } from '../../../contracts/policies.ts';
import type { SelfCareItem } from '../../rules/benefits/tekun.ts';
import type { CelHousehold } from '../../rules/cel/context.ts';
import { celHousehold, celPerson } from '../../rules/cel/context-builder.ts';
import { fenToYuanString } from '../../rules/money.ts';

// The self-check (自测, §9.5 码上知) from a citizen's answers, pure: the CEL context the catalogue is
// judged on, the quote request for the 民政 schemes, and the answers turned into reasons. The
// answers carry no identity and nothing here is stored.

export type SelfCheckParsed = z.output<typeof selfCheckInput>;
type QuoteMember = BenefitQuoteInput['members'][number];
type Relation = NonNullable<QuoteMember['relation']>;

export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

export const SELF_CHECK_SCHEMES = {
  DIBAO: { zh: '最低生活保障（低保）', en: 'Minimum living allowance (低保)' },
  TEKUN: { zh: '特困人员救助供养', en: 'Support for persons in extreme poverty (特困)' },
  DIBAO_EDGE: { zh: '低保边缘家庭', en: 'Household just above the 低保 line' },
} as const;

/** The evaluation context of the answers: member 1 is the head; schemes received apply to everyone. */
export function selfCheckHousehold(
  input: SelfCheckParsed,
  place: { dibaoStandardFen: number; townCode: string; villageCode: string },
): CelHousehold {
  const schemes = [...input.receiving];
  return celHousehold({
    area: input.area,
    townCode: place.townCode,
    villageCode: place.villageCode,
    dibaoStandardFen: place.dibaoStandardFen,
    hasVehicle: input.hasVehicle,
    activeSchemes: schemes,
    categories: schemes,
    members: input.members.map((m, i) =>
      celPerson({
        age: m.age,
        sex: m.sex,
        isHead: i === 0,
        disabilityGrade: m.disabilityGrade,
        selfCare: m.selfCare,
        inEducation: m.inEducation,
        unemployed: m.unemployed,
        seriousIllness: m.seriousIllness,
        monthlyIncomeFen: yuanToFen(m.monthlyIncomeYuan),
        categories: schemes,
        activeSchemes: schemes,
      }),
    ),
  });
}

/**
 * Relations to member 1 guessed from ages (the self-check does not ask them): the first adult within
 * 15 years is the spouse, 15+ years younger a child (40+ a grandchild), 15+ older a parent (40+ a
 * grandparent). They only decide who owes whom support in the 特困 quote (S2 Art.8).
 */
export function guessRelations(ages: readonly number[]): Relation[] {
  const head = ages[0] ?? 0;
  let spouse = false;
  return ages.map((age, i) => {
    if (i === 0) return 'head';
    const d = age - head;
    if (d <= -40) return 'grandchild';
    if (d <= -15) return 'child';
    if (d >= 40) return 'grandparent';
    if (d >= 15) return 'parent';
    if (!spouse && age >= 18 && head >= 18) {
      spouse = true;
      return 'spouse';
    }
    return 'sibling';
  });
}

const SELF_CARE: Record<
  SelfCheckParsed['members'][number]['selfCare'],
  Partial<Record<SelfCareItem, boolean>>
> = {
  SELF_CARE: {},
  UNKNOWN: {},
  PARTIAL_LOSS: { bathing: false },
  FULL_LOSS: {
    eating: false,
    dressing: false,
    bed_transfer: false,
    toileting: false,
    indoor_walking: false,
    bathing: false,
  },
};

/** The quote request (contracts/benefits.ts) for the same answers; income is treated as wages. */
export function quoteInputFor(input: SelfCheckParsed, date: string): BenefitQuoteInput {
  const relations = guessRelations(input.members.map((m) => m.age));
  const rigidFen = yuanToFen(input.rigidSpendingYuan);
  return {
    date,
    area: input.area,
    members: input.members.map((m, i) => ({
      age: m.age,
      relation: relations[i] ?? 'other',
      // The category is not asked; physical (4) is the one that does not widen any rule.
      disability: m.disabilityGrade > 0 ? { category: 4, grade: m.disabilityGrade } : null,
      seriousIllness: m.seriousIllness,
      selfCare: SELF_CARE[m.selfCare],
      wageFenPerMonth: yuanToFen(m.monthlyIncomeYuan),
    })),
    financialAssetsFen: yuanToFen(input.financialAssetsYuan),
    vehicles: input.hasVehicle ? [{ exemption: null }] : [],
    rigidSpending: rigidFen > 0 ? [{ kind: 'medical', totalFen: rigidFen }] : [],
    status: {
      onDibao: input.receiving.includes('DIBAO'),
      onTekun: input.receiving.includes('TEKUN'),
      isDibaoEdge: input.receiving.includes('DIBAO_EDGE'),
    },
  };
}

type SchemeView = SelfCheckResult['schemes'][number];
type Reason = { zh: string; en: string };

/** Why (not): the breakdown with its figures when eligible, else the failed rules. */
const lines = (r: SchemeResult): Reason[] =>
  r.eligible
    ? r.breakdown.map((x) =>
        x.amountFen === undefined
          ? { zh: x.zh, en: x.en }
          : {
              zh: `${x.zh}：${fenToYuanString(x.amountFen)} 元`,
              en: `${x.en}: ${fenToYuanString(x.amountFen)} yuan`,
            },
      )
    : r.failures.map((x) => ({ zh: x.zh, en: x.en }));

const unique = (rs: Reason[]) => rs.filter((r, i) => rs.findIndex((x) => x.zh === r.zh) === i);

function view(
  scheme: keyof typeof SELF_CHECK_SCHEMES,
  mayApply: boolean,
  amount: number | null,
  reasons: Reason[],
) {
  const n = SELF_CHECK_SCHEMES[scheme];
  return { scheme, name: n.zh, nameEn: n.en, mayApply, monthlyAmountFen: amount, reasons: unique(reasons) };
}

const already = (scheme: keyof typeof SELF_CHECK_SCHEMES): Reason => ({
  zh: `您家已在享受${SELF_CHECK_SCHEMES[scheme].zh}，无需重复申请；情况变化请告知村（居）委会`,
  en: `you already receive ${SELF_CHECK_SCHEMES[scheme].en}; report any change to the village committee`,
});

/** The quote's 低保, 特困 and 边缘 outcomes as the self-check shows them. */
export function schemeViews(quote: BenefitQuote, receiving: readonly string[]): SchemeView[] {
  const { dibao, edge, tekun } = quote.schemes;
  const out: SchemeView[] = [];
  if (receiving.includes('DIBAO')) out.push(view('DIBAO', false, null, [already('DIBAO')]));
  else
    out.push(view('DIBAO', dibao.eligible, dibao.eligible ? (dibao.amountFen ?? null) : null, lines(dibao)));

  if (receiving.includes('TEKUN')) out.push(view('TEKUN', false, null, [already('TEKUN')]));
  else {
    const eligible = tekun.filter((t) => t.eligible);
    const who = (i: number): Reason => ({ zh: `第 ${i + 1} 位家庭成员：`, en: `member ${i + 1}: ` });
    const reasons = (eligible.length > 0 ? eligible : tekun).flatMap((t) =>
      lines(t).map((l) => ({ zh: who(t.memberIndex).zh + l.zh, en: who(t.memberIndex).en + l.en })),
    );
    const amount = eligible.reduce((s, t) => s + (t.amountFen ?? 0), 0);
    out.push(view('TEKUN', eligible.length > 0, eligible.length > 0 ? amount : null, reasons));
  }

  if (receiving.includes('DIBAO_EDGE')) out.push(view('DIBAO_EDGE', false, null, [already('DIBAO_EDGE')]));
  else out.push(view('DIBAO_EDGE', edge.eligible, null, lines(edge)));
  return out;
}

/** Why a catalogue policy may apply: its condition in words and the figures it read. */
export function policyWhy(
  eligibilityText: string,
  h: CelHousehold,
  forMembers: readonly number[] | null,
): string {
  const who = forMembers ? `第 ${forMembers.map((i) => i + 1).join('、')} 位家庭成员符合；` : '';
  const figures = `家庭人均月收入 ${fenToYuanString(h.perCapitaIncomeFen)} 元，当地低保标准 ${fenToYuanString(h.dibaoStandardFen)} 元/人·月`;
  return `${eligibilityText}（按您填写的情况：${who}${figures}）`;
}
