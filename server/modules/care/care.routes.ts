import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CARE_LEVELS,
  callInput,
  checkInput,
  contractInput,
  contractView,
  coverageInput,
  monthParam,
  planInput,
  providerAccountInput,
  providerInput,
  providerView,
  staffInput,
  verificationView,
  visitInput,
  visitView,
} from '../../../contracts/care.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import * as contracts from './care-contracts.usecases.ts';
import * as providers from './care-providers.usecases.ts';
import * as verification from './care-verification.usecases.ts';
import * as visits from './care-visits.usecases.ts';

// HTTP of purchased care (§5.4, §9.1): one use case per handler; the use cases check permissions,
// the provider scope and the town's jurisdiction.

const tags = ['care'];
const id = z.object({ id: z.uuid() });

export function careRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = requireCtx;

  r.get(
    '/api/v1/care/providers',
    {
      schema: {
        tags,
        summary: '照护服务机构 Care providers',
        response: { 200: z.object({ items: z.array(providerView) }) },
      },
    },
    async (req) => ({
      items: await providers.listProviders(s, ctx(req)),
    }),
  );
  r.post(
    '/api/v1/care/providers',
    { schema: { tags, summary: '登记照护服务机构', body: providerInput, response: { 201: providerView } } },
    async (req, reply) => reply.code(201).send(await providers.saveProvider(s, ctx(req), null, req.body)),
  );
  r.put(
    '/api/v1/care/providers/:id',
    {
      schema: {
        tags,
        summary: '修改照护服务机构',
        params: id,
        body: providerInput,
        response: { 200: providerView },
      },
    },
    (req) => providers.saveProvider(s, ctx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/care/providers/:id/staff',
    {
      schema: {
        tags,
        summary: '登记护理员 Add a carer',
        params: id,
        body: staffInput,
        response: { 201: providerView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await providers.addStaff(s, ctx(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/care/providers/:id/accounts',
    {
      schema: {
        tags,
        summary: '开设机构账号 Create a provider account',
        params: id,
        body: providerAccountInput,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await providers.createProviderAccount(s, ctx(req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/care/contracts',
    {
      schema: {
        tags,
        summary: '照护服务合同 Contracts',
        response: { 200: z.object({ items: z.array(contractView) }) },
      },
    },
    async (req) => ({
      items: await contracts.listContracts(s, ctx(req)),
    }),
  );
  r.post(
    '/api/v1/care/contracts',
    { schema: { tags, summary: '签订照护服务合同', body: contractInput, response: { 201: contractView } } },
    async (req, reply) => reply.code(201).send(await contracts.createContract(s, ctx(req), req.body)),
  );
  r.post(
    '/api/v1/care/contracts/:id/persons',
    {
      schema: {
        tags,
        summary: '纳入服务对象 Cover a person',
        params: id,
        body: coverageInput,
        response: { 201: contractView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await contracts.addCoverage(s, ctx(req), req.params.id, req.body)),
  );
  r.put(
    '/api/v1/care/plans/:id',
    { schema: { tags, summary: '调整照护计划 Change a care plan', params: id, body: planInput } },
    async (req, reply) => {
      await contracts.updatePlan(s, ctx(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/v1/care/plan-defaults',
    { schema: { tags, summary: '各自理等级的默认照护计划 (§5.3)' } },
    async (req) => ({
      items: await contracts.getPlanDefaults(s, ctx(req)),
    }),
  );
  r.put(
    '/api/v1/care/plan-defaults/:level',
    {
      schema: {
        tags,
        summary: '修改默认照护计划',
        params: z.object({ level: z.enum(CARE_LEVELS) }),
        body: planInput,
      },
    },
    async (req) => ({
      items: await contracts.savePlanDefault(s, ctx(req), req.params.level, req.body),
    }),
  );

  r.get(
    '/api/v1/care/persons-today',
    { schema: { tags, summary: '今日服务对象 Persons to visit today' } },
    (req) => visits.listPersonsToday(s, ctx(req)),
  );
  r.get(
    '/api/v1/care/visits',
    {
      schema: {
        tags,
        summary: '服务记录 Visits',
        querystring: z.object({
          month: monthParam.shape.month.optional(),
          coverageId: z.uuid().optional(),
          contractId: z.uuid().optional(),
        }),
        response: { 200: z.object({ items: z.array(visitView) }) },
      },
    },
    async (req) => ({ items: await visits.listVisits(s, ctx(req), req.query) }),
  );
  r.post(
    '/api/v1/care/visits',
    { schema: { tags, summary: '登记服务 Record a visit', body: visitInput, response: { 201: visitView } } },
    async (req, reply) => reply.code(201).send(await visits.recordVisit(s, ctx(req), req.body)),
  );
  r.get(
    '/api/v1/care/visits/:id/:kind',
    {
      schema: {
        tags,
        summary: '服务照片或签名',
        params: id.extend({ kind: z.enum(['photo', 'signature']) }),
      },
    },
    async (req, reply) => {
      const f = await visits.visitFile(
        s,
        ctx(req),
        req.params.id,
        req.params.kind === 'photo' ? 'PHOTO' : 'SIGNATURE',
      );
      return reply.type(f.mime).header('cache-control', 'private, no-store').send(f.bytes);
    },
  );

  r.get(
    '/api/v1/care/verifications',
    { schema: { tags, summary: '月度核验 Monthly verifications', querystring: monthParam } },
    async (req) => ({
      items: await verification.listVerifications(s, ctx(req), req.query.month),
    }),
  );
  r.post(
    '/api/v1/care/verifications',
    {
      schema: {
        tags,
        summary: '开始月度核验（抽样）',
        body: monthParam.extend({ contractId: z.uuid() }),
        response: { 200: verificationView },
      },
    },
    (req) => verification.openVerification(s, ctx(req), req.body.contractId, req.body.month),
  );
  r.get(
    '/api/v1/care/verifications/:id',
    { schema: { tags, summary: '核验详情', params: id, response: { 200: verificationView } } },
    (req) => verification.getVerification(s, ctx(req), req.params.id),
  );
  r.post(
    '/api/v1/care/verifications/:id/samples/:visitId',
    {
      schema: {
        tags,
        summary: '抽查结果',
        params: id.extend({ visitId: z.uuid() }),
        body: checkInput,
        response: { 200: verificationView },
      },
    },
    (req) => verification.checkSample(s, ctx(req), req.params.id, req.params.visitId, req.body),
  );
  r.post(
    '/api/v1/care/verifications/:id/calls',
    {
      schema: {
        tags,
        summary: '满意度回访',
        params: id,
        body: callInput,
        response: { 200: verificationView },
      },
    },
    (req) => verification.recordCall(s, ctx(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/care/verifications/:id/verify',
    { schema: { tags, summary: '确认核验，形成支付依据', params: id, response: { 200: verificationView } } },
    (req) => verification.verifyMonth(s, ctx(req), req.params.id),
  );
}
