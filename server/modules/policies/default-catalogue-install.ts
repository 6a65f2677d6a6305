import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/policies.ts';
import * as repo from './catalogue.repository.ts';
import { type CatalogueDeps, checkPolicyInput, insertPolicy } from './catalogue.usecases.ts';
import { DEFAULT_DEPARTMENTS, DEFAULT_POLICIES } from './default-catalogue.ts';

// Installs the demo catalogue (§9.3) into the caller's county through the same checks as the editor
// (zod, then the CEL validation). Idempotent: a department or policy whose code exists is left as the
// county has it, so running it again adds nothing and never overwrites a county's edits.

export type InstallResult = { departmentsAdded: number; policiesAdded: number };

export async function installDefaultCatalogue(
  deps: CatalogueDeps,
  ctx: RequestContext,
): Promise<InstallResult> {
  requirePermission(ctx.actor, 'policies.manage');
  const policies = DEFAULT_POLICIES.map((p) => checkPolicyInput(p));
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    let departmentsAdded = 0;
    for (const d of DEFAULT_DEPARTMENTS) {
      if (await repo.findDepartment(trx, county, d.code)) continue;
      await repo.ensureDepartment(trx, {
        county_code: county,
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        contact_phone: d.contactPhone,
        answer_working_days: d.answerWorkingDays,
        created_at: at,
        updated_at: at,
      });
      departmentsAdded++;
    }
    let policiesAdded = 0;
    for (const p of policies) {
      if (await repo.findPolicyByCode(trx, county, p.code)) continue;
      await insertPolicy(trx, ctx, p, at);
      policiesAdded++;
    }
    if (departmentsAdded + policiesAdded > 0)
      await appendAudit(trx, at, [
        {
          countyCode: county,
          ...auditActor(ctx),
          action: 'policies.catalogue_installed',
          recordType: 'policy_catalogue',
          recordId: county,
          detail: { departmentsAdded, policiesAdded },
        },
      ]);
    return { departmentsAdded, policiesAdded };
  });
}
