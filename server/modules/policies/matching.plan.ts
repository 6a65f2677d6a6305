import type { MatchState } from '../../../contracts/policies.ts';
import type { PolicyCelContext } from '../../rules/cel/context.ts';
import type { CompiledPolicy } from '../../rules/cel/policy-cel.ts';
import {
  alreadyReceives,
  type Evidence,
  type ExistingReferral,
  evidenceOf,
  planMatch,
  referralBlocks,
  referralReason,
} from './matching.models.ts';
import type { HouseholdContext } from './policy-context.ts';

// One batch of a matching run, decided in memory: every active policy (compiled once) against every
// subject of the batch's households — PERSON policies once per current member, HOUSEHOLD policies
// once per household with the head as `person` — and what that means for the stored matches and
// referrals. Pure: the use case reads the batch's matches and referrals before and writes the plan
// after, in one transaction.

export type RunPolicy = {
  id: string;
  code: string;
  departmentCode: string;
  subject: 'PERSON' | 'HOUSEHOLD';
  eligibilityText: string;
  referable: boolean;
  updatedAt: Date;
  run: CompiledPolicy;
  fields: readonly string[];
  /** 民政 schemes the policy gives (matching.models schemesGivenBy). */
  gives: readonly string[];
};

export type StoredMatch = { id: string; state: MatchState; firstMatchedOn: string };

export type Place = {
  householdId: string;
  personId: string | null;
  townCode: string;
  villageCode: string;
  evidence: string;
};
export type ReferralDraft = { departmentCode: string; reason: string };

export type BatchPlan = {
  evaluated: number;
  matched: number;
  /** New matches; `refer` when they go to the department at once. */
  open: (Place & { policyId: string; subjectKey: string; refer: ReferralDraft | null })[];
  /** Matches that still hold (a lapsed one reopens), with a referral when one is due. */
  keep: (Place & { id: string; policyId: string; reopened: boolean; refer: ReferralDraft | null })[];
  lapse: string[];
  errors: Map<string, { count: number; sample: string }>;
};

const key = (policyId: string, subjectKey: string) => `${policyId}|${subjectKey}`;

export function planBatch(
  contexts: readonly HouseholdContext[],
  policies: readonly RunPolicy[],
  stored: ReadonlyMap<string, StoredMatch>,
  referrals: ReadonlyMap<string, readonly ExistingReferral[]>,
): BatchPlan {
  const plan: BatchPlan = { evaluated: 0, matched: 0, open: [], keep: [], lapse: [], errors: new Map() };
  for (const c of contexts) {
    // One context object per subject: the CEL bindings are cached per object across policies.
    const ctxs: PolicyCelContext[] = c.persons.map((p) => ({ household: c.household, person: p.person }));
    const place = { householdId: c.householdId, townCode: c.townCode, villageCode: c.villageCode };
    for (const p of policies) {
      const subjects =
        p.subject === 'HOUSEHOLD'
          ? [{ subjectKey: c.householdId, personId: null, ctx: ctxs[0]!, schemes: c.household.activeSchemes }]
          : c.persons.map((m, i) => ({
              subjectKey: m.personId,
              personId: m.personId,
              ctx: ctxs[i]!,
              schemes: [...m.person.activeSchemes, ...c.household.activeSchemes],
            }));
      for (const s of subjects) {
        plan.evaluated += 1;
        const r = p.run(s.ctx);
        if (!r.ok) {
          const e = plan.errors.get(p.code);
          if (e) e.count += 1;
          else plan.errors.set(p.code, { count: 1, sample: r.error });
          continue;
        }
        if (r.value) plan.matched += 1;
        const existing = stored.get(key(p.id, s.subjectKey)) ?? null;
        const decided = planMatch({
          matched: r.value,
          existing,
          referable: p.referable,
          receiving: alreadyReceives(p.gives, s.schemes),
          blocked: existing !== null && referralBlocks(referrals.get(existing.id) ?? [], p.updatedAt),
        });
        if (decided.op === 'none') continue;
        if (decided.op === 'lapse') {
          plan.lapse.push(existing!.id);
          continue;
        }
        const evidence: Evidence = evidenceOf(p.fields, s.ctx);
        const at = { ...place, personId: s.personId, evidence: JSON.stringify(evidence) };
        const refer = decided.refer
          ? { departmentCode: p.departmentCode, reason: referralReason(p.eligibilityText, evidence) }
          : null;
        if (existing === null) plan.open.push({ ...at, policyId: p.id, subjectKey: s.subjectKey, refer });
        else
          plan.keep.push({ ...at, id: existing.id, policyId: p.id, reopened: decided.op === 'open', refer });
      }
    }
  }
  return plan;
}

export const storedKey = key;
