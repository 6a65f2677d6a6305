import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { scheduleReminders } from './reminders.usecases.ts';

// §3.6: the township starts the investigation ≤ 3 working days after acceptance; a daily job raises
// reminders for cases near or past their time limit and for reviews falling due (§3.9).

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-29T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

describe('daily reminders', () => {
  it('raises a reminder once per case and due date, and drops it when the case moves on', async () => {
    const town = await signIn(env, 'town001');
    const h = await buildHousehold(env);
    const created = await town('POST', '/api/v1/cases/applications', {
      householdId: h.id,
      scheme: 'DIBAO',
      pledgeSigned: true,
    });
    const id = created.json().id as string;
    // Accepted Tue 2026-09-29: 3 working days run over National Day to Fri 2026-10-09.
    expect((await town('POST', `/api/v1/cases/${id}/events`, { type: 'ACCEPT' })).statusCode).toBe(200);
    expect((await town('GET', `/api/v1/cases/${id}`)).json().deadline).toBe('2026-10-09');

    await scheduleReminders(env);
    await env.jobs.drain();
    let list = (await town('GET', '/api/v1/reminders')).json();
    expect(list.items.filter((r: { caseId: string }) => r.caseId === id)).toEqual([]);

    env.clock.set(new Date('2026-10-08T09:00:00+08:00'));
    await scheduleReminders(env);
    await env.jobs.drain();
    env.clock.set(new Date('2026-10-12T09:00:00+08:00'));
    await scheduleReminders(env);
    await env.jobs.drain();
    await scheduleReminders(env); // the same day again: nothing new
    await env.jobs.drain();
    const t2 = await signIn(env, 'town001');
    list = (await t2('GET', '/api/v1/reminders')).json();
    const mine = list.items.filter((r: { caseId: string }) => r.caseId === id);
    expect(mine.map((r: { kind: string; dueOn: string }) => [r.kind, r.dueOn])).toEqual([
      ['DUE_SOON', '2026-10-09'],
      ['OVERDUE', '2026-10-09'],
    ]);
    const worklist = (await t2('GET', '/api/v1/cases?overdue=true')).json();
    expect(worklist.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(worklist.items.find((c: { id: string }) => c.id === id).overdue).toBe(true);

    // Starting the investigation moves the deadline: the old reminders no longer stand.
    expect((await t2('POST', `/api/v1/cases/${id}/events`, { type: 'START_INVESTIGATION' })).statusCode).toBe(
      200,
    );
    list = (await t2('GET', '/api/v1/reminders')).json();
    expect(list.items.filter((r: { caseId: string }) => r.caseId === id)).toEqual([]);
    const village = await signIn(env, 'v001202');
    expect((await village('GET', '/api/v1/reminders')).json().total).toBe(0);
  });
});
