import type { CelHousehold, CelPerson } from '../../rules/cel/context.ts';
import { celHousehold } from '../../rules/cel/context-builder.ts';
import { ageOn, EMPLOYMENT_VALUES } from '../stats/stats.models.ts';

// The CEL context of every current household, built from the registry (contracts/policies.ts
// CEL_CONTEXT documents each field). Pure: policy-context.repository.ts reads the rows set-based, a
// batch of households at a time; this file turns them into the same shape the portal's self-check
// builds from a citizen's answers. Where a field comes from:
// - members: current members (not left, not deceased), the head first (§3.2); age in whole years on
//   the run date; sex from the registry (GB/T 2261.1: 2 = F, anything else M).
// - activeSchemes: assistance cases at stage ACTIVE. A person's own (特困, 单人保) belongs to the person;
//   a household case (低保, 边缘, 刚性支出, 临时) to the persons its facts cover (facts.personIds), or every
//   current member when a migrated case has none — the rule monitoring's category sync uses (§7.1).
//   单人保 is 低保 (§3.3), so DIBAO_SINGLE also lists DIBAO: `'DIBAO' in …` finds both.
// - categories: person_category rows valid on the run date (the §7.1 population as the last comparison
//   run synced it) together with the categories of the schemes in force now, so a new case counts at
//   once without waiting for the next comparison.
// - seriousIllness: the 卫健 SERIOUS_ILLNESS feed has a record dated on or before the run date, or the
//   person holds the ILLNESS_IMPOVERISHED category (医保/卫健, §7.1). No case fact is read: a case's
//   facts describe an application, not a diagnosis.
// - hasVehicle: a member's latest VEHICLE registration per plate (the 公安交管 feed, on or before the
//   run date) is NORMAL and a car, truck or other motor vehicle — what the economic check counts
//   (check-rules VEHICLE_NORMAL); motorcycles and farm vehicles are not counted there either.
// - income: the members' declared monthly incomes; per head = ⌊income ÷ members⌋; incomeRatio =
//   income ÷ (standard × members), exact; infinite without a standard (nobody is judged below none).

export type HouseholdRow = {
  id: string;
  household_no: string;
  town_code: string;
  village_code: string;
  urban_rural: 'urban' | 'rural';
  head_person_id: string | null;
};

export type MemberRow = {
  household_id: string;
  person_id: string;
  sex: number;
  birth_date: string;
  disability_grade: number | null;
  disability_category: number | null;
  self_care_level: 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS' | null;
  in_fulltime_education: boolean;
  employment_status: string | null;
  monthly_income_fen: number;
};

export type CaseRow = {
  household_id: string | null;
  subject_person_id: string | null;
  scheme: string;
  /** facts.personIds when the case lists the members it covers, else null. */
  person_ids: string[] | null;
};

export type ContextInput = {
  runOn: string;
  standardFen: { urban: number; rural: number };
  households: readonly HouseholdRow[];
  members: readonly MemberRow[];
  cases: readonly CaseRow[];
  /** person_category rows valid on the run date. */
  categories: readonly { person_id: string; category: string }[];
  /** The latest feed record per person, source (and plate) on or before the run date. */
  feeds: readonly { person_id: string; source: string; data: Record<string, unknown> }[];
};

export type SubjectPerson = { personId: string; person: CelPerson };
export type HouseholdContext = {
  householdId: string;
  householdNo: string;
  townCode: string;
  villageCode: string;
  headPersonId: string;
  household: CelHousehold;
  /** Current members, the head first. */
  persons: SubjectPerson[];
};

/** Schemes whose case covers one person (the applicant), not the household. */
const PERSON_SCHEMES = new Set(['TEKUN', 'DIBAO_SINGLE']);
/** §7.1 category of a scheme in force (monitoring's SCHEME_CATEGORY). */
const SCHEME_CATEGORY: Record<string, string> = {
  DIBAO: 'DIBAO',
  DIBAO_SINGLE: 'DIBAO',
  TEKUN: 'TEKUN',
  DIBAO_EDGE: 'DIBAO_EDGE',
  RIGID: 'RIGID_EXP',
};
const UNEMPLOYED = new Set<string>([
  ...EMPLOYMENT_VALUES.registeredUnemployed,
  ...EMPLOYMENT_VALUES.unregisteredUnemployed,
  '无业',
  '待业',
]);
const COUNTED_VEHICLES = new Set(['CAR', 'TRUCK', 'OTHER']);

const schemeNames = (scheme: string) => (scheme === 'DIBAO_SINGLE' ? ['DIBAO_SINGLE', 'DIBAO'] : [scheme]);

