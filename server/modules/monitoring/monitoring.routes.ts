import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertDetail,
  alertListQuery,
  alertSummary,
  closeInput,
  disposeInput,
  ruleCreate,
  ruleUpdate,
  ruleView,
  verifyInput,
} from '../../../contracts/alerts.ts';
import {
  compareRunView,
  dashboardView,
  populationQuery,
  populationView,
} from '../../../contracts/monitoring.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { closeAlert, disposeAlert, getAlert, listAlerts, verifyAlert } from './alerts.usecases.ts';
import { listRuns, startComparison } from './compare.usecases.ts';
import { monitoredPopulation, monitoringDashboard } from './dashboard.usecases.ts';
import { createRule, listRules, updateRule } from './rules.usecases.ts';

// HTTP of monitoring (§7.3, §7.4): alerts and their handling, the rules, comparison runs, the
// dashboard and the monitored population. Bodies are validated again in the use cases (the same
// zod schemas) so the demo generator and tests get the same answers as the API.

const tags = ['monitoring'];
const idParam = z.object({ id: z.uuid() });

export function monitoringRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/alerts',
    {
      schema: {
        tags,
        summary: '预警工作台（按管辖范围） Alert worklist in the caller’s jurisdiction',
        querystring: alertListQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(alertSummary) }) },
      },
    },
    (req) => listAlerts(s, requireCtx(req), req.query),
  );
  r.get(
    '/api/v1/alerts/:id',
    {
      schema: {
        tags,
        summary: '预警详情、证据与处置记录 An alert',
        params: idParam,
        response: { 200: alertDetail },
      },
    },
    (req) => getAlert(s, requireCtx(req), req.params.id),
  );
  const step = (path: string, summary: string, body: z.ZodType, fn: typeof verifyAlert) =>
    r.post(
      `/api/v1/alerts/:id/${path}`,
      { schema: { tags, summary, params: idParam, body, response: { 200: alertDetail } } },
      (req) => fn(s, requireCtx(req), req.params.id, req.body),
    );
  step('verify', '核实预警（入户、电话、数据） Verify an alert', verifyInput, verifyAlert);
  step('dispose', '处置预警 Dispose of an alert', disposeInput, disposeAlert);
  step('close', '办结预警并记录反馈 Close an alert with feedback', closeInput, closeAlert);

  r.get(
    '/api/v1/alert-rules',
    {
      schema: {
        tags,
        summary: '预警规则 Alert rules',
        response: { 200: z.object({ items: z.array(ruleView) }) },
      },
    },
    async (req) => ({ items: await listRules(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/alert-rules',
    {
      schema: {
        tags,
        summary: '新增阈值规则 Add a threshold rule over a feed field',
        body: ruleCreate,
        response: { 201: ruleView },
      },
    },
    async (req, reply) => reply.status(201).send(await createRule(s, requireCtx(req), req.body)),
  );
  r.patch(
    '/api/v1/alert-rules/:code',
    {
      schema: {
        tags,
        summary: '调整规则阈值、时限或启停 Change a rule',
        params: z.object({ code: z.string().max(40) }),
        body: ruleUpdate,
        response: { 200: ruleView },
      },
    },
    (req) => updateRule(s, requireCtx(req), req.params.code, req.body),
  );

  r.get(
    '/api/v1/monitoring/runs',
    {
      schema: {
        tags,
        summary: '数据比对批次 Comparison runs',
        response: { 200: z.object({ items: z.array(compareRunView) }) },
      },
    },
    async (req) => ({ items: await listRuns(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/monitoring/runs',
    {
      schema: {
        tags,
        summary: '发起数据比对（作业） Start a comparison run (a job)',
        response: { 202: z.object({ runId: z.string(), jobId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(202).send(await startComparison(s, requireCtx(req))),
  );
  r.get(
    '/api/v1/monitoring/dashboard',
    { schema: { tags, summary: '监测预警看板 Monitoring dashboard', response: { 200: dashboardView } } },
    (req) => monitoringDashboard(s, requireCtx(req)),
  );
  r.get(
    '/api/v1/monitoring/population',
    {
      schema: {
        tags,
        summary: '低收入人口（去重） Monitored population, de-duplicated',
        querystring: populationQuery,
        response: { 200: populationView },
      },
    },
    (req) => monitoredPopulation(s, requireCtx(req), req.query),
  );
}
