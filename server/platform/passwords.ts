import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended floor (19 MiB, 2 passes): slow for an attacker, ~20 ms here.
const OPTS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTS);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain).catch(() => false);

/** Rules for a password a person chooses (a generated one is always changed at first login). */
export function passwordProblems(plain: string): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (plain.length < 10) out.push({ zh: '至少 10 个字符', en: 'at least 10 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(plain)).length;
  if (classes < 3) {
    out.push({
      zh: '至少包含大写、小写、数字、符号中的三类',
      en: 'at least three of upper, lower, digit, symbol',
    });
  }
  return out;
}
