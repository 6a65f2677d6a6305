import { MONITORED_CATEGORIES } from '../../../contracts/monitoring.ts';
import { CEL_CONTEXT, type MatchState } from '../../../contracts/policies.ts';
import type { PolicyCelContext } from '../../rules/cel/context.ts';
import { fenToYuanString } from '../../rules/money.ts';

// "Policy finds the person" (§9.3; S6 §五(一) 一次申请、分类审核认定): what a matching run does with
// each (policy, subject) it evaluates, and the evidence and reason it hands the department. Pure and
// table-tested (matching.models.test.ts).

/**
 * 民政 policies delivered through the case lifecycle: a subject with a case of one of these schemes in
 * force already receives the policy, so the run records the match but refers nobody (§7.3 "avoid
 * duplicate help"). A CIVIL_AFFAIRS policy gives a scheme when its code, or the last part of its code
 * after a '-' or '_', names the scheme (DIBAO, DIBAO-SINGLE, TEKUN, EDGE, RIGID, TEMP; e.g. 'MZ-DIBAO',
 * 'MZ-DIBAO-SINGLE', 'MZ-EDGE' of the demo catalogue). Other departments' policies are known to be received
 * only through a GRANTED referral, which blocks a new one anyway.
 */
export const SCHEME_POLICY_CODES: Record<string, readonly string[]> = {
  DIBAO: ['DIBAO', 'DIBAO_SINGLE'],
  DIBAO_SINGLE: ['DIBAO_SINGLE'],
  TEKUN: ['TEKUN'],
  DIBAO_EDGE: ['DIBAO_EDGE'],
  EDGE: ['DIBAO_EDGE'],
  RIGID: ['RIGID'],
  TEMP: ['TEMP_URGENT', 'TEMP_EXPENDITURE'],
  TEMPORARY: ['TEMP_URGENT', 'TEMP_EXPENDITURE'],
};

const SCHEME_KEYS = Object.keys(SCHEME_POLICY_CODES).sort((a, b) => b.length - a.length);

export function schemesGivenBy(p: { departmentCode: string; code: string }): readonly string[] {
  if (p.departmentCode !== 'CIVIL_AFFAIRS') return [];
  const code = p.code.toUpperCase().replaceAll('-', '_');
  // Longest name first: 'MZ-DIBAO-SINGLE' is 单人保 and 'MZ_DIBAO_EDGE' 边缘, not 低保.
  const key = SCHEME_KEYS.find((k) => code === k || code.endsWith(`_${k}`));
  return key ? SCHEME_POLICY_CODES[key]! : [];
}

/** Does the subject already receive a scheme the policy gives? (person's own or its household's) */
export const alreadyReceives = (given: readonly string[], schemes: readonly string[]) =>
  given.some((s) => schemes.includes(s));

// ── What the run does with one (policy, subject) ────────────────────────────────────────────────

