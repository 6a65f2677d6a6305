import { type Kysely, sql } from 'kysely';

// Department records (feed_record) are partitioned by source and carry one index instead of three,
// because a province-sized feed spends its load on index upkeep: a million records paid about 10 µs
// each for three random-key B-trees and a foreign-key probe, against 3 µs for the row itself
// (`npm run bench -- compare`).
// - One partition per catalogue source (and a default one for a source added later): a comparison
//   rule reads only its own source, however large the others are.
// - The primary key leads with the person: (county, person_bidx, source, record_key). record_key
//   already hashes the source and the person, so it is unique exactly when the old key was; the same
//   index serves every lookup of a person's records (check reports, matching, category sync), which
//   the separate feed_record_person index did.
// - feed_record_batch is dropped: no query reads records by batch (a check report joins the batch
//   from the record).
// - The foreign key to feed_batch is replaced by making feed_batch append-only: a delivery is the
//   evidence a check report and an alert cite, so it is never deleted, and a record can then never
//   lose its batch. Records are only written with their batch, in one transaction (deliverFeed).

/** The catalogue's sources when this migration was written (contracts/feeds.ts FEED_SOURCES). */
const SOURCES = [
  'HUKOU',
  'DEATH',
  'VEHICLE',
  'REAL_ESTATE',
  'SOCIAL_INSURANCE',
  'EMPLOYMENT',
  'PROVIDENT_FUND',
  'BUSINESS_ROLE',
  'TAX',
  'DEPOSITS',
  'SECURITIES',
  'MEDICAL_EXPENSE',
  'SERIOUS_ILLNESS',
  'DISABILITY',
  'EDUCATION',
  'PRISON',
  'PUBLIC_PAYROLL',
  'MARRIAGE',
  'RURAL_REVITALIZATION',
  'UTILITIES',
];

const COLUMNS = sql.raw('county_code, source, record_key, person_bidx, occurred_on, data, batch_id, row_no');

/** The record's columns, the same before and after (0015_feeds). */
const DEFINITIONS = sql.raw(`county_code char(6) not null, source text not null, record_key bytea not null,
  person_bidx bytea not null, occurred_on date not null, data jsonb not null, batch_id uuid not null,
  row_no integer not null`);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table feed_record_by_source (
      ${DEFINITIONS},
      primary key (county_code, person_bidx, source, record_key)
    ) partition by list (source)`.execute(db);
  for (const s of SOURCES)
    await sql`create table ${sql.table(`feed_record_${s.toLowerCase()}`)} partition of feed_record_by_source
      for values in (${sql.lit(s)})`.execute(db);
  await sql`create table feed_record_other partition of feed_record_by_source default`.execute(db);
  await sql`
    insert into feed_record_by_source (${COLUMNS}) select ${COLUMNS} from feed_record;
    drop table feed_record;
    alter table feed_record_by_source rename to feed_record;
    alter index feed_record_by_source_pkey rename to feed_record_pkey;

    create function feed_batch_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'feed_batch is append-only: a delivery is evidence and is never deleted'
        using errcode = 'restrict_violation';
    end $$;
    create trigger feed_batch_no_delete before delete or truncate on feed_batch
      for each statement execute function feed_batch_append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop trigger feed_batch_no_delete on feed_batch;
    drop function feed_batch_append_only();
    alter table feed_record rename to feed_record_by_source;
    create table feed_record (
      ${DEFINITIONS},
      primary key (county_code, source, record_key),
      foreign key (county_code, batch_id) references feed_batch (county_code, id)
    );
    insert into feed_record (${COLUMNS}) select ${COLUMNS} from feed_record_by_source;
    drop table feed_record_by_source;
    create index feed_record_person on feed_record (county_code, person_bidx);
    create index feed_record_batch on feed_record (county_code, batch_id);
  `.execute(db);
}
