// Pure helpers of the portal pages: villages, contact numbers, the payloads the forms send.
import type { SelfCheckInput } from '../../../contracts/policies.ts';
import type { PortalApplicationInput, PublicDivisions } from '../../../contracts/portal.ts';
import type { NamePath } from '../lib/fieldPath.ts';

/** A village code from the poster's QR (`?v=`): 12 digits, else null. */
export function villageFromParam(v: string | null | undefined): string | null {
  const s = (v ?? '').trim();
  return /^\d{12}$/.test(s) ? s : null;
}

export type Place = { townCode: string; townName: string; villageCode: string; villageName: string };

/** The town and village of a village code in the public division tree, or null when unknown. */
export function findPlace(
  divisions: PublicDivisions | null | undefined,
  villageCode: string | null,
): Place | null {
  if (!divisions || !villageCode) return null;
  for (const town of divisions.towns) {
    const v = town.villages.find((x) => x.code === villageCode);
    if (v) return { townCode: town.code, townName: town.name, villageCode: v.code, villageName: v.name };
  }
  return null;
}

/**
 * Urban or rural from the village's name, for the self-check's first answer: a 社区 / 居委会 is
 * urban, a 村 rural. Only a default: the citizen can change it.
 */
export function guessArea(villageName: string | null | undefined): 'urban' | 'rural' | null {
  const n = (villageName ?? '').trim();
  if (!n) return null;
  if (/(社区|居委会|居民委员会)$/.test(n)) return 'urban';
  if (/村(委会|民委员会)?$/.test(n)) return 'rural';
  return null;
}

/** The county's hotlines with 12349 (the national civil-affairs line) always first. */
export function hotlinesOf(divisions: PublicDivisions | null | undefined): string[] {
  const all = ['12349', ...(divisions?.hotlines ?? [])].map((h) => h.trim()).filter(Boolean);
  return [...new Set(all)];
}

/** A number for a tel: link — digits, with a leading + kept. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

export type ContactPart = { text: string; tel: string | null };

/**
 * Splits a contact line ("区医保局 0538-1234567，12345") into text and telephone numbers, so each
 * number becomes a tel: link: landlines with an area code, mobiles, and 5-digit service lines.
 */
export function contactParts(contact: string): ContactPart[] {
  const re =
    /(?<![\d-])(?:1[3-9]\d{9}|400-?\d{3}-?\d{4}|\(?0\d{2,3}\)?[-\s]?\d{7,8}(?:-\d{1,6})?|\d{7,8}|123\d{2}|9\d{4})(?!\d)/g;
  const parts: ContactPart[] = [];
  let last = 0;
  for (const m of contact.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: contact.slice(last, at), tel: null });
    parts.push({ text: m[0], tel: telHref(m[0]) });
    last = at + m[0].length;
  }
  if (last < contact.length) parts.push({ text: contact.slice(last), tel: null });
  return parts;
}

export const PORTAL_SCHEMES = ['DIBAO', 'TEKUN'] as const;
export type PortalScheme = (typeof PORTAL_SCHEMES)[number];
export const isPortalScheme = (s: string | null | undefined): s is PortalScheme =>
  s === 'DIBAO' || s === 'TEKUN';

/** The online application a catalogue policy leads to (its code names 低保 or 特困, not 低保边缘). */
export function schemeOfPolicy(code: string): PortalScheme | null {
  const c = code.toUpperCase();
  if (/EDGE/.test(c)) return null;
  const m = /(?:^|[^A-Z])(DIBAO|TEKUN)(?:$|[^A-Z])/.exec(c);
  return m ? (m[1] as PortalScheme) : null;
}

/**
 * Common GB/T 4761-2008 relations to the applicant (names as in server/rules/relations.ts; the
 * standard has no English names, these are ours). The portal offers these; staff refine later.
 */
export const RELATION_CHOICES = [
  { code: '10', zh: '配偶', en: 'Spouse' },
  { code: '20', zh: '子', en: 'Son' },
  { code: '30', zh: '女', en: 'Daughter' },
  { code: '27', zh: '养子或继子', en: 'Adopted son or stepson' },
  { code: '37', zh: '养女或继女', en: 'Adopted daughter or stepdaughter' },
  { code: '38', zh: '儿媳', en: 'Daughter-in-law' },
  { code: '28', zh: '女婿', en: 'Son-in-law' },
  { code: '51', zh: '父亲', en: 'Father' },
  { code: '52', zh: '母亲', en: 'Mother' },
  { code: '40', zh: '孙子、孙女或外孙子、外孙女', en: 'Grandchild' },
  { code: '60', zh: '祖父母或外祖父母', en: 'Grandparent' },
  { code: '70', zh: '兄、弟、姐、妹', en: 'Brother or sister' },
  { code: '97', zh: '其他亲属', en: 'Other relative' },
] as const;

