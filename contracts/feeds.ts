// Department data feeds (数据共享, domain-rules §8.2): the catalogue of sources, each with a typed
// record schema. A record names its person by ID number (身份证号) in the delivered file or API
// call; the platform keeps only the blind index of it (architecture convention 14), never the
// plaintext, so no feed table holds an ID number. Shared by the server (validation, comparison)
// and the console (the upload page shows each source's columns).

import { z } from 'zod';

export const DEPARTMENTS = {
  PUBLIC_SECURITY: { zh: '公安', en: 'Public security' },
  TRAFFIC_POLICE: { zh: '公安交管', en: 'Traffic police' },
  HRSS: { zh: '人力资源社会保障', en: 'Human resources and social security' },
  NATURAL_RESOURCES: { zh: '自然资源（不动产登记）', en: 'Natural resources (real-estate registry)' },
  HOUSING_FUND: { zh: '住房公积金中心', en: 'Housing provident fund' },
  MARKET_REGULATION: { zh: '市场监管', en: 'Market regulation' },
  TAX: { zh: '税务', en: 'Tax' },
  BANKING: { zh: '人民银行（银行存款）', en: 'Banks (via the central bank)' },
  SECURITIES: { zh: '证券登记结算', en: 'Securities depository' },
  MEDICAL_INSURANCE: { zh: '医疗保障', en: 'Medical insurance' },
  HEALTH: { zh: '卫生健康', en: 'Health' },
  CIVIL_AFFAIRS: { zh: '民政（婚姻、殡葬）', en: 'Civil affairs (marriage, funerals)' },
  DISABLED_FEDERATION: { zh: '残联', en: "Disabled persons' federation" },
  EDUCATION: { zh: '教育', en: 'Education' },
  JUSTICE: { zh: '司法（监狱、戒毒）', en: 'Justice (prisons)' },
  FINANCE: { zh: '财政（财政供养人员）', en: 'Finance (public payroll)' },
  AGRICULTURE: { zh: '农业农村（乡村振兴）', en: 'Agriculture (rural revitalisation)' },
  UTILITIES: { zh: '水电气通信', en: 'Utilities' },
} as const;
export type DepartmentCode = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as DepartmentCode[];

/** text: a short string; int: a whole number; fen: money, delivered in yuan (2 decimals), kept in fen. */
export type FeedFieldType = 'text' | 'int' | 'fen' | 'date' | 'bool' | 'enum';
export type FeedField = {
  key: string;
  /** The column heading of the department's file (and the label in the console). */
  zh: string;
  en: string;
  type: FeedFieldType;
  required: boolean;
  values?: readonly string[];
  /** Bounds of an int field (inclusive). */
  min?: number;
  max?: number;
};
export type FeedLevel = 'NATIONAL' | 'PROVINCIAL' | 'MUNICIPAL' | 'DISTRICT';
export type FeedSource = {
  code: string;
  dept: DepartmentCode;
  zh: string;
  en: string;
  level: FeedLevel;
  /** The field that dates the record (when it happened / as of when it holds). */
  dateField: string;
  fields: readonly FeedField[];
};

/** The column of every file that names the person; turned into the blind index and discarded. */
export const ID_NUMBER_COLUMN = { zh: '身份证号', en: 'ID number' } as const;

const f = (
  key: string,
  zh: string,
  en: string,
  type: FeedFieldType,
  required = true,
  values?: readonly string[],
): FeedField => ({ key, zh, en, type, required, ...(values ? { values } : {}) });

