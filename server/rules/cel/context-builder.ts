import type { CelHousehold, CelPerson, PolicyCelContext } from './context.ts';

// Builds the evaluation context from members and a few household facts, so the matcher (from the
// registry), the portal's self-check (from a citizen's answers) and tests derive the household
// figures (size, income per head, ratio to the standard, category and scheme unions) the same way.

export type CelHouseholdFacts = {
  area: 'urban' | 'rural';
  townCode?: string;
  villageCode?: string;
  /** The 低保 standard in force for the area (fen per person-month); 0 = unknown. */
  dibaoStandardFen: number;
  hasVehicle?: boolean;
  /** Defaults to the sum of the members' own monthly incomes. */
  monthlyIncomeFen?: number;
  /** Household-level schemes and categories, added to the members'. */
  activeSchemes?: readonly string[];
  categories?: readonly string[];
  members: readonly CelPerson[];
};

const union = (...lists: (readonly string[] | undefined)[]) =>
  [...new Set(lists.flatMap((l) => l ?? []))].sort();

export function celHousehold(f: CelHouseholdFacts): CelHousehold {
  const members = f.members.map((m) => ({ ...m }));
  if (members.length > 0 && !members.some((m) => m.isHead)) (members[0] as CelPerson).isHead = true;
  const size = members.length;
  const monthlyIncomeFen = f.monthlyIncomeFen ?? members.reduce((s, m) => s + m.monthlyIncomeFen, 0);
  // Per head rounds down; the ratio is exact (income ÷ (standard × members)).
  const perCapitaIncomeFen = size > 0 ? Math.floor(monthlyIncomeFen / size) : 0;
  return {
    size,
    area: f.area,
    townCode: f.townCode ?? '',
    villageCode: f.villageCode ?? '',
    monthlyIncomeFen,
    perCapitaIncomeFen,
    dibaoStandardFen: f.dibaoStandardFen,
    // Without a standard no one can be judged below it: the ratio is then infinite, never "< 1".
    incomeRatio:
      f.dibaoStandardFen > 0 && size > 0
        ? monthlyIncomeFen / (f.dibaoStandardFen * size)
        : Number.POSITIVE_INFINITY,
    activeSchemes: union(f.activeSchemes, ...members.map((m) => m.activeSchemes)),
    categories: union(f.categories, ...members.map((m) => m.categories)),
    hasVehicle: f.hasVehicle ?? false,
    members,
  };
}

/** A person with the benign defaults (no disability, self-caring, no income). */
export function celPerson(p: Partial<CelPerson> & { age: number }): CelPerson {
  return {
    sex: 'M',
    isHead: false,
    disabilityGrade: 0,
    disabilityCategory: 0,
    selfCare: 'SELF_CARE',
    inEducation: false,
    unemployed: false,
    seriousIllness: false,
    monthlyIncomeFen: 0,
    categories: [],
    activeSchemes: [],
    ...p,
  };
}

/** The context of a HOUSEHOLD policy: `person` is the head. */
export function householdContext(h: CelHousehold): PolicyCelContext {
  const head = h.members.find((m) => m.isHead) ?? h.members[0];
  if (!head) throw new Error('a household without members has no context');
  return { household: h, person: head };
}

/** The contexts of a PERSON policy: one per member, in member order. */
export const personContexts = (h: CelHousehold): PolicyCelContext[] =>
  h.members.map((person) => ({ household: h, person }));
