// Shared shapes and exact integer arithmetic for the benefit calculators (domain-rules §3.8, §15).
// Money is integer fen; fractions are kept as numerator/denominator until the one rounding step
// that §15 prescribes, so comparisons such as the strict `<` of S3 Art.9 are exact.

/** One line of a calculation, citing the article behind it. */
export type BreakdownLine = {
  code: string;
  zh: string;
  en: string;
  amountFen?: number;
  rule: string;
};

/** A condition that is not met. Ineligibility answers list every one of them. */
export type Failure = { rule: string; zh: string; en: string };

export type Ineligible = { eligible: false; failures: Failure[]; breakdown: BreakdownLine[] };

/** An exact non-negative rational, e.g. 1.3 = { num: 13, den: 10 }. */
export type Ratio = { readonly num: number; readonly den: number };

export const ratio = (num: number, den: number): Ratio => {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) {
    throw new RangeError(`ratio: ${num}/${den} is not a non-negative integer fraction`);
  }
  return { num, den };
};

export function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer fen amount, got ${value}`);
  }
}

function assertDivision(num: number, den: number): void {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`cannot divide ${num} by ${den} exactly`);
  }
}

/** num/den rounded half-up (towards +∞ on a tie) to an integer. */
export function divRoundHalfUp(num: number, den: number): number {
  assertDivision(num, den);
  return Math.floor((2 * num + den) / (2 * den));
}

/** num/den fen rounded half-up to the whole yuan, returned in fen (§15 household amount). */
export function roundHalfUpToYuanFen(num: number, den: number): number {
  return divRoundHalfUp(num, den * 100) * 100;
}

/** num/den fen rounded up to the whole yuan, returned in fen (§15 特困 basic living). */
export function ceilToYuanFen(num: number, den: number): number {
  assertDivision(num, den);
  const d = den * 100;
  return (Math.floor(num / d) + (num % d === 0 ? 0 : 1)) * 100;
}

/** fen × ratio, exact when divisible, otherwise rounded half-up to the fen. */
export function applyRatioFen(fen: number, r: Ratio): number {
  return divRoundHalfUp(fen * r.num, r.den);
}

/** Turns a list of failures into the ineligible answer, or null when there are none. */
export function ineligibleIfAny(failures: Failure[], breakdown: BreakdownLine[]): Ineligible | null {
  return failures.length > 0 ? { eligible: false, failures, breakdown } : null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → months since year 0, for month arithmetic. */
export function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export const addMonths = (month: string, n: number): string => monthFromIndex(monthIndex(month) + n);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The 'YYYY-MM' of a 'YYYY-MM-DD' date (validated loosely: shape and month). */
export function monthOf(date: string): string {
  if (!DATE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const month = date.slice(0, 7);
  monthIndex(month);
  return month;
}
