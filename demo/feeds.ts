import { sql } from 'kysely';
import { deliverFeed, feedDeps } from '../server/modules/feeds/feeds.usecases.ts';
import { ageOn } from '../server/modules/stats/stats.models.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import { addDays } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { demoContext } from './accounts.ts';
import { DEMO_COUNTY } from './district.ts';
import type { Rng } from './random.ts';

// The departments' data of the demo district (§8.2), delivered through deliverFeed as the district
// officer uploading each department's file: records of persons of the demo registry (their ID
// numbers decrypted here, as the department knows them), dated in 2026 up to the clock's today.
// Some of them concern current 低保/特困 recipients (a car, a second flat, a death), so that the
// comparison and the alerts have something to find. RURAL_REVITALIZATION is left to its own
// calibration. Deterministic from rng: persons are ordered by ID number, never by a random uuid.

type Person = { id: string; idNumber: string; birth: string; age: number };
type Row = Record<string, unknown> & { idNumber: string };

const fen = (yuan: number) => Math.round(yuan * 100);
const HOSPITALS = [
  '泰安市中心医院',
  '泰山医学院附属医院',
  '泰安市中医医院',
  '高新区人民医院',
  '北集坡街道卫生院',
];
const EMPLOYERS = [
  '泰安某机械有限公司',
  '高新区某物流公司',
  '泰安某食品厂',
  '某建筑劳务公司',
  '某商贸有限公司',
];
const COMPANIES = ['泰安市某农业合作社', '高新区某五金店', '泰安某科技有限公司', '某餐饮管理有限公司'];
const SCHOOLS: Record<string, string[]> = {
  SENIOR_HIGH: ['泰安第一中学', '泰安第二中学', '高新区实验中学'],
  VOCATIONAL: ['泰安市职业中专'],
  JUNIOR_COLLEGE: ['泰山职业技术学院', '山东劳动职业技术学院'],
  UNDERGRADUATE: ['山东第一医科大学', '泰山学院', '山东农业大学'],
};

/** Living persons of the registry, and which of them are current 低保/特困 recipients. */
async function loadPersons(s: Services, today: string) {
  const rows = await s.db
    .selectFrom('person')
    .select(['id', 'id_number_enc', 'birth_date'])
    .where('county_code', '=', DEMO_COUNTY)
    .where('deceased_on', 'is', null)
    .execute();
  const persons: Person[] = rows
    .map((r) => ({
      id: r.id,
      idNumber: s.cipher.decrypt(r.id_number_enc),
      birth: r.birth_date,
      age: ageOn(r.birth_date, today),
    }))
    .sort((a, b) => (a.idNumber < b.idNumber ? -1 : 1));
  const recipientRows = await sql<{ person_id: string }>`
    select m.person_id from assistance_case c
    join household_member m on m.county_code = c.county_code and m.household_id = c.household_id and m.left_on is null
    where c.county_code = ${DEMO_COUNTY} and c.stage = 'ACTIVE' and c.scheme in ('DIBAO', 'DIBAO_SINGLE')
    union
    select c.subject_person_id from assistance_case c
    where c.county_code = ${DEMO_COUNTY} and c.stage = 'ACTIVE' and c.scheme = 'TEKUN' and c.subject_person_id is not null`.execute(
    s.db,
  );
  const ids = new Set(recipientRows.rows.map((r) => r.person_id));
  return { persons, recipients: persons.filter((p) => ids.has(p.id)) };
}

/** `n` distinct persons passing `fit`, about `share` of them current recipients. */
function pick(
  rng: Rng,
  pool: { persons: Person[]; recipients: Person[] },
  n: number,
  share: number,
  fit: (p: Person) => boolean,
) {
  const chosen = new Map<string, Person>();
  const from = (list: Person[], want: number) => {
    const ok = list.filter(fit);
    for (let tries = 0; chosen.size < want && ok.length > 0 && tries < want * 20; tries++) {
      const p = rng.pick(ok);
      chosen.set(p.id, p);
    }
  };
  from(pool.recipients, Math.round(n * share));
  from(pool.persons, n);
  return [...chosen.values()];
}

