// Suspicious-item rules of the economic-status check (家庭经济状况核对, domain-rules §8.2, §3.5) and the
// window of department records each source contributes. Pure: no I/O; dates are 'YYYY-MM-DD'.
import type { Suspicion } from '../../../contracts/checks.ts';
import { addMonths } from '../../rules/calendar.ts';

export type PersonRole = 'MEMBER' | 'SUPPORTER';

/** One department record held for a subject (a copy of feed_record with its delivery). */
export type FeedItem = {
  source: string;
  recordKey: string;
  personId: string;
  personRole: PersonRole;
  occurredOn: string;
  data: Record<string, unknown>;
  batchId: string;
  deliveredAt: string;
};

export type RuleParams = {
  asOf: string;
  /** Monthly 低保 standard of the case's area, fen (the county's standard in force on asOf). */
  standardFen: number;
  /** Financial assets per capita ≤ this many months of the standard (county parameter, §15). */
  financialAssetsMaxMonths: number;
  /** Residences a household may own (county parameter, §10.2). */
  maxResidences: number;
  /** Income look-back in months (county parameter, §15: 12). */
  incomeLookbackMonths: number;
};

export type RuleId = keyof typeof CHECK_RULES;
type Rule = { suspicious: Exclude<Suspicion, 'NONE'>; rule: string; zh: string; en: string };

/**
 * The rule table. EXCLUDES only where a rule text excludes (S1 Art.7 membership; the bank's own
 * over-limit flag against the §15 limit); anything else is SUSPECT, to verify before deciding,
 * because §2.4 / S5 §一(一) forbid excluding anyone by occupation or identity alone.
 */
export const CHECK_RULES = {
  VEHICLE_NORMAL: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.14, Art.17 (车船登记); §10.2',
    zh: '名下有正常状态的汽车，须核实是否属于残疾人代步车或价值较低的生产生活用车等豁免情形',
    en: 'owns a car in normal status; verify whether it is an exempt mobility or low-value vehicle',
  },
  RESIDENCES_ABOVE_LIMIT: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.14, Art.17 (不动产登记); §10.2 住房套数上限',
    zh: '家庭名下住房套数超过当地上限',
    en: 'the household owns more residences than the local limit',
  },
  NON_RESIDENTIAL_PROPERTY: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.14, Art.17 (不动产登记)',
    zh: '名下有商业、工业等非住宅不动产，须核实价值和经营收入',
    en: 'owns non-residential real estate; verify its value and any income from it',
  },
  BUSINESS_OPERATING: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.13(二), Art.17 (市场主体登记); §8.2',
    zh: '在营市场主体的法定代表人、股东、高管或经营者，须核实经营净收入',
    en: 'holds a role in an operating business; verify the net business income',
  },
  DEPOSITS_OVER_LIMIT: {
    suspicious: 'EXCLUDES',
    rule: 'S1 Art.14, Art.17 (银行存款); §15 金融资产上限',
    zh: '银行反馈存款超过限额',
    en: 'the banks report deposits over the limit',
  },
  SECURITIES_OVER_LIMIT: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.14, Art.17 (证券); §15 人均金融资产上限',
    zh: '家庭证券市值合计超过人均金融资产上限',
    en: "the household's securities exceed the per-capita financial-assets limit",
  },
  PUBLIC_PAYROLL: {
    suspicious: 'SUSPECT',
    rule: '§8.2 财政供养人员 [V2 S12]; S1 Art.13(一); §2.4 (S5 §一(一) 不得仅凭身份排除)',
    zh: '财政供养人员，有稳定工资性收入，须核实收入',
    en: 'on the public payroll: a stable wage to verify (identity alone does not exclude)',
  },
  EMPLOYED: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.13(一), Art.17; §8.2 就业登记',
    zh: '有就业登记，须核实工资性收入',
    en: 'registered as employed; verify the wage income',
  },
  PROVIDENT_FUND_PAID: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.13(一), Art.17 (住房公积金缴纳)',
    zh: '计算期内正常缴存住房公积金，说明有单位工资，须核实',
    en: 'paid into a housing provident fund in the period: an employer wage to verify',
  },
  TAXED_INCOME_ABOVE_STANDARD: {
    suspicious: 'SUSPECT',
    rule: 'S1 Art.13, Art.17 (纳税记录)',
    zh: '计算期内纳税收入人均每月不低于低保标准',
    en: 'taxed income in the period is at least the standard per person and month',
  },
  SERVING_SENTENCE: {
    suspicious: 'EXCLUDES',
    rule: 'S1 Art.7 (服刑、强制隔离戒毒人员不计入家庭成员); S2 Art.24',
    zh: '正在服刑或强制隔离戒毒，不计入共同生活的家庭成员',
    en: 'serving a sentence or compulsory rehabilitation: not a member of the household',
  },
  DECEASED: {
    suspicious: 'EXCLUDES',
    rule: 'S5 §三(二) (死亡、殡葬信息比对); §8.2',
    zh: '有死亡或户籍注销（死亡）记录',
    en: 'a death record, or the registration cancelled on death',
  },
} as const satisfies Record<string, Rule>;

