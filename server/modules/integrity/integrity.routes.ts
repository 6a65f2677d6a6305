import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  correctionsReport,
  decideCorrection,
  decideFine,
  listIntegrity,
  proposeCorrection,
  recordRecovery,
} from './integrity.usecases.ts';

const tags = ['integrity'];
const bi = (zh: string, en: string) => `${zh}||${en}`;
const note = z.string().trim().min(2, bi('请填写说明', 'give a note')).max(2000);
const idParam = z.object({ id: z.coerce.number().int().positive() });
const date = z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD'));

export function integrityRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/integrity',
    {
      schema: {
        tags,
        summary: '诚信记录（批评教育、骗取追缴与罚款） Integrity findings, recoveries and fines',
        querystring: z.object({ householdId: z.uuid().optional(), caseId: z.uuid().optional() }),
      },
    },
    (req) => listIntegrity(s, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/integrity/:id/fine',
    {
      schema: {
        tags,
        summary: '决定罚款（骗取金额 1–3 倍） Decide the fine (1–3x the amount obtained)',
        params: idParam,
        body: z.object({ fineFen: z.number().int().min(0), note }),
      },
    },
    (req) => decideFine(s, requireCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/integrity/:id/recoveries',
    {
      schema: {
        tags,
        summary: '登记退回或工资扣回 Record a repayment or a payroll deduction',
        params: idParam,
        body: z.object({
          amountFen: z.number().int().min(1),
          method: z.enum(['REPAYMENT', 'PAYROLL_DEDUCTION']),
          note: z.string().trim().max(2000).default(''),
        }),
      },
    },
    (req) => recordRecovery(s, requireCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/cases/:id/corrections',
    {
      schema: {
        tags,
        summary: '对本人作出的决定提出纠错（容错纠错） Propose the correction of a decision',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          eventSeq: z.number().int().min(1),
          cause: z.enum(['OBJECTIVE', 'SUBJECTIVE']),
          description: note,
          remedy: note,
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposeCorrection(s, requireCtx(req), req.params.id, req.body)),
  );
  for (const [action, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    r.post(
      `/api/v1/corrections/:id/${action}`,
      {
        schema: {
          tags,
          summary: approve ? '批准纠错 Approve' : '不予批准 Reject',
          params: idParam,
          body: z.object({ note }),
        },
      },
      (req) => decideCorrection(s, requireCtx(req), req.params.id, approve, req.body.note),
    );
  }
  r.get(
    '/api/v1/corrections',
    {
      schema: {
        tags,
        summary: '纠错情况报告（按原因、结果） Corrections report by cause and outcome',
        querystring: z.object({ from: date, to: date }),
      },
    },
    (req) => correctionsReport(s, requireCtx(req), req.query),
  );
}
