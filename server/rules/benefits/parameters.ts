// Policy parameters for the benefit calculators (domain-rules §13 master list, §10.2, §15 shipped defaults).
// Money is integer fen; multipliers and percentages are exact ratios. Every value here is a [U]
// placeholder that a bureau replaces with its own effective-dated figures (§15).
import type { SelfCareLevel } from '../codes.ts';
import { ceilToYuanFen, monthOf, type Ratio, ratio } from './breakdown.ts';

export type Area = 'urban' | 'rural';

export type PolicyParameters = {
  /** First day on which this parameter set applies, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  dibao: {
    /** 低保标准, fen per person-month (S3 Art.10; §15). */
    standardFen: Record<Area, number>;
    /** §15: the 12 full months before acceptance, averaged per month. */
    incomeLookbackMonths: number;
    /** 就业成本扣减: per employed member per month, min(pct × monthly wage income, cap) (§15). */
    employmentCost: { pct: Ratio; capFenPerMonth: number };
    /** Financial assets per capita ≤ this many months of the standard (§15). */
    financialAssetsMaxMonthsOfStandard: number;
    /** §10.2 housing placeholder: at most this many residences, or per-capita area ≤ threshold (null = no area rule). */
    housing: { maxResidences: number; perCapitaAreaMaxM2: number | null };
    /** 渐退期, months (S5 §一(三) "原则上不超过6个月"; §15). */
    gradualExitMaxMonths: number;
    /** §15: 单人保 pays the full standard for that person. */
    singlePersonBenefitMode: 'FULL_STANDARD';
  };
  edge: {
    /** 低保边缘: per-capita income < multiplier × standard (S1 Art.8; S6 §二). */
    multiplier: Ratio;
  };
  tekun: {
    ageElderly: number;
    ageMinorLimit: number;
    supporterIncapableAge: number;
    /** 基本生活标准 ≥ multiplier × 低保 standard, rounded up to the yuan (§5.4, §15). */
    basicMultiplierOfDibao: Ratio;
    /** A basic-living standard the county set explicitly, instead of following the 低保 standard (§9.4). */
    basicFenOverride?: Partial<Record<Area, number>>;
    /** 照料护理标准, fen per month by self-care level (§15). */
    careFen: Record<SelfCareLevel, number>;
  };
  temporary: {
    /** 先行救助 cap = multiple × monthly urban 低保 standard × household size (§15). */
    urgentFirstAidCapMonths: number;
    /** General cap per event = multiple × monthly urban standard × household size; above it 一事一议 (§15). */
    generalCapMonths: number;
    /** Township may approve up to this amount per event (§15). */
    townshipApprovalLimitFen: number;
    /** §6.4 / §13 suggested limits on events per household in 12 months [U]. */
    maxEventsPer12Months: number;
    maxEventsSameCausePer12Months: number;
  };
  rigid: {
    lookbackMonths: number;
    /** Rigid spending ÷ income must be strictly greater than this (S8 Art.4(四); §15). */
    ratioThreshold: Ratio;
  };
  /** 上年度当地居民人均可支配收入, fen per person-year (§15 placeholder). */
  prevYearDisposableIncomeFenPerYear: Record<Area, number>;
  charity: {
    /** 1: charity money and goods are transfer income (S1 Art.13(四)); 0: excluded by a local rule (§9.2). */
    countsAsIncome: number;
  };
  /** The public portal (§9.5, §2.2, §2.3 12349); read by server/modules/portal/portal-params.ts. */
  portal: {
    /** 1: names on public pages are masked (张*); 0: a local rule publishes them in full. */
    maskNamesOnline: number;
    complaintFeedbackWd: number;
    objectionFeedbackWd: number;
    /** The bureau's own line shown beside 12349; '' = none. */
    localHotline: string;
  };
};

const yuan = (y: number): number => y * 100;

const common = {
  incomeLookbackMonths: 12,
  employmentCost: { pct: ratio(3, 10), capFenPerMonth: yuan(600) },
  financialAssetsMaxMonthsOfStandard: 24,
  housing: { maxResidences: 1, perCapitaAreaMaxM2: null },
  gradualExitMaxMonths: 6,
  singlePersonBenefitMode: 'FULL_STANDARD',
} as const;

const tekunCommon = {
  ageElderly: 60,
  ageMinorLimit: 18,
  supporterIncapableAge: 70,
  basicMultiplierOfDibao: ratio(13, 10),
  careFen: { SELF_CARE: yuan(200), PARTIAL_LOSS: yuan(600), FULL_LOSS: yuan(1200) },
} as const;

const temporaryCommon = {
  urgentFirstAidCapMonths: 1,
  generalCapMonths: 6,
  townshipApprovalLimitFen: yuan(3000),
  maxEventsPer12Months: 2,
  maxEventsSameCausePer12Months: 1,
} as const;

/** §15 defaults effective 2025-01-01 (低保 950 / 760 元/人·月). */
export const DEFAULTS_2025: PolicyParameters = {
  effectiveFrom: '2025-01-01',
  dibao: { ...common, standardFen: { urban: yuan(950), rural: yuan(760) } },
  edge: { multiplier: ratio(3, 2) },
  tekun: { ...tekunCommon },
  temporary: { ...temporaryCommon },
  rigid: { lookbackMonths: 12, ratioThreshold: ratio(1, 2) },
  prevYearDisposableIncomeFenPerYear: { urban: yuan(48000), rural: yuan(24000) },
  charity: { countsAsIncome: 1 },
  portal: { maskNamesOnline: 1, complaintFeedbackWd: 15, objectionFeedbackWd: 5, localHotline: '' },
};

/** §15 defaults effective 2026-01-01, the yearly adjustment (低保 1,000 / 800 元/人·月). */
export const DEFAULTS_2026: PolicyParameters = {
  ...DEFAULTS_2025,
  effectiveFrom: '2026-01-01',
  dibao: { ...common, standardFen: { urban: yuan(1000), rural: yuan(800) } },
};

export const SHIPPED_DEFAULTS: readonly PolicyParameters[] = [DEFAULTS_2025, DEFAULTS_2026];

/** The parameter set in force on `date` ('YYYY-MM-DD'): the latest effectiveFrom ≤ date. */
export function parametersOn(
  date: string,
  versions: readonly PolicyParameters[] = SHIPPED_DEFAULTS,
): PolicyParameters {
  monthOf(date);
  let best: PolicyParameters | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= date && (best === null || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  if (best === null) throw new RangeError(`no policy parameters in force on ${date}`);
  return best;
}

export const dibaoStandardFen = (p: PolicyParameters, area: Area): number => p.dibao.standardFen[area];

/** 特困 基本生活标准 = multiplier × 低保 standard of the same area, rounded up to the yuan (§15). */
export const tekunBasicFen = (p: PolicyParameters, area: Area): number => {
  const explicit = p.tekun.basicFenOverride?.[area];
  if (explicit !== undefined) return explicit;
  const m = p.tekun.basicMultiplierOfDibao;
  return ceilToYuanFen(p.dibao.standardFen[area] * m.num, m.den);
};
