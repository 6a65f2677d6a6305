import type { Database } from '../../db/database.ts';
import type { AuditEntry, AuditLog } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { errors } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { benefitStartMonth } from '../../rules/calendar.ts';
import { proposedAmountFen } from '../cases/assessment.ts';
import { caseNotFound } from '../cases/case-support.ts';
import { type CaseRow, getCase } from '../cases/cases.repository.ts';
import { currentEntitlement, entitlementHistory } from '../entitlements/entitlements.repository.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import {
  bureauName,
  certificateDoc,
  type DocumentKind,
  decisionDoc,
  type PublicityCase,
  publicityDoc,
  publicityRows,
} from './documents.models.ts';
import * as repo from './documents.repository.ts';
import { renderDoc, renderPublicity } from './pdf.ts';

// Printing (初审公示, 审核确认/不予确认通知书, 低保证): the caller must read cases and the registry, the
// case (or village) must lie in the caller's jurisdiction, full names are decrypted only for the
// document, and each print is in the audit log (with the people whose names it shows, masked)
// before the PDF leaves the server (§2.2, S3 Art.61).

export type DocumentsDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; audit: AuditLog };
export type PdfFile = { filename: string; bytes: Uint8Array };

const LOCAL_HOTLINE: string | null = null; // No county policy holds a local supervision line yet: 12349 only.

const documentErrors = {
  villageNotFound: () => errors.notFound('村（居）', 'village', 'documents.village_not_found'),
  noDecision: () =>
    errors.conflict(
      'documents.no_decision',
      '该案件尚未作出审核确认或不予确认决定，不能打印通知书',
      'no confirmation or rejection has been decided on this case yet',
    ),
  notActiveDibao: () =>
    errors.conflict(
      'documents.not_active_dibao',
      '只有正在保障中的最低生活保障案件才能打印最低生活保障证',
      'a 低保 certificate is printed only for an active 低保 case',
    ),
};

function allowPrint(ctx: RequestContext) {
  requirePermission(ctx.actor, 'cases.read');
  // Documents show full names: the registry's gate for names applies as well.
  requirePermission(ctx.actor, 'registry.read');
}

async function caseInJurisdiction(deps: DocumentsDeps, ctx: RequestContext, id: string): Promise<CaseRow> {
  allowPrint(ctx);
  const row = await getCase(deps.db, ctx.actor.countyCode, id);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw caseNotFound();
  return row;
}

/** Names of the county (district) and, when asked, of a town, from the divisions table. */
async function divisionNames(deps: DocumentsDeps, countyCode: string, townCode?: string) {
  const countyRow = `${countyCode}000000`;
  const townRow = townCode ? townCode.padEnd(12, '0') : countyRow;
  const names = await repo.divisionNames(deps.db, [countyRow, townRow]);
  return { county: names.get(countyRow) ?? countyCode, town: names.get(townRow) ?? '' };
}

/** Full names of people in the caller's jurisdiction; the print's audit entry lists them (masked). */
async function revealNames(deps: DocumentsDeps, ctx: RequestContext, personIds: readonly string[]) {
  const ids = [...new Set(personIds)];
  const rows = await repo.sealedNames(deps.db, ctx.actor.countyCode, jurisdictionFilter(ctx.actor), ids);
  const names = new Map(
    rows.map((r) => [r.id, { name: deps.cipher.decrypt(r.name_enc), mask: r.name_mask }]),
  );
  if (ids.some((id) => !names.has(id))) throw caseNotFound();
  return names;
}

/** Audits the print; resolves once the entries are committed (the PDF is sent only after that). */
async function auditPrint(
  deps: DocumentsDeps,
  ctx: RequestContext,
  kind: DocumentKind,
  items: { caseId: string | null; recordId: string; persons: { id: string; mask: string }[] }[],
  extra: Record<string, unknown> = {},
) {
  const entry = (i: (typeof items)[number]): AuditEntry => ({
    countyCode: ctx.actor.countyCode,
    ...auditActor(ctx),
    action: 'documents.printed',
    recordType: i.caseId ? 'case' : 'village',
    recordId: i.recordId,
    detail: { kind, caseId: i.caseId, revealed: 'name', persons: i.persons, ...extra },
  });
  await Promise.all(items.map((i) => deps.audit.record(entry(i))));
}

