import type { Database } from '../../db/database.ts';
import { fieldError } from '../../platform/errors.ts';

// A public request has no session, so no county of its own: it names a village (the poster's QR
// code carries one), or the instance serves exactly one county (the usual deployment: one district
// bureau). A province-wide deployment with several counties must name the village.

export type PublicVillage = {
  countyCode: string;
  /** 9 digits, as household.town_code and assistance_case.town_code hold it. */
  townCode: string;
  villageCode: string;
  villageName: string;
  townName: string;
  urbanRuralCode: string | null;
};

/** The village a public request names, or a 400 that says which field is wrong. */
export async function publicVillage(db: Database, villageCode: string): Promise<PublicVillage> {
  const row = await db
    .selectFrom('admin_unit as v')
    .innerJoin('admin_unit as t', 't.code', 'v.parent_code')
    .select([
      'v.county_code',
      'v.code',
      'v.name',
      'v.urban_rural_code',
      't.code as town_code',
      't.name as town_name',
    ])
    .where('v.code', '=', villageCode)
    .where('v.level', '=', 'village')
    .where('v.valid_to', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw fieldError(
      'villageCode',
      `没有代码为 ${villageCode} 的村（居），请扫描本村海报上的二维码或重新选择`,
      `no village or community has the code ${villageCode}: scan your village's poster or choose again`,
    );
  return {
    countyCode: row.county_code,
    townCode: row.town_code.slice(0, 9),
    villageCode: row.code,
    villageName: row.name,
    townName: row.town_name,
    urbanRuralCode: row.urban_rural_code,
  };
}

/** The county of a public request: the named village's, else the instance's only county. */
export async function publicCounty(db: Database, villageCode?: string): Promise<string> {
  if (villageCode) return (await publicVillage(db, villageCode)).countyCode;
  const counties = await db
    .selectFrom('admin_unit')
    .select('county_code')
    .where('level', '=', 'county')
    .where('valid_to', 'is', null)
    .limit(2)
    .execute();
  if (counties.length !== 1)
    throw fieldError(
      'villageCode',
      '本平台服务多个区县，请注明村（居）代码',
      'this platform serves several counties: name the village code',
    );
  // The 6-digit county code (admin_unit.code is the 12-digit statistical code).
  return counties[0]!.county_code;
}
