import type { z } from 'zod';
import {
  type HouseholdDetail,
  type HouseholdListItem,
  householdInput,
  type householdSearch,
  type revealRequest,
} from '../../../contracts/registry.ts';
import type { Database } from '../../db/database.ts';
import { type AuditLog, appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import { urbanRuralOf } from '../../rules/divisions.ts';
import { checkIdNumber } from '../../rules/id-number.ts';
import { registryErrors } from './registry.errors.ts';
import { toMemberView } from './registry.mapping.ts';
import { validateMembers } from './registry.models.ts';
import * as repo from './registry.repository.ts';
import { findMembershipConflicts, type Village, writeHouseholds } from './registry.writer.ts';
import * as read from './registry-read.repository.ts';

export type RegistryDeps = { db: Database; clock: Clock; cipher: PersonalDataCipher; audit: AuditLog };

/** The village a household is registered in, checked against the caller's jurisdiction. */
export async function resolveVillage(
  deps: Pick<RegistryDeps, 'db'>,
  ctx: RequestContext,
  code: string,
  field = 'villageCode',
): Promise<Village> {
  const v = await repo.getDivision(deps.db, code);
  if (v?.level !== 'village' || v.valid_to !== null) {
    throw errors.validation([
      {
        field,
        message: `村（居）代码 ${code} 不存在或已撤销`,
        messageEn: `village ${code} does not exist or was abolished`,
        expected: 'a current 12-digit village code',
      },
    ]);
  }
  if (!withinJurisdiction(ctx.actor, code) || v.county_code !== ctx.actor.countyCode) {
    throw errors.validation([
      {
        field,
        message: `村（居）${v.name} 不在您的管辖范围内`,
        messageEn: `village ${code} is outside your jurisdiction`,
        expected: `a village under ${ctx.actor.jurisdictionCode}`,
      },
    ]);
  }
  return {
    code: v.code,
    townCode: v.parent_code!.slice(0, 9),
    countyCode: v.county_code,
    urbanRural: v.urban_rural_code ? urbanRuralOf(v.urban_rural_code) : 'rural',
  };
}

export async function createHousehold(deps: RegistryDeps, ctx: RequestContext, raw: unknown) {
  requirePermission(ctx.actor, 'registry.write');
  const parsed = householdInput.safeParse(raw);
  if (!parsed.success) {
    throw errors.validation(toFieldIssues(parsed.error.issues));
  }
  const input = parsed.data;
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  const issues: FieldIssue[] = [];
  const village = await resolveVillage(deps, ctx, input.villageCode).catch((e) => {
    issues.push(...((e.details as FieldIssue[]) ?? []));
    return null;
  });
  const members = validateMembers(input.members, today);
  if (!members.ok) issues.push(...members.issues);
  if (issues.length > 0 || !village || !members.ok) throw errors.validation(issues);

  return deps.db.transaction().execute(async (trx) => {
    const { conflicts, existing } = await findMembershipConflicts(
      trx,
      deps.cipher,
      ctx.actor.countyCode,
      members.value.map((m, i) => ({ idNumber: m.idNumber, field: `members.${i}.idNumber` })),
    );
    if (conflicts.length > 0) throw errors.validation(conflicts);
    const [created] = await writeHouseholds(
      trx,
      deps.cipher,
      {
        countyCode: ctx.actor.countyCode,
        actorId: auditActor(ctx).actorId,
        actorName: ctx.actor.displayName,
        at: now,
        today,
        reason: '新建户',
      },
      [
        {
          village,
          address: input.address,
          hukouType: input.hukouType,
          residenceCode: input.residenceCode ?? null,
          urbanRural: input.urbanRural ?? village.urbanRural,
          members: members.value,
        },
      ],
      existing,
    );
    await appendAudit(trx, now, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: 'registry.household_created',
        recordType: 'household',
        recordId: created!.id,
        detail: { householdNo: created!.householdNo, members: members.value.length },
      },
    ]);
    return created!;
  });
}

