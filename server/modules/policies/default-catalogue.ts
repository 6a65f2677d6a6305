import type { PolicyDepartmentCode, PolicyInput } from '../../../contracts/policies.ts';
import { CIVIL_AFFAIRS_POLICIES } from './default-catalogue-civil.ts';
import { COMMUNITY_POLICIES } from './default-catalogue-community.ts';
import { OTHER_POLICIES } from './default-catalogue-others.ts';

// The demo district's catalogue "泰汇救" (§9.3): 12 departments and 37 policies. The department set
// and several local policies are assumed [U]; legal bases not verified are marked [待确认]. Phone
// numbers are demo numbers (0538-86xxxxx); 12349 is the national social-assistance hotline.

export type DefaultDepartment = {
  code: PolicyDepartmentCode;
  name: string;
  nameEn: string;
  contactPhone: string;
  answerWorkingDays: number;
};

export const DEFAULT_DEPARTMENTS: DefaultDepartment[] = [
  {
    code: 'CIVIL_AFFAIRS',
    name: '区民政局',
    nameEn: 'District civil affairs bureau',
    contactPhone: '12349',
    answerWorkingDays: 10,
  },
  {
    code: 'MEDICAL_INSURANCE',
    name: '区医疗保障局',
    nameEn: 'District healthcare security bureau',
    contactPhone: '0538-8603101',
    answerWorkingDays: 10,
  },
  {
    code: 'EDUCATION',
    name: '区教育和体育局',
    nameEn: 'District education and sports bureau',
    contactPhone: '0538-8602101',
    answerWorkingDays: 15,
  },
  {
    code: 'HOUSING',
    name: '区住房和城乡建设局',
    nameEn: 'District housing and urban-rural development bureau',
    contactPhone: '0538-8604101',
    answerWorkingDays: 20,
  },
  {
    code: 'HRSS',
    name: '区人力资源和社会保障局',
    nameEn: 'District human resources and social security bureau',
    contactPhone: '0538-8605101',
    answerWorkingDays: 10,
  },
  {
    code: 'HEALTH',
    name: '区卫生健康局',
    nameEn: 'District health commission',
    contactPhone: '0538-8606101',
    answerWorkingDays: 10,
  },
  {
    code: 'EMERGENCY',
    name: '区应急管理局',
    nameEn: 'District emergency management bureau',
    contactPhone: '0538-8607101',
    answerWorkingDays: 10,
  },
  {
    code: 'AGRICULTURE',
    name: '区农业农村局（乡村振兴）',
    nameEn: 'District agriculture and rural affairs bureau',
    contactPhone: '0538-8608101',
    answerWorkingDays: 15,
  },
  {
    code: 'DISABLED_FEDERATION',
    name: '区残疾人联合会',
    nameEn: "District disabled persons' federation",
    contactPhone: '0538-8609101',
    answerWorkingDays: 15,
  },
  {
    code: 'JUSTICE',
    name: '区司法局',
    nameEn: 'District justice bureau',
    contactPhone: '0538-8610101',
    answerWorkingDays: 7,
  },
  {
    code: 'TRADE_UNION',
    name: '区总工会',
    nameEn: 'District federation of trade unions',
    contactPhone: '0538-8611101',
    answerWorkingDays: 10,
  },
  {
    code: 'MASS_ORGS',
    name: '团区委·区妇联·区慈善总会',
    nameEn: 'Youth league, women’s federation and charity federation',
    contactPhone: '0538-8612101',
    answerWorkingDays: 10,
  },
];

export const DEFAULT_POLICIES: PolicyInput[] = [
  ...CIVIL_AFFAIRS_POLICIES,
  ...OTHER_POLICIES,
  ...COMMUNITY_POLICIES,
];
