// Resident identity numbers, GB 11643-1999 (domain-rules §11.1).
// Pure: no clock. "Born in the future" is a policy check the caller makes with its own today.

export type IdType = 'resident' | 'hk_mo_tw' | 'foreign';
export type IdRule = 'format' | 'length' | 'birth_date' | 'check_digit';

export type IdCheck =
  | {
      ok: true;
      /** Normalised: trimmed, uppercase X, 15-digit numbers converted to 18. */
      value: string;
      /** 'YYYY-MM-DD'; null only for foreign permanent-residence cards, whose layout we do not decode. */
      birthDate: string | null;
      sex: 1 | 2 | null;
      /** Positions 1–6; '' for foreign cards. Not checked against current codes because codes change. */
      addressCode: string;
      converted15: boolean;
    }
  | { ok: false; rule: IdRule; message: string; messageEn: string; expected: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character over the first 17 digits. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`checkDigit needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] as string;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for a real proleptic-Gregorian date in 'YYYY-MM-DD' form. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const compactToIso = (yyyymmdd: string): string =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** Legacy 15-digit number → 18 characters (insert century "19", append the check character). */
export function convert15to18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError(`convert15to18 needs 15 digits, got "${id15}"`);
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkDigit(first17);
}

type Failure = Extract<IdCheck, { ok: false }>;
const fail = (rule: IdRule, message: string, messageEn: string, expected: string): Failure => ({
  ok: false,
  rule,
  message,
  messageEn,
  expected,
});

const EXPECT_18 = '17 digits followed by a digit or X';

function checkForeign(value: string): IdCheck {
  // The 2017 and 2023 permanent-residence card layouts are [K]; accept their shape only (§11.1).
  if (value.length !== 15 && value.length !== 18) {
    return fail(
      'length',
      `外国人永久居留身份证号码应为 15 位或 18 位，当前为 ${value.length} 位`,
      `a foreign permanent-residence card number has 15 or 18 characters, got ${value.length}`,
      '15 or 18 characters',
    );
  }
  if (!/^[A-Z0-9]+$/.test(value)) {
    return fail(
      'format',
      '外国人永久居留身份证号码只能包含大写字母和数字',
      'a foreign permanent-residence card number may contain only uppercase letters and digits',
      'uppercase letters A-Z and digits',
    );
  }
  return { ok: true, value, birthDate: null, sex: null, addressCode: '', converted15: false };
}

export function checkIdNumber(input: string, idType: IdType = 'resident'): IdCheck {
  const value = input.trim().toUpperCase();
  if (idType === 'foreign') return checkForeign(value);

  const allows15 = idType === 'resident';
  if (value.length !== 18 && !(allows15 && value.length === 15)) {
    return fail(
      'length',
      allows15
        ? `身份号码应为 18 位（或 15 位旧号），当前为 ${value.length} 位`
        : `港澳台居民居住证号码应为 18 位，当前为 ${value.length} 位`,
      allows15
        ? `an identity number has 18 characters (or 15 for old numbers), got ${value.length}`
        : `a residence-permit number for HK/Macao/Taiwan residents has 18 characters, got ${value.length}`,
      allows15 ? '18 characters (or 15 digits)' : '18 characters',
    );
  }
  const converted15 = value.length === 15;
  if (converted15 ? !/^\d{15}$/.test(value) : !/^\d{17}[\dX]$/.test(value)) {
    return fail(
      'format',
      converted15 ? '15 位旧身份号码只能由数字组成' : '身份号码前 17 位须为数字，第 18 位为数字或 X',
      converted15
        ? 'a 15-character old identity number must be all digits'
        : 'the first 17 characters must be digits and the 18th a digit or X',
      converted15 ? '15 digits' : EXPECT_18,
    );
  }
  if (idType === 'hk_mo_tw' && !/^8[123]/.test(value)) {
    return fail(
      'format',
      '港澳台居民居住证号码应以 81（香港）、82（澳门）或 83（台湾）开头',
      'a residence-permit number for HK/Macao/Taiwan residents starts with 81, 82 or 83',
      'starts with 81, 82 or 83',
    );
  }

  const compactDate = converted15 ? `19${value.slice(6, 12)}` : value.slice(6, 14);
  const birthDate = compactToIso(compactDate);
  if (!isIsoDate(birthDate)) {
    return fail(
      'birth_date',
      `出生日期 ${compactDate} 不是有效日期`,
      `the birth date ${compactDate} is not a real calendar date`,
      'a real date YYYYMMDD',
    );
  }

  const normalised = converted15 ? convert15to18(value) : value;
  const expectedCheck = checkDigit(normalised.slice(0, 17));
  if (normalised[17] !== expectedCheck) {
    return fail(
      'check_digit',
      `校验位错误：应为 ${expectedCheck}`,
      `check digit is wrong: expected ${expectedCheck}`,
      expectedCheck,
    );
  }
  return {
    ok: true,
    value: normalised,
    birthDate,
    sex: Number(normalised[16]) % 2 === 1 ? 1 : 2,
    addressCode: normalised.slice(0, 6),
    converted15,
  };
}

/**
 * Age in completed years on `onDate`.
 * A person born on 29 February turns a year older on 1 March in non-leap years [K]: the
 * anniversary has not been reached on 28 February. This falls out of the plain (month, day)
 * comparison below; it is a deliberate choice, the later of the two possible readings, so
 * that age thresholds (18, 60) are never met a day early.
 */
export function ageOn(birthDate: string, onDate: string): number {
  if (!isIsoDate(birthDate)) throw new RangeError(`ageOn: birthDate "${birthDate}" is not YYYY-MM-DD`);
  if (!isIsoDate(onDate)) throw new RangeError(`ageOn: onDate "${onDate}" is not YYYY-MM-DD`);
  if (onDate < birthDate) throw new RangeError(`ageOn: ${onDate} is before the birth date ${birthDate}`);
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Builds a valid 18-character number (used by tests and the demo data). */
export function makeIdNumber(addressCode6: string, birthDate: string, seq3: number): string {
  if (!/^\d{6}$/.test(addressCode6)) throw new RangeError(`makeIdNumber: address code "${addressCode6}"`);
  if (!isIsoDate(birthDate)) throw new RangeError(`makeIdNumber: birth date "${birthDate}"`);
  if (!Number.isInteger(seq3) || seq3 < 0 || seq3 > 999) throw new RangeError(`makeIdNumber: seq ${seq3}`);
  const first17 = addressCode6 + birthDate.replaceAll('-', '') + String(seq3).padStart(3, '0');
  return first17 + checkDigit(first17);
}
