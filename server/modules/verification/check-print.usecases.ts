import { CHECK_PURPOSE_NAMES, type ReportSections } from '../../../contracts/checks.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { renderCheckReport } from './check-pdf.ts';
import { reportInJurisdiction } from './check-reports.usecases.ts';
import type { VerificationDeps } from './check-requests.usecases.ts';
import * as repo from './verification.repository.ts';

// Printing a check report (§2.2: "watermark check-report PDFs … and record each print"): the print
// number is taken and the print audited in one transaction before the PDF is rendered and sent, so
// no copy leaves the server unrecorded. Names stay masked on paper as on screen.

export async function printCheckReport(
  deps: VerificationDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ filename: string; bytes: Uint8Array }> {
  const { report, req } = await reportInJurisdiction(deps, ctx, id);
  const county = report.county_code;
  const at = deps.clock.now();
  const items = await repo.reportItems(deps.db, county, id);
  const sections = report.sections as ReportSections;
  const printNo = await deps.db.transaction().execute(async (trx) => {
    const n = await repo.countPrint(trx, county, id);
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'checks.report_printed',
        recordType: 'check_report',
        recordId: id,
        detail: {
          caseId: req.case_id,
          reportNo: report.report_no,
          version: report.version,
          printNo: n,
          revealed: 'masked',
          persons: [...sections.basic.members, ...sections.basic.supporters].map((p) => ({
            id: p.personId,
            mask: p.nameMask,
          })),
        },
      },
    ]);
    return n;
  });
  const bytes = await renderCheckReport({
    reportNo: report.report_no,
    version: report.version,
    asOf: report.as_of,
    generatedAt: report.generated_at,
    purposeZh: CHECK_PURPOSE_NAMES[req.purpose].zh,
    sections,
    items: items.map((i) => ({
      nameMask: i.name_mask,
      personRole: i.person_role,
      source: i.source,
      occurredOn: i.occurred_on,
      raw: i.raw_payload as Record<string, unknown>,
      suspicious: i.suspicious,
      reasonZh: i.reason_zh,
    })),
    printNo,
    printedBy: ctx.actor.displayName,
    printedAt: at,
  });
  return { filename: `check-${report.report_no}-v${report.version}.pdf`, bytes };
}
