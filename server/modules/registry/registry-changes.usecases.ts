import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  householdUpdate,
  memberAdd,
  memberLeave,
  memberUpdate,
  PersonParsed,
} from '../../../contracts/registry.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission } from '../../platform/policies.ts';
import { isRelationCode } from '../../rules/relations.ts';
import { registryErrors } from './registry.errors.ts';
import { publicPersonFields, sealPerson } from './registry.mapping.ts';
import { HEAD_RELATION, validatePerson } from './registry.models.ts';
import * as repo from './registry.repository.ts';
import type { RegistryDeps } from './registry.usecases.ts';
import { findMembershipConflicts } from './registry.writer.ts';

// Changes to a registered household. Each runs in one transaction that locks the household row,
// checks the version the caller saw (optimistic concurrency), writes the change, a history entry
// with before/after (identifiers masked) and an audit entry.

type Changes = Record<string, { before: unknown; after: unknown }>;

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      out[k] = { before: before[k] ?? null, after: after[k] ?? null };
    }
  }
  return out;
}

async function withLockedHousehold<T>(
  deps: RegistryDeps,
  ctx: RequestContext,
  householdId: string,
  expectedVersion: number,
  fn: (
    trx: Transaction<DB>,
    h: { id: string; version: number; status: string; head_person_id: string | null },
    at: Date,
  ) => Promise<{
    result: T;
    entity: { type: 'household' | 'person' | 'member'; id: string };
    action: string;
    reason: string;
    changes: Changes;
  }>,
): Promise<T> {
  requirePermission(ctx.actor, 'registry.write');
  const f = jurisdictionFilter(ctx.actor);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('household')
      .select(['id', 'version', 'status', 'head_person_id'])
      .where('county_code', '=', ctx.actor.countyCode)
      .where(f.column, '=', f.value)
      .where('id', '=', householdId)
      .forUpdate()
      .executeTakeFirst();
    if (!h) throw registryErrors.householdNotFound();
    if (h.version !== expectedVersion) throw registryErrors.versionConflict(h.version);
    if (h.status === 'closed') throw registryErrors.householdClosed();
    const out = await fn(trx, h, at);
    await trx
      .updateTable('household')
      .set({ version: h.version + 1, updated_at: at })
      .where('county_code', '=', ctx.actor.countyCode)
      .where('id', '=', householdId)
      .execute();
    await repo.insertVersions(trx, [
      {
        county_code: ctx.actor.countyCode,
        household_id: householdId,
        entity_type: out.entity.type,
        entity_id: out.entity.id,
        action: out.action,
        actor_id: auditActor(ctx).actorId,
        actor_name: ctx.actor.displayName,
        at,
        reason: out.reason,
        changes: JSON.stringify(out.changes),
      },
    ]);
    await appendAudit(trx, at, [
      {
        countyCode: ctx.actor.countyCode,
        ...auditActor(ctx),
        action: `registry.${out.action}`,
        recordType: out.entity.type,
        recordId: out.entity.id,
        detail: { householdId, reason: out.reason, changes: out.changes },
      },
    ]);
    return out.result;
  });
}

export function updateHousehold(
  deps: RegistryDeps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof householdUpdate>,
) {
  return withLockedHousehold(deps, ctx, id, input.expectedVersion, async (trx, _h) => {
    const cur = await trx
      .selectFrom('household')
      .select(['address', 'hukou_type', 'urban_rural', 'residence_code'])
      .where('county_code', '=', ctx.actor.countyCode)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const next = {
      address: input.address ?? cur.address,
      hukou_type: input.hukouType ?? cur.hukou_type,
      urban_rural: input.urbanRural ?? cur.urban_rural,
      residence_code: input.residenceCode === undefined ? cur.residence_code : input.residenceCode,
    };
    const changes = diff(
      {
        address: cur.address,
        hukouType: cur.hukou_type,
        urbanRural: cur.urban_rural,
        residenceCode: cur.residence_code,
      },
      {
        address: next.address,
        hukouType: next.hukou_type,
        urbanRural: next.urban_rural,
        residenceCode: next.residence_code,
      },
    );
    if (Object.keys(changes).length === 0)
      throw fieldError('reason', '没有任何修改', 'nothing was changed', 'at least one changed field');
    await trx
      .updateTable('household')
      .set(next)
      .where('county_code', '=', ctx.actor.countyCode)
      .where('id', '=', id)
      .execute();
    return {
      result: { id },
      entity: { type: 'household', id },
      action: 'household_updated',
      reason: input.reason,
      changes,
    };
  });
}

