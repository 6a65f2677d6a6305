import {
  DIMENSIONS,
  type Dimension,
  METRICS,
  type Metric,
  WEIGHT_KEYS,
  type Weights,
} from '../../../contracts/grassroots.ts';

// The monthly 德能勤绩廉 assessment of village assistants (民政协理员月度考核; domain-rules §9.6:
// a local practice [U], so every number here is a documented default the county can change through
// the weights). Pure and integer: every score is a whole number 0–100, every weight a whole percent,
// so a total is an exact integer in hundredths of a point and equal totals really are equal.

/**
 * Built-in weights used until a county enters its own (§9.6 "weights are configurable"): the town's
 * five scores carry 65 %, the automatic metrics 35 % — the records count, but the town's judgement
 * of the person leads, as in cadre assessment.
 */
export const DEFAULT_WEIGHTS: Weights = {
  de: 10,
  neng: 15,
  qin: 15,
  ji: 15,
  lian: 10,
  visits: 15,
  alerts: 10,
  quality: 5,
  complaints: 5,
};

/** Points off per data-quality error and per substantiated complaint, floored at 0. */
export const QUALITY_PENALTY = 10;
export const COMPLAINT_PENALTY = 25;

export type RawMetrics = {
  reviewsOnTime: number;
  reviewsLate: number;
  alertsOnTime: number;
  alertsLate: number;
  dqIntegrityAlerts: number;
  dqCorrections: number;
  complaints: number;
};

export type WeightIssue = { field: string; zh: string; en: string };

/** Whole percentages 0–100 that sum to exactly 100 % (the migration checks the same sum). */
export function validateWeights(w: Record<string, unknown>): WeightIssue[] {
  const issues: WeightIssue[] = [];
  let sum = 0;
  for (const k of WEIGHT_KEYS) {
    const v = w[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) {
      issues.push({ field: `weights.${k}`, zh: '权重应为 0–100 的整数', en: 'a whole percentage 0–100' });
      continue;
    }
    sum += v;
  }
  if (issues.length === 0 && sum !== 100)
    issues.push({
      field: 'weights',
      zh: `各项权重合计应为 100%，现为 ${sum}%`,
      en: `the weights must sum to 100 %, not ${sum} %`,
    });
  return issues;
}

/** on / (on + late) as a whole percent, rounded half up in integers; nothing due scores 100. */
export function onTimePercent(onTime: number, late: number): number {
  const n = onTime + late;
  if (n === 0) return 100;
  return Math.floor((200 * onTime + n) / (2 * n));
}

/** The four automatic metrics as scores 0–100. */
export function metricScores(m: RawMetrics): Record<Metric, number> {
  return {
    visits: onTimePercent(m.reviewsOnTime, m.reviewsLate),
    alerts: onTimePercent(m.alertsOnTime, m.alertsLate),
    quality: Math.max(0, 100 - QUALITY_PENALTY * (m.dqIntegrityAlerts + m.dqCorrections)),
    complaints: Math.max(0, 100 - COMPLAINT_PENALTY * m.complaints),
  };
}

/** Σ weight% × score over the nine parts: an integer in hundredths of a point (0–10 000). */
export function totalCenti(
  scores: Record<Dimension, number>,
  metrics: Record<Metric, number>,
  w: Weights,
): number {
  let t = 0;
  for (const d of DIMENSIONS) t += w[d] * scores[d];
  for (const m of METRICS) t += w[m] * metrics[m];
  return t;
}

/**
 * Standard competition ranking ("1224"): higher totals rank first; equal totals share a rank and the
 * next rank skips as many places as shared it (1, 2, 2, 4). A rank is 1 + the number of strictly
 * higher totals, so it depends only on the multiset of totals, never on input order.
 */
export function competitionRanks(totals: readonly number[]): number[] {
  const sorted = [...totals].sort((a, b) => b - a);
  const firstIndex = new Map<number, number>();
  sorted.forEach((t, i) => {
    if (!firstIndex.has(t)) firstIndex.set(t, i);
  });
  return totals.map((t) => (firstIndex.get(t) as number) + 1);
}

export type Rankable = { key: string; townCode: string; total: number | null };
export type Ranked = { key: string; rankTown: number | null; rankDistrict: number | null };

/** Ranks in the town and in the district; an assessment without a total yet (not scored) is unranked. */
export function rankAssessments(rows: readonly Rankable[]): Ranked[] {
  const scored = rows.filter((r) => r.total !== null) as (Rankable & { total: number })[];
  const district = new Map(
    competitionRanks(scored.map((r) => r.total)).map((rank, i) => [scored[i]?.key as string, rank]),
  );
  const byTown = new Map<string, (Rankable & { total: number })[]>();
  for (const r of scored) byTown.set(r.townCode, [...(byTown.get(r.townCode) ?? []), r]);
  const town = new Map<string, number>();
  for (const list of byTown.values())
    competitionRanks(list.map((r) => r.total)).forEach((rank, i) => {
      town.set(list[i]?.key as string, rank);
    });
  return rows.map((r) => ({
    key: r.key,
    rankTown: town.get(r.key) ?? null,
    rankDistrict: district.get(r.key) ?? null,
  }));
}

/** The first day of a YYYY-MM month and its last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}
