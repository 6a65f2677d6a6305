// Making the demo's 2025 payments add up to the press release's figures (低保 15,367,300 yuan,
// 特困 13,595,100 yuan) through the data, not through typed totals: the migrated cases' assessed
// incomes and care levels are nudged before they enter, and the payroll runs then pay them. Pure.

const YUAN = 100;

/** A migrated 低保 gap case: its monthly amount and the months of the year it is paid. */
export type GapRow = { amountFen: number; months: number; netIncomeFen: number; incomeMonths: number };

/**
 * Whole-yuan changes to the monthly amounts of rows paid all year, so that Σ amount × months over all
 * rows plus `otherFen` comes within 12 yuan of `targetFen`. A change of +1 yuan lowers the assessed
 * net income by 12 yuan a year (the gap method, S3 Art.12), so the amount stays what the rules give.
 */
export function calibrateGap(rows: GapRow[], otherFen: number, targetFen: number): GapRow[] {
  const out = rows.map((r) => ({ ...r }));
  const total = () => otherFen + out.reduce((s, r) => s + r.amountFen * r.months, 0);
  let steps = Math.round((targetFen - total()) / (12 * YUAN));
  const full = out.filter((r) => r.months === 12);
  for (let pass = 0; steps !== 0 && pass < 400; pass++) {
    let moved = false;
    for (const r of full) {
      if (steps === 0) break;
      const dir = Math.sign(steps);
      const net = r.netIncomeFen - dir * YUAN * r.incomeMonths;
      const amount = r.amountFen + dir * YUAN;
      if (net < 0 || amount < YUAN) continue;
      r.netIncomeFen = net;
      r.amountFen = amount;
      steps -= dir;
      moved = true;
    }
    if (!moved) break;
  }
  return out;
}

export type CareLevel = 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS';

/**
 * Care levels for migrated 特困 people so that a year of support (basic + care, §5.4) plus
 * `otherFen` comes as close to `targetFen` as one level step allows: people move between
 * self-care and partial loss, largest gap first.
 */
export function calibrateCare(
  levels: CareLevel[],
  basicFen: readonly number[],
  careFen: Record<CareLevel, number>,
  otherFen: number,
  targetFen: number,
): CareLevel[] {
  const out = [...levels];
  const total = () => otherFen + out.reduce((s, l, i) => s + 12 * ((basicFen[i] ?? 0) + careFen[l]), 0);
  const step = 12 * (careFen.PARTIAL_LOSS - careFen.SELF_CARE);
  let diff = targetFen - total();
  // Far above the target: full-loss people first become partial (the larger step).
  const bigStep = 12 * (careFen.FULL_LOSS - careFen.PARTIAL_LOSS);
  for (let i = 0; i < out.length && diff < -bigStep / 2; i++) {
    if (out[i] !== 'FULL_LOSS') continue;
    out[i] = 'PARTIAL_LOSS';
    diff += bigStep;
  }
  for (let i = 0; i < out.length && Math.abs(diff) > step / 2; i++) {
    if (diff > 0 && out[i] === 'SELF_CARE') {
      out[i] = 'PARTIAL_LOSS';
      diff -= step;
    } else if (diff < 0 && out[i] === 'PARTIAL_LOSS') {
      out[i] = 'SELF_CARE';
      diff += step;
    }
  }
  return out;
}

/**
 * Rural treatment (S2 Art.19) for people of urban households, one at a time, until a year of
 * support at the given care levels no longer exceeds `targetFen`.
 */
export function calibrateTreatment(
  areas: readonly ('urban' | 'rural')[],
  levels: readonly CareLevel[],
  basicFen: (area: 'urban' | 'rural') => number,
  careFen: Record<CareLevel, number>,
  otherFen: number,
  targetFen: number,
): ('urban' | 'rural')[] {
  const out = [...areas];
  let total =
    otherFen + out.reduce((s, a, i) => s + 12 * (basicFen(a) + careFen[levels[i] ?? 'SELF_CARE']), 0);
  const saving = 12 * (basicFen('urban') - basicFen('rural'));
  for (let i = 0; i < out.length && total > targetFen; i++) {
    if (out[i] !== 'urban') continue;
    out[i] = 'rural';
    total -= saving;
  }
  return out;
}