async function loadMember(trx: Transaction<DB>, county: string, householdId: string, memberId: string) {
  const m = await trx
    .selectFrom('household_member as m')
    .innerJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'm.county_code').onRef('p.id', '=', 'm.person_id'),
    )
    .selectAll('p')
    .select(['m.id as member_id', 'm.relation_code', 'm.left_on'])
    .where('m.county_code', '=', county)
    .where('m.household_id', '=', householdId)
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!m || m.left_on !== null) throw registryErrors.memberNotFound();
  return m;
}

export function updateMember(
  deps: RegistryDeps,
  ctx: RequestContext,
  householdId: string,
  memberId: string,
  input: z.output<typeof memberUpdate>,
) {
  return withLockedHousehold(deps, ctx, householdId, input.expectedVersion, async (trx, h, at) => {
    const county = ctx.actor.countyCode;
    const m = await loadMember(trx, county, householdId, memberId);
    const dec = (b: Buffer | null) => (b ? deps.cipher.decrypt(b) : undefined);
    const current: PersonParsed = {
      name: deps.cipher.decrypt(m.name_enc),
      idType: m.id_type,
      idNumber: deps.cipher.decrypt(m.id_number_enc),
      relationCode: m.relation_code,
      sex: m.sex as 1 | 2,
      birthDate: m.birth_date,
      ethnicity: m.ethnicity ?? undefined,
      maritalStatus: m.marital_status ?? undefined,
      phone: dec(m.phone_enc),
      bankAccount: dec(m.bank_account_enc),
      bankName: m.bank_name ?? undefined,
      disabilityCertificate: dec(m.disability_cert_enc),
      selfCareLevel: m.self_care_level ?? undefined,
      educationLevel: (m.education_level ?? undefined) as PersonParsed['educationLevel'],
      inFulltimeEducation: m.in_fulltime_education,
      specialStatus: m.special_status ?? undefined,
      cohabitingLongTerm: m.cohabiting_long_term,
      employmentStatus: m.employment_status ?? undefined,
      monthlyIncomeFen: m.monthly_income_fen,
    };
    const { expectedVersion: _v, reason, ...patch } = input;
    const merged = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    } as PersonParsed;
    if ((merged.relationCode === HEAD_RELATION) !== (m.relation_code === HEAD_RELATION)) {
      throw fieldError(
        'relationCode',
        '变更户主请使用“变更户主”功能',
        'use the change-head action to change the head',
        'the current relation, or a non-head relation for a non-head member',
      );
    }
    const v = validatePerson(merged, '', shanghaiDateOf(at));
    if (!v.ok) throw errors.validation(v.issues);
    if (v.value.idNumber !== current.idNumber) {
      const taken = await repo.findPersonsByIdIndex(trx, county, [
        deps.cipher.blindIndex('id_number', v.value.idNumber),
      ]);
      if (taken.length > 0)
        throw fieldError(
          'idNumber',
          `该证件号码已登记为另一人（${taken[0]!.id_number_mask}）`,
          'another person already has this ID number',
          'an ID number not yet registered',
        );
    }
    const before = sealPerson(deps.cipher, county, m.id, { ...validatePersonUnchecked(current) }, at);
    const after = sealPerson(deps.cipher, county, m.id, v.value, at);
    const changes = diff(
      { ...publicPersonFields(before), relationCode: m.relation_code },
      { ...publicPersonFields(after), relationCode: v.value.relationCode },
    );
    if (Object.keys(changes).length === 0)
      throw fieldError('reason', '没有任何修改', 'nothing was changed', 'at least one changed field');
    await repo.overwritePerson(trx, after);
    await trx
      .updateTable('household_member')
      .set({ relation_code: v.value.relationCode })
      .where('county_code', '=', county)
      .where('id', '=', memberId)
      .execute();
    void h;
    return {
      result: { memberId },
      entity: { type: 'person', id: m.id },
      action: 'member_updated',
      reason,
      changes,
    };
  });
}

/** Current stored values are valid by construction; this only fills the derived fields. */
function validatePersonUnchecked(p: PersonParsed) {
  const r = validatePerson(p, '', '9999-12-31');
  if (!r.ok) throw new Error('stored person no longer validates');
  return r.value;
}

