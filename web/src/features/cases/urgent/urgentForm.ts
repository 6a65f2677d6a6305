// The urgent report form (急难型临时救助, §6.2/§6.5) → the API body: a local person comes with a
// household, a non-local one (helped where the emergency happened) with a short description instead.
import type { UrgentCause, UrgentReportInput, UrgentSource } from '../../../api/reserveFund.ts';

export const URGENT_SOURCES: readonly UrgentSource[] = ['SELF', 'VILLAGE', 'DISCOVERY', 'HOTLINE_12349'];
export const URGENT_CAUSES: readonly UrgentCause[] = ['ACCIDENT', 'FIRE', 'DISASTER', 'ILLNESS', 'OTHER'];

export type UrgentFormValues = {
  villageCode?: string;
  nonLocalHukou?: boolean;
  householdId?: string | null;
  personDescription?: string;
  source?: UrgentSource;
  cause?: UrgentCause;
  summary?: string;
};

/** The body to send; the form's rules have made sure the required parts are there. */
export function toUrgentReport(v: UrgentFormValues): UrgentReportInput {
  const nonLocal = v.nonLocalHukou === true;
  const description = v.personDescription?.trim();
  return {
    householdId: nonLocal ? null : (v.householdId ?? null),
    villageCode: v.villageCode ?? '',
    source: v.source ?? 'VILLAGE',
    nonLocalHukou: nonLocal,
    ...(nonLocal && description ? { personDescription: description } : {}),
    cause: v.cause ?? 'OTHER',
    summary: (v.summary ?? '').trim(),
  };
}

/** Where a server field issue goes in this form. */
export const urgentFieldOf = (path: (string | number)[]): (string | number)[] | null => {
  const f = path[0];
  return typeof f === 'string' &&
    ['villageCode', 'householdId', 'personDescription', 'source', 'cause', 'summary'].includes(f)
    ? [f]
    : null;
};
