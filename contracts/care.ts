import { z } from 'zod';
import { isCreditCode } from './institutions.ts';

// Purchased care for dispersed 特困 persons (分散供养 with care needs → government-purchased
// third-party care, domain-rules §5.4; 物质+服务 §9.1): providers, contracts with the persons they
// cover, care plans from the self-care level (§5.3), visits recorded on a phone, and the town's
// monthly verification that is the provider's payment basis. Shared by the server and the console.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const CARE_LEVELS = ['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS'] as const;
export type CareLevelCode = (typeof CARE_LEVELS)[number];

/** One contract buys one service; the overlap rule is per person and service (§5.4 CareServiceContract). */
export const SERVICE_TYPES = {
  HOME_CARE: { zh: '居家照料护理', en: 'Home care' },
  MEAL: { zh: '助餐服务', en: 'Meals' },
  HEALTH_VISIT: { zh: '健康巡访', en: 'Health visits' },
  SOCIAL_WORK: { zh: '社工服务', en: 'Social work' },
} as const;
export type ServiceTypeCode = keyof typeof SERVICE_TYPES;
export const SERVICE_TYPE_CODES = Object.keys(SERVICE_TYPES) as ServiceTypeCode[];

/** The service items a visit checks off (§9.1: 生活照料, 健康, 心理疏导 …). */
export const SERVICE_ITEMS = {
  MEAL_HELP: { zh: '助餐', en: 'Meal help' },
  BATHING: { zh: '助浴', en: 'Bathing' },
  CLEANING: { zh: '助洁', en: 'Cleaning' },
  MOBILITY: { zh: '起居移动协助', en: 'Getting up and moving' },
  MEDICATION: { zh: '用药提醒', en: 'Medication' },
  HEALTH_CHECK: { zh: '健康监测（血压等）', en: 'Health check' },
  ERRANDS: { zh: '代购代办', en: 'Errands' },
  COMPANIONSHIP: { zh: '陪伴聊天', en: 'Companionship' },
  COUNSELLING: { zh: '心理疏导', en: 'Counselling' },
} as const;
export type ServiceItemCode = keyof typeof SERVICE_ITEMS;
export const SERVICE_ITEM_CODES = Object.keys(SERVICE_ITEMS) as ServiceItemCode[];

const text = (max: number, min = 2) =>
  z
    .string()
    .trim()
    .min(min, bi(`至少 ${min} 个字`, `at least ${min} characters`))
    .max(max, bi(`不超过 ${max} 字`, `at most ${max} characters`));
const date = z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD'));
const items = z
  .array(z.enum(SERVICE_ITEM_CODES))
  .min(1, bi('至少选择一项服务内容', 'choose at least one service item'))
  .max(SERVICE_ITEM_CODES.length);

export const providerInput = z.object({
  name: text(100),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCreditCode, bi('统一社会信用代码应为 18 位且校验位正确', 'a valid unified social credit code')),
  qualification: z.string().trim().max(200).default(''),
  contactName: text(40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, bi('请填写机构服务电话', 'the organisation’s service phone')),
  address: z.string().trim().max(200).default(''),
  accountName: text(100),
  bankAccount: z
    .string()
    .trim()
    .regex(/^\d{8,30}$/, bi('银行账号应为 8–30 位数字', 'a bank account of 8–30 digits')),
  bankName: text(100),
  active: z.boolean().default(true),
});
export type ProviderInput = z.input<typeof providerInput>;

export const staffInput = z.object({
  name: text(40),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, bi('手机号应为 11 位', 'an 11-digit mobile number'))
    .optional(),
});

export const providerAccountInput = z.object({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9_]{2,31}$/, bi('用户名为小写字母、数字和下划线', 'a-z, 0-9 and _, 3–32 characters')),
  displayName: text(40),
  staffId: z.uuid().nullable().default(null),
});

export const staffView = z.object({ id: z.string(), name: z.string(), phoneMask: z.string().nullable() });
export const providerView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  qualification: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  accountName: z.string(),
  bankAccount: z.string(),
  bankName: z.string(),
  active: z.boolean(),
  staff: z.array(staffView),
  accounts: z.array(z.object({ username: z.string(), staffName: z.string().nullable() })),
});
export type ProviderView = z.infer<typeof providerView>;

export const contractInput = z.object({
  contractNo: text(40, 3),
  providerId: z.uuid(),
  townCode: z.string().regex(/^\d{9}$/, bi('请选择服务镇街', 'choose the town')),
  serviceType: z.enum(SERVICE_TYPE_CODES),
  items,
  visitsPerMonth: z.number().int().min(1, bi('每月至少 1 次', 'at least one visit a month')).max(62),
  feeFen: z
    .number()
    .int()
    .min(0)
    .max(10_000_000, bi('月服务费不超过 10 万元', 'at most 100,000 yuan a month')),
  validFrom: date,
  validTo: date,
});
export type ContractInput = z.input<typeof contractInput>;

export const coverageInput = z.object({
  caseId: z.uuid(),
  fromOn: date,
  toOn: date,
});
export type CoverageInput = z.input<typeof coverageInput>;

