// Household property test (家庭财产) for 低保 and the schemes that follow its rules
// (domain-rules §3.5 [V S1 Art.14]; §10.2 vehicle and housing placeholders; §15 financial-assets limit).
// Every failed condition is listed.
import { assertFen, type BreakdownLine, type Failure } from './breakdown.ts';
import type { Area, PolicyParameters } from './parameters.ts';

/** Why a vehicle does not count against the household (§10.2 [U]); null = an ordinary vehicle. */
export type VehicleExemption = 'disabled_mobility' | 'low_value_production' | 'low_value_livelihood';

export type PropertyFacts = {
  householdSize: number;
  /** Deposits, securities, funds, commercial insurance, claims, internet financial assets (S1 Art.14). */
  financialAssetsFen: number;
  vehicles: readonly { id: string; exemption: VehicleExemption | null }[];
  /** Residences owned by the household. */
  residences: number;
  /** Total floor area of those residences, m²; only used when an area threshold is configured. */
  housingAreaM2?: number;
};

export type PropertyCheck = { ok: boolean; failures: Failure[]; breakdown: BreakdownLine[] };

const EXEMPTION_LABEL: Record<VehicleExemption, { zh: string; en: string }> = {
  disabled_mobility: { zh: '残疾人功能性代步车', en: "a disabled person's mobility vehicle" },
  low_value_production: { zh: '价值较低的生产用车', en: 'a low-value production vehicle' },
  low_value_livelihood: { zh: '价值较低的生活用车', en: 'a low-value livelihood vehicle' },
};

export function checkProperty(facts: PropertyFacts, area: Area, params: PolicyParameters): PropertyCheck {
  const { householdSize: size } = facts;
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`household size: ${size}`);
  assertFen(facts.financialAssetsFen, 'financialAssetsFen');
  if (!Number.isSafeInteger(facts.residences) || facts.residences < 0) {
    throw new RangeError(`residences: ${facts.residences}`);
  }
  const failures: Failure[] = [];
  const breakdown: BreakdownLine[] = [];

  // Financial assets: per capita ≤ 24 × monthly standard, i.e. total ≤ 24 × standard × size (inclusive).
  const standard = params.dibao.standardFen[area];
  const monthsOfStd = params.dibao.financialAssetsMaxMonthsOfStandard;
  const limitFen = monthsOfStd * standard * size;
  breakdown.push({
    code: 'property.financial_assets.limit',
    zh: `金融资产上限：人均 ≤ ${monthsOfStd} × 月低保标准 × ${size} 人`,
    en: `financial-assets limit: per capita ≤ ${monthsOfStd} × monthly standard × ${size} people`,
    amountFen: limitFen,
    rule: 'S1 Art.14; §15',
  });
  breakdown.push({
    code: 'property.financial_assets',
    zh: '家庭金融资产合计',
    en: 'household financial assets',
    amountFen: facts.financialAssetsFen,
    rule: 'S1 Art.14',
  });
  if (facts.financialAssetsFen > limitFen) {
    failures.push({
      rule: 'S1 Art.14; §15',
      zh: `人均金融资产超过 ${monthsOfStd} 倍月低保标准`,
      en: `financial assets per capita exceed ${monthsOfStd} × the monthly standard`,
    });
  }

  // Vehicles (§10.2 [U]): none, except the exempt kinds.
  for (const v of facts.vehicles) {
    if (v.exemption === null) {
      failures.push({
        rule: 'S1 Art.14; §10.2',
        zh: `拥有机动车辆（${v.id}），且不属于豁免情形`,
        en: `owns a motor vehicle (${v.id}) that is not exempt`,
      });
    } else {
      const label = EXEMPTION_LABEL[v.exemption];
      breakdown.push({
        code: `property.vehicle.exempt.${v.exemption}`,
        zh: `车辆 ${v.id} 豁免：${label.zh}`,
        en: `vehicle ${v.id} exempt: ${label.en}`,
        rule: 'S1 Art.14 (基本生产生活资料可豁免); §10.2',
      });
    }
  }

  // Housing (§10.2 [U]): at most maxResidences, or per-capita area ≤ threshold when one is configured.
  const { maxResidences, perCapitaAreaMaxM2 } = params.dibao.housing;
  const withinCount = facts.residences <= maxResidences;
  const withinArea =
    perCapitaAreaMaxM2 !== null &&
    facts.housingAreaM2 !== undefined &&
    facts.housingAreaM2 <= perCapitaAreaMaxM2 * size;
  if (withinCount || withinArea) {
    breakdown.push({
      code: 'property.housing.ok',
      zh: withinCount ? `住房 ${facts.residences} 套，未超过 ${maxResidences} 套` : '人均住房面积未超过标准',
      en: withinCount
        ? `${facts.residences} residence(s), within ${maxResidences}`
        : 'per-capita housing area within the threshold',
      rule: 'S1 Art.14; §10.2',
    });
  } else {
    failures.push({
      rule: 'S1 Art.14; §10.2',
      zh: `拥有住房 ${facts.residences} 套，超过 ${maxResidences} 套${perCapitaAreaMaxM2 === null ? '' : '且人均面积超过标准'}`,
      en: `owns ${facts.residences} residences, more than ${maxResidences}${perCapitaAreaMaxM2 === null ? '' : ', and per-capita area above the threshold'}`,
    });
  }

  return { ok: failures.length === 0, failures, breakdown };
}
