// 特困人员 recognition, self-care level and monthly support (domain-rules §5.1, §5.3, §5.4; §15).
import type { SelfCareLevel } from '../codes.ts';
import { type Disability, isSupporterIncapableDisability, isTekunDisability } from '../disability.ts';
import { ageOn } from '../id-number.ts';
import {
  assertFen,
  type BreakdownLine,
  type Failure,
  type Ineligible,
  ineligibleIfAny,
} from './breakdown.ts';
import { type HouseholdIncome, perCapitaBelow } from './income.ts';
import { type Area, type PolicyParameters, tekunBasicFen } from './parameters.ts';
import type { PropertyCheck } from './property.ts';

// ── Self-care (S2 Art.21–22) ─────────────────────────────────────────────────────────────────────

export const SELF_CARE_ITEMS = {
  eating: { zh: '自主吃饭', en: 'eating' },
  dressing: { zh: '自主穿衣', en: 'dressing' },
  bed_transfer: { zh: '自主上下床', en: 'getting in and out of bed' },
  toileting: { zh: '自主如厕', en: 'toileting' },
  indoor_walking: { zh: '室内自主行走', en: 'walking indoors' },
  bathing: { zh: '自主洗澡', en: 'bathing' },
} as const;

export type SelfCareItem = keyof typeof SELF_CARE_ITEMS;

/** true = the person can do the item unaided. */
export type SelfCareAnswers = Record<SelfCareItem, boolean>;

export type SelfCareAssessment = { level: SelfCareLevel; unableCount: number; breakdown: BreakdownLine[] };

/** 0 items unable → SELF_CARE; 1–3 → PARTIAL_LOSS; 4–6 → FULL_LOSS (S2 Art.22). */
export function assessSelfCare(answers: SelfCareAnswers): SelfCareAssessment {
  const unable = (Object.keys(SELF_CARE_ITEMS) as SelfCareItem[]).filter((k) => answers[k] !== true);
  const n = unable.length;
  const level: SelfCareLevel = n === 0 ? 'SELF_CARE' : n <= 3 ? 'PARTIAL_LOSS' : 'FULL_LOSS';
  const names = unable.map((k) => SELF_CARE_ITEMS[k]);
  const levelZh = { SELF_CARE: '具备生活自理能力', PARTIAL_LOSS: '部分丧失', FULL_LOSS: '完全丧失' }[level];
  return {
    level,
    unableCount: n,
    breakdown: [
      {
        code: `tekun.self_care.${level}`,
        zh: `${n} 项不能自主完成${n > 0 ? `（${names.map((x) => x.zh).join('、')}）` : ''}：${levelZh}`,
        en: `${n} item(s) not achievable${n > 0 ? ` (${names.map((x) => x.en).join(', ')})` : ''}: ${level}`,
        rule: 'S2 Art.21–22',
      },
    ],
  };
}

// ── Supporters (S2 Art.8) ────────────────────────────────────────────────────────────────────────

export type SupporterFacts = {
  id: string;
  birthDate: string;
  /** Area whose previous-year disposable income applies to this supporter. */
  area: Area;
  isTekun: boolean;
  onDibao: boolean;
  disability: Disability | null;
  /** The supporter's own income, fen per year. */
  annualIncomeFen: number;
  /** Property within the local 低收入 property rules. */
  propertyWithinLowIncomeRules: boolean;
  noCivilCapacity: boolean;
  declaredMissing: boolean;
  inPrison: boolean;
  /** Another case set by the province (S2 Art.8(六)). */
  provinceDefinedIncapable: boolean;
};