export const FEED_SOURCES = [
  {
    code: 'HUKOU',
    dept: 'PUBLIC_SECURITY',
    zh: '户籍信息',
    en: 'Household registration',
    level: 'PROVINCIAL',
    dateField: 'changedOn',
    fields: [
      f('changedOn', '变动日期', 'changed on', 'date'),
      f('status', '户籍状态', 'status', 'enum', true, [
        'NORMAL',
        'CANCELLED_DEATH',
        'CANCELLED_MOVED',
        'CANCELLED_OTHER',
      ]),
      f('addressCode', '户籍行政区划', 'registration division', 'text', false),
    ],
  },
  {
    code: 'DEATH',
    dept: 'CIVIL_AFFAIRS',
    zh: '死亡火化信息',
    en: 'Deaths and cremations',
    level: 'PROVINCIAL',
    dateField: 'diedOn',
    fields: [
      f('diedOn', '死亡日期', 'died on', 'date'),
      f('crematedOn', '火化日期', 'cremated on', 'date', false),
      f('funeralHome', '殡仪馆', 'funeral home', 'text', false),
    ],
  },
  {
    code: 'VEHICLE',
    dept: 'TRAFFIC_POLICE',
    zh: '机动车登记信息',
    en: 'Motor vehicles',
    level: 'PROVINCIAL',
    dateField: 'registeredOn',
    fields: [
      f('registeredOn', '初次登记日期', 'first registered on', 'date'),
      f('plate', '号牌号码', 'plate', 'text'),
      f('vehicleType', '车辆类型', 'vehicle type', 'enum', true, [
        'CAR',
        'TRUCK',
        'MOTORCYCLE',
        'AGRICULTURAL',
        'OTHER',
      ]),
      f('useNature', '使用性质', 'use', 'enum', true, ['PRIVATE', 'BUSINESS', 'OTHER']),
      f('status', '机动车状态', 'status', 'enum', true, ['NORMAL', 'SCRAPPED', 'TRANSFERRED', 'OTHER']),
    ],
  },
  {
    code: 'REAL_ESTATE',
    dept: 'NATURAL_RESOURCES',
    zh: '不动产登记信息',
    en: 'Real estate',
    level: 'MUNICIPAL',
    dateField: 'registeredOn',
    fields: [
      f('registeredOn', '登记时间', 'registered on', 'date'),
      f('location', '坐落', 'location', 'text'),
      { ...f('areaM2', '建筑面积（平方米）', 'floor area (m²)', 'int'), min: 1 },
      f('use', '规划用途', 'use', 'enum', true, ['RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL', 'OTHER']),
      f('shared', '共有方式', 'ownership', 'enum', true, ['SOLE', 'JOINT', 'SHARED']),
    ],
  },
  {
    code: 'SOCIAL_INSURANCE',
    dept: 'HRSS',
    zh: '社会保险信息',
    en: 'Social insurance',
    level: 'PROVINCIAL',
    dateField: 'asOf',
    fields: [
      f('asOf', '所属期', 'period', 'date'),
      f('insurance', '险种', 'insurance', 'enum', true, [
        'PENSION',
        'MEDICAL',
        'UNEMPLOYMENT',
        'WORK_INJURY',
      ]),
      f('status', '参保状态', 'status', 'enum', true, ['CONTRIBUTING', 'SUSPENDED', 'RECEIVING', 'ENDED']),
      f('contributionBaseFen', '缴费基数（元）', 'contribution base (yuan)', 'fen', false),
      f('pensionFen', '月养老金（元）', 'monthly pension (yuan)', 'fen', false),
    ],
  },
  {
    code: 'EMPLOYMENT',
    dept: 'HRSS',
    zh: '就业失业登记',
    en: 'Employment and unemployment',
    level: 'MUNICIPAL',
    dateField: 'registeredOn',
    fields: [
      f('registeredOn', '登记日期', 'registered on', 'date'),
      f('kind', '登记类别', 'kind', 'enum', true, ['EMPLOYED', 'UNEMPLOYED', 'UI_ENDED']),
      f('employer', '单位名称', 'employer', 'text', false),
      f('uiMonthsLeft', '剩余失业保险金月数', 'unemployment-benefit months left', 'int', false),
    ],
  },
  {
    code: 'PROVIDENT_FUND',
    dept: 'HOUSING_FUND',
    zh: '住房公积金缴存',
    en: 'Housing provident fund',
    level: 'MUNICIPAL',
    dateField: 'paidMonth',
    fields: [
      f('paidMonth', '汇缴年月', 'month paid', 'date'),
      f('monthlyFen', '月缴存额（元）', 'monthly contribution (yuan)', 'fen'),
      f('employer', '单位', 'employer', 'text', false),
      f('status', '汇缴状态', 'status', 'enum', true, ['NORMAL', 'SUSPENDED', 'CLOSED']),
    ],
  },
  {
    code: 'BUSINESS_ROLE',
    dept: 'MARKET_REGULATION',
    zh: '市场主体登记（法人、股东、高管）',
    en: 'Business registration (legal representative, investor, manager)',
    level: 'PROVINCIAL',
    dateField: 'registeredOn',
    fields: [
      f('registeredOn', '登记日期', 'registered on', 'date'),
      f('creditCode', '统一社会信用代码', 'credit code', 'text'),
      f('company', '企业名称', 'company', 'text'),
      f('role', '职务', 'role', 'enum', true, [
        'LEGAL_REPRESENTATIVE',
        'INVESTOR',
        'SENIOR_MANAGER',
        'SOLE_PROPRIETOR',
      ]),
      f('capitalFen', '注册资本/认缴出资额（元）', 'registered capital (yuan)', 'fen', false),
      f('status', '在业状态', 'status', 'enum', true, ['OPERATING', 'REVOKED', 'CANCELLED']),
    ],
  },
  {
    code: 'TAX',
    dept: 'TAX',
    zh: '个人所得税',
    en: 'Individual income tax',
    level: 'PROVINCIAL',
    dateField: 'period',
    fields: [
      f('period', '所属期', 'period', 'date'),
      f('item', '所得项目', 'income item', 'text'),
      f('incomeFen', '收入额（元）', 'income (yuan)', 'fen'),
      f('taxableFen', '应纳税所得额（元）', 'taxable income (yuan)', 'fen', false),
    ],
  },
  {
    code: 'DEPOSITS',
    dept: 'BANKING',
    zh: '银行存款（超限标识）',
    en: 'Bank deposits (over-limit flags)',
    level: 'NATIONAL',
    dateField: 'asOf',
    fields: [
      f('asOf', '查询日期', 'as of', 'date'),
      f('personalOverLimit', '个人存款是否超限', 'personal deposits over the limit', 'bool'),
      f('householdOverLimit', '家庭存款是否超限', 'household deposits over the limit', 'bool', false),
    ],
  },
  {
    code: 'SECURITIES',
    dept: 'SECURITIES',
    zh: '证券资产',
    en: 'Securities',
    level: 'NATIONAL',
    dateField: 'asOf',
    fields: [
      f('asOf', '查询日期', 'as of', 'date'),
      f('stocksFen', '股票总市值（元）', 'stocks (yuan)', 'fen'),
      f('fundsFen', '基金市值（元）', 'funds (yuan)', 'fen', false),
      f('bondsFen', '债券市值（元）', 'bonds (yuan)', 'fen', false),
    ],
  },
  {
    code: 'MEDICAL_EXPENSE',
    dept: 'MEDICAL_INSURANCE',
    zh: '医疗费用结算',
    en: 'Medical expenses',
    level: 'MUNICIPAL',
    dateField: 'settledOn',
    fields: [
      f('settledOn', '结算日期', 'settled on', 'date'),
      f('totalFen', '总费用（元）', 'total cost (yuan)', 'fen'),
      f('fundPaidFen', '统筹支出（元）', 'paid by insurance (yuan)', 'fen', false),
      f('outOfPocketFen', '个人自付（元）', 'out of pocket (yuan)', 'fen'),
      f('hospital', '医疗机构', 'hospital', 'text', false),
    ],
  },
  {
    code: 'SERIOUS_ILLNESS',
    dept: 'HEALTH',
    zh: '重病患者',
    en: 'Serious-illness patients',
    level: 'MUNICIPAL',
    dateField: 'diagnosedOn',
    fields: [
      f('diagnosedOn', '确诊日期', 'diagnosed on', 'date'),
      f('category', '病种类别', 'category', 'text'),
    ],
  },
  {
    code: 'DISABILITY',
    dept: 'DISABLED_FEDERATION',
    zh: '残疾人证',
    en: 'Disability certificates',
    level: 'PROVINCIAL',
    dateField: 'issuedOn',
    fields: [
      f('issuedOn', '发证日期', 'issued on', 'date'),
      f('category', '残疾类别', 'category', 'enum', true, [
        'VISUAL',
        'HEARING',
        'SPEECH',
        'PHYSICAL',
        'INTELLECTUAL',
        'MENTAL',
        'MULTIPLE',
      ]),
      // GB/T 26341-2010: grades 1 (most severe) to 4 (domain-rules §11.3).
      { ...f('grade', '残疾等级', 'grade', 'int'), min: 1, max: 4 },
    ],
  },
  {
    code: 'EDUCATION',
    dept: 'EDUCATION',
    zh: '入学录取信息',
    en: 'School enrolment',
    level: 'PROVINCIAL',
    dateField: 'enrolledOn',
    fields: [
      f('enrolledOn', '入学日期', 'enrolled on', 'date'),
      f('level', '学段', 'level', 'enum', true, [
        'SENIOR_HIGH',
        'VOCATIONAL',
        'JUNIOR_COLLEGE',
        'UNDERGRADUATE',
        'POSTGRADUATE',
      ]),
      f('school', '院校', 'school', 'text'),
    ],
  },
  {
    code: 'PRISON',
    dept: 'JUSTICE',
    zh: '服刑和强制隔离戒毒人员',
    en: 'Prisoners and compulsory rehabilitation',
    level: 'PROVINCIAL',
    dateField: 'from',
    fields: [
      f('from', '起始日期', 'from', 'date'),
      f('kind', '类型', 'kind', 'enum', true, ['IMPRISONED', 'COMPULSORY_REHAB', 'RELEASED']),
      f('until', '截止日期', 'until', 'date', false),
    ],
  },
  {
    code: 'PUBLIC_PAYROLL',
    dept: 'FINANCE',
    zh: '财政供养人员',
    en: 'Public payroll',
    level: 'MUNICIPAL',
    dateField: 'from',
    fields: [f('from', '起始日期', 'from', 'date'), f('employer', '单位', 'employer', 'text')],
  },
  {
    code: 'MARRIAGE',
    dept: 'CIVIL_AFFAIRS',
    zh: '婚姻登记',
    en: 'Marriage registration',
    level: 'PROVINCIAL',
    dateField: 'registeredOn',
    fields: [
      f('registeredOn', '登记日期', 'registered on', 'date'),
      f('kind', '登记类型', 'kind', 'enum', true, ['MARRIAGE', 'DIVORCE']),
    ],
  },
  {
    code: 'RURAL_REVITALIZATION',
    dept: 'AGRICULTURE',
    zh: '防止返贫监测对象',
    en: 'Rural revitalisation monitoring list',
    level: 'PROVINCIAL',
    dateField: 'since',
    fields: [
      f('since', '纳入监测日期', 'monitored since', 'date'),
      f('risk', '风险类型', 'risk', 'enum', true, [
        'ILLNESS',
        'DISABILITY',
        'EDUCATION',
        'ACCIDENT',
        'UNEMPLOYMENT',
        'OTHER',
      ]),
      f('status', '监测状态', 'status', 'enum', true, ['MONITORED', 'RISK_REMOVED']),
      // People the platform may not know yet: where they live routes the alert to a village.
      f('villageCode', '所在村（居）代码', 'village code', 'text', false),
    ],
  },
  {
    code: 'UTILITIES',
    dept: 'UTILITIES',
    zh: '水电气通信费用',
    en: 'Utility spending',
    level: 'DISTRICT',
    dateField: 'period',
    fields: [
      f('period', '账期', 'period', 'date'),
      f('utility', '类别', 'utility', 'enum', true, ['WATER', 'POWER', 'GAS', 'TELECOM']),
      f('amountFen', '金额（元）', 'amount (yuan)', 'fen'),
    ],
  },
] as const satisfies readonly FeedSource[];

