import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentView,
  monthParam,
  scoresInput,
  trendView,
  weightsInput,
  weightsView,
} from '../../../contracts/grassroots.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  confirmAssessment,
  confirmMany,
  listMonth,
  myAssessments,
  openMonth,
  saveScores,
  saveScoresMany,
} from './assessment.usecases.ts';
import { assessmentTrend } from './trend.usecases.ts';
import { listWeights, setWeights } from './weights.usecases.ts';

// HTTP of the monthly 德能勤绩廉 assessment (§9.6): weights, opening a month (metrics computed),
// scores with reasons, confirmation, the month's ranking and the trends.

const tags = ['assistants'];
const monthPost = z.object({ month: monthParam, postId: z.uuid() });
const items = z.object({ items: z.array(assessmentView) });

export function assessmentRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/assistants/weights',
    {
      schema: {
        tags,
        summary: '考核权重 Weights',
        response: { 200: z.object({ items: z.array(weightsView) }) },
      },
    },
    async (req) => ({ items: await listWeights(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/assistants/weights',
    {
      schema: {
        tags,
        summary: '设定考核权重（自某月起） Set weights',
        body: weightsInput,
        response: { 201: weightsView },
      },
    },
    async (req, reply) => reply.code(201).send(await setWeights(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/assistants/assessments',
    {
      schema: {
        tags,
        summary: '月度考核与排名 A month’s assessments and ranking',
        querystring: z.object({ month: monthParam }),
        response: { 200: items },
      },
    },
    async (req) => ({ items: await listMonth(s, requireCtx(req), req.query.month) }),
  );
  r.get(
    '/api/v1/assistants/assessments/mine',
    { schema: { tags, summary: '我的考核（含理由） My scores and the reasons', response: { 200: items } } },
    async (req) => ({ items: await myAssessments(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/assistants/assessments/:month/open',
    {
      schema: {
        tags,
        summary: '开启月度考核（计算自动指标） Open a month',
        params: z.object({ month: monthParam }),
        response: { 200: z.object({ month: z.string(), written: z.number() }) },
      },
    },
    (req) => openMonth(s, requireCtx(req), req.params.month),
  );
  r.put(
    '/api/v1/assistants/assessments/:month/:postId/scores',
    {
      schema: {
        tags,
        summary: '录入德能勤绩廉评分及理由 Enter the five scores',
        params: monthPost,
        body: scoresInput,
        response: { 200: assessmentView },
      },
    },
    (req) => saveScores(s, requireCtx(req), req.params.postId, req.params.month, req.body),
  );
  r.post(
    '/api/v1/assistants/assessments/:month/:postId/confirm',
    { schema: { tags, summary: '确认考核 Confirm', params: monthPost, response: { 200: assessmentView } } },
    (req) => confirmAssessment(s, requireCtx(req), req.params.postId, req.params.month),
  );
  r.put(
    '/api/v1/assistants/assessments/:month/scores',
    {
      schema: {
        tags,
        summary: '批量录入评分 Enter the scores of several assistants',
        params: z.object({ month: monthParam }),
        body: z.object({
          items: z
            .array(z.object({ postId: z.uuid(), scores: scoresInput }))
            .min(1)
            .max(500),
        }),
        response: { 200: z.object({ saved: z.number() }) },
      },
    },
    (req) => saveScoresMany(s, requireCtx(req), req.params.month, req.body.items),
  );
  r.post(
    '/api/v1/assistants/assessments/:month/confirm',
    {
      schema: {
        tags,
        summary: '确认本辖区已评分的考核 Confirm the scored drafts',
        params: z.object({ month: monthParam }),
        body: z
          .object({ postIds: z.array(z.uuid()).max(500).nullable().default(null) })
          .default({ postIds: null }),
        response: { 200: z.object({ confirmed: z.number() }) },
      },
    },
    (req) => confirmMany(s, requireCtx(req), req.params.month, req.body.postIds),
  );
  r.get(
    '/api/v1/assistants/trend',
    {
      schema: {
        tags,
        summary: '考核得分月度趋势 Month-to-month trend',
        querystring: z.object({ to: monthParam, postId: z.uuid().optional() }),
        response: { 200: trendView },
      },
    },
    (req) => assessmentTrend(s, requireCtx(req), req.query),
  );
}
