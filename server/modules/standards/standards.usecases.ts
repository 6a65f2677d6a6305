import type { z } from 'zod';
import { STANDARD_SERIES, type StandardChange, type standardsView } from '../../../contracts/standards.ts';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/policies.ts';
import { type Area, type PolicyParameters, parametersOn } from '../../rules/benefits/parameters.ts';
import { addDatedValues } from './dated-values.ts';
import { applyParameters } from './parameters.models.ts';
import * as repo from './standards.repository.ts';

// Assistance standards (§9.4): effective-dated per county, added (never overwritten) by district
// administrators with the basis of the change, audited. The calculators read them through
// parametersFor(), which lays the county's standards over the shipped defaults (§15).

export type StandardsDeps = { db: Database; clock: Clock };

export async function listStandards(
  deps: StandardsDeps,
  ctx: RequestContext,
): Promise<z.infer<typeof standardsView>> {
  requirePermission(ctx.actor, 'standards.read');
  const date = shanghaiDateOf(deps.clock.now());
  const rows = await repo.listStandardRows(deps.db, ctx.actor.countyCode);
  const current = await repo.standardsOn(deps.db, ctx.actor.countyCode, date);
  return {
    date,
    series: STANDARD_SERIES.map((s) => ({
      key: s.key,
      current: current.get(s.key) ?? null,
      history: rows
        .filter((r) => r.series === s.key)
        .map((r) => ({
          id: r.id,
          series: s.key,
          amountFen: r.amount_fen,
          effectiveFrom: r.effective_from,
          reason: r.reason,
          createdByName: r.created_by_name,
          createdAt: r.created_at.toISOString(),
        })),
    })),
  };
}

/** Adds values (one or several series at once, e.g. a yearly adjustment) in one transaction. */
export async function addStandards(deps: StandardsDeps, ctx: RequestContext, changes: StandardChange[]) {
  requirePermission(ctx.actor, 'standards.manage');
  return addDatedValues(deps, ctx, changes, {
    insert: (trx, rows) =>
      repo.insertStandards(
        trx,
        rows.map(({ change, provenance }) => ({
          ...provenance,
          series: change.series,
          amount_fen: change.amountFen,
        })),
      ),
    action: 'standards.added',
    recordType: 'benefit_standard',
    detail: (c) => ({ series: c.series, amountFen: c.amountFen }),
  });
}

/**
 * The parameters in force in a county on a date: the shipped defaults (§15) with the county's own
 * standards laid over them. 特困 basic living follows the 低保 standard (1.3×, rounded up to the
 * yuan) unless the county has set it explicitly.
 */
export async function parametersFor(
  db: Database,
  countyCode: string,
  date: string,
): Promise<PolicyParameters> {
  const base = applyParameters(parametersOn(date), await repo.parametersOnDate(db, countyCode, date));
  const s = await repo.standardsOn(db, countyCode, date);
  const pick = (key: string, fallback: number) => s.get(key) ?? fallback;
  const dibao: Record<Area, number> = {
    urban: pick('dibao.urban', base.dibao.standardFen.urban),
    rural: pick('dibao.rural', base.dibao.standardFen.rural),
  };
  const out: PolicyParameters = {
    ...base,
    dibao: { ...base.dibao, standardFen: dibao },
    tekun: {
      ...base.tekun,
      basicFenOverride: {
        ...(s.has('tekun_basic.urban') ? { urban: s.get('tekun_basic.urban') } : {}),
        ...(s.has('tekun_basic.rural') ? { rural: s.get('tekun_basic.rural') } : {}),
      },
      careFen: {
        SELF_CARE: pick('tekun_care.SELF_CARE', base.tekun.careFen.SELF_CARE),
        PARTIAL_LOSS: pick('tekun_care.PARTIAL_LOSS', base.tekun.careFen.PARTIAL_LOSS),
        FULL_LOSS: pick('tekun_care.FULL_LOSS', base.tekun.careFen.FULL_LOSS),
      },
    },
  };
  return out;
}
