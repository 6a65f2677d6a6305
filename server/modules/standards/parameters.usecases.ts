import { type ParameterChange, POLICY_PARAMETERS } from '../../../contracts/parameters.ts';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parametersOn } from '../../rules/benefits/parameters.ts';
import { addDatedValues } from './dated-values.ts';
import { checkParameterValue } from './parameters.models.ts';
import * as repo from './standards.repository.ts';

// Policy parameters (§13) per county: effective-dated, added never overwritten, bounded by the
// national ceilings, changed by district administrators with the basis, audited.

export type ParametersDeps = { db: Database; clock: Clock };

/** The shipped value of a parameter on a date, as the console shows it beside the county's. */
function shippedValue(key: string, date: string): number | string {
  let node: unknown = parametersOn(date);
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (node && typeof node === 'object' && 'num' in node && 'den' in node) {
    const r = node as { num: number; den: number };
    return String(r.num / r.den);
  }
  return node as number;
}

export async function listParameters(deps: ParametersDeps, ctx: RequestContext) {
  requirePermission(ctx.actor, 'standards.read');
  const date = shanghaiDateOf(deps.clock.now());
  const rows = await repo.listParameterRows(deps.db, ctx.actor.countyCode);
  const current = await repo.parametersOnDate(deps.db, ctx.actor.countyCode, date);
  return {
    date,
    items: POLICY_PARAMETERS.map((p) => ({
      key: p.key,
      kind: p.kind,
      min: p.min,
      max: p.max,
      rule: p.rule,
      shipped: shippedValue(p.key, date),
      current: current.get(p.key) ?? null,
      history: rows
        .filter((r) => r.key === p.key)
        .map((r) => ({
          id: r.id,
          value: r.value,
          effectiveFrom: r.effective_from,
          reason: r.reason,
          createdByName: r.created_by_name,
          createdAt: r.created_at.toISOString(),
        })),
    })),
  };
}

export async function addParameters(deps: ParametersDeps, ctx: RequestContext, changes: ParameterChange[]) {
  requirePermission(ctx.actor, 'standards.manage');
  const issues = changes
    .map((c, i) => checkParameterValue(c.key, c.value, `changes.${i}.value`))
    .filter((x): x is FieldIssue => x !== null);
  if (issues.length > 0) throw errors.validation(issues);
  return addDatedValues(deps, ctx, changes, {
    insert: (trx, rows) =>
      repo.insertParameters(
        trx,
        rows.map(({ change, provenance }) => ({
          ...provenance,
          key: change.key,
          value: JSON.stringify(change.value),
        })),
      ),
    action: 'parameters.added',
    recordType: 'policy_parameter',
    detail: (c) => ({ key: c.key, value: c.value }),
  });
}
