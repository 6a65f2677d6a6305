import { describe, expect, it } from 'vitest';
import { buildContexts, type ContextInput, type MemberRow } from './policy-context.ts';

// The CEL context built from registry rows (contracts/policies.ts CEL_CONTEXT; §3.2 members, §7.1
// categories): what each field is made of, on a household of three and a single-person 特困 case.

const member = (over: Partial<MemberRow> & Pick<MemberRow, 'person_id'>): MemberRow => ({
  household_id: 'h1',
  sex: 1,
  birth_date: '1970-05-12',
  disability_grade: null,
  disability_category: null,
  self_care_level: null,
  in_fulltime_education: false,
  employment_status: null,
  monthly_income_fen: 0,
  ...over,
});

const input: ContextInput = {
  runOn: '2026-05-12',
  standardFen: { urban: 100_000, rural: 80_000 },
  households: [
    {
      id: 'h1',
      household_no: '001',
      town_code: '370971001',
      village_code: '370971001201',
      urban_rural: 'rural',
      head_person_id: 'p2',
    },
    {
      id: 'h2',
      household_no: '002',
      town_code: '370971001',
      village_code: '370971001201',
      urban_rural: 'urban',
      head_person_id: null,
    },
    // No current member: no context.
    {
      id: 'h3',
      household_no: '003',
      town_code: '370971001',
      village_code: '370971001201',
      urban_rural: 'urban',
      head_person_id: null,
    },
  ],
  members: [
    member({
      person_id: 'p1',
      sex: 2,
      birth_date: '1956-05-12',
      disability_grade: 2,
      disability_category: 4,
      self_care_level: 'PARTIAL_LOSS',
      employment_status: '失业',
      monthly_income_fen: 10_000,
    }),
    member({ person_id: 'p2', monthly_income_fen: 50_001 }),
    member({
      person_id: 'p3',
      birth_date: '2010-05-12',
      in_fulltime_education: true,
      employment_status: '务工',
    }),
    member({ household_id: 'h2', person_id: 'p4', birth_date: '1940-01-01', monthly_income_fen: 60_000 }),
  ],
  cases: [
    // A household 低保 covering p1 and p2 only (facts.personIds), a 单人保 of p3, a 特困 of p4.
    { household_id: 'h1', subject_person_id: null, scheme: 'DIBAO', person_ids: ['p1', 'p2'] },
    { household_id: 'h1', subject_person_id: 'p3', scheme: 'DIBAO_SINGLE', person_ids: null },
    { household_id: 'h2', subject_person_id: 'p4', scheme: 'TEKUN', person_ids: null },
  ],
  categories: [{ person_id: 'p2', category: 'ILLNESS_IMPOVERISHED' }],
  feeds: [
    { person_id: 'p1', source: 'SERIOUS_ILLNESS', data: { category: '尿毒症' } },
    { person_id: 'p3', source: 'VEHICLE', data: { status: 'NORMAL', vehicleType: 'MOTORCYCLE' } },
    { person_id: 'p4', source: 'VEHICLE', data: { status: 'NORMAL', vehicleType: 'CAR' } },
    { person_id: 'p2', source: 'VEHICLE', data: { status: 'SCRAPPED', vehicleType: 'CAR' } },
  ],
};

describe('buildContexts', () => {
  const [h1, h2, ...rest] = buildContexts(input);
  it('one context per household with current members; the head first', () => {
    expect(rest).toEqual([]);
    expect(h1!.persons.map((p) => p.personId)).toEqual(['p2', 'p1', 'p3']);
    expect(h1!.headPersonId).toBe('p2');
    // No head recorded: the first member.
    expect(h2!.headPersonId).toBe('p4');
  });
  it('a person: age on the run date in whole years, sex, disability, self-care, schooling, work', () => {
    const p1 = h1!.persons[1]!.person;
    expect(p1).toMatchObject({
      age: 70,
      sex: 'F',
      isHead: false,
      disabilityGrade: 2,
      disabilityCategory: 4,
      selfCare: 'PARTIAL_LOSS',
      unemployed: true,
      seriousIllness: true,
      monthlyIncomeFen: 10_000,
    });
    // On the birthday 16; the day before, still 15.
    expect(h1!.persons[2]!.person.age).toBe(16);
    expect(buildContexts({ ...input, runOn: '2026-05-11' })[0]!.persons[2]!.person).toMatchObject({
      age: 15,
      inEducation: true,
      unemployed: false,
      disabilityGrade: 0,
      selfCare: 'UNKNOWN',
    });
  });
  it('schemes: a household case covers its listed members; a person’s own case only them; 单人保 is 低保 too', () => {
    const [p2, p1, p3] = h1!.persons.map((p) => p.person.activeSchemes);
    expect(p1).toEqual(['DIBAO']);
    expect(p2).toEqual(['DIBAO']);
    expect(p3).toEqual(['DIBAO', 'DIBAO_SINGLE']);
    expect(h1!.household.activeSchemes).toEqual(['DIBAO', 'DIBAO_SINGLE']);
    expect(h2!.household.activeSchemes).toEqual(['TEKUN']);
  });
  it('categories: the §7.1 rows valid on the date plus those of the schemes in force', () => {
    expect(h1!.persons[0]!.person.categories).toEqual(['DIBAO', 'ILLNESS_IMPOVERISHED']);
    expect(h1!.household.categories).toEqual(['DIBAO', 'ILLNESS_IMPOVERISHED']);
    expect(h2!.household.categories).toEqual(['TEKUN']);
  });
  it('serious illness from the 卫健 feed or the ILLNESS_IMPOVERISHED category', () => {
    expect(h1!.persons.map((p) => p.person.seriousIllness)).toEqual([true, true, false]);
  });
  it('a vehicle counts when registered NORMAL and a car, truck or other (not a motorcycle, not scrapped)', () => {
    expect(h1!.household.hasVehicle).toBe(false);
    expect(h2!.household.hasVehicle).toBe(true);
  });
  it('income: sum, per head rounded down, ratio to the area’s standard exact', () => {
    expect(h1!.household).toMatchObject({
      size: 3,
      area: 'rural',
      monthlyIncomeFen: 60_001,
      perCapitaIncomeFen: 20_000,
      dibaoStandardFen: 80_000,
      incomeRatio: 60_001 / 240_000,
    });
    expect(h1!.household.members).toHaveLength(3);
    expect(h2!.household).toMatchObject({ dibaoStandardFen: 100_000, incomeRatio: 0.6 });
  });
});
