// The household import sheet: one row per person, members of one household on consecutive rows
// sharing the same 户编号 (a key local to the file). Headers are Chinese; English keys are accepted.

export type ImportColumn = {
  key: string;
  zh: string;
  required: boolean;
  /** Household-level columns are read from the household's first row. */
  level: 'household' | 'person';
  example: string;
  help: string;
};

export const HOUSEHOLD_IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: 'householdKey',
    zh: '户编号',
    required: true,
    level: 'household',
    example: 'H001',
    help: '文件内的户标识，同户成员须连续排列',
  },
  {
    key: 'villageCode',
    zh: '村居代码',
    required: true,
    level: 'household',
    example: '370971001201',
    help: '12 位统计用区划代码',
  },
  {
    key: 'address',
    zh: '家庭住址',
    required: false,
    level: 'household',
    example: '北集坡街道某村 12 号',
    help: '',
  },
  {
    key: 'hukouType',
    zh: '户口性质',
    required: false,
    level: 'household',
    example: '10',
    help: '01 农业 02 非农业 10 居民 09 其他',
  },
  {
    key: 'residenceCode',
    zh: '现居住地代码',
    required: false,
    level: 'household',
    example: '',
    help: '实际居住地的 12 位区划代码，与户籍地相同可不填',
  },
  {
    key: 'urbanRural',
    zh: '城乡',
    required: false,
    level: 'household',
    example: '农村',
    help: '城市/农村，空则按村居城乡分类',
  },
  { key: 'name', zh: '姓名', required: true, level: 'person', example: '张三', help: '' },
  {
    key: 'idType',
    zh: '证件类型',
    required: false,
    level: 'person',
    example: '居民身份证',
    help: '居民身份证/港澳台居民居住证/外国人永久居留身份证',
  },
  {
    key: 'idNumber',
    zh: '证件号码',
    required: true,
    level: 'person',
    example: '370911195501010026',
    help: '18 位或 15 位',
  },
  {
    key: 'relationCode',
    zh: '与户主关系',
    required: true,
    level: 'person',
    example: '02',
    help: 'GB/T 4761 代码，户主为 02',
  },
  { key: 'ethnicity', zh: '民族', required: false, level: 'person', example: '01', help: 'GB/T 3304 代码' },
  {
    key: 'maritalStatus',
    zh: '婚姻状况',
    required: false,
    level: 'person',
    example: '20',
    help: 'GB/T 2261.2 代码',
  },
  { key: 'phone', zh: '联系电话', required: false, level: 'person', example: '13812345678', help: '' },
  {
    key: 'bankAccount',
    zh: '银行账号',
    required: false,
    level: 'person',
    example: '6222021234567890123',
    help: '',
  },
  { key: 'bankName', zh: '开户行', required: false, level: 'person', example: '农商银行', help: '' },
  {
    key: 'disabilityCertificate',
    zh: '残疾证号',
    required: false,
    level: 'person',
    example: '',
    help: '第二代残疾人证 20 位',
  },
  {
    key: 'selfCareLevel',
    zh: '自理能力',
    required: false,
    level: 'person',
    example: '自理',
    help: '自理/半自理/全护理',
  },
  { key: 'educationLevel', zh: '文化程度', required: false, level: 'person', example: '', help: '' },
  {
    key: 'inFulltimeEducation',
    zh: '在校就读',
    required: false,
    level: 'person',
    example: '否',
    help: '是/否',
  },
  {
    key: 'specialStatus',
    zh: '特殊情形',
    required: false,
    level: 'person',
    example: '',
    help: '服刑/强制隔离戒毒/宣告失踪/宗教教职人员离家三年以上',
  },
  { key: 'employmentStatus', zh: '就业状况', required: false, level: 'person', example: '', help: '' },
  {
    key: 'monthlyIncome',
    zh: '月收入(元)',
    required: false,
    level: 'person',
    example: '0.00',
    help: '元，最多两位小数',
  },
];

export type ImportRowError = { line: number; column: string | null; message: string; messageEn: string };

export type ImportResult =
  | { ok: true; households: number; persons: number }
  | { ok: false; errorCount: number; errors: ImportRowError[]; truncated: boolean };
