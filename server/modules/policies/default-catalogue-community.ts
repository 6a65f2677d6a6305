import type { PolicyInput } from '../../../contracts/policies.ts';
import { ON_DIBAO_OR_TEKUN } from './default-catalogue-civil.ts';
import { NEEDY } from './default-catalogue-others.ts';

// §9.3 rows 8–12 of the demo catalogue: 农业农村（乡村振兴）, 残联, 司法, 总工会, 团委·妇联·慈善总会.
// 困难职工 and 金秋助学 need union membership, which the platform does not hold: the condition finds
// working households with a low income per head, and the union checks membership (§2.4: never an
// identity flag alone).

const phone = (n: string) => `0538-86${n}`;
const EARNER = 'household.members.exists(m, m.age >= 16 && m.age < 60 && m.monthlyIncomeFen > 0)';
const MONITORED = "'RURAL_REVITALIZATION_MONITORED' in household.categories";

export const COMMUNITY_POLICIES: PolicyInput[] = [
  // ── 农业农村（乡村振兴） ────────────────────────────────────────────────────────────────
  {
    code: 'NY-RR-SUPPORT',
    departmentCode: 'AGRICULTURE',
    name: '防止返贫监测对象帮扶',
    summary: '已纳入防止返贫监测的农户，按风险类型落实产业、就业、小额信贷等针对性帮扶措施。',
    legalBasis:
      '民政部 中央农办 财政部 国家乡村振兴局《关于进一步做好最低生活保障等社会救助兜底工作的通知》（民发〔2022〕83号）§三(三)；防止返贫动态监测和帮扶机制相关文件 [待确认]',
    targetCategories: ['RURAL_REVITALIZATION_MONITORED'],
    benefit: '产业发展奖补、脱贫人口小额信贷、务工交通补助、公益岗位等帮扶措施',
    howToApply: '由村“两委”和驻村工作队制定帮扶计划；农户也可向村委会提出帮扶需求',
    contact: `区农业农村局（乡村振兴服务中心）${phone('08101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'rural' && ${MONITORED}`,
    eligibilityText: '农村家庭，已被乡村振兴部门纳入防止返贫监测。',
  },
  {
    code: 'NY-RR-ENTRY',
    departmentCode: 'AGRICULTURE',
    name: '防止返贫监测对象识别纳入',
    summary: '收入偏低或因病等刚性支出较大、存在返贫致贫风险的农户，经核实后纳入监测并落实帮扶。',
    legalBasis:
      '民政部 中央农办 财政部 国家乡村振兴局《关于进一步做好最低生活保障等社会救助兜底工作的通知》（民发〔2022〕83号）§三(三)',
    targetCategories: ['DIBAO_EDGE', 'ILLNESS_IMPOVERISHED'],
    benefit: '纳入监测后按风险类型落实帮扶，风险消除后按程序标注',
    howToApply: '农户自主申报，或经村级摸排、部门筛查预警后由乡镇核实',
    contact: `区农业农村局（乡村振兴服务中心）${phone('08101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.area == 'rural' && !(${MONITORED}) && (household.incomeRatio < 1.5 || (household.members.exists(m, m.seriousIllness) && household.incomeRatio < 2.0))`,
    eligibilityText:
      '尚未纳入监测的农村家庭，人均收入低于低保标准 1.5 倍，或有重病患者且人均收入低于低保标准 2 倍。',
  },
  // ── 残联 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'CL-CHILD-REHAB',
    departmentCode: 'DISABLED_FEDERATION',
    name: '残疾儿童康复救助',
    summary: '0–6 周岁经济困难家庭的残疾儿童，接受手术、辅具适配和康复训练等基本康复服务给予救助。',
    legalBasis: '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）',
    targetCategories: ['DIBAO', 'TEKUN', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '在定点康复机构接受康复训练、手术、辅具适配的费用按标准救助',
    howToApply: '监护人持残疾人证或医院诊断证明向镇（街道）残联申请',
    contact: `区残疾人联合会康复部 ${phone('09101')}`,
    subject: 'PERSON',
    eligibility: `person.age <= 6 && person.disabilityGrade > 0 && ${NEEDY}`,
    eligibilityText:
      '0–6 周岁残疾儿童，家庭人均收入低于低保标准 2 倍，或享受低保、特困供养、低保边缘认定，或为防止返贫监测对象。',
  },
  {
    code: 'CL-AIDS',
    departmentCode: 'DISABLED_FEDERATION',
    name: '困难残疾人基本型辅助器具适配',
    summary: '经济困难的视力、听力、肢体残疾人，免费或补贴适配轮椅、助听器、助视器等基本型辅助器具。',
    legalBasis: '《中华人民共和国残疾人保障法》第十九条、第四十八条',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '基本型辅助器具免费适配或按目录补贴',
    howToApply: '持残疾人证向镇（街道）残联申请，经评估后适配',
    contact: `区残疾人联合会康复部 ${phone('09101')}`,
    subject: 'PERSON',
    eligibility: `person.disabilityGrade > 0 && person.disabilityCategory in [1, 2, 4] && ${NEEDY}`,
    eligibilityText:
      '视力、听力或肢体残疾人，家庭人均收入低于低保标准 2 倍，或享受救助、为防止返贫监测对象。',
  },
  {
    code: 'CL-BARRIER-FREE',
    departmentCode: 'DISABLED_FEDERATION',
    name: '困难重度残疾人家庭无障碍改造',
    summary: '有一、二级重度残疾人的困难家庭，对出入口、卫生间、厨房等进行无障碍改造。',
    legalBasis: '《中华人民共和国无障碍环境建设法》（2023）第十八条；《中华人民共和国残疾人保障法》',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '按“一户一案”免费实施家庭无障碍改造',
    howToApply: '向村（居）委会或镇（街道）残联申请，入户评估后实施',
    contact: `区残疾人联合会维权部 ${phone('09102')}`,
    subject: 'HOUSEHOLD',
    eligibility: `household.members.exists(m, m.disabilityGrade in [1, 2]) && (household.incomeRatio < 1.5 || ${ON_DIBAO_OR_TEKUN} || 'DIBAO_EDGE' in household.activeSchemes)`,
    eligibilityText:
      '家中有一、二级残疾人，家庭人均收入低于低保标准 1.5 倍，或享受低保、特困供养、低保边缘认定。',
  },
  // ── 司法 ────────────────────────────────────────────────────────────────────────────────
  {
    code: 'SF-LEGAL-AID',
    departmentCode: 'JUSTICE',
    name: '法律援助',
    summary:
      '经济困难的公民在追索劳动报酬、赡养费、工伤赔偿等事项上需要法律帮助的，免费提供法律咨询、代理和刑事辩护。',
    legalBasis: '《中华人民共和国法律援助法》第三十一条、第四十二条（低保、特困人员免予核查经济困难状况）',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '免费法律咨询、代拟法律文书、诉讼和非诉讼代理、刑事辩护',
    howToApply: '向区法律援助中心或镇（街道）司法所申请，也可拨打 12348',
    contact: `区法律援助中心 ${phone('10101')}；公共法律服务热线 12348`,
    subject: 'HOUSEHOLD',
    eligibility: `household.incomeRatio < 1.5 || ${ON_DIBAO_OR_TEKUN}`,
    eligibilityText: '家庭人均收入低于低保标准 1.5 倍，或正在享受低保、特困供养（免予核查经济状况）。',
    referable: false,
  },
  // ── 总工会 ──────────────────────────────────────────────────────────────────────────────
  {
    code: 'GH-HARDSHIP',
    departmentCode: 'TRADE_UNION',
    name: '困难职工帮扶',
    summary: '收入低、生活困难的职工家庭，经工会建档后给予生活救助、医疗救助和就业帮扶。',
    legalBasis: '《中华人民共和国工会法》第六条；中华全国总工会困难职工帮扶相关办法 [待确认]',
    targetCategories: ['DIBAO', 'DIBAO_EDGE'],
    benefit: '节日送温暖、生活救助金、医疗救助和子女助学',
    howToApply: '向所在单位工会或镇（街道）总工会申请建档，工会核实会员身份',
    contact: `区总工会职工服务中心 ${phone('11101')}`,
    subject: 'HOUSEHOLD',
    eligibility: `${EARNER} && household.incomeRatio < 1.5`,
    eligibilityText:
      '家中有 16 至 59 周岁且有收入的劳动者，家庭人均收入低于低保标准 1.5 倍；工会会员身份由工会核实。',
  },
  {
    code: 'GH-AUTUMN-STUDY',
    departmentCode: 'TRADE_UNION',
    name: '金秋助学',
    summary: '困难职工家庭子女考入或就读高等院校的，给予一次性助学金。',
    legalBasis: '中华全国总工会“金秋助学”活动相关文件 [待确认]',
    targetCategories: ['DIBAO', 'DIBAO_EDGE'],
    benefit: '一次性发放助学金',
    howToApply: '每年 7–9 月向家长所在单位工会或镇（街道）总工会申请',
    contact: `区总工会职工服务中心 ${phone('11101')}`,
    subject: 'PERSON',
    eligibility: `person.inEducation && person.age >= 18 && person.age <= 24 && household.incomeRatio < 1.5 && ${EARNER}`,
    eligibilityText:
      '18–24 周岁在校学生，家中有劳动者，家庭人均收入低于低保标准 1.5 倍；家长工会会员身份由工会核实。',
  },
  // ── 团委·妇联·慈善总会 ───────────────────────────────────────────────────────────────────
  {
    code: 'QT-HOPE-PROJECT',
    departmentCode: 'MASS_ORGS',
    name: '希望工程助学（团区委）',
    summary: '家庭经济困难的中小学生，由希望工程结对资助。',
    legalBasis: '共青团“希望工程”助学项目（见领域规则 §9.3 政策清单）[待确认]',
    targetCategories: ['DIBAO', 'TEKUN', 'RURAL_REVITALIZATION_MONITORED'],
    benefit: '按学年发放助学金，开展结对帮扶',
    howToApply: '由学校或村（居）委会推荐，团区委审核',
    contact: `共青团高新区工作委员会 ${phone('12101')}`,
    subject: 'PERSON',
    eligibility: `person.inEducation && person.age >= 6 && person.age <= 17 && (household.incomeRatio < 1.0 || ${ON_DIBAO_OR_TEKUN} || ${MONITORED})`,
    eligibilityText:
      '6–17 周岁在校学生，家庭人均收入低于低保标准，或享受低保、特困供养，或为防止返贫监测对象。',
  },
  {
    code: 'QT-WOMEN-ILLNESS',
    departmentCode: 'MASS_ORGS',
    name: '困难妇女“两癌”救助（妇联）',
    summary: '患宫颈癌、乳腺癌的困难妇女，给予一次性救助金。',
    legalBasis: '全国妇联 中国妇女发展基金会“贫困母亲两癌救助”项目（见领域规则 §9.3 政策清单）[待确认]',
    targetCategories: ['DIBAO', 'DIBAO_EDGE', 'ILLNESS_IMPOVERISHED'],
    benefit: '一次性发放救助金',
    howToApply: '持确诊证明向村（居）妇联或镇（街道）妇联申请',
    contact: `区妇女联合会 ${phone('12102')}`,
    subject: 'PERSON',
    eligibility: `person.sex == 'F' && person.seriousIllness && person.age >= 18 && household.incomeRatio < 2.0`,
    eligibilityText:
      '18 周岁以上女性，患重特大疾病，家庭人均收入低于低保标准 2 倍；是否为宫颈癌、乳腺癌由妇联核实。',
  },
];
