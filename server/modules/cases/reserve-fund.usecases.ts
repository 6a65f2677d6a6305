import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { addMonths } from '../../rules/calendar.ts';
import { refusalError } from './case-support.ts';
import type { CaseRow } from './cases.repository.ts';
import * as repo from './reserve-fund.repository.ts';

// The township reserve fund (备用金) for urgent first aid (§6.3, §6.5; S7 §二(二)): the district
// allocates, first aid draws within 24 hours, each draw is regularised on its case afterwards, and
// the town reconciles each month (draws, regularised, outstanding, balance).

const yuan = (fen: number) => (fen / 100).toFixed(2);
const actorId = (ctx: RequestContext) => auditActor(ctx).actorId;

/** Applied inside the event's transaction: a first-aid payment draws on the town's fund. */
export async function onReserveFundEffects(
  trx: Transaction<DB>,
  ctx: RequestContext,
  at: Date,
  row: CaseRow,
  effects: { type: string; [k: string]: unknown }[],
  on: string,
) {
  for (const x of effects) {
    if (x.type !== 'RESERVE_FUND_DRAW') continue;
    const amount = x.amountFen as number;
    await repo.lockTownLedger(trx, row.county_code, row.town_code);
    const balance = await repo.balanceFen(trx, row.county_code, row.town_code);
    if (balance < amount)
      throw refusalError({
        ok: false,
        code: 'RESERVE_FUND_SHORT',
        zh: `本镇（街道）备用金余额 ${yuan(balance)} 元，不足支付 ${yuan(amount)} 元，请先申请拨付`,
        en: `the town's reserve fund holds ${yuan(balance)} yuan, less than the ${yuan(amount)} yuan to pay; ask for an allocation first`,
      });
    await repo.insertEntry(trx, {
      county_code: row.county_code,
      town_code: row.town_code,
      on_date: on,
      kind: 'DRAW',
      amount_fen: amount,
      case_id: row.id,
      month: null,
      note: row.case_no,
      detail: {},
      created_by: actorId(ctx),
      created_by_name: ctx.actor.displayName,
      created_at: at,
    });
  }
}

/** A town the caller works in: the district sees every town, a town or village only its own. */
const townOf = (ctx: RequestContext, townCode: string) => {
  if (!/^\d{9}$/.test(townCode))
    throw fieldError('townCode', '乡镇（街道）代码应为 9 位数字', 'a 9-digit town code', '370971001');
  const j = ctx.actor.jurisdictionCode;
  const ok = j.length === 6 ? townCode.startsWith(j) : j.slice(0, 9) === townCode;
  if (!ok) throw errors.notFound('乡镇（街道）', 'town');
  return townCode;
};

export async function moveReserveFund(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  input: { townCode: string; kind: 'ALLOCATE' | 'RETURN'; amountFen: number; note: string },
) {
  requirePermission(ctx.actor, 'entitlements.approve');
  const town = townOf(ctx, input.townCode);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockTownLedger(trx, ctx.actor.countyCode, town);
    if (input.kind === 'RETURN') {
      // A return takes money back from the town, so it may not exceed what is there.
      const balance = await repo.balanceFen(trx, ctx.actor.countyCode, town);
      if (balance < input.amountFen)
        throw fieldError(
          'amountFen',
          `余额仅 ${yuan(balance)} 元`,
          `the balance is only ${yuan(balance)} yuan`,
        );
    }
    const e = await repo.insertEntry(trx, {
      county_code: ctx.actor.countyCode,
      town_code: town,
      on_date: shanghaiDateOf(at),
      kind: input.kind === 'ALLOCATE' ? 'ALLOCATE' : 'RETURN',
      amount_fen: input.amountFen,
      case_id: null,
      month: null,
      note: input.note,
      detail: {},
      created_by: actorId(ctx),
      created_by_name: ctx.actor.displayName,
      created_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: `reserve_fund.${input.kind.toLowerCase()}`,
        recordType: 'reserve_fund_entry',
        recordId: String(e.id),
        detail: { townCode: town, amountFen: input.amountFen, note: input.note },
      },
    ]);
    return { id: e.id, balanceFen: await repo.balanceFen(trx, ctx.actor.countyCode, town) };
  });
}

