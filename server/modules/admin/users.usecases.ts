import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLE_SCOPE, ROLES, type Role } from '../../../contracts/roles.ts';
import type { DB } from '../../db/schema.ts';
import { type AuditEntry, appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';

// Accounts. A generated password is shown once and must be changed at first sign-in.

export type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode: string;
  /** Omit to generate one (then the user must change it at first sign-in). */
  password?: string;
  mustChangePassword?: boolean;
  /** Pre-computed argon2id hash, for creating many demo accounts with one password. */
  passwordHash?: string;
};

const SCOPE_LENGTH = { county: 6, town: 9, village: 12 } as const;

export function generatePassword(): string {
  // 16 characters from an unambiguous alphabet plus guaranteed classes.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const body = Array.from(crypto.randomBytes(13), (b) => alphabet[b % alphabet.length]).join('');
  return `${body}#${crypto.randomInt(10)}k`;
}

export async function createUsers(
  db: Kysely<DB>,
  clock: Clock,
  users: NewUser[],
  /** Who creates them, as the audit log records it. */
  by: Omit<AuditEntry, 'countyCode' | 'action'> = { actorUsername: 'system' },
): Promise<{ username: string; password: string | null }[]> {
  const out: { username: string; password: string | null }[] = [];
  const rows: import('kysely').Insertable<DB['app_user']>[] = [];
  for (const u of users) {
    if (!ROLES.includes(u.role))
      throw errors.validation([
        {
          field: 'role',
          message: `未知角色 ${u.role}`,
          messageEn: `unknown role ${u.role}`,
          expected: ROLES.join(', '),
        },
      ]);
    const want = SCOPE_LENGTH[ROLE_SCOPE[u.role]];
    if (!/^\d+$/.test(u.jurisdictionCode) || u.jurisdictionCode.length !== want) {
      throw errors.validation([
        {
          field: 'jurisdictionCode',
          message: `该角色的管辖区划应为 ${want} 位代码`,
          messageEn: `this role needs a ${want}-digit jurisdiction code`,
          expected: `${want} digits`,
        },
      ]);
    }
    const generated = u.password || u.passwordHash ? null : generatePassword();
    const hash = u.passwordHash ?? (await hashPassword(u.password ?? generated!));
    rows.push({
      county_code: u.jurisdictionCode.slice(0, 6),
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      jurisdiction_code: u.jurisdictionCode,
      password_hash: hash,
      must_change_password: u.mustChangePassword ?? generated !== null,
      updated_at: clock.now(),
    });
    out.push({ username: u.username, password: generated });
  }
  try {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('app_user')
          .values(rows.slice(i, i + 200))
          .execute();
      // Accounts are access to personal data: creating one is audited like any other write.
      await appendAudit(
        trx,
        clock.now(),
        rows.map((r) => ({
          countyCode: r.county_code,
          ...by,
          action: 'users.created',
          recordType: 'user',
          recordId: r.username,
          detail: {
            role: r.role,
            jurisdictionCode: r.jurisdiction_code,
            mustChangePassword: r.must_change_password,
          },
        })),
      );
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505')
      throw new AppError('users.duplicate', 409, '用户名已存在', 'That user name is taken');
    throw e;
  }
  return out;
}
