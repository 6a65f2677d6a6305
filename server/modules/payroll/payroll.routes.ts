import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  casePaymentsView,
  payrollApprove,
  payrollLedger,
  payrollLedgerQuery,
  payrollLinesPage,
  payrollLinesQuery,
  payrollReview,
  payrollRunView,
  payrollStart,
} from '../../../contracts/payroll.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  approvePayroll,
  getPayrollRun,
  listPayrollRuns,
  recomputePayroll,
  runView,
  startPayroll,
} from './payroll.usecases.ts';
import {
  casePayments,
  payrollLedger as ledger,
  payrollLines,
  payrollReview as review,
} from './payroll-review.usecases.ts';

const tags = ['payroll'];
const idParam = z.object({ id: z.uuid() });
const started = z.object({ runId: z.string(), jobId: z.string(), run: payrollRunView });

export function payrollRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/payroll-runs',
    {
      schema: {
        tags,
        summary: '保障金发放批次 Payroll runs',
        response: { 200: z.object({ items: z.array(payrollRunView) }) },
      },
    },
    async (req) => ({ items: await listPayrollRuns(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/payroll-runs',
    {
      schema: {
        tags,
        summary: '发起某月某类保障金发放（作业计算） Start a monthly payroll run (computed as a job)',
        body: payrollStart,
        response: { 202: started },
      },
    },
    async (req, reply) => reply.status(202).send(await startPayroll(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/payroll-runs/:id',
    {
      schema: { tags, summary: '发放批次 A payroll run', params: idParam, response: { 200: payrollRunView } },
    },
    async (req) => runView(await getPayrollRun(s, requireCtx(req), req.params.id)),
  );
  r.get(
    '/api/v1/payroll-runs/:id/review',
    {
      schema: {
        tags,
        summary: '发放审核：分镇合计与较上月变化 Review: town totals and changes against last month',
        params: idParam,
        response: { 200: payrollReview },
      },
    },
    (req) => review(s, requireCtx(req), req.params.id),
  );
  r.get(
    '/api/v1/payroll-runs/:id/lines',
    {
      schema: {
        tags,
        summary: '发放明细 Payroll lines',
        params: idParam,
        querystring: payrollLinesQuery,
        response: { 200: payrollLinesPage },
      },
    },
    (req) => payrollLines(s, requireCtx(req), req.params.id, req.query),
  );
  r.post(
    '/api/v1/payroll-runs/:id/approve',
    {
      schema: {
        tags,
        summary: '审批发放批次（审批后不可修改） Approve a run (then immutable)',
        params: idParam,
        body: payrollApprove,
        response: { 200: payrollRunView },
      },
    },
    (req) => approvePayroll(s, requireCtx(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/v1/payroll-runs/:id/recompute',
    {
      schema: {
        tags,
        summary: '重新计算未审批的批次 Recompute a run not yet approved',
        params: idParam,
        response: { 202: started },
      },
    },
    async (req, reply) => reply.status(202).send(await recomputePayroll(s, requireCtx(req), req.params.id)),
  );
  r.get(
    '/api/v1/cases/:id/payments',
    {
      schema: {
        tags,
        summary: '案件发放记录 A case’s payments',
        params: idParam,
        response: { 200: casePaymentsView },
      },
    },
    (req) => casePayments(s, requireCtx(req), req.params.id),
  );
  r.get(
    '/api/v1/payroll/ledger',
    {
      schema: {
        tags,
        summary: '保障金发放台账（年度，分镇分类别按月） Yearly ledger by town, scheme and month',
        querystring: payrollLedgerQuery,
        response: { 200: payrollLedger },
      },
    },
    (req) => ledger(s, requireCtx(req), req.query.year),
  );
}
