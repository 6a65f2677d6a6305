import {
  ALERT_TYPES,
  type AlertCategory,
  type AlertType,
  type Population,
  type RuleCondition,
  type RuleKind,
} from '../../../contracts/alerts.ts';
import { ALERT_VERIFICATION_WD } from '../../rules/calendar.ts';

// The alert rules as data (§7.4: "adopt it as the configurable AlertType list"). The defaults below
// are seeded per county (ensureDefaultRules) and a district administrator changes their thresholds,
// windows, SLA and on/off per county; a new FIELD_THRESHOLD rule over any numeric, enum or yes/no
// field of a feed (contracts/feeds.ts) is added through the API without code. Thresholds marked [U]
// are Huijiu's defaults to confirm with the client (§14), not national figures.

export type RuleDef = {
  code: string;
  alertType: AlertType;
  kind: RuleKind;
  source: string | null;
  conditions: RuleCondition[];
  withinDays: number | null;
  latestOnly: boolean;
  population: Population;
  slaWd: number;
  legalBasis: string;
  nameZh: string;
  nameEn: string;
};

export const categoryOf = (t: AlertType): AlertCategory => ALERT_TYPES[t].category;

const field = (
  code: string,
  alertType: AlertType,
  source: string,
  conditions: RuleCondition[],
  population: Population,
  legalBasis: string,
  nameZh: string,
  nameEn: string,
  withinDays: number | null = null,
): RuleDef => ({
  code,
  alertType,
  kind: 'FIELD_THRESHOLD',
  source,
  conditions,
  withinDays,
  latestOnly: LATEST_ONLY.has(code),
  population,
  slaWd: ALERT_VERIFICATION_WD,
  legalBasis,
  nameZh,
  nameEn,
});
const c = (f: string, op: RuleCondition['op'], value: RuleCondition['value']): RuleCondition => ({
  field: f,
  op,
  value,
});
const builtin = (
  kind: 'LIKELY_ENTER' | 'LIKELY_EXIT' | 'BORDERLINE',
  population: Population,
  legalBasis: string,
  nameZh: string,
  nameEn: string,
): RuleDef => ({
  code: kind,
  alertType: kind,
  kind,
  source: null,
  conditions: [],
  withinDays: null,
  latestOnly: false,
  population,
  slaWd: ALERT_VERIFICATION_WD,
  legalBasis,
  nameZh,
  nameEn,
});
/** §5.4 care rules: raised by the care module (visits), assigned to the village like the others. */
const care = (
  code: 'CARE_MISSED_VISIT' | 'CARE_HEALTH_EVENT',
  slaWd: number,
  legalBasis: string,
  nameZh: string,
  nameEn: string,
): RuleDef => ({
  code,
  alertType: code,
  kind: 'CARE',
  source: null,
  conditions: [],
  withinDays: null,
  latestOnly: false,
  population: 'RECIPIENTS',
  slaWd,
  legalBasis,
  nameZh,
  nameEn,
});
const YEAR = 365;
/**
 * Rules over status lists, where a person's newest record replaces the older ones (released from
 * prison, re-employed, risk removed from the 防返贫 list, the latest deposit or securities query).
 */
const LATEST_ONLY = new Set([
  'HUKOU_DEATH',
  'IMPRISONED',
  'PROVIDENT_FUND_PAID',
  'DEPOSITS_OVER_LIMIT',
  'SECURITIES_HOLDING',
  'UNEMPLOYED',
  'RURAL_REVITALIZATION_NOT_HELPED',
]);