export async function printDecision(deps: DocumentsDeps, ctx: RequestContext, id: string): Promise<PdfFile> {
  const row = await caseInJurisdiction(deps, ctx, id);
  const event = await repo.decisionEvent(deps.db, row.county_code, row.id);
  if (!event) throw documentErrors.noDecision();
  const applicantId =
    row.subject_person_id ??
    (row.household_id ? await repo.householdHead(deps.db, row.county_code, row.household_id) : null);
  if (!applicantId) throw documentErrors.noDecision();
  let outcome: Parameters<typeof decisionDoc>[0]['outcome'];
  if (event.type === 'CONFIRM') {
    const history = await entitlementHistory(deps.db, row.county_code, row.id);
    const decided = history.find((v) => v.source === 'DECISION') ?? history[0];
    if (!decided) throw documentErrors.noDecision();
    outcome = {
      approved: true,
      amountFen: decided.amount_fen,
      startMonth: decided.effective_from,
      persons: decided.household_size,
    };
  } else {
    outcome = { approved: false, reasons: String(event.payload.reasons ?? '') };
  }
  const divisions = await divisionNames(deps, row.county_code, row.town_code);
  const applicant = (await revealNames(deps, ctx, [applicantId])).get(applicantId)!;
  const bytes = await renderDoc(
    decisionDoc({
      scheme: row.scheme,
      caseNo: row.case_no,
      applicantName: applicant.name,
      appliedOn: row.applied_on,
      decidedOn: event.on_date,
      countyName: divisions.county,
      decidedByTown: event.actor_role === 'town_officer' ? divisions.town : null,
      outcome,
      printedAt: deps.clock.now(),
    }),
  );
  await auditPrint(deps, ctx, 'decision', [
    { caseId: row.id, recordId: row.id, persons: [{ id: applicantId, mask: applicant.mask }] },
  ]);
  return { filename: `decision-${row.case_no}.pdf`, bytes };
}

export async function printCertificate(
  deps: DocumentsDeps,
  ctx: RequestContext,
  id: string,
): Promise<PdfFile> {
  const row = await caseInJurisdiction(deps, ctx, id);
  const dibao = row.scheme === 'DIBAO' || row.scheme === 'DIBAO_SINGLE';
  if (!dibao || row.stage !== 'ACTIVE' || row.state === 'STOPPED' || !row.household_id)
    throw documentErrors.notActiveDibao();
  const [current, history, headId] = await Promise.all([
    currentEntitlement(deps.db, row.county_code, row.id),
    entitlementHistory(deps.db, row.county_code, row.id),
    repo.householdHead(deps.db, row.county_code, row.household_id),
  ]);
  const first = history[0];
  if (!current || !first || !headId) throw documentErrors.notActiveDibao();
  const head = (await revealNames(deps, ctx, [headId])).get(headId)!;
  const now = deps.clock.now();
  const bytes = await renderDoc(
    certificateDoc({
      caseNo: row.case_no,
      headName: head.name,
      persons: current.household_size,
      amountFen: current.amount_fen,
      startMonth: first.effective_from,
      countyName: (await divisionNames(deps, row.county_code)).county,
      issuedOn: shanghaiDateOf(now),
      printedAt: now,
    }),
  );
  await auditPrint(deps, ctx, 'certificate', [
    { caseId: row.id, recordId: row.id, persons: [{ id: headId, mask: head.mask }] },
  ]);
  return { filename: `certificate-${row.case_no}.pdf`, bytes };
}

export async function printPublicity(
  deps: DocumentsDeps,
  ctx: RequestContext,
  villageCode: string,
): Promise<PdfFile> {
  allowPrint(ctx);
  const county = ctx.actor.countyCode;
  const village = /^\d{12}$/.test(villageCode) ? await repo.getVillage(deps.db, villageCode) : undefined;
  if (!village || village.county_code !== county || !withinJurisdiction(ctx.actor, villageCode))
    throw documentErrors.villageNotFound();
  const now = deps.clock.now();
  const cases = await repo.publicityCases(deps.db, county, villageCode);
  const params =
    cases.length > 0 ? await parametersFor(deps.db, county, benefitStartMonth(shanghaiDateOf(now))) : null;
  const applicants = cases.map((c) => c.applicant_id).filter((x): x is string => x !== null);
  const names = await revealNames(deps, ctx, applicants);
  const printedCases: { caseId: string; applicantId: string; data: PublicityCase }[] = cases.flatMap((c) => {
    const p = (c.model as { publicity?: { firstDay: string; lastDay: string } | null }).publicity;
    const person = c.applicant_id ? names.get(c.applicant_id) : undefined;
    if (!p || !person || !c.applicant_id) return [];
    const data: PublicityCase = {
      caseId: c.id,
      scheme: c.scheme,
      fullName: person.name,
      householdSize: c.household_size,
      opinion: c.opinion,
      proposedAmountFen: params ? proposedAmountFen(c, params) : null,
      firstDay: p.firstDay,
      lastDay: p.lastDay,
    };
    return [{ caseId: c.id, applicantId: c.applicant_id, data }];
  });
  const divisions = await divisionNames(deps, county, village.parent_code ?? undefined);
  const bytes = await renderPublicity(
    publicityDoc({
      townName: divisions.town,
      villageName: village.name,
      bureau: bureauName(divisions.county),
      rows: publicityRows(printedCases.map((c) => c.data)),
      localLine: LOCAL_HOTLINE,
      printedAt: now,
    }),
  );
  const items = printedCases.map((c) => ({
    caseId: c.caseId,
    recordId: c.caseId,
    persons: [{ id: c.applicantId, mask: names.get(c.applicantId)!.mask }],
  }));
  const none = [{ caseId: null, recordId: villageCode, persons: [] }];
  await auditPrint(deps, ctx, 'publicity', items.length > 0 ? items : none, { villageCode });
  return { filename: `publicity-${villageCode}.pdf`, bytes };
}
