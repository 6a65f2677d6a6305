import { can, type Permission } from '../../contracts/roles.ts';
import type { Actor } from './context.ts';
import { errors } from './errors.ts';

const PERMISSION_TEXT: Partial<Record<Permission, [string, string]>> = {
  'registry.read': ['查看户籍信息', 'read the registry'],
  'registry.write': ['修改户籍信息', 'change the registry'],
  'registry.import': ['批量导入', 'import households'],
  'reveal.id_number': ['查看完整身份证号', 'reveal full ID numbers'],
  'reveal.phone': ['查看完整电话号码', 'reveal full phone numbers'],
  'reveal.bank_account': ['查看完整银行账号', 'reveal full bank accounts'],
  'audit.read': ['查看审计日志', 'read the audit log'],
  'users.manage': ['管理用户', 'manage users'],
  'standards.manage': ['调整救助标准', 'change standards'],
  'cases.read': ['查看救助案件', 'read cases'],
  'cases.write': ['办理救助案件', 'act on cases'],
  'cases.migrate_legacy': ['迁移历史在保对象', 'migrate legacy cases'],
  'entitlements.read': ['查看待遇重算清单', 'read recalculation lists'],
  'entitlements.approve': ['审批待遇重算清单', 'approve recalculation lists'],
  'integrity.read': ['查看诚信记录与纠错记录', 'read integrity and correction records'],
  'integrity.manage': ['处理追缴、罚款与纠错审批', 'decide recoveries, fines and corrections'],
  'payroll.read': ['查看保障金发放批次与台账', 'read payroll runs and ledgers'],
  'payroll.manage': ['发起和审批保障金发放', 'start and approve payroll runs'],
};

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    const [zh, en] = PERMISSION_TEXT[permission] ?? ['执行此操作', `perform ${permission}`];
    throw errors.forbidden(zh, en);
  }
}

/** Is a division code (of any length) inside the actor's jurisdiction? */
export function withinJurisdiction(actor: Actor, divisionCode: string): boolean {
  return divisionCode.startsWith(actor.jurisdictionCode);
}

/**
 * The column to filter tenant rows by, for this actor: every query of tenant data goes through it
 * (architecture convention 7). Equality on a stored column keeps it index-friendly.
 */
export function jurisdictionFilter(actor: Actor): {
  column: 'county_code' | 'town_code' | 'village_code';
  value: string;
} {
  const code = actor.jurisdictionCode;
  if (code.length === 12) return { column: 'village_code', value: code };
  if (code.length === 9) return { column: 'town_code', value: code };
  return { column: 'county_code', value: code.slice(0, 6) };
}
