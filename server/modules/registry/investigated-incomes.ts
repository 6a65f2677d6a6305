import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import * as repo from './registry.repository.ts';

// The household file (一户一档) keeps the latest verified economic status. When a case records the
// facts of an investigation or a review (入户调查 / 复核), each covered member's monthly income in the
// registry becomes the investigated one. This runs in the case's transaction, with a history entry
// citing the case and an audit record. Without it the registry kept the incomes declared at
// registration. Monitoring's 即将脱保 / 即将进保 rules and policy matching read the registry, so they
// then judged households by figures the investigation had already replaced.

export const INCOME_INVESTIGATED = 'income_investigated';

export type InvestigatedIncome = { personId: string; monthlyFen: number };

/** Writes the incomes that differ from the registry's; returns how many persons changed. */
export async function recordInvestigatedIncomes(
  trx: Transaction<DB>,
  ctx: RequestContext,
  at: Date,
  input: { householdId: string; caseId: string; caseNo: string; incomes: readonly InvestigatedIncome[] },
): Promise<number> {
  const county = ctx.actor.countyCode;
  if (input.incomes.length === 0) return 0;
  const current = await trx
    .selectFrom('person as p')
    .innerJoin('household_member as m', (j) =>
      j.onRef('m.county_code', '=', 'p.county_code').onRef('m.person_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.monthly_income_fen'])
    .where('p.county_code', '=', county)
    .where('m.household_id', '=', input.householdId)
    .where('m.left_on', 'is', null)
    .where(
      'p.id',
      'in',
      input.incomes.map((i) => i.personId),
    )
    .execute();
  const was = new Map(current.map((p) => [p.id, Number(p.monthly_income_fen)]));
  // Only current members of the household: a member who left since keeps the registry's figure.
  const changed = input.incomes.filter((i) => was.has(i.personId) && was.get(i.personId) !== i.monthlyFen);
  if (changed.length === 0) return 0;
  for (const c of changed)
    await trx
      .updateTable('person')
      .set({ monthly_income_fen: c.monthlyFen, updated_at: at })
      .where('county_code', '=', county)
      .where('id', '=', c.personId)
      .execute();
  // The household's version moves, so an editor holding the old one is told to reload.
  await trx
    .updateTable('household')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('county_code', '=', county)
    .where('id', '=', input.householdId)
    .execute();
  const reason = `入户调查核定收入（案件 ${input.caseNo}）`;
  const who = auditActor(ctx);
  await repo.insertVersions(
    trx,
    changed.map((c) => ({
      county_code: county,
      household_id: input.householdId,
      entity_type: 'person',
      entity_id: c.personId,
      action: INCOME_INVESTIGATED,
      actor_id: who.actorId,
      actor_name: ctx.actor.displayName,
      at,
      reason,
      changes: JSON.stringify({ monthlyIncomeFen: { before: was.get(c.personId), after: c.monthlyFen } }),
    })),
  );
  await appendAudit(
    trx,
    at,
    changed.map((c) => ({
      countyCode: county,
      ...who,
      action: `registry.${INCOME_INVESTIGATED}`,
      recordType: 'person',
      recordId: c.personId,
      detail: { householdId: input.householdId, caseId: input.caseId, reason },
    })),
  );
  return changed.length;
}
