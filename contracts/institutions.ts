import { z } from 'zod';

// 供养服务机构 (§5.4): the institutions centralised 特困 support is paid to. An institution's bank
// account is an organisation's, not personal data.

const bi = (zh: string, en: string) => `${zh}||${en}`;

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a 统一社会信用代码's first 17 characters (GB 32100-2015, mod 31). */
export function creditCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body[i] as string) * (CREDIT_WEIGHTS[i] as number);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31] as string;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character. */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return code[17] === creditCheckChar(code);
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(2, bi('至少 2 个字', 'at least 2 characters'))
    .max(max, bi(`不超过 ${max} 字`, `at most ${max} characters`));

export const institutionInput = z.object({
  name: text(100),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      isCreditCode,
      bi(
        '统一社会信用代码应为 18 位且校验位正确',
        'an 18-character unified social credit code with a valid check',
      ),
    ),
  townCode: z.string().regex(/^\d{9}$/, bi('请选择所在镇街', 'choose the town')),
  address: z.string().trim().max(200).default(''),
  capacity: z
    .number()
    .int(bi('床位数应为整数', 'a whole number of beds'))
    .min(1, bi('床位数至少 1', 'at least 1 bed'))
    .max(10_000),
  accountName: text(100),
  bankAccount: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/, bi('银行账号应为 8–30 位数字', 'a bank account of 8–30 digits')),
  bankName: text(100),
  active: z.boolean().default(true),
});
export type InstitutionInput = z.input<typeof institutionInput>;

export const institutionView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  townCode: z.string(),
  address: z.string(),
  capacity: z.number(),
  /** 特困 persons currently supported there (cases not closed). */
  residents: z.number(),
  accountName: z.string(),
  bankAccount: z.string(),
  bankName: z.string(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type InstitutionView = z.infer<typeof institutionView>;
