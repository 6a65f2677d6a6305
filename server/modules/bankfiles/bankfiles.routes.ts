import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bankFileQuery,
  bankLayout,
  bankLayoutView,
  bankReturnResult,
  reconciliation,
} from '../../../contracts/bankfiles.ts';
import { PAYROLL_SCHEMES } from '../../../contracts/payroll.ts';
import { requireCtx } from '../../platform/http.ts';
import { requirePermission } from '../../platform/policies.ts';
import type { Services } from '../../services.ts';
import { withUploadedTable } from '../imports/table-upload.ts';
import { exportBankFile, getBankLayout, saveBankLayout } from './bankfiles.usecases.ts';
import { importBankReturn, reconcile } from './bankfiles-return.usecases.ts';

const tags = ['payroll'];
const idParam = z.object({ id: z.uuid() });
const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function bankFilesRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/payroll/bank-layout',
    {
      schema: {
        tags,
        summary: '银行代发文件格式 The county’s bank-file layout',
        querystring: z.object({ scheme: z.enum(PAYROLL_SCHEMES).default('DIBAO') }),
        response: { 200: bankLayoutView },
      },
    },
    (req) => getBankLayout(s, requireCtx(req), req.query.scheme),
  );
  r.put(
    '/api/v1/payroll/bank-layout',
    {
      schema: {
        tags,
        summary: '保存银行代发文件格式 Save the bank-file layout',
        body: bankLayout,
        response: { 200: bankLayoutView },
      },
    },
    (req) => saveBankLayout(s, requireCtx(req), req.body),
  );

  r.get(
    '/api/v1/payroll-runs/:id/bank-file',
    {
      schema: {
        tags,
        summary: '下载银行代发文件（含控制合计） Download the bank file with its control total',
        params: idParam,
        querystring: bankFileQuery,
      },
    },
    async (req, reply) => {
      const out = await exportBankFile(s, requireCtx(req), req.params.id, req.query.format);
      const stream = fs.createReadStream(out.file);
      stream.on('close', out.cleanup);
      return reply
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .header('x-control-count', String(out.count))
        .header('x-control-total-fen', String(out.totalFen))
        .header('access-control-expose-headers', 'x-control-count, x-control-total-fen, content-disposition')
        .header('cache-control', 'no-store')
        .type(CONTENT_TYPE[out.format])
        .send(stream);
    },
  );

  r.post(
    '/api/v1/payroll-runs/:id/bank-return',
    {
      schema: {
        tags,
        summary: '导入银行回盘文件（.xlsx/.csv） Import the bank’s return file',
        consumes: ['multipart/form-data'],
        params: idParam,
        response: { 200: bankReturnResult },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      requirePermission(ctx.actor, 'payroll.manage');
      return withUploadedTable(req, { zh: '银行回盘文件', en: 'the bank return file' }, (f) =>
        importBankReturn(s, ctx, req.params.id, { file: f.path, filename: f.filename, format: f.format }),
      );
    },
  );

  r.get(
    '/api/v1/payroll-runs/:id/reconciliation',
    {
      schema: {
        tags,
        summary: '发放对账：审批、已报送、成功、失败、待回盘 Reconciliation of a run',
        params: idParam,
        response: { 200: reconciliation },
      },
    },
    (req) => reconcile(s, requireCtx(req), req.params.id),
  );
}
