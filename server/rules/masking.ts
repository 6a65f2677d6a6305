// Display masking for personal data (domain-rules §2.2 privacy) and light validation of contact and
// bank fields. Masking is for screens, lists and exports; it is not a security boundary by itself.

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keeps the first and last `keep` characters when the string is long enough to hide a real middle. */
function keepEnds(s: string, keep: number): string {
  // Below 2 × keep + 1 the "middle" would be empty or tiny and the ends would reveal almost everything.
  if (s.length < 2 * keep + 1) return stars(s.length);
  return s.slice(0, keep) + stars(s.length - 2 * keep) + s.slice(-keep);
}

/** '370911195501010026' → '3709**********0026'. Same length as the input, so columns stay aligned. */
export const maskIdNumber = (id: string): string => keepEnds(id, 4);

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3})(-?)(\d{7,8})$/;

/** 11-digit mobiles keep 3 + 4; landlines keep the area code and the last 2 digits. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  const land = LANDLINE.exec(s);
  if (land) {
    const [, area, sep, local] = land as unknown as [string, string, string, string];
    return `${area}${sep}${stars(local.length - 2)}${local.slice(-2)}`;
  }
  // Unknown shapes (extensions, foreign numbers): reveal at most the last 2 characters.
  return s.length >= 6 ? stars(s.length - 2) + s.slice(-2) : stars(s.length);
}

/** First 4 + stars + last 4 of the digits, spaces dropped. */
export const maskBankAccount = (account: string): string => keepEnds(account.replace(/\s+/g, ''), 4);

/**
 * '张三' → '张*', '张三丰' → '张*丰', '欧阳娜娜' → '欧**娜'. Iterates by code point so that names with
 * characters outside the BMP (rare surnames, CJK Extension B) are not split into half surrogates.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + stars(chars.length - 2) + chars[chars.length - 1];
}

/** Chinese mobile (1[3-9] + 9 digits) or landline (0 + 2–3 digit area code, optional '-', 7–8 digits). */
export const isPhone = (s: string): boolean => {
  const t = s.trim();
  return MOBILE.test(t) || LANDLINE.test(t);
};

/**
 * Returns the normalised digits of a bank account, or null. No Luhn check: passbook and
 * rural-credit-cooperative account numbers, common among recipients, often do not satisfy it.
 */
export function checkBankAccount(s: string): string | null {
  const digits = s.replace(/\s+/g, '');
  return /^\d{12,30}$/.test(digits) ? digits : null;
}
