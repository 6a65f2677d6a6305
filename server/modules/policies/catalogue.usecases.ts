import type { Transaction } from 'kysely';
import type { MonitoredCategory } from '../../../contracts/monitoring.ts';
import {
  type DepartmentView,
  departmentInput,
  POLICY_DEPARTMENT_CODES,
  POLICY_DEPARTMENTS,
  type PolicyDepartmentCode,
  type PolicyInput,
  type PolicyView,
  policyInput,
  policyUpdateInput,
  type ValidateExpressionResult,
  validateExpressionInput,
} from '../../../contracts/policies.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { validatePolicyExpression } from '../../rules/cel/policy-cel.ts';
import { parseOr400 } from '../cases/case-support.ts';
import * as repo from './catalogue.repository.ts';
import { policiesErrors } from './policies.errors.ts';
import { toPublicPolicy } from './public-policies.usecases.ts';

// The catalogue of §9.3 ("泰汇救"): departments and their policies, each with an eligibility
// condition in CEL that is validated whenever it is saved (a policy with an invalid condition is
// never stored, so the matcher can rely on every stored expression compiling).

export type CatalogueDeps = { db: Database; clock: Clock };

/** Working days a department has to answer a referral until the county sets its own (§7.4: 10 WD). */
export const DEFAULT_ANSWER_WORKING_DAYS = 10;

/** The staff's view: what the public sees, and the rule, its state and its use. */
export function toPolicyView(r: repo.PolicyRow): PolicyView {
  return {
    id: r.id,
    ...toPublicPolicy(r),
    targetCategories: r.target_categories as MonitoredCategory[],
    subject: r.subject,
    eligibility: r.eligibility,
    referable: r.referable,
    active: r.active,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    matchCount: r.match_count,
  };
}

export async function listPolicies(deps: CatalogueDeps, ctx: RequestContext): Promise<PolicyView[]> {
  requirePermission(ctx.actor, 'policies.read');
  const rows = await repo.listPolicies(deps.db, ctx.actor.countyCode, jurisdictionFilter(ctx.actor));
  return rows.map(toPolicyView);
}

export async function getPolicy(deps: CatalogueDeps, ctx: RequestContext, id: string): Promise<PolicyView> {
  requirePermission(ctx.actor, 'policies.read');
  const [row] = await repo.listPolicies(deps.db, ctx.actor.countyCode, jurisdictionFilter(ctx.actor), { id });
  if (!row) throw policiesErrors.policyNotFound();
  return toPolicyView(row);
}

export function validateExpression(ctx: RequestContext, body: unknown): ValidateExpressionResult {
  requirePermission(ctx.actor, 'policies.read');
  const input = parseOr400(validateExpressionInput, body);
  const issues = validatePolicyExpression(input.expression, input.subject);
  return { ok: issues.length === 0, issues };
}

type ParsedPolicy = ReturnType<typeof policyInput.parse>;

/** zod, then the expression: 400 with field issues, or policies.invalid_expression with positions. */
export function checkPolicyInput(body: unknown): ParsedPolicy {
  const input = parseOr400(policyInput, body);
  const issues = validatePolicyExpression(input.eligibility, input.subject);
  if (issues.length > 0) throw policiesErrors.invalidExpression(issues);
  return input;
}

const columns = (input: ParsedPolicy) => ({
  code: input.code,
  department_code: input.departmentCode,
  name: input.name,
  summary: input.summary,
  legal_basis: input.legalBasis,
  target_categories: input.targetCategories,
  benefit: input.benefit,
  how_to_apply: input.howToApply,
  contact: input.contact,
  subject: input.subject,
  eligibility: input.eligibility,
  eligibility_text: input.eligibilityText,
  referable: input.referable,
  active: input.active,
});

/** The department's row, created with the §9.3 defaults when the county has none yet. */
export async function ensureDepartment(
  trx: Transaction<DB>,
  county: string,
  code: PolicyDepartmentCode,
  at: Date,
) {
  const d = POLICY_DEPARTMENTS[code];
  await repo.ensureDepartment(trx, {
    county_code: county,
    code,
    name: d.zh,
    name_en: d.en,
    contact_phone: '',
    answer_working_days: DEFAULT_ANSWER_WORKING_DAYS,
    created_at: at,
    updated_at: at,
  });
}

