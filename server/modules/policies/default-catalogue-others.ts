import type { PolicyInput } from '../../../contracts/policies.ts';
import { DIFFICULT, ON_DIBAO_OR_TEKUN } from './default-catalogue-civil.ts';

// The other 11 departments of the demo catalogue (§9.3 rows 2–12). Where the platform cannot see a
// fact a policy needs (a damaged house, the kind of cancer, a union card), the condition finds the
// economically difficult households the department should look at and the text says what it checks.
// 法律援助 and 因灾倒损住房 are not referred (referable: false): they apply when a legal matter or a
// disaster arises, which the registry does not show; they are on the portal and in the self-check.

const phone = (n: string) => `0538-86${n}`;
/** Economically difficult for the special schemes: under 2 × the standard, or on 低保 / 特困 / 边缘 or monitored. */
export const NEEDY = `(household.incomeRatio < 2.0 || ${ON_DIBAO_OR_TEKUN} || 'DIBAO_EDGE' in household.activeSchemes || 'RURAL_REVITALIZATION_MONITORED' in household.categories)`;
/** 家庭经济困难学生 (§7.3: cross-matched with 教育). */
const POOR_STUDENT = `(household.incomeRatio < 1.5 || ${ON_DIBAO_OR_TEKUN} || 'RURAL_REVITALIZATION_MONITORED' in household.categories)`;
const WORKING_AGE = 'person.age >= 16 && person.age < 60';

const student = (
  code: string,
  name: string,
  from: number,
  to: number,
  benefit: string,
  legalBasis: string,
): PolicyInput => ({
  code,
  departmentCode: 'EDUCATION',
  name,
  summary: `家庭经济困难的在校学生（${from}–${to} 周岁）可获得${name.replace(/（.*）/, '')}。`,
  legalBasis,
  targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
  benefit,
  howToApply: '开学后向就读学校学生资助部门提交申请，学校认定家庭经济困难学生后发放',
  contact: `区教育和体育局学生资助管理中心 ${phone('02101')}`,
  subject: 'PERSON',
  eligibility: `person.inEducation && person.age >= ${from} && person.age <= ${to} && ${POOR_STUDENT}`,
  eligibilityText: `${from}–${to} 周岁在校学生，家庭人均收入低于低保标准 1.5 倍，或家庭享受低保、特困供养，或为防止返贫监测对象。`,
});

const STUDENT_AID = '财政部 教育部等《学生资助资金管理办法》（2021）';

