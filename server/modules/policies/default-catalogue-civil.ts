import type { PolicyInput } from '../../../contracts/policies.ts';

// The 民政 part of the demo catalogue (§9.3 row 1: 低保, 特困, 临时救助, 两项补贴, 孤儿 / 事实无人抚养
// 儿童, 取暖, 殡葬减免; plus 单人保, 低保边缘 and the elderly subsidy). Conditions read only income,
// property, household membership and the listed special cases (§2.4), and a scheme already in force
// never matches again.
//
// referable: the schemes decided through the case lifecycle (低保, 单人保, 特困, 低保边缘, 临时救助)
// are not referred: §2.4 allows no inclusion without 申请受理 → 调查 → 审核确认, the monitoring
// module already raises 即将进保 alerts that start that procedure, and a department "GRANTED" answer
// would bypass it. They still show on the portal and in the self-check. 殡葬减免 is not referred
// either: it applies at a death the platform cannot foresee.

export const CONTACT_CIVIL = '区民政局社会救助科 0538-8601234；社会救助热线 12349';

/** Income per head below the local 低保 standard; no motor vehicle (S3 Art.9; S1 Art.14). */
export const BELOW_LINE =
  'household.perCapitaIncomeFen < household.dibaoStandardFen && !household.hasVehicle';
/** On 低保 or 特困 (household). */
export const ON_DIBAO_OR_TEKUN = "('DIBAO' in household.activeSchemes || 'TEKUN' in household.activeSchemes)";
/** Economically difficult: income per head under 1.5 × the standard, or on 低保 / 特困. */
export const DIFFICULT = `(household.incomeRatio < 1.5 || ${ON_DIBAO_OR_TEKUN})`;

