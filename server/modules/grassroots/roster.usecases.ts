import {
  type ComplaintInput,
  type ComplaintView,
  complaintInput,
  endPostInput,
  type PostInput,
  type PostView,
  postInput,
} from '../../../contracts/grassroots.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { addDays } from '../../rules/calendar.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { postNotFound, postOccupied } from './grassroots.errors.ts';
import * as repo from './grassroots.repository.ts';

// The roster of village assistants (社会救助协理员, one in every village: domain-rules §2.3, §9.6).
// A post is a holder of one village's post from a day to a day; the open post (no end) is the current
// holder. Appointing while a post is open is refused unless it is a handover, which ends the old post
// the day before — the old row stays as history, and the database's partial unique index on the open
// post is the last word if two appointments race.

export type Deps = { db: Database; clock: Clock };

export const postView = (r: repo.PostRow): PostView => ({
  id: r.id,
  townCode: r.town_code,
  villageCode: r.village_code,
  villageName: r.village_name ?? r.village_code,
  userId: r.user_id,
  username: r.username ?? null,
  holderName: r.holder_name,
  fromOn: r.from_on,
  toOn: r.to_on,
  endReason: r.end_reason,
});

export async function listPosts(deps: Deps, ctx: RequestContext): Promise<PostView[]> {
  requirePermission(ctx.actor, 'assistants.read');
  return (await repo.listPosts(deps.db, repo.scopeOf(ctx.actor))).map(postView);
}

export async function appointPost(deps: Deps, ctx: RequestContext, body: PostInput): Promise<PostView> {
  requirePermission(ctx.actor, 'assistants.manage');
  const input = parseOr400(postInput, body);
  const county = ctx.actor.countyCode;
  const village = await repo.villageOf(deps.db, input.villageCode);
  if (village?.level !== 'village' || !withinJurisdiction(ctx.actor, input.villageCode))
    throw fieldError(
      'villageCode',
      '村（社区）不在您的管辖范围内',
      'the village is not in your jurisdiction',
    );
  if (input.useVillageAccount && !input.userId)
    input.userId = (await repo.villageAccount(deps.db, input.villageCode))?.id ?? null;
  if (input.userId) {
    // The account the assistant signs in with must be that village's assistant account.
    const u = await repo.userById(deps.db, input.userId);
    if (u?.role !== 'village_assistant' || u.jurisdiction_code !== input.villageCode || u.disabled)
      throw fieldError('userId', '请选择该村的协理员账号', "choose the village's assistant account");
  }
  const at = deps.clock.now();
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const open = await repo.lockOpenPost(trx, county, input.villageCode);
      if (open && !input.replaceCurrent) throw postOccupied(open.holder_name, open.from_on);
      if (open) {
        const toOn = addDays(input.fromOn, -1);
        if (toOn < open.from_on)
          throw fieldError(
            'fromOn',
            '交接日期须晚于现任协理员的任职日期',
            "the handover must be after the current holder's start",
          );
        await trx
          .updateTable('assistant_post')
          .set({ to_on: toOn, end_reason: input.endReason || '工作交接', updated_at: at })
          .where('county_code', '=', county)
          .where('id', '=', open.id)
          .execute();
      } else {
        const last = await repo.lastEnd(trx, county, input.villageCode);
        if (last !== null && input.fromOn <= last)
          throw fieldError(
            'fromOn',
            `任职日期须晚于前任离任日期 ${last}`,
            `the start must be after the previous holder left (${last})`,
          );
      }
      const row = await trx
        .insertInto('assistant_post')
        .values({
          county_code: county,
          town_code: input.villageCode.slice(0, 9),
          village_code: input.villageCode,
          user_id: input.userId,
          holder_name: input.holderName,
          from_on: input.fromOn,
          created_by: auditActor(ctx).actorId,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, at, [
        {
          countyCode: county,
          ...auditActor(ctx),
          action: 'assistants.appointed',
          recordType: 'assistant_post',
          recordId: row.id,
          detail: { villageCode: input.villageCode, fromOn: input.fromOn, replaced: open?.id ?? null },
        },
      ]);
      return row.id;
    });
  } catch (e) {
    // Two appointments raced past the check: the open-post index refused the second.
    if ((e as { code?: string }).code === '23505') throw postOccupied('', '');
    throw e;
  }
  const saved = await repo.getPost(deps.db, repo.scopeOf(ctx.actor), id);
  if (!saved) throw postNotFound();
  return postView(saved);
}

