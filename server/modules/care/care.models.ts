import {
  type CareLevelCode,
  GPS_BOUNDS,
  MAX_FILE_BYTES,
  type ServiceItemCode,
  VISIT_MINUTES,
} from '../../../contracts/care.ts';
import type { FieldIssue } from '../../platform/errors.ts';

// Pure rules of purchased care (domain-rules §5.3, §5.4, §9.1), table-tested in care.models.test.ts.

export type Period = { fromOn: string; toOn: string };

/** Inclusive date ranges overlap when each starts on or before the other ends (adjacent ones do not). */
export const overlaps = (a: Period, b: Period) => a.fromOn <= b.toOn && b.fromOn <= a.toOn;

/**
 * §5.4 "a person cannot be in two overlapping contracts for the same service": the existing
 * coverage a new one clashes with (the database trigger enforces the same rule under a lock).
 */
export function findOverlap<T extends Period & { personId: string; serviceType: string }>(
  existing: readonly T[],
  next: Period & { personId: string; serviceType: string },
): T | null {
  return (
    existing.find(
      (e) => e.personId === next.personId && e.serviceType === next.serviceType && overlaps(e, next),
    ) ?? null
  );
}

export type PlanDefault = { visitsPerMonth: number; minMinutes: number; items: ServiceItemCode[] };

/**
 * [U] Huijiu's default care plan per self-care level (§5.3: 自理 / 半自理 / 全护理 → 一档 / 二档 / 三档):
 * more frequent and longer visits as self-care is lost. Seeded per county into care_plan_default,
 * where a district changes them; to confirm with the client (§14).
 */
export const DEFAULT_PLANS: Record<CareLevelCode, PlanDefault> = {
  SELF_CARE: { visitsPerMonth: 4, minMinutes: 30, items: ['HEALTH_CHECK', 'COMPANIONSHIP', 'CLEANING'] },
  PARTIAL_LOSS: {
    visitsPerMonth: 8,
    minMinutes: 60,
    items: ['MEAL_HELP', 'CLEANING', 'HEALTH_CHECK', 'MEDICATION'],
  },
  FULL_LOSS: {
    visitsPerMonth: 20,
    minMinutes: 90,
    items: ['MEAL_HELP', 'BATHING', 'MOBILITY', 'MEDICATION', 'CLEANING', 'HEALTH_CHECK'],
  },
};

/**
 * A covered person's plan at signing: the level's default, but never fewer visits than the contract
 * agreed, and only the items the contract buys (the level's items it does not buy are left out).
 */
export function planFor(
  level: PlanDefault,
  contract: { visitsPerMonth: number; items: readonly string[] },
): PlanDefault {
  const items = level.items.filter((i) => contract.items.includes(i));
  return {
    visitsPerMonth: Math.max(level.visitsPerMonth, contract.visitsPerMonth),
    minMinutes: level.minMinutes,
    items: (items.length > 0 ? items : contract.items.slice()) as ServiceItemCode[],
  };
}

export const daysInMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};
export const monthEnd = (month: string) =>
  `${month.slice(0, 8)}${String(daysInMonth(month)).padStart(2, '0')}`;

