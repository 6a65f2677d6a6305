import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  myApplications,
  otpRequest,
  otpSent,
  PORTAL_TOKEN_HEADER,
  portalApplicationCreated,
  portalApplicationInput,
  portalSession,
  portalUpload,
  sessionRequest,
} from '../../../contracts/portal.ts';
import { isAppError } from '../../platform/errors.ts';
import { createSession, requestOtp, requirePortalSession } from './identity.usecases.ts';
import { myApplications as listMine } from './my-applications.usecases.ts';
import { portalErrors } from './portal.errors.ts';
import { UPLOAD_MAX_BYTES } from './portal.models.ts';
import type { PortalDeps } from './portal.routes.ts';
import { submitPortalApplication } from './portal-applications.usecases.ts';
import { storeUpload } from './uploads.usecases.ts';

// 码上办 over HTTP (no login; rate-limited by class, see platform/rate-limit.ts): the phone code, the
// session, uploads, the application and the applicant's own cases. Later calls carry the session
// token in the x-portal-token header.

const tags = ['portal'];
const pub = { public: true } as const;
const tokenHeader = `Send the session token in the ${PORTAL_TOKEN_HEADER} header.`;

export function publicApplyRoutes(app: FastifyInstance, d: PortalDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/public/v1/otp',
    {
      config: { ...pub, rateLimit: 'otp' },
      schema: {
        tags,
        security: [],
        summary: '获取手机验证码 Request a phone verification code',
        description:
          'The same answer whether or not the ID number is in the registry. Limits: 1 per phone per 60 s, 5 per phone per hour, 20 per address per hour (429 with retry-after).',
        body: otpRequest,
        response: { 200: otpSent },
      },
    },
    (req) => requestOtp(d, req.body, { ip: req.ip, requestId: req.id }),
  );
  r.post(
    '/api/public/v1/sessions',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '验证码核验，开始网上办理 Verify the code and open a session (2 h)',
        description:
          'A wrong code and an unknown ID number give the same 400; 5 wrong codes make a code unusable.',
        body: sessionRequest,
        response: { 201: portalSession },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createSession(d, req.body, { ip: req.ip, requestId: req.id })),
  );
  r.post(
    '/api/public/v1/uploads',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '上传申请材料（JPG/PNG/PDF，≤ 10 MB） Upload a material',
        description: `multipart/form-data with one file. ${tokenHeader}`,
        consumes: ['multipart/form-data'],
        response: { 201: portalUpload },
      },
    },
    async (req, reply) => {
      const who = await requirePortalSession(d, req.headers);
      let file: { filename: string; bytes: Buffer };
      try {
        const part = await req.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
        if (!part) throw portalErrors.uploadMissing();
        file = { filename: part.filename, bytes: await part.toBuffer() };
      } catch (err) {
        if (isAppError(err)) throw err;
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw portalErrors.uploadTooLarge();
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw portalErrors.uploadMissing();
        throw err;
      }
      return reply.code(201).send(await storeUpload(d, who, file));
    },
  );
  r.post(
    '/api/public/v1/applications',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '网上提交救助申请 Apply online (enters the case lifecycle at SUBMITTED)',
        description: `The applicant is the session's ID number. ${tokenHeader}`,
        body: portalApplicationInput,
        response: { 201: portalApplicationCreated },
      },
    },
    async (req, reply) => {
      const who = await requirePortalSession(d, req.headers);
      return reply
        .code(201)
        .send(await submitPortalApplication(d, who, req.body, { ip: req.ip, requestId: req.id }));
    },
  );
  r.get(
    '/api/public/v1/my/applications',
    {
      config: pub,
      schema: {
        tags,
        security: [],
        summary: '我的申请及办理进度 My applications and their progress',
        description: `Cases opened through the portal under this ID number and phone. ${tokenHeader}`,
        response: { 200: myApplications },
      },
    },
    async (req) => listMine(d.db, await requirePortalSession(d, req.headers)),
  );
}
