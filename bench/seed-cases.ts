import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../server/db/database.ts';
import type { PersonalDataCipher } from '../server/platform/crypto.ts';
import { makeIdNumber } from '../server/rules/id-number.ts';
import { maskBankAccount, maskIdNumber, maskName } from '../server/rules/masking.ts';
import { type Cluster, databaseUrl, startCluster } from './pg-cluster.ts';

// Shared by the recalc and payroll benches: the database (embedded PGlite in a temp folder by
// default, fsync at every commit as shipped; BENCH_ENGINE=pg a throwaway PostgreSQL server, or
// BENCH_DATABASE_URL) and N active cases seeded with set-based SQL, one household and one current
// entitlement (version 1, from ENTITLEMENT_FROM) each. With `payees` (the payroll bench's bank
// file) every household also gets its head: a person with a valid, unique ID number, a name and a
// bank account sealed by the platform cipher, as the bank-file export decrypts them.

export const BENCH_COUNTY = '370971';
/** The month every seeded entitlement starts, also the cases' first paid month (model.paidFrom). */
export const ENTITLEMENT_FROM = '2026-02-01';
/** 2026 shipped defaults of the 低保 standards the seeded amounts are computed with. */
export const OLD_STANDARDS = { urban: 100_000, rural: 80_000 };

export const usesServer = () => process.env.BENCH_ENGINE === 'pg' || !!process.env.BENCH_DATABASE_URL;

export async function openBenchDb(
  tmp: string,
  name: string,
): Promise<{ h: DatabaseHandle; cluster?: Cluster }> {
  if (!usesServer()) return { h: await openPglite({ dataDir: path.join(tmp, 'pglite') }) };
  const cluster = await startCluster();
  const c = new pg.Client({ connectionString: cluster.admin });
  await c.connect();
  await c.query(`drop database if exists ${name}`);
  await c.query(`create database ${name}`);
  await c.end();
  return { h: await openPostgres(databaseUrl(cluster.admin, name)), cluster };
}

/** The 2026 gap amount in SQL, the formula of dibaoGapFen (round half-up to the yuan). */
export const gapSql = (std: string) =>
  `floor((2 * (household_size * ${std} * income_months - net_income_fen) + income_months * 100)
    / (2 * income_months * 100)) * 100`;

/**
 * N households, N ACTIVE cases (stage and state) and one current entitlement each. With `tekun`
 * every tenth case is 特困 (TEKUN_SUPPORT), as the recalc bench has it; without, every case is 低保
 * (DIBAO, or DIBAO_SINGLE for every tenth but one) and the tenth ones are GAP cases too.
 */
export async function seedCases(
  h: DatabaseHandle,
  cases: number,
  opts: { tekun: boolean; payees?: PersonalDataCipher },
) {
  const county = BENCH_COUNTY;
  if (opts.payees) await seedPayees(h, cases, opts.payees);
  // Person n heads household n and is the subject of case n when it is a one-person scheme.
  const head = opts.payees ? sql`md5('p' || n)::uuid` : sql`null::uuid`;
  const subject = opts.payees
    ? sql`case when n % 10 in (0, 1) then md5('p' || n)::uuid end`
    : sql`null::uuid`;
  const tenth = opts.tekun ? 'TEKUN' : 'DIBAO';
  const tenthMethod = opts.tekun ? 'TEKUN_SUPPORT' : 'GAP';
  const special = opts.tekun ? '(0, 1)' : '(1)';
  // Deterministic uuids from the row number (md5), spread like gen_random_uuid() ids.
  const steps = [
    sql`
      insert into household (county_code, id, household_no, town_code, village_code, urban_rural, head_person_id,
        created_at, updated_at)
      select ${county}, md5('h' || n)::uuid, 'H' || lpad(n::text, 8, '0'), '370971001',
        '370971001' || (201 + n % 30)::text, case when n % 2 = 0 then 'urban' else 'rural' end, ${head}, now(), now()
      from generate_series(1, ${cases}::int) n`,
    sql`
      insert into assistance_case (county_code, id, case_no, scheme, stage, state, household_id,
        subject_person_id, town_code, village_code, area, channel, model, legacy, applied_on, decided_on,
        created_at, updated_at)
      select ${county}, md5('c' || n)::uuid, 'DB2026' || lpad(n::text, 8, '0'),
        case when n % 10 = 0 then ${tenth} when n % 10 = 1 then 'DIBAO_SINGLE' else 'DIBAO' end,
        'ACTIVE', 'ACTIVE', md5('h' || n)::uuid, ${subject}, '370971001', '370971001' || (201 + n % 30)::text,
        case when n % 2 = 0 then 'urban' else 'rural' end, 'LEGACY',
        jsonb_build_object('paidFrom', ${ENTITLEMENT_FROM}::text), true, '2026-01-10', '2026-01-10', now(), now()
      from generate_series(1, ${cases}::int) n`,
    // Per-capita income below the standard: net = size × 12 × (0 … 59 % of the rural standard).
    sql.raw(`
      insert into entitlement (county_code, case_id, version, effective_from, amount_fen, method, area,
        household_size, net_income_fen, income_months, care_level, breakdown, source, is_current, created_at)
      select county_code, case_id, 1, '${ENTITLEMENT_FROM}',
        case method
          when 'GAP' then ${gapSql('std')}
          when 'FULL_STANDARD' then std
          else std * 13 / 10 + case care_level when 'SELF_CARE' then 20000 when 'PARTIAL_LOSS' then 60000
            else 120000 end
        end,
        method, area, household_size, net_income_fen, income_months, care_level, '[]'::jsonb, 'LEGACY', true, now()
      from (
        select '${county}' as county_code, md5('c' || n)::uuid as case_id,
          case when n % 10 = 0 then '${tenthMethod}' when n % 10 = 1 then 'FULL_STANDARD' else 'GAP' end as method,
          case when n % 2 = 0 then 'urban' else 'rural' end as area,
          case when n % 2 = 0 then ${OLD_STANDARDS.urban} else ${OLD_STANDARDS.rural} end as std,
          case when n % 10 = 1 then 1 else 1 + (n / 7) % 5 end::smallint as household_size,
          case when n % 10 in ${special} then 0
            else (1 + (n / 7) % 5) * 12 * ((n::bigint * 7919) % 60) * ${OLD_STANDARDS.rural} / 100 + n % 97 end as net_income_fen,
          12::smallint as income_months,
          case when '${tenthMethod}' <> 'TEKUN_SUPPORT' or n % 10 <> 0 then null when n % 3 = 0 then 'SELF_CARE'
            when n % 3 = 1 then 'PARTIAL_LOSS' else 'FULL_LOSS' end as care_level
        from generate_series(1, ${cases}) n
      ) s`),
  ];
  for (const s of steps) await s.execute(h.db);
  await sql`analyze`.execute(h.db);
}

