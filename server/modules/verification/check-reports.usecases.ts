import type { Transaction } from 'kysely';
import type { CheckItemView, CheckReportView } from '../../../contracts/checks.ts';
import { can } from '../../../contracts/roles.ts';
import type { DB } from '../../db/schema.ts';
import type { CheckSubjectRow } from '../../db/schema-verification.ts';
import { appendAudit } from '../../platform/audit.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { getCase } from '../cases/cases.repository.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { buildReport, itemKey } from './check-report.models.ts';
import { reportRef, type VerificationDeps } from './check-requests.usecases.ts';
import type { FeedItem } from './check-rules.models.ts';
import { checkErrors } from './verification.errors.ts';
import * as repo from './verification.repository.ts';

// Starting a check and producing its report (S1 Art.17; domain-rules §8.3): the county starts the
// request (late starts are allowed and flagged), the report is built from the department records
// held for each subject's blind index, and every re-run writes a new frozen version.

type Trx = Transaction<DB>;

/** Only the county bureau starts and runs checks (S1 Art.17: "县级民政部门 … 启动信息核对"). */
function requireCounty(ctx: RequestContext) {
  requirePermission(ctx.actor, 'checks.request');
  if (ctx.actor.jurisdictionCode.length !== 6) throw checkErrors.countyOnly();
}

const isCounty = (ctx: RequestContext) =>
  can(ctx.actor.role, 'checks.request') && ctx.actor.jurisdictionCode.length === 6;

export type GeneratedRef = { id: string; reportNo: string; version: number };

export async function startCheck(deps: VerificationDeps, ctx: RequestContext, requestId: string) {
  requireCounty(ctx);
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const req = await repo.lockRequest(trx, ctx.actor.countyCode, requestId);
    if (!req) throw checkErrors.requestNotFound();
    if (req.status !== 'REQUESTED') throw checkErrors.alreadyStarted();
    const late = today > req.start_by;
    await repo.markStarted(trx, req, {
      at,
      on: today,
      by: auditActor(ctx).actorId,
      byName: ctx.actor.displayName,
      late,
    });
    await appendAudit(trx, at, [
      {
        countyCode: req.county_code,
        ...auditActor(ctx),
        action: 'checks.started',
        recordType: 'check_request',
        recordId: req.id,
        detail: { startBy: req.start_by, startedOn: today, late },
      },
    ]);
    return { late, report: await generate(trx, ctx, req, at) };
  });
}

/** A re-run: a new version from the records held now; earlier versions stay as they were. */
export async function rerunCheck(deps: VerificationDeps, ctx: RequestContext, requestId: string) {
  requireCounty(ctx);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const req = await repo.lockRequest(trx, ctx.actor.countyCode, requestId);
    if (!req) throw checkErrors.requestNotFound();
    if (req.status === 'REQUESTED') throw checkErrors.notStarted();
    return { report: await generate(trx, ctx, req, at) };
  });
}

