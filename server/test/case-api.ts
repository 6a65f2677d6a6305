import { expect } from 'vitest';
import { signIn, type TestEnv } from './harness.ts';

// Helpers for tests that drive cases through the HTTP API: the cast signed in at a moment of the
// injected clock (sessions expire over days, so everyone signs in again after a jump), one step
// with its expected status, and the people of a household.

export type Api = Awaited<ReturnType<typeof signIn>>;
export type Team = { village: Api; town: Api; district: Api; admin: Api };

/** Sets the clock to `iso` and signs in the village assistant, town officer, district officer and admin. */
export async function teamAt(env: TestEnv, iso: string): Promise<Team> {
  env.clock.set(new Date(iso));
  const [village, town, district, admin] = (await Promise.all(
    ['v001201', 'town001', 'district', 'admin'].map((u) => signIn(env, u)),
  )) as Api[];
  return { village: village!, town: town!, district: district!, admin: admin! };
}

/** Records one event on a case and expects `status`; the body of the answer is returned. */
export async function step(api: Api, id: string, body: Record<string, unknown>, status = 200) {
  const res = await api('POST', `/api/v1/cases/${id}/events`, body);
  expect(res.statusCode, `${body.type}: ${res.body}`).toBe(status);
  return res.json();
}

export const caseDetail = async (api: Api, id: string) => (await api('GET', `/api/v1/cases/${id}`)).json();

export const personIdsOf = async (env: TestEnv, householdId: string) =>
  (
    await env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', householdId)
      .execute()
  ).map((p) => p.person_id);
