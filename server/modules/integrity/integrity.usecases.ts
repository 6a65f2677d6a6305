import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import type { CaseRow } from '../cases/cases.repository.ts';
import { getCase } from '../cases/cases.repository.ts';
import * as repo from './integrity.repository.ts';

// Integrity (诚信, §2.5; S5 §五(五); S3 Art.68): a change unreported for more than 3 months earns
// criticism; fraud stops the benefit, the amount obtained is recovered and a fine of 1–3× decided.
// Error tolerance (容错纠错, S1 Art.39): an official proposes the correction of a decision with its
// cause (objective / subjective); another official approves it; both are reported.

export type IntegrityDeps = { db: Database; clock: Clock };
const yuan = (fen: number) => (fen / 100).toFixed(2);
const DECISIONS = new Set([
  'CONFIRM',
  'REJECT',
  'CLOSE_REJECTED',
  'CHANGE_AMOUNT',
  'STOP',
  'START_GRADUAL_EXIT',
  'DECIDE_TERMINATION',
  'APPROVE_FIRST_AID',
  'APPROVE',
  'TOWN_OPINION',
]);

/** Applied inside a case event's transaction, from the machine's effects. */
export async function onIntegrityEffects(
  trx: Transaction<DB>,
  ctx: RequestContext,
  at: Date,
  row: CaseRow,
  effects: { type: string; [k: string]: unknown }[],
  on: string,
) {
  for (const x of effects) {
    if (x.type !== 'RECOVERY_ORDER' && x.type !== 'INTEGRITY_RECORD') continue;
    const fraud = x.type === 'RECOVERY_ORDER';
    const rec = await repo.insertRecord(trx, {
      county_code: row.county_code,
      household_id: row.household_id,
      case_id: row.id,
      kind: fraud ? 'FRAUD' : 'CRITICISM',
      found_on: on,
      months_unreported: fraud ? null : (x.monthsUnreported as number),
      obtained_fen: fraud ? (x.obtainedFen as number) : 0,
      fine_min_fen: fraud ? (x.fineMinFen as number) : 0,
      fine_max_fen: fraud ? (x.fineMaxFen as number) : 0,
      note: fraud
        ? '骗取社会救助：责令退回并处罚款（S3 第六十八条）'
        : '未按规定报告家庭变化超过 3 个月：批评教育（S5 第五部分（五））',
      created_by: auditActor(ctx).actorId,
      created_by_name: ctx.actor.displayName,
      created_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: row.county_code,
        ...auditActor(ctx),
        action: fraud ? 'integrity.recovery_ordered' : 'integrity.criticism_recorded',
        recordType: 'integrity_record',
        recordId: String(rec.id),
        detail: {
          caseNo: row.case_no,
          ...(fraud ? { obtainedFen: x.obtainedFen } : { months: x.monthsUnreported }),
        },
      },
    ]);
  }
}

const town = (ctx: RequestContext) =>
  ctx.actor.jurisdictionCode.length === 9 ? ctx.actor.jurisdictionCode : undefined;

function view(r: Awaited<ReturnType<typeof repo.listRecords>>[number]) {
  const due = r.obtained_fen + (r.fine_fen ?? 0);
  return {
    id: r.id,
    householdId: r.household_id,
    caseId: r.case_id,
    caseNo: r.case_no,
    kind: r.kind,
    foundOn: r.found_on,
    monthsUnreported: r.months_unreported,
    obtainedFen: r.obtained_fen,
    fineRangeFen: [r.fine_min_fen, r.fine_max_fen] as [number, number],
    fineFen: r.fine_fen,
    recoveredFen: r.recovered_fen,
    outstandingFen: Math.max(0, due - r.recovered_fen),
    note: r.note,
    recordedBy: r.created_by_name,
  };
}

export async function listIntegrity(
  deps: IntegrityDeps,
  ctx: RequestContext,
  q: { householdId?: string | undefined; caseId?: string | undefined },
) {
  requirePermission(ctx.actor, 'integrity.read');
  const rows = await repo.listRecords(deps.db, ctx.actor.countyCode, { ...q, townCode: town(ctx) });
  return { items: rows.map(view) };
}

