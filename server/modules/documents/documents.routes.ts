import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { type PdfFile, printCertificate, printDecision, printPublicity } from './documents.usecases.ts';

const tags = ['documents'];
const idParam = z.object({ id: z.uuid() });
const pdfResponse = 'application/pdf (inline); every print is in the audit log as documents.printed';

function sendPdf(reply: FastifyReply, file: PdfFile) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(file.bytes));
}

export function documentsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/cases/:id/documents/decision.pdf',
    {
      schema: {
        tags,
        summary: '审核确认 / 不予确认通知书（PDF） Decision notice of a case',
        description: `Approval (amount, start month, case no.) or rejection (written reasons), with the appeal route. ${pdfResponse}. 409 before a decision.`,
        params: idParam,
      },
    },
    async (req, reply) => sendPdf(reply, await printDecision(s, requireCtx(req), req.params.id)),
  );
  r.get(
    '/api/v1/cases/:id/documents/certificate.pdf',
    {
      schema: {
        tags,
        summary: '最低生活保障证（PDF） 低保 certificate of an active case',
        description: `${pdfResponse}. 409 unless the case is an active 低保 case.`,
        params: idParam,
      },
    },
    async (req, reply) => sendPdf(reply, await printCertificate(s, requireCtx(req), req.params.id)),
  );
  r.get(
    '/api/v1/publicity/:villageCode.pdf',
    {
      schema: {
        tags,
        summary: '村（居）初审公示（PDF） Initial-opinion publicity list of a village',
        description: `The village's applications now in publicity, with only the §2.2 fields. ${pdfResponse}. 404 outside the caller's jurisdiction.`,
        params: z.object({ villageCode: z.string() }),
      },
    },
    async (req, reply) => sendPdf(reply, await printPublicity(s, requireCtx(req), req.params.villageCode)),
  );
}
