import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs.ts';
import type { Services } from '../../services.ts';
import { computePayroll, PAYROLL_JOB } from './payroll.usecases.ts';

const payload = z.object({ runId: z.uuid() });

export function payrollJob(s: Pick<Services, 'db'>): JobDefinition<z.infer<typeof payload>> {
  return { name: PAYROLL_JOB, payload, handler: (job, p) => computePayroll(s, job, p.runId) };
}
