// The context a policy's eligibility expression is evaluated against (contracts/policies.ts
// CEL_CONTEXT documents each field for the editor). Built from the registry by the matcher and from
// a citizen's answers by the portal's self-check, so both paths judge the same shape.

export type CelPerson = {
  age: number;
  sex: 'M' | 'F';
  isHead: boolean;
  disabilityGrade: number;
  disabilityCategory: number;
  selfCare: 'SELF_CARE' | 'PARTIAL_LOSS' | 'FULL_LOSS' | 'UNKNOWN';
  inEducation: boolean;
  unemployed: boolean;
  seriousIllness: boolean;
  monthlyIncomeFen: number;
  categories: string[];
  activeSchemes: string[];
};

export type CelHousehold = {
  size: number;
  area: 'urban' | 'rural';
  townCode: string;
  villageCode: string;
  monthlyIncomeFen: number;
  perCapitaIncomeFen: number;
  dibaoStandardFen: number;
  incomeRatio: number;
  activeSchemes: string[];
  categories: string[];
  hasVehicle: boolean;
  members: CelPerson[];
};

/** `person` is the member being judged (PERSON policies) or the head (HOUSEHOLD policies). */
export type PolicyCelContext = { household: CelHousehold; person: CelPerson };