async function lockedRecord(trx: Transaction<DB>, ctx: RequestContext, id: number) {
  const r = await repo.lockRecord(trx, ctx.actor.countyCode, id);
  if (!r) throw errors.notFound('诚信记录', 'integrity record', 'integrity.not_found');
  return r;
}

/** S3 Art.68: the fine is decided once, between 1× and 3× the amount obtained. */
export async function decideFine(
  deps: IntegrityDeps,
  ctx: RequestContext,
  id: number,
  input: { fineFen: number; note: string },
) {
  requirePermission(ctx.actor, 'integrity.manage');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await lockedRecord(trx, ctx, id);
    if (r.kind !== 'FRAUD')
      throw errors.conflict(
        'integrity.no_fine',
        '批评教育记录不处罚款',
        'a criticism record carries no fine',
      );
    if (r.fine_fen !== null)
      throw errors.conflict('integrity.fine_decided', '罚款已决定', 'the fine is already decided');
    if (input.fineFen < r.fine_min_fen || input.fineFen > r.fine_max_fen)
      throw fieldError(
        'fineFen',
        `罚款须在骗取金额的 1–3 倍之间（${yuan(r.fine_min_fen)}–${yuan(r.fine_max_fen)} 元，S3 第六十八条）`,
        `S3 Art.68: the fine is 1–3 × the amount obtained (${yuan(r.fine_min_fen)}–${yuan(r.fine_max_fen)} yuan)`,
      );
    await repo.setFine(trx, ctx.actor.countyCode, id, input.fineFen);
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'integrity.fine_decided',
        recordType: 'integrity_record',
        recordId: String(id),
        detail: { fineFen: input.fineFen, note: input.note },
      },
    ]);
    return view((await repo.listRecords(trx, ctx.actor.countyCode, { id }))[0]!);
  });
}

/** A repayment, or a deduction payroll made: never more than is still owed. */
export async function recordRecovery(
  deps: IntegrityDeps,
  ctx: RequestContext,
  id: number,
  input: { amountFen: number; method: 'REPAYMENT' | 'PAYROLL_DEDUCTION'; note: string },
) {
  requirePermission(ctx.actor, 'integrity.manage');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const r = await lockedRecord(trx, ctx, id);
    const owed =
      r.obtained_fen + (r.fine_fen ?? 0) - (await repo.recoveredFen(trx, ctx.actor.countyCode, id));
    if (input.amountFen > owed)
      throw fieldError(
        'amountFen',
        `尚欠 ${yuan(owed)} 元，不能超额追缴`,
        `only ${yuan(owed)} yuan is still owed`,
      );
    await repo.insertPayment(trx, {
      county_code: ctx.actor.countyCode,
      record_id: id,
      on_date: shanghaiDateOf(at),
      amount_fen: input.amountFen,
      method: input.method,
      note: input.note,
      created_by: auditActor(ctx).actorId,
      created_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'integrity.recovered',
        recordType: 'integrity_record',
        recordId: String(id),
        detail: { amountFen: input.amountFen, method: input.method },
      },
    ]);
    return view((await repo.listRecords(trx, ctx.actor.countyCode, { id }))[0]!);
  });
}

