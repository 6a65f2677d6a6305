import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { jurisdictionFilter } from '../../platform/policies.ts';
import { registryErrors } from '../registry/registry.errors.ts';
import type { Refusal } from './charity.models.ts';
import * as repo from './charity.repository.ts';

// Who sees what (architecture convention 7, §2.2): an account of the charity role acts for exactly
// one organisation and sees only that organisation's referrals, projects and disbursements; the
// bureau's staff see their division's referrals (village, town, or the whole county).

export type CharityDeps = { db: Database; clock: Clock };

export const charityErrors = {
  org: () => errors.notFound('慈善组织', 'charity organisation', 'charity.org_not_found'),
  project: () => errors.notFound('慈善项目', 'charity project', 'charity.project_not_found'),
  referral: () => errors.notFound('慈善帮扶转介', 'charity referral', 'charity.referral_not_found'),
  // The registry's own answer: a household outside the caller's area looks like none at all.
  household: () => registryErrors.householdNotFound(),
  noOrg: () =>
    new AppError(
      'charity.no_org',
      403,
      '您的账号尚未关联慈善组织，请联系区民政局',
      'your account is not linked to a charity organisation; ask the district bureau',
    ),
  otherOrg: () =>
    new AppError(
      'charity.other_org',
      403,
      '只能办理本组织的慈善帮扶事项',
      "you may only act for your own organisation's projects and referrals",
    ),
  refusal: (r: Refusal) => new AppError(r.code, 409, r.zh, r.en),
  versionConflict: (current: number) =>
    errors.conflict(
      'charity.version_conflict',
      '该记录已被他人更新，请刷新后重试',
      'the record was changed by someone else; reload',
      { current },
    ),
};

export const isCharityRole = (ctx: RequestContext) => ctx.actor.role === 'charity';

/** The organisation a charity-role account acts for; refused when the account is not linked. */
export async function ownOrg(deps: CharityDeps, ctx: RequestContext): Promise<{ id: string; name: string }> {
  const org = await repo.orgOfUser(deps.db, ctx.actor.countyCode, ctx.actor.userId);
  if (!org) throw charityErrors.noOrg();
  return { id: org.id, name: org.name };
}

/** The rows the caller may see: their organisation's (charity role) or their division's. */
export async function scopeOf(deps: CharityDeps, ctx: RequestContext): Promise<repo.Scope> {
  if (isCharityRole(ctx)) return { orgId: (await ownOrg(deps, ctx)).id };
  return jurisdictionFilter(ctx.actor);
}

/**
 * The organisation the caller acts for: their own (charity role), or null for district staff, who may
 * act for any (e.g. an organisation without accounts). Read before a transaction opens (PGlite has one
 * connection), then checked with checkActsFor inside it.
 */
export async function actingOrg(deps: CharityDeps, ctx: RequestContext): Promise<string | null> {
  return isCharityRole(ctx) ? (await ownOrg(deps, ctx)).id : null;
}

export function checkActsFor(acting: string | null, orgId: string): void {
  if (acting !== null && acting !== orgId) throw charityErrors.otherOrg();
}

export async function requireActsFor(deps: CharityDeps, ctx: RequestContext, orgId: string): Promise<void> {
  checkActsFor(await actingOrg(deps, ctx), orgId);
}

/** Rows of one organisation or division: does `row` fall inside `scope`? */
export const inScope = (
  scope: repo.Scope,
  row: { org_id: string; county_code: string; town_code: string; village_code: string },
): boolean => ('orgId' in scope ? row.org_id === scope.orgId : row[scope.column] === scope.value);