export const OTHER_POLICIES: PolicyInput[] = [
  // ── 医保 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'YB-SUBSIDY',
    departmentCode: 'MEDICAL_INSURANCE',
    name: '城乡居民医保参保资助',
    summary: '特困人员、低保对象、低保边缘家庭成员和防止返贫监测对象参加城乡居民医保，个人缴费给予资助。',
    legalBasis: '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）',
    targetCategories: ['TEKUN', 'DIBAO', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '特困人员全额资助，低保对象定额资助，其他对象按当地标准资助个人缴费部分',
    howToApply:
      '无需申请，医保部门根据民政、乡村振兴部门推送名单直接资助；新纳入的对象可向镇（街道）便民服务中心咨询',
    contact: `区医疗保障局待遇保障科 ${phone('03101')}`,
    subject: 'PERSON',
    eligibility:
      "'DIBAO' in household.activeSchemes || 'TEKUN' in person.activeSchemes || 'DIBAO_EDGE' in household.activeSchemes || 'RURAL_REVITALIZATION_MONITORED' in household.categories",
    eligibilityText: '本人为特困人员，或家庭享受低保、被认定为低保边缘家庭，或为防止返贫监测对象。',
  },
  {
    code: 'YB-AID',
    departmentCode: 'MEDICAL_INSURANCE',
    name: '医疗救助',
    summary: '困难群众和因病致贫重病患者经基本医保、大病保险报销后的政策范围内自付费用，按比例救助。',
    legalBasis:
      '《社会救助暂行办法》第六章；《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE', 'ILLNESS_IMPOVERISHED'],
    benefit: '住院和门诊慢特病政策范围内自付费用按比例救助，特困人员、低保对象倾斜；定点医院“一站式”结算',
    howToApply: '在定点医疗机构出院时“一站式”结算；未能结算的向区医保局或镇（街道）申请',
    contact: `区医疗保障局待遇保障科 ${phone('03101')}`,
    subject: 'PERSON',
    eligibility: `person.seriousIllness && ${NEEDY}`,
    eligibilityText:
      '本人患重特大疾病，家庭人均收入低于低保标准 2 倍，或享受低保、特困供养、低保边缘认定，或为防止返贫监测对象。',
  },
  // ── 教育 ────────────────────────────────────────────────────────────────────────────────
  student('JY-PRESCHOOL', '学前教育幼儿资助', 3, 5, '减免保育教育费或发放生活补助', `${STUDENT_AID}`),
  student(
    'JY-COMPULSORY',
    '义务教育家庭经济困难学生生活补助',
    6,
    15,
    '按学期发放生活补助（寄宿生标准更高），免除学杂费、免费提供教科书',
    `《中华人民共和国义务教育法》第四十四条；${STUDENT_AID}`,
  ),
  student('JY-HIGH', '普通高中国家助学金和免学杂费', 15, 17, '发放国家助学金，免除学杂费', STUDENT_AID),
  student(
    'JY-COLLEGE',
    '高校家庭经济困难学生资助（国家助学金、生源地信用助学贷款）',
    18,
    24,
    '国家助学金、生源地信用助学贷款、新生入学资助',
    STUDENT_AID,
  ),
  // ── 住建 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'ZJ-RENTAL',
    departmentCode: 'HOUSING',
    name: '公共租赁住房',
    summary: '城镇中等偏下收入住房困难家庭，可申请公共租赁住房实物配租。',
    legalBasis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '按低于市场租金的标准配租公共租赁住房，低保、特困家庭租金减免',
    howToApply: '向户籍所在地镇（街道）住房保障窗口申请，经审核、公示后轮候配租',
    contact: `区住房和城乡建设局住房保障科 ${phone('04101')}`,
    subject: 'HOUSEHOLD',
    eligibility: "household.area == 'urban' && household.incomeRatio < 2.0 && !household.hasVehicle",
    eligibilityText: '城镇家庭，人均收入低于低保标准 2 倍，没有机动车；住房困难情况由住建部门核实。',
  },
  {
    code: 'ZJ-RENT-SUBSIDY',
    departmentCode: 'HOUSING',
    name: '城镇住房保障家庭租赁补贴',
    summary: '城镇低保、特困和低收入住房困难家庭租房居住的，发放租赁补贴。',
    legalBasis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条',
    targetCategories: ['DIBAO', 'TEKUN'],
    benefit: '按保障面积和补贴标准按月或按季度发放租赁补贴',
    howToApply: '向镇（街道）住房保障窗口申请，提供租赁合同',
    contact: `区住房和城乡建设局住房保障科 ${phone('04101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'urban' && (household.incomeRatio < 1.0 || ${ON_DIBAO_OR_TEKUN})`,
    eligibilityText: '城镇家庭，人均收入低于低保标准，或正在享受低保、特困供养；是否租房居住由住建部门核实。',
  },
  {
    code: 'ZJ-RURAL-HOUSE',
    departmentCode: 'HOUSING',
    name: '农村低收入群体危房改造',
    summary: '农村低保、特困、低保边缘家庭和防止返贫监测对象等重点对象住房不安全的，给予改造补助。',
    legalBasis:
      '住房和城乡建设部 财政部 民政部 国家乡村振兴局《关于做好农村低收入群体等重点对象住房安全保障工作的实施意见》（建村〔2021〕35号）',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '按危房等级给予加固或翻建补助，特困人员可由政府统建或集中供养',
    howToApply: '向村委会提出申请，经房屋安全鉴定后由镇政府审核',
    contact: `区住房和城乡建设局村镇建设科 ${phone('04102')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'rural' && (household.incomeRatio < 1.5 || ${ON_DIBAO_OR_TEKUN} || 'DIBAO_EDGE' in household.activeSchemes || 'RURAL_REVITALIZATION_MONITORED' in household.categories)`,
    eligibilityText:
      '农村家庭，人均收入低于低保标准 1.5 倍，或享受低保、特困供养、低保边缘认定，或为防止返贫监测对象；住房安全由住建部门鉴定。',
  },
  // ── 人社 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'RS-EMPLOY-AID',
    departmentCode: 'HRSS',
    name: '就业援助（就业困难人员）',
    summary: '登记失业的困难群众可认定为就业困难人员，享受职业介绍、技能培训和岗位补贴。',
    legalBasis: '《中华人民共和国就业促进法》第五章“就业援助”',
    targetCategories: ['DIBAO', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '免费职业指导、职业介绍和技能培训，灵活就业的给予社会保险补贴',
    howToApply: '到镇（街道）人社服务窗口办理失业登记和就业困难人员认定',
    contact: `区人力资源和社会保障局就业服务中心 ${phone('05101')}`,
    subject: 'PERSON',
    eligibility: `person.unemployed && ${WORKING_AGE} && !person.inEducation && ${NEEDY}`,
    eligibilityText:
      '16 至 59 周岁、不在校，登记失业或无业，家庭人均收入低于低保标准 2 倍，或享受低保等救助、为防止返贫监测对象。',
  },
  {
    code: 'RS-PUBLIC-JOB',
    departmentCode: 'HRSS',
    name: '公益性岗位安置（零就业家庭）',
    summary: '家庭中有劳动能力的成员均未就业的困难家庭，优先安置公益性岗位，确保至少一人就业。',
    legalBasis: '《中华人民共和国就业促进法》第五十二条、第五十六条',
    targetCategories: ['DIBAO', 'DIBAO_EDGE'],
    benefit: '优先安置公益性岗位，按规定发放岗位补贴和社会保险补贴',
    howToApply: '到镇（街道）人社服务窗口申请零就业家庭认定',
    contact: `区人力资源和社会保障局就业服务中心 ${phone('05101')}`,
    subject: 'PERSON',
    eligibility: `person.unemployed && ${WORKING_AGE} && !person.inEducation && household.incomeRatio < 1.5 && household.members.all(m, m.age < 16 || m.age >= 60 || m.unemployed || m.inEducation || m.disabilityGrade in [1, 2])`,
    eligibilityText:
      '16 至 59 周岁失业人员，家中所有劳动年龄成员均未就业（在校或重度残疾的除外），家庭人均收入低于低保标准 1.5 倍。',
  },
  {
    code: 'RS-PENSION',
    departmentCode: 'HRSS',
    name: '城乡居民养老保险代缴',
    summary: '低保对象、特困人员、重度残疾人等缴费困难群体，由政府代缴部分或全部最低档次养老保险费。',
    legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '政府为其代缴最低缴费档次的城乡居民养老保险费',
    howToApply: '无需申请，由人社部门根据名单代缴；未代缴的可到镇（街道）人社窗口咨询',
    contact: `区社会保险事业中心 ${phone('05102')}`,
    subject: 'PERSON',
    eligibility: `${WORKING_AGE} && !person.inEducation && ('DIBAO' in household.activeSchemes || 'TEKUN' in person.activeSchemes || 'DIBAO_EDGE' in household.activeSchemes || 'RURAL_REVITALIZATION_MONITORED' in household.categories || (person.disabilityGrade in [1, 2] && household.incomeRatio < 2.0))`,
    eligibilityText:
      '16 至 59 周岁、不在校，家庭享受低保、低保边缘认定或为防止返贫监测对象，或本人为特困人员，或为一、二级残疾人且家庭人均收入低于低保标准 2 倍。',
  },
  // ── 卫健 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'WJ-FAMILY-DOCTOR',
    departmentCode: 'HEALTH',
    name: '家庭医生签约服务（困难重点人群）',
    summary: '困难家庭中的老年人、残疾人和重病患者，优先签约家庭医生，提供上门随访和健康管理。',
    legalBasis: '国务院医改办等《关于推进家庭医生签约服务的指导意见》（国医改办发〔2016〕1号）',
    targetCategories: ['DIBAO', 'TEKUN', 'ILLNESS_IMPOVERISHED'],
    benefit: '免费签约基础包服务：定期随访、健康评估、慢病用药指导，行动不便的上门服务',
    howToApply: '向村卫生室或社区卫生服务中心申请签约',
    contact: `区卫生健康局基层卫生科 ${phone('06101')}`,
    subject: 'PERSON',
    eligibility: `(person.age >= 65 || person.disabilityGrade > 0 || person.seriousIllness) && ${NEEDY}`,
    eligibilityText:
      '65 周岁以上、持残疾人证或患重特大疾病，且家庭人均收入低于低保标准 2 倍或享受救助、为防止返贫监测对象。',
  },
  {
    code: 'WJ-EMERGENCY',
    departmentCode: 'HEALTH',
    name: '疾病应急救助',
    summary: '需要急救但无力支付急救费用的重病患者，由疾病应急救助基金支付。',
    legalBasis: '《国务院办公厅关于建立疾病应急救助制度的指导意见》（国办发〔2013〕15号）',
    targetCategories: ['DIBAO', 'TEKUN', 'ILLNESS_IMPOVERISHED'],
    benefit: '医疗机构先行救治，无力支付的急救费用由疾病应急救助基金补助',
    howToApply: '由救治医院向区卫生健康局申报，患者或家属配合提供困难证明',
    contact: `区卫生健康局医政科 ${phone('06102')}`,
    subject: 'PERSON',
    eligibility: `person.seriousIllness && (household.incomeRatio < 1.0 || ${ON_DIBAO_OR_TEKUN})`,
    eligibilityText: '本人患重特大疾病，家庭人均收入低于低保标准或正在享受低保、特困供养。',
  },
  // ── 应急 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'YJ-WINTER',
    departmentCode: 'EMERGENCY',
    name: '受灾人员冬春临时生活困难救助',
    summary: '因灾造成冬春生活困难的农村家庭，给予口粮、衣被、取暖等救助。',
    legalBasis: '《自然灾害救助条例》（国务院令第577号）第二十条',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '发放冬春生活救助资金或口粮、衣被、取暖物资',
    howToApply: '由村委会摸底、镇政府审核，经公示后发放；本人也可向村委会申请',
    contact: `区应急管理局救灾科 ${phone('07101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'rural' && (${DIFFICULT} || 'DIBAO_EDGE' in household.activeSchemes)`,
    eligibilityText:
      '农村家庭，人均收入低于低保标准 1.5 倍，或享受低保、特困供养、低保边缘认定；受灾情况由应急部门核实。',
  },
  {
    code: 'YJ-HOUSE',
    departmentCode: 'EMERGENCY',
    name: '因灾倒损住房恢复重建补助',
    summary: '自然灾害造成住房倒塌或严重损坏的困难家庭，给予恢复重建补助。',
    legalBasis: '《自然灾害救助条例》（国务院令第577号）第十九条',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '按倒损程度给予重建或维修补助，困难家庭优先',
    howToApply: '灾后向村委会报告，经核查、评议、公示后由镇政府报区应急管理局审批',
    contact: `区应急管理局救灾科 ${phone('07101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'rural' && (${ON_DIBAO_OR_TEKUN} || 'DIBAO_EDGE' in household.activeSchemes || 'RURAL_REVITALIZATION_MONITORED' in household.categories)`,
    eligibilityText:
      '农村低保、特困、低保边缘家庭或防止返贫监测对象（困难家庭优先）；住房倒损由应急部门核实。',
    referable: false,
  },
];
