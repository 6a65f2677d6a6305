import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';

// Standards and policy parameters are both effective-dated values that are only ever added: the
// rows carry who added them and why, and each one is audited in the same transaction.

export type Provenance = {
  county_code: string;
  effective_from: string;
  reason: string;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
};

export async function addDatedValues<C extends { effectiveFrom: string; reason: string }>(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  changes: C[],
  spec: {
    insert: (
      trx: Transaction<DB>,
      rows: { change: C; provenance: Provenance }[],
    ) => Promise<{ id: number }[]>;
    action: string;
    recordType: string;
    detail: (c: C) => Record<string, unknown>;
  },
): Promise<{ ids: number[] }> {
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ids = await spec.insert(
      trx,
      changes.map((change) => ({
        change,
        provenance: {
          county_code: ctx.actor.countyCode,
          effective_from: change.effectiveFrom,
          reason: change.reason,
          created_by: auditActor(ctx).actorId,
          created_by_name: ctx.actor.displayName,
          created_at: at,
        },
      })),
    );
    await appendAudit(
      trx,
      at,
      changes.map((c, i) => ({
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: spec.action,
        recordType: spec.recordType,
        recordId: String(ids[i]!.id),
        detail: { ...spec.detail(c), effectiveFrom: c.effectiveFrom, reason: c.reason },
      })),
    );
    return { ids: ids.map((r) => r.id) };
  });
}
