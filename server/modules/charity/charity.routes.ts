import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerInput,
  assistanceChain,
  closeReferralInput,
  disbursementInput,
  disbursementView,
  meView,
  orgInput,
  orgUserInput,
  orgView,
  projectInput,
  projectView,
  referralInput,
  referralListQuery,
  referralView,
} from '../../../contracts/charity.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { getAssistanceChain } from './chain.usecases.ts';
import { listDisbursements, recordDisbursement } from './disbursements.usecases.ts';
import { linkOrgUser, listOrgs, listProjects, me, saveOrg, saveProject } from './orgs.usecases.ts';
import {
  answerReferral,
  closeReferral,
  createReferral,
  getReferral,
  listReferrals,
} from './referrals.usecases.ts';

// HTTP only (architecture convention 2): zod in and out, one use case per handler.

const tags = ['charity'];
const idParam = z.object({ id: z.uuid() });

export function charityRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/charity/me',
    {
      schema: { tags, summary: '当前账号所属慈善组织 The caller’s organisation', response: { 200: meView } },
    },
    (req) => me(s, requireCtx(req)),
  );
  r.get(
    '/api/v1/charity/orgs',
    {
      schema: {
        tags,
        summary: '慈善组织 Charity organisations',
        response: { 200: z.object({ items: z.array(orgView) }) },
      },
    },
    async (req) => ({ items: await listOrgs(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/charity/orgs',
    {
      schema: {
        tags,
        summary: '登记慈善组织 Register an organisation',
        body: orgInput,
        response: { 201: orgView },
      },
    },
    async (req, reply) => reply.code(201).send(await saveOrg(s, requireCtx(req), null, req.body)),
  );
  r.put(
    '/api/v1/charity/orgs/:id',
    {
      schema: {
        tags,
        summary: '修改慈善组织 Update an organisation',
        params: idParam,
        body: orgInput,
        response: { 200: orgView },
      },
    },
    (req) => saveOrg(s, requireCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/charity/orgs/:id/users',
    {
      schema: {
        tags,
        summary: '关联慈善组织账号 Link a charity-role account to the organisation',
        params: idParam,
        body: orgUserInput,
        response: { 200: orgView },
      },
    },
    (req) => linkOrgUser(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/charity/projects',
    {
      schema: {
        tags,
        summary: '慈善项目（预算已用/剩余） Projects with budget used and left',
        response: { 200: z.object({ items: z.array(projectView) }) },
      },
    },
    async (req) => ({ items: await listProjects(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/charity/projects',
    {
      schema: {
        tags,
        summary: '新建慈善项目 Create a project',
        body: projectInput,
        response: { 201: projectView },
      },
    },
    async (req, reply) => reply.code(201).send(await saveProject(s, requireCtx(req), null, req.body)),
  );
  r.put(
    '/api/v1/charity/projects/:id',
    {
      schema: {
        tags,
        summary: '修改慈善项目 Update a project',
        params: idParam,
        body: projectInput,
        response: { 200: projectView },
      },
    },
    (req) => saveProject(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/charity/referrals',
    {
      schema: {
        tags,
        summary: '慈善帮扶转介（待答复按期限排序） Referrals, unanswered first by due date',
        querystring: referralListQuery,
        response: { 200: z.object({ total: z.number(), items: z.array(referralView) }) },
      },
    },
    (req) => listReferrals(s, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/charity/referrals',
    {
      schema: {
        tags,
        summary: '转介慈善帮扶（从案件、预警或直接） Refer a household to charity',
        description: 'Give householdId, or caseId / alertId (the household is taken from the case or alert).',
        body: referralInput,
        response: { 201: referralView },
      },
    },
    async (req, reply) => reply.code(201).send(await createReferral(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/charity/referrals/:id',
    { schema: { tags, summary: '转介详情 A referral', params: idParam, response: { 200: referralView } } },
    (req) => getReferral(s, requireCtx(req), req.params.id),
  );
  r.post(
    '/api/v1/charity/referrals/:id/answer',
    {
      schema: {
        tags,
        summary: '答复转介（接收 / 不予帮扶并说明理由） Accept or decline a referral',
        params: idParam,
        body: answerInput,
        response: { 200: referralView },
      },
    },
    (req) => answerReferral(s, requireCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/charity/referrals/:id/close',
    {
      schema: {
        tags,
        summary: '办结转介并反馈 Close a referral with feedback',
        params: idParam,
        body: closeReferralInput,
        response: { 200: referralView },
      },
    },
    (req) => closeReferral(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/charity/disbursements',
    {
      schema: {
        tags,
        summary: '慈善帮扶发放记录 Disbursements',
        querystring: z.object({ projectId: z.uuid().optional(), householdId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(disbursementView) }) },
      },
    },
    async (req) => ({ items: await listDisbursements(s, requireCtx(req), req.query) }),
  );
  r.post(
    '/api/v1/charity/disbursements',
    {
      schema: {
        tags,
        summary: '登记慈善帮扶（资金或实物） Record money or goods given',
        description: 'Refused with 409 charity.budget_exceeded when the project budget would be exceeded.',
        body: disbursementInput,
        response: { 201: disbursementView },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDisbursement(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/households/:id/assistance-chain',
    {
      schema: {
        tags: ['registry', 'charity'],
        summary: '一户一条救助链 Everything every department gave the household, in date order',
        params: idParam,
        response: { 200: assistanceChain },
      },
    },
    (req) => getAssistanceChain(s, requireCtx(req), req.params.id),
  );
}
