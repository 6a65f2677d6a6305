import { z } from 'zod';
import {
  EDUCATION_LEVELS as EDUCATION_TABLE,
  SELF_CARE_LEVELS as SELF_CARE_TABLE,
  SPECIAL_STATUSES as SPECIAL_STATUS_TABLE,
} from '../server/rules/codes.ts';

/** The codes of a code table as a non-empty tuple, for z.enum. */
const codesOf = <T extends readonly { code: string }[]>(table: T) =>
  table.map((e) => e.code) as unknown as readonly [T[number]['code'], ...T[number]['code'][]];

// Request and response shapes of the household registry (M1), shared by the server routes and the
// console forms. Domain checks that need the rules (ID numbers, certificates) run in the use case,
// which reports them per field in the same error shape.

const bi = (zh: string, en: string) => `${zh}||${en}`;

export const divisionCode12 = z
  .string()
  .regex(/^\d{12}$/, bi('应为 12 位区划代码', 'expected a 12-digit division code'));

export const ID_TYPES = ['resident', 'hk_mo_tw', 'foreign'] as const;
// The enums come from the code tables in server/rules/codes.ts (labels live there too).
export const SELF_CARE_LEVELS = codesOf(SELF_CARE_TABLE);
export const SPECIAL_STATUSES = codesOf(SPECIAL_STATUS_TABLE);
export const EDUCATION_LEVELS = codesOf(EDUCATION_TABLE);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, bi(`不能超过 ${max} 个字符`, `at most ${max} characters`))
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const personInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, bi('姓名不能为空', 'the name is required'))
    .max(40, bi('姓名不能超过 40 个字符', 'at most 40 characters'))
    .regex(/^[\p{L}·•.\- ]+$/u, bi('姓名只能包含文字、间隔号和空格', 'letters, middle dots and spaces only')),
  idType: z.enum(ID_TYPES).default('resident'),
  idNumber: z.string().trim().min(1, bi('证件号码不能为空', 'the ID number is required')),
  relationCode: z
    .string()
    .regex(/^\d{2}$/, bi('与户主关系应为 2 位代码（GB/T 4761）', 'a 2-digit GB/T 4761 relation code')),
  /** Only for documents that do not encode them (foreigners' cards). */
  sex: z.union([z.literal(1), z.literal(2)]).optional(),
  birthDate: z.iso.date().optional(),
  ethnicity: optionalText(2),
  maritalStatus: optionalText(2),
  phone: optionalText(20),
  bankAccount: optionalText(40),
  bankName: optionalText(60),
  disabilityCertificate: optionalText(24),
  selfCareLevel: z.enum(SELF_CARE_LEVELS).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  inFulltimeEducation: z.boolean().default(false),
  specialStatus: z.enum(SPECIAL_STATUSES).optional(),
  cohabitingLongTerm: z.boolean().default(true),
  employmentStatus: optionalText(20),
  /** Declared monthly income in fen (分). */
  monthlyIncomeFen: z
    .number()
    .int(bi('金额应为整数分', 'an integer number of fen'))
    .min(0, bi('收入不能为负数', 'income cannot be negative'))
    .max(100_000_000, bi('月收入超出合理范围', 'monthly income out of range'))
    .default(0),
});
export type PersonInput = z.input<typeof personInput>;
export type PersonParsed = z.output<typeof personInput>;

export const householdInput = z.object({
  villageCode: divisionCode12,
  address: z.string().trim().max(200, bi('地址不能超过 200 个字符', 'at most 200 characters')).default(''),
  hukouType: z.enum(['01', '02', '09', '10']).default('10'),
  /** Where the household actually lives, when that is not where it is registered (现居住地). */
  residenceCode: divisionCode12.optional(),
  /** Defaults from the village's urban–rural class code (§11.2). */
  urbanRural: z.enum(['urban', 'rural']).optional(),
  members: z.array(personInput).min(1, bi('至少需要一名家庭成员', 'at least one member')).max(30),
});
export type HouseholdInput = z.input<typeof householdInput>;

export const changeReason = z
  .string()
  .trim()
  .min(2, bi('请填写变更原因（至少 2 个字）', 'give the reason for the change (2+ characters)'))
  .max(200);

export const householdUpdate = z.object({
  expectedVersion: z.number().int().min(1),
  reason: changeReason,
  address: z.string().trim().max(200).optional(),
  hukouType: z.enum(['01', '02', '09', '10']).optional(),
  /** A 12-digit division code, or null to clear it (lives where registered). */
  residenceCode: divisionCode12.nullable().optional(),
  urbanRural: z.enum(['urban', 'rural']).optional(),
});

export const memberUpdate = personInput.partial().extend({
  expectedVersion: z.number().int().min(1),
  reason: changeReason,
});

export const memberAdd = personInput.extend({
  expectedVersion: z.number().int().min(1),
  reason: changeReason,
});

export const memberLeave = z.object({
  expectedVersion: z.number().int().min(1),
  reason: changeReason,
  leftOn: z.iso.date().optional(),
});

export const householdSearch = z.object({
  q: z.string().trim().max(40).optional(),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/)
    .optional(),
  status: z.enum(['active', 'closed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const householdListItem = z.object({
  id: z.string(),
  householdNo: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townName: z.string(),
  headNameMasked: z.string().nullable(),
  headIdMasked: z.string().nullable(),
  memberCount: z.number(),
  urbanRural: z.enum(['urban', 'rural']),
  status: z.enum(['active', 'closed']),
  updatedAt: z.string(),
});
export type HouseholdListItem = z.infer<typeof householdListItem>;

export const memberView = z.object({
  memberId: z.string(),
  personId: z.string(),
  name: z.string(),
  nameMasked: z.string(),
  idType: z.enum(ID_TYPES),
  idNumberMasked: z.string(),
  relationCode: z.string(),
  sex: z.number(),
  birthDate: z.string(),
  age: z.number(),
  ethnicity: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  bankName: z.string().nullable(),
  disability: z.object({ category: z.number(), grade: z.number() }).nullable(),
  selfCareLevel: z.enum(SELF_CARE_LEVELS).nullable(),
  educationLevel: z.string().nullable(),
  inFulltimeEducation: z.boolean(),
  specialStatus: z.enum(SPECIAL_STATUSES).nullable(),
  cohabitingLongTerm: z.boolean(),
  employmentStatus: z.string().nullable(),
  monthlyIncomeFen: z.number(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberView>;

export const householdDetail = z.object({
  id: z.string(),
  householdNo: z.string(),
  countyCode: z.string(),
  townCode: z.string(),
  townName: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  address: z.string(),
  hukouType: z.string(),
  residenceCode: z.string().nullable(),
  urbanRural: z.enum(['urban', 'rural']),
  status: z.enum(['active', 'closed']),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  members: z.array(memberView),
  formerMembers: z.array(memberView),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const historyEntry = z.object({
  id: z.number(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  actorName: z.string(),
  at: z.string(),
  reason: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const REVEAL_FIELDS = ['idNumber', 'phone', 'bankAccount'] as const;
export const revealRequest = z.object({
  field: z.enum(REVEAL_FIELDS),
  reason: z.string().trim().min(2, bi('请填写查看原因', 'state why you need the full value')).max(200),
});