// ── Form values → request bodies ────────────────────────────────────────────────────────────────

const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : fallback;
};
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const optional = (v: unknown): string | undefined => str(v) || undefined;

export type SelfCheckMemberValues = {
  age?: number | null;
  sex?: 'M' | 'F';
  disabilityGrade?: number | null;
  selfCare?: 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS' | 'UNKNOWN';
  inEducation?: boolean;
  unemployed?: boolean;
  seriousIllness?: boolean;
  monthlyIncomeYuan?: number | null;
};
export type SelfCheckValues = {
  area?: 'urban' | 'rural';
  members?: SelfCheckMemberValues[];
  hasVehicle?: boolean;
  financialAssetsYuan?: number | null;
  rigidSpendingYuan?: number | null;
  receiving?: ('DIBAO' | 'TEKUN' | 'DIBAO_EDGE')[];
};

/** The self-check answers as the API takes them (blank numbers are 0; the village when known). */
export function selfCheckPayload(v: SelfCheckValues, villageCode: string | null): SelfCheckInput {
  return {
    ...(villageCode ? { villageCode } : {}),
    area: v.area ?? 'rural',
    members: (v.members ?? []).map((m) => ({
      age: Math.trunc(num(m.age)),
      sex: m.sex ?? 'M',
      disabilityGrade: Math.trunc(num(m.disabilityGrade)),
      selfCare: m.selfCare ?? 'UNKNOWN',
      inEducation: !!m.inEducation,
      unemployed: !!m.unemployed,
      seriousIllness: !!m.seriousIllness,
      monthlyIncomeYuan: num(m.monthlyIncomeYuan),
    })),
    hasVehicle: !!v.hasVehicle,
    financialAssetsYuan: num(v.financialAssetsYuan),
    rigidSpendingYuan: num(v.rigidSpendingYuan),
    receiving: [...(v.receiving ?? [])],
  };
}

export type ApplicationValues = {
  scheme?: PortalScheme;
  villageCode?: string;
  applicantName?: string;
  address?: string;
  members?: { name?: string; idNumber?: string; relation?: string }[];
  reason?: string;
  monthlyIncomeYuan?: number | null;
  attachmentIds?: string[];
  consent?: boolean;
  pledge?: boolean;
};

/** The application body; consent and pledge are sent as ticked (the server insists on true). */
export type ApplicationBody = Omit<PortalApplicationInput, 'consent' | 'pledge'> & {
  consent: boolean;
  pledge: boolean;
};

/** The application form as the API takes it: trimmed, ID numbers upper-case, blank member rows dropped. */
export function applicationPayload(v: ApplicationValues): ApplicationBody {
  const members = (v.members ?? [])
    .map((m) => ({ name: str(m.name), idNumber: str(m.idNumber).toUpperCase(), relation: str(m.relation) }))
    .filter((m) => m.name || m.idNumber || m.relation);
  return {
    scheme: v.scheme ?? 'DIBAO',
    villageCode: str(v.villageCode),
    applicantName: str(v.applicantName),
    address: str(v.address),
    members,
    reason: str(v.reason),
    monthlyIncomeYuan: num(v.monthlyIncomeYuan),
    attachmentIds: [...(v.attachmentIds ?? [])],
    consent: v.consent === true,
    pledge: v.pledge === true,
  };
}

/** Optional contact fields of objections and complaints: blank means "not given". */
export const contactPayload = (v: { contactName?: string; contactPhone?: string }) => ({
  ...(optional(v.contactName) ? { contactName: optional(v.contactName) } : {}),
  ...(optional(v.contactPhone) ? { contactPhone: optional(v.contactPhone) } : {}),
});

/**
 * Where a server field issue of the application goes: attachments (attachmentIds.3) to the upload
 * field, the applicant's identity (from the verified session) above the form, the rest as named.
 */
export function applicationFieldTarget(path: NamePath): NamePath | null {
  const [head] = path;
  if (head === 'attachmentIds') return ['attachmentIds'];
  if (head === 'idNumber' || head === 'phone' || head === undefined) return null;
  const known = [
    'scheme',
    'villageCode',
    'applicantName',
    'address',
    'members',
    'reason',
    'monthlyIncomeYuan',
    'consent',
    'pledge',
  ];
  return typeof head === 'string' && known.includes(head) ? path : null;
}

/** 1-based member numbers for "成员 1、成员 3" from the self-check's 0-based indexes. */
export const memberNumbers = (indexes: readonly number[]): number[] =>
  [...new Set(indexes)]
    .filter((i) => Number.isInteger(i) && i >= 0)
    .sort((a, b) => a - b)
    .map((i) => i + 1);
