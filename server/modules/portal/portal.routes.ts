import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  feedbackInput,
  smsOutboxPage,
  smsOutboxQuery,
  submissionListQuery,
  submissionPage,
  submissionView,
} from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { requireCtx } from '../../platform/http.ts';
import { type SmsSender, smsSenderOf } from '../../platform/sms.ts';
import type { Services } from '../../services.ts';
import { answerSubmission, listSubmissions, smsOutbox } from './inbox.usecases.ts';
import { publicApplyRoutes } from './public-apply.routes.ts';
import { publicNoticesRoutes } from './public-notices.routes.ts';

// The portal (§9.5): the public routes under /api/public/v1 (public-*.routes.ts) and the staff
// routes behind them — the inbox of objections and complaints, the feedback, the SMS outbox.

export type PortalDeps = {
  db: Database;
  clock: Clock;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  sms: SmsSender;
};

const tags = ['portal'];

export function portalRoutes(app: FastifyInstance, s: Services) {
  const d: PortalDeps = { db: s.db, clock: s.clock, cipher: s.cipher, audit: s.audit, sms: smsSenderOf(s) };
  publicApplyRoutes(app, d);
  publicNoticesRoutes(app, d);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/portal/submissions',
    {
      schema: {
        tags,
        summary: '公示异议和投诉举报（按答复期限） Objections and complaints, by feedback due date',
        querystring: submissionListQuery,
        response: { 200: submissionPage },
      },
    },
    (req) => listSubmissions(d, requireCtx(req), req.query),
  );
  r.post(
    '/api/v1/portal/submissions/:id/feedback',
    {
      schema: {
        tags,
        summary: '答复反映事项 Record the feedback',
        description:
          'For an objection in publicity, caseRoute also records the OBJECTION event on the case (re-investigation or democratic review) in the same transaction. interim: true keeps it IN_PROGRESS.',
        params: z.object({ id: z.uuid() }),
        body: feedbackInput,
        response: { 200: submissionView },
      },
    },
    (req) => answerSubmission(d, requireCtx(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/portal/sms-outbox',
    {
      schema: {
        tags,
        summary: '短信发件箱（最新在前） SMS outbox, newest first',
        description:
          'Every message the platform sent, phone masked; verification codes are shown so staff can relay them.',
        querystring: smsOutboxQuery,
        response: { 200: smsOutboxPage },
      },
    },
    (req) => smsOutbox(d, requireCtx(req), req.query),
  );
}
