import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase, TEST_NOW } from '../test/harness.ts';
import { createClock } from './clock.ts';
import { AppError } from './errors.ts';
import { createJobRunner, type JobDefinition, type JobProgress, type JobRunContext } from './jobs.ts';

const COUNTY = '370971';
const clock = createClock(TEST_NOW);

let h: DatabaseHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

let calls: string[] = [];

const countJob: JobDefinition<{ n: number }> = {
  name: 'test.count',
  payload: z.object({ n: z.number().int().min(1) }),
  async handler(ctx, { n }) {
    calls.push(`count:${ctx.jobId}`);
    for (let i = 1; i <= n; i++) await ctx.progress({ done: i, total: n, message: `第 ${i} 项` });
    return { counted: n, county: ctx.countyCode, createdBy: ctx.createdBy };
  },
};

const refuseJob: JobDefinition<Record<string, never>> = {
  name: 'test.refuse',
  payload: z.object({}),
  async handler() {
    throw new AppError(
      'test.already_paid',
      409,
      '本月已发放，不能重复发放',
      'This month has already been paid',
      {
        month: '2026-11',
      },
    );
  },
};

const crashJob: JobDefinition<Record<string, never>> = {
  name: 'test.crash',
  payload: z.object({}),
  async handler() {
    throw new TypeError('cannot read properties of undefined');
  },
};

/**
 * Sums items 0..n-1, one checkpoint per item. `dieAfter` simulates the process dying there:
 * the handler never returns, its runner never finishes the row.
 */
function sumJob(label: string, worked: { runner: string; item: number }[], dieAfter?: number) {
  const def: JobDefinition<{ items: number }> = {
    name: 'test.sum',
    payload: z.object({ items: z.number().int().min(1) }),
    async handler(ctx: JobRunContext, { items }) {
      const from = (ctx.checkpoint?.next as number | undefined) ?? 0;
      let sum = (ctx.checkpoint?.sum as number | undefined) ?? 0;
      for (let i = from; i < items; i++) {
        worked.push({ runner: label, item: i });
        sum += i;
        await ctx.saveCheckpoint({ next: i + 1, sum });
        if (i + 1 === dieAfter) await new Promise(() => {});
      }
      return { sum, resumedFrom: from };
    },
  };
  return def;
}

const runner = (definitions: Parameters<typeof createJobRunner>[0]['definitions'], runnerId?: string) =>
  createJobRunner({ db: h.db, clock, definitions, runnerId });