export async function deliverDemoFeeds(s: Services, rng: Rng): Promise<void> {
  const today = shanghaiDateOf(s.clock.now());
  const start = today >= '2026-01-01' ? '2026-01-01' : addDays(today, -180);
  const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000));
  const day = () => addDays(start, rng.int(0, span));
  const month = () => `${day().slice(0, 7)}-01`;
  const ctx = await demoContext(s, 'district', 'demo-feeds');
  const pool = await loadPersons(s, today);
  const any = () => true;
  const adult = (p: Person) => p.age >= 18 && p.age < 70;
  const ages = (from: number, to: number) => (p: Person) => p.age >= from && p.age <= to;
  const w = <T>(...pairs: (readonly [T, number])[]) => rng.weighted(pairs);
  const deliver = async (source: string, filename: string, rows: Row[]) => {
    if (rows.length > 0)
      await deliverFeed(feedDeps(s), { kind: 'user', ctx }, source, rows, { channel: 'FILE', filename });
  };

  // 医保: a few hundred settlements, a few dozen with large out-of-pocket sums (因病致贫 risk).
  const medical = pick(rng, pool, 320, 0.25, any).flatMap((p, i) =>
    Array.from({ length: rng.int(1, 3) }, () => {
      const large = i < 40;
      const total = large ? rng.int(60_000, 260_000) : rng.int(200, 12_000);
      const oop = Math.round((total * (large ? rng.int(30, 55) : rng.int(10, 40))) / 100);
      const hospital = rng.pick(HOSPITALS);
      return {
        idNumber: p.idNumber,
        settledOn: day(),
        totalFen: fen(total),
        fundPaidFen: fen(total - oop),
        outOfPocketFen: fen(oop),
        hospital,
      };
    }),
  );
  await deliver('MEDICAL_EXPENSE', '2026年医保结算明细.xlsx', medical);

  // 殡葬 and 户籍: a handful of current recipients died, and a few others; their 户口 cancelled.
  const dead = new Map(
    [
      ...pick(rng, { persons: pool.recipients, recipients: [] }, 6, 0, ages(60, 200)),
      ...pick(rng, { persons: pool.persons, recipients: [] }, 14, 0, ages(75, 200)),
    ].map((p) => [p.id, p]),
  );
  const deaths = [...dead.values()].map((p) => {
    const diedOn = day();
    const cremated = addDays(diedOn, rng.int(2, 4));
    return {
      idNumber: p.idNumber,
      diedOn,
      ...(cremated <= today ? { crematedOn: cremated } : {}),
      funeralHome: '泰安市殡仪馆',
    };
  });
  await deliver('DEATH', '死亡火化信息.xlsx', deaths);
  const cancelled = deaths.map((d) => ({
    idNumber: d.idNumber,
    changedOn: d.crematedOn ?? d.diedOn,
    status: 'CANCELLED_DEATH',
  }));
  const moved = pick(rng, pool, 20, 0.1, adult).map((p) => ({
    idNumber: p.idNumber,
    changedOn: day(),
    status: 'CANCELLED_MOVED',
  }));
  await deliver('HUKOU', '户籍变动.xlsx', [...cancelled, ...moved]);

  // The other sources: [source, file, persons, share of current recipients, who fits, the record].
  type Spec = [
    string,
    string,
    number,
    number,
    (p: Person) => boolean,
    (p: Person, i: number) => Record<string, unknown>,
  ];
  // biome-ignore format: a table reads best one source per row.
  const specs: Spec[] = [
    ['VEHICLE', '机动车登记.xlsx', 160, 0.1, adult, () => ({
      registeredOn: day(), plate: `鲁J${rng.int(10_000, 99_999)}`, status: 'NORMAL',
      vehicleType: w(['CAR', 6], ['TRUCK', 1], ['MOTORCYCLE', 2], ['AGRICULTURAL', 2]), useNature: w(['PRIVATE', 8], ['BUSINESS', 2]) })],
    ['REAL_ESTATE', '不动产登记.xlsx', 200, 0.1, adult, () => ({
      registeredOn: day(), location: `泰安市高新区某小区${rng.int(1, 30)}号楼${rng.int(1, 6)}单元${rng.int(101, 1802)}`,
      areaM2: rng.int(45, 160), use: w(['RESIDENTIAL', 9], ['COMMERCIAL', 1]), shared: w(['SOLE', 5], ['JOINT', 4], ['SHARED', 1]) })],
    ['SOCIAL_INSURANCE', '社保参保缴费.xlsx', 300, 0.2, ages(18, 200), (p) => p.age >= 60
      ? { asOf: month(), insurance: 'PENSION', status: 'RECEIVING', pensionFen: fen(rng.int(150, 3_500)) }
      : { asOf: month(), insurance: 'PENSION', status: w(['CONTRIBUTING', 8], ['SUSPENDED', 2]), contributionBaseFen: fen(rng.int(3_500, 8_000)) }],
    ['EMPLOYMENT', '就业失业登记.xlsx', 110, 0.3, ages(18, 59), (_, i) => i < 60
      ? { registeredOn: day(), kind: 'UNEMPLOYED', uiMonthsLeft: rng.int(0, 24) }
      : i < 100 ? { registeredOn: day(), kind: 'EMPLOYED', employer: rng.pick(EMPLOYERS) } : { registeredOn: day(), kind: 'UI_ENDED' }],
    ['PROVIDENT_FUND', '公积金缴存.xlsx', 120, 0.05, adult, () => ({
      paidMonth: month(), monthlyFen: fen(rng.int(200, 2_400)), employer: rng.pick(EMPLOYERS), status: w(['NORMAL', 9], ['SUSPENDED', 1]) })],
    ['BUSINESS_ROLE', '市场主体登记.xlsx', 40, 0.15, adult, () => ({
      registeredOn: day(), creditCode: `9137090${rng.int(10_000_000, 99_999_999)}MA${rng.int(1, 9)}`, company: rng.pick(COMPANIES),
      role: w(['LEGAL_REPRESENTATIVE', 3], ['INVESTOR', 3], ['SENIOR_MANAGER', 1], ['SOLE_PROPRIETOR', 3]),
      capitalFen: fen(rng.int(1, 200) * 10_000), status: w(['OPERATING', 8], ['REVOKED', 1], ['CANCELLED', 1]) })],
    ['TAX', '个人所得税申报.xlsx', 150, 0.05, adult, () => {
      const income = rng.int(3_000, 40_000);
      const item = rng.pick(['工资薪金', '劳务报酬', '经营所得']);
      return { period: month(), item, incomeFen: fen(income), taxableFen: fen(Math.max(0, income - 5_000)) }; }],
    // Banks answer with over-limit flags only (§8.2).
    ['DEPOSITS', '银行存款超限核查.xlsx', 100, 0.2, adult, (_, i) => ({ asOf: day(), personalOverLimit: i < 30, householdOverLimit: i < 40 })],
    ['SECURITIES', '证券资产.xlsx', 25, 0.1, adult, () => ({ asOf: day(), stocksFen: fen(rng.int(1_000, 300_000)), fundsFen: fen(rng.int(0, 50_000)) })],
    ['SERIOUS_ILLNESS', '重病患者名单.xlsx', 40, 0.3, any, () => ({
      diagnosedOn: day(), category: rng.pick(['恶性肿瘤', '尿毒症', '白血病', '重症精神障碍', '脑卒中后遗症']) })],
    // A new grade-1/2 certificate is a national monitoring indicator (§7.4 DISABILITY).
    ['DISABILITY', '残疾人证核发.xlsx', 120, 0.25, any, (_, i) => ({
      issuedOn: day(), category: rng.pick(['VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE']),
      grade: i < 35 ? rng.int(1, 2) : rng.int(3, 4) })],
    ['EDUCATION', '入学录取信息.xlsx', 60, 0.3, ages(15, 22), (p) => {
      const level = p.age <= 17 ? rng.pick(['SENIOR_HIGH', 'VOCATIONAL']) : rng.pick(['JUNIOR_COLLEGE', 'UNDERGRADUATE']);
      return { enrolledOn: day(), level, school: rng.pick(SCHOOLS[level]!) }; }],
    ['PRISON', '服刑人员信息.xlsx', 8, 0.25, ages(20, 59), () => ({ from: day(), kind: w(['IMPRISONED', 3], ['COMPULSORY_REHAB', 1]) })],
    ['PUBLIC_PAYROLL', '财政供养人员.xlsx', 50, 0.05, ages(22, 59), () => ({
      from: day(), employer: rng.pick(['高新区管委会', '某街道办事处', '某公办小学', '区卫生院']) })],
    ['MARRIAGE', '婚姻登记.xlsx', 40, 0.1, ages(22, 59), () => ({ registeredOn: day(), kind: w(['MARRIAGE', 3], ['DIVORCE', 1]) })],
    ['UTILITIES', '水电气费用.xlsx', 300, 0.3, adult, () => ({
      period: month(), utility: rng.pick(['WATER', 'POWER', 'GAS', 'TELECOM']),
      amountFen: fen(rng.chance(0.08) ? rng.int(600, 2_000) : rng.int(20, 300)) })],
  ];
  for (const [source, filename, n, share, fit, record] of specs) {
    await deliver(
      source,
      filename,
      pick(rng, pool, n, share, fit).map((p, i) => ({ idNumber: p.idNumber, ...record(p, i) })),
    );
  }
}
