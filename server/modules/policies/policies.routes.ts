import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  departmentInput,
  departmentView,
  POLICY_DEPARTMENT_CODES,
  policyInput,
  policyUpdateInput,
  policyView,
  validateExpressionInput,
  validateExpressionResult,
} from '../../../contracts/policies.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  createPolicy,
  getPolicy,
  listDepartments,
  listPolicies,
  updateDepartment,
  updatePolicy,
  validateExpression,
} from './catalogue.usecases.ts';
import { installDefaultCatalogue } from './default-catalogue-install.ts';
import { publicPoliciesRoutes } from './public-policies.routes.ts';

// HTTP only (architecture convention 2): the catalogue of §9.3 for the console, and (registered from
// here) the public 码上知 routes.

const tags = ['policies'];
const idParam = z.object({ id: z.uuid() });

export function policiesRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/policies',
    {
      schema: {
        tags,
        summary: '政策目录（含匹配人数） Policy catalogue with match counts',
        response: { 200: z.object({ items: z.array(policyView) }) },
      },
    },
    async (req) => ({ items: await listPolicies(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/policies',
    {
      schema: { tags, summary: '新增政策 Add a policy', body: policyInput, response: { 201: policyView } },
    },
    async (req, reply) => reply.code(201).send(await createPolicy(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/policies/validate-expression',
    {
      schema: {
        tags,
        summary: '校验资格条件表达式（CEL） Validate an eligibility expression',
        body: validateExpressionInput,
        response: { 200: validateExpressionResult },
      },
    },
    (req) => validateExpression(requireCtx(req), req.body),
  );
  r.post(
    '/api/v1/policies/install-default',
    {
      schema: {
        tags,
        summary: '安装示范政策目录（12 个部门、37 项政策，已有的不覆盖） Install the demo catalogue',
        response: { 200: z.object({ departmentsAdded: z.number(), policiesAdded: z.number() }) },
      },
    },
    (req) => installDefaultCatalogue(s, requireCtx(req)),
  );
  r.get(
    '/api/v1/policies/departments',
    {
      schema: {
        tags,
        summary: '部门（政策数、待答复与逾期转办） Departments with policies and referrals',
        response: { 200: z.object({ items: z.array(departmentView) }) },
      },
    },
    async (req) => ({ items: await listDepartments(s, requireCtx(req)) }),
  );
  r.put(
    '/api/v1/policies/departments/:code',
    {
      schema: {
        tags,
        summary: '修改部门（名称、电话、答复时限） Update a department',
        params: z.object({ code: z.enum(POLICY_DEPARTMENT_CODES) }),
        body: departmentInput,
        response: { 200: departmentView },
      },
    },
    (req) => updateDepartment(s, requireCtx(req), req.params.code, req.body),
  );
  r.get(
    '/api/v1/policies/:id',
    { schema: { tags, summary: '政策详情 A policy', params: idParam, response: { 200: policyView } } },
    (req) => getPolicy(s, requireCtx(req), req.params.id),
  );
  r.put(
    '/api/v1/policies/:id',
    {
      schema: {
        tags,
        summary: '修改政策（版本号加一） Update a policy (version + 1)',
        params: idParam,
        body: policyUpdateInput,
        response: { 200: policyView },
      },
    },
    (req) => updatePolicy(s, requireCtx(req), req.params.id, req.body),
  );
  publicPoliciesRoutes(app, s);
}
