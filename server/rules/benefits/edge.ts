// 低保边缘家庭 (domain-rules §4 [V S1 Art.8 last ¶; S5 §一(四); S6 §二]; §15).
// Not on (and not eligible for) 低保; per-capita income < 1.5 × the standard; property within the rules.
import { type BreakdownLine, type Failure, type Ineligible, ineligibleIfAny } from './breakdown.ts';
import { type HouseholdIncome, perCapitaBelow } from './income.ts';
import type { Area, PolicyParameters } from './parameters.ts';
import type { PropertyCheck } from './property.ts';

export type EdgeInput = {
  area: Area;
  income: HouseholdIncome;
  property: PropertyCheck;
  /** The household currently receives 低保. */
  onDibao: boolean;
  params: PolicyParameters;
};

export type EdgeEligible = { eligible: true; ceilingFen: number; breakdown: BreakdownLine[] };

export function assessDibaoEdge(input: EdgeInput): EdgeEligible | Ineligible {
  const { area, income, property, params } = input;
  const standardFen = params.dibao.standardFen[area];
  const m = params.edge.multiplier;
  // Display only: the ceiling itself may be fractional; the comparison below is exact.
  const ceilingFen = Math.floor((standardFen * m.num) / m.den);
  const breakdown: BreakdownLine[] = [
    {
      code: 'edge.ceiling',
      zh: `低保边缘收入上限：${m.num}/${m.den} × 低保标准`,
      en: `低保边缘 income ceiling: ${m.num}/${m.den} × the 低保 standard`,
      amountFen: ceilingFen,
      rule: 'S1 Art.8 last ¶; §15',
    },
    ...income.breakdown,
    ...property.breakdown,
  ];
  const failures: Failure[] = [];
  if (input.onDibao) {
    failures.push({ rule: '§4; §15', zh: '家庭已享受低保', en: 'the household already receives 低保' });
  } else if (perCapitaBelow(income, standardFen) && property.failures.length === 0) {
    failures.push({
      rule: '§4; S3 Art.9',
      zh: '家庭符合低保条件，应申请低保',
      en: 'the household qualifies for 低保 and should apply for it',
    });
  }
  if (!perCapitaBelow(income, standardFen, m)) {
    failures.push({
      rule: 'S1 Art.8 last ¶; §15 (strict <)',
      zh: `家庭月人均收入不低于低保标准的 ${m.num}/${m.den} 倍`,
      en: `per-capita income is not below ${m.num}/${m.den} × the standard`,
    });
  }
  failures.push(...property.failures);
  const no = ineligibleIfAny(failures, breakdown);
  if (no) return no;
  breakdown.push({
    code: 'edge.recognised',
    zh: '认定为低保边缘家庭（享受专项救助，不发放低保金）',
    en: 'recognised as a 低保边缘 household (special-purpose assistance, no cash 低保)',
    rule: 'S6 §四(二)',
  });
  return { eligible: true, ceilingFen, breakdown };
}
