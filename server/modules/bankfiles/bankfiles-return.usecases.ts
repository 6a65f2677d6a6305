import type {
  BankReturnResult,
  BankTally,
  Reconciliation,
  ReturnColumn,
} from '../../../contracts/bankfiles.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors, type FieldIssue } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { addMonths } from '../../rules/calendar.ts';
import { readRows, type SheetFormat } from '../imports/row-reader.ts';
import * as payroll from '../payroll/payroll.repository.ts';
import {
  fenToYuanText,
  findRef,
  lineRef,
  matchReturnHeader,
  parseResult,
  yuanTextToFen,
} from './bankfiles.models.ts';
import * as repo from './bankfiles.repository.ts';
import { approvedRun, runNotFound } from './bankfiles.usecases.ts';

// The bank's return file (M5): two passes, as for imports. Every row is checked first (unknown or
// repeated reference, amount not the line's net, unknown result, failure without a reason, a line
// already answered by an earlier return) and the whole file is refused with every problem by line
// number; only a clean file marks the lines PAID / FAILED, in one transaction, audited once.

const MAX_ISSUES = 1000;
const FAILED_LIST_LIMIT = 500;

type Deps = { db: Database; clock: Clock };

export async function importBankReturn(
  deps: Deps,
  ctx: RequestContext,
  runId: string,
  upload: { file: string; filename: string; format: SheetFormat },
): Promise<BankReturnResult> {
  requirePermission(ctx.actor, 'payroll.manage');
  const county = ctx.actor.countyCode;
  const run = await approvedRun(deps.db, ctx, runId);
  const scope = { county, scheme: run.scheme, month: run.month };
  const byRef = new Map<string, repo.ReturnableLine>();
  for (const l of await repo.bankLines(deps.db, county, runId))
    byRef.set(lineRef({ ...scope, caseId: l.case_id, kind: l.kind, item: l.item }), l);

  const issues: FieldIssue[] = [];
  const issue = (line: number, col: ReturnColumn, zh: string, en: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ field: `rows.${line}.${col}`, message: zh, messageEn: en });
  };
  const marks: repo.Mark[] = [];
  const seen = new Map<string, number>();
  let header: Partial<Record<ReturnColumn, number>> | null = null;
  let rows = 0;
  let paidFen = 0;
  let failedFen = 0;
  for await (const row of readRows(upload.file, upload.format)) {
    if (!header) {
      header = matchReturnHeader(row.cells);
      const missing = (['lineRef', 'amountYuan', 'result'] as const).filter((c) => header?.[c] === undefined);
      if (missing.length > 0)
        throw errors.validation(
          missing.map((c) => ({
            field: `header.${c}`,
            message: `第 ${row.line} 行（表头）缺少列：${{ lineRef: '发放流水号', amountYuan: '金额', result: '结果' }[c]}`,
            messageEn: `the header (line ${row.line}) lacks the column ${c}`,
            expected: '发放流水号, 金额, 结果(成功/失败), 失败原因',
          })),
        );
      continue;
    }
    const cell = (c: ReturnColumn) => {
      const i = header?.[c];
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    if (row.cells[0] === '合计') continue; // the control-total row of our own file
    rows += 1;
    const { line } = row;
    const refText = cell('lineRef');
    const ref = findRef(refText);
    const target = ref ? byRef.get(ref) : undefined;
    if (!ref || !target) {
      issue(
        line,
        'lineRef',
        `发放流水号“${refText}”不是本批次的发放明细`,
        `"${refText}" is not a line of this run`,
      );
    } else if (seen.has(ref)) {
      issue(
        line,
        'lineRef',
        `发放流水号 ${ref} 重复，第 ${seen.get(ref)} 行已出现`,
        `${ref} repeats line ${seen.get(ref)}`,
      );
    } else if (target.bank_status !== 'PENDING') {
      issue(
        line,
        'lineRef',
        `发放流水号 ${ref} 已由此前的回盘标记为${target.bank_status === 'PAID' ? '成功' : '失败'}`,
        `${ref} was already marked ${target.bank_status} by an earlier return`,
      );
    }
    if (ref && !seen.has(ref)) seen.set(ref, line);
    const amountText = cell('amountYuan');
    const fen = yuanTextToFen(amountText);
    if (fen === null)
      issue(
        line,
        'amountYuan',
        `金额“${amountText}”无法识别`,
        `the amount "${amountText}" is not a number of yuan`,
      );
    else if (target && fen !== target.net_fen)
      issue(
        line,
        'amountYuan',
        `金额 ${fenToYuanText(fen)} 与发放金额 ${fenToYuanText(target.net_fen)} 不符`,
        `the amount ${fenToYuanText(fen)} differs from the line's ${fenToYuanText(target.net_fen)}`,
      );
    const resultText = cell('result');
    const status = parseResult(resultText);
    const reason = cell('reason');
    if (!status)
      issue(
        line,
        'result',
        `结果“${resultText}”无法识别，应为成功或失败`,
        `the result "${resultText}" is not success or failed`,
      );
    else if (status === 'FAILED' && !reason)
      issue(line, 'reason', '发放失败须填写失败原因', 'a failed payment needs the reason');
    if (ref && target && status)
      marks.push({
        caseId: target.case_id,
        kind: target.kind,
        item: target.item,
        status,
        reason: status === 'FAILED' ? reason.slice(0, 200) : null,
        ref: `${upload.filename}#${line}`.slice(0, 200),
      });
    if (status === 'PAID' && target) paidFen += target.net_fen;
    if (status === 'FAILED' && target) failedFen += target.net_fen;
  }
  if (!header || rows === 0)
    throw errors.validation([
      { field: 'file', message: '回盘文件没有数据行', messageEn: 'the return file has no rows' },
    ]);
  if (issues.length > 0)
    throw new AppError(
      'bankfiles.return_invalid',
      400,
      `回盘文件有 ${issues.length}${issues.length >= MAX_ISSUES ? '+' : ''} 处错误，整个文件未导入，请更正后重新上传`,
      `the return file has ${issues.length} problems; nothing was imported`,
      issues,
    );
  const paid = marks.filter((m) => m.status === 'PAID').length;
  const result = { filename: upload.filename, rows, paid, failed: marks.length - paid, paidFen, failedFen };
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const n = await repo.markLines(trx, { ...scope, runId }, marks);
    if (n !== marks.length)
      throw errors.conflict(
        'bankfiles.return_conflict',
        '部分发放明细刚被其他回盘标记，请刷新后重试',
        'some lines were just marked by another return; reload and retry',
      );
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'payroll.bank_return_imported',
        recordType: 'payroll_run',
        recordId: runId,
        detail: result,
      },
    ]);
  });
  return result;
}