async function jobRow(id: string) {
  return h.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const request = (name: string, scope: string, payload: Record<string, unknown> = {}, period?: string) => ({
  name,
  countyCode: COUNTY,
  scope,
  period,
  payload,
  createdBy: null,
});

describe('job runner', () => {
  it('enqueues one job per (name, scope, period): a repeat returns the same job with created false', async () => {
    const jobs = runner([countJob]);
    const first = await jobs.enqueue(request('test.count', 'county-370971', { n: 1 }, '2026-11'));
    const again = await jobs.enqueue(request('test.count', 'county-370971', { n: 2 }, '2026-11'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const otherPeriod = await jobs.enqueue(request('test.count', 'county-370971', { n: 1 }, '2026-12'));
    const otherScope = await jobs.enqueue(request('test.count', 'town-370971001', { n: 1 }, '2026-11'));
    expect(otherPeriod.created).toBe(true);
    expect(otherScope.created).toBe(true);
    expect(new Set([first.id, otherPeriod.id, otherScope.id]).size).toBe(3);
    const rows = await h.db
      .selectFrom('job')
      .select(['idempotency_key', 'payload'])
      .where('idempotency_key', '=', 'test.count:county-370971:2026-11')
      .execute();
    // The first request's payload is kept; the repeat changed nothing.
    expect(rows).toEqual([{ idempotency_key: 'test.count:county-370971:2026-11', payload: { n: 1 } }]);
    await jobs.drain();
  });

  it('creates exactly one job when the same request arrives concurrently', async () => {
    const jobs = runner([countJob]);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => jobs.enqueue(request('test.count', 'concurrent', { n: 1 }))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await jobs.drain();
  });

  it('drains a queued job: runs the handler, stores the result, progress and timestamps', async () => {
    calls = [];
    const createdBy = crypto.randomUUID();
    const jobs = runner([countJob], 'runner-count');
    const seen: JobProgress[] = [];
    const off = jobs.onProgress((_id, p) => seen.push(p));
    const { id } = await jobs.enqueue({ ...request('test.count', 'progress', { n: 5 }), createdBy });
    expect((await jobRow(id)).status).toBe('queued');
    await jobs.drain();
    off();
    const row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'succeeded',
      result: { counted: 5, county: COUNTY, createdBy },
      error: null,
      progress_done: 5,
      progress_total: 5,
      progress_message: '第 5 项',
      attempts: 1,
      runner_id: 'runner-count',
    });
    expect(row.started_at).toBeInstanceOf(Date);
    expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at!.getTime());
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    // A finished job is never run again, nor re-created by the same request.
    await jobs.drain();
    expect(await jobs.enqueue(request('test.count', 'progress', { n: 5 }))).toEqual({ id, created: false });
    await jobs.drain();
    expect(calls).toEqual([`count:${id}`]);
    expect((await jobRow(id)).attempts).toBe(1);
  });

  it('stores an AppError bilingually with its details and marks the job failed', async () => {
    const jobs = runner([refuseJob]);
    const { id } = await jobs.enqueue(request('test.refuse', 'pay-2026-11'));
    await jobs.drain();
    const row = await jobRow(id);
    expect(row.status).toBe('failed');
    expect(row.result).toBeNull();
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.error).toEqual({
      code: 'test.already_paid',
      message: '本月已发放，不能重复发放',
      messageEn: 'This month has already been paid',
      details: { month: '2026-11' },
    });
  });

  it('stores an unexpected exception as jobs.crashed with its message', async () => {
    const jobs = runner([crashJob]);
    const { id } = await jobs.enqueue(request('test.crash', 'crash'));
    await jobs.drain();
    expect(await jobRow(id)).toMatchObject({
      status: 'failed',
      error: {
        code: 'jobs.crashed',
        message: '任务执行出错',
        messageEn: 'cannot read properties of undefined',
      },
    });
  });

  it('fails a job with an invalid payload without running its handler', async () => {
    calls = [];
    const jobs = runner([countJob]);
    const { id } = await jobs.enqueue(request('test.count', 'bad-payload', { n: 'five' }));
    await jobs.drain();
    const row = await jobRow(id);
    expect(row.status).toBe('failed');
    expect(row.error).toMatchObject({ code: 'jobs.bad_payload', message: '任务参数无效' });
    expect(calls).toEqual([]);
  });

  it('fails a job of an unknown name cleanly and goes on with the next job', async () => {
    calls = [];
    const jobs = runner([countJob]);
    const unknown = await jobs.enqueue(request('test.nobody_knows', 'unknown'));
    const next = await jobs.enqueue(request('test.count', 'after-unknown', { n: 1 }));
    await expect(jobs.drain()).resolves.toBeUndefined();
    expect(await jobRow(unknown.id)).toMatchObject({
      status: 'failed',
      result: null,
      error: {
        code: 'jobs.unknown',
        message: '未知任务 test.nobody_knows',
        messageEn: 'unknown job test.nobody_knows',
      },
    });
    expect((await jobRow(next.id)).status).toBe('succeeded');
  });

  it('re-claims a running job whose heartbeat is stale and resumes it from its checkpoint', async () => {
    const worked: { runner: string; item: number }[] = [];
    const dying = runner([sumJob('a', worked, 3)], 'runner-a');
    const survivor = runner([sumJob('b', worked)], 'runner-b');
    const { id } = await dying.enqueue(request('test.sum', 'resume', { items: 10 }));
    void dying.drain(); // Never settles: the handler "dies" after item 2.
    for (let i = 0; i < 200 && (await jobRow(id)).checkpoint?.next !== 3; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await jobRow(id)).checkpoint).toEqual({ next: 3, sum: 0 + 1 + 2 });

    // While its heartbeat is fresh, the job belongs to runner a.
    await survivor.drain();
    expect(await jobRow(id)).toMatchObject({ status: 'running', runner_id: 'runner-a', attempts: 1 });

    const twoMinutesAgo = new Date(clock.now().getTime() - 120_000);
    await sql`update job set heartbeat_at = ${twoMinutesAgo} where id = ${id}`.execute(h.db);
    await survivor.drain();

    const row = await jobRow(id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      runner_id: 'runner-b',
      result: { sum: 45, resumedFrom: 3 },
      checkpoint: { next: 10, sum: 45 },
    });
    // Each item was worked exactly once: 0..2 before the crash, 3..9 after it.
    expect(worked).toEqual([
      ...[0, 1, 2].map((item) => ({ runner: 'a', item })),
      ...[3, 4, 5, 6, 7, 8, 9].map((item) => ({ runner: 'b', item })),
    ]);
  });
});