export type WindowKind = 'HOLDING' | 'SNAPSHOT' | 'FLOW';

/**
 * Which records of a source the report uses (decided here, documented in the report's window column):
 * HOLDING: registrations that hold until a later record changes them: the latest record per thing
 *   (plate, property, company and role …), however old.
 * SNAPSHOT: as-of valuations (deposit flags, securities, insurance status): the latest delivery.
 * FLOW: amounts over time (tax, provident fund, medical costs, utilities): the income look-back
 *   before the report date (§15: the 12 months), as the means test counts income (S1 Art.13).
 */
const WINDOWS: Record<string, { kind: WindowKind; key: (d: Record<string, unknown>) => string }> = {
  HUKOU: { kind: 'HOLDING', key: () => '' },
  DEATH: { kind: 'HOLDING', key: () => '' },
  VEHICLE: { kind: 'HOLDING', key: (d) => String(d.plate ?? '') },
  REAL_ESTATE: { kind: 'HOLDING', key: (d) => String(d.location ?? '') },
  BUSINESS_ROLE: { kind: 'HOLDING', key: (d) => `${d.creditCode ?? ''}:${d.role ?? ''}` },
  EMPLOYMENT: { kind: 'HOLDING', key: () => '' },
  DISABILITY: { kind: 'HOLDING', key: () => '' },
  EDUCATION: { kind: 'HOLDING', key: (d) => String(d.school ?? '') },
  PRISON: { kind: 'HOLDING', key: () => '' },
  PUBLIC_PAYROLL: { kind: 'HOLDING', key: (d) => String(d.employer ?? '') },
  MARRIAGE: { kind: 'HOLDING', key: () => '' },
  SERIOUS_ILLNESS: { kind: 'HOLDING', key: (d) => String(d.category ?? '') },
  RURAL_REVITALIZATION: { kind: 'HOLDING', key: () => '' },
  DEPOSITS: { kind: 'SNAPSHOT', key: () => '' },
  SECURITIES: { kind: 'SNAPSHOT', key: () => '' },
  SOCIAL_INSURANCE: { kind: 'SNAPSHOT', key: (d) => String(d.insurance ?? '') },
};
const FLOW = { kind: 'FLOW' as const, key: () => '' };
export const windowOf = (source: string) => WINDOWS[source] ?? FLOW;

export function windowRange(
  source: string,
  p: RuleParams,
): { kind: WindowKind; from: string | null; to: string } {
  const kind = windowOf(source).kind;
  return { kind, from: kind === 'FLOW' ? addMonths(p.asOf, -p.incomeLookbackMonths) : null, to: p.asOf };
}

/** The records the report uses: dated on or before asOf, in the flow window, latest per thing. */
export function selectRecords(items: readonly FeedItem[], p: RuleParams): FeedItem[] {
  const latest = new Map<string, FeedItem>();
  const flows: FeedItem[] = [];
  for (const it of items) {
    if (it.occurredOn > p.asOf) continue;
    const w = windowOf(it.source);
    if (w.kind === 'FLOW') {
      const from = windowRange(it.source, p).from!;
      if (it.occurredOn > from) flows.push(it);
      continue;
    }
    const k = `${it.source}|${it.personId}|${w.key(it.data)}`;
    const prev = latest.get(k);
    const newer =
      !prev ||
      it.occurredOn > prev.occurredOn ||
      (it.occurredOn === prev.occurredOn && it.deliveredAt > prev.deliveredAt);
    if (newer) latest.set(k, it);
  }
  return [...latest.values(), ...flows].sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      a.personId.localeCompare(b.personId) ||
      a.occurredOn.localeCompare(b.occurredOn) ||
      a.recordKey.localeCompare(b.recordKey),
  );
}

