import { SCHEME_NAMES } from '../../../contracts/cases.ts';
import { portalApplicationInput } from '../../../contracts/portal.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { fieldError } from '../../platform/errors.ts';
import type { SmsSender } from '../../platform/sms.ts';
import { DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { maskIdNumber, maskName } from '../../rules/masking.ts';
import { factsFromRegistry } from '../cases/assessment.ts';
import { parseOr400, refusalError } from '../cases/case-support.ts';
import { openCase } from '../cases/case-writer.ts';
import { insertConsent } from '../cases/cases.repository.ts';
import { approvalLevelOn } from '../cases/delegation.usecases.ts';
import { transition as dibaoTransition, newDibaoCase } from '../cases/dibao.models.ts';
import type { Actor } from '../cases/procedure.models.ts';
import { newTekunCase } from '../cases/tekun.models.ts';
import { charityIncomesForFacts } from '../charity/chain.usecases.ts';
import { applicantHousehold, preparePeople } from './applicant-household.ts';
import type { Client, PortalIdentity } from './identity.usecases.ts';
import { portalErrors } from './portal.errors.ts';
import { PLEDGE } from './portal.models.ts';
import { citizenContext } from './portal-params.ts';
import { publicVillage } from './public-county.ts';
import { attachUploads, claimUploads } from './uploads.usecases.ts';

// 码上办 (§9.5): an online application enters the same case lifecycle at SUBMITTED as one made at
// the town window (S1 Art.4 "or online where offered"). In one transaction: the applicant's household
// (found, or registered), the case opened through the case writer with channel PORTAL and the
// citizen as the actor on its timeline, the consents, the uploads attached, and the receipt by text.
//
// Consent (§2.2; S1 Art.9(三)): the applicant authorises the check online (recorded as signed, with
// the pledge version). The other members' consent is what the applicant declares online ("已告知家庭
// 成员并征得其同意"): recorded the same way but its document_ref says so, and the town has the members
// sign at acceptance (RECORD_CONSENT overwrites the row with their own signature's reference).

export type PortalApplyDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; sms: SmsSender };

/** The family applying itself, online (S1 Art.4; §9.5): the machine's SUBMIT accepts the applicant level. */
const APPLICANT: Actor = { role: 'citizen', level: 'applicant' };

