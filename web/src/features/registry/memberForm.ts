// Form values of one household member and their conversion to the API's personInput.
import type { Dayjs } from 'dayjs';
import type {
  EDUCATION_LEVELS,
  ID_TYPES,
  SELF_CARE_LEVELS,
  SPECIAL_STATUSES,
} from '../../../../contracts/registry.ts';
import type { MemberView, PersonInput } from '../../api/types.ts';
import type { FieldResolver } from '../../lib/errors.ts';
import type { NamePath } from '../../lib/fieldPath.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';

export type MemberFormValues = {
  name?: string;
  idType?: (typeof ID_TYPES)[number];
  idNumber?: string;
  relationCode?: string;
  /** Only for foreign permanent-residence cards, whose number does not encode them. */
  sex?: 1 | 2;
  birthDate?: Dayjs;
  ethnicity?: string;
  maritalStatus?: string;
  phone?: string;
  bankAccount?: string;
  bankName?: string;
  disabilityCertificate?: string;
  selfCareLevel?: (typeof SELF_CARE_LEVELS)[number];
  educationLevel?: (typeof EDUCATION_LEVELS)[number];
  inFulltimeEducation?: boolean;
  specialStatus?: (typeof SPECIAL_STATUSES)[number];
  cohabitingLongTerm?: boolean;
  employmentStatus?: string;
  /** Yuan as typed (InputNumber in string mode); sent as integer fen. */
  monthlyIncome?: string | number | null;
};

/** Every member field the form renders; the server's monthlyIncomeFen is shown at monthlyIncome. */
export const MEMBER_FIELDS = new Set<string>([
  'name',
  'idType',
  'idNumber',
  'relationCode',
  'sex',
  'birthDate',
  'ethnicity',
  'maritalStatus',
  'phone',
  'bankAccount',
  'bankName',
  'disabilityCertificate',
  'selfCareLevel',
  'educationLevel',
  'inFulltimeEducation',
  'specialStatus',
  'cohabitingLongTerm',
  'employmentStatus',
  'monthlyIncome',
]);

/** Defaults of a new member row. */
export const NEW_MEMBER: MemberFormValues = {
  idType: 'resident',
  inFulltimeEducation: false,
  cohabitingLongTerm: true,
};

const SERVER_ALIASES: Record<string, string> = { monthlyIncomeFen: 'monthlyIncome' };

/**
 * Maps a server field of one member (relative path, e.g. ['idNumber']) to the form field under
 * `prefix`. Sex and birth date are only asked for foreign cards: for other documents they are
 * derived from the number, and the server's follow-on "sex required" is dropped.
 */
export function resolveMemberField(
  rel: NamePath,
  prefix: NamePath,
  idType: string | undefined,
): NamePath | null | false {
  if (rel.length !== 1) return null;
  const name = SERVER_ALIASES[String(rel[0])] ?? String(rel[0]);
  if (!MEMBER_FIELDS.has(name)) return null;
  if ((name === 'sex' || name === 'birthDate') && idType !== 'foreign') return false;
  return [...prefix, name];
}

/** Resolver for the single-member modals (add / edit member): fields are top level plus `reason`. */
export const memberModalResolver =
  (getIdType: () => string | undefined): FieldResolver =>
  (p) =>
    p.length === 1 && p[0] === 'reason' ? ['reason'] : resolveMemberField(p, [], getIdType());

const text = (v: string | undefined | null) => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** Full personInput for a new member. */
export function toPersonInput(v: MemberFormValues): PersonInput {
  const foreign = v.idType === 'foreign';
  return {
    name: v.name?.trim() ?? '',
    idType: v.idType ?? 'resident',
    idNumber: (v.idNumber ?? '').trim().toUpperCase(),
    relationCode: v.relationCode ?? '',
    sex: foreign ? v.sex : undefined,
    birthDate: foreign && v.birthDate ? v.birthDate.format('YYYY-MM-DD') : undefined,
    ethnicity: v.ethnicity || undefined,
    maritalStatus: v.maritalStatus || undefined,
    phone: text(v.phone),
    bankAccount: text(v.bankAccount)?.replace(/\s+/g, ''),
    bankName: text(v.bankName),
    disabilityCertificate: text(v.disabilityCertificate)?.toUpperCase(),
    selfCareLevel: v.selfCareLevel || undefined,
    educationLevel: v.educationLevel || undefined,
    inFulltimeEducation: v.inFulltimeEducation ?? false,
    specialStatus: v.specialStatus || undefined,
    cohabitingLongTerm: v.cohabitingLongTerm ?? true,
    employmentStatus: text(v.employmentStatus),
    monthlyIncomeFen: yuanToFen(v.monthlyIncome) ?? 0,
  };
}

/** Initial values of the edit form: identifiers are masked in the view and start empty. */
export function fromMemberView(m: MemberView): MemberFormValues {
  return {
    name: m.name,
    idType: m.idType,
    relationCode: m.relationCode,
    ethnicity: m.ethnicity ?? undefined,
    maritalStatus: m.maritalStatus ?? undefined,
    bankName: m.bankName ?? undefined,
    selfCareLevel: m.selfCareLevel ?? undefined,
    educationLevel: (m.educationLevel ?? undefined) as MemberFormValues['educationLevel'],
    inFulltimeEducation: m.inFulltimeEducation,
    specialStatus: m.specialStatus ?? undefined,
    cohabitingLongTerm: m.cohabitingLongTerm,
    employmentStatus: m.employmentStatus ?? undefined,
    monthlyIncome: fenToYuan(m.monthlyIncomeFen),
  };
}

/** Only what the caseworker changed; empty identifier fields mean "keep the recorded value". */
export function memberPatch(v: MemberFormValues, m: MemberView): Partial<PersonInput> {
  const full = toPersonInput(v);
  const out: Partial<PersonInput> = {};
  const put = <K extends keyof PersonInput>(k: K, changed: boolean) => {
    if (changed && full[k] !== undefined) out[k] = full[k];
  };
  put('name', full.name !== m.name);
  put('idType', full.idType !== m.idType);
  put('idNumber', full.idNumber !== '');
  put('relationCode', full.relationCode !== m.relationCode);
  put('sex', full.sex !== undefined);
  put('birthDate', full.birthDate !== undefined);
  put('ethnicity', (full.ethnicity ?? null) !== m.ethnicity);
  put('maritalStatus', (full.maritalStatus ?? null) !== m.maritalStatus);
  put('phone', full.phone !== undefined);
  put('bankAccount', full.bankAccount !== undefined);
  put('bankName', (full.bankName ?? null) !== m.bankName);
  put('disabilityCertificate', full.disabilityCertificate !== undefined);
  put('selfCareLevel', (full.selfCareLevel ?? null) !== m.selfCareLevel);
  put('educationLevel', (full.educationLevel ?? null) !== m.educationLevel);
  put('inFulltimeEducation', full.inFulltimeEducation !== m.inFulltimeEducation);
  put('specialStatus', (full.specialStatus ?? null) !== m.specialStatus);
  put('cohabitingLongTerm', full.cohabitingLongTerm !== m.cohabitingLongTerm);
  put('employmentStatus', (full.employmentStatus ?? null) !== m.employmentStatus);
  put('monthlyIncomeFen', full.monthlyIncomeFen !== m.monthlyIncomeFen);
  return out;
}
