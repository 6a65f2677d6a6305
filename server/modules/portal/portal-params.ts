import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { NATIONAL_HOTLINE } from '../documents/documents.models.ts';
import { parametersOnDate } from '../standards/standards.repository.ts';
import { COMPLAINT_FEEDBACK_WD, OBJECTION_FEEDBACK_WD } from './portal.models.ts';

// The county's portal settings, read from its effective-dated parameters (policy_parameter, the same
// table as every §13 parameter) with the shipped defaults:
//   portal.maskNamesOnline      1 (default) = names on public pages are masked (张*丰); 0 = full names
//                               (S1 Art.24 publishes the name; masking on the internet is the
//                               bureau's choice, §2.2 [U])
//   portal.complaintFeedbackWd  15 working days to answer a 12349 complaint [U]
//   portal.objectionFeedbackWd  5 working days to answer an objection (or the publicity's end if
//                               later) [U]
//   portal.localHotline         the bureau's own line, shown beside 12349 (a string, e.g. "0538-1234567")

export type PortalParams = {
  maskNamesOnline: boolean;
  complaintFeedbackWd: number;
  objectionFeedbackWd: number;
  hotlines: string[];
};

const intIn = (v: unknown, min: number, max: number, fallback: number): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

export async function portalParams(db: Database, countyCode: string, today: string): Promise<PortalParams> {
  const p = await parametersOnDate(db, countyCode, today);
  const local = p.get('portal.localHotline');
  return {
    maskNamesOnline: intIn(p.get('portal.maskNamesOnline'), 0, 1, 1) === 1,
    complaintFeedbackWd: intIn(p.get('portal.complaintFeedbackWd'), 1, 60, COMPLAINT_FEEDBACK_WD),
    objectionFeedbackWd: intIn(p.get('portal.objectionFeedbackWd'), 1, 30, OBJECTION_FEEDBACK_WD),
    hotlines: [NATIONAL_HOTLINE, ...(typeof local === 'string' && local.trim() ? [local.trim()] : [])],
  };
}

/** The actor on a case's timeline and in the audit log when a citizen acts through the portal. */
export const CITIZEN = { displayName: '申请人（网上）', role: 'citizen', username: 'portal' } as const;
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * A request context for a citizen: no user id (auditActor records none), the role 'citizen', which
 * no permission lists (can() refuses it everything).
 */
export function citizenContext(countyCode: string, requestId: string, clientIp: string): RequestContext {
  return {
    actor: {
      userId: NO_USER,
      username: CITIZEN.username,
      displayName: CITIZEN.displayName,
      role: CITIZEN.role,
      countyCode,
      jurisdictionCode: countyCode,
      mustChangePassword: false,
    },
    requestId,
    clientIp,
  };
}
