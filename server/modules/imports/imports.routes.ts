import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUSEHOLD_IMPORT_COLUMNS, type ImportRowError } from '../../../contracts/imports.ts';
import { errors } from '../../platform/errors.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { getJob, jobView, toJobView } from '../jobs/jobs.routes.ts';
import { checkImportFile, IMPORT_JOB, importDir } from './imports.usecases.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/imports/households',
    {
      schema: {
        tags: ['imports'],
        summary: '批量导入户（.xlsx/.csv） Import households',
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (req, reply) => {
      const ctx = requireCtx(req);
      const file = await req.file();
      if (!file)
        throw errors.validation([
          {
            field: 'file',
            message: '请选择要导入的文件',
            messageEn: 'attach the file to import',
            expected: '.xlsx or .csv',
          },
        ]);
      const format = checkImportFile(ctx, file.filename);
      const id = crypto.randomUUID();
      const dest = path.join(importDir(s.config.dataDir), `${id}.${format}`);
      await pipeline(file.file, fs.createWriteStream(dest, { mode: 0o600 }));
      if (file.file.truncated) {
        fs.rmSync(dest, { force: true });
        throw errors.validation([
          { field: 'file', message: '文件超过 512 MB', messageEn: 'the file exceeds 512 MB' },
        ]);
      }
      const job = await s.jobs.enqueue({
        name: IMPORT_JOB,
        countyCode: ctx.actor.countyCode,
        scope: id,
        createdBy: ctx.actor.userId,
        payload: {
          file: dest,
          filename: file.filename,
          format,
          actor: ctx.actor,
          requestId: req.id,
          clientIp: req.ip,
        },
      });
      return reply.status(202).send({ jobId: job.id });
    },
  );

  r.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags: ['imports'],
        summary: '导入进度与结果 Import progress and result',
        params: z.object({ id: z.uuid() }),
        response: { 200: jobView },
      },
    },
    async (req) => toJobView(await getJob(s, requireCtx(req), req.params.id)),
  );

  r.get(
    '/api/v1/imports/:id/errors.xlsx',
    {
      schema: {
        tags: ['imports'],
        summary: '错误行下载 Download the rows with errors',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const job = await getJob(s, requireCtx(req), req.params.id);
      const file = path.join(importDir(s.config.dataDir), `${job.id}.errors.ndjson`);
      if (!fs.existsSync(file)) throw errors.notFound('错误清单', 'Error list', 'imports.no_errors');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('错误清单');
      ws.columns = [
        { header: '行号 Line', key: 'line', width: 10 },
        { header: '列 Column', key: 'column', width: 16 },
        { header: '错误原因', key: 'message', width: 60 },
        { header: 'Error', key: 'messageEn', width: 60 },
      ];
      const lines = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ImportRowError);
      lines.sort((a, b) => a.line - b.line);
      for (const e of lines) ws.addRow(e);
      const buf = await wb.xlsx.writeBuffer();
      return reply
        .header('content-disposition', `attachment; filename="import-errors-${job.id.slice(0, 8)}.xlsx"`)
        .type(XLSX)
        .send(Buffer.from(buf));
    },
  );

  r.get(
    '/api/v1/imports/template.xlsx',
    { schema: { tags: ['imports'], summary: '导入模板 Import template' } },
    async (req, reply) => {
      requireCtx(req);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('户籍导入');
      ws.columns = HOUSEHOLD_IMPORT_COLUMNS.map((c) => ({
        header: c.zh,
        key: c.key,
        width: Math.max(10, c.zh.length * 2 + 4),
        style: { numFmt: '@' },
      }));
      ws.addRow(Object.fromEntries(HOUSEHOLD_IMPORT_COLUMNS.map((c) => [c.key, c.example])));
      const help = wb.addWorksheet('填写说明');
      help.columns = [
        { header: '列', key: 'zh', width: 16 },
        { header: '必填', key: 'req', width: 8 },
        { header: '说明', key: 'help', width: 60 },
      ];
      for (const c of HOUSEHOLD_IMPORT_COLUMNS)
        help.addRow({ zh: c.zh, req: c.required ? '是' : '否', help: c.help });
      const buf = await wb.xlsx.writeBuffer();
      return reply
        .header('content-disposition', 'attachment; filename="huijiu-households-template.xlsx"')
        .type(XLSX)
        .send(Buffer.from(buf));
    },
  );
}
