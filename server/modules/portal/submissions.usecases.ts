import crypto from 'node:crypto';
import type { z } from 'zod';
import type { complaintInput, objectionInput, SubmissionStatus } from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import type { PortalSubmissionKind } from '../../db/schema-portal.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { CalendarCoverageError, DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { maskName, maskPhone } from '../../rules/masking.ts';
import { PUBLICITY_SCHEMES } from '../documents/documents.repository.ts';
import { portalErrors } from './portal.errors.ts';
import {
  complaintDue,
  newQueryCode,
  newTrackingNo,
  objectionDue,
  objectionOpen,
  type PublicityWindow,
  queryCodeHash,
  scrubPublicText,
} from './portal.models.ts';
import { portalParams } from './portal-params.ts';
import { publicCounty, publicVillage } from './public-county.ts';
import * as repo from './submissions.repository.ts';

// Objections to a publicity (公示异议, S1 Art.19; S2 Art.15) and 12349 complaints (投诉举报, §2.3;
// S1 Art.37) from the portal. Both may be anonymous; a real-name one gets its feedback by text too.
// The receipt is a tracking number and a query code: together they read the feedback, no login.
// A wrong code and an unknown number give the same 404.

export type SubmissionDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher };
type Client = { ip: string; requestId: string };

function due(f: () => string): string {
  try {
    return f();
  } catch (err) {
    if (err instanceof CalendarCoverageError)
      throw new AppError('portal.calendar_not_covered', 409, err.messageZh, err.messageEn, {
        year: err.year,
      });
    throw err;
  }
}

type NewSubmission = {
  county: string;
  kind: PortalSubmissionKind;
  category: string;
  caseId: string | null;
  townCode: string | null;
  villageCode: string | null;
  content: string;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  dueOn: string;
};

async function register(deps: SubmissionDeps, s: NewSubmission, client: Client) {
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  const queryCode = newQueryCode();
  const name = s.contactName?.trim() || null;
  const phone = s.contactPhone ?? null;
  const trackingNo = await deps.db.transaction().execute(async (trx) => {
    let no = newTrackingNo(s.kind, today);
    while (await repo.trackingNoTaken(trx, s.county, no)) no = newTrackingNo(s.kind, today);
    const id = await repo.insertSubmission(trx, {
      county_code: s.county,
      tracking_no: no,
      query_code_hash: queryCodeHash(no, queryCode),
      kind: s.kind,
      category: s.category,
      case_id: s.caseId,
      town_code: s.townCode,
      village_code: s.villageCode,
      content: s.content,
      contact_name_enc: name ? deps.cipher.encrypt(name) : null,
      contact_name_mask: name ? maskName(name) : null,
      contact_phone_enc: phone ? deps.cipher.encrypt(phone) : null,
      contact_phone_bidx: phone ? deps.cipher.blindIndex('phone', phone) : null,
      contact_phone_mask: phone ? maskPhone(phone) : null,
      client_ip: client.ip,
      received_on: today,
      feedback_due_on: s.dueOn,
      state: 'RECEIVED',
      feedback: null,
      answered_on: null,
      answered_by: null,
      answered_by_name: null,
      case_event_seq: null,
      created_at: at,
      updated_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: s.county,
        actorRole: 'public',
        action: s.kind === 'OBJECTION' ? 'portal.objection_received' : 'portal.complaint_received',
        recordType: 'portal_submission',
        recordId: id,
        clientIp: client.ip,
        requestId: client.requestId,
        detail: {
          trackingNo: no,
          caseId: s.caseId,
          category: s.category,
          realName: name !== null || phone !== null,
        },
      },
    ]);
    return no;
  });
  return { trackingNo, queryCode, feedbackDueOn: s.dueOn };
}

/** An objection to a case now in publicity (the notice's id is the case's). */
export async function submitObjection(
  deps: SubmissionDeps,
  input: z.output<typeof objectionInput>,
  client: Client,
) {
  const c = await deps.db
    .selectFrom('assistance_case')
    .select(['county_code', 'id', 'scheme', 'state', 'model', 'town_code', 'village_code'])
    .where('id', '=', input.noticeId)
    .executeTakeFirst();
  const today = shanghaiDateOf(deps.clock.now());
  const p = (c?.model as { publicity?: PublicityWindow | null } | undefined)?.publicity;
  const publicised =
    c !== undefined &&
    c.state === 'PUBLICIZING' &&
    (PUBLICITY_SCHEMES as readonly string[]).includes(c.scheme) &&
    objectionOpen(p, today);
  if (!c || !publicised || !p) throw portalErrors.notInPublicity();
  const params = await portalParams(deps.db, c.county_code, today);
  return register(
    deps,
    {
      county: c.county_code,
      kind: 'OBJECTION',
      category: 'PUBLICITY_OBJECTION',
      caseId: c.id,
      townCode: c.town_code,
      villageCode: c.village_code,
      content: input.content,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      dueOn: due(() => objectionDue(today, p.lastDay, params.objectionFeedbackWd, DEFAULT_CALENDAR)),
    },
    client,
  );
}

/** A complaint (12349), about a village or the county as a whole. */
export async function submitComplaint(
  deps: SubmissionDeps,
  input: z.output<typeof complaintInput>,
  client: Client,
) {
  const village = input.villageCode ? await publicVillage(deps.db, input.villageCode) : null;
  const county = village?.countyCode ?? (await publicCounty(deps.db));
  const today = shanghaiDateOf(deps.clock.now());
  const params = await portalParams(deps.db, county, today);
  return register(
    deps,
    {
      county,
      kind: 'COMPLAINT',
      category: input.category,
      caseId: null,
      townCode: village?.townCode ?? null,
      villageCode: village?.villageCode ?? null,
      content: input.content,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      dueOn: due(() => complaintDue(today, params.complaintFeedbackWd, DEFAULT_CALENDAR)),
    },
    client,
  );
}

/** The feedback of a submission, for its tracking number and query code (both, or a 404). */
export async function submissionStatus(
  deps: SubmissionDeps,
  trackingNo: string,
  queryCode: string,
): Promise<SubmissionStatus> {
  const rows = await repo.byTrackingNo(deps.db, trackingNo.trim().toUpperCase());
  const want = Buffer.from(queryCodeHash(trackingNo.trim().toUpperCase(), queryCode));
  // Compared in constant time, and the same work (one hash) whether the number exists or not.
  const r = rows.find((x) => {
    const have = Buffer.from(x.query_code_hash);
    return have.length === want.length && crypto.timingSafeEqual(have, want);
  });
  if (!r) throw portalErrors.submissionNotFound();
  return {
    trackingNo: r.tracking_no,
    kind: r.kind,
    state: r.state,
    receivedOn: r.received_on,
    feedbackDueOn: r.feedback_due_on,
    feedback: r.feedback === null ? null : scrubPublicText(r.feedback),
    answeredOn: r.answered_on,
  };
}
