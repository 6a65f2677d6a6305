// National and domain code tables (domain-rules §3.2, §5.3, §11.4, §11.5). Every table carries the
// Chinese and English label so that API errors and exports can use either. Editions are [K] unless noted.

export type CodeEntry = { readonly code: string; readonly zh: string; readonly en: string };

const guardFor =
  <T extends readonly CodeEntry[]>(table: T) =>
  (s: unknown): s is T[number]['code'] =>
    typeof s === 'string' && table.some((e) => e.code === s);

/** Label lookup for any of the tables below; null for an unknown code. */
export const labelOf = (table: readonly CodeEntry[], code: string): CodeEntry | null =>
  table.find((e) => e.code === code) ?? null;

// GB/T 2261.1-2003 [K].
export const SEX_CODES = [
  { code: '0', zh: '未知的性别', en: 'unknown' },
  { code: '1', zh: '男', en: 'male' },
  { code: '2', zh: '女', en: 'female' },
  { code: '9', zh: '未说明的性别', en: 'not stated' },
] as const;
export type SexCode = (typeof SEX_CODES)[number]['code'];
export const isSexCode = guardFor(SEX_CODES);

// GB/T 2261.2-2003 [K]. 21–23 refine 20; reports that only know "married" use 20.
export const MARITAL_STATUS_CODES = [
  { code: '10', zh: '未婚', en: 'never married' },
  { code: '20', zh: '已婚', en: 'married' },
  { code: '21', zh: '初婚', en: 'first marriage' },
  { code: '22', zh: '再婚', en: 'remarried' },
  { code: '23', zh: '复婚', en: 'remarried to former spouse' },
  { code: '30', zh: '丧偶', en: 'widowed' },
  { code: '40', zh: '离婚', en: 'divorced' },
  { code: '90', zh: '未说明的婚姻状况', en: 'not stated' },
] as const;
export type MaritalStatusCode = (typeof MARITAL_STATUS_CODES)[number]['code'];
export const isMaritalStatusCode = guardFor(MARITAL_STATUS_CODES);

// 01/02/09 seen in real data [V2 S12]; 10 居民户口 is the post-reform unified type [K].
// Eligibility must not depend on this field (§11.5); it is recorded for reporting only.
export const HUKOU_TYPES = [
  { code: '01', zh: '农业户口', en: 'agricultural hukou' },
  { code: '02', zh: '非农业户口', en: 'non-agricultural hukou' },
  { code: '10', zh: '居民户口', en: 'resident hukou (unified)' },
  { code: '09', zh: '其他', en: 'other' },
] as const;
export type HukouType = (typeof HUKOU_TYPES)[number]['code'];
export const isHukouType = guardFor(HUKOU_TYPES);

// §11.4 [V S2 Art.22].
export const SELF_CARE_LEVELS = [
  { code: 'SELF_CARE', zh: '自理', en: 'able to care for self' },
  { code: 'PARTIAL_LOSS', zh: '半自理', en: 'partly unable to care for self' },
  { code: 'FULL_LOSS', zh: '全护理', en: 'fully unable to care for self' },
] as const;
export type SelfCareLevel = (typeof SELF_CARE_LEVELS)[number]['code'];
export const isSelfCareLevel = guardFor(SELF_CARE_LEVELS);

// §3.2 exclusions [V S1 Art.7].
export const SPECIAL_STATUSES = [
  { code: 'IN_PRISON', zh: '服刑', en: 'serving a prison sentence' },
  { code: 'COMPULSORY_REHAB', zh: '强制隔离戒毒', en: 'in compulsory drug rehabilitation' },
  { code: 'DECLARED_MISSING', zh: '宣告失踪', en: 'declared missing' },
  {
    code: 'CLERGY_3Y',
    zh: '宗教教职人员离家三年以上',
    en: 'clergy living apart from the family for 3+ years',
  },
] as const;
export type SpecialStatus = (typeof SPECIAL_STATUSES)[number]['code'];
export const isSpecialStatus = guardFor(SPECIAL_STATUSES);

// Internal levels, ordered low → high. Mapping to GB/T 4658 学历代码 is left to export adapters.
export const EDUCATION_LEVELS = [
  { code: 'none', zh: '未上过学', en: 'no schooling' },
  { code: 'primary', zh: '小学', en: 'primary school' },
  { code: 'junior', zh: '初中', en: 'junior secondary' },
  { code: 'senior', zh: '高中', en: 'senior secondary' },
  { code: 'vocational', zh: '中等职业教育', en: 'secondary vocational' },
  { code: 'college', zh: '大学专科', en: 'junior college (专科)' },
  { code: 'bachelor', zh: '大学本科', en: "bachelor's degree (本科)" },
  { code: 'postgraduate', zh: '研究生', en: 'postgraduate' },
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]['code'];
export const isEducationLevel = guardFor(EDUCATION_LEVELS);

// GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码 [K]; 97/98 are the standard's residual codes.
export const ETHNICITIES = [
  { code: '01', zh: '汉族', en: 'Han' },
  { code: '02', zh: '蒙古族', en: 'Mongol' },
  { code: '03', zh: '回族', en: 'Hui' },
  { code: '04', zh: '藏族', en: 'Tibetan' },
  { code: '05', zh: '维吾尔族', en: 'Uyghur' },
  { code: '06', zh: '苗族', en: 'Miao' },
  { code: '07', zh: '彝族', en: 'Yi' },
  { code: '08', zh: '壮族', en: 'Zhuang' },
  { code: '09', zh: '布依族', en: 'Bouyei' },
  { code: '10', zh: '朝鲜族', en: 'Korean' },
  { code: '11', zh: '满族', en: 'Manchu' },
  { code: '12', zh: '侗族', en: 'Dong' },
  { code: '13', zh: '瑶族', en: 'Yao' },
  { code: '14', zh: '白族', en: 'Bai' },
  { code: '15', zh: '土家族', en: 'Tujia' },
  { code: '16', zh: '哈尼族', en: 'Hani' },
  { code: '17', zh: '哈萨克族', en: 'Kazakh' },
  { code: '18', zh: '傣族', en: 'Dai' },
  { code: '19', zh: '黎族', en: 'Li' },
  { code: '20', zh: '傈僳族', en: 'Lisu' },
  { code: '21', zh: '佤族', en: 'Va' },
  { code: '22', zh: '畲族', en: 'She' },
  { code: '23', zh: '高山族', en: 'Gaoshan' },
  { code: '24', zh: '拉祜族', en: 'Lahu' },
  { code: '25', zh: '水族', en: 'Sui' },
  { code: '26', zh: '东乡族', en: 'Dongxiang' },
  { code: '27', zh: '纳西族', en: 'Naxi' },
  { code: '28', zh: '景颇族', en: 'Jingpo' },
  { code: '29', zh: '柯尔克孜族', en: 'Kirgiz' },
  { code: '30', zh: '土族', en: 'Tu' },
  { code: '31', zh: '达斡尔族', en: 'Daur' },
  { code: '32', zh: '仫佬族', en: 'Mulao' },
  { code: '33', zh: '羌族', en: 'Qiang' },
  { code: '34', zh: '布朗族', en: 'Blang' },
  { code: '35', zh: '撒拉族', en: 'Salar' },
  { code: '36', zh: '毛南族', en: 'Maonan' },
  { code: '37', zh: '仡佬族', en: 'Gelao' },
  { code: '38', zh: '锡伯族', en: 'Xibe' },
  { code: '39', zh: '阿昌族', en: 'Achang' },
  { code: '40', zh: '普米族', en: 'Pumi' },
  { code: '41', zh: '塔吉克族', en: 'Tajik' },
  { code: '42', zh: '怒族', en: 'Nu' },
  { code: '43', zh: '乌孜别克族', en: 'Uzbek' },
  { code: '44', zh: '俄罗斯族', en: 'Russian' },
  { code: '45', zh: '鄂温克族', en: 'Ewenki' },
  { code: '46', zh: '德昂族', en: 'Deang' },
  { code: '47', zh: '保安族', en: 'Bonan' },
  { code: '48', zh: '裕固族', en: 'Yugur' },
  { code: '49', zh: '京族', en: 'Gin' },
  { code: '50', zh: '塔塔尔族', en: 'Tatar' },
  { code: '51', zh: '独龙族', en: 'Derung' },
  { code: '52', zh: '鄂伦春族', en: 'Oroqen' },
  { code: '53', zh: '赫哲族', en: 'Hezhen' },
  { code: '54', zh: '门巴族', en: 'Monba' },
  { code: '55', zh: '珞巴族', en: 'Lhoba' },
  { code: '56', zh: '基诺族', en: 'Jino' },
  { code: '97', zh: '其他', en: 'other' },
  { code: '98', zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
] as const;
export type EthnicityCode = (typeof ETHNICITIES)[number]['code'];
export const isEthnicityCode = guardFor(ETHNICITIES);
