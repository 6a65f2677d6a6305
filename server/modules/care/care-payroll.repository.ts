import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RunScope } from '../payroll/payroll.repository.ts';

// The CARE payroll scheme's steps (§5.4 purchased care; issue 5 "care payments"): the provider is
// paid the basis the town verified, one line per covered person's case and contract-month, payee
// PROVIDER. Like every payroll step these are set-based INSERT … SELECT … ON CONFLICT DO NOTHING and
// the line key (county, scheme, month, case, kind, item) is the idempotency rule. The item is
// "<contract id>:<YYYY-MM of the verified month>": a month verified late is paid by the next run,
// and never twice (the not-exists over other months). Only VERIFIED verifications are read.

type Db = Kysely<DB>;

const COLUMNS = sql.raw(`county_code, scheme, month, case_id, kind, item, run_id, household_id, town_code,
  village_code, payee, institution_id, provider_id, entitlement_version, gross_fen, reason`);

const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

export async function insertCareBasis(db: Db, s: RunScope): Promise<number> {
  const item = sql`l.contract_id::text || ':' || to_char(l.month, 'YYYY-MM')`;
  const r = await sql`
    insert into payroll_line (${COLUMNS})
    select l.county_code, ${s.scheme}, ${s.month}::date, l.case_id, 'CARE', ${item}, ${s.runId}::uuid, c.household_id,
      c.town_code, c.village_code, 'PROVIDER', null, l.provider_id, null, l.basis_fen,
      jsonb_build_object('rule', '§5.4 政府购买第三方照料：按镇街月度核验结果支付服务机构', 'forMonth', l.month,
        'verificationId', l.verification_id, 'contractId', l.contract_id, 'feeFen', l.fee_fen,
        'coveredDays', l.covered_days, 'requiredVisits', l.required_visits, 'countedVisits', l.counted_visits)
    from care_verification_line l
    join care_verification v on v.county_code = l.county_code and v.id = l.verification_id and v.status = 'VERIFIED'
    join assistance_case c on c.county_code = l.county_code and c.id = l.case_id
    where l.county_code = ${s.county} and l.month <= ${s.month}::date and l.basis_fen > 0
      and not exists (select 1 from payroll_line x where x.county_code = l.county_code and x.case_id = l.case_id
        and x.scheme = ${s.scheme} and x.kind = 'CARE' and x.item = ${item} and x.month <> ${s.month}::date)
    on conflict do nothing`.execute(db);
  return affected(r);
}

/** Payroll rule 4 for CARE lines: a line the bank failed is reissued once, to the same provider. */
export async function insertCareReissues(db: Db, s: RunScope): Promise<number> {
  const item = sql`to_char(l.month, 'YYYY-MM') || ':' || l.kind || ':' || l.item`;
  const r = await sql`
    insert into payroll_line (${COLUMNS})
    select l.county_code, l.scheme, ${s.month}::date, l.case_id, 'REISSUE', ${item}, ${s.runId}::uuid, l.household_id,
      l.town_code, l.village_code, l.payee, l.institution_id, l.provider_id, l.entitlement_version, l.net_fen,
      jsonb_build_object('rule', '银行发放失败重发 reissue of a failed bank payment', 'originalMonth', l.month,
        'originalKind', l.kind, 'originalItem', l.item, 'bankReason', l.bank_reason)
    from payroll_line l
    join payroll_run pr on pr.county_code = l.county_code and pr.id = l.run_id and pr.status = 'APPROVED'
    where l.county_code = ${s.county} and l.scheme = ${s.scheme} and l.bank_status = 'FAILED'
      and l.month < ${s.month}::date and l.net_fen > 0
      and not exists (select 1 from payroll_line x where x.county_code = l.county_code and x.case_id = l.case_id
        and x.scheme = l.scheme and x.kind = 'REISSUE' and x.item = ${item} and x.month <> ${s.month}::date)
    on conflict do nothing`.execute(db);
  return affected(r);
}

export const CARE_PAYROLL_STEPS: [string, (db: Db, s: RunScope) => Promise<number>][] = [
  ['care', insertCareBasis],
  ['reissue', insertCareReissues],
];
