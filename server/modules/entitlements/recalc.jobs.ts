import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { Services } from '../../services.ts';
import { computeRecalc, RECALC_JOB } from './recalc.usecases.ts';

const payload = z.object({ runId: z.uuid() });

export function recalcJob(s: Pick<Services, 'db'>): JobDefinition<z.infer<typeof payload>> {
  return { name: RECALC_JOB, payload, handler: (job, p) => computeRecalc(s, job, p.runId) };
}