/** Days of `month` (YYYY-MM-01) inside the coverage period, inclusive. */
export function coveredDays(month: string, p: Period): number {
  const from = p.fromOn > month ? p.fromOn : month;
  const end = monthEnd(month);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.min would give NaN.
  const to = p.toOn < end ? p.toOn : end;
  if (to < from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Visits owed in the month: the plan's frequency pro rata to the days covered, rounded up. */
export function requiredVisits(visitsPerMonth: number, covered: number, days: number): number {
  if (covered <= 0) return 0;
  return Math.ceil((visitsPerMonth * covered) / days);
}

/**
 * The provider's payment basis for one person and month (§5.4 fee × persons, decided here):
 *   month fee = ⌊fee × covered days / days in month⌋ (a part month is paid pro rata);
 *   enough verified visits (≥ required) → the month fee; fewer → ⌊month fee × counted / required⌋.
 * Pro rata rather than all-or-nothing: one missed visit of twenty should not cost a whole month of
 * care, and rounding down to the fen means public money never pays for a fraction not delivered.
 */
export function basisFen(feeFen: number, covered: number, days: number, counted: number, required: number) {
  const monthFee = Math.floor((feeFen * covered) / days);
  if (required <= 0) return 0;
  if (counted >= required) return monthFee;
  return Math.floor((monthFee * counted) / required);
}

/** [U] Sample size of the town's spot check: 10 % of the month's visits, at least one, at most 20. */
export const sampleSize = (visits: number) =>
  visits === 0 ? 0 : Math.min(20, Math.max(1, Math.ceil(visits / 10)));

/** Deterministic sample from a seed (kept on the verification, so the draw can be re-done). */
export function drawSample<T>(list: readonly T[], n: number, seed: string): T[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const rand = () => {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    return h / 2 ** 32;
  };
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

const issue = (field: string, zh: string, en: string, expected?: string): FieldIssue => ({
  field,
  message: zh,
  messageEn: en,
  ...(expected ? { expected } : {}),
});

export type VisitFacts = {
  startedAt: Date;
  endedAt: Date;
  now: Date;
  gps: { lat: number; lng: number } | null;
  files: { field: string; mime: string; bytes: Buffer }[];
  healthEvent: boolean;
  healthNote: string | null;
};

const MAGIC: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};
/** [U] Clock skew tolerated between the carer's phone and the server. */
const FUTURE_SKEW_MS = 5 * 60_000;

/** §9.1 ServiceVisitLog(geo, photo, duration): what a recorded visit must satisfy, every issue at once. */
export function validateVisit(v: VisitFacts): FieldIssue[] {
  const out: FieldIssue[] = [];
  const minutes = Math.round((v.endedAt.getTime() - v.startedAt.getTime()) / 60_000);
  if (v.endedAt <= v.startedAt)
    out.push(issue('endedAt', '结束时间应晚于开始时间', 'the visit must end after it starts'));
  else if (minutes < VISIT_MINUTES.min || minutes > VISIT_MINUTES.max)
    out.push(
      issue(
        'endedAt',
        `服务时长应在 ${VISIT_MINUTES.min}–${VISIT_MINUTES.max} 分钟之间`,
        `a visit lasts ${VISIT_MINUTES.min}–${VISIT_MINUTES.max} minutes`,
        `${VISIT_MINUTES.min}–${VISIT_MINUTES.max}`,
      ),
    );
  if (v.endedAt.getTime() > v.now.getTime() + FUTURE_SKEW_MS)
    out.push(issue('endedAt', '不能登记尚未发生的服务', 'a visit cannot be in the future'));
  if (v.gps) {
    const b = GPS_BOUNDS;
    const ok =
      v.gps.lat >= b.latMin && v.gps.lat <= b.latMax && v.gps.lng >= b.lngMin && v.gps.lng <= b.lngMax;
    if (!ok) out.push(issue('gps', '定位不在中国境内，请重新定位', 'the GPS fix is outside China'));
  }
  for (const f of v.files) {
    if (f.bytes.length === 0 || f.bytes.length > MAX_FILE_BYTES)
      out.push(issue(f.field, '图片为空或超过 2 MB', 'the image is empty or larger than 2 MB', '≤ 2 MB'));
    else if (!(MAGIC[f.mime] ?? []).every((b, i) => f.bytes[i] === b))
      out.push(issue(f.field, '只接受 PNG 或 JPEG 图片', 'PNG or JPEG only', 'image/png, image/jpeg'));
  }
  if (v.healthEvent && !v.healthNote)
    out.push(issue('healthNote', '发现健康异常时请说明情况', 'describe the health event'));
  return out;
}

export const visitMinutes = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60_000);
