import { benefitQuoteInput } from '../../../contracts/benefits.ts';
import { type SelfCheckResult, selfCheckInput } from '../../../contracts/policies.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { householdContext, personContexts } from '../../rules/cel/context-builder.ts';
import { compilePolicyExpression } from '../../rules/cel/policy-cel.ts';
import { quoteForCounty } from '../benefits/benefits.usecases.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { publicCounty, publicVillage } from '../portal/public-county.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import * as repo from './catalogue.repository.ts';
import type { CatalogueDeps } from './catalogue.usecases.ts';
import { toPublicPolicy } from './public-policies.usecases.ts';
import { policyWhy, quoteInputFor, schemeViews, selfCheckHousehold } from './self-check.models.ts';

// 自测 (§9.5 码上知): a citizen answers a few questions (no identity); the rules engine's quote says
// whether 低保 / 特困 / 低保边缘 may apply and why, and every active catalogue policy is judged on the
// same answers with the 低保 standard in force today for the area. Nothing is stored.

export async function selfCheck(deps: CatalogueDeps, body: unknown): Promise<SelfCheckResult> {
  const input = parseOr400(selfCheckInput, body);
  const village = input.villageCode ? await publicVillage(deps.db, input.villageCode) : null;
  const county = village?.countyCode ?? (await publicCounty(deps.db));
  const asOf = shanghaiDateOf(deps.clock.now());
  const params = await parametersFor(deps.db, county, asOf);
  const household = selfCheckHousehold(input, {
    dibaoStandardFen: params.dibao.standardFen[input.area],
    townCode: village?.townCode ?? '',
    villageCode: village?.villageCode ?? '',
  });
  const quote = await quoteForCounty(
    deps.db,
    county,
    parseOr400(benefitQuoteInput, quoteInputFor(input, asOf)),
  );

  const policies: SelfCheckResult['policies'] = [];
  const all = household.members.map((_, i) => i);
  for (const row of await repo.searchActivePolicies(deps.db, county, {})) {
    const run = compilePolicyExpression(row.eligibility);
    let forMembers: number[];
    if (row.subject === 'HOUSEHOLD') {
      const r = run(householdContext(household));
      forMembers = r.ok && r.value ? all : [];
    } else {
      forMembers = personContexts(household).flatMap((ctx, i) => {
        const r = run(ctx);
        return r.ok && r.value ? [i] : [];
      });
    }
    if (forMembers.length === 0) continue;
    policies.push({
      ...toPublicPolicy(row),
      forMembers,
      why: policyWhy(row.eligibility_text, household, row.subject === 'PERSON' ? forMembers : null),
    });
  }
  return { asOf, schemes: schemeViews(quote, input.receiving), policies };
}
