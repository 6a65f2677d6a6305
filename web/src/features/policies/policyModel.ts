// Pure helpers of the catalogue and matching tabs: bilingual labels from the contracts, the catalogue
// search, the form values of a policy and the division filter of the matches.
import { MONITORED_CATEGORIES, MONITORED_CATEGORY_CODES } from '../../../../contracts/monitoring.ts';
import {
  POLICY_DEPARTMENT_CODES,
  POLICY_DEPARTMENTS,
  type PolicyDepartmentCode,
} from '../../../../contracts/policies.ts';
import type { PolicyInput, PolicyView } from '../../api/policies.ts';

type Lang = 'zh' | 'en';

export const departmentLabel = (code: string, lang: Lang) =>
  code in POLICY_DEPARTMENTS ? POLICY_DEPARTMENTS[code as PolicyDepartmentCode][lang] : code;
export const departmentOptions = (lang: Lang) =>
  POLICY_DEPARTMENT_CODES.map((c) => ({ value: c, label: POLICY_DEPARTMENTS[c][lang] }));
export const categoryLabel = (code: string, lang: Lang) =>
  code in MONITORED_CATEGORIES ? MONITORED_CATEGORIES[code as keyof typeof MONITORED_CATEGORIES][lang] : code;
export const categoryOptions = (lang: Lang) =>
  MONITORED_CATEGORY_CODES.map((c) => ({ value: c, label: MONITORED_CATEGORIES[c][lang] }));

/** The catalogue search: a department, and text found in the code, name, summary or condition. */
export function filterPolicies(
  items: readonly PolicyView[],
  q: string,
  departmentCode: PolicyDepartmentCode | undefined,
): PolicyView[] {
  const needle = q.trim().toLowerCase();
  return items.filter(
    (p) =>
      (!departmentCode || p.departmentCode === departmentCode) &&
      (!needle ||
        [p.code, p.name, p.summary, p.eligibilityText, p.departmentName].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
}

/** The fields of the editor form for a policy (all of policyInput). */
export function policyFormValues(p: PolicyView): PolicyInput {
  return {
    code: p.code,
    departmentCode: p.departmentCode,
    name: p.name,
    summary: p.summary,
    legalBasis: p.legalBasis,
    targetCategories: [...p.targetCategories],
    benefit: p.benefit,
    howToApply: p.howToApply,
    contact: p.contact,
    subject: p.subject,
    eligibility: p.eligibility,
    eligibilityText: p.eligibilityText,
    referable: p.referable,
    active: p.active,
  };
}

export const NEW_POLICY: Partial<PolicyInput> = {
  subject: 'PERSON',
  targetCategories: [],
  referable: true,
  active: true,
  eligibility: '',
};

/** The division filter (6, 9 or 12 digits) as the matches query: a town or a village, none for the county. */
export function divisionQuery(code: string | undefined): { townCode?: string; villageCode?: string } {
  if (!code) return {};
  if (code.length === 12) return { villageCode: code };
  if (code.length === 9) return { townCode: code };
  return {};
}
