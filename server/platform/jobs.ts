import crypto from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import type { Clock } from './clock.ts';
import { isAppError } from './errors.ts';

// Jobs are rows (architecture convention 11): a unique idempotency key per (job, scope, period),
// progress and a checkpoint stored on the row, and an in-process runner that claims queued jobs
// and re-claims running ones whose heartbeat stopped (the process died), so work resumes.

export type JobProgress = { done: number; total: number; message?: string };

export type JobRunContext = {
  jobId: string;
  countyCode: string;
  createdBy: string | null;
  checkpoint: Record<string, unknown> | null;
  /** Reports progress; returns at once (the row is updated in the background). */
  progress(p: JobProgress): Promise<void>;
  saveCheckpoint(c: Record<string, unknown>): Promise<void>;
};

export type JobDefinition<P = unknown> = {
  name: string;
  payload: z.ZodType<P>;
  handler(ctx: JobRunContext, payload: P): Promise<Record<string, unknown>>;
};

export type EnqueueRequest = {
  name: string;
  countyCode: string;
  scope: string;
  period?: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
};

export type JobRunner = {
  enqueue(req: EnqueueRequest): Promise<{ id: string; created: boolean }>;
  /** Claims and runs jobs until none is left (used by the CLI and tests). */
  drain(): Promise<void>;
  start(pollMs?: number): void;
  stop(): Promise<void>;
  onProgress(listener: (jobId: string, p: JobProgress) => void): () => void;
};

const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 10_000;
const PROGRESS_WRITE_MS = 500;

export function createJobRunner(deps: {
  db: Database;
  clock: Clock;
  // biome-ignore lint/suspicious/noExplicitAny: definitions are heterogeneous by payload type.
  definitions: JobDefinition<any>[];
  runnerId?: string;
}): JobRunner {
  const defs = new Map(deps.definitions.map((d) => [d.name, d]));
  const runnerId = deps.runnerId ?? `runner-${crypto.randomBytes(4).toString('hex')}`;
  const listeners = new Set<(jobId: string, p: JobProgress) => void>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let started = false;

  async function claim() {
    const now = deps.clock.now();
    const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
    const r = await sql<{ id: string }>`
      update job set status = 'running', runner_id = ${runnerId}, attempts = attempts + 1,
        started_at = coalesce(started_at, ${now}), heartbeat_at = ${now}
      where id = (
        select id from job
        where status = 'queued' or (status = 'running' and heartbeat_at < ${staleBefore})
        order by created_at limit 1 for update skip locked)
      returning id`.execute(deps.db);
    return r.rows[0]?.id ?? null;
  }

  async function runOne(id: string): Promise<void> {
    const job = await deps.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const def = defs.get(job.name);
    const finish = async (
      status: 'succeeded' | 'failed',
      result: Record<string, unknown> | null,
      error: Record<string, unknown> | null,
    ) => {
      await deps.db
        .updateTable('job')
        .set({
          status,
          result: result ? JSON.stringify(result) : null,
          error: error ? JSON.stringify(error) : null,
          finished_at: deps.clock.now(),
        })
        .where('id', '=', id)
        .execute();
    };
    if (!def)
      return finish('failed', null, {
        code: 'jobs.unknown',
        message: `未知任务 ${job.name}`,
        messageEn: `unknown job ${job.name}`,
      });
    const payload = def.payload.safeParse(job.payload);
    if (!payload.success)
      return finish('failed', null, {
        code: 'jobs.bad_payload',
        message: '任务参数无效',
        messageEn: payload.error.message,
      });
    let lastWrite = 0;
    let latest: JobProgress | null = null;
    let writing: Promise<void> | null = null;
    const heartbeat = setInterval(() => {
      void deps.db
        .updateTable('job')
        .set({ heartbeat_at: deps.clock.now() })
        .where('id', '=', id)
        .execute()
        .catch(() => {});
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const ctx: JobRunContext = {
      jobId: id,
      countyCode: job.county_code,
      createdBy: job.created_by,
      checkpoint: job.checkpoint,
      // Never awaited by the handler: a handler inside a long transaction must not wait for another
      // connection (PGlite has only one). Writes are coalesced to the newest value.
      progress(p) {
        for (const l of listeners) l(id, p);
        latest = p;
        // Write throttling is about elapsed time, not the business date: a monotonic clock.
        const t = performance.now();
        if (writing || (t - lastWrite < PROGRESS_WRITE_MS && p.done < p.total)) return Promise.resolve();
        lastWrite = t;
        writing = (async () => {
          while (latest) {
            const q = latest;
            latest = null;
            await deps.db
              .updateTable('job')
              .set({
                progress_done: q.done,
                progress_total: q.total,
                progress_message: q.message ?? null,
                heartbeat_at: deps.clock.now(),
              })
              .where('id', '=', id)
              .execute()
              .catch(() => {});
          }
        })().finally(() => {
          writing = null;
        });
        return Promise.resolve();
      },
      async saveCheckpoint(c) {
        await deps.db
          .updateTable('job')
          .set({ checkpoint: JSON.stringify(c), heartbeat_at: deps.clock.now() })
          .where('id', '=', id)
          .execute();
      },
    };
    try {
      const result = await def.handler(ctx, payload.data);
      await writing;
      await finish('succeeded', result, null);
    } catch (err) {
      const error = isAppError(err)
        ? { code: err.code, message: err.messageZh, messageEn: err.messageEn, details: err.details ?? null }
        : {
            code: 'jobs.crashed',
            message: '任务执行出错',
            messageEn: err instanceof Error ? err.message : String(err),
          };
      await writing;
      await finish('failed', null, error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function drain(): Promise<void> {
    await running;
    for (;;) {
      if (stopped) return;
      const id = await claim();
      if (!id) return;
      await runOne(id);
    }
  }

  function tick() {
    if (!started || running || stopped) return;
    running = drain()
      .catch(() => {})
      .finally(() => {
        running = null;
      });
  }

  return {
    async enqueue(req) {
      const key = `${req.name}:${req.scope}:${req.period ?? '-'}`;
      const inserted = await deps.db
        .insertInto('job')
        .values({
          county_code: req.countyCode,
          name: req.name,
          idempotency_key: key,
          payload: JSON.stringify(req.payload),
          created_by: req.createdBy,
          created_at: deps.clock.now(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        tick();
        return { id: inserted.id, created: true };
      }
      const existing = await deps.db
        .selectFrom('job')
        .select('id')
        .where('idempotency_key', '=', key)
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    },
    drain,
    start(pollMs = 2000) {
      stopped = false;
      started = true;
      timer = setInterval(tick, pollMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Who started a job: stored in its payload so the work runs with the starter's jurisdiction. */
export const jobActor = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  countyCode: z.string(),
  jurisdictionCode: z.string(),
});