/** The grounds (possibly several) on which a supporter is unable to support; empty = able. */
export function supporterIncapacity(
  s: SupporterFacts,
  date: string,
  params: PolicyParameters,
): BreakdownLine[] {
  assertFen(s.annualIncomeFen, `supporter ${s.id} annual income`);
  const age = ageOn(s.birthDate, date);
  const lowIncome = s.annualIncomeFen < params.prevYearDisposableIncomeFenPerYear[s.area];
  const lowMeans = lowIncome && s.propertyWithinLowIncomeRules;
  const grounds: [boolean, string, string, string][] = [
    [s.isTekun, 'S2 Art.8(一)', '本人为特困人员', 'is a 特困 person'],
    [
      s.onDibao && age >= params.tekun.ageElderly,
      'S2 Art.8(二)',
      `${params.tekun.ageElderly} 周岁以上的低保对象`,
      `a 低保 recipient aged ${params.tekun.ageElderly}+`,
    ],
    [
      age >= params.tekun.supporterIncapableAge && lowMeans,
      'S2 Art.8(三)',
      `${params.tekun.supporterIncapableAge} 周岁以上，收入低于上年度人均可支配收入且财产符合低收入规定`,
      `aged ${params.tekun.supporterIncapableAge}+, income below the previous-year disposable income, property within the low-income rules`,
    ],
    [
      s.disability !== null && isSupporterIncapableDisability(s.disability) && lowMeans,
      'S2 Art.8(四)',
      '重度残疾或三级智力、精神残疾，收入、财产符合规定',
      'severe (or grade-3 intellectual / mental) disability, with income and property within the rules',
    ],
    [
      (s.noCivilCapacity || s.declaredMissing || s.inPrison) && s.propertyWithinLowIncomeRules,
      'S2 Art.8(五)',
      '无民事行为能力、被宣告失踪或在监狱服刑，且财产符合低收入规定',
      'without civil capacity, declared missing or in prison, with property within the low-income rules',
    ],
    [s.provinceDefinedIncapable, 'S2 Art.8(六)', '省级规定的其他情形', 'another case set by the province'],
  ];
  return grounds
    .filter(([hit]) => hit)
    .map(([, rule, zh, en]) => ({
      code: 'tekun.supporter_incapable',
      zh: `赡养（抚养、扶养）义务人 ${s.id} 无履行义务能力：${zh}`,
      en: `supporter ${s.id} is unable to support: ${en}`,
      rule,
    }));
}

// ── Recognition (S2 Art.4–9) ─────────────────────────────────────────────────────────────────────

export type TekunPersonFacts = {
  id: string;
  birthDate: string;
  disability: Disability | null;
  /** Another no-capacity case set by the province (S2 Art.5(四)). */
  provinceDefinedNoWorkCapacity: boolean;
  /** A minor who qualifies as 孤儿 / 事实无人抚养儿童 and chose that protection (S2 Art.9). */
  choseOrphanProtection: boolean;
};

export type TekunInput = {
  /** Assessment date 'YYYY-MM-DD' (ages are taken on this date). */
  date: string;
  area: Area;
  person: TekunPersonFacts;
  /** The person's own income: householdIncome() over the person alone with scheme 'tekun' (S2 Art.6 ¶2). */
  income: HouseholdIncome;
  /** The 特困 property test (S2 Art.7). */
  property: PropertyCheck;
  /** Legal supporters (法定赡养、抚养、扶养义务人); empty = none. */
  supporters: readonly SupporterFacts[];
  params: PolicyParameters;
};

export type TekunEligible = { eligible: true; breakdown: BreakdownLine[] };

