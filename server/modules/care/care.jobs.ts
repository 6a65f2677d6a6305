import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { JobDefinition, JobRunner } from '../../platform/jobs.ts';
import { addMonths } from '../../rules/calendar.ts';
import { raiseMissedVisits } from './care-alerts.repository.ts';

// The daily missed-visit run (§5.4, §9.1): once a month is over, every covered person who got fewer
// visits than the plan raises one CARE_MISSED_VISIT alert to the village (idempotent by the alert's
// evidence key, coverage + month, so the daily re-run and a restart add nothing).

export const CARE_MISSED_JOB = 'care.missed-visits';

/** The month before the one `date` falls in (YYYY-MM-01): the last month that is over. */
export const previousMonth = (date: string) => addMonths(`${date.slice(0, 7)}-01`, -1);

export function careMissedVisitsJob(s: { db: Database; clock: Clock }): JobDefinition<{ date: string }> {
  return {
    name: CARE_MISSED_JOB,
    payload: z.object({ date: z.iso.date() }),
    async handler(job, p) {
      const month = previousMonth(p.date);
      void job.progress({ done: 0, total: 1, message: `照护漏访检查 missed visits ${month.slice(0, 7)}` });
      const raised = await raiseMissedVisits(s.db, job.countyCode, month, p.date, s.clock.now());
      void job.progress({ done: 1, total: 1 });
      return { date: p.date, month, raised };
    },
  };
}

/** Enqueues today's run for every county with care contracts (one per county and day). */
export async function scheduleCareMissedVisits(s: {
  db: Database;
  clock: Clock;
  jobs: Pick<JobRunner, 'enqueue'>;
}) {
  const today = shanghaiDateOf(s.clock.now());
  const counties = await s.db.selectFrom('care_contract').select('county_code').distinct().execute();
  for (const c of counties)
    await s.jobs.enqueue({
      name: CARE_MISSED_JOB,
      countyCode: c.county_code,
      scope: c.county_code,
      period: today,
      payload: { date: today },
      createdBy: null,
    });
}