export async function proposeCorrection(
  deps: IntegrityDeps,
  ctx: RequestContext,
  caseId: string,
  input: { eventSeq: number; cause: 'OBJECTIVE' | 'SUBJECTIVE'; description: string; remedy: string },
) {
  requirePermission(ctx.actor, 'cases.write');
  if (ctx.actor.role === 'village_assistant') throw errors.forbidden('提出纠错', 'propose corrections');
  const row = await getCase(deps.db, ctx.actor.countyCode, caseId);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code))
    throw errors.notFound('案件', 'case', 'cases.not_found');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ev = await trx
      .selectFrom('case_event')
      .select(['type'])
      .where('county_code', '=', row.county_code)
      .where('case_id', '=', caseId)
      .where('seq', '=', input.eventSeq)
      .executeTakeFirst();
    if (!ev || !DECISIONS.has(ev.type))
      throw fieldError(
        'eventSeq',
        '只能对已作出的决定提出纠错',
        'only a recorded decision can be corrected',
        'the seq of a decision event',
      );
    const c = await repo.insertCorrection(trx, {
      county_code: row.county_code,
      case_id: caseId,
      event_seq: input.eventSeq,
      cause: input.cause,
      description: input.description,
      remedy: input.remedy,
      proposed_by: auditActor(ctx).actorId,
      proposed_by_name: ctx.actor.displayName,
      proposed_at: at,
    });
    await appendAudit(trx, at, [
      {
        countyCode: row.county_code,
        ...auditActor(ctx),
        action: 'integrity.correction_proposed',
        recordType: 'decision_correction',
        recordId: String(c.id),
        detail: { caseNo: row.case_no, eventSeq: input.eventSeq, cause: input.cause },
      },
    ]);
    return { id: c.id };
  });
}

/** Four eyes: the official who proposed a correction cannot approve it. */
export async function decideCorrection(
  deps: IntegrityDeps,
  ctx: RequestContext,
  id: number,
  approve: boolean,
  note: string,
) {
  requirePermission(ctx.actor, 'integrity.manage');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const c = await repo.lockCorrection(trx, ctx.actor.countyCode, id);
    if (!c) throw errors.notFound('纠错申请', 'correction', 'integrity.not_found');
    if (c.status !== 'PROPOSED')
      throw errors.conflict(
        'integrity.correction_decided',
        '该纠错已审批',
        'the correction is already decided',
      );
    if (c.proposed_by !== null && c.proposed_by === auditActor(ctx).actorId)
      throw errors.conflict(
        'integrity.own_correction',
        '不能审批本人提出的纠错',
        'you cannot decide your own correction',
      );
    await trx
      .updateTable('decision_correction')
      .set({
        status: approve ? 'APPROVED' : 'REJECTED',
        decided_by: auditActor(ctx).actorId,
        decided_by_name: ctx.actor.displayName,
        decided_at: at,
        decision_note: note,
      })
      .where('county_code', '=', ctx.actor.countyCode)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: approve ? 'integrity.correction_approved' : 'integrity.correction_rejected',
        recordType: 'decision_correction',
        recordId: String(id),
        detail: { note },
      },
    ]);
    return { id, status: approve ? 'APPROVED' : 'REJECTED' };
  });
}

/** The corrections report (S1 Art.39; S4 保障措施(四)): by cause and outcome, with the list. */
export async function correctionsReport(
  deps: IntegrityDeps,
  ctx: RequestContext,
  range: { from: string; to: string },
) {
  requirePermission(ctx.actor, 'integrity.read');
  const rows = (await repo.listCorrections(deps.db, ctx.actor.countyCode, range.from, range.to)).filter(
    (r) => ctx.actor.jurisdictionCode.length === 6 || r.town_code === ctx.actor.jurisdictionCode.slice(0, 9),
  );
  const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
  return {
    from: range.from,
    to: range.to,
    totals: {
      objective: count((r) => r.cause === 'OBJECTIVE'),
      subjective: count((r) => r.cause === 'SUBJECTIVE'),
      approved: count((r) => r.status === 'APPROVED'),
      rejected: count((r) => r.status === 'REJECTED'),
      pending: count((r) => r.status === 'PROPOSED'),
    },
    items: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      eventSeq: r.event_seq,
      eventType: r.event_type,
      eventOn: r.event_on,
      cause: r.cause,
      description: r.description,
      remedy: r.remedy,
      status: r.status,
      proposedBy: r.proposed_by_name,
      proposedAt: r.proposed_at.toISOString(),
      decidedBy: r.decided_by_name,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decisionNote: r.decision_note,
    })),
  };
}
