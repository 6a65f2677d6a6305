import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobDefinition } from '../../platform/jobs.ts';
import { computeMatching, MATCH_JOB } from './matching.usecases.ts';

// The matching run as a job (architecture convention 11): the payload carries the run's date, so a
// run resumed after a crash (from its checkpoint) judges everyone on the same day. server/services.ts
// lists matchingJob(services) among the job definitions.

const payload = z.object({ runOn: z.iso.date() });

export function matchingJob(s: { db: Database; clock: Clock }): JobDefinition<z.infer<typeof payload>> {
  return {
    name: MATCH_JOB,
    payload,
    handler: (job, p) =>
      computeMatching(
        s,
        { countyCode: job.countyCode, jobId: job.jobId, checkpoint: job.checkpoint, progress: job.progress },
        p.runOn,
      ),
  };
}