export function addMember(
  deps: RegistryDeps,
  ctx: RequestContext,
  householdId: string,
  input: z.output<typeof memberAdd>,
) {
  return withLockedHousehold(deps, ctx, householdId, input.expectedVersion, async (trx, _h, at) => {
    const county = ctx.actor.countyCode;
    const { expectedVersion: _v, reason, ...person } = input;
    if (person.relationCode === HEAD_RELATION)
      throw fieldError(
        'relationCode',
        '一户只能有一名户主',
        'a household has exactly one head',
        'a non-head relation',
      );
    const v = validatePerson(person, '', shanghaiDateOf(at));
    if (!v.ok) throw errors.validation(v.issues);
    const { conflicts, existing } = await findMembershipConflicts(trx, deps.cipher, county, [
      { idNumber: v.value.idNumber, field: 'idNumber' },
    ]);
    if (conflicts.length > 0) throw errors.validation(conflicts);
    const personId = existing.get(v.value.idNumber) ?? crypto.randomUUID();
    const row = sealPerson(deps.cipher, county, personId, v.value, at);
    if (existing.size > 0) await repo.overwritePerson(trx, row);
    else await repo.insertPersons(trx, [row]);
    const memberId = crypto.randomUUID();
    await repo.insertMembers(trx, [
      {
        county_code: county,
        id: memberId,
        household_id: householdId,
        person_id: personId,
        relation_code: v.value.relationCode,
        joined_on: shanghaiDateOf(at),
      },
    ]);
    return {
      result: { memberId, personId },
      entity: { type: 'member', id: memberId },
      action: 'member_added',
      reason,
      changes: {
        member: { before: null, after: { relationCode: v.value.relationCode, ...publicPersonFields(row) } },
      },
    };
  });
}

export function leaveMember(
  deps: RegistryDeps,
  ctx: RequestContext,
  householdId: string,
  memberId: string,
  input: z.output<typeof memberLeave>,
) {
  return withLockedHousehold(deps, ctx, householdId, input.expectedVersion, async (trx, _h, at) => {
    const county = ctx.actor.countyCode;
    const m = await loadMember(trx, county, householdId, memberId);
    const active = await trx
      .selectFrom('household_member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', county)
      .where('household_id', '=', householdId)
      .where('left_on', 'is', null)
      .executeTakeFirstOrThrow();
    const leftOn = input.leftOn ?? shanghaiDateOf(at);
    if (leftOn > shanghaiDateOf(at))
      throw fieldError(
        'leftOn',
        '迁出日期不能晚于今天',
        'the leaving date cannot be in the future',
        'today or earlier',
      );
    const last = Number(active.n) === 1;
    if (m.relation_code === HEAD_RELATION && !last) throw registryErrors.lastHead();
    await trx
      .updateTable('household_member')
      .set({ left_on: leftOn, left_reason: input.reason })
      .where('county_code', '=', county)
      .where('id', '=', memberId)
      .execute();
    if (last)
      await trx
        .updateTable('household')
        .set({ status: 'closed' })
        .where('county_code', '=', county)
        .where('id', '=', householdId)
        .execute();
    return {
      result: { memberId, householdClosed: last },
      entity: { type: 'member', id: memberId },
      action: 'member_left',
      reason: input.reason,
      changes: {
        leftOn: { before: null, after: leftOn },
        ...(last ? { status: { before: 'active', after: 'closed' } } : {}),
      },
    };
  });
}

export function changeHead(
  deps: RegistryDeps,
  ctx: RequestContext,
  householdId: string,
  input: { expectedVersion: number; reason: string; memberId: string; formerHeadRelationCode: string },
) {
  return withLockedHousehold(deps, ctx, householdId, input.expectedVersion, async (trx, h) => {
    const county = ctx.actor.countyCode;
    const next = await loadMember(trx, county, householdId, input.memberId);
    if (next.relation_code === HEAD_RELATION)
      throw fieldError('memberId', '此人已是户主', 'this member is already the head');
    if (input.formerHeadRelationCode === HEAD_RELATION)
      throw fieldError(
        'formerHeadRelationCode',
        '原户主须改为其他关系',
        'the former head needs a non-head relation',
      );
    if (!isRelationCode(input.formerHeadRelationCode))
      throw fieldError(
        'formerHeadRelationCode',
        '关系代码不存在',
        'unknown relation code',
        'a GB/T 4761 code',
      );
    await trx
      .updateTable('household_member')
      .set({ relation_code: input.formerHeadRelationCode })
      .where('county_code', '=', county)
      .where('household_id', '=', householdId)
      .where('relation_code', '=', HEAD_RELATION)
      .where('left_on', 'is', null)
      .execute();
    await trx
      .updateTable('household_member')
      .set({ relation_code: HEAD_RELATION })
      .where('county_code', '=', county)
      .where('id', '=', input.memberId)
      .execute();
    await trx
      .updateTable('household')
      .set({ head_person_id: next.id })
      .where('county_code', '=', county)
      .where('id', '=', householdId)
      .execute();
    return {
      result: { memberId: input.memberId },
      entity: { type: 'household', id: householdId },
      action: 'head_changed',
      reason: input.reason,
      changes: { headPersonId: { before: h.head_person_id, after: next.id } },
    };
  });
}