/** Ends a post (resignation, dismissal): the village has no holder until the next appointment. */
export async function endPost(deps: Deps, ctx: RequestContext, id: string, body: unknown): Promise<PostView> {
  requirePermission(ctx.actor, 'assistants.manage');
  const input = parseOr400(endPostInput, body);
  const scope = repo.scopeOf(ctx.actor);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const post = await repo.getPost(trx, scope, id);
    if (!post) throw postNotFound();
    if (post.to_on !== null)
      throw errors.conflict('assistants.post_ended', '该任职已结束', 'the post has already ended');
    if (input.toOn < post.from_on)
      throw fieldError('toOn', '离任日期不能早于任职日期', 'the end cannot be before the start');
    await trx
      .updateTable('assistant_post')
      .set({ to_on: input.toOn, end_reason: input.reason, updated_at: at })
      .where('county_code', '=', ctx.actor.countyCode)
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'assistants.post_ended',
        recordType: 'assistant_post',
        recordId: id,
        detail: { toOn: input.toOn, reason: input.reason },
      },
    ]);
  });
  const saved = await repo.getPost(deps.db, scope, id);
  if (!saved) throw postNotFound();
  return postView(saved);
}

/** The complaints recorded against the assistants the caller oversees (§2.3). */
export async function listComplaints(
  deps: Pick<Deps, 'db'>,
  ctx: RequestContext,
  q: { postId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{ items: ComplaintView[] }> {
  requirePermission(ctx.actor, 'assistants.assess');
  const rows = await repo.listComplaints(deps.db, repo.scopeOf(ctx.actor), {
    ...(q.postId ? { postId: q.postId } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      postId: r.post_id,
      townCode: r.town_code,
      villageCode: r.village_code,
      villageName: r.village_name ?? r.village_code,
      holderName: r.holder_name,
      receivedOn: r.received_on,
      channel: r.channel,
      summary: r.summary,
      substantiated: r.substantiated,
      finding: r.finding,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at.toISOString(),
    })),
  };
}

/**
 * A complaint against an assistant, checked by the town (§2.3: real-name complaints are checked one
 * by one). Substantiated complaints received in a month count in that month's complaints metric.
 */
export async function recordComplaint(deps: Deps, ctx: RequestContext, body: ComplaintInput) {
  requirePermission(ctx.actor, 'assistants.assess');
  const input = parseOr400(complaintInput, body);
  const post = await repo.getPost(deps.db, repo.scopeOf(ctx.actor), input.postId);
  if (!post) throw postNotFound();
  if (input.receivedOn > shanghaiDateOf(deps.clock.now()))
    throw fieldError('receivedOn', '日期不能晚于今天', 'the date cannot be in the future');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('assistant_complaint')
      .values({
        county_code: ctx.actor.countyCode,
        post_id: input.postId,
        received_on: input.receivedOn,
        channel: input.channel,
        summary: input.summary,
        substantiated: input.substantiated,
        finding: input.finding,
        recorded_by: auditActor(ctx).actorId,
        recorded_by_name: ctx.actor.displayName,
        recorded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'assistants.complaint_recorded',
        recordType: 'assistant_complaint',
        recordId: row.id,
        detail: { postId: input.postId, substantiated: input.substantiated },
      },
    ]);
    return { id: row.id };
  });
}