export type ExistingMatch = { state: MatchState; firstMatchedOn: string };
export type ExistingReferral = { state: 'PENDING' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN'; answeredAt: Date };

/**
 * A referral blocks a new one for the same policy and subject in any state ("not yet delivered"): a
 * pending one is being handled, a granted one is received, and a refusal (or a withdrawal) is final —
 * until the policy is edited after it (a new version of the policy may judge differently).
 */
export function referralBlocks(referrals: readonly ExistingReferral[], policyUpdatedAt: Date): boolean {
  return referrals.some(
    (r) =>
      r.state === 'PENDING' || r.state === 'GRANTED' || r.answeredAt.getTime() >= policyUpdatedAt.getTime(),
  );
}

export type MatchPlan =
  /** A new match, or a lapsed one matching again (a new spell from today). */
  | { op: 'open'; refer: boolean }
  /** Still matching: last_matched_on moves on; a refused one may be referred again (new policy version). */
  | { op: 'keep'; refer: boolean }
  | { op: 'lapse' }
  | { op: 'none' };

export function planMatch(i: {
  matched: boolean;
  existing: ExistingMatch | null;
  referable: boolean;
  receiving: boolean;
  blocked: boolean;
}): MatchPlan {
  const mayRefer = i.referable && !i.receiving && !i.blocked;
  const s = i.existing?.state ?? null;
  if (!i.matched) return s === 'ELIGIBLE' ? { op: 'lapse' } : { op: 'none' };
  if (s === null || s === 'LAPSED') return { op: 'open', refer: mayRefer };
  // PUSHED waits for the department; GRANTED is received; REFUSED is referred again only when the
  // policy changed after the refusal (then `blocked` is false).
  return { op: 'keep', refer: (s === 'ELIGIBLE' || s === 'REFUSED') && mayRefer };
}

// ── Evidence and reason ─────────────────────────────────────────────────────────────────────────

const KNOWN = new Set(CEL_CONTEXT.map((f) => f.path));

/** The context fields an expression reads (`household.x`, `person.y`), in CEL_CONTEXT order. */
export function fieldsRead(expression: string): string[] {
  const seen = new Set<string>();
  for (const m of expression.matchAll(/\b(household|person)\.([A-Za-z]+)\b/g)) {
    const path = `${m[1]}.${m[2]}`;
    if (KNOWN.has(path) && path !== 'household.members') seen.add(path);
  }
  return CEL_CONTEXT.map((f) => f.path).filter((p) => seen.has(p));
}

export type Evidence = Record<string, string | number | boolean | string[]>;

export function evidenceOf(fields: readonly string[], ctx: PolicyCelContext): Evidence {
  const out: Evidence = {};
  for (const path of fields) {
    const [root, key] = path.split('.') as ['household' | 'person', string];
    const v = (ctx[root] as unknown as Record<string, unknown>)[key];
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[path] = v;
    else if (Array.isArray(v)) out[path] = v.map(String);
  }
  return out;
}

const yes = (v: unknown) => (v ? '是' : '否');
const yuan = (v: unknown) => `${fenToYuanString(Math.round(Number(v)))} 元`;
const list = (v: unknown) => {
  const a = Array.isArray(v) ? v.map(String) : [];
  if (a.length === 0) return '无';
  return a.map((c) => MONITORED_CATEGORIES[c as keyof typeof MONITORED_CATEGORIES]?.zh ?? c).join('、');
};
const SELF_CARE_ZH: Record<string, string> = {
  SELF_CARE: '自理',
  PARTIAL_LOSS: '半自理',
  FULL_LOSS: '全护理',
  UNKNOWN: '未评估',
};

/** How each figure reads in a referral's reason (zh, for the department's staff). */
const FIGURES: Record<string, [string, (v: unknown) => string]> = {
  'household.size': ['家庭人口', (v) => `${v} 人`],
  'household.area': ['城乡', (v) => (v === 'urban' ? '城市' : '农村')],
  'household.townCode': ['镇街代码', String],
  'household.villageCode': ['村居代码', String],
  'household.monthlyIncomeFen': ['家庭月收入', yuan],
  'household.perCapitaIncomeFen': ['人均月收入', yuan],
  'household.dibaoStandardFen': ['低保标准', yuan],
  'household.incomeRatio': ['人均收入与低保标准之比', (v) => Number(v).toFixed(2)],
  'household.activeSchemes': ['正在享受的救助', (v) => (Array.isArray(v) && v.length ? v.join('、') : '无')],
  'household.categories': ['监测类别', list],
  'household.hasVehicle': ['有机动车', yes],
  'person.age': ['年龄', (v) => `${v} 周岁`],
  'person.sex': ['性别', (v) => (v === 'F' ? '女' : '男')],
  'person.isHead': ['户主', yes],
  'person.disabilityGrade': ['残疾等级', (v) => (Number(v) === 0 ? '无' : `${v} 级`)],
  'person.disabilityCategory': ['残疾类别', (v) => (Number(v) === 0 ? '无' : `第 ${v} 类`)],
  'person.selfCare': ['生活自理能力', (v) => SELF_CARE_ZH[String(v)] ?? String(v)],
  'person.inEducation': ['全日制在校', yes],
  'person.unemployed': ['失业或无业', yes],
  'person.seriousIllness': ['重特大疾病', yes],
  'person.monthlyIncomeFen': ['本人月收入', yuan],
  'person.categories': ['本人监测类别', list],
  'person.activeSchemes': ['本人享受的救助', (v) => (Array.isArray(v) && v.length ? v.join('、') : '无')],
};

/** "人均月收入 512.00 元，低保标准 840.00 元" */
export function figuresText(evidence: Evidence): string {
  return Object.entries(evidence)
    .map(([path, v]) => {
      const f = FIGURES[path];
      return f ? `${f[0]} ${f[1](v)}` : `${path} ${String(v)}`;
    })
    .join('，');
}

/** The referral's reason: the condition in words, then the figures the run read. */
export function referralReason(eligibilityText: string, evidence: Evidence): string {
  const figures = figuresText(evidence);
  const text = eligibilityText.trim().replace(/[。.；;]$/, '');
  return figures ? `${text}（${figures}）` : text;
}
