import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintInput,
  noticeQuery,
  noticesView,
  objectionInput,
  publicDivisions,
  submissionReceipt,
  submissionStatus,
  trackingQuery,
} from '../../../contracts/portal.ts';
import { listPublicDivisions, villageNotices } from './notices.usecases.ts';
import type { PortalDeps } from './portal.routes.ts';
import { submissionStatus as readStatus, submitComplaint, submitObjection } from './submissions.usecases.ts';

// 码上查 and the citizen's voice over HTTP (no login; rate-limited): divisions, a village's notices,
// objections to a publicity, 12349 complaints and reading their feedback.

const tags = ['portal'];
const pub = { public: true } as const;

export function publicNoticesRoutes(app: FastifyInstance, d: PortalDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/v1/divisions',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '镇（街道）和村（居）及监督电话 Towns, villages and hotlines',
        querystring: z.object({
          villageCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: publicDivisions },
      },
    },
    (req) => listPublicDivisions(d, req.query.villageCode),
  );
  r.get(
    '/api/public/v1/notices',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '村（居）公示：初审公示和长期公布 A village’s publicity and recipients',
        description:
          'Only the §2.2 fields: name (masked unless the county sets portal.maskNamesOnline = 0), household size, opinion, amount, dates. q matches the name as shown.',
        querystring: noticeQuery,
        response: { 200: noticesView },
      },
    },
    (req) => villageNotices(d, req.query, { ip: req.ip, requestId: req.id }),
  );
  r.post(
    '/api/public/v1/objections',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '对公示提出异议 Object to a case in publicity',
        description: '400 unless the notice is in its publicity period now.',
        body: objectionInput,
        response: { 201: submissionReceipt },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await submitObjection(d, req.body, { ip: req.ip, requestId: req.id })),
  );
  r.post(
    '/api/public/v1/complaints',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '投诉举报（12349） File a complaint',
        body: complaintInput,
        response: { 201: submissionReceipt },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await submitComplaint(d, req.body, { ip: req.ip, requestId: req.id })),
  );
  r.get(
    '/api/public/v1/submissions/:trackingNo',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '凭编号和查询码查看答复 Read the feedback with the tracking number and query code',
        description: 'A wrong query code and an unknown number give the same 404.',
        params: z.object({ trackingNo: z.string().trim().min(6).max(40) }),
        querystring: trackingQuery,
        response: { 200: submissionStatus },
      },
    },
    (req) => readStatus(d, req.params.trackingNo, req.query.queryCode),
  );
}