export async function searchHouseholds(
  deps: RegistryDeps,
  ctx: RequestContext,
  q: z.output<typeof householdSearch>,
): Promise<{ items: HouseholdListItem[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx.actor, 'registry.read');
  const text = q.q?.trim() ?? '';
  const criteria: read.SearchCriteria = {
    countyCode: ctx.actor.countyCode,
    filter: jurisdictionFilter(ctx.actor),
    divisionCode: q.divisionCode,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  };
  if (text) {
    const id = /^[0-9]{14,17}[0-9Xx]$/.test(text) && text.length !== 17 ? checkIdNumber(text) : null;
    if (id?.ok) criteria.idIndex = deps.cipher.blindIndex('id_number', id.value);
    else if (/^\d+$/.test(text)) criteria.householdNoPrefix = text;
    else criteria.nameIndex = deps.cipher.blindIndex('name', text);
  }
  const rows = await read.searchHouseholds(deps.db, criteria);
  return {
    page: q.page,
    pageSize: q.pageSize,
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      householdNo: r.household_no,
      villageCode: r.village_code,
      villageName: r.village_name,
      townName: r.town_name,
      headNameMasked: r.head_name_mask,
      headIdMasked: r.head_id_mask,
      memberCount: Number(r.member_count ?? 0),
      urbanRural: r.urban_rural,
      status: r.status,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

export async function getHouseholdDetail(
  deps: RegistryDeps,
  ctx: RequestContext,
  id: string,
): Promise<HouseholdDetail> {
  requirePermission(ctx.actor, 'registry.read');
  const rows = await read.getHouseholdWithMembers(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    id,
  );
  const h = rows[0];
  if (!h) throw registryErrors.householdNotFound();
  const today = shanghaiDateOf(deps.clock.now());
  const views = rows.map((r) => toMemberView(r, deps.cipher, today));
  // Full names are personal data: showing them is a read that the audit log must hold.
  await deps.audit.record({
    countyCode: ctx.actor.countyCode,
    ...auditActor(ctx),
    action: 'registry.household_viewed',
    recordType: 'household',
    recordId: id,
    detail: { revealed: 'name', persons: views.map((v) => v.personId) },
  });
  return {
    id,
    householdNo: h.household_no,
    countyCode: h.county_code,
    townCode: h.town_code,
    townName: h.town_name,
    villageCode: h.village_code,
    villageName: h.village_name,
    address: h.address,
    hukouType: h.hukou_type,
    residenceCode: h.residence_code,
    urbanRural: h.urban_rural,
    status: h.household_status,
    version: h.household_version,
    createdAt: h.household_created_at.toISOString(),
    updatedAt: h.household_updated_at.toISOString(),
    members: views.filter((v) => v.leftOn === null),
    formerMembers: views.filter((v) => v.leftOn !== null),
  };
}

export async function getHouseholdHistory(deps: RegistryDeps, ctx: RequestContext, id: string) {
  requirePermission(ctx.actor, 'registry.read');
  const h = await read.getHousehold(deps.db, ctx.actor.countyCode, jurisdictionFilter(ctx.actor), id);
  if (!h) throw registryErrors.householdNotFound();
  const rows = await read.getHistory(deps.db, ctx.actor.countyCode, id);
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    actorName: r.actor_name,
    at: r.at.toISOString(),
    reason: r.reason,
    changes: r.changes,
  }));
}

const REVEAL = {
  idNumber: { permission: 'reveal.id_number', column: 'id_number_enc' },
  phone: { permission: 'reveal.phone', column: 'phone_enc' },
  bankAccount: { permission: 'reveal.bank_account', column: 'bank_account_enc' },
} as const;

/** An explicit, role-gated and audited disclosure of one full identifier. */
export async function revealPersonField(
  deps: RegistryDeps,
  ctx: RequestContext,
  personId: string,
  req: z.output<typeof revealRequest>,
): Promise<{ value: string }> {
  const spec = REVEAL[req.field];
  requirePermission(ctx.actor, spec.permission);
  const p = await read.getPersonInJurisdiction(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    personId,
  );
  if (!p) throw registryErrors.personNotFound();
  const blob = p[spec.column];
  if (!blob) throw registryErrors.nothingToReveal();
  const value = deps.cipher.decrypt(blob);
  // The audit entry is committed before the value leaves the server.
  await deps.audit.record({
    countyCode: ctx.actor.countyCode,
    ...auditActor(ctx),
    action: 'registry.reveal',
    recordType: 'person',
    recordId: personId,
    detail: { field: req.field, reason: req.reason, householdId: p.household_id, person: p.name_mask },
  });
  return { value };
}
