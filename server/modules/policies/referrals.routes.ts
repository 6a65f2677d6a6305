import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  matchPage,
  matchQuery,
  POLICY_DEPARTMENT_CODES,
  referralAnswerInput,
  referralPage,
  referralQuery,
  referralView,
} from '../../../contracts/policies.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  linkDepartmentUser,
  listDepartmentUsers,
  unlinkDepartmentUser,
} from './department-users.usecases.ts';
import { listMatches, startMatchRun } from './matching.usecases.ts';
import { answerReferral, getReferral, listReferrals } from './referrals.usecases.ts';

// HTTP of "policy finds the person" (§9.3): matching runs and their matches, department referrals
// (转办) and their answers, and the liaison accounts of each department. HTTP only: zod in and out,
// one use case per handler (the use cases validate bodies again, for the demo generator).

const tags = ['referrals'];
const idParam = z.object({ id: z.uuid() });
const userParams = z.object({ code: z.enum(POLICY_DEPARTMENT_CODES), userId: z.uuid() });
const departmentUsers = z.object({
  items: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string() })),
});

export function referralsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/policies/match-runs',
    {
      schema: {
        tags,
        summary: '启动政策匹配 Start a matching run (job)',
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (req, reply) => reply.status(202).send(await startMatchRun(s, requireCtx(req))),
  );
  r.get(
    '/api/v1/policies/matches',
    {
      schema: {
        tags,
        summary: '政策匹配结果 Matches of the policies',
        querystring: matchQuery,
        response: { 200: matchPage },
      },
    },
    (req) => listMatches(s, requireCtx(req), req.query),
  );
  r.get(
    '/api/v1/referrals',
    {
      schema: {
        tags,
        summary: '部门转办 Department referrals',
        querystring: referralQuery,
        response: { 200: referralPage },
      },
    },
    (req) => listReferrals(s, requireCtx(req), req.query),
  );
  r.get(
    '/api/v1/referrals/:id',
    { schema: { tags, summary: '转办详情 A referral', params: idParam, response: { 200: referralView } } },
    (req) => getReferral(s, requireCtx(req), req.params.id),
  );
  r.post(
    '/api/v1/referrals/:id/answer',
    {
      schema: {
        tags,
        summary: '答复转办（给予/不予） Answer a referral (granted / refused)',
        params: idParam,
        body: referralAnswerInput,
        response: { 200: referralView },
      },
    },
    (req) => answerReferral(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/policies/departments/:code/users',
    {
      schema: {
        tags,
        summary: '部门联络员账号 Liaison accounts of a department',
        params: z.object({ code: z.enum(POLICY_DEPARTMENT_CODES) }),
        response: { 200: departmentUsers },
      },
    },
    (req) => listDepartmentUsers(s, requireCtx(req), req.params.code),
  );
  r.put(
    '/api/v1/policies/departments/:code/users/:userId',
    {
      schema: {
        tags,
        summary: '关联部门联络员 Link a liaison account to the department',
        params: userParams,
        response: { 200: departmentUsers },
      },
    },
    (req) => linkDepartmentUser(s, requireCtx(req), req.params.code, req.params.userId),
  );
  r.delete(
    '/api/v1/policies/departments/:code/users/:userId',
    {
      schema: {
        tags,
        summary: '取消关联 Unlink a liaison account',
        params: userParams,
        response: { 200: departmentUsers },
      },
    },
    (req) => unlinkDepartmentUser(s, requireCtx(req), req.params.code, req.params.userId),
  );
}
