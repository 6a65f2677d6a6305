import fs from 'node:fs';
import path from 'node:path';
import type { ImportResult, ImportRowError } from '../../../contracts/imports.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { type AppError, errors } from '../../platform/errors.ts';
import type { JobRunContext } from '../../platform/jobs.ts';
import { requirePermission } from '../../platform/policies.ts';
import { validateMembers, validatePerson } from '../registry/registry.models.ts';
import { resolveVillage } from '../registry/registry.usecases.ts';
import {
  buildHouseholdRows,
  findMembershipConflicts,
  type PreparedHousehold,
  persistHouseholdRows,
  type Village,
} from '../registry/registry.writer.ts';
import { type HeaderMap, type ParsedRow, parseRow, readHeader, zhOf } from './household-rows.ts';
import { formatOf, readRows, type SheetFormat } from './row-reader.ts';

// Household import: every row is validated first (pass 1); only a file without a single bad row is
// written, in one transaction (pass 2). Both passes stream the file, so memory stays flat.

export type ImportDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; dataDir: string };

export const IMPORT_JOB = 'registry.import_households';
const WRITE_CHUNK = 1000;
const CONFLICT_BATCH = 5000;
const RESULT_ERRORS = 1000;

export function importDir(dataDir: string) {
  const dir = path.join(dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function checkImportFile(ctx: RequestContext, filename: string): SheetFormat {
  requirePermission(ctx.actor, 'registry.import');
  const format = formatOf(filename);
  if (!format) {
    throw errors.validation([
      {
        field: 'file',
        message: '只支持 .xlsx 或 .csv 文件',
        messageEn: 'only .xlsx and .csv files are accepted',
        expected: '.xlsx or .csv',
      },
    ]);
  }
  return format;
}

type Group = { rows: ParsedRow[] };

/** Groups consecutive rows by 户编号; a key that comes back after another is an error. */
async function* households(
  file: string,
  format: SheetFormat,
  onHeaderErrors: (e: ImportRowError[]) => void,
  seenKeys: Set<string>,
  rowErrors: (e: ImportRowError) => void,
): AsyncGenerator<Group> {
  let header: HeaderMap | null = null;
  let current: Group | null = null;
  for await (const row of readRows(file, format)) {
    if (!header) {
      const h = readHeader(row);
      if (h.errors.length > 0) return onHeaderErrors(h.errors);
      header = h.map;
      continue;
    }
    const parsed = parseRow(row, header);
    const key = parsed.household.key;
    if (current && current.rows[0]!.household.key === key) {
      current.rows.push(parsed);
      continue;
    }
    if (current) yield current;
    if (key && seenKeys.has(key)) {
      rowErrors({
        line: row.line,
        column: '户编号',
        message: `户编号 ${key} 的成员须连续排列`,
        messageEn: `rows of household ${key} must be consecutive`,
      });
    }
    if (key) seenKeys.add(key);
    current = { rows: [parsed] };
  }
  if (!header)
    onHeaderErrors([
      {
        line: 1,
        column: null,
        message: '文件为空或缺少表头',
        messageEn: 'the file is empty or has no header row',
      },
    ]);
  if (current) yield current;
}

type Checked = { prepared: PreparedHousehold | null; errors: ImportRowError[] };

/** All checks of one household that need no database beyond the village table. */
async function checkGroup(
  deps: ImportDeps,
  ctx: RequestContext,
  g: Group,
  today: string,
  villages: Map<string, Village | ImportRowError[]>,
): Promise<Checked> {
  const errs: ImportRowError[] = g.rows.flatMap((r) => r.errors);
  const first = g.rows[0]!;
  for (const r of g.rows.slice(1)) {
    if (r.household.villageCode !== first.household.villageCode) {
      errs.push({
        line: r.line,
        column: '村居代码',
        message: '同一户的村居代码不一致',
        messageEn: 'members of one household must share the village code',
      });
    }
  }
  const code = first.household.villageCode;
  if (!villages.has(code)) {
    villages.set(
      code,
      await resolveVillage(deps, ctx, code).catch((e: AppError) =>
        ((e.details as { message: string; messageEn: string }[]) ?? []).map((d) => ({
          line: 0,
          column: '村居代码',
          message: d.message,
          messageEn: d.messageEn,
        })),
      ),
    );
  }
  const village = villages.get(code)!;
  if (Array.isArray(village)) errs.push(...village.map((e) => ({ ...e, line: first.line })));
  const persons = g.rows.map((r) => r.person);
  if (persons.every((p) => p !== null)) {
    const v = validateMembers(persons, today, 'members');
    if (!v.ok) {
      for (const i of v.issues) {
        const m = /^members\.(\d+)\.?(.*)$/.exec(i.field);
        const row = m ? g.rows[Number(m[1])]! : first;
        errs.push({
          line: row.line,
          column: m?.[2] ? zhOf(m[2]) : '与户主关系',
          message: i.message,
          messageEn: i.messageEn,
        });
      }
    } else if (!Array.isArray(village) && errs.length === 0) {
      return {
        errors: [],
        prepared: {
          village,
          address: first.household.address,
          hukouType: first.household.hukouType,
          residenceCode: first.household.residenceCode,
          urbanRural: first.household.urbanRural ?? village.urbanRural,
          members: v.value,
        },
      };
    }
  } else {
    // One unreadable row must not hide the problems of the others: check those that parsed.
    for (const r of g.rows) {
      const v = r.person ? validatePerson(r.person, '', today) : null;
      if (!v || v.ok) continue;
      for (const i of v.issues) {
        errs.push({ line: r.line, column: zhOf(i.field), message: i.message, messageEn: i.messageEn });
      }
    }
  }
  return { prepared: null, errors: errs };
}

export async function runHouseholdImport(
  deps: ImportDeps,
  ctx: RequestContext,
  job: Pick<JobRunContext, 'progress' | 'jobId'>,
  file: string,
  format: SheetFormat,
): Promise<ImportResult> {
  const today = shanghaiDateOf(deps.clock.now());
  const errorsFile = path.join(importDir(deps.dataDir), `${job.jobId}.errors.ndjson`);
  const errOut = fs.createWriteStream(errorsFile);
  const kept: ImportRowError[] = [];
  let errorCount = 0;
  const report = (e: ImportRowError) => {
    errorCount++;
    if (kept.length < RESULT_ERRORS) kept.push(e);
    errOut.write(`${JSON.stringify(e)}\n`);
  };
  const villages = new Map<string, Village | ImportRowError[]>();
  const idLines = new Map<string, number>();
  let pendingIds: { idNumber: string; line: number }[] = [];
  let rows = 0;
  let householdCount = 0;

  // Known persons in no household now: reused by the write pass. A person activated elsewhere in
  // the meantime is caught by the one-active-membership unique index, which rolls the import back.
  const existing = new Map<string, string>();
  const flushConflicts = async () => {
    const { conflicts, existing: known } = await findMembershipConflicts(
      deps.db,
      deps.cipher,
      ctx.actor.countyCode,
      pendingIds.map((p) => ({ idNumber: p.idNumber, field: String(p.line) })),
    );
    for (const c of conflicts)
      report({ line: Number(c.field), column: '证件号码', message: c.message, messageEn: c.messageEn });
    for (const [k, v] of known) existing.set(k, v);
    pendingIds = [];
  };

  // Pass 1: validate everything, write nothing.
  for await (const g of households(file, format, (es) => es.forEach(report), new Set(), report)) {
    householdCount++;
    const checked = await checkGroup(deps, ctx, g, today, villages);
    checked.errors.forEach(report);
    g.rows.forEach((r, i) => {
      const id = checked.prepared?.members[i]?.idNumber;
      if (!id) return;
      const earlier = idLines.get(id);
      if (earlier !== undefined)
        report({
          line: r.line,
          column: '证件号码',
          message: `证件号码与第 ${earlier} 行重复`,
          messageEn: `same ID number as line ${earlier}`,
        });
      else {
        idLines.set(id, r.line);
        pendingIds.push({ idNumber: id, line: r.line });
      }
    });
    rows += g.rows.length;
    if (pendingIds.length >= CONFLICT_BATCH) await flushConflicts();
    if (householdCount % 500 === 0)
      await job.progress({ done: rows, total: 0, message: `校验中：已检查 ${rows} 行` });
  }
  if (pendingIds.length > 0) await flushConflicts();
  await new Promise((r) => errOut.end(r));
  if (errorCount > 0) {
    kept.sort((a, b) => a.line - b.line);
    return { ok: false, errorCount, errors: kept, truncated: errorCount > kept.length };
  }
  fs.rmSync(errorsFile, { force: true });
  if (householdCount === 0) {
    return {
      ok: false,
      errorCount: 1,
      truncated: false,
      errors: [
        { line: 1, column: null, message: '文件中没有数据行', messageEn: 'the file has no data rows' },
      ],
    };
  }

  // Pass 2: one transaction for the whole file. Each chunk's rows are built (sealing is CPU work)
  // while the database is still writing the previous chunk.
  const now = deps.clock.now();
  const w = {
    countyCode: ctx.actor.countyCode,
    actorId: auditActor(ctx).actorId,
    actorName: ctx.actor.displayName,
    at: now,
    today,
    reason: `批量导入（任务 ${job.jobId}）`,
  };
  let written = 0;
  try {
    await deps.db.transaction().execute(async (trx) => {
      let chunk: PreparedHousehold[] = [];
      let inflight: Promise<unknown> = Promise.resolve();
      const flush = async () => {
        const built = buildHouseholdRows(deps.cipher, w, chunk, existing);
        const persons = built.persons.length + built.reused.length;
        chunk = [];
        await inflight;
        inflight = persistHouseholdRows(trx, built).then(() => {
          written += persons;
          void job.progress({ done: written, total: rows, message: `写入中：${written} / ${rows} 人` });
        });
        // Handled here so a failing chunk is not an unhandled rejection while the next is built;
        // the next `await inflight` (or the one after the loop) still rethrows it.
        inflight.catch(() => {});
      };
      for await (const g of households(
        file,
        format,
        () => {},
        new Set(),
        () => {},
      )) {
        const checked = await checkGroup(deps, ctx, g, today, villages);
        if (!checked.prepared) throw new Error(`row ${g.rows[0]!.line} failed its second check`);
        chunk.push(checked.prepared);
        if (chunk.length >= WRITE_CHUNK) await flush();
      }
      if (chunk.length > 0) await flush();
      await inflight;
      await appendAudit(trx, now, [
        {
          countyCode: ctx.actor.countyCode,
          ...auditActor(ctx),
          action: 'registry.imported',
          recordType: 'job',
          recordId: job.jobId,
          detail: { households: householdCount, persons: rows },
        },
      ]);
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw errors.conflict(
        'imports.changed_meanwhile',
        '导入期间登记信息已变化（有人员被同时登记），请重新导入',
        'the registry changed during the import (a person was registered meanwhile); run it again',
      );
    }
    throw e;
  }
  return { ok: true, households: householdCount, persons: rows };
}
