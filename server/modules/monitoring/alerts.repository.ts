import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AlertTable } from '../../db/schema-monitoring.ts';

// All Kysely of alert handling (§7.4): the worklist, one alert with its timeline, the locked update
// of a step and the daily escalation of overdue alerts.

type Db = Kysely<DB> | Transaction<DB>;
export type AlertRow = Selectable<AlertTable>;
export type Scope = { county: string; column: 'county_code' | 'town_code' | 'village_code'; value: string };

export type ListFilter = {
  type?: string | undefined;
  category?: string | undefined;
  state?: string | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  today: string;
  offset: number;
  limit: number;
};

export async function listAlerts(db: Db, s: Scope, f: ListFilter) {
  const base = db
    .selectFrom('alert as a')
    .leftJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'a.county_code').onRef('p.id', '=', 'a.person_id'),
    )
    .where('a.county_code', '=', s.county)
    .where(`a.${s.column}`, '=', s.value)
    .$if(f.type !== undefined, (q) => q.where('a.alert_type', '=', f.type as string))
    .$if(f.category !== undefined, (q) => q.where('a.category', '=', f.category as string))
    .$if(f.state !== undefined, (q) => q.where('a.state', '=', f.state as string))
    .$if(f.open === true, (q) => q.where('a.state', '<>', 'CLOSED'))
    .$if(f.open === false, (q) => q.where('a.state', '=', 'CLOSED'))
    .$if(f.overdue === true, (q) => q.where('a.verified_on', 'is', null).where('a.due_on', '<', f.today));
  const [rows, total] = await Promise.all([
    base
      .selectAll('a')
      .select(['p.name_mask', 'p.id_number_mask'])
      .orderBy(sql`a.state = 'CLOSED'`)
      .orderBy('a.due_on')
      .orderBy('a.id')
      .offset(f.offset)
      .limit(f.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const getAlert = (db: Db, county: string, id: string) =>
  db
    .selectFrom('alert as a')
    .leftJoin('person as p', (j) =>
      j.onRef('p.county_code', '=', 'a.county_code').onRef('p.id', '=', 'a.person_id'),
    )
    .innerJoin('alert_rule as r', (j) =>
      j.onRef('r.county_code', '=', 'a.county_code').onRef('r.code', '=', 'a.rule_code'),
    )
    .selectAll('a')
    .select(['p.name_mask', 'p.id_number_mask', 'r.legal_basis'])
    .where('a.county_code', '=', county)
    .where('a.id', '=', id)
    .executeTakeFirst();

export const lockAlert = (trx: Transaction<DB>, county: string, id: string) =>
  trx
    .selectFrom('alert')
    .selectAll()
    .where('county_code', '=', county)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const listEvents = (db: Db, county: string, id: string) =>
  db
    .selectFrom('alert_event')
    .selectAll()
    .where('county_code', '=', county)
    .where('alert_id', '=', id)
    .orderBy('seq')
    .execute();

export type AlertPatch = Partial<{
  state: string;
  assignee_level: AlertRow['assignee_level'];
  assignee_code: string;
  verified_on: string;
  verification: string;
  disposition: string;
  disposition_detail: string;
  disposed_on: string;
  linked_case_id: string | null;
  closed_on: string;
  feedback: string;
  escalated_on: string;
}>;

/** Writes a step: the new columns and the next timeline entry, in the caller's transaction. */
export async function writeStep(
  trx: Transaction<DB>,
  row: AlertRow,
  patch: AlertPatch,
  event: {
    type: string;
    on: string;
    stateAfter: string;
    actorId: string | null;
    actorName: string;
    actorRole: string;
    note: string | null;
    payload: Record<string, unknown>;
  },
  at: Date,
) {
  await trx
    .updateTable('alert')
    .set({ ...patch, version: row.version + 1, updated_at: at })
    .where('county_code', '=', row.county_code)
    .where('id', '=', row.id)
    .execute();
  const last = await trx
    .selectFrom('alert_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('county_code', '=', row.county_code)
    .where('alert_id', '=', row.id)
    .executeTakeFirst();
  await trx
    .insertInto('alert_event')
    .values({
      county_code: row.county_code,
      alert_id: row.id,
      seq: Number(last?.seq ?? 0) + 1,
      type: event.type,
      on_date: event.on,
      state_before: row.state,
      state_after: event.stateAfter,
      actor_id: event.actorId,
      actor_name: event.actorName,
      actor_role: event.actorRole,
      note: event.note,
      payload: JSON.stringify(event.payload),
      recorded_at: at,
    })
    .execute();
}

/**
 * §7.4 督促: every alert still unverified after its due date moves one level up (village → town,
 * town → district), once; set-based and idempotent (escalated_on is set), with its timeline entry.
 * Mirrors transition(…, ESCALATE) of alerts.models.ts.
 */
export async function escalateOverdue(db: Db, county: string, today: string, at: Date): Promise<number> {
  const r = await sql<{ n: number }>`
    with up as (
      update alert a set escalated_on = ${today}::date, version = a.version + 1, updated_at = ${at},
        assignee_level = case a.assignee_level when 'VILLAGE' then 'TOWN' else 'DISTRICT' end,
        assignee_code = case a.assignee_level when 'VILLAGE' then coalesce(a.town_code, a.county_code) else a.county_code end
      where a.county_code = ${county} and a.state = 'ASSIGNED' and a.verified_on is null and a.due_on < ${today}::date
        and a.escalated_on is null and a.assignee_level in ('VILLAGE', 'TOWN')
      returning a.id, a.assignee_level, a.assignee_code, a.due_on
    ), ev as (
      insert into alert_event (county_code, alert_id, seq, type, on_date, state_before, state_after, actor_id,
        actor_name, actor_role, note, payload, recorded_at)
      select ${county}, u.id, (select coalesce(max(e.seq), 0) + 1 from alert_event e
          where e.county_code = ${county} and e.alert_id = u.id), 'ESCALATE', ${today}::date, 'ASSIGNED', 'ASSIGNED',
        null, '系统督促', 'system', null,
        jsonb_build_object('level', u.assignee_level, 'code', u.assignee_code, 'dueOn', u.due_on), ${at}
      from up u
    )
    select count(*)::int as n from up`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** A case for a disposition link, with the day it was opened (Asia/Shanghai). */
export const findCase = (db: Db, county: string, id: string) =>
  db
    .selectFrom('assistance_case')
    .select(['id', 'household_id', 'subject_person_id', 'stage', 'scheme', 'village_code', 'created_at'])
    .where('county_code', '=', county)
    .where('id', '=', id)
    .executeTakeFirst();

export const activeCaseOfHousehold = (db: Db, county: string, householdId: string) =>
  db
    .selectFrom('assistance_case')
    .select('id')
    .where('county_code', '=', county)
    .where('household_id', '=', householdId)
    .where('stage', '=', 'ACTIVE')
    .orderBy('created_at')
    .executeTakeFirst();