export type FeedSourceCode = (typeof FEED_SOURCES)[number]['code'];
export const FEED_SOURCE_CODES = FEED_SOURCES.map((s) => s.code) as FeedSourceCode[];
export const feedSource = (code: string): FeedSource | undefined =>
  (FEED_SOURCES as readonly FeedSource[]).find((s) => s.code === code);

/**
 * Labels of the enum codes, for the console and the file template. A file may hold the code or the
 * Chinese label (what people type in a spreadsheet); the API takes codes only.
 */
export const FEED_VALUE_LABELS: Record<string, { zh: string; en: string }> = {
  NORMAL: { zh: '正常', en: 'normal' },
  OTHER: { zh: '其他', en: 'other' },
  CANCELLED_DEATH: { zh: '死亡注销', en: 'cancelled (death)' },
  CANCELLED_MOVED: { zh: '迁出注销', en: 'cancelled (moved away)' },
  CANCELLED_OTHER: { zh: '其他注销', en: 'cancelled (other)' },
  CAR: { zh: '小型汽车', en: 'car' },
  TRUCK: { zh: '货车', en: 'truck' },
  MOTORCYCLE: { zh: '摩托车', en: 'motorcycle' },
  AGRICULTURAL: { zh: '农用车', en: 'agricultural vehicle' },
  PRIVATE: { zh: '非营运', en: 'private' },
  BUSINESS: { zh: '营运', en: 'business' },
  SCRAPPED: { zh: '报废', en: 'scrapped' },
  TRANSFERRED: { zh: '已转移', en: 'transferred' },
  RESIDENTIAL: { zh: '住宅', en: 'residential' },
  COMMERCIAL: { zh: '商业', en: 'commercial' },
  INDUSTRIAL: { zh: '工业', en: 'industrial' },
  SOLE: { zh: '单独所有', en: 'sole' },
  JOINT: { zh: '共同共有', en: 'joint' },
  SHARED: { zh: '按份共有', en: 'shared' },
  PENSION: { zh: '养老保险', en: 'pension' },
  MEDICAL: { zh: '医疗保险', en: 'medical' },
  UNEMPLOYMENT: { zh: '失业', en: 'unemployment' },
  WORK_INJURY: { zh: '工伤保险', en: 'work injury' },
  CONTRIBUTING: { zh: '参保缴费', en: 'contributing' },
  SUSPENDED: { zh: '暂停（封存）', en: 'suspended' },
  RECEIVING: { zh: '领取待遇', en: 'receiving benefits' },
  ENDED: { zh: '终止', en: 'ended' },
  EMPLOYED: { zh: '就业登记', en: 'employed' },
  UNEMPLOYED: { zh: '失业登记', en: 'registered unemployed' },
  UI_ENDED: { zh: '失业保险金停发', en: 'unemployment benefit ended' },
  CLOSED: { zh: '销户', en: 'closed' },
  LEGAL_REPRESENTATIVE: { zh: '法定代表人', en: 'legal representative' },
  INVESTOR: { zh: '股东（出资人）', en: 'investor' },
  SENIOR_MANAGER: { zh: '高级管理人员', en: 'senior manager' },
  SOLE_PROPRIETOR: { zh: '个体工商户经营者', en: 'sole proprietor' },
  OPERATING: { zh: '在业', en: 'operating' },
  REVOKED: { zh: '吊销', en: 'licence revoked' },
  CANCELLED: { zh: '注销', en: 'cancelled' },
  VISUAL: { zh: '视力残疾', en: 'visual' },
  HEARING: { zh: '听力残疾', en: 'hearing' },
  SPEECH: { zh: '言语残疾', en: 'speech' },
  PHYSICAL: { zh: '肢体残疾', en: 'physical' },
  INTELLECTUAL: { zh: '智力残疾', en: 'intellectual' },
  MENTAL: { zh: '精神残疾', en: 'mental' },
  MULTIPLE: { zh: '多重残疾', en: 'multiple' },
  SENIOR_HIGH: { zh: '普通高中', en: 'senior high school' },
  VOCATIONAL: { zh: '中等职业学校', en: 'vocational school' },
  JUNIOR_COLLEGE: { zh: '专科', en: 'junior college' },
  UNDERGRADUATE: { zh: '本科', en: 'undergraduate' },
  POSTGRADUATE: { zh: '研究生', en: 'postgraduate' },
  IMPRISONED: { zh: '服刑', en: 'imprisoned' },
  COMPULSORY_REHAB: { zh: '强制隔离戒毒', en: 'compulsory rehabilitation' },
  RELEASED: { zh: '已释放', en: 'released' },
  MARRIAGE: { zh: '结婚', en: 'marriage' },
  DIVORCE: { zh: '离婚', en: 'divorce' },
  ILLNESS: { zh: '因病', en: 'illness' },
  DISABILITY: { zh: '因残', en: 'disability' },
  EDUCATION: { zh: '因学', en: 'schooling' },
  ACCIDENT: { zh: '因意外事故', en: 'accident' },
  MONITORED: { zh: '监测中', en: 'monitored' },
  RISK_REMOVED: { zh: '风险已消除', en: 'risk removed' },
  WATER: { zh: '水费', en: 'water' },
  POWER: { zh: '电费', en: 'power' },
  GAS: { zh: '燃气费', en: 'gas' },
  TELECOM: { zh: '通信费', en: 'telecom' },
};

