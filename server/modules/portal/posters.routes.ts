import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { posterInput } from '../../../contracts/portal.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { publicLeaflet, staffLeaflet } from './leaflet.usecases.ts';
import { attachmentDisposition, publicBaseUrl } from './posters.models.ts';
import { locationPoster, type PdfDownload, villagePoster, villagePosters } from './posters.usecases.ts';

// Printable QR posters of 救助服务码上通 and the policy leaflet 明白纸 (§9.3, §9.5), as PDF downloads.
// The QR codes carry HUIJIU_PUBLIC_URL, or the address the request came to when it is not set.

const tags = ['portal'];
const pdfNote =
  'application/pdf (attachment). No personal data: places, the portal address and public lines only.';
const villageCode = z.string().regex(/^\d{12}$/, 'a 12-digit village code');
const departmentQuery = z.object({ departmentCode: z.string().trim().min(1).max(40).optional() });

function sendPdf(reply: FastifyReply, file: PdfDownload) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentDisposition(file.filename, file.utf8Filename))
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.pdf.bytes));
}

export function postersRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = (req: FastifyRequest) => publicBaseUrl(s.config.publicUrl, req);
  r.get(
    '/api/v1/portal/posters/village/:villageCode',
    {
      schema: {
        tags,
        summary: '村（居）二维码海报（PDF） QR poster of a village',
        description: `A4 poster whose QR code opens <base>/portal?v=<village>. ${pdfNote} 404 outside the caller's jurisdiction.`,
        params: z.object({ villageCode }),
      },
    },
    async (req, reply) =>
      sendPdf(reply, await villagePoster(s, requireCtx(req), base(req), req.params.villageCode)),
  );
  r.get(
    '/api/v1/portal/posters/villages',
    {
      schema: {
        tags,
        summary: '镇（街道）全部村（居）二维码海报（PDF） QR posters of every village of a town',
        description: `One page per village of the town, or of the caller's jurisdiction when townCode is omitted. ${pdfNote}`,
        querystring: z.object({
          townCode: z
            .string()
            .regex(/^\d{9}$/, 'a 9-digit town code')
            .optional(),
        }),
      },
    },
    async (req, reply) =>
      sendPdf(reply, await villagePosters(s, requireCtx(req), base(req), req.query.townCode)),
  );
  r.post(
    '/api/v1/portal/posters',
    {
      schema: {
        tags,
        summary: '自定义地点二维码海报（PDF） QR poster of a free location',
        description: `A bus stop, a park…: the label is required; with a village, the QR code preselects it (<base>/portal?v=…&at=…). ${pdfNote}`,
        body: posterInput,
      },
    },
    async (req, reply) => sendPdf(reply, await locationPoster(s, requireCtx(req), base(req), req.body)),
  );
  r.get(
    '/api/v1/policies/leaflet.pdf',
    {
      schema: {
        tags: ['policies'],
        summary: '救助政策明白纸（PDF） Policy leaflet of the county catalogue',
        description: `Every active policy by department (or one department), with a QR code to the portal's policy list. ${pdfNote}`,
        querystring: departmentQuery,
      },
    },
    async (req, reply) =>
      sendPdf(reply, await staffLeaflet(s, requireCtx(req), base(req), req.query.departmentCode)),
  );
  r.get(
    '/api/public/v1/policies/leaflet.pdf',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '救助政策明白纸（PDF，公开） Policy leaflet for citizens',
        description: `The same leaflet, without a session, for the county this instance serves. ${pdfNote}`,
        querystring: departmentQuery,
      },
    },
    async (req, reply) => sendPdf(reply, await publicLeaflet(s, base(req), req.query.departmentCode)),
  );
}
