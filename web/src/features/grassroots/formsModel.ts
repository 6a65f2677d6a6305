// Pure helpers of the weights form and the complaints tab (§9.6): the client-side check of the
// weights as the server does it (contracts/grassroots.ts weightsInput: whole percentages 0–100 that
// sum to 100), the weights in force in a month, who may change them, and the complaints list order.
import { WEIGHT_KEYS, type WeightKey, type Weights } from '../../../../contracts/grassroots.ts';
import type { ComplaintView, WeightsView } from '../../api/grassroots.ts';

export type WeightsCheck =
  | { ok: true; sum: 100 }
  | { ok: false; sum: number; bad: WeightKey[] /* missing, fractional or out of 0–100 */ };

/** The server's rule (weightsInput): every weight a whole percentage 0–100, together exactly 100. */
export function checkWeights(w: Partial<Record<WeightKey, number | null | undefined>>): WeightsCheck {
  const bad: WeightKey[] = [];
  let sum = 0;
  for (const k of WEIGHT_KEYS) {
    const v = w[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) bad.push(k);
    else sum += v;
  }
  return bad.length === 0 && sum === 100 ? { ok: true, sum: 100 } : { ok: false, sum, bad };
}

/**
 * The weights a month is assessed with: the entered row with the latest effectiveFrom not after the
 * month (the server's weightsFor, on the month's first day), else the built-in defaults.
 */
export function weightsInForce(items: readonly WeightsView[], month: string): WeightsView | null {
  const entered = items
    .filter((x) => !x.builtIn && x.effectiveFrom <= month)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return entered[0] ?? items.find((x) => x.builtIn) ?? null;
}

/** A weights row as the form's values (missing keys as 0). */
export const weightsValues = (v: WeightsView | null): Weights =>
  Object.fromEntries(WEIGHT_KEYS.map((k) => [k, v?.weights[k] ?? 0])) as Weights;

/**
 * Weights are the county's: setWeights needs 'assistants.assess' and a district-level jurisdiction
 * (a 6-digit county code) — a town officer sees them but cannot change them.
 */
export const canSetWeights = (canAssess: boolean, jurisdictionCode: string) =>
  canAssess && jurisdictionCode.length === 6;

/** Where a server issue of the weights form goes: the sum ("weights") above the form, the rest at the field. */
export function weightsIssuePath(path: (string | number)[]): (string | number)[] | null {
  return path.length === 1 && path[0] === 'weights' ? null : path;
}

/** Complaints newest first (received date, then recorded time). */
export const sortComplaints = (items: readonly ComplaintView[]): ComplaintView[] =>
  [...items].sort(
    (a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.recordedAt.localeCompare(a.recordedAt),
  );

/** The latest month a weights row may start from by default: the current Shanghai month. */
export const monthOf = (date: string) => date.slice(0, 7);
