import { type LegacyCaseParsed, legacyCaseInput } from '../../../contracts/cases.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import { addMonths, benefitStartMonth } from '../../rules/calendar.ts';
import { insertEntitlement } from '../entitlements/entitlements.repository.ts';
import { getHouseholdWithMembers } from '../registry/registry-read.repository.ts';
import { type ActiveCase, newActiveCase, nextReviewDue } from './active.models.ts';
import { openCase } from './case-writer.ts';
import { newTekunCase } from './tekun.models.ts';

// Migration of cases already in payment in the previous system (§2.4: "data migration of legacy
// cases is the only exception [to the procedure] and must be flagged"). Every row is checked
// before any is written; the batch is one transaction; each case keeps channel LEGACY for ever.

export type LegacyDeps = { db: Database; clock: Clock };

export async function migrateLegacyCases(
  deps: LegacyDeps,
  ctx: RequestContext,
  input: { reason: string; cases: unknown[] },
): Promise<{ created: { id: string; caseNo: string }[] }> {
  requirePermission(ctx.actor, 'cases.migrate_legacy');
  const county = ctx.actor.countyCode;
  const filter = jurisdictionFilter(ctx.actor);
  const issues: FieldIssue[] = [];
  const parsed: { c: LegacyCaseParsed; h: Awaited<ReturnType<typeof getHouseholdWithMembers>> }[] = [];
  for (const [i, raw] of input.cases.entries()) {
    const r = legacyCaseInput.safeParse(raw);
    if (!r.success) {
      issues.push(...toFieldIssues(r.error.issues, `cases.${i}`));
      continue;
    }
    const h = await getHouseholdWithMembers(deps.db, county, filter, r.data.householdId);
    if (h.length === 0) {
      issues.push({
        field: `cases.${i}.householdId`,
        message: '该户不存在或不在您的管辖范围内',
        messageEn: 'no such household in your jurisdiction',
      });
      continue;
    }
    const subject = r.data.subjectPersonId;
    if (subject !== null && !h.some((m) => m.id === subject && m.left_on === null)) {
      issues.push({
        field: `cases.${i}.subjectPersonId`,
        message: '救助对象不是该户的现有成员',
        messageEn: 'the person is not a current member of the household',
      });
      continue;
    }
    parsed.push({ c: r.data, h });
  }
  if (issues.length > 0) throw errors.validation(issues);

  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const created: { id: string; caseNo: string }[] = [];
    for (const { c, h } of parsed) {
      const head = h[0]!;
      const from = benefitStartMonth(c.decidedOn);
      const model =
        c.scheme === 'TEKUN'
          ? {
              ...newTekunCase({ id: c.sourceRef, persons: [] }),
              state: 'ACTIVE',
              decidedOn: c.decidedOn,
              lastEventOn: c.decidedOn,
            }
          : newActiveCase({
              id: c.sourceRef,
              approvalLevel: 'COUNTY',
              stability: c.stability,
              confirmedOn: c.decidedOn,
              amountFen: c.amountFen,
            });
      const opened = await openCase(
        trx,
        ctx,
        at,
        {
          scheme: c.scheme,
          stage: 'ACTIVE',
          state: 'ACTIVE',
          household_id: c.householdId,
          subject_person_id: c.subjectPersonId,
          town_code: head.town_code,
          village_code: head.village_code,
          area: head.urban_rural,
          channel: 'LEGACY',
          model,
          facts: null,
          deadline: null,
          overall_due: null,
          // S1 Art.31, S4 #7: the first review falls due 12 (stable) or 6 months after the decision.
          next_review_on:
            c.scheme === 'TEKUN' ? addMonths(c.decidedOn, 12) : nextReviewDue(model as ActiveCase),
          applied_on: c.decidedOn,
          decided_on: c.decidedOn,
        },
        {
          type: 'LEGACY_MIGRATED',
          on: c.decidedOn,
          opinion: input.reason,
          payload: { sourceRef: c.sourceRef, amountFen: c.amountFen },
        },
      );
      await insertEntitlement(trx, {
        county_code: ctx.actor.countyCode,
        case_id: opened.id,
        version: 1,
        effective_from: from,
        amount_fen: c.amountFen,
        method:
          c.scheme === 'DIBAO' ? 'GAP' : c.scheme === 'DIBAO_SINGLE' ? 'FULL_STANDARD' : 'TEKUN_SUPPORT',
        area: c.scheme === 'TEKUN' ? (c.treatmentArea ?? head.urban_rural) : head.urban_rural,
        household_size: c.scheme === 'DIBAO' ? c.householdSize : 1,
        net_income_fen: c.scheme === 'DIBAO' ? c.netIncomeFen : 0,
        income_months: c.incomeMonths,
        care_level: c.careLevel,
        breakdown: [
          {
            code: 'legacy',
            zh: `原系统核定金额（${c.sourceRef}）`,
            en: `amount fixed in the previous system (${c.sourceRef})`,
            amountFen: c.amountFen,
            rule: '§2.4',
          },
        ],
        source: 'LEGACY',
        recalc_run_id: null,
        created_at: at,
      });
      created.push(opened);
    }
    return { created };
  });
}
