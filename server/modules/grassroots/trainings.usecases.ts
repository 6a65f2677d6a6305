import crypto from 'node:crypto';
import {
  type AttendanceInput,
  attendanceInput,
  type TrainingInput,
  type TrainingView,
  trainingInput,
} from '../../../contracts/grassroots.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { sessionNotFound } from './grassroots.errors.ts';
import * as repo from './grassroots.repository.ts';
import type { Deps } from './roster.usecases.ts';

// Trainings of village assistants (§9.6; S5 §五(四) 协理员 capacity building): a town trains its own
// assistants, the district all of them. Who is expected is derived, not stored: the posts in office
// on the training day in the session's town (or the county). Attendance is recorded per post —
// present, or absent with a reason. Materials are small files (≤ 2 MB, like case attachments) or links.

const MAX_BYTES = 2 * 1024 * 1024;

/** Can the caller manage this session? A town its own town's sessions; the district any. */
const manages = (ctx: RequestContext, s: { level: string; town_code: string | null }) =>
  ctx.actor.jurisdictionCode.length === 6 ||
  (s.level === 'TOWN' && s.town_code === ctx.actor.jurisdictionCode);

export async function listTrainings(
  deps: Deps,
  ctx: RequestContext,
  range: { from: string; to: string },
): Promise<TrainingView[]> {
  requirePermission(ctx.actor, 'assistants.read');
  const scope = repo.scopeOf(ctx.actor);
  const county = ctx.actor.countyCode;
  const sessions = await repo.listSessions(deps.db, scope, range.from, range.to);
  const ids = sessions.map((s) => s.id);
  const [materials, attendance, posts] = await Promise.all([
    repo.materialsOf(deps.db, county, ids),
    repo.attendanceOf(deps.db, county, ids),
    repo.listPosts(deps.db, scope),
  ]);
  return sessions.map((s) => {
    const held = (p: repo.PostRow) =>
      p.from_on <= s.held_on &&
      (p.to_on === null || p.to_on >= s.held_on) &&
      (s.level === 'DISTRICT' || p.town_code === s.town_code);
    const marks = new Map(attendance.filter((a) => a.session_id === s.id).map((a) => [a.post_id, a]));
    // Everyone who was expected plus anyone recorded (a post that ended after the roll was taken).
    const rows = posts.filter((p) => held(p) || marks.has(p.id));
    const list = rows.map((p) => ({
      postId: p.id,
      holderName: p.holder_name,
      villageName: p.village_name ?? p.village_code,
      present: marks.get(p.id)?.present ?? null,
      absenceReason: marks.get(p.id)?.absence_reason ?? null,
    }));
    return {
      id: s.id,
      level: s.level,
      townCode: s.town_code,
      title: s.title,
      heldOn: s.held_on,
      place: s.place,
      trainer: s.trainer,
      hours: Number(s.hours),
      content: s.content,
      materials: materials
        .filter((m) => m.session_id === s.id)
        .map((m) => ({ id: m.id, title: m.title, url: m.url, filename: m.filename })),
      expected: rows.length,
      present: list.filter((a) => a.present === true).length,
      absent: list.filter((a) => a.present === false).length,
      attendance: list,
    };
  });
}

