import type { z } from 'zod';
import type { feedbackInput, SubmissionView, submissionListQuery } from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import { type AuditLog, appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import type { SmsSender } from '../../platform/sms.ts';
import { recordCaseEventIn } from '../cases/case-events.usecases.ts';
import { portalErrors } from './portal.errors.ts';
import * as repo from './submissions.repository.ts';

// The staff side of the portal: the inbox of objections and complaints of the caller's jurisdiction
// (a complaint naming no village is the county's), the feedback (real-name complaints are checked one
// by one and answered, S1 Art.37; §2.3), and the SMS outbox. An objection answered with a route is
// also recorded on the case as its OBJECTION event (S1 Art.19 ¶2: re-investigation or democratic
// review), through the case use case, in the same transaction as the feedback.

export type InboxDeps = {
  db: Database;
  clock: Clock;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  sms: SmsSender;
};

export function submissionView(r: repo.SubmissionListRow, today: string): SubmissionView {
  return {
    id: r.id,
    trackingNo: r.tracking_no,
    kind: r.kind,
    category: r.category,
    caseId: r.case_id,
    caseNo: r.case_no ?? null,
    townCode: r.town_code,
    villageCode: r.village_code,
    villageName: r.village_name ?? null,
    content: r.content,
    realName: r.contact_name_mask !== null || r.contact_phone_mask !== null,
    contactNameMask: r.contact_name_mask,
    contactPhoneMask: r.contact_phone_mask,
    receivedOn: r.received_on,
    feedbackDueOn: r.feedback_due_on,
    overdue: r.state !== 'ANSWERED' && r.feedback_due_on < today,
    state: r.state,
    feedback: r.feedback,
    answeredOn: r.answered_on,
    answeredBy: r.answered_by_name,
  };
}

/** A submission is inside the caller's area by its village (or town); one naming neither is the county's. */
const visible = (ctx: RequestContext, r: { village_code: string | null; town_code: string | null }) =>
  withinJurisdiction(ctx.actor, r.village_code ?? r.town_code ?? ctx.actor.countyCode.padEnd(12, '#'));

export async function listSubmissions(
  deps: InboxDeps,
  ctx: RequestContext,
  q: z.output<typeof submissionListQuery>,
): Promise<{ total: number; items: SubmissionView[] }> {
  requirePermission(ctx.actor, 'portal.inbox');
  const today = shanghaiDateOf(deps.clock.now());
  const { rows, total } = await repo.listSubmissions(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    {
      kind: q.kind,
      state: q.state,
      overdueOn: q.overdue ? today : undefined,
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    },
  );
  return { total, items: rows.map((r) => submissionView(r, today)) };
}

export async function answerSubmission(
  deps: InboxDeps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof feedbackInput>,
): Promise<SubmissionView> {
  requirePermission(ctx.actor, 'portal.answer');
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  await deps.db.transaction().execute(async (trx) => {
    const r = await repo.lockSubmission(trx, county, id);
    if (!r || !visible(ctx, r)) throw portalErrors.submission();
    if (r.state === 'ANSWERED') throw portalErrors.alreadyAnswered();
    if (input.caseRoute && (r.kind !== 'OBJECTION' || !r.case_id))
      throw portalErrors.objectionRouteOnlyForObjections();
    let caseEvent: { version: number; state: string } | null = null;
    if (input.caseRoute && r.case_id) {
      caseEvent = await recordCaseEventIn(trx, { db: deps.db, clock: deps.clock }, ctx, r.case_id, {
        type: 'OBJECTION',
        summary: `公示异议 ${r.tracking_no}：${r.content}`.slice(0, 2000),
        route: input.caseRoute,
        opinion: input.feedback,
      });
    }
    const final = !input.interim;
    await trx
      .updateTable('portal_submission')
      .set({
        state: final ? 'ANSWERED' : 'IN_PROGRESS',
        feedback: input.feedback,
        answered_on: final ? today : null,
        answered_by: auditActor(ctx).actorId,
        answered_by_name: ctx.actor.displayName,
        case_event_seq: caseEvent?.version ?? r.case_event_seq,
        version: r.version + 1,
        updated_at: at,
      })
      .where('county_code', '=', county)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: final ? 'portal.feedback_recorded' : 'portal.feedback_interim',
        recordType: 'portal_submission',
        recordId: id,
        detail: {
          trackingNo: r.tracking_no,
          kind: r.kind,
          caseId: r.case_id,
          caseRoute: input.caseRoute ?? null,
          caseState: caseEvent?.state ?? null,
        },
      },
    ]);
    // A real-name reporter hears that the answer is there (S1 Art.37), not what it says.
    if (final && r.contact_phone_enc)
      await deps.sms.send(trx, {
        countyCode: county,
        phone: deps.cipher.decrypt(r.contact_phone_enc),
        template: 'FEEDBACK_READY',
        body: `您反映的事项（编号 ${r.tracking_no}）已有答复，请在“救助服务码上通”凭编号和查询码查看。`,
      });
  });
  const row = await repo.getSubmission(deps.db, county, id);
  return submissionView(row!, today);
}

export async function smsOutbox(deps: InboxDeps, ctx: RequestContext, q: { page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'portal.outbox');
  const offset = (q.page - 1) * q.pageSize;
  const { rows, total } = await repo.smsOutboxPage(deps.db, ctx.actor.countyCode, offset, q.pageSize);
  // The outbox holds live verification codes: who read it, and when, is on the record.
  await deps.audit.record({
    countyCode: ctx.actor.countyCode,
    ...auditActor(ctx),
    action: 'portal.outbox_viewed',
    recordType: 'sms_outbox',
    detail: { page: q.page, pageSize: q.pageSize, shown: rows.length },
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      phoneMask: r.phone_mask,
      template: r.template,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      status: r.status,
    })),
  };
}