export const CIVIL_AFFAIRS_POLICIES: PolicyInput[] = [
  {
    code: 'MZ-DIBAO',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '最低生活保障（低保）',
    summary: '共同生活的家庭成员人均收入低于当地低保标准、财产符合规定的家庭，按差额发给低保金。',
    legalBasis:
      '《社会救助暂行办法》（国务院令第649号）第二章；《最低生活保障审核确认办法》（民发〔2021〕57号）',
    targetCategories: ['DIBAO', 'DIBAO_EDGE'],
    benefit: '按家庭人均收入与低保标准的差额按月发放低保金；同时可享受医疗、教育、住房等专项救助',
    howToApply: '向户籍所在地镇（街道）社会救助窗口或通过“码上办”提出申请，签署家庭经济状况核对授权书',
    contact: CONTACT_CIVIL,
    subject: 'HOUSEHOLD',
    eligibility: `${BELOW_LINE} && !('DIBAO' in household.activeSchemes) && !('DIBAO_SINGLE' in household.activeSchemes) && !('TEKUN' in household.activeSchemes)`,
    eligibilityText:
      '家庭人均月收入低于当地低保标准，家庭没有机动车等不符合规定的财产，且尚未享受低保或特困供养。',
    referable: false,
  },
  {
    code: 'MZ-DIBAO-SINGLE',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '低保单人保（重病、重度残疾人）',
    summary: '低保边缘家庭中的重病患者、一二级重度残疾人，可单独纳入低保。',
    legalBasis: '《最低生活保障审核确认办法》（民发〔2021〕57号）第八条第（二）项',
    targetCategories: ['DIBAO_EDGE', 'ILLNESS_IMPOVERISHED'],
    benefit: '本人按单人户发放低保金，并享受低保对象的各项专项救助',
    howToApply: '向镇（街道）社会救助窗口提出申请，提供诊断证明或残疾人证',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility:
      "household.incomeRatio >= 1.0 && household.incomeRatio < 1.5 && !household.hasVehicle && (person.seriousIllness || person.disabilityGrade in [1, 2]) && !('DIBAO' in household.activeSchemes) && !('DIBAO_SINGLE' in person.activeSchemes) && !('TEKUN' in person.activeSchemes)",
    eligibilityText:
      '家庭人均收入在低保标准的 1 至 1.5 倍之间（低保边缘），本人患重特大疾病或为一、二级残疾人，且家庭尚未享受低保。',
    referable: false,
  },
  {
    code: 'MZ-TEKUN',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '特困人员救助供养',
    summary: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人，由政府供养。',
    legalBasis:
      '《社会救助暂行办法》第三章；《特困人员认定办法》（民发〔2021〕43号）；《国务院关于进一步健全特困人员救助供养制度的意见》（国发〔2016〕14号）',
    targetCategories: ['TEKUN'],
    benefit: '按月发放基本生活费和照料护理费，可选择分散供养或到敬老院集中供养；疾病治疗、丧葬事宜由政府保障',
    howToApply: '本人或委托村（居）委会向镇（街道）提出申请',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility:
      "household.size == 1 && !household.hasVehicle && person.monthlyIncomeFen < household.dibaoStandardFen && (person.age >= 60 || person.disabilityGrade in [1, 2] || (person.disabilityGrade == 3 && person.disabilityCategory in [5, 6])) && !('TEKUN' in person.activeSchemes)",
    eligibilityText:
      '独自生活，本人月收入低于低保标准，且年满 60 周岁，或为一、二级残疾人或三级智力、精神残疾人，尚未享受特困供养。',
    referable: false,
  },
  {
    code: 'MZ-EDGE',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '低保边缘家庭认定',
    summary: '收入略高于低保标准的家庭可认定为低保边缘家庭，享受医疗、教育、住房等专项救助。',
    legalBasis:
      '《社会救助暂行办法》；民政部等《关于进一步做好最低生活保障等社会救助兜底工作的通知》（民发〔2022〕83号）',
    targetCategories: ['DIBAO_EDGE'],
    benefit: '纳入低收入人口动态监测，按规定享受医疗救助、教育资助、住房保障等专项救助',
    howToApply: '向镇（街道）社会救助窗口提出申请，签署家庭经济状况核对授权书',
    contact: CONTACT_CIVIL,
    subject: 'HOUSEHOLD',
    eligibility:
      "household.incomeRatio >= 1.0 && household.incomeRatio < 1.5 && !household.hasVehicle && !('DIBAO_EDGE' in household.activeSchemes) && !('DIBAO' in household.activeSchemes)",
    eligibilityText:
      '家庭人均收入高于低保标准但低于 1.5 倍，家庭没有机动车，且尚未被认定为低保边缘家庭或享受低保。',
    referable: false,
  },
  {
    code: 'MZ-TEMP',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '临时救助（支出型）',
    summary: '因重特大疾病等刚性支出突然增加、基本生活暂时出现严重困难的家庭，给予临时救助。',
    legalBasis:
      '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；民政部 财政部《关于进一步加强和改进临时救助工作的意见》（民发〔2018〕23号）',
    targetCategories: ['ILLNESS_IMPOVERISHED', 'DIBAO_EDGE', 'RIGID_EXP'],
    benefit: '一次性发放临时救助金或实物，金额按困难程度以当地低保标准为基数确定',
    howToApply: '向镇（街道）社会救助窗口申请；情况紧急的可先行救助、后补手续',
    contact: CONTACT_CIVIL,
    subject: 'HOUSEHOLD',
    eligibility:
      "household.members.exists(m, m.seriousIllness) && household.incomeRatio < 2.0 && !('TEMP_EXPENDITURE' in household.activeSchemes)",
    eligibilityText:
      '家庭有成员患重特大疾病，家庭人均收入低于低保标准的 2 倍，且尚未因此获得支出型临时救助。',
    referable: false,
  },
  {
    code: 'MZ-DIS-LIVING',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '困难残疾人生活补贴',
    summary: '低保家庭中的残疾人，按月发放生活补贴。',
    legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    targetCategories: ['DIBAO'],
    benefit: '按月发放困难残疾人生活补贴，标准由省、市确定',
    howToApply: '持残疾人证向村（居）委会或镇（街道）提出申请，也可网上申请',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility:
      "person.disabilityGrade > 0 && ('DIBAO' in household.activeSchemes || 'DIBAO_SINGLE' in person.activeSchemes)",
    eligibilityText: '持有残疾人证（一至四级），且本人或所在家庭正在享受低保。',
  },
  {
    code: 'MZ-DIS-CARE',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '重度残疾人护理补贴',
    summary: '一、二级重度残疾人和三、四级智力、精神残疾人，按月发放护理补贴。',
    legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    targetCategories: [],
    benefit: '按月发放重度残疾人护理补贴，标准由省、市确定',
    howToApply: '持残疾人证向村（居）委会或镇（街道）提出申请，也可网上申请',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility:
      'person.disabilityGrade in [1, 2] || (person.disabilityGrade in [3, 4] && person.disabilityCategory in [5, 6])',
    eligibilityText: '一、二级残疾人，或三、四级智力、精神残疾人（残疾人证为准）。',
  },
  {
    code: 'MZ-ORPHAN',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '孤儿和事实无人抚养儿童基本生活保障',
    summary: '父母双亡或父母无法履行抚养义务的未成年人，按月发放基本生活费。',
    legalBasis:
      '《国务院办公厅关于加强孤儿保障工作的意见》（国办发〔2010〕54号）；民政部等《关于进一步加强事实无人抚养儿童保障工作的意见》（民发〔2019〕62号）',
    targetCategories: [],
    benefit: '按月发放基本生活费，并享受医疗、教育资助和助学帮扶',
    howToApply: '由监护人或村（居）委会向镇（街道）提出申请，提供父母死亡、失踪、服刑或重残等证明',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility:
      'person.age < 18 && household.members.all(m, m.age < 18 || m.age >= 60 || m.disabilityGrade in [1, 2])',
    eligibilityText:
      '未满 18 周岁，且家中没有能履行抚养义务的成年人（同住的只有未成年人、60 岁以上老人或重度残疾人）；是否父母双亡或无法抚养由民政部门核实。',
  },
  {
    code: 'MZ-ELDERLY',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '经济困难的高龄、失能老年人补贴',
    summary: '经济困难的 80 周岁以上老年人和失能、半失能老年人，发放高龄津贴、护理补贴或养老服务补贴。',
    legalBasis:
      '《中华人民共和国老年人权益保障法》第三十三条；财政部 民政部 全国老龄办《关于建立健全经济困难的高龄 失能等老年人补贴制度的通知》（2014）[待确认]',
    targetCategories: ['DIBAO', 'TEKUN', 'DIBAO_EDGE'],
    benefit: '按月发放补贴或养老服务券，可用于居家养老上门服务',
    howToApply: '本人或家属向村（居）委会申请，经失能评估后由镇（街道）审核',
    contact: CONTACT_CIVIL,
    subject: 'PERSON',
    eligibility: `person.age >= 60 && (person.age >= 80 || person.selfCare in ['PARTIAL_LOSS', 'FULL_LOSS']) && ${DIFFICULT}`,
    eligibilityText:
      '年满 60 周岁且为 80 周岁以上或生活不能完全自理，家庭人均收入低于低保标准 1.5 倍或正在享受低保、特困供养。',
  },
  {
    code: 'MZ-HEATING',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '困难群众冬季取暖救助',
    summary: '低保家庭和特困人员在采暖季发放取暖补助。',
    legalBasis: '地方政策，见领域规则 §9.3“泰汇救”政策清单（民政：取暖）[待确认]',
    targetCategories: ['DIBAO', 'TEKUN'],
    benefit: '采暖季一次性发放取暖补助金',
    howToApply: '无需申请，由民政部门根据在册名单统一发放；未收到的可向镇（街道）咨询',
    contact: CONTACT_CIVIL,
    subject: 'HOUSEHOLD',
    eligibility: ON_DIBAO_OR_TEKUN,
    eligibilityText: '正在享受低保或特困供养的家庭。',
  },
  {
    code: 'MZ-FUNERAL',
    departmentCode: 'CIVIL_AFFAIRS',
    name: '基本殡葬服务费用减免',
    summary: '低保、特困等困难群众去世后，免除遗体接运、暂存、火化和骨灰寄存等基本殡葬服务费用。',
    legalBasis:
      '《殡葬管理条例》（国务院令第225号）；民政部等《关于全面推行惠民殡葬政策的指导意见》（2012）[待确认]',
    targetCategories: ['DIBAO', 'TEKUN'],
    benefit: '免除基本殡葬服务费用，由殡仪馆直接减免',
    howToApply: '家属办理丧事时向殡仪馆出示低保证或特困供养证明',
    contact: CONTACT_CIVIL,
    subject: 'HOUSEHOLD',
    eligibility: ON_DIBAO_OR_TEKUN,
    eligibilityText: '正在享受低保或特困供养的家庭成员去世时适用。',
    referable: false,
  },
];