async function generate(
  trx: Trx,
  ctx: RequestContext,
  req: repo.RequestRow,
  at: Date,
): Promise<GeneratedRef> {
  const county = req.county_code;
  const asOf = shanghaiDateOf(at);
  const row = await getCase(trx, county, req.case_id);
  if (!row) throw checkErrors.requestNotFound();
  const subjects = req.subjects as CheckSubjectRow[];
  const [persons, params, hhNo, integrity, previous] = await Promise.all([
    repo.personsByIds(
      trx,
      county,
      subjects.map((s) => s.personId),
    ),
    parametersFor(trx, county, asOf),
    repo.householdNo(trx, county, row.household_id),
    repo.integrityRecords(trx, county, row.household_id, row.id),
    repo.reportsOfRequests(trx, county, [req.id]),
  ]);
  const relations = new Map(
    (
      await trx
        .selectFrom('household_member')
        .select(['person_id', 'relation_code'])
        .where('county_code', '=', county)
        .where('household_id', '=', row.household_id ?? '00000000-0000-0000-0000-000000000000')
        .where('left_on', 'is', null)
        .execute()
    ).map((m) => [m.person_id, m.relation_code]),
  );
  const byId = new Map(persons.map((p) => [p.id, p]));
  const byBidx = new Map(persons.map((p) => [p.id_number_bidx.toString('hex'), p.id]));
  const roleOf = new Map(subjects.map((s) => [s.personId, s.kind]));
  const feed = await repo.feedRecordsOf(
    trx,
    county,
    persons.map((p) => p.id_number_bidx),
    at,
  );
  const records: FeedItem[] = feed.flatMap((f) => {
    const personId = byBidx.get(f.person_bidx.toString('hex'));
    if (!personId) return [];
    return [
      {
        source: f.source,
        recordKey: f.record_key.toString('hex'),
        personId,
        personRole: roleOf.get(personId) ?? 'MEMBER',
        occurredOn: f.occurred_on,
        data: f.data as Record<string, unknown>,
        batchId: f.batch_id,
        deliveredAt: f.delivered_at.toISOString(),
      },
    ];
  });
  const last = previous.at(-1);
  const previousKeys = last
    ? (await repo.reportItems(trx, county, last.id)).map((i) =>
        itemKey({ source: i.source, personId: i.person_id, recordKey: i.record_key.toString('hex') }),
      )
    : [];
  const built = buildReport({
    params: {
      asOf,
      standardFen: params.dibao.standardFen[row.area],
      financialAssetsMaxMonths: params.dibao.financialAssetsMaxMonthsOfStandard,
      maxResidences: params.dibao.housing.maxResidences,
      incomeLookbackMonths: params.dibao.incomeLookbackMonths,
    },
    basic: {
      caseNo: row.case_no,
      scheme: row.scheme,
      area: row.area,
      householdNo: hhNo,
      villageCode: row.village_code,
      integrity: integrity.map((i) => ({
        kind: i.kind,
        foundOn: i.found_on,
        obtainedFen: i.obtained_fen,
        note: i.note,
      })),
    },
    persons: subjects.map((s) => ({
      personId: s.personId,
      role: s.kind,
      nameMask: byId.get(s.personId)?.name_mask ?? '',
      idMask: byId.get(s.personId)?.id_number_mask ?? '',
      relationCode: relations.get(s.personId) ?? null,
      consentSignedOn: s.consentSignedOn,
      consentRef: s.consentRef,
    })),
    records,
    previous: last ? { version: last.version, keys: previousKeys } : null,
  });
  const version = (last?.version ?? 0) + 1;
  const reportNo = last?.report_no ?? (await repo.nextReportNo(trx, county, Number(asOf.slice(0, 4))));
  const id = await repo.insertReport(trx, {
    county_code: county,
    request_id: req.id,
    case_id: row.id,
    report_no: reportNo,
    version,
    as_of: asOf,
    generated_at: at,
    generated_by: auditActor(ctx).actorId,
    generated_by_name: ctx.actor.displayName,
    sections: JSON.stringify(built.sections),
    summary_flags: JSON.stringify(built.flags),
    suspect_count: built.suspectCount,
    excludes_count: built.excludesCount,
    objection_until: built.objectionUntil,
  });
  await repo.insertItems(
    trx,
    built.items.map((it) => ({
      county_code: county,
      report_id: id,
      seq: it.seq,
      person_id: it.personId,
      person_role: it.personRole,
      source: it.source,
      item_type: it.source,
      record_key: Buffer.from(it.recordKey, 'hex'),
      batch_id: it.batchId,
      delivered_at: new Date(it.deliveredAt),
      occurred_on: it.occurredOn,
      raw_payload: JSON.stringify(it.data),
      normalized: JSON.stringify(it.normalized),
      suspicious: it.suspicious,
      rule_hits: it.ruleHits,
      reason_zh: it.reasonZh,
      reason_en: it.reasonEn,
    })),
  );
  await repo.markReported(trx, county, req.id);
  await appendAudit(trx, at, [
    {
      countyCode: county,
      ...auditActor(ctx),
      action: 'checks.reported',
      recordType: 'check_report',
      recordId: id,
      detail: {
        requestId: req.id,
        reportNo,
        version,
        items: built.items.length,
        suspect: built.suspectCount,
        excludes: built.excludesCount,
      },
    },
  ]);
  return { id, reportNo, version };
}

/** A report in the caller's jurisdiction, or 404 (a town officer of another town sees nothing). */
export async function reportInJurisdiction(deps: VerificationDeps, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'checks.read');
  const county = ctx.actor.countyCode;
  const report = await repo.getReport(deps.db, county, id);
  const req = report
    ? await repo.getRequest(deps.db, county, report.request_id, jurisdictionFilter(ctx.actor))
    : undefined;
  if (!report || !req) throw checkErrors.reportNotFound();
  return { report, req };
}

export async function getCheckReport(
  deps: VerificationDeps,
  ctx: RequestContext,
  id: string,
): Promise<CheckReportView> {
  const { report, req } = await reportInJurisdiction(deps, ctx, id);
  const county = report.county_code;
  const [items, versions, row] = await Promise.all([
    repo.reportItems(deps.db, county, id),
    repo.reportsOfRequests(deps.db, county, [req.id]),
    getCase(deps.db, county, req.case_id),
  ]);
  return {
    ...reportRef(report),
    requestId: req.id,
    caseId: req.case_id,
    caseNo: row?.case_no ?? '',
    purpose: req.purpose,
    asOf: report.as_of,
    generatedByName: report.generated_by_name,
    sections: report.sections as Record<string, unknown>,
    items: items.map(
      (i): CheckItemView => ({
        seq: i.seq,
        personId: i.person_id,
        personRole: i.person_role,
        nameMask: i.name_mask,
        source: i.source,
        itemType: i.item_type,
        occurredOn: i.occurred_on,
        batchId: i.batch_id,
        deliveredAt: i.delivered_at.toISOString(),
        raw: i.raw_payload as Record<string, unknown>,
        normalized: i.normalized as Record<string, unknown>,
        suspicious: i.suspicious,
        ruleHits: i.rule_hits,
        reasonZh: i.reason_zh,
        reasonEn: i.reason_en,
      }),
    ),
    versions: versions.map(reportRef),
    canRerun: isCounty(ctx),
  };
}