export const planView = z.object({
  careLevel: z.enum(CARE_LEVELS),
  visitsPerMonth: z.number(),
  minMinutes: z.number(),
  items: z.array(z.string()),
});
export type PlanView = z.infer<typeof planView>;
export const planInput = z.object({
  visitsPerMonth: z.number().int().min(1).max(62),
  minMinutes: z.number().int().min(10).max(480),
  items,
});

export const coverageView = z.object({
  id: z.string(),
  contractId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  personId: z.string(),
  nameMask: z.string(),
  villageCode: z.string(),
  careLevel: z.enum(CARE_LEVELS),
  fromOn: z.string(),
  toOn: z.string(),
  plan: planView,
  /** Visits recorded this calendar month (for the provider's "today" list). */
  visitsThisMonth: z.number(),
});
export type CoverageView = z.infer<typeof coverageView>;

export const contractView = z.object({
  id: z.string(),
  contractNo: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  townCode: z.string(),
  serviceType: z.enum(SERVICE_TYPE_CODES),
  items: z.array(z.string()),
  visitsPerMonth: z.number(),
  feeFen: z.number(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['ACTIVE', 'TERMINATED']),
  persons: z.array(coverageView),
});
export type ContractView = z.infer<typeof contractView>;

/** China's bounding box: a GPS fix outside it is a device error, not a visit (§9.1 geo). */
export const GPS_BOUNDS = { latMin: 3.8, latMax: 53.6, lngMin: 73.5, lngMax: 135.1 } as const;
/** [U] minutes of one visit Huijiu accepts: under 10 is not a service, over 8 hours is a typo. */
export const VISIT_MINUTES = { min: 10, max: 480 } as const;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const image = z.object({
  mime: z.enum(['image/png', 'image/jpeg'], bi('只接受 PNG 或 JPEG 图片', 'PNG or JPEG only')),
  dataBase64: z.string().min(1).max(2_800_000, bi('图片不超过 2 MB', 'an image is at most 2 MB')),
});

export const visitInput = z.object({
  coverageId: z.uuid(),
  staffId: z.uuid().optional(),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
  gps: z
    .object({
      lat: z.number(),
      lng: z.number(),
      accuracyM: z.number().int().min(0).max(100_000).optional(),
    })
    .nullable()
    .default(null),
  items,
  confirmation: z.discriminatedUnion('by', [
    z.object({ by: z.literal('PERSON'), signature: image }),
    z.object({ by: z.literal('WITNESS'), witnessName: text(40) }),
  ]),
  photo: image.nullable().default(null),
  healthEvent: z.boolean().default(false),
  healthNote: z.string().trim().max(500).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type VisitInput = z.input<typeof visitInput>;

export const visitView = z.object({
  id: z.string(),
  coverageId: z.string(),
  contractId: z.string(),
  personName: z.string(),
  staffName: z.string(),
  visitOn: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  minutes: z.number(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  items: z.array(z.string()),
  confirmedBy: z.enum(['PERSON', 'WITNESS']),
  witnessName: z.string().nullable(),
  hasPhoto: z.boolean(),
  healthEvent: z.boolean(),
  healthNote: z.string().nullable(),
});
export type VisitView = z.infer<typeof visitView>;

export const CALL_RESULTS = ['SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'UNREACHABLE'] as const;
export const checkInput = z.object({
  result: z.enum(['CONFIRMED', 'REJECTED']),
  note: z.string().trim().max(500).nullable().default(null),
});
export const callInput = z.object({
  coverageId: z.uuid(),
  result: z.enum(CALL_RESULTS),
  note: z.string().trim().max(500).nullable().default(null),
});

export const verificationLineView = z.object({
  coverageId: z.string(),
  caseId: z.string(),
  nameMask: z.string(),
  coveredDays: z.number(),
  requiredVisits: z.number(),
  recordedVisits: z.number(),
  countedVisits: z.number(),
  feeFen: z.number(),
  basisFen: z.number(),
  call: z.enum(CALL_RESULTS).nullable(),
});
export const verificationView = z.object({
  id: z.string(),
  contractId: z.string(),
  contractNo: z.string(),
  providerName: z.string(),
  townCode: z.string(),
  month: z.string(),
  status: z.enum(['DRAFT', 'VERIFIED']),
  persons: z.number(),
  basisFen: z.number(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  samples: z.array(
    z.object({
      visitId: z.string(),
      personName: z.string(),
      visitOn: z.string(),
      minutes: z.number(),
      result: z.enum(['PENDING', 'CONFIRMED', 'REJECTED']),
      note: z.string().nullable(),
    }),
  ),
  /** DRAFT: the basis as it would be verified now; VERIFIED: the frozen lines. */
  lines: z.array(verificationLineView),
});
export type VerificationView = z.infer<typeof verificationView>;

export const monthParam = z.object({
  month: z.string().regex(/^\d{4}-\d{2}-01$/, bi('月份须为某月 1 日', 'the first day of a month')),
});