const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林');
const GIVEN = '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛'.split(' ');
const AREAS = ['370902', '370911', '370921', '370923', '370982', '370983'];
const PAYEE_BATCH = 10_000;

/**
 * Person n (id md5('p' || n)): sealed in JS with the platform cipher (SM4 ciphertexts and HMAC-SM3
 * blind indexes cannot be made in SQL), written in batches as hex text arrays unnested by the
 * server (text arrays bind the same way on pg and PGlite). ID numbers are unique: 1,000 sequence
 * numbers × 6 areas per birth date.
 */
const DAY0 = Date.UTC(1950, 0, 1);
const birthOf = (n: number) => new Date(DAY0 + Math.floor(n / 6000) * 86_400_000).toISOString().slice(0, 10);

/** The ID number of seeded person n (unique for n < 6,000 × 365 × 70): the compare bench's feed names them. */
export const payeeIdNumber = (n: number) =>
  makeIdNumber(AREAS[Math.floor(n / 1000) % 6]!, birthOf(n), n % 1000);

async function seedPayees(h: DatabaseHandle, cases: number, cipher: PersonalDataCipher) {
  for (let from = 1; from <= cases; from += PAYEE_BATCH) {
    const cols = {
      n: [] as number[],
      idEnc: [] as string[],
      idBidx: [] as string[],
      idMask: [] as string[],
      nameEnc: [] as string[],
      nameBidx: [] as string[],
      nameMask: [] as string[],
      sex: [] as number[],
      birth: [] as string[],
      accEnc: [] as string[],
      accMask: [] as string[],
    };
    for (let n = from; n < Math.min(from + PAYEE_BATCH, cases + 1); n++) {
      const birth = birthOf(n);
      const seq = n % 1000;
      const id = payeeIdNumber(n);
      const name = SURNAMES[n % 16]! + GIVEN[Math.floor(n / 16) % 16]!;
      const account = `622848${String(n).padStart(13, '0')}`;
      cols.n.push(n);
      cols.idEnc.push(cipher.encrypt(id).toString('hex'));
      cols.idBidx.push(cipher.blindIndex('id_number', id).toString('hex'));
      cols.idMask.push(maskIdNumber(id));
      cols.nameEnc.push(cipher.encrypt(name).toString('hex'));
      cols.nameBidx.push(cipher.blindIndex('name', name).toString('hex'));
      cols.nameMask.push(maskName(name));
      // GB 11643: the 17th digit (the sequence's last) is odd for men.
      cols.sex.push(seq % 2 === 1 ? 1 : 2);
      cols.birth.push(birth);
      cols.accEnc.push(cipher.encrypt(account).toString('hex'));
      cols.accMask.push(maskBankAccount(account));
    }
    await sql`
      insert into person (county_code, id, id_number_enc, id_number_bidx, id_number_mask, name_enc, name_bidx,
        name_mask, sex, birth_date, bank_account_enc, bank_account_mask, bank_name, created_at, updated_at)
      select ${BENCH_COUNTY}, md5('p' || n)::uuid, decode(ie, 'hex'), decode(ib, 'hex'), im, decode(ne, 'hex'),
        decode(nb, 'hex'), nm, sx, bd::date, decode(ae, 'hex'), am, '中国农业银行', now(), now()
      from unnest(${cols.n}::int4[], ${cols.idEnc}::text[], ${cols.idBidx}::text[], ${cols.idMask}::text[],
        ${cols.nameEnc}::text[], ${cols.nameBidx}::text[], ${cols.nameMask}::text[], ${cols.sex}::int2[],
        ${cols.birth}::text[], ${cols.accEnc}::text[], ${cols.accMask}::text[])
        as t(n, ie, ib, im, ne, nb, nm, sx, bd, ae, am)`.execute(h.db);
  }
}