/** All three conditions of S2 Art.4 (each listed when it fails) and the S2 Art.9 orphan exclusion. */
export function assessTekun(input: TekunInput): TekunEligible | Ineligible {
  const { date, area, person, income, property, params } = input;
  const { ageElderly, ageMinorLimit } = params.tekun;
  const age = ageOn(person.birthDate, date);
  const breakdown: BreakdownLine[] = [
    { code: 'tekun.age', zh: `${date} 时年满 ${age} 周岁`, en: `aged ${age} on ${date}`, rule: 'S2 Art.5' },
  ];
  const failures: Failure[] = [];

  // (1) 无劳动能力 (S2 Art.5; minors to 18 per S4 #5).
  const capacity: [boolean, string, string, string][] = [
    [age >= ageElderly, 'S2 Art.5(一)', `年满 ${ageElderly} 周岁`, `aged ${ageElderly} or over`],
    [age < ageMinorLimit, 'S2 Art.5(一); S4 #5', `未满 ${ageMinorLimit} 周岁`, `under ${ageMinorLimit}`],
    [
      person.disability !== null && isTekunDisability(person.disability),
      'S2 Art.5(二)(三)',
      '符合规定的残疾等级',
      'a qualifying disability',
    ],
    [
      person.provinceDefinedNoWorkCapacity,
      'S2 Art.5(四)',
      '省级规定的其他情形',
      'another case set by the province',
    ],
  ];
  const hits = capacity.filter(([hit]) => hit);
  if (hits.length === 0) {
    failures.push({
      rule: 'S2 Art.4(一); S2 Art.5',
      zh: `不属于无劳动能力：未满 ${ageElderly} 周岁、已满 ${ageMinorLimit} 周岁，且无符合规定的残疾`,
      en: `has capacity to work: under ${ageElderly}, ${ageMinorLimit} or over, and no qualifying disability`,
    });
  }
  for (const [, rule, zh, en] of hits) {
    breakdown.push({
      code: 'tekun.no_work_capacity',
      zh: `无劳动能力：${zh}`,
      en: `no capacity to work: ${en}`,
      rule,
    });
  }

  // (2) 无生活来源 (S2 Art.6–7).
  const standardFen = params.dibao.standardFen[area];
  breakdown.push(...income.breakdown, ...property.breakdown);
  if (!perCapitaBelow(income, standardFen)) {
    failures.push({
      rule: 'S2 Art.6 (strict <)',
      zh: `收入不低于当地低保标准 ${standardFen / 100} 元`,
      en: `income is not below the 低保 standard of ${standardFen / 100} yuan`,
    });
  }
  failures.push(...property.failures.map((f) => ({ ...f, rule: `S2 Art.7; ${f.rule}` })));

  // (3) 无法定义务人, or none able (S2 Art.8).
  for (const s of input.supporters) {
    const grounds = supporterIncapacity(s, date, params);
    if (grounds.length === 0) {
      failures.push({
        rule: 'S2 Art.4(三); S2 Art.8',
        zh: `法定义务人 ${s.id} 具有履行义务能力`,
        en: `supporter ${s.id} is able to support`,
      });
    } else breakdown.push(...grounds);
  }
  if (input.supporters.length === 0) {
    breakdown.push({
      code: 'tekun.no_supporter',
      zh: '无法定赡养、抚养、扶养义务人',
      en: 'no legal supporter',
      rule: 'S2 Art.4(三)',
    });
  }

  // Orphan exclusion (S2 Art.9).
  if (person.choseOrphanProtection && age < ageMinorLimit) {
    failures.push({
      rule: 'S2 Art.9',
      zh: '已选择孤儿或事实无人抚养儿童保障，不认定为特困人员',
      en: 'chose orphan / de-facto unsupported child protection, so is not recognised as 特困',
    });
  }
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;
  return { eligible: true, breakdown };
}

// ── Treatment area and support (S2 Art.19; §5.4; §15) ───────────────────────────────────────────

/** Urban or rural treatment where the standards differ (S2 Art.19). */
export function tekunTreatmentArea(f: {
  residenceArea: Area;
  hasContractedLandOrCollectiveShare: boolean;
  povertyRelocation: boolean;
}): { area: Area; line: BreakdownLine } {
  const [area, zh, en]: [Area, string, string] = f.povertyRelocation
    ? ['urban', '易地扶贫搬迁进城：城市标准', 'poverty relocation to a town: urban treatment']
    : f.hasContractedLandOrCollectiveShare
      ? [
          'rural',
          '有承包土地或参与农村集体分配：农村标准',
          'contracted land or rural collective share: rural treatment',
        ]
      : [f.residenceArea, '按居住地标准', 'treatment of the place of residence'];
  return { area, line: { code: `tekun.area.${area}`, zh, en, rule: 'S2 Art.19' } };
}

export type TekunSupport = {
  amountFen: number;
  basicFen: number;
  careFen: number;
  breakdown: BreakdownLine[];
};

/** Monthly support = basic living (1.3 × 低保 standard, rounded up to the yuan) + care by level (§5.4; §15). */
export function tekunMonthlySupport(
  area: Area,
  level: SelfCareLevel,
  params: PolicyParameters,
): TekunSupport {
  const basicFen = tekunBasicFen(params, area);
  const careFen = params.tekun.careFen[level];
  const m = params.tekun.basicMultiplierOfDibao;
  return {
    amountFen: basicFen + careFen,
    basicFen,
    careFen,
    breakdown: [
      {
        code: 'tekun.basic_living',
        zh: `基本生活标准 = ${m.num}/${m.den} × 低保标准，向上取整到元`,
        en: `basic living = ${m.num}/${m.den} × the 低保 standard, rounded up to the yuan`,
        amountFen: basicFen,
        rule: '§5.4; §15',
      },
      {
        code: `tekun.care.${level}`,
        zh: `照料护理标准（${level}）`,
        en: `care standard (${level})`,
        amountFen: careFen,
        rule: 'S2 Art.22; §5.4; §15',
      },
      {
        code: 'tekun.amount',
        zh: '月救助供养金额',
        en: 'monthly support',
        amountFen: basicFen + careFen,
        rule: 'S3 Art.15; §15',
      },
    ],
  };
}
