import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AssistanceCaseTable, CaseEventTable, CaseScheme, DB } from '../../db/schema.ts';
import type { JurisdictionFilter } from '../registry/registry.repository.ts';

// All SQL of cases: the case row (snapshot + worklist columns), its append-only timeline and the
// consents. A transition locks the row, appends one event and rewrites the snapshot in one
// transaction; `version` is the number of events, so the event's seq is the new version.

type Db = Kysely<DB>;
type Trx = Transaction<DB>;

export type CaseRow = Selectable<AssistanceCaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;

export const CASE_PREFIX: Record<CaseScheme, string> = {
  DIBAO: 'DB',
  DIBAO_SINGLE: 'DR',
  TEKUN: 'TK',
  DIBAO_EDGE: 'BY',
  RIGID: 'GX',
  TEMP_URGENT: 'LJ',
  TEMP_EXPENDITURE: 'LZ',
};

/** Reserves the next case number of a scheme and year, e.g. DB-370971-2026-000042. */
export async function nextCaseNo(trx: Trx, countyCode: string, scheme: CaseScheme, year: number) {
  const prefix = CASE_PREFIX[scheme];
  const r = await sql<{ no: number }>`
    insert into case_counter (county_code, prefix, year, next_no) values (${countyCode}, ${prefix}, ${year}, 2)
    on conflict (county_code, prefix, year) do update set next_no = case_counter.next_no + 1
    returning next_no - 1 as no`.execute(trx);
  const no = r.rows[0]!.no;
  return `${prefix}-${countyCode}-${year}-${String(no).padStart(6, '0')}`;
}

export type NewCase = {
  county_code: string;
  id: string;
  case_no: string;
  scheme: CaseScheme;
  stage: CaseRow['stage'];
  state: string;
  household_id: string | null;
  subject_person_id: string | null;
  town_code: string;
  village_code: string;
  area: 'urban' | 'rural';
  channel: CaseRow['channel'];
  model: Record<string, unknown>;
  facts: Record<string, unknown> | null;
  deadline: string | null;
  overall_due: string | null;
  next_review_on: string | null;
  applied_on: string;
  decided_on: string | null;
  created_by: string | null;
  created_at: Date;
};

export async function insertCase(trx: Trx, c: NewCase): Promise<void> {
  await trx
    .insertInto('assistance_case')
    .values({
      ...c,
      legacy: c.channel === 'LEGACY',
      model: JSON.stringify(c.model),
      facts: c.facts === null ? null : JSON.stringify(c.facts),
      updated_at: c.created_at,
    })
    .execute();
}

/** Another open case of the household and scheme (per person for 特困/单人保) than `id`, outside the portal's waiting ones. */
export const otherOpenCase = (
  trx: Trx,
  countyCode: string,
  id: string,
  householdId: string,
  scheme: string,
  subjectPersonId: string | null,
) =>
  trx
    .selectFrom('assistance_case')
    .select(['id', 'case_no'])
    .where('county_code', '=', countyCode)
    .where('household_id', '=', householdId)
    .where('scheme', '=', scheme as never)
    .where('id', '<>', id)
    .where('stage', '<>', 'CLOSED')
    .where((eb) => eb.not(eb.and([eb('channel', '=', 'PORTAL'), eb('state', '=', 'SUBMITTED')])))
    .$if(subjectPersonId !== null, (q) => q.where('subject_person_id', '=', subjectPersonId))
    .executeTakeFirst();

export const lockCase = (trx: Trx, countyCode: string, id: string) =>
  trx
    .selectFrom('assistance_case')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

export const getCase = (db: Db, countyCode: string, id: string) =>
  db
    .selectFrom('assistance_case')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('id', '=', id)
    .executeTakeFirst();

export type CaseUpdate = Partial<
  Pick<
    CaseRow,
    | 'stage'
    | 'state'
    | 'deadline'
    | 'overall_due'
    | 'next_review_on'
    | 'decided_on'
    | 'subject_person_id'
    | 'support_mode'
    | 'institution_id'
  >
> & { model: Record<string, unknown>; facts?: Record<string, unknown> | null };

export async function updateCase(
  trx: Trx,
  row: Pick<CaseRow, 'county_code' | 'id' | 'version'>,
  u: CaseUpdate,
  at: Date,
) {
  const { model, facts, ...cols } = u;
  await trx
    .updateTable('assistance_case')
    .set({
      ...cols,
      model: JSON.stringify(model),
      ...(facts === undefined ? {} : { facts: facts === null ? null : JSON.stringify(facts) }),
      version: row.version + 1,
      updated_at: at,
    })
    .where('county_code', '=', row.county_code)
    .where('id', '=', row.id)
    .execute();
}

