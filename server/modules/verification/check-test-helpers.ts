import crypto from 'node:crypto';
import { expect } from 'vitest';
import { type Api, step, type Team } from '../../test/case-api.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import type { TestEnv } from '../../test/harness.ts';

// Test-only helpers of the verification tests: department records delivered straight into
// feed_batch / feed_record (the feeds module's delivery use case is built in parallel), keyed by
// the blind index the registry computes, and a 低保 application driven to its check request.

export type FeedRow = { idNumber: string; occurredOn: string; data: Record<string, unknown> };

/** One delivered batch of `source` records; person_bidx = the registry's blind index of the ID number. */
export async function deliverTestFeed(
  env: TestEnv,
  source: string,
  rows: readonly FeedRow[],
  deliveredAt: string,
) {
  const batch = await env.db
    .insertInto('feed_batch')
    .values({
      county_code: '370971',
      source,
      channel: 'FILE',
      api_key_id: null,
      filename: `${source}.xlsx`,
      record_count: rows.length,
      new_count: rows.length,
      delivered_by: null,
      delivered_by_name: '测试部门',
      delivered_at: new Date(deliveredAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, r] of rows.entries()) {
    const bidx = env.cipher.blindIndex('id_number', r.idNumber);
    const key = crypto
      .createHash('sha256')
      .update(`${source}|${bidx.toString('hex')}|${JSON.stringify(r.data)}`)
      .digest();
    await env.db
      .insertInto('feed_record')
      .values({
        county_code: '370971',
        source,
        record_key: key,
        person_bidx: bidx,
        occurred_on: r.occurredOn,
        data: JSON.stringify(r.data),
        batch_id: batch.id,
        row_no: i + 2,
      })
      .execute();
  }
  return batch.id;
}

export type Application = { id: string; people: string[]; idNumbers: string[] };

/** A two-person household's 低保 application, accepted and under investigation (no consent yet). */
export async function investigatingDibao(
  env: TestEnv,
  t: Team,
  village = '370971001201',
): Promise<Application> {
  const idNumbers = [nextIdNumber('1968-04-02', 1), nextIdNumber('1970-07-19', 2)];
  const h = await buildHousehold(env, {
    villageCode: village,
    members: [
      buildPerson({ name: '张核对', idNumber: idNumbers[0]!, relationCode: '02' }),
      buildPerson({ name: '刘核对', idNumber: idNumbers[1]!, relationCode: '12' }),
    ],
  });
  const res = await t.town('POST', '/api/v1/cases/applications', {
    householdId: h.id,
    scheme: 'DIBAO',
    proxy: null,
    pledgeSigned: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  await step(t.town, id, { type: 'ACCEPT' });
  await step(t.town, id, { type: 'START_INVESTIGATION' });
  const members = await env.db
    .selectFrom('household_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'p.id_number_bidx'])
    .where('m.household_id', '=', h.id)
    .execute();
  // Order people as idNumbers, so tests can address "the head" and "the spouse".
  const people = idNumbers.map(
    (n) => members.find((m) => m.id_number_bidx.equals(env.cipher.blindIndex('id_number', n)))!.person_id,
  );
  return { id, people, idNumbers };
}

export async function consentAll(api: Api, app: Application) {
  for (const personId of app.people)
    await step(api, app.id, {
      type: 'RECORD_CONSENT',
      personId,
      documentRef: `授权书-${personId.slice(0, 4)}`,
    });
}

/** The investigation, opinion and 7-day publicity that lead a case to the county's review. */
export const FACTS = {
  members: [
    { age: 58, relation: 'head', wageFenPerMonth: 30_000 },
    { age: 55, relation: 'spouse', wageFenPerMonth: 0 },
  ],
  financialAssetsFen: 200_000,
  vehicles: [],
  residences: 1,
  rigidSpending: [],
};