export async function submitPortalApplication(
  deps: PortalApplyDeps,
  who: PortalIdentity,
  body: unknown,
  client: Client,
): Promise<{ id: string; caseNo: string; state: string }> {
  const input = parseOr400(portalApplicationInput, body);
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  const village = await publicVillage(deps.db, input.villageCode);
  if (village.countyCode !== who.countyCode)
    throw fieldError(
      'villageCode',
      '所选村（居）不属于您获取验证码时所在的区县',
      'the village is outside the county where the code was requested',
    );
  const idNumber = deps.cipher.decrypt(who.idNumberEnc);
  const phone = deps.cipher.decrypt(who.phoneEnc);
  const people = preparePeople(input, idNumber, phone, today);
  const ctx = citizenContext(who.countyCode, client.requestId, client.ip);
  const county = who.countyCode;
  const scheme = input.scheme;
  const created = await deps.db.transaction().execute(async (trx) => {
    const claimed = await claimUploads(trx, who, input.attachmentIds);
    const hh = await applicantHousehold(trx, deps.cipher, ctx, at, today, village, input.address, people);
    const head = hh.current[0]!;
    // A repeat from the same ID number and phone is refused: it tells the caller only of their own
    // submissions. A case of the household opened elsewhere is the town's to settle at acceptance
    // (migration 0024): refusing here would tell whoever holds an ID number that it has one (§2.2).
    const repeat = await trx
      .selectFrom('portal_application as pa')
      .innerJoin('assistance_case as c', (j) =>
        j.onRef('c.county_code', '=', 'pa.county_code').onRef('c.id', '=', 'pa.case_id'),
      )
      .select('c.id')
      .where('pa.county_code', '=', county)
      .where('pa.id_number_bidx', '=', who.idNumberBidx)
      .where('pa.phone_bidx', '=', who.phoneBidx)
      .where('c.scheme', '=', scheme)
      .where('c.stage', '<>', 'CLOSED')
      .executeTakeFirst();
    if (repeat) throw portalErrors.duplicateApplication(SCHEME_NAMES[scheme].zh, SCHEME_NAMES[scheme].en);
    const consenting = new Set([hh.applicantPersonId, ...(scheme === 'DIBAO' ? hh.declaredPersonIds : [])]);
    const signed = (id: string) => (consenting.has(id) ? today : null);
    const common = {
      scheme,
      stage: 'APPLICATION' as const,
      household_id: hh.householdId,
      subject_person_id: scheme === 'TEKUN' ? hh.applicantPersonId : null,
      town_code: head.town_code,
      village_code: head.village_code,
      area: head.urban_rural,
      channel: 'PORTAL' as const,
      facts: factsFromRegistry(
        hh.current,
        await charityIncomesForFacts(trx, county, hh.householdId, today, head.id),
      ) as unknown as Record<string, unknown>,
      next_review_on: null,
      applied_on: today,
      decided_on: null,
      deadline: null,
      overall_due: null,
    };
    let state: string;
    let model: Record<string, unknown>;
    if (scheme === 'TEKUN') {
      const m = newTekunCase({
        id: 'new',
        persons: [{ id: hh.applicantPersonId, kind: 'APPLICANT', consentSignedOn: today }],
      });
      state = m.state;
      model = { ...m, lastEventOn: today, closeRelative: false };
    } else {
      const draft = newDibaoCase({
        id: 'new',
        members: hh.current.map((m) => ({ id: m.id, consentSignedOn: signed(m.id) })),
        approvalLevel: await approvalLevelOn(trx, county, head.town_code, scheme, today),
        closeRelative: false,
      });
      const submitted = dibaoTransition(draft, { type: 'SUBMIT', at: today }, APPLICANT, DEFAULT_CALENDAR);
      if (!submitted.ok) throw refusalError(submitted);
      state = submitted.next.state;
      model = submitted.next as unknown as Record<string, unknown>;
    }
    const opened = await openCase(
      trx,
      ctx,
      at,
      { ...common, state, model },
      {
        type: 'APPLY',
        on: today,
        opinion: null,
        payload: {
          channel: 'PORTAL',
          pledgeSigned: true,
          pledge: { version: PLEDGE.version, text: PLEDGE.text },
          consent: {
            applicant: 'ONLINE_AUTHORISATION',
            members: scheme === 'DIBAO' ? 'DECLARED_ONLINE_BY_APPLICANT' : 'NOT_APPLICABLE',
          },
          proxy: null,
          closeRelative: false,
          reason: input.reason,
          address: input.address,
          declaredMonthlyIncomeFen: Math.round(input.monthlyIncomeYuan * 100),
          declaredMembersInOtherHouseholds: hh.declaredElsewhere,
          declaredApplicantName: maskName(input.applicantName),
          declaredMembers: people.members.map((m) => ({
            name: maskName(m.name),
            idNumber: maskIdNumber(m.idNumber),
            relation: m.relationCode,
          })),
          chosenVillageCode: input.villageCode,
          householdRegisteredOnline: hh.created,
        },
        attachments: claimed.map(({ uploadId: _u, ...a }) => a),
      },
    );
    await attachUploads(trx, who, opened.id, claimed, at);
    const ref = `码上办 ${opened.caseNo}`;
    for (const personId of consenting)
      await insertConsent(trx, {
        county_code: county,
        case_id: opened.id,
        person_id: personId,
        kind: 'MEMBER',
        signed_on: today,
        document_ref:
          personId === hh.applicantPersonId
            ? `${ref}：本人网上授权核对（承诺书 ${PLEDGE.version}）`
            : `${ref}：申请人网上声明已征得本人同意，受理时补签`,
        recorded_by: null,
        recorded_at: at,
      });
    await trx
      .insertInto('portal_application')
      .values({
        county_code: county,
        case_id: opened.id,
        id_number_bidx: who.idNumberBidx,
        phone_bidx: who.phoneBidx,
        chosen_village_code: input.villageCode,
        pledge_version: PLEDGE.version,
        client_ip: client.ip,
        submitted_at: at,
      })
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'portal.application_submitted',
        recordType: 'case',
        recordId: opened.id,
        detail: {
          caseNo: opened.caseNo,
          scheme,
          householdCreated: hh.created,
          attachments: claimed.length,
          phone: who.phoneMask,
        },
      },
    ]);
    await deps.sms.send(trx, {
      countyCode: county,
      phone,
      template: 'APPLICATION_RECEIVED',
      body: `您的${SCHEME_NAMES[scheme].zh}申请已提交（编号 ${opened.caseNo}），请保持电话畅通，镇（街道）将与您联系。可在“码上办—我的申请”查看进度。`,
    });
    return { ...opened, state };
  });
  return { id: created.id, caseNo: created.caseNo, state: created.state };
}