export const DEFAULT_RULES: readonly RuleDef[] = [
  // 存疑数据预警 (§7.4) over active-case persons (§3.9 dynamic management; §8.2 the department data).
  field(
    'DEATH_RECORD',
    'DEATH',
    'DEATH',
    [],
    'RECIPIENTS',
    '§7.4 死亡预警；§3.9 死亡须复核（S5 §三(二) 殡葬数据）',
    '死亡火化记录',
    'Death or cremation record',
  ),
  field(
    'HUKOU_DEATH',
    'DEATH',
    'HUKOU',
    [c('status', 'eq', 'CANCELLED_DEATH')],
    'RECIPIENTS',
    '§7.4 死亡预警；§8.2 户口注销',
    '户口因死亡注销',
    'Household registration cancelled on death',
  ),
  field(
    'VEHICLE_OWNED',
    'VEHICLE',
    'VEHICLE',
    [c('status', 'eq', 'NORMAL'), c('vehicleType', 'in', ['CAR', 'TRUCK'])],
    'RECIPIENTS',
    '§7.4 车辆预警；S1 第十七条 车船登记',
    '名下有在用汽车',
    'Owns a car or truck in use',
  ),
  field(
    'PROPERTY_NON_RESIDENTIAL',
    'PROPERTY',
    'REAL_ESTATE',
    [c('use', 'in', ['COMMERCIAL', 'INDUSTRIAL'])],
    'RECIPIENTS',
    '§7.4 房产预警；S1 第十七条 不动产登记',
    '名下有商业或工业房产',
    'Owns commercial or industrial property',
  ),
  field(
    'PROPERTY_LARGE_HOME',
    'PROPERTY',
    'REAL_ESTATE',
    [c('use', 'eq', 'RESIDENTIAL'), c('areaM2', 'gt', 140)],
    'RECIPIENTS',
    '§7.4 房产预警；面积阈值 140 ㎡ [U]',
    '住房面积超过阈值',
    'Home larger than the threshold',
  ),
  field(
    'BUSINESS_ROLE_ACTIVE',
    'BUSINESS_ROLE',
    'BUSINESS_ROLE',
    [c('status', 'eq', 'OPERATING')],
    'RECIPIENTS',
    '§7.4 企业高管预警；S1 第十七条 市场主体登记',
    '在业企业法人、股东或高管',
    'Role in an operating business',
  ),
  field(
    'DEPOSITS_OVER_LIMIT',
    'FINANCIAL_ASSETS',
    'DEPOSITS',
    [c('personalOverLimit', 'eq', true)],
    'RECIPIENTS',
    '§7.4 金融资产预警；S1 第十七条 银行存款',
    '个人存款超限',
    'Personal deposits over the limit',
  ),
  field(
    'SECURITIES_HOLDING',
    'FINANCIAL_ASSETS',
    'SECURITIES',
    [c('stocksFen', 'gte', 2_000_000)],
    'RECIPIENTS',
    '§7.4 金融资产预警；S1 第十七条 证券；阈值 2 万元 [U]',
    '持有股票市值超过阈值',
    'Stocks above the threshold',
  ),
  field(
    'IMPRISONED',
    'IMPRISONMENT',
    'PRISON',
    [c('kind', 'in', ['IMPRISONED', 'COMPULSORY_REHAB'])],
    'RECIPIENTS',
    '§7.4 服刑人员预警；S1 第七条；S2 第二十四条',
    '服刑或强制隔离戒毒',
    'In prison or compulsory rehabilitation',
  ),
  field(
    'PROVIDENT_FUND_PAID',
    'PROVIDENT_FUND',
    'PROVIDENT_FUND',
    [c('status', 'eq', 'NORMAL'), c('monthlyFen', 'gt', 0)],
    'RECIPIENTS',
    '§7.4 公积金预警；S1 第十七条 住房公积金',
    '近一年正常缴存公积金',
    'Provident fund paid in the last year',
    YEAR,
  ),
  field(
    'TAX_INCOME',
    'TAX',
    'TAX',
    [c('incomeFen', 'gte', 500_000)],
    'RECIPIENTS',
    '§7.4 税务预警；S1 第十七条 纳税记录；阈值 5000 元/期 [U]',
    '近一年个税收入超过阈值',
    'Taxed income above the threshold in the last year',
    YEAR,
  ),
  field(
    'PUBLIC_PAYROLL_LISTED',
    'PUBLIC_PAYROLL',
    'PUBLIC_PAYROLL',
    [],
    'RECIPIENTS',
    '§7.4 财政供养人员预警',
    '财政供养人员',
    'On the public payroll',
  ),
  // §7.3 / S5 §三(三): serious illness, disability, schooling, unemployment — over the registry
  // (recipients: is the policy delivered? others: are they now eligible?).
  field(
    'MEDICAL_HIGH_OOP',
    'SERIOUS_ILLNESS',
    'MEDICAL_EXPENSE',
    [c('outOfPocketFen', 'gte', 1_500_000)],
    'REGISTRY',
    '§7.4 SERIOUS_ILLNESS；S5 §三(三)；阈值 1.5 万元 [U]',
    '医疗自付费用超过阈值',
    'Out-of-pocket medical cost above the threshold',
    YEAR,
  ),
  field(
    'SERIOUS_ILLNESS_LISTED',
    'SERIOUS_ILLNESS',
    'SERIOUS_ILLNESS',
    [],
    'REGISTRY',
    '§7.3 重病患者比对；S6 §三(三)',
    '卫健重病患者名单',
    'On the serious-illness list',
    YEAR,
  ),
  field(
    'DISABILITY_SEVERE',
    'DISABILITY',
    'DISABILITY',
    [c('grade', 'lte', 2)],
    'REGISTRY',
    '§7.4 DISABILITY：新发一、二级残疾人证',
    '新发一、二级残疾人证',
    'New grade 1–2 disability certificate',
    YEAR,
  ),
  field(
    'DISABILITY_G3_MENTAL',
    'DISABILITY',
    'DISABILITY',
    [c('grade', 'eq', 3), c('category', 'in', ['INTELLECTUAL', 'MENTAL'])],
    'REGISTRY',
    '§7.4 DISABILITY：三级智力、精神残疾',
    '新发三级智力或精神残疾人证',
    'New grade-3 intellectual or mental disability',
    YEAR,
  ),
  field(
    'SCHOOLING_ENROLLED',
    'SCHOOLING',
    'EDUCATION',
    [c('level', 'in', ['SENIOR_HIGH', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'UNDERGRADUATE'])],
    'REGISTRY',
    '§7.4 SCHOOLING：升入高中或大学',
    '升入高中、职校或大学',
    'Enrolled in senior high, vocational school or university',
    YEAR,
  ),
  field(
    'UNEMPLOYED',
    'UNEMPLOYMENT',
    'EMPLOYMENT',
    [c('kind', 'in', ['UNEMPLOYED', 'UI_ENDED'])],
    'REGISTRY',
    '§7.4 UNEMPLOYMENT：登记失业或失业保险金领完',
    '登记失业或失业保险金期满',
    'Registered unemployed or unemployment benefit ended',
    YEAR,
  ),
  // 大数据主动检测 (§7.3; S5 §三(三)): on the 防返贫 list and not helped — including people the
  // registry does not know yet (routed by the list's village code).
  field(
    'RURAL_REVITALIZATION_NOT_HELPED',
    'RURAL_REVITALIZATION',
    'RURAL_REVITALIZATION',
    [c('status', 'eq', 'MONITORED')],
    'NOT_HELPED',
    '§7.3 与乡村振兴数据比对；S5 §三(三)',
    '防返贫监测对象未纳入救助',
    'On the rural-revitalisation list, not helped',
  ),
  // 对象预警 (§7.4) from the registry's incomes and the county's standards (§3.1, §4).
  builtin(
    'LIKELY_ENTER',
    'REGISTRY',
    '§7.4 即将进保；§3.1 月人均收入低于低保标准（S1 第二条）',
    '人均收入低于低保标准但未纳入',
    'Per-capita income below the 低保 standard, not covered',
  ),
  builtin(
    'LIKELY_EXIT',
    'RECIPIENTS',
    '§7.4 即将脱保；§3.9 收入不低于标准应减发或停发',
    '低保家庭人均收入已达标准',
    'A 低保 household’s per-capita income reaches the standard',
  ),
  builtin(
    'BORDERLINE',
    'REGISTRY',
    '§7.4 救助边缘；§4 低保边缘（标准的 1.5 倍以内）',
    '人均收入处于低保边缘',
    'Per-capita income just above the 低保 line',
  ),
  care(
    'CARE_MISSED_VISIT',
    ALERT_VERIFICATION_WD,
    '§5.4 分散供养委托照料；§9.1 ServiceVisitLog：当月服务次数少于照护计划',
    '照护服务当月漏访',
    'Fewer care visits in the month than the plan',
  ),
  // [U] 2 working days: a health event needs the village assistant's visit sooner than a data alert.
  care(
    'CARE_HEALTH_EVENT',
    2,
    '§5.4 照料护理；§9.6 协理员走访：护理员报告健康异常',
    '照护对象健康异常',
    'A carer reported a health event',
  ),
];