export async function createTraining(
  deps: Deps,
  ctx: RequestContext,
  body: TrainingInput,
): Promise<{ id: string }> {
  requirePermission(ctx.actor, 'assistants.manage');
  const input = parseOr400(trainingInput, body);
  const district = ctx.actor.jurisdictionCode.length === 6;
  if (input.level === 'DISTRICT' && !district)
    throw fieldError('level', '区级培训由区民政局组织', 'district trainings are organised by the district');
  const townCode = input.level === 'TOWN' ? (district ? input.townCode : ctx.actor.jurisdictionCode) : null;
  if (input.level === 'TOWN' && (!townCode || !withinJurisdiction(ctx.actor, townCode)))
    throw fieldError('townCode', '请选择本辖区的镇街', 'choose a town in your jurisdiction');
  type File =
    | { title: string; url: string }
    | { title: string; filename: string; mime: string; bytes: Buffer };
  const files = input.materials.map((m, i): File => {
    if ('url' in m) return { title: m.title, url: m.url };
    const bytes = Buffer.from(m.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > MAX_BYTES)
      throw fieldError(
        `materials.${i}.dataBase64`,
        '材料为空或超过 2 MB',
        'the file is empty or larger than 2 MB',
      );
    return { title: m.title, filename: m.filename, mime: m.mime, bytes };
  });
  const at = deps.clock.now();
  const county = ctx.actor.countyCode;
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_session')
      .values({
        county_code: county,
        level: input.level,
        town_code: townCode,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        trainer: input.trainer,
        hours: input.hours,
        content: input.content,
        created_by: auditActor(ctx).actorId,
        created_by_name: ctx.actor.displayName,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of files)
      await trx
        .insertInto('training_material')
        .values({
          county_code: county,
          session_id: row.id,
          title: f.title,
          url: 'url' in f ? f.url : null,
          filename: 'bytes' in f ? f.filename : null,
          mime: 'bytes' in f ? f.mime : null,
          bytes: 'bytes' in f ? f.bytes : null,
          sha256: 'bytes' in f ? crypto.createHash('sha256').update(f.bytes).digest('hex') : null,
          uploaded_by: auditActor(ctx).actorId,
          uploaded_at: at,
        })
        .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'assistants.training_created',
        recordType: 'training_session',
        recordId: row.id,
        detail: { title: input.title, heldOn: input.heldOn, level: input.level, materials: files.length },
      },
    ]);
    return { id: row.id };
  });
}

/** Records (or corrects) the roll: only posts that were expected at this session may be marked. */
export async function recordAttendance(
  deps: Deps,
  ctx: RequestContext,
  sessionId: string,
  body: AttendanceInput,
) {
  requirePermission(ctx.actor, 'assistants.manage');
  const input = parseOr400(attendanceInput, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const session = await repo.getSession(deps.db, county, sessionId);
  if (!session || !manages(ctx, session)) throw sessionNotFound();
  const scope: repo.Scope =
    session.level === 'TOWN'
      ? { county, column: 'town_code', value: session.town_code as string }
      : { county, column: 'county_code', value: county };
  const expected = new Set((await repo.postsOn(deps.db, scope, session.held_on)).map((p) => p.id));
  const bad = input.records.findIndex((r) => !expected.has(r.postId));
  if (bad >= 0)
    throw fieldError(
      `records.${bad}.postId`,
      '该协理员不在本次培训的参训范围内',
      'that assistant was not expected at this session',
    );
  await deps.db.transaction().execute(async (trx) => {
    for (const r of input.records)
      await trx
        .insertInto('training_attendance')
        .values({
          county_code: county,
          session_id: sessionId,
          post_id: r.postId,
          present: r.present,
          absence_reason: r.present ? null : r.absenceReason,
          recorded_by: auditActor(ctx).actorId,
          recorded_at: at,
        })
        .onConflict((oc) =>
          oc.columns(['county_code', 'session_id', 'post_id']).doUpdateSet((eb) => ({
            present: eb.ref('excluded.present'),
            absence_reason: eb.ref('excluded.absence_reason'),
            recorded_by: eb.ref('excluded.recorded_by'),
            recorded_at: eb.ref('excluded.recorded_at'),
          })),
        )
        .execute();
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'assistants.attendance_recorded',
        recordType: 'training_session',
        recordId: sessionId,
        detail: { records: input.records.length, absent: input.records.filter((r) => !r.present).length },
      },
    ]);
  });
  return { recorded: input.records.length };
}

/** A material file, for anyone who may see the session. */
export async function getMaterialFile(deps: Deps, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'assistants.read');
  const county = ctx.actor.countyCode;
  const m = await repo.getMaterial(deps.db, county, id);
  const session = m ? await repo.getSession(deps.db, county, m.session_id) : undefined;
  const visible =
    session &&
    (session.level === 'DISTRICT' ||
      ctx.actor.jurisdictionCode.length === 6 ||
      ctx.actor.jurisdictionCode.slice(0, 9) === session.town_code);
  if (!m?.bytes || !visible)
    throw errors.notFound('培训材料', 'The material', 'assistants.material_not_found');
  return { filename: m.filename ?? 'material', mime: m.mime ?? 'application/octet-stream', bytes: m.bytes };
}
