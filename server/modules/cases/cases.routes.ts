import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationInput,
  caseDetail,
  caseSummary,
  expenditureApplicationInput,
  legacyCasesBody,
  urgentReportInput,
  worklistQuery,
} from '../../../contracts/cases.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { createApplication, createExpenditureApplication, reportUrgent } from './applications.usecases.ts';
import { recordCaseEvent } from './case-events.usecases.ts';
import { getCaseDetail, listWorklist } from './case-read.usecases.ts';
import { addDelegation, delegationInput, listDelegations } from './delegation.usecases.ts';
import { migrateLegacyCases } from './legacy.usecases.ts';
import { listReminders } from './reminders.usecases.ts';
import { moveReserveFund, reconcileReserveFund, reserveFundMonth } from './reserve-fund.usecases.ts';

const tags = ['cases'];
const created = { 201: z.object({ id: z.string(), caseNo: z.string() }) };
const idParam = z.object({ id: z.uuid() });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, '月份格式 YYYY-MM||a month as YYYY-MM');

export function casesRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: '待办与案件列表（按时限排序） Worklist, by deadline',
        querystring: worklistQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(caseSummary) }) },
      },
    },
    (req) => listWorklist(s, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/cases/applications',
    {
      schema: {
        tags,
        summary: '登记救助申请（低保 / 单人保 / 特困） Register an application',
        body: applicationInput,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await createApplication(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/cases/urgent',
    {
      schema: {
        tags,
        summary: '急难型临时救助报告（先行救助） Report an urgent case',
        body: urgentReportInput,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await reportUrgent(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/cases/temporary',
    {
      schema: {
        tags,
        summary: '支出型临时救助申请 Apply for expenditure-type temporary assistance',
        body: expenditureApplicationInput,
        response: created,
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createExpenditureApplication(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情、办理过程与可办事项 A case, its timeline and the next steps',
        params: idParam,
        response: { 200: caseDetail },
      },
    },
    (req) => getCaseDetail(s, requireCtx(req), req.params.id),
  );
  r.post(
    '/api/v1/cases/:id/events',
    {
      schema: {
        tags,
        summary: '办理一步（受理、调查、公示、审核确认、调整、停发…） Record a step on a case',
        description:
          'The body is one event of the case’s state machine (contracts/case-events.ts); `expectedVersion` guards against concurrent edits. A refused step returns 403/409 with the reason and changes nothing.',
        params: idParam,
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ version: z.number(), state: z.string(), stage: z.string() }) },
      },
    },
    (req) => {
      const { expectedVersion, ...event } = req.body as { expectedVersion?: unknown };
      return recordCaseEvent(
        s,
        requireCtx(req),
        req.params.id,
        event,
        typeof expectedVersion === 'number' ? expectedVersion : undefined,
      );
    },
  );
  r.post(
    '/api/v1/cases/legacy',
    {
      schema: {
        tags,
        summary: '迁移原系统在保对象（标记为历史迁移） Migrate cases in payment from the previous system',
        description:
          'The only way a case becomes active without the procedure (§2.4); every row is validated first and the batch is one transaction.',
        body: z.object({
          reason: legacyCasesBody.shape.reason,
          cases: z.array(z.unknown()).min(1).max(1000),
        }),
        response: { 201: z.object({ created: z.array(z.object({ id: z.string(), caseNo: z.string() })) }) },
      },
    },
    async (req, reply) => reply.status(201).send(await migrateLegacyCases(s, requireCtx(req), req.body)),
  );

  r.get(
    '/api/v1/delegations',
    { schema: { tags, summary: '低保审核确认权限下放（按镇街） Delegation of 低保 confirmation to towns' } },
    (req) => listDelegations(s, requireCtx(req)),
  );
  r.post(
    '/api/v1/delegations',
    {
      schema: {
        tags,
        summary: '设置镇街审核确认权限（自某日起） Delegate or take back confirmation from a date',
        body: delegationInput,
      },
    },
    async (req, reply) => reply.status(201).send(await addDelegation(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/reminders',
    {
      schema: {
        tags,
        summary: '时限与复核提醒 Deadline and review reminders still standing',
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    (req) => listReminders(s, requireCtx(req), req.query),
  );
  r.get(
    '/api/v1/reserve-fund',
    {
      schema: {
        tags,
        summary: '乡镇临时救助备用金台账（按月） A town’s reserve-fund ledger for a month',
        querystring: z.object({ townCode: z.string(), month }),
      },
    },
    (req) => reserveFundMonth(s, requireCtx(req), req.query.townCode, req.query.month),
  );
  r.post(
    '/api/v1/reserve-fund/movements',
    {
      schema: {
        tags,
        summary: '拨付或收回备用金 Allocate to or take back from a town’s reserve fund',
        body: z.object({
          townCode: z.string(),
          kind: z.enum(['ALLOCATE', 'RETURN']),
          amountFen: z.number().int().min(1).max(1_000_000_000),
          note: z.string().trim().min(2).max(200),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await moveReserveFund(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/reserve-fund/reconcile',
    {
      schema: {
        tags,
        summary: '备用金月度对账 Monthly reconciliation',
        body: z.object({ townCode: z.string(), month, note: z.string().trim().max(500).default('') }),
      },
    },
    async (req, reply) => reply.status(201).send(await reconcileReserveFund(s, requireCtx(req), req.body)),
  );
}