/** The month's ledger of a town: entries, draws with their regularisation, balance, reconciliation. */
export async function reserveFundMonth(
  deps: { db: Database },
  ctx: RequestContext,
  townCode: string,
  month: string,
) {
  requirePermission(ctx.actor, 'cases.read');
  const town = townOf(ctx, townCode);
  const from = `${month.slice(0, 7)}-01`;
  const to = addMonths(from, 1);
  const rows = await repo.listEntries(deps.db, ctx.actor.countyCode, town, from, to);
  const draws = rows.filter((r) => r.kind === 'DRAW');
  const outstanding = draws.filter((r) => r.regularized_at === null);
  const reconciled = await repo.findReconcile(deps.db, ctx.actor.countyCode, town, from);
  return {
    townCode: town,
    month: from,
    balanceFen: await repo.balanceFen(deps.db, ctx.actor.countyCode, town),
    /** The balance at the end of the month (what a reconciliation records). */
    closingBalanceFen: await repo.balanceFen(deps.db, ctx.actor.countyCode, town, to),
    drawnFen: draws.reduce((s, r) => s + r.amount_fen, 0),
    draws: draws.length,
    regularized: draws.length - outstanding.length,
    outstanding: outstanding.map((r) => ({ caseId: r.case_id, caseNo: r.case_no, amountFen: r.amount_fen })),
    reconciled: reconciled
      ? {
          id: reconciled.id,
          on: reconciled.on_date,
          note: reconciled.note,
          by: reconciled.created_by_name,
          detail: reconciled.detail,
        }
      : null,
    entries: rows.map((r) => ({
      id: r.id,
      on: r.on_date,
      kind: r.kind,
      amountFen: r.amount_fen,
      caseNo: r.case_no,
      regularized: r.kind === 'DRAW' ? r.regularized_at !== null : null,
      note: r.note,
      by: r.created_by_name,
    })),
  };
}

/** The town's monthly reconciliation: recorded once per month, with what was still outstanding. */
export async function reconcileReserveFund(
  deps: { db: Database; clock: Clock },
  ctx: RequestContext,
  input: { townCode: string; month: string; note: string },
) {
  requirePermission(ctx.actor, 'cases.write');
  if (
    ctx.actor.role !== 'town_officer' &&
    ctx.actor.role !== 'district_officer' &&
    ctx.actor.role !== 'district_admin'
  )
    throw errors.forbidden('对账备用金', 'reconcile the reserve fund');
  const view = await reserveFundMonth(deps, ctx, input.townCode, input.month);
  const at = deps.clock.now();
  if (view.month >= `${shanghaiDateOf(at).slice(0, 7)}-01`)
    throw fieldError('month', '只能对已结束的月份对账', 'only a finished month can be reconciled');
  if (view.reconciled)
    throw errors.conflict('reserve_fund.already_reconciled', '该月已对账', 'the month is already reconciled');
  return deps.db.transaction().execute(async (trx) => {
    await repo.lockTownLedger(trx, ctx.actor.countyCode, view.townCode);
    if (await repo.findReconcile(trx, ctx.actor.countyCode, view.townCode, view.month))
      throw errors.conflict(
        'reserve_fund.already_reconciled',
        '该月已对账',
        'the month is already reconciled',
      );
    const e = await repo.insertEntry(trx, {
      county_code: ctx.actor.countyCode,
      town_code: view.townCode,
      on_date: shanghaiDateOf(at),
      kind: 'RECONCILE',
      amount_fen: 0,
      case_id: null,
      month: view.month,
      note: input.note,
      detail: {
        draws: view.draws,
        drawnFen: view.drawnFen,
        regularized: view.regularized,
        outstanding: view.outstanding,
        closingBalanceFen: view.closingBalanceFen,
      },
      created_by: actorId(ctx),
      created_by_name: ctx.actor.displayName,
      created_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'reserve_fund.reconciled',
        recordType: 'reserve_fund_entry',
        recordId: String(e.id),
        detail: { townCode: view.townCode, month: view.month, outstanding: view.outstanding.length },
      },
    ]);
    return {
      ...view,
      reconciled: {
        id: e.id,
        on: shanghaiDateOf(at),
        note: input.note,
        by: ctx.actor.displayName,
        detail: {},
      },
    };
  });
}
