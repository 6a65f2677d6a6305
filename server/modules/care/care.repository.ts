import { type Kysely, sql, type Transaction } from 'kysely';
import { CARE_LEVELS, type CareLevelCode } from '../../../contracts/care.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_PLANS, type PlanDefault } from './care.models.ts';
import type { CareScope } from './care-scope.ts';

// Reads and the few shared writes of contracts, coverage and plans (§5.4 CareServiceContract).

type Db = Kysely<DB> | Transaction<DB>;

/** Seeds the county's default plans once (§5.3 levels); a district's own changes are kept. */
export async function ensurePlanDefaults(db: Db, county: string, at: Date) {
  await db
    .insertInto('care_plan_default')
    .values(
      CARE_LEVELS.map((level) => ({
        county_code: county,
        care_level: level,
        visits_per_month: DEFAULT_PLANS[level].visitsPerMonth,
        min_minutes: DEFAULT_PLANS[level].minMinutes,
        items: JSON.stringify(DEFAULT_PLANS[level].items),
        updated_by: null,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['county_code', 'care_level']).doNothing())
    .execute();
}

export async function planDefaults(db: Db, county: string): Promise<Record<CareLevelCode, PlanDefault>> {
  const rows = await db
    .selectFrom('care_plan_default')
    .selectAll()
    .where('county_code', '=', county)
    .execute();
  const out = { ...DEFAULT_PLANS };
  for (const r of rows)
    out[r.care_level] = {
      visitsPerMonth: r.visits_per_month,
      minMinutes: r.min_minutes,
      items: r.items as never,
    };
  return out;
}

/** Contracts visible in the scope: a provider its own; a town those of its town; the county all. */
export function contractsIn(db: Db, scope: CareScope) {
  return db
    .selectFrom('care_contract as k')
    .innerJoin('care_provider as p', (j) =>
      j.onRef('p.county_code', '=', 'k.county_code').onRef('p.id', '=', 'k.provider_id'),
    )
    .selectAll('k')
    .select('p.name as provider_name')
    .where('k.county_code', '=', scope.county)
    .$if(scope.providerId !== null, (q) => q.where('k.provider_id', '=', scope.providerId as string))
    .$if(scope.column === 'town_code', (q) => q.where('k.town_code', '=', scope.value))
    .$if(scope.column === 'village_code', (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('care_contract_person as x')
            .select('x.id')
            .whereRef('x.county_code', '=', 'k.county_code')
            .whereRef('x.contract_id', '=', 'k.id')
            .where('x.village_code', '=', scope.value),
        ),
      ),
    );
}

export type CoverageRow = {
  id: string;
  contract_id: string;
  service_type: string;
  case_id: string;
  case_no: string;
  person_id: string;
  name_mask: string;
  town_code: string;
  village_code: string;
  care_level: CareLevelCode;
  from_on: string;
  to_on: string;
  plan_level: CareLevelCode;
  visits_per_month: number;
  min_minutes: number;
  items: string[];
  visits_this_month: number;
};

/** Coverage rows with plans and this month's visit count, in the scope (village: its persons only). */
export async function coverages(
  db: Db,
  scope: CareScope,
  opts: { contractIds?: string[]; activeOn?: string; month: string },
) {
  const r = await sql<CoverageRow>`
    select x.id, x.contract_id, x.service_type, x.case_id, c.case_no, x.person_id, p.name_mask, x.town_code,
      x.village_code, x.care_level, to_char(x.from_on, 'YYYY-MM-DD') as from_on, to_char(x.to_on, 'YYYY-MM-DD') as to_on,
      pl.care_level as plan_level, pl.visits_per_month, pl.min_minutes, pl.items,
      (select count(*)::int4 from care_visit v where v.county_code = x.county_code and v.coverage_id = x.id
        and v.visit_on >= ${opts.month}::date and v.visit_on < ${opts.month}::date + interval '1 month') as visits_this_month
    from care_contract_person x
    join care_contract k on k.county_code = x.county_code and k.id = x.contract_id
    join care_plan pl on pl.county_code = x.county_code and pl.coverage_id = x.id
    join assistance_case c on c.county_code = x.county_code and c.id = x.case_id
    join person p on p.county_code = x.county_code and p.id = x.person_id
    where x.county_code = ${scope.county}
      ${scope.providerId ? sql`and k.provider_id = ${scope.providerId}::uuid` : sql``}
      ${scope.column === 'county_code' ? sql`` : sql`and x.${sql.ref(scope.column)} = ${scope.value}`}
      ${opts.contractIds ? sql`and x.contract_id = any(${opts.contractIds}::uuid[])` : sql``}
      ${opts.activeOn ? sql`and x.from_on <= ${opts.activeOn}::date and x.to_on >= ${opts.activeOn}::date and k.status = 'ACTIVE'` : sql``}
    order by x.village_code, p.name_mask, x.from_on`.execute(db);
  return r.rows;
}
