import type { HouseholdInput, PersonInput } from '../../contracts/registry.ts';
import { createHousehold } from '../modules/registry/registry.usecases.ts';
import { makeIdNumber } from '../rules/id-number.ts';
import type { TestEnv } from './harness.ts';

// Factories, not fixtures (architecture convention 10): each call makes a new valid household
// through the real use case, with only what a test cares about overridden.

let seq = 0;

/** A unique valid ID number for a person born on `birthDate` (sex 1 = male, 2 = female). */
export function nextIdNumber(birthDate = '1970-05-12', sex: 1 | 2 = 1): string {
  seq += 1;
  const n = (seq % 500) * 2 + (sex === 1 ? 1 : 0);
  const area = ['370902', '370911', '370921', '370923', '370982', '370983'][Math.floor(seq / 500) % 6]!;
  const year = Number(birthDate.slice(0, 4)) - Math.floor(seq / 3000);
  return makeIdNumber(area, `${year}${birthDate.slice(4)}`, n);
}

export function buildPerson(overrides: Partial<PersonInput> = {}): PersonInput {
  return { name: '王测试', idNumber: nextIdNumber(), relationCode: '02', ...overrides };
}

export async function buildHousehold(env: TestEnv, overrides: Partial<HouseholdInput> = {}, as = 'town001') {
  const input: HouseholdInput = {
    villageCode: '370971001201',
    address: '测试路 1 号',
    members: [
      buildPerson(),
      buildPerson({ name: '李测试', relationCode: '12', idNumber: nextIdNumber('1972-03-08', 2) }),
    ],
    ...overrides,
  };
  return createHousehold(env, env.ctx(as), input);
}
