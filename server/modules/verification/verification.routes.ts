import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReportView, checkRequestView, directCheckInput } from '../../../contracts/checks.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { printCheckReport } from './check-print.usecases.ts';
import { getCheckReport, rerunCheck, startCheck } from './check-reports.usecases.ts';
import { listCaseChecks, requestCheck } from './check-requests.usecases.ts';

// HTTP of economic-status checks (家庭经济状况核对, domain-rules §8.3). Requests made by a case's
// REQUEST_CHECK step are created by the case-event use case; these routes file direct requests,
// start and re-run checks, and read and print the reports.

const tags = ['checks'];
const idParam = z.object({ id: z.uuid() });
const generated = z.object({
  late: z.boolean().optional(),
  report: z.object({ id: z.string(), reportNo: z.string(), version: z.number() }),
});

export function verificationRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/check-requests',
    {
      schema: {
        tags,
        summary: '提请核对（定期复核、预警核实、外省协查） File a check request',
        description:
          "For a case in the caller's jurisdiction. 409 checks.consent_missing unless every subject has signed the check authorisation (§2.2). The county must start within 3 working days (S1 Art.17).",
        body: directCheckInput,
        response: { 201: z.object({ id: z.string(), startBy: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await requestCheck(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/cases/:id/check-requests',
    {
      schema: {
        tags,
        summary: '案件的核对申请与报告 The check requests and reports of a case',
        params: idParam,
        response: { 200: z.object({ items: z.array(checkRequestView) }) },
      },
    },
    async (req) => ({ items: await listCaseChecks(s, requireCtx(req), req.params.id) }),
  );
  r.post(
    '/api/v1/check-requests/:id/start',
    {
      schema: {
        tags,
        summary: '启动核对并生成报告 Start a check (county) and produce version 1',
        description: 'District level only. A start after the start-by date is allowed and flagged late.',
        params: idParam,
        response: { 200: generated },
      },
    },
    async (req) => startCheck(s, requireCtx(req), req.params.id),
  );
  r.post(
    '/api/v1/check-requests/:id/rerun',
    {
      schema: {
        tags,
        summary: '重新核对（生成新版本） Re-run a started check: a new report version',
        description: 'Earlier versions stay unchanged.',
        params: idParam,
        response: { 200: generated },
      },
    },
    async (req) => rerunCheck(s, requireCtx(req), req.params.id),
  );
  r.get(
    '/api/v1/check-reports/:id',
    {
      schema: {
        tags,
        summary: '核对报告 One check report (names masked)',
        params: idParam,
        response: { 200: checkReportView },
      },
    },
    async (req) => getCheckReport(s, requireCtx(req), req.params.id),
  );
  r.get(
    '/api/v1/check-reports/:id/pdf',
    {
      schema: {
        tags,
        summary: '打印核对报告（PDF） Print a check report',
        description:
          'application/pdf (inline), watermarked with the printing user and time; every print increments print_count and is audited as checks.report_printed.',
        params: idParam,
      },
    },
    async (req, reply) => {
      const file = await printCheckReport(s, requireCtx(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    },
  );
}