/** Inserts a checked policy and audits it, inside the caller's transaction. */
export async function insertPolicy(
  trx: Transaction<DB>,
  ctx: RequestContext,
  input: ParsedPolicy,
  at: Date,
): Promise<string> {
  const county = ctx.actor.countyCode;
  if (await repo.findPolicyByCode(trx, county, input.code)) throw policiesErrors.duplicateCode(input.code);
  await ensureDepartment(trx, county, input.departmentCode, at);
  const id = await repo.insertPolicy(trx, {
    county_code: county,
    ...columns(input),
    created_at: at,
    updated_at: at,
    updated_by: auditActor(ctx).actorId,
  });
  await appendAudit(trx, at, [
    {
      countyCode: county,
      ...auditActor(ctx),
      action: 'policies.policy_created',
      recordType: 'policy',
      recordId: id,
      detail: { code: input.code, department: input.departmentCode, eligibility: input.eligibility },
    },
  ]);
  return id;
}

export async function createPolicy(deps: CatalogueDeps, ctx: RequestContext, body: PolicyInput) {
  requirePermission(ctx.actor, 'policies.manage');
  const input = checkPolicyInput(body);
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute((trx) => insertPolicy(trx, ctx, input, at));
  return getPolicy(deps, ctx, id);
}

export async function updatePolicy(deps: CatalogueDeps, ctx: RequestContext, id: string, body: unknown) {
  requirePermission(ctx.actor, 'policies.manage');
  const { version } = parseOr400(policyUpdateInput, body);
  const input = checkPolicyInput(body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const current = await repo.lockPolicy(trx, county, id);
    if (!current) throw policiesErrors.policyNotFound();
    if (version !== undefined && version !== current.version)
      throw policiesErrors.versionConflict(current.version);
    if (input.code !== current.code) {
      const clash = await repo.findPolicyByCode(trx, county, input.code);
      if (clash && clash.id !== id) throw policiesErrors.duplicateCode(input.code);
    }
    await ensureDepartment(trx, county, input.departmentCode, at);
    await repo.updatePolicy(trx, county, id, {
      ...columns(input),
      updated_at: at,
      updated_by: auditActor(ctx).actorId,
    });
    const changed = (Object.keys(columns(input)) as (keyof ReturnType<typeof columns>)[]).filter(
      (k) => JSON.stringify(current[k]) !== JSON.stringify(columns(input)[k]),
    );
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'policies.policy_updated',
        recordType: 'policy',
        recordId: id,
        detail: {
          code: input.code,
          version: current.version + 1,
          changed,
          ...(changed.includes('eligibility')
            ? { before: current.eligibility, after: input.eligibility }
            : {}),
        },
      },
    ]);
  });
  return getPolicy(deps, ctx, id);
}

function departmentView(code: PolicyDepartmentCode, row: repo.DepartmentCounts | undefined): DepartmentView {
  const d = POLICY_DEPARTMENTS[code];
  return {
    code,
    name: row?.name ?? d.zh,
    nameEn: row?.name_en ?? d.en,
    contactPhone: row?.contact_phone ?? '',
    answerWorkingDays: row?.answer_working_days ?? DEFAULT_ANSWER_WORKING_DAYS,
    policyCount: row?.policy_count ?? 0,
    pendingReferrals: row?.pending_referrals ?? 0,
    overdueReferrals: row?.overdue_referrals ?? 0,
  };
}

/** The 12 departments of §9.3 (with the §9.3 defaults where the county has not set its own). */
export async function listDepartments(deps: CatalogueDeps, ctx: RequestContext): Promise<DepartmentView[]> {
  requirePermission(ctx.actor, 'policies.read');
  const today = shanghaiDateOf(deps.clock.now());
  const rows = await repo.listDepartments(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    today,
  );
  return POLICY_DEPARTMENT_CODES.map((code) =>
    departmentView(
      code,
      rows.find((r) => r.code === code),
    ),
  );
}

export async function updateDepartment(
  deps: CatalogueDeps,
  ctx: RequestContext,
  code: PolicyDepartmentCode,
  body: unknown,
): Promise<DepartmentView> {
  requirePermission(ctx.actor, 'policies.manage');
  if (!POLICY_DEPARTMENT_CODES.includes(code)) throw policiesErrors.departmentNotFound(code);
  const input = parseOr400(departmentInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await ensureDepartment(trx, county, code, at);
    const before = await repo.findDepartment(trx, county, code);
    await repo.updateDepartment(trx, county, code, {
      name: input.name,
      name_en: input.nameEn,
      contact_phone: input.contactPhone,
      answer_working_days: input.answerWorkingDays,
      updated_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'policies.department_updated',
        recordType: 'policy_department',
        recordId: code,
        detail: {
          before: before && { name: before.name, answerWorkingDays: before.answer_working_days },
          after: { name: input.name, answerWorkingDays: input.answerWorkingDays },
        },
      },
    ]);
  });
  const all = await listDepartments(deps, ctx);
  return all.find((d) => d.code === code) as DepartmentView;
}
