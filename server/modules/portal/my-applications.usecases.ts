import { SCHEME_NAMES } from '../../../contracts/cases.ts';
import type { MyApplication } from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import type { CaseScheme } from '../../db/schema.ts';
import type { PortalIdentity } from './identity.usecases.ts';
import { eventLabel, HIDDEN_EVENTS, stateLabel } from './portal-labels.ts';

// 码上办 status tracking: the cases opened through the portal under this very ID number and phone
// (a session proves both), each with its own timeline in plain words — date, step, resulting state.
// No staff names, no opinions, no payloads: what a step said about other people stays in the office.

export async function myApplications(db: Database, who: PortalIdentity): Promise<{ items: MyApplication[] }> {
  const cases = await db
    .selectFrom('portal_application as pa')
    .innerJoin('assistance_case as c', (j) =>
      j.onRef('c.county_code', '=', 'pa.county_code').onRef('c.id', '=', 'pa.case_id'),
    )
    // The village the applicant chose, not the case's: where the registry has a person is not for
    // whoever holds their ID number and a phone to learn (no registry oracle, §2.2).
    .innerJoin('admin_unit as v', 'v.code', 'pa.chosen_village_code')
    .innerJoin('admin_unit as t', 't.code', 'v.parent_code')
    .select([
      'c.id',
      'c.case_no',
      'c.scheme',
      'c.state',
      'c.applied_on',
      'v.name as village_name',
      't.name as town_name',
    ])
    .where('pa.county_code', '=', who.countyCode)
    .where('pa.id_number_bidx', '=', who.idNumberBidx)
    .where('pa.phone_bidx', '=', who.phoneBidx)
    .orderBy('pa.submitted_at', 'desc')
    .execute();
  if (cases.length === 0) return { items: [] };
  const events = await db
    .selectFrom('case_event')
    .select(['case_id', 'seq', 'type', 'on_date', 'state_after'])
    .where('county_code', '=', who.countyCode)
    .where(
      'case_id',
      'in',
      cases.map((c) => c.id),
    )
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  return {
    items: cases.map((c) => {
      const s = stateLabel(c.state);
      return {
        id: c.id,
        caseNo: c.case_no,
        scheme: c.scheme,
        schemeName: SCHEME_NAMES[c.scheme as CaseScheme]?.zh ?? c.scheme,
        state: c.state,
        stateLabel: s.zh,
        stateLabelEn: s.en,
        appliedOn: c.applied_on,
        townName: c.town_name,
        villageName: c.village_name,
        timeline: events
          .filter((e) => e.case_id === c.id && !HIDDEN_EVENTS.has(e.type))
          .map((e) => {
            const l = eventLabel(e.type);
            return { on: e.on_date, type: e.type, label: l.zh, labelEn: l.en, state: e.state_after };
          }),
      };
    }),
  };
}