export const valueLabel = (code: string, lang: 'zh' | 'en' = 'zh') => FEED_VALUE_LABELS[code]?.[lang] ?? code;

// ── Shapes of the feeds API (server responses, console client) ──────────────────────────────────

/**
 * One problem of one delivered row. `row` is the line in the uploaded file (the header is line 1)
 * or, for the push API and deliverFeed, the 1-based position of the record in the call.
 */
export type FeedRowIssue = {
  field: string;
  row: number;
  column: string;
  message: string;
  messageEn: string;
  expected?: string;
};

export const feedDelivery = z.object({
  batchId: z.string(),
  source: z.string(),
  recordCount: z.number().int(),
  newCount: z.number().int(),
});
export type FeedDelivery = z.infer<typeof feedDelivery>;

export const feedBatchView = z.object({
  id: z.string(),
  source: z.string(),
  channel: z.enum(['FILE', 'API']),
  filename: z.string().nullable(),
  recordCount: z.number().int(),
  newCount: z.number().int(),
  deliveredByName: z.string(),
  deliveredAt: z.string(),
  apiKeyPrefix: z.string().nullable(),
});
export type FeedBatchView = z.infer<typeof feedBatchView>;

export const feedSourceStats = z.object({
  code: z.string(),
  recordCount: z.number().int(),
  lastDelivery: feedBatchView.nullable(),
});
export type FeedSourceStats = z.infer<typeof feedSourceStats>;

export const apiKeyInput = z.object({
  department: z.enum(DEPARTMENT_CODES as [DepartmentCode, ...DepartmentCode[]]),
  label: z.string().trim().min(1).max(100),
  scopes: z.array(z.string()).min(1).max(FEED_SOURCES.length),
});
export type ApiKeyInput = z.infer<typeof apiKeyInput>;

export const apiKeyView = z.object({
  id: z.string(),
  department: z.string(),
  label: z.string(),
  scopes: z.array(z.string()),
  prefix: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

/** The creation answer: the only time the secret is ever shown. */
export const apiKeyCreated = apiKeyView.extend({ secret: z.string() });
export type ApiKeyCreated = z.infer<typeof apiKeyCreated>;
