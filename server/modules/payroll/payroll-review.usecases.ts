import type { PayrollCaseChange, PayrollLedger, PayrollReview } from '../../../contracts/payroll.ts';
import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { addMonths } from '../../rules/calendar.ts';
import * as repo from './payroll.repository.ts';
import { getPayrollRun, runView } from './payroll.usecases.ts';
import * as read from './payroll-read.repository.ts';

// Reading payroll (rules 8 and 10): the review of a run (totals by town, new / stopped / changed
// cases against the previous month's run of the same scheme), its lines paged by the server, a
// case's payments and the yearly ledger. A town officer sees only the town.

type Deps = { db: Database };
const LIST_LIMIT = 200;

const townOf = (ctx: RequestContext) =>
  ctx.actor.jurisdictionCode.length === 9 ? ctx.actor.jurisdictionCode : undefined;

const lineView = (r: read.LineRow) => ({
  caseId: r.case_id,
  caseNo: r.case_no,
  scheme: r.scheme,
  month: r.month,
  kind: r.kind,
  item: r.item,
  townCode: r.town_code,
  villageCode: r.village_code,
  payeeNameMask: r.payee_name_mask,
  payee: r.payee,
  institutionName: r.institution_name,
  entitlementVersion: r.entitlement_version,
  grossFen: r.gross_fen,
  deductionFen: r.deduction_fen,
  netFen: r.net_fen,
  bankStatus: r.bank_status,
  bankReason: r.bank_reason,
  reason: r.reason,
});

const changeView = (r: read.CaseChangeRow): PayrollCaseChange => ({
  caseId: r.case_id,
  caseNo: r.case_no,
  townCode: r.town_code,
  previousFen: r.previous_fen,
  currentFen: r.current_fen,
});

const list = (rows: read.CaseChangeRow[]) => ({
  total: rows.length,
  items: rows.slice(0, LIST_LIMIT).map(changeView),
});

export async function payrollReview(deps: Deps, ctx: RequestContext, runId: string): Promise<PayrollReview> {
  const run = await getPayrollRun(deps, ctx, runId);
  const county = ctx.actor.countyCode;
  const town = townOf(ctx);
  const previous = await repo.findRun(deps.db, county, run.scheme, addMonths(run.month, -1));
  const [towns, kinds, changes] = await Promise.all([
    read.townTotals(deps.db, county, runId, town),
    read.kindTotals(deps.db, county, runId, town),
    previous ? read.caseChanges(deps.db, county, runId, previous.id, town) : Promise.resolve([]),
  ]);
  return {
    run: runView(run),
    previousRunId: previous?.id ?? null,
    towns: towns.map((t) => ({
      townCode: t.town_code,
      townName: t.town_name,
      lines: t.lines,
      grossFen: t.gross_fen,
      deductionFen: t.deduction_fen,
      netFen: t.net_fen,
    })),
    byKind: kinds.map((k) => ({ kind: k.kind, lines: k.lines, netFen: k.net_fen })),
    newCases: list(changes.filter((c) => c.previous_fen === null)),
    stoppedCases: list(changes.filter((c) => c.current_fen === null)),
    changedCases: list(changes.filter((c) => c.previous_fen !== null && c.current_fen !== null)),
  };
}

export async function payrollLines(
  deps: Deps,
  ctx: RequestContext,
  runId: string,
  q: { townCode?: string | undefined; offset: number; limit: number },
) {
  await getPayrollRun(deps, ctx, runId);
  const own = townOf(ctx);
  if (q.townCode && !withinJurisdiction(ctx.actor, q.townCode))
    throw errors.notFound('该镇街的发放清单', "the town's payroll lines");
  const { rows, total } = await read.runLines(deps.db, ctx.actor.countyCode, runId, {
    offset: q.offset,
    limit: q.limit,
    town: q.townCode ?? own,
  });
  return { total, items: rows.map(lineView) };
}

/** Rule 10: every payroll line of a case, with the bank's answer and why it was paid. */
export async function casePayments(deps: Deps, ctx: RequestContext, caseId: string) {
  requirePermission(ctx.actor, 'payroll.read');
  const c = await repo.caseRow(deps.db, ctx.actor.countyCode, caseId);
  if (!c || !withinJurisdiction(ctx.actor, c.village_code)) throw errors.notFound('案件', 'case');
  const rows = await read.caseLines(deps.db, ctx.actor.countyCode, caseId);
  return {
    caseId: c.id,
    caseNo: c.case_no,
    items: rows.map((r) => ({ ...lineView(r), runStatus: r.run_status })),
  };
}

/** Rule 10: year-to-date net paid from APPROVED runs, per town and scheme, by month. */
export async function payrollLedger(deps: Deps, ctx: RequestContext, year: number): Promise<PayrollLedger> {
  requirePermission(ctx.actor, 'payroll.read');
  const rows = await read.ledger(deps.db, ctx.actor.countyCode, year, townOf(ctx));
  const byKey = new Map<string, PayrollLedger['items'][number]>();
  for (const r of rows) {
    const key = `${r.town_code}|${r.scheme}`;
    let item = byKey.get(key);
    if (!item) {
      item = {
        townCode: r.town_code,
        townName: r.town_name,
        scheme: r.scheme,
        byMonthFen: Array.from({ length: 12 }, () => 0),
        totalFen: 0,
      };
      byKey.set(key, item);
    }
    item.byMonthFen[r.m - 1] = r.net_fen;
    item.totalFen += r.net_fen;
  }
  return { year, items: [...byKey.values()] };
}
