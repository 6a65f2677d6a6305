import { POLICY_DEPARTMENT_CODES } from '../../../contracts/policies.ts';
import type { Database } from '../../db/database.ts';

// The SQL of the printed posters and the leaflet: places (county, towns, villages) and the county's
// catalogue. Nothing here reads a person, a household or a case: these prints carry no personal data.

export type VillageRow = { code: string; name: string; townCode: string; townName: string };

/** Current villages of the county whose code starts with `prefix` (a county, town or village code). */
export const villagesUnder = (db: Database, countyCode: string, prefix: string): Promise<VillageRow[]> =>
  db
    .selectFrom('admin_unit as v')
    .innerJoin('admin_unit as t', 't.code', 'v.parent_code')
    .select(['v.code', 'v.name', 't.code as townCode', 't.name as townName'])
    .where('v.county_code', '=', countyCode)
    .where('v.level', '=', 'village')
    .where('v.valid_to', 'is', null)
    .where('v.code', 'like', `${prefix}%`)
    .orderBy('v.code')
    .execute();

/** The county's name from its division row (the code itself when the divisions are not loaded). */
export async function countyName(db: Database, countyCode: string): Promise<string> {
  const row = await db
    .selectFrom('admin_unit')
    .select('name')
    .where('code', '=', `${countyCode}000000`)
    .executeTakeFirst();
  return row?.name ?? countyCode;
}

/** Is there a current town of this code in the county? */
export async function townExists(db: Database, countyCode: string, townCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_unit')
    .select('code')
    .where('county_code', '=', countyCode)
    .where('level', '=', 'town')
    .where('code', '=', `${townCode}000`)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The bureau's own line: the contact phone of the catalogue's civil-affairs department. */
export async function bureauLine(db: Database, countyCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('policy_department')
    .select('contact_phone')
    .where('county_code', '=', countyCode)
    .where('code', '=', 'CIVIL_AFFAIRS')
    .executeTakeFirst();
  return row?.contact_phone.trim() || null;
}

export type CatalogueDepartment = { code: string; name: string; contactPhone: string };
export type CataloguePolicy = {
  code: string;
  departmentCode: string;
  name: string;
  eligibilityText: string;
  benefit: string;
  howToApply: string;
  contact: string;
};

/** §9.3's order of the departments; a county's own departments follow by code. */
const rank = (code: string) => {
  const i = (POLICY_DEPARTMENT_CODES as readonly string[]).indexOf(code);
  return i === -1 ? POLICY_DEPARTMENT_CODES.length : i;
};

/** The departments (all, or one) and their active policies, in print order. */
export async function activeCatalogue(
  db: Database,
  countyCode: string,
  departmentCode?: string,
): Promise<{ departments: CatalogueDepartment[]; policies: CataloguePolicy[] }> {
  let dq = db
    .selectFrom('policy_department')
    .select(['code', 'name', 'contact_phone as contactPhone'])
    .where('county_code', '=', countyCode);
  let pq = db
    .selectFrom('policy')
    .select([
      'code',
      'department_code as departmentCode',
      'name',
      'eligibility_text as eligibilityText',
      'benefit',
      'how_to_apply as howToApply',
      'contact',
    ])
    .where('county_code', '=', countyCode)
    .where('active', '=', true)
    .orderBy('code');
  if (departmentCode) {
    dq = dq.where('code', '=', departmentCode);
    pq = pq.where('department_code', '=', departmentCode);
  }
  const [departments, policies] = await Promise.all([dq.execute(), pq.execute()]);
  departments.sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  return { departments, policies };
}
