import type { z } from 'zod';
import {
  type PolicyDepartmentCode,
  type PublicPolicy,
  publicPolicyQuery,
} from '../../../contracts/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { publicCounty } from '../portal/public-county.ts';
import * as repo from './catalogue.repository.ts';
import type { CatalogueDeps } from './catalogue.usecases.ts';
import { policiesErrors } from './policies.errors.ts';

// 码上知 (§9.5): the catalogue as citizens read it, without signing in. Only active policies, and
// only what a citizen needs (no CEL, no counts, no staff names); the county is the poster's village's
// or the instance's only one.

export function toPublicPolicy(r: repo.PolicyRow): PublicPolicy {
  return {
    code: r.code,
    departmentCode: r.department_code as PolicyDepartmentCode,
    departmentName: r.department_name,
    name: r.name,
    summary: r.summary,
    legalBasis: r.legal_basis,
    targetCategories: r.target_categories,
    benefit: r.benefit,
    howToApply: r.how_to_apply,
    contact: r.contact,
    eligibilityText: r.eligibility_text,
  };
}

export async function listPublicPolicies(
  deps: CatalogueDeps,
  query: z.input<typeof publicPolicyQuery>,
): Promise<PublicPolicy[]> {
  const input = parseOr400(publicPolicyQuery, query);
  const county = await publicCounty(deps.db, input.villageCode);
  const rows = await repo.searchActivePolicies(deps.db, county, {
    ...(input.q ? { q: input.q } : {}),
    ...(input.departmentCode ? { departmentCode: input.departmentCode } : {}),
    ...(input.category ? { category: input.category } : {}),
  });
  return rows.map(toPublicPolicy);
}

export async function getPublicPolicy(
  deps: CatalogueDeps,
  code: string,
  villageCode?: string,
): Promise<PublicPolicy> {
  const county = await publicCounty(deps.db, villageCode);
  const [row] = await repo.searchActivePolicies(deps.db, county, { code });
  if (!row) throw policiesErrors.policyNotFound();
  return toPublicPolicy(row);
}
