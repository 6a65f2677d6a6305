import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type VisitInput, type VisitView, visitInput } from '../../../contracts/care.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { validateVisit, visitMinutes } from './care.models.ts';
import * as repo from './care.repository.ts';
import { raiseHealthAlert } from './care-alerts.repository.ts';
import { coverageView } from './care-contracts.usecases.ts';
import { type CareScope, careScope, coverageNotFound } from './care-scope.ts';

// Service visits (§9.1 ServiceVisitLog(geo, photo, duration); §5.4): a carer records a visit on a
// phone for a person its provider's contract covers, with the person's signature or a witness, and
// optionally GPS and a photo. A health event raises an alert to the village in the same transaction.

type Deps = { db: Database; clock: Clock };

const thisMonth = (d: Date) => `${shanghaiDateOf(d).slice(0, 7)}-01`;

/** The persons the caller may visit today (a provider) or sees in its division (staff roles). */
export async function listPersonsToday(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const now = deps.clock.now();
  const rows = await repo.coverages(deps.db, scope, { activeOn: shanghaiDateOf(now), month: thisMonth(now) });
  const staff = scope.providerId
    ? await deps.db
        .selectFrom('care_provider_staff')
        .select(['id', 'name'])
        .where('county_code', '=', scope.county)
        .where('provider_id', '=', scope.providerId)
        .where('active', '=', true)
        .orderBy('name')
        .execute()
    : [];
  return { items: rows.map(coverageView), staff, ownStaffId: scope.staffId };
}

const decode = (b64: string) => Buffer.from(b64, 'base64');

export async function recordVisit(deps: Deps, ctx: RequestContext, body: VisitInput): Promise<VisitView> {
  requirePermission(ctx.actor, 'care.visit');
  const scope = await careScope(deps.db, ctx);
  const input = parseOr400(visitInput, body);
  const county = scope.county;
  const now = deps.clock.now();
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const signature = input.confirmation.by === 'PERSON' ? input.confirmation.signature : null;
  const files = [
    ...(signature
      ? [
          {
            field: 'confirmation.signature',
            kind: 'SIGNATURE' as const,
            mime: signature.mime,
            bytes: decode(signature.dataBase64),
          },
        ]
      : []),
    ...(input.photo
      ? [
          {
            field: 'photo',
            kind: 'PHOTO' as const,
            mime: input.photo.mime,
            bytes: decode(input.photo.dataBase64),
          },
        ]
      : []),
  ];
  const issues = validateVisit({
    startedAt,
    endedAt,
    now,
    gps: input.gps,
    files,
    healthEvent: input.healthEvent,
    healthNote: input.healthNote,
  });
  const staffId = scope.staffId ?? input.staffId ?? null;
  if (!staffId) issues.push({ field: 'staffId', message: '请选择护理员', messageEn: 'choose the carer' });
  if (issues.length > 0) throw errors.validation(issues);
  const visitOn = shanghaiDateOf(startedAt);
  const id = await deps.db.transaction().execute(async (trx) => {
    // Another provider's person, or no such coverage: not found (jurisdiction, convention 7).
    const x = await trx
      .selectFrom('care_contract_person as x')
      .innerJoin('care_contract as k', (j) =>
        j.onRef('k.county_code', '=', 'x.county_code').onRef('k.id', '=', 'x.contract_id'),
      )
      .select([
        'x.id',
        'x.contract_id',
        'x.person_id',
        'x.case_id',
        'x.town_code',
        'x.village_code',
        'x.from_on',
        'x.to_on',
      ])
      .select(['k.provider_id', 'k.status'])
      .where('x.county_code', '=', county)
      .where('x.id', '=', input.coverageId)
      .where('k.provider_id', '=', scope.providerId as string)
      .executeTakeFirst();
    if (!x) throw coverageNotFound();
    if (k_inactive(x.status) || visitOn < x.from_on || visitOn > x.to_on)
      throw new AppError(
        'care.not_covered',
        409,
        `${visitOn} 不在该人员的服务期限（${x.from_on} 至 ${x.to_on}）内`,
        `${visitOn} is outside the person's coverage (${x.from_on} to ${x.to_on})`,
      );
    const staff = await trx
      .selectFrom('care_provider_staff')
      .select(['id', 'active'])
      .where('county_code', '=', county)
      .where('provider_id', '=', x.provider_id)
      .where('id', '=', staffId as string)
      .executeTakeFirst();
    if (!staff?.active)
      throw errors.validation([
        {
          field: 'staffId',
          message: '护理员不属于本机构或已停用',
          messageEn: 'not an active carer of this provider',
        },
      ]);
    const v = await trx
      .insertInto('care_visit')
      .values({
        county_code: county,
        coverage_id: x.id,
        contract_id: x.contract_id,
        provider_id: x.provider_id,
        staff_id: staff.id,
        person_id: x.person_id,
        case_id: x.case_id,
        town_code: x.town_code,
        village_code: x.village_code,
        visit_on: visitOn,
        started_at: startedAt,
        ended_at: endedAt,
        minutes: visitMinutes(startedAt, endedAt),
        lat: input.gps?.lat ?? null,
        lng: input.gps?.lng ?? null,
        gps_accuracy_m: input.gps?.accuracyM ?? null,
        items: JSON.stringify(input.items),
        confirmed_by: input.confirmation.by,
        witness_name: input.confirmation.by === 'WITNESS' ? input.confirmation.witnessName : null,
        health_event: input.healthEvent,
        health_note: input.healthEvent ? input.healthNote : null,
        note: input.note,
        recorded_by: auditActor(ctx).actorId,
        recorded_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of files)
      await trx
        .insertInto('care_visit_file')
        .values({
          county_code: county,
          visit_id: v.id,
          kind: f.kind,
          mime: f.mime,
          bytes: f.bytes,
          sha256: crypto.createHash('sha256').update(f.bytes).digest('hex'),
        })
        .execute();
    const alerts = input.healthEvent
      ? await raiseHealthAlert(trx, county, v.id, shanghaiDateOf(now), now)
      : 0;
    await appendAudit(trx, now, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'care.visit_recorded',
        recordType: 'care_visit',
        recordId: v.id,
        detail: {
          coverageId: x.id,
          visitOn,
          minutes: visitMinutes(startedAt, endedAt),
          healthEvent: input.healthEvent,
          alerts,
        },
      },
    ]);
    return v.id;
  });
  const [view] = await visitsIn(deps.db, scope, { visitId: id });
  if (!view) throw coverageNotFound();
  return view;
}