export type NewEvent = Omit<CaseEventTable, 'payload' | 'attachments'> & {
  payload: Record<string, unknown>;
  attachments: unknown[];
};

export async function insertEvent(trx: Trx, e: NewEvent): Promise<void> {
  await trx
    .insertInto('case_event')
    .values({ ...e, payload: JSON.stringify(e.payload), attachments: JSON.stringify(e.attachments) })
    .execute();
}

export const listEvents = (db: Db, countyCode: string, caseId: string) =>
  db
    .selectFrom('case_event')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();

export const listConsents = (db: Db, countyCode: string, caseId: string) =>
  db
    .selectFrom('case_consent')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('case_id', '=', caseId)
    .execute();

export async function insertConsent(
  trx: Trx,
  row: {
    county_code: string;
    case_id: string;
    person_id: string;
    kind: 'MEMBER' | 'SUPPORTER';
    signed_on: string;
    document_ref: string;
    recorded_by: string | null;
    recorded_at: Date;
  },
) {
  await trx
    .insertInto('case_consent')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['county_code', 'case_id', 'person_id']).doUpdateSet({
        signed_on: row.signed_on,
        document_ref: row.document_ref,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      }),
    )
    .execute();
}

export type WorklistQuery = {
  where: JurisdictionFilter;
  countyCode: string;
  stage?: CaseRow['stage'] | undefined;
  scheme?: CaseScheme | undefined;
  state?: string | undefined;
  overdueOn?: string | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
};

/** Open cases by deadline (nulls last), then number: the order every worklist shows. */
export async function listCases(db: Db, q: WorklistQuery) {
  let base = db
    .selectFrom('assistance_case as c')
    .leftJoin('household as h', (j) =>
      j.onRef('h.county_code', '=', 'c.county_code').onRef('h.id', '=', 'c.household_id'),
    )
    .where('c.county_code', '=', q.countyCode)
    .where(`c.${q.where.column}`, '=', q.where.value);
  if (q.stage) base = base.where('c.stage', '=', q.stage);
  if (q.scheme) base = base.where('c.scheme', '=', q.scheme);
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.overdueOn) base = base.where('c.deadline', '<', q.overdueOn).where('c.stage', '<>', 'CLOSED');
  if (q.q) base = base.where((eb) => eb.or([eb('c.case_no', '=', q.q!), eb('h.household_no', '=', q.q!)]));
  const [rows, total] = await Promise.all([
    base
      .leftJoin('person as p', (j) =>
        j
          .onRef('p.county_code', '=', 'c.county_code')
          .on((eb) => eb('p.id', '=', eb.fn.coalesce('c.subject_person_id', 'h.head_person_id'))),
      )
      .leftJoin('entitlement as e', (j) =>
        j
          .onRef('e.county_code', '=', 'c.county_code')
          .onRef('e.case_id', '=', 'c.id')
          .on('e.is_current', '=', true),
      )
      .select([
        'c.id',
        'c.case_no',
        'c.scheme',
        'c.stage',
        'c.state',
        'c.household_id',
        'h.household_no',
        'p.name_mask',
        'c.town_code',
        'c.village_code',
        'c.channel',
        'c.deadline',
        'c.overall_due',
        'c.next_review_on',
        'c.applied_on',
        'c.decided_on',
        'c.legacy',
        sql<boolean>`coalesce((c.model->>'closeRelative')::boolean, false)`.as('close_relative'),
        'e.amount_fen',
      ])
      .orderBy(sql`c.deadline asc nulls last`)
      .orderBy('c.case_no')
      .offset(q.offset)
      .limit(q.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>['rows'][number];

/** The people of a case: the household's current members, plus supporters named on a 特困 case. */
export async function casePeople(db: Db, countyCode: string, caseId: string) {
  const r = await sql<{ id: string; name_mask: string; relation_code: string | null }>`
    with c as (select * from assistance_case where county_code = ${countyCode} and id = ${caseId}::uuid),
    ids as (
      select m.person_id as id, m.relation_code from household_member m, c
        where m.county_code = c.county_code and m.household_id = c.household_id and m.left_on is null
      union
      select (p->>'id')::uuid, null from c, jsonb_array_elements(coalesce(c.model->'persons', '[]'::jsonb)) p
        where p->>'kind' = 'SUPPORTER'
    )
    select p.id, p.name_mask, max(ids.relation_code) as relation_code
    from ids join person p on p.county_code = ${countyCode} and p.id = ids.id
    group by p.id, p.name_mask order by max(ids.relation_code) nulls last, p.id`.execute(db);
  return r.rows;
}
