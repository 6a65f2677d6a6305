import type { z } from 'zod';
import { SCHEME_NAMES } from '../../../contracts/cases.ts';
import type { NoticesView, noticeQuery, PublicDivisions } from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import type { CaseScheme } from '../../db/schema.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { benefitStartMonth } from '../../rules/calendar.ts';
import { proposedAmountFen } from '../cases/assessment.ts';
import { SCHEME_ZH } from '../documents/documents.models.ts';
import { publicityCases } from '../documents/documents.repository.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import * as repo from './notices.repository.ts';
import { objectionOpen, type PublicityWindow, scrubPublicText } from './portal.models.ts';
import { portalParams } from './portal-params.ts';
import { publicCounty, publicVillage } from './public-county.ts';

// 码上查 (§9.5, §2.2): the county's towns and villages, and a village's notices — the 7-day
// publicity of pending applications (初审公示: name, household size, the initial opinion, the
// proposed amount, the dates) and the long-term list of current recipients (长期公布: name,
// household size, amount; S1 Art.24, S5 §四(二)). Nothing else: no ID number, address, phone, health
// or disability detail. Names are masked on the internet unless the county's parameter
// portal.maskNamesOnline is 0; a search matches the name as shown, never the hidden full name.

export type NoticesDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; audit: AuditLog };

export async function listPublicDivisions(deps: NoticesDeps, villageCode?: string): Promise<PublicDivisions> {
  const county = await publicCounty(deps.db, villageCode);
  const params = await portalParams(deps.db, county, shanghaiDateOf(deps.clock.now()));
  const rows = await repo.currentDivisions(deps.db, county);
  const countyRow = rows.find((r) => r.level === 'county');
  const towns = rows
    .filter((r) => r.level === 'town')
    .map((t) => ({
      code: t.code.slice(0, 9),
      name: t.name,
      villages: rows
        .filter((v) => v.level === 'village' && v.parent_code === t.code)
        .map((v) => ({ code: v.code, name: v.name })),
    }));
  return { countyCode: county, countyName: countyRow?.name ?? county, hotlines: params.hotlines, towns };
}

export async function villageNotices(
  deps: NoticesDeps,
  q: z.output<typeof noticeQuery>,
  client: { ip: string; requestId: string },
): Promise<NoticesView> {
  const village = await publicVillage(deps.db, q.villageCode);
  const county = village.countyCode;
  const today = shanghaiDateOf(deps.clock.now());
  const params = await portalParams(deps.db, county, today);
  const pending = await publicityCases(deps.db, county, village.villageCode);
  const paid = await repo.recipients(deps.db, county, village.villageCode, `${today.slice(0, 8)}01`);
  const ids = [...pending.map((c) => c.applicant_id), ...paid.map((c) => c.applicant_id)].filter(
    (x): x is string => x !== null,
  );
  const people = new Map((await repo.personNames(deps.db, county, ids)).map((p) => [p.id, p]));
  const shown = (id: string | null): string | null => {
    const p = id ? people.get(id) : undefined;
    if (!p) return null;
    return params.maskNamesOnline ? p.name_mask : deps.cipher.decrypt(p.name_enc);
  };
  const amountParams =
    pending.length > 0 ? await parametersFor(deps.db, county, benefitStartMonth(today)) : null;
  const matches = (name: string) => !q.q || name.includes(q.q);

  const publicity = pending.flatMap((c) => {
    const p = (c.model as { publicity?: PublicityWindow | null }).publicity;
    const name = shown(c.applicant_id);
    if (!p || name === null || !matches(name)) return [];
    return [
      {
        id: c.id,
        scheme: c.scheme,
        schemeName: SCHEME_NAMES[c.scheme as CaseScheme]?.zh ?? c.scheme,
        applicantName: name,
        householdSize: c.household_size,
        opinion: scrubPublicText(c.opinion?.trim() || `拟纳入${SCHEME_ZH[c.scheme as CaseScheme]}`),
        monthlyAmountFen: proposedAmountFen(c, amountParams),
        postedOn: p.postedOn,
        endsOn: p.lastDay,
        objectionOpen: objectionOpen(p, today),
      },
    ];
  });
  const recipients = paid.flatMap((c) => {
    const name = shown(c.applicant_id);
    if (name === null || !matches(name)) return [];
    return [
      {
        scheme: c.scheme,
        schemeName: SCHEME_NAMES[c.scheme].zh,
        applicantName: name,
        householdSize: c.household_size,
        monthlyAmountFen: c.amount_fen,
      },
    ];
  });
  if (!params.maskNamesOnline && publicity.length + recipients.length > 0)
    // Full names on the internet by the county's choice: each showing is on the record (§2.2).
    await deps.audit.record({
      countyCode: county,
      actorRole: 'public',
      action: 'portal.notices_viewed',
      recordType: 'village',
      recordId: village.villageCode,
      clientIp: client.ip,
      requestId: client.requestId,
      detail: { revealed: 'name', publicity: publicity.length, recipients: recipients.length },
    });
  return {
    villageCode: village.villageCode,
    villageName: village.villageName,
    townName: village.townName,
    hotlines: params.hotlines,
    publicity,
    recipients,
  };
}
