// Client-side checks of the portal forms. The server checks again and its field errors are shown
// too; these only spare a round trip for the obvious mistakes.

/** What is wrong with a resident identity number (GB 11643-1999, 18 characters), or null. */
export type IdNumberIssue = 'length' | 'format' | 'birth_date' | 'check_digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character over the first 17 digits (GB 11643-1999 §5.2). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] as string;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** Normalises (trim, upper-case x) the way the server does. */
export const normaliseIdNumber = (s: string): string => s.trim().toUpperCase();

/**
 * The first problem of an 18-character identity number, or null when it is well formed: length,
 * then 17 digits + digit/X, then a real birth date (positions 7–14), then the check character.
 * The portal takes only 18-character numbers (the contract's rule); 15-digit ones were replaced in 2013.
 */
export function idNumberIssue(input: string): IdNumberIssue | null {
  const v = normaliseIdNumber(input);
  if (v.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  if (!isRealDate(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)))) {
    return 'birth_date';
  }
  return v[17] === idCheckChar(v.slice(0, 17)) ? null : 'check_digit';
}

/** A mainland mobile number: 11 digits starting 13–19 (the contract's rule). */
export const isMobile = (s: string): boolean => /^1[3-9]\d{9}$/.test(s.trim());

/** The 6-digit verification code. */
export const isOtpCode = (s: string): boolean => /^\d{6}$/.test(s.trim());
