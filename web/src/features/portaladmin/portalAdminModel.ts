// Pure helpers of the portal administration: the feedback body (an objection may also be recorded on
// its case with a route), labels of complaint categories, and the free-location poster request.
import { PORTAL_COMPLAINT_CATEGORIES } from '../../../../contracts/portal.ts';
import type { FeedbackInput, PosterInput, SubmissionView } from '../../api/portalAdmin.ts';

export type CaseRoute = NonNullable<FeedbackInput['caseRoute']>;
export const CASE_ROUTES: readonly CaseRoute[] = ['REINVESTIGATION', 'DEMOCRATIC_REVIEW'];

export type FeedbackValues = { feedback: string; recordOnCase?: boolean; caseRoute?: CaseRoute };

/** Whether the feedback form offers recording the objection on its case (an objection with a case). */
export const canRecordOnCase = (s: Pick<SubmissionView, 'kind' | 'caseId'>) =>
  s.kind === 'OBJECTION' && s.caseId !== null;

/**
 * The feedback as the API takes it. The route goes along only for an objection on a case when the
 * officer chose to record it there; a complaint never carries one.
 */
export function feedbackBody(s: Pick<SubmissionView, 'kind' | 'caseId'>, v: FeedbackValues): FeedbackInput {
  const feedback = v.feedback.trim();
  if (canRecordOnCase(s) && v.recordOnCase && v.caseRoute) return { feedback, caseRoute: v.caseRoute };
  return { feedback };
}

/** The matter of a submission: a complaint's category in words; an objection's category as given. */
export function categoryLabel(category: string, lang: 'zh' | 'en'): string {
  return category in PORTAL_COMPLAINT_CATEGORIES
    ? PORTAL_COMPLAINT_CATEGORIES[category as keyof typeof PORTAL_COMPLAINT_CATEGORIES][lang]
    : category;
}

/** The contact shown in the inbox: masked name and phone of a real-name submission, or null (anonymous). */
export function contactText(
  s: Pick<SubmissionView, 'realName' | 'contactNameMask' | 'contactPhoneMask'>,
): string | null {
  if (!s.realName) return null;
  const parts = [s.contactNameMask, s.contactPhoneMask].filter((x): x is string => !!x);
  return parts.length ? parts.join(' ') : null;
}

/** A free-location poster request, or null when the label is not 2–40 characters. */
export function locationPoster(label: string, villageCode: string | undefined): PosterInput | null {
  const location = label.trim();
  if (location.length < 2 || location.length > 40) return null;
  return villageCode ? { location, villageCode } : { location };
}
