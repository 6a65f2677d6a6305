import type { z } from 'zod';
import {
  POLICY_DEPARTMENTS,
  type ReferralView,
  referralAnswerInput,
  type referralQuery,
} from '../../../contracts/policies.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { fieldError } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { isIsoDate } from '../../rules/calendar.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { type Answerer, isOverdue, mayAnswer, referralErrors } from './referrals.models.ts';
import * as repo from './referrals.repository.ts';

// The departments' side of "policy finds the person" (§9.3; S6 §五(一)): a liaison sees and answers
// only its own department's referrals; the bureau's staff see every referral of their division and
// answer those of the civil-affairs department. An answer (granted with the date and any amount, or
// refused with the reason) is given once, closes the match in the same transaction and is audited;
// it shows in the household's assistance chain.

export type ReferralDeps = { db: Database; clock: Clock };

export function referralView(r: repo.ReferralViewRow, today: string): ReferralView {
  const code = r.department_code as ReferralView['departmentCode'];
  return {
    id: r.id,
    matchId: r.match_id,
    policyId: r.policy_id,
    policyCode: r.policy_code,
    policyName: r.policy_name,
    departmentCode: code,
    departmentName: r.department_name || POLICY_DEPARTMENTS[code]?.zh || code,
    householdId: r.household_id,
    householdNo: r.household_no,
    personName: r.name_mask ?? '',
    townName: r.town_name ?? '',
    villageCode: r.village_code,
    villageName: r.village_name ?? '',
    reason: r.reason,
    referredOn: r.referred_on,
    dueOn: r.due_on,
    overdue: isOverdue({ state: r.state, dueOn: r.due_on }, today),
    state: r.state,
    answeredOn: r.answered_on,
    answerReason: r.answer_reason,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    answeredBy: r.answered_by_name,
  };
}

const isLiaison = (ctx: RequestContext) => ctx.actor.role === 'department_liaison';

/** A liaison's own department (refused with an explanation when the account is not linked). */
async function liaisonDepartment(deps: ReferralDeps, ctx: RequestContext): Promise<string> {
  const d = await repo.departmentOfUser(deps.db, ctx.actor.countyCode, ctx.actor.userId);
  if (!d) throw referralErrors.noDepartment();
  return d.department_code;
}

/** What the caller may see: its department's referrals (liaison) or its division's (民政 staff). */
async function scopeOf(deps: ReferralDeps, ctx: RequestContext): Promise<repo.ReferralScope> {
  requirePermission(ctx.actor, 'referrals.read');
  if (isLiaison(ctx)) return { departmentCode: await liaisonDepartment(deps, ctx) };
  return jurisdictionFilter(ctx.actor);
}

const inScope = (
  s: repo.ReferralScope,
  r: { department_code: string; town_code: string; village_code: string },
  county: string,
) =>
  'departmentCode' in s
    ? r.department_code === s.departmentCode
    : s.column === 'county_code'
      ? s.value === county
      : r[s.column] === s.value;

export async function listReferrals(
  deps: ReferralDeps,
  ctx: RequestContext,
  q: z.output<typeof referralQuery>,
): Promise<{ total: number; items: ReferralView[] }> {
  const scope = await scopeOf(deps, ctx);
  const today = shanghaiDateOf(deps.clock.now());
  const { departmentCode, state, villageCode, householdId } = q;
  const { total, rows } = await repo.listReferrals(
    deps.db,
    ctx.actor.countyCode,
    scope,
    // overdue=false is no filter (the list is not "the ones on time").
    { departmentCode, state, villageCode, householdId, overdueOn: q.overdue ? today : undefined },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  return { total, items: rows.map((r) => referralView(r, today)) };
}

export async function getReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
): Promise<ReferralView> {
  const scope = await scopeOf(deps, ctx);
  const r = await repo.getReferral(deps.db, ctx.actor.countyCode, id);
  // Another department's referral does not exist for a liaison (§2.2).
  if (!r || !inScope(scope, r, ctx.actor.countyCode)) throw referralErrors.notFound();
  return referralView(r, shanghaiDateOf(deps.clock.now()));
}

export async function answerReferral(
  deps: ReferralDeps,
  ctx: RequestContext,
  id: string,
  body: unknown,
): Promise<ReferralView> {
  requirePermission(ctx.actor, 'referrals.answer');
  const a = parseOr400(referralAnswerInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  if (a.outcome === 'GRANTED') {
    if (!isIsoDate(a.grantedOn))
      throw fieldError(
        'grantedOn',
        '给予日期不是有效日期',
        'the grant date is not a valid date',
        'YYYY-MM-DD',
      );
    if (a.grantedOn > today)
      throw fieldError(
        'grantedOn',
        `给予日期不能晚于今天（${today}）`,
        `the grant date cannot be in the future (today is ${today})`,
        `≤ ${today}`,
      );
  }
  // Read before the transaction opens (PGlite has one connection).
  const who: Answerer = isLiaison(ctx)
    ? { kind: 'liaison', departmentCode: await liaisonDepartment(deps, ctx) }
    : { kind: 'civil_affairs' };
  const scope =
    who.kind === 'liaison' ? { departmentCode: who.departmentCode } : jurisdictionFilter(ctx.actor);
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.lockReferral(trx, county, id);
    if (!r || !inScope(scope, r, county)) throw referralErrors.notFound();
    if (!mayAnswer(who, r.department_code)) throw referralErrors.civilAffairsOnly();
    if (r.state !== 'PENDING') throw referralErrors.alreadyAnswered(r.state);
    const granted = a.outcome === 'GRANTED';
    await repo.answer(trx, county, id, {
      state: a.outcome,
      // A grant is dated when the department gave it; a refusal when it was answered.
      answeredOn: granted ? a.grantedOn : today,
      reason: granted ? a.note || null : a.reason,
      amountFen: granted ? a.amountFen : null,
      by: auditActor(ctx).actorId,
      byName: ctx.actor.displayName,
      at,
      matchId: r.match_id,
    });
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: granted ? 'referrals.granted' : 'referrals.refused',
        recordType: 'department_referral',
        recordId: id,
        detail: granted
          ? { departmentCode: r.department_code, grantedOn: a.grantedOn, amountFen: a.amountFen }
          : { departmentCode: r.department_code, reason: a.reason },
      },
    ]);
  });
  return getReferral(deps, ctx, id);
}
