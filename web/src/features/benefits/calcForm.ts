// Form values of the benefit calculator and their conversion to the quote request (yuan → fen,
// unable self-care items → the six answers), plus where a server field error goes in the form.
import type {
  BenefitQuoteInput,
  INCOME_KIND_CODES,
  MemberQuoteInput,
  RELATIONS,
  RIGID_KIND_CODES,
  VEHICLE_EXEMPTIONS,
} from '../../../../contracts/benefits.ts';
import { SELF_CARE_ITEM_CODES } from '../../../../contracts/benefits.ts';
import type { NamePath } from '../../lib/fieldPath.ts';
import { yuanToFen } from '../../lib/format.ts';

type Yuan = string | number | null | undefined;
type SelfCareItem = (typeof SELF_CARE_ITEM_CODES)[number];

export type CalcMemberValues = {
  age?: number | null;
  relation?: (typeof RELATIONS)[number];
  disabilityCategory?: number | null;
  disabilityGrade?: number | null;
  seriousIllness?: boolean;
  /** The self-care items the person cannot do unaided (S2 Art.21). */
  unableItems?: SelfCareItem[];
  wageYuan?: Yuan;
  incomes?: { kind?: (typeof INCOME_KIND_CODES)[number]; monthlyYuan?: Yuan }[];
};

export type CalcFormValues = {
  /** 'YYYY-MM-DD'. */
  date?: string;
  area?: 'urban' | 'rural';
  members?: CalcMemberValues[];
  financialAssetsYuan?: Yuan;
  vehicles?: { exemption?: (typeof VEHICLE_EXEMPTIONS)[number] | 'none' }[];
  residences?: number | null;
  rigidSpending?: { kind?: (typeof RIGID_KIND_CODES)[number]; totalYuan?: Yuan }[];
  onDibao?: boolean;
  onTekun?: boolean;
  isDibaoEdge?: boolean;
};

export const NEW_CALC_MEMBER: CalcMemberValues = { relation: 'other', unableItems: [], incomes: [] };

/**
 * Yuan as typed → fen. Empty → undefined (the server default applies); a malformed value → NaN,
 * which is sent as null so that the server reports it at the field.
 */
export function fenOf(v: Yuan): number | undefined {
  if (v === null || v === undefined || String(v).trim() === '') return undefined;
  return yuanToFen(v) ?? Number.NaN;
}

const num = (v: number | null | undefined): number | undefined => (v === null ? undefined : v);

export function toMemberInput(m: CalcMemberValues): MemberQuoteInput {
  const unable = new Set(m.unableItems ?? []);
  const selfCare = Object.fromEntries(SELF_CARE_ITEM_CODES.map((k) => [k, !unable.has(k)])) as Record<
    SelfCareItem,
    boolean
  >;
  const disability =
    m.disabilityCategory && m.disabilityGrade
      ? { category: m.disabilityCategory, grade: m.disabilityGrade }
      : null;
  return {
    age: num(m.age),
    relation: m.relation ?? 'other',
    disability,
    seriousIllness: m.seriousIllness ?? false,
    selfCare,
    wageFenPerMonth: fenOf(m.wageYuan),
    incomes: (m.incomes ?? [])
      .filter((i) => i.kind !== undefined)
      .map((i) => ({ kind: i.kind as NonNullable<typeof i.kind>, monthlyFen: fenOf(i.monthlyYuan) ?? 0 })),
  };
}

export function toQuoteInput(v: CalcFormValues): BenefitQuoteInput {
  return {
    date: v.date ?? '',
    area: v.area ?? 'urban',
    members: (v.members ?? []).map(toMemberInput),
    financialAssetsFen: fenOf(v.financialAssetsYuan),
    vehicles: (v.vehicles ?? []).map((x) => ({
      exemption: x.exemption === undefined || x.exemption === 'none' ? null : x.exemption,
    })),
    residences: num(v.residences),
    rigidSpending: (v.rigidSpending ?? [])
      .filter((r) => r.kind !== undefined)
      .map((r) => ({ kind: r.kind as NonNullable<typeof r.kind>, totalFen: fenOf(r.totalYuan) ?? 0 })),
    status: { onDibao: v.onDibao ?? false, onTekun: v.onTekun ?? false, isDibaoEdge: v.isDibaoEdge ?? false },
  };
}

const TOP: Record<string, string> = {
  date: 'date',
  area: 'area',
  financialAssetsFen: 'financialAssetsYuan',
  residences: 'residences',
};
const MEMBER: Record<string, string> = {
  age: 'age',
  birthDate: 'age',
  relation: 'relation',
  seriousIllness: 'seriousIllness',
  wageFenPerMonth: 'wageYuan',
  selfCare: 'unableItems',
};

/**
 * A server field ("members.0.wageFenPerMonth") → its form field (['members', 0, 'wageYuan']), or
 * null to list it above the form.
 */
export function resolveCalcField(p: NamePath): NamePath | null {
  const [a, b, c, d, e] = p;
  if (p.length === 1 && typeof a === 'string' && TOP[a]) return [TOP[a]];
  if (a === 'rigidSpending' && typeof b === 'number' && c === 'totalFen') return [a, b, 'totalYuan'];
  if (a === 'rigidSpending' && typeof b === 'number' && c === 'kind') return [a, b, 'kind'];
  if (a === 'members' && typeof b === 'number' && typeof c === 'string') {
    if (c === 'disability') return ['members', b, d === 'grade' ? 'disabilityGrade' : 'disabilityCategory'];
    if (c === 'incomes' && typeof d === 'number') {
      return ['members', b, 'incomes', d, e === 'kind' ? 'kind' : 'monthlyYuan'];
    }
    const name = MEMBER[c];
    if (name) return ['members', b, name];
  }
  return null;
}

/** 123456 fen → "1,234.56". */
export function formatYuan(fen: number | undefined): string {
  if (fen === undefined || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(Math.round(fen));
  const whole = String(Math.trunc(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(a % 100).padStart(2, '0')}`;
}
