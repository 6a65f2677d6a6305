import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { JobDefinition, JobRunner } from '../../platform/jobs.ts';
import { escalateOverdue } from './alerts.repository.ts';
import { COMPARE_JOB, computeComparison } from './compare.usecases.ts';

// The monitoring jobs (architecture convention 11): the comparison run (one per run id) and the
// daily escalation of overdue alerts (one per county and day, like the case reminders), both
// idempotent. monitoringJobs() is what server/services.ts lists among the job definitions.

export const ESCALATION_JOB = 'monitoring.escalate';

export function compareJob(s: { db: Database; clock: Clock }): JobDefinition<{ runId: string }> {
  return {
    name: COMPARE_JOB,
    payload: z.object({ runId: z.uuid() }),
    handler: (job, p) => computeComparison(s, job, p.runId),
  };
}

export function escalationJob(s: { db: Database; clock: Clock }): JobDefinition<{ date: string }> {
  return {
    name: ESCALATION_JOB,
    payload: z.object({ date: z.iso.date() }),
    async handler(job, p) {
      void job.progress({ done: 0, total: 1, message: '逾期预警升级 escalating overdue alerts' });
      const escalated = await escalateOverdue(s.db, job.countyCode, p.date, s.clock.now());
      void job.progress({ done: 1, total: 1 });
      return { date: p.date, escalated };
    },
  };
}

export const monitoringJobs = (s: { db: Database; clock: Clock }) => [compareJob(s), escalationJob(s)];

/** Enqueues today's escalation for every county (one per county and day: a restart adds nothing). */
export async function scheduleEscalation(s: {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'enqueue'>;
}) {
  const today = shanghaiDateOf(s.clock.now());
  const counties = await s.db.selectFrom('admin_unit').select('county_code').distinct().execute();
  for (const c of counties)
    await s.jobs.enqueue({
      name: ESCALATION_JOB,
      countyCode: c.county_code,
      scope: c.county_code,
      period: today,
      payload: { date: today },
      createdBy: null,
    });
}
