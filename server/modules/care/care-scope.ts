import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { jurisdictionFilter } from '../../platform/policies.ts';

// Who sees which care data (architecture convention 7). A provider account (role care_provider) is
// county-wide by role but sees only its own organisation: the provider comes from our mapping
// care_provider_user, never from the request. Staff roles see their division (county, town, village).

type Db = Kysely<DB> | Transaction<DB>;

export type CareScope = {
  county: string;
  /** Set for a provider account: every query filters by it. */
  providerId: string | null;
  /** The provider account's own carer, when the account belongs to one. */
  staffId: string | null;
  column: 'county_code' | 'town_code' | 'village_code';
  value: string;
};

export async function careScope(db: Db, ctx: RequestContext): Promise<CareScope> {
  const county = ctx.actor.countyCode;
  if (ctx.actor.role === 'care_provider') {
    const link = await db
      .selectFrom('care_provider_user')
      .select(['provider_id', 'staff_id'])
      .where('county_code', '=', county)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (!link)
      throw new AppError(
        'care.account_unlinked',
        403,
        '该账号未关联照护服务机构，请联系区民政局',
        'this account is not linked to a care provider; ask the district bureau',
      );
    return {
      county,
      providerId: link.provider_id,
      staffId: link.staff_id,
      column: 'county_code',
      value: county,
    };
  }
  const f = jurisdictionFilter(ctx.actor);
  return { county, providerId: null, staffId: null, ...f };
}

export const providerNotFound = () =>
  errors.notFound('照护服务机构', 'The care provider', 'care.provider_not_found');
export const contractNotFound = () =>
  errors.notFound('照护服务合同', 'The care contract', 'care.contract_not_found');
export const coverageNotFound = () =>
  errors.notFound('服务对象（合同覆盖人员）', 'The covered person', 'care.coverage_not_found');
export const verificationNotFound = () =>
  errors.notFound('月度核验', 'The monthly verification', 'care.verification_not_found');
