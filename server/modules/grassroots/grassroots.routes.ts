import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceInput,
  complaintInput,
  complaintQuery,
  complaintView,
  endPostInput,
  postInput,
  postView,
  taskView,
  trainingInput,
  trainingView,
} from '../../../contracts/grassroots.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { appointPost, endPost, listComplaints, listPosts, recordComplaint } from './roster.usecases.ts';
import { taskSummary, tasksOf } from './tasks.usecases.ts';
import { createTraining, getMaterialFile, listTrainings, recordAttendance } from './trainings.usecases.ts';

// HTTP of the grassroots network (§9.6): roster, complaints, trainings and task lists here; the
// monthly assessment, weights and trends in assessment.routes.ts.

const tags = ['assistants'];
const id = z.object({ id: z.uuid() });
const date = z.iso.date();

export function grassrootsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/assistants/posts',
    {
      schema: {
        tags,
        summary: '协理员花名册（含历任） Roster with history',
        response: { 200: z.object({ items: z.array(postView) }) },
      },
    },
    async (req) => ({ items: await listPosts(s, requireCtx(req)) }),
  );
  r.post(
    '/api/v1/assistants/posts',
    {
      schema: {
        tags,
        summary: '聘任协理员（可交接） Appoint or hand over',
        body: postInput,
        response: { 201: postView },
      },
    },
    async (req, reply) => reply.code(201).send(await appointPost(s, requireCtx(req), req.body)),
  );
  r.post(
    '/api/v1/assistants/posts/:id/end',
    {
      schema: {
        tags,
        summary: '协理员离任 End a post',
        params: id,
        body: endPostInput,
        response: { 200: postView },
      },
    },
    (req) => endPost(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/assistants/complaints',
    {
      schema: {
        tags,
        summary: '对协理员的投诉及核查结果 Complaints against assistants',
        querystring: complaintQuery,
        response: { 200: z.object({ items: z.array(complaintView) }) },
      },
    },
    (req) => listComplaints(s, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/assistants/complaints',
    {
      schema: {
        tags,
        summary: '登记对协理员的投诉及核查结果 Record a complaint',
        body: complaintInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await recordComplaint(s, requireCtx(req), req.body)),
  );
  r.get(
    '/api/v1/assistants/trainings',
    {
      schema: {
        tags,
        summary: '培训（含材料与签到） Trainings',
        querystring: z.object({ from: date.default('2000-01-01'), to: date.default('2999-12-31') }),
        response: { 200: z.object({ items: z.array(trainingView) }) },
      },
    },
    async (req) => ({ items: await listTrainings(s, requireCtx(req), req.query) }),
  );
  r.post(
    '/api/v1/assistants/trainings',
    {
      // Materials are files of up to 2 MB each, in base64: more than the console's default limit.
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary: '新建培训 Create a session',
        body: trainingInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await createTraining(s, requireCtx(req), req.body)),
  );
  r.put(
    '/api/v1/assistants/trainings/:id/attendance',
    {
      schema: {
        tags,
        summary: '记录培训签到 Record attendance',
        params: id,
        body: attendanceInput,
        response: { 200: z.object({ recorded: z.number() }) },
      },
    },
    (req) => recordAttendance(s, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/assistants/materials/:id',
    { schema: { tags, summary: '下载培训材料 Download a material', params: id } },
    async (req, reply) => {
      const f = await getMaterialFile(s, requireCtx(req), req.params.id);
      return reply
        .type(f.mime)
        .header(
          'content-disposition',
          `attachment; filename="${f.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        )
        .send(f.bytes);
    },
  );
  r.get(
    '/api/v1/assistants/tasks',
    {
      schema: {
        tags,
        summary: '协理员待办（复核、预警、培训） Task list',
        querystring: z.object({
          villageCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
        response: { 200: taskView },
      },
    },
    (req) => tasksOf(s, requireCtx(req), req.query.villageCode),
  );
  r.get(
    '/api/v1/assistants/tasks/summary',
    {
      schema: {
        tags,
        summary: '各村协理员待办汇总 Open items per village',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                villageCode: z.string(),
                villageName: z.string(),
                postId: z.string().nullable(),
                holderName: z.string().nullable(),
                reviewsDue: z.number(),
                reviewsOverdue: z.number(),
                alertsOpen: z.number(),
                alertsOverdue: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await taskSummary(s, requireCtx(req)) }),
  );
  assessmentRoutes(app, s);
}
