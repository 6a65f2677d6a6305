import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../contracts/roles.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';

export const jobView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  progressDone: z.number(),
  progressTotal: z.number(),
  progressMessage: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.record(z.string(), z.unknown()).nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

type JobRow = Awaited<ReturnType<typeof baseQuery>>[number];
const baseQuery = (s: Services, ctx: RequestContext) =>
  s.db
    .selectFrom('job')
    .selectAll()
    .where('county_code', '=', ctx.actor.countyCode)
    // Staff without the jobs permission see only the jobs they started.
    .$if(!can(ctx.actor.role, 'jobs.read'), (q) => q.where('created_by', '=', ctx.actor.userId))
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();

export const toJobView = (j: JobRow): z.infer<typeof jobView> => ({
  id: j.id,
  name: j.name,
  status: j.status,
  progressDone: j.progress_done,
  progressTotal: j.progress_total,
  progressMessage: j.progress_message,
  result: j.result,
  error: j.error,
  attempts: j.attempts,
  createdAt: j.created_at.toISOString(),
  startedAt: j.started_at?.toISOString() ?? null,
  finishedAt: j.finished_at?.toISOString() ?? null,
});

export async function getJob(s: Services, ctx: RequestContext, id: string) {
  const j = await s.db
    .selectFrom('job')
    .selectAll()
    .where('id', '=', id)
    .where('county_code', '=', ctx.actor.countyCode)
    .executeTakeFirst();
  if (!j || (!can(ctx.actor.role, 'jobs.read') && j.created_by !== ctx.actor.userId))
    throw errors.notFound('该任务', 'Job', 'jobs.not_found');
  return j;
}

export function jobRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: '后台任务 Jobs',
        response: { 200: z.object({ items: z.array(jobView) }) },
      },
    },
    async (req) => ({
      items: (await baseQuery(s, requireCtx(req))).map(toJobView),
    }),
  );
  r.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: '任务进度 Job progress',
        params: z.object({ id: z.uuid() }),
        response: { 200: jobView },
      },
    },
    async (req) => toJobView(await getJob(s, requireCtx(req), req.params.id)),
  );
}
