import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';

// Delegating the 低保 confirmation to townships (§2.3; S1 Art.2 ¶2; S4 #24): the district
// administrator sets it per town from a date, with the basis; applications take the level in force
// on the day they are made, and the overall limit becomes 20 working days (S5 §四(一)).

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const delegationInput = z.object({
  townCode: z.string().regex(/^\d{9}$/, bi('乡镇（街道）代码应为 9 位数字', 'a 9-digit town code')),
  scheme: z.enum(['DIBAO', 'DIBAO_SINGLE']),
  approvalLevel: z.enum(['COUNTY', 'TOWNSHIP']),
  effectiveFrom: z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD')),
  reason: z
    .string()
    .trim()
    .min(2, bi('请填写授权依据（文件号）', 'give the basis (the notice number)'))
    .max(200),
});

export async function approvalLevelOn(
  db: Database,
  countyCode: string,
  townCode: string,
  scheme: string,
  date: string,
): Promise<'COUNTY' | 'TOWNSHIP'> {
  if (scheme !== 'DIBAO' && scheme !== 'DIBAO_SINGLE') return 'COUNTY';
  const row = await db
    .selectFrom('approval_delegation')
    .select('approval_level')
    .where('county_code', '=', countyCode)
    .where('town_code', '=', townCode)
    .where('scheme', '=', scheme)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.approval_level ?? 'COUNTY';
}

export async function listDelegations(deps: { db: Database }, ctx: RequestContext) {
  requirePermission(ctx.actor, 'cases.read');
  const rows = await deps.db
    .selectFrom('approval_delegation')
    .selectAll()
    .where('county_code', '=', ctx.actor.countyCode)
    .orderBy('town_code')
    .orderBy('effective_from', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      townCode: r.town_code,
      scheme: r.scheme,
      approvalLevel: r.approval_level,
      effectiveFrom: r.effective_from,
      reason: r.reason,
      createdByName: r.created_by_name,
    })),
  };
}

export async function addDelegation(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  input: z.output<typeof delegationInput>,
) {
  requirePermission(ctx.actor, 'standards.manage');
  const town = await deps.db
    .selectFrom('admin_unit')
    .select('code')
    .where('county_code', '=', ctx.actor.countyCode)
    .where('level', '=', 'town')
    .where('code', 'like', `${input.townCode}%`)
    .executeTakeFirst();
  if (!town)
    throw errors.validation([
      { field: 'townCode', message: '本区没有该乡镇（街道）', messageEn: 'no such town in this county' },
    ]);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('approval_delegation')
      .values({
        county_code: ctx.actor.countyCode,
        town_code: input.townCode,
        scheme: input.scheme,
        approval_level: input.approvalLevel,
        effective_from: input.effectiveFrom,
        reason: input.reason,
        created_by: auditActor(ctx).actorId,
        created_by_name: ctx.actor.displayName,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'cases.delegation_set',
        recordType: 'approval_delegation',
        recordId: String(row.id),
        detail: input,
      },
    ]);
    return { id: row.id };
  });
}
