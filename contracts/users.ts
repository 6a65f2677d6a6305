import { z } from 'zod';
import { ROLES } from './roles.ts';

// Account administration (M14): district administrators create accounts for every role within
// the district, reset passwords (a one-time password the person must change) and disable accounts.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const userSearch = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const userCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9._-]{2,31}$/,
      bi(
        '用户名为 3–32 位小写字母、数字、点、横线或下划线',
        '3–32 lower-case letters, digits, dot, dash or underscore',
      ),
    ),
  displayName: z.string().trim().min(1, bi('请填写姓名', 'the display name is required')).max(40),
  role: z.enum(ROLES),
  jurisdictionCode: z
    .string()
    .regex(
      /^\d{6}(\d{3}(\d{3})?)?$/,
      bi('管辖区划应为 6、9 或 12 位代码', 'a 6-, 9- or 12-digit division code'),
    ),
});
export type UserCreate = z.infer<typeof userCreate>;

export const oneTimePassword = z.object({ oneTimePassword: z.string() });
