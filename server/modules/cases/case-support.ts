import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AttachmentInput } from '../../../contracts/case-events.ts';
import type { ActorRole } from '../../../contracts/roles.ts';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, errors, fieldError } from '../../platform/errors.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import type { Level, Refusal } from './procedure.models.ts';

// Small pieces the case use cases share: the actor's level, refusals as API errors, the
// case-not-found error, parsing with field errors, and storing attachments.

const LEVEL: Partial<Record<ActorRole, Level>> = {
  village_assistant: 'village',
  town_officer: 'town',
  district_officer: 'county',
  district_admin: 'county',
};

export function levelOf(ctx: RequestContext): Level {
  const level = LEVEL[ctx.actor.role];
  if (!level) throw errors.forbidden('办理救助案件', 'act on cases');
  return level;
}

export const caseNotFound = () => errors.notFound('案件', 'case', 'cases.not_found');

/** A machine's refusal as the API's error: who may act → 403, anything else → 409. */
export function refusalError(r: Refusal & { details?: Record<string, unknown> }): AppError {
  const status = r.code === 'FORBIDDEN_ACTOR' ? 403 : 409;
  return new AppError(`cases.${r.code.toLowerCase()}`, status, r.zh, r.en, r.details);
}

export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw errors.validation(toFieldIssues(r.error.issues, prefix));
  return r.data;
}

export type StoredAttachment = { id: string; kind: string; filename: string; sha256: string };

export async function storeAttachments(
  trx: Transaction<DB>,
  ctx: RequestContext,
  caseId: string,
  list: readonly AttachmentInput[],
  at: Date,
): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [i, a] of list.entries()) {
    const bytes = Buffer.from(a.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.length > 2 * 1024 * 1024)
      throw fieldError(
        `attachments.${i}.dataBase64`,
        '附件为空或超过 2 MB',
        'the attachment is empty or larger than 2 MB',
        'base64 content of 1 byte to 2 MB',
      );
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const row = await trx
      .insertInto('case_attachment')
      .values({
        county_code: ctx.actor.countyCode,
        case_id: caseId,
        kind: a.kind,
        filename: a.filename,
        mime: a.mime,
        bytes,
        sha256,
        uploaded_by: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
        uploaded_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.push({ id: row.id, kind: a.kind, filename: a.filename, sha256 });
  }
  return out;
}