const fen = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Household-level facts some rules need (counted over members only; supporters have their own households). */
export function householdFacts(records: readonly FeedItem[], p: RuleParams, householdSize: number) {
  const members = records.filter((r) => r.personRole === 'MEMBER');
  const residences = new Set(
    members
      .filter((r) => r.source === 'REAL_ESTATE' && r.data.use === 'RESIDENTIAL')
      .map((r) => String(r.data.location ?? r.recordKey)),
  );
  const securitiesFen = members
    .filter((r) => r.source === 'SECURITIES')
    .reduce((s, r) => s + fen(r.data.stocksFen) + fen(r.data.fundsFen) + fen(r.data.bondsFen), 0);
  const taxedFen = members.filter((r) => r.source === 'TAX').reduce((s, r) => s + fen(r.data.incomeFen), 0);
  const size = Math.max(1, householdSize);
  return {
    residences: residences.size,
    securitiesFen,
    securitiesLimitFen: p.financialAssetsMaxMonths * p.standardFen * size,
    taxedPerCapitaMonthFen: Math.floor(taxedFen / p.incomeLookbackMonths / size),
  };
}
export type HouseholdFacts = ReturnType<typeof householdFacts>;

/** The rules a record hits (empty = NONE). */
export function ruleHits(it: FeedItem, p: RuleParams, h: HouseholdFacts): RuleId[] {
  const d = it.data;
  const member = it.personRole === 'MEMBER';
  switch (it.source) {
    case 'VEHICLE':
      return d.status === 'NORMAL' && ['CAR', 'TRUCK', 'OTHER'].includes(String(d.vehicleType))
        ? ['VEHICLE_NORMAL']
        : [];
    case 'REAL_ESTATE':
      if (d.use !== 'RESIDENTIAL') return ['NON_RESIDENTIAL_PROPERTY'];
      return member && h.residences > p.maxResidences ? ['RESIDENCES_ABOVE_LIMIT'] : [];
    case 'BUSINESS_ROLE':
      return d.status === 'OPERATING' ? ['BUSINESS_OPERATING'] : [];
    case 'DEPOSITS':
      return d.personalOverLimit === true || d.householdOverLimit === true ? ['DEPOSITS_OVER_LIMIT'] : [];
    case 'SECURITIES':
      return member && h.securitiesFen > h.securitiesLimitFen ? ['SECURITIES_OVER_LIMIT'] : [];
    case 'PUBLIC_PAYROLL':
      return ['PUBLIC_PAYROLL'];
    case 'EMPLOYMENT':
      return d.kind === 'EMPLOYED' ? ['EMPLOYED'] : [];
    case 'PROVIDENT_FUND':
      return d.status === 'NORMAL' ? ['PROVIDENT_FUND_PAID'] : [];
    case 'TAX':
      return member && h.taxedPerCapitaMonthFen >= p.standardFen ? ['TAXED_INCOME_ABOVE_STANDARD'] : [];
    case 'PRISON': {
      const serving = d.kind === 'IMPRISONED' || d.kind === 'COMPULSORY_REHAB';
      const until = typeof d.until === 'string' ? d.until : null;
      return serving && (until === null || until >= p.asOf) ? ['SERVING_SENTENCE'] : [];
    }
    case 'DEATH':
      return ['DECEASED'];
    case 'HUKOU':
      return d.status === 'CANCELLED_DEATH' ? ['DECEASED'] : [];
    default:
      return [];
  }
}

const RANK: Record<Suspicion, number> = { NONE: 0, SUSPECT: 1, EXCLUDES: 2 };

/** The item's verdict: the strongest rule it hits, with every reason in Chinese and English. */
export function verdict(hits: readonly RuleId[]): { suspicious: Suspicion; zh: string; en: string } {
  let suspicious: Suspicion = 'NONE';
  for (const id of hits)
    if (RANK[CHECK_RULES[id].suspicious] > RANK[suspicious]) suspicious = CHECK_RULES[id].suspicious;
  if (hits.length === 0) return { suspicious, zh: '未发现异常', en: 'nothing to verify' };
  return {
    suspicious,
    zh: hits.map((id) => `${CHECK_RULES[id].zh}（${CHECK_RULES[id].rule}）`).join('；'),
    en: hits.map((id) => `${CHECK_RULES[id].en} (${CHECK_RULES[id].rule})`).join('; '),
  };
}