const tally = (count: number, amountFen: number): BankTally => ({ count, amountFen });

export async function reconcile(
  deps: Pick<Deps, 'db'>,
  ctx: RequestContext,
  runId: string,
): Promise<Reconciliation> {
  requirePermission(ctx.actor, 'payroll.read');
  const county = ctx.actor.countyCode;
  const town = ctx.actor.jurisdictionCode.length === 9 ? ctx.actor.jurisdictionCode : undefined;
  const run = await payroll.getRun(deps.db, county, runId);
  if (!run) throw runNotFound();
  const [towns, exp, failed, latest] = await Promise.all([
    repo.townTallies(deps.db, county, runId, town),
    repo.exportsOf(deps.db, county, runId),
    repo.failedLines(deps.db, county, runId, FAILED_LIST_LIMIT, town),
    repo.latestApprovedMonth(deps.db, county, run.scheme),
  ]);
  const sum = (f: (t: repo.TownTally) => number) => towns.reduce((s, t) => s + f(t), 0);
  const paid = tally(
    sum((t) => t.paid_n),
    sum((t) => t.paid_fen),
  );
  const failedT = tally(
    sum((t) => t.failed_n),
    sum((t) => t.failed_fen),
  );
  const pending = tally(
    sum((t) => t.pending_n),
    sum((t) => t.pending_fen),
  );
  // Every download holds all lines still pending: once a file went out, every line with a net
  // amount has been sent; before that, only what a return reported.
  const exported =
    exp.count > 0
      ? tally(
          paid.count + failedT.count + pending.count,
          paid.amountFen + failedT.amountFen + pending.amountFen,
        )
      : tally(paid.count + failedT.count, paid.amountFen + failedT.amountFen);
  const base = latest && latest > run.month ? latest : run.month;
  const nextMonth = addMonths(base, 1);
  return {
    runId,
    scheme: run.scheme,
    month: run.month,
    lastExportedAt: exp.last ? new Date(exp.last).toISOString() : null,
    exports: exp.count,
    totals: {
      approved: tally(
        sum((t) => t.n),
        sum((t) => t.fen),
      ),
      exported,
      paid,
      failed: failedT,
      pending,
    },
    towns: towns.map((t) => ({
      townCode: t.town_code,
      townName: t.town_name,
      approved: tally(t.n, t.fen),
      paid: tally(t.paid_n, t.paid_fen),
      failed: tally(t.failed_n, t.failed_fen),
      pending: tally(t.pending_n, t.pending_fen),
    })),
    failedLines: failed.map((f) => ({
      lineRef: lineRef({
        county,
        scheme: run.scheme,
        month: run.month,
        caseId: f.case_id,
        kind: f.kind,
        item: f.item,
      }),
      caseId: f.case_id,
      caseNo: f.case_no,
      kind: f.kind,
      item: f.item,
      townCode: f.town_code,
      payeeNameMask: f.payee_name_mask,
      netFen: f.net_fen,
      bankStatus: 'FAILED' as const,
      bankReason: f.bank_reason,
      bankRef: f.bank_ref,
      reissueMonth: f.reissue_month ?? nextMonth,
      reissue:
        f.reissue_month && f.reissue_run_status && f.reissue_bank_status
          ? {
              month: f.reissue_month,
              runStatus: f.reissue_run_status,
              netFen: f.reissue_net_fen ?? 0,
              bankStatus: f.reissue_bank_status,
            }
          : null,
    })),
    failedTotal: failedT.count,
  };
}
