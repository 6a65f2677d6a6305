// Choosing the case of the person a care contract covers (§5.4): active 特困 cases of the contract's
// town. The server also refuses centralised (集中供养) cases, which the worklist does not tell apart.
import type { CaseSummary } from '../../api/cases.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A typed case id (uuid) is taken as is, as the form accepted before the picker. */
export const isCaseId = (s: string): boolean => UUID.test(s.trim());

/** The cases the API may accept for a contract of `townCode`: 特困, in support (ACTIVE), same town. */
export const eligibleCases = (items: readonly CaseSummary[], townCode: string): CaseSummary[] =>
  items.filter((c) => c.scheme === 'TEKUN' && c.stage === 'ACTIVE' && c.townCode === townCode);

/**
 * The cases whose number, household number, masked name or village name contains the typed text
 * (case-insensitive); all of them when nothing is typed.
 */
export function matchCases(
  items: readonly CaseSummary[],
  text: string,
  villageName: (code: string) => string,
): CaseSummary[] {
  const q = text.trim().toLowerCase();
  if (!q) return [...items];
  return items.filter((c) =>
    [c.caseNo, c.householdNo, c.applicantMask ?? '', villageName(c.villageCode), c.id].some((s) =>
      s.toLowerCase().includes(q),
    ),
  );
}

/** Cases listed once each, first occurrence kept (local matches and the server's exact hit). */
export function uniqueCases(...lists: (readonly CaseSummary[])[]): CaseSummary[] {
  const seen = new Set<string>();
  const out: CaseSummary[] = [];
  for (const c of lists.flat())
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push(c);
    }
  return out;
}

/** The option's text: case number · masked name · village. */
export const caseLabel = (c: CaseSummary, villageName: (code: string) => string): string =>
  [c.caseNo, c.applicantMask ?? '—', villageName(c.villageCode)].join(' · ');
