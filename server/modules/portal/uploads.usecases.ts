import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PortalIdentity } from './identity.usecases.ts';
import { portalErrors } from './portal.errors.ts';
import { cleanFileName, detectMime, UPLOAD_MAX_BYTES, UPLOADS_PER_SESSION } from './portal.models.ts';

// Materials for an online application (码上办): one file per request, JPG / PNG / PDF recognised by
// their first bytes, at most 10 MB. Kept like case attachments (bytes in the database with their
// SHA-256) and bound to the session that uploaded them until an application uses them; they then
// move into case_attachment (kind DOCUMENT) in the application's transaction.

export type UploadDeps = { db: Database; clock: Clock };

export async function storeUpload(
  deps: UploadDeps,
  who: PortalIdentity,
  file: { filename: string; bytes: Buffer },
): Promise<{ attachmentId: string; fileName: string; bytes: number }> {
  if (file.bytes.length === 0) throw portalErrors.uploadMissing();
  if (file.bytes.length > UPLOAD_MAX_BYTES) throw portalErrors.uploadTooLarge();
  const mime = detectMime(file.bytes);
  if (!mime) throw portalErrors.uploadType();
  const fileName = cleanFileName(file.filename, mime);
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('portal_upload')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', who.countyCode)
      .where('session_id', '=', who.sessionId)
      .where('case_id', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(held.n) >= UPLOADS_PER_SESSION) throw portalErrors.tooManyUploads(UPLOADS_PER_SESSION);
    const row = await trx
      .insertInto('portal_upload')
      .values({
        county_code: who.countyCode,
        session_id: who.sessionId,
        filename: fileName,
        mime,
        size_bytes: file.bytes.length,
        sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
        bytes: file.bytes,
        case_id: null,
        attachment_id: null,
        created_at: at,
        used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return { attachmentId: id, fileName, bytes: file.bytes.length };
}

export type AttachedUpload = { id: string; kind: 'DOCUMENT'; filename: string; sha256: string };

/** The session's unused uploads named by the application, locked; any other id is a 400 on its row. */
export async function claimUploads(
  trx: Transaction<DB>,
  who: PortalIdentity,
  ids: readonly string[],
): Promise<(AttachedUpload & { uploadId: string })[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('portal_upload')
    .select(['id', 'filename', 'sha256'])
    .where('county_code', '=', who.countyCode)
    .where('session_id', '=', who.sessionId)
    .where('case_id', 'is', null)
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  return ids.map((id, i) => {
    const r = byId.get(id);
    if (!r || seen.has(id)) throw portalErrors.uploadNotUsable(i);
    seen.add(id);
    return {
      uploadId: id,
      id: crypto.randomUUID(),
      kind: 'DOCUMENT',
      filename: r.filename,
      sha256: r.sha256,
    };
  });
}

/** Moves claimed uploads into the case's attachments (same ids as listed on the timeline). */
export async function attachUploads(
  trx: Transaction<DB>,
  who: PortalIdentity,
  caseId: string,
  claimed: readonly (AttachedUpload & { uploadId: string })[],
  at: Date,
): Promise<void> {
  for (const c of claimed) {
    const u = await trx
      .selectFrom('portal_upload')
      .select(['mime', 'bytes'])
      .where('county_code', '=', who.countyCode)
      .where('id', '=', c.uploadId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_attachment')
      .values({
        county_code: who.countyCode,
        id: c.id,
        case_id: caseId,
        kind: 'DOCUMENT',
        filename: c.filename,
        mime: u.mime,
        bytes: u.bytes!,
        sha256: c.sha256,
        uploaded_by: null,
        uploaded_at: at,
      })
      .execute();
    await trx
      .updateTable('portal_upload')
      .set({ case_id: caseId, attachment_id: c.id, used_at: at, bytes: null })
      .where('county_code', '=', who.countyCode)
      .where('id', '=', c.uploadId)
      .execute();
  }
}