const k_inactive = (status: string) => status !== 'ACTIVE';

type VisitRow = {
  id: string;
  coverage_id: string;
  contract_id: string;
  name_mask: string;
  staff_name: string;
  visit_on: string;
  started_at: Date;
  ended_at: Date;
  minutes: number;
  lat: number | null;
  lng: number | null;
  items: string[];
  confirmed_by: 'PERSON' | 'WITNESS';
  witness_name: string | null;
  has_photo: boolean;
  health_event: boolean;
  health_note: string | null;
};

/** Visits in the caller's scope: a provider its own; a town or village its persons'; the county all. */
export async function visitsIn(
  db: Database,
  scope: CareScope,
  f: { visitId?: string; month?: string; coverageId?: string; contractId?: string },
): Promise<VisitView[]> {
  const r = await sql<VisitRow>`
    select v.id, v.coverage_id, v.contract_id, p.name_mask, st.name as staff_name, to_char(v.visit_on, 'YYYY-MM-DD') as visit_on,
      v.started_at, v.ended_at, v.minutes, v.lat::float8 as lat, v.lng::float8 as lng, v.items, v.confirmed_by,
      v.witness_name, exists (select 1 from care_visit_file f where f.county_code = v.county_code
        and f.visit_id = v.id and f.kind = 'PHOTO') as has_photo, v.health_event, v.health_note
    from care_visit v
    join person p on p.county_code = v.county_code and p.id = v.person_id
    join care_provider_staff st on st.county_code = v.county_code and st.id = v.staff_id
    where v.county_code = ${scope.county}
      ${scope.providerId ? sql`and v.provider_id = ${scope.providerId}::uuid` : sql``}
      ${scope.column === 'county_code' ? sql`` : sql`and v.${sql.ref(scope.column)} = ${scope.value}`}
      ${f.visitId ? sql`and v.id = ${f.visitId}::uuid` : sql``}
      ${f.coverageId ? sql`and v.coverage_id = ${f.coverageId}::uuid` : sql``}
      ${f.contractId ? sql`and v.contract_id = ${f.contractId}::uuid` : sql``}
      ${f.month ? sql`and v.visit_on >= ${f.month}::date and v.visit_on < ${f.month}::date + interval '1 month'` : sql``}
    order by v.started_at desc limit 500`.execute(db);
  return r.rows.map((v) => ({
    id: v.id,
    coverageId: v.coverage_id,
    contractId: v.contract_id,
    personName: v.name_mask,
    staffName: v.staff_name,
    visitOn: v.visit_on,
    startedAt: new Date(v.started_at).toISOString(),
    endedAt: new Date(v.ended_at).toISOString(),
    minutes: v.minutes,
    lat: v.lat,
    lng: v.lng,
    items: v.items,
    confirmedBy: v.confirmed_by,
    witnessName: v.witness_name,
    hasPhoto: v.has_photo,
    healthEvent: v.health_event,
    healthNote: v.health_note,
  }));
}

export async function listVisits(
  deps: Deps,
  ctx: RequestContext,
  f: { month?: string | undefined; coverageId?: string | undefined; contractId?: string | undefined },
) {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const clean = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  return visitsIn(deps.db, scope, clean);
}

/** A visit's photo or signature, within the caller's scope. */
export async function visitFile(
  deps: Deps,
  ctx: RequestContext,
  visitId: string,
  kind: 'PHOTO' | 'SIGNATURE',
) {
  requirePermission(ctx.actor, 'care.read');
  const scope = await careScope(deps.db, ctx);
  const [v] = await visitsIn(deps.db, scope, { visitId });
  if (!v) throw errors.notFound('服务记录', 'The visit', 'care.visit_not_found');
  const f = await deps.db
    .selectFrom('care_visit_file')
    .select(['mime', 'bytes'])
    .where('county_code', '=', scope.county)
    .where('visit_id', '=', visitId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!f) throw errors.notFound('附件', 'The file', 'care.file_not_found');
  return f;
}