const push = (m: Map<string, Set<string>>, key: string, values: readonly string[]) => {
  const s = m.get(key) ?? new Set<string>();
  m.set(key, s);
  for (const v of values) s.add(v);
};
const sorted = (s: Set<string> | undefined) => (s ? [...s].sort() : []);

export function vehicleCounts(data: Record<string, unknown>): boolean {
  return data.status === 'NORMAL' && COUNTED_VEHICLES.has(String(data.vehicleType));
}

/** Builds the context of each household of `households` that has at least one current member. */
export function buildContexts(input: ContextInput): HouseholdContext[] {
  const membersOf = new Map<string, MemberRow[]>();
  for (const m of input.members) {
    const list = membersOf.get(m.household_id);
    if (list) list.push(m);
    else membersOf.set(m.household_id, [m]);
  }
  const personSchemes = new Map<string, Set<string>>();
  const householdSchemes = new Map<string, Set<string>>();
  const householdOfPerson = new Map(input.members.map((m) => [m.person_id, m.household_id]));
  for (const c of input.cases) {
    const names = schemeNames(c.scheme);
    const covered = PERSON_SCHEMES.has(c.scheme)
      ? c.subject_person_id
        ? [c.subject_person_id]
        : []
      : (c.person_ids ??
        (c.household_id ? (membersOf.get(c.household_id) ?? []).map((m) => m.person_id) : []));
    for (const p of covered) push(personSchemes, p, names);
    const hh =
      c.household_id ?? (c.subject_person_id ? householdOfPerson.get(c.subject_person_id) : undefined);
    if (hh) push(householdSchemes, hh, names);
    // A member's own case counts for the household they live in now.
    const own = c.subject_person_id ? householdOfPerson.get(c.subject_person_id) : undefined;
    if (own && own !== hh) push(householdSchemes, own, names);
  }
  const categories = new Map<string, Set<string>>();
  for (const c of input.categories) push(categories, c.person_id, [c.category]);
  for (const [p, schemes] of personSchemes)
    push(
      categories,
      p,
      [...schemes].flatMap((s) => (SCHEME_CATEGORY[s] ? [SCHEME_CATEGORY[s]] : [])),
    );
  const ill = new Set<string>();
  const vehicle = new Set<string>();
  for (const f of input.feeds) {
    if (f.source === 'SERIOUS_ILLNESS') ill.add(f.person_id);
    else if (f.source === 'VEHICLE' && vehicleCounts(f.data)) vehicle.add(f.person_id);
  }

  const out: HouseholdContext[] = [];
  for (const h of input.households) {
    const rows = membersOf.get(h.id);
    if (!rows || rows.length === 0) continue;
    const headId = rows.some((m) => m.person_id === h.head_person_id)
      ? h.head_person_id!
      : rows[0]!.person_id;
    const ordered = [
      ...rows.filter((m) => m.person_id === headId),
      ...rows.filter((m) => m.person_id !== headId),
    ];
    const persons = ordered.map((m): SubjectPerson => {
      const cats = sorted(categories.get(m.person_id));
      return {
        personId: m.person_id,
        person: {
          age: ageOn(m.birth_date, input.runOn),
          sex: m.sex === 2 ? 'F' : 'M',
          isHead: m.person_id === headId,
          disabilityGrade: m.disability_grade ?? 0,
          disabilityCategory: m.disability_category ?? 0,
          selfCare: m.self_care_level ?? 'UNKNOWN',
          inEducation: m.in_fulltime_education,
          unemployed: m.employment_status !== null && UNEMPLOYED.has(m.employment_status.trim()),
          seriousIllness: ill.has(m.person_id) || cats.includes('ILLNESS_IMPOVERISHED'),
          monthlyIncomeFen: Number(m.monthly_income_fen),
          categories: cats,
          activeSchemes: sorted(personSchemes.get(m.person_id)),
        },
      };
    });
    // The same derivation as the portal's self-check (income per head, ratio, unions of schemes and
    // categories): one builder, so a household is judged alike on both paths.
    const household = celHousehold({
      area: h.urban_rural,
      townCode: h.town_code,
      villageCode: h.village_code,
      dibaoStandardFen: input.standardFen[h.urban_rural],
      hasVehicle: persons.some((p) => vehicle.has(p.personId)),
      activeSchemes: sorted(householdSchemes.get(h.id)),
      members: persons.map((p) => p.person),
    });
    // Evaluation caches its conversions per object: the subjects are the household's own members.
    household.members.forEach((m, i) => {
      persons[i]!.person = m;
    });
    out.push({
      householdId: h.id,
      householdNo: h.household_no,
      townCode: h.town_code,
      villageCode: h.village_code,
      headPersonId: headId,
      persons,
      household,
    });
  }
  return out;
}
