import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedBatchView, feedDelivery, feedSourceStats } from '../../../contracts/feeds.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { withUploadedTable } from '../imports/table-upload.ts';
import { apiKeyRoutes } from './api-keys.routes.ts';
import { requireFeedPermission } from './feeds.errors.ts';
import { feedDeps, listFeeds, listSourceBatches } from './feeds.usecases.ts';
import { deliverFeedFile, feedTemplate } from './feeds-file.usecases.ts';

// Department data feeds in the console (domain-rules §8.2): the catalogue with its figures, the
// file upload of one source, its template and its deliveries. The push API and the key management
// are in api-keys.routes.ts.

const tags = ['feeds'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sourceParam = z.object({ source: z.string().min(1).max(40) });

export function feedsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = feedDeps(s);

  r.get(
    '/api/v1/feeds',
    {
      schema: {
        tags,
        summary: '部门共享数据目录与报送情况 Feed catalogue with records held and last delivery',
        response: { 200: z.object({ sources: z.array(feedSourceStats) }) },
      },
    },
    async (req) => ({ sources: await listFeeds(deps, requireCtx(req)) }),
  );

  r.get(
    '/api/v1/feeds/:source/batches',
    {
      schema: {
        tags,
        summary: '数据源的最近报送批次 Recent deliveries of a source',
        params: sourceParam,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ batches: z.array(feedBatchView) }) },
      },
    },
    async (req) => ({
      batches: await listSourceBatches(
        deps,
        { kind: 'user', ctx: requireCtx(req) },
        req.params.source,
        req.query.limit,
      ),
    }),
  );

  r.get(
    '/api/v1/feeds/:source/template.xlsx',
    { schema: { tags, summary: '报送模板 Delivery template', params: sourceParam } },
    async (req, reply) => {
      const buf = await feedTemplate(requireCtx(req), req.params.source);
      return reply
        .header('content-disposition', `attachment; filename="huijiu-feed-${req.params.source}.xlsx"`)
        .type(XLSX)
        .send(buf);
    },
  );

  r.post(
    '/api/v1/feeds/:source/upload',
    {
      schema: {
        tags,
        summary:
          '上传部门数据文件（.xlsx/.csv，全部校验通过才写入） Upload a department file (all or nothing)',
        consumes: ['multipart/form-data'],
        params: sourceParam,
        response: { 200: feedDelivery },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      requireFeedPermission(ctx.actor, 'feeds.upload');
      return withUploadedTable(req, { zh: '要上传的文件', en: 'the file' }, (f) =>
        deliverFeedFile(deps, ctx, req.params.source, f),
      );
    },
  );

  apiKeyRoutes(app, s);
}
