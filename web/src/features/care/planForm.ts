// The care plan form (§5.3): the same limits as contracts/care.ts planInput, checked in the browser
// before the server sees them, and the form values turned into the API body.
import { SERVICE_ITEM_CODES, type ServiceItemCode } from '../../../../contracts/care.ts';
import type { NamePath } from '../../lib/fieldPath.ts';

/** contracts/care.ts planInput: visitsPerMonth int 1–62, minMinutes int 10–480, items ≥ 1 known item. */
export const PLAN_LIMITS = {
  visitsPerMonth: { min: 1, max: 62 },
  minMinutes: { min: 10, max: 480 },
} as const;

export type PlanValues = {
  visitsPerMonth?: number | null;
  minMinutes?: number | null;
  items?: readonly string[] | null;
};
export type PlanBody = { visitsPerMonth: number; minMinutes: number; items: ServiceItemCode[] };

export type PlanProblem =
  | {
      field: 'visitsPerMonth' | 'minMinutes';
      problem: 'required' | 'integer' | 'range';
      min: number;
      max: number;
    }
  | { field: 'items'; problem: 'required' | 'unknown'; min: number; max: number };

const isItem = (s: string): s is ServiceItemCode => (SERVICE_ITEM_CODES as readonly string[]).includes(s);

function numberProblem(
  field: 'visitsPerMonth' | 'minMinutes',
  v: number | null | undefined,
): PlanProblem | null {
  const { min, max } = PLAN_LIMITS[field];
  if (v === null || v === undefined || Number.isNaN(v)) return { field, problem: 'required', min, max };
  if (!Number.isInteger(v)) return { field, problem: 'integer', min, max };
  if (v < min || v > max) return { field, problem: 'range', min, max };
  return null;
}

/** Every problem of the values, in the form's order; empty when the server's planInput accepts them. */
export function planProblems(v: PlanValues): PlanProblem[] {
  const out: PlanProblem[] = [];
  const visits = numberProblem('visitsPerMonth', v.visitsPerMonth);
  if (visits) out.push(visits);
  const minutes = numberProblem('minMinutes', v.minMinutes);
  if (minutes) out.push(minutes);
  const items = v.items ?? [];
  const range = { min: 1, max: SERVICE_ITEM_CODES.length };
  if (items.length === 0) out.push({ field: 'items', problem: 'required', ...range });
  else if (items.length > range.max || !items.every(isItem))
    out.push({ field: 'items', problem: 'unknown', ...range });
  return out;
}

/** The API body of valid values: items deduplicated in the catalogue's order. */
export function toPlanBody(v: PlanValues): PlanBody {
  const chosen = new Set(v.items ?? []);
  return {
    visitsPerMonth: Number(v.visitsPerMonth),
    minMinutes: Number(v.minMinutes),
    items: SERVICE_ITEM_CODES.filter((c) => chosen.has(c)),
  };
}

/** Visits a month as visits a week (12 months / 52 weeks), one decimal: the hint next to the field. */
export const perWeek = (visitsPerMonth: number): number => Math.round(((visitsPerMonth * 12) / 52) * 10) / 10;

/** Where a server issue goes in the plan form: "items.3" is the items field. */
export const planFieldOf = (path: NamePath): NamePath | null =>
  path[0] === 'visitsPerMonth' || path[0] === 'minMinutes' || path[0] === 'items' ? [path[0]] : null;

/**
 * Non-blocking notes on a person's plan against the contract (the server accepts it either way):
 * fewer visits than the contract agreed, items the contract does not buy (planFor at signing, §5.4).
 */
export function planNotes(
  plan: PlanValues,
  contract: { visitsPerMonth: number; items: readonly string[] },
): { fewerVisits: boolean; itemsNotBought: string[] } {
  const visits = plan.visitsPerMonth;
  return {
    fewerVisits: typeof visits === 'number' && visits < contract.visitsPerMonth,
    itemsNotBought: (plan.items ?? []).filter((i) => !contract.items.includes(i)),
  };
}
