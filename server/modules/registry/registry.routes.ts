import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeReason,
  historyEntry,
  householdDetail,
  householdInput,
  householdListItem,
  householdSearch,
  householdUpdate,
  memberAdd,
  memberLeave,
  memberUpdate,
  revealRequest,
} from '../../../contracts/registry.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import {
  createHousehold,
  getHouseholdDetail,
  getHouseholdHistory,
  revealPersonField,
  searchHouseholds,
} from './registry.usecases.ts';
import {
  addMember,
  changeHead,
  leaveMember,
  updateHousehold,
  updateMember,
} from './registry-changes.usecases.ts';

const idParam = z.object({ id: z.uuid() });
const memberParam = z.object({ id: z.uuid(), memberId: z.uuid() });
const versionOut = z.object({ ok: z.literal(true) });
const tags = ['registry'];

export function registryRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/households',
    {
      schema: {
        tags,
        summary: '查询户 Search households',
        querystring: householdSearch,
        response: {
          200: z.object({
            items: z.array(householdListItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    (req) => searchHouseholds(s, requireCtx(req), req.query),
  );

  // The body is validated in the use case (it reports domain checks and schema checks together).
  r.post(
    '/api/v1/households',
    {
      schema: {
        tags,
        summary: '新建户 Create a household',
        body: householdInput,
        response: { 201: z.object({ id: z.string(), householdNo: z.string() }) },
      },
    },
    async (req, reply) => {
      const out = await createHousehold(s, requireCtx(req), req.body);
      return reply.status(201).send(out);
    },
  );

  r.get(
    '/api/v1/households/:id',
    {
      schema: {
        tags,
        summary: '户详情 Household detail',
        params: idParam,
        response: { 200: householdDetail },
      },
    },
    (req) => getHouseholdDetail(s, requireCtx(req), req.params.id),
  );

  r.get(
    '/api/v1/households/:id/history',
    {
      schema: {
        tags,
        summary: '变更历史 Change history',
        params: idParam,
        response: { 200: z.object({ items: z.array(historyEntry) }) },
      },
    },
    async (req) => ({
      items: await getHouseholdHistory(s, requireCtx(req), req.params.id),
    }),
  );

  r.patch(
    '/api/v1/households/:id',
    { schema: { tags, summary: '修改户信息 Update a household', params: idParam, body: householdUpdate } },
    async (req) => {
      await updateHousehold(s, requireCtx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/households/:id/members',
    {
      schema: {
        tags,
        summary: '增加成员 Add a member',
        params: idParam,
        body: memberAdd,
        response: { 201: z.object({ memberId: z.string(), personId: z.string() }) },
      },
    },
    async (req, reply) => {
      const out = await addMember(s, requireCtx(req), req.params.id, req.body);
      return reply.status(201).send(out);
    },
  );

  r.patch(
    '/api/v1/households/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: '修改成员 Update a member',
        params: memberParam,
        body: memberUpdate,
        response: { 200: versionOut },
      },
    },
    async (req) => {
      await updateMember(s, requireCtx(req), req.params.id, req.params.memberId, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/households/:id/members/:memberId/leave',
    { schema: { tags, summary: '成员迁出 A member leaves', params: memberParam, body: memberLeave } },
    async (req) => leaveMember(s, requireCtx(req), req.params.id, req.params.memberId, req.body),
  );

  r.post(
    '/api/v1/households/:id/head',
    {
      schema: {
        tags,
        summary: '变更户主 Change the head',
        params: idParam,
        body: z.object({
          expectedVersion: z.number().int().min(1),
          reason: changeReason,
          memberId: z.uuid(),
          formerHeadRelationCode: z.string().regex(/^\d{2}$/),
        }),
        response: { 200: versionOut },
      },
    },
    async (req) => {
      await changeHead(s, requireCtx(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/v1/persons/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整信息（留痕） Reveal a full value (audited)',
        params: idParam,
        body: revealRequest,
        response: { 200: z.object({ value: z.string() }) },
      },
    },
    (req) => revealPersonField(s, requireCtx(req), req.params.id, req.body),
  );
}
