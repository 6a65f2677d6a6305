import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedBatchView, feedDelivery, feedSourceStats } from '../../../contracts/feeds.ts';
import { errors } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { formatOf } from '../imports/row-reader.ts';
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
      const file = await req.file();
      if (!file)
        throw errors.validation([
          {
            field: 'file',
            message: '请选择要上传的文件',
            messageEn: 'attach the file',
            expected: '.xlsx or .csv',
          },
        ]);
      const format = formatOf(file.filename);
      if (!format) {
        file.file.resume();
        throw errors.validation([
          {
            field: 'file',
            message: '只支持 .xlsx 或 .csv 文件',
            messageEn: 'only .xlsx and .csv files are accepted',
            expected: '.xlsx or .csv',
          },
        ]);
      }
      // A temporary file, removed whatever happens: the upload holds ID numbers in plaintext.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-feed-'));
      try {
        const dest = path.join(dir, `upload.${format}`);
        await pipeline(file.file, fs.createWriteStream(dest, { mode: 0o600 }));
        if (file.file.truncated)
          throw errors.validation([
            { field: 'file', message: '文件超过大小上限', messageEn: 'the file exceeds the size limit' },
          ]);
        return await deliverFeedFile(deps, ctx, req.params.source, {
          path: dest,
          format,
          filename: file.filename,
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  apiKeyRoutes(app, s);
}
