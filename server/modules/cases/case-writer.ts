import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import * as repo from './cases.repository.ts';

// The two writes every case makes: opening it (row + first timeline entry + audit) and recording a
// transition (snapshot + timeline entry + audit). Both run inside the caller's transaction.

type Trx = Transaction<DB>;

export type OpenCase = Omit<repo.NewCase, 'county_code' | 'id' | 'case_no' | 'created_by' | 'created_at'>;
export type TimelineEntry = {
  type: string;
  on: string;
  opinion?: string | null;
  payload?: Record<string, unknown>;
  attachments?: unknown[];
};

export async function openCase(
  trx: Trx,
  ctx: RequestContext,
  at: Date,
  c: OpenCase,
  first: TimelineEntry,
): Promise<{ id: string; caseNo: string }> {
  const county = ctx.actor.countyCode;
  const id = crypto.randomUUID();
  const caseNo = await repo.nextCaseNo(trx, county, c.scheme, Number(first.on.slice(0, 4)));
  await repo.insertCase(trx, {
    ...c,
    county_code: county,
    id,
    case_no: caseNo,
    created_by: auditActor(ctx).actorId,
    created_at: at,
  });
  await repo.insertEvent(trx, entryRow(ctx, county, id, 1, '', c.state, first, at));
  await appendAudit(trx, at, [
    {
      countyCode: county,
      ...auditActor(ctx),
      action: `cases.${first.type.toLowerCase()}`,
      recordType: 'case',
      recordId: id,
      detail: { caseNo, scheme: c.scheme, state: c.state, channel: c.channel },
    },
  ]);
  return { id, caseNo };
}

export async function recordTransition(
  trx: Trx,
  ctx: RequestContext,
  at: Date,
  row: repo.CaseRow,
  update: repo.CaseUpdate & { state: string },
  entry: TimelineEntry,
): Promise<void> {
  await repo.updateCase(trx, row, update, at);
  await repo.insertEvent(
    trx,
    entryRow(ctx, row.county_code, row.id, row.version + 1, row.state, update.state, entry, at),
  );
  await appendAudit(trx, at, [
    {
      countyCode: row.county_code,
      ...auditActor(ctx),
      action: `cases.${entry.type.toLowerCase()}`,
      recordType: 'case',
      recordId: row.id,
      detail: { caseNo: row.case_no, from: row.state, to: update.state },
    },
  ]);
}

function entryRow(
  ctx: RequestContext,
  county: string,
  caseId: string,
  seq: number,
  before: string,
  after: string,
  e: TimelineEntry,
  at: Date,
): repo.NewEvent {
  return {
    county_code: county,
    case_id: caseId,
    seq,
    type: e.type,
    on_date: e.on,
    state_before: before,
    state_after: after,
    actor_id: auditActor(ctx).actorId,
    actor_name: ctx.actor.displayName,
    actor_role: ctx.actor.role,
    opinion: e.opinion ?? null,
    payload: e.payload ?? {},
    attachments: e.attachments ?? [],
    recorded_at: at,
  };
}
