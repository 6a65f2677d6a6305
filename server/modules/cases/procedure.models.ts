// Shared pieces of the case state machines (domain-rules §2.3 who does what, §2.4 no inclusion without
// procedure). Pure: no I/O, no clock; every date is an argument.
import type { ActorRole } from '../../../contracts/roles.ts';

/** `applicant`: the family itself, applying online through the portal (S1 Art.4; §9.5). */
export type Level = 'applicant' | 'village' | 'town' | 'county';
export type Actor = { role: ActorRole; level: Level };
export type ApprovalLevel = 'COUNTY' | 'TOWNSHIP';

export type Refusal = { ok: false; code: string; zh: string; en: string };
export type Accepted<S, E> = { ok: true; next: S; effects: E[] };
export type Outcome<S, E> = Accepted<S, E> | Refusal;

export const refuse = (code: string, zh: string, en: string): Refusal => ({ ok: false, code, zh, en });

/** Which role may act at which level (§2.3): village assists, township accepts/reviews, county confirms. */
const LEVEL_ROLES: Record<Level, readonly ActorRole[]> = {
  applicant: ['citizen'],
  village: ['village_assistant'],
  town: ['town_officer'],
  county: ['district_officer', 'district_admin'],
};

const LEVEL_ZH: Record<Level, string> = {
  applicant: '申请人本人（网上）',
  village: '村（居）',
  town: '乡镇（街道）',
  county: '县级（区）民政',
};

/** Refusal unless the actor is at one of `levels` and holds a role that works at that level. */
export function requireLevel(actor: Actor, levels: readonly Level[], step: string): Refusal | null {
  if (levels.includes(actor.level) && LEVEL_ROLES[actor.level].includes(actor.role)) return null;
  return refuse(
    'FORBIDDEN_ACTOR',
    `「${step}」只能由${levels.map((l) => LEVEL_ZH[l]).join('或')}办理（§2.3）`,
    `"${step}" may only be done at the ${levels.join(' or ')} level by a role of that level (§2.3)`,
  );
}

/** Events may not be dated before the last recorded event of the case. */
export function requireNotBefore(at: string, last: string | null): Refusal | null {
  if (last === null || at >= last) return null;
  return refuse(
    'DATE_BEFORE_PREVIOUS',
    `日期 ${at} 早于上一步（${last}）`,
    `date ${at} is before the previous step (${last})`,
  );
}

/** Investigation teams have at least two distinct people (S1 Art.16). */
export function requireTwoInvestigators(investigators: readonly string[]): Refusal | null {
  const distinct = new Set(investigators.map((s) => s.trim()).filter((s) => s !== ''));
  if (distinct.size >= 2) return null;
  return refuse(
    'TOO_FEW_INVESTIGATORS',
    '入户调查须至少两名工作人员（S1 第十六条）',
    'S1 Art.16: a home visit needs at least two investigators',
  );
}

export const notAllowed = (state: string, event: string): Refusal =>
  refuse(
    'INVALID_TRANSITION',
    `当前状态 ${state} 不允许操作 ${event}`,
    `event ${event} is not allowed in state ${state}`,
  );
