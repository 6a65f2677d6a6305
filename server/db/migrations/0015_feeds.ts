import { type Kysely, sql } from 'kysely';

// Department data feeds (数据共享, domain-rules §8.2; the catalogue is contracts/feeds.ts):
// - feed_batch: one delivery (a file uploaded in the console, or one push-API call), all-or-nothing.
// - feed_record: the delivered records. The person is the blind index of the ID number only
//   (architecture convention 14): no feed table holds a plaintext ID number. record_key is a hash
//   of the source, the person and the record's data, so a department delivering the same record
//   again adds nothing (and a comparison re-run finds the same evidence).
// - api_key: a department's key for the push API: scoped to feed sources, revocable, stored as a
//   SHA-256 of a 256-bit random secret (a slow hash adds nothing for a random secret of that size).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table api_key (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      department text not null,
      label text not null,
      scopes text[] not null check (cardinality(scopes) > 0),
      key_prefix text not null unique,
      key_hash bytea not null,
      created_by uuid,
      created_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by uuid,
      last_used_at timestamptz,
      primary key (county_code, id)
    );

    create table feed_batch (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      source text not null,
      channel text not null check (channel in ('FILE', 'API')),
      api_key_id uuid,
      filename text,
      record_count integer not null,
      new_count integer not null,
      delivered_by uuid,
      delivered_by_name text not null,
      delivered_at timestamptz not null,
      primary key (county_code, id),
      foreign key (county_code, api_key_id) references api_key (county_code, id)
    );
    create index feed_batch_source on feed_batch (county_code, source, delivered_at desc);

    create table feed_record (
      county_code char(6) not null,
      source text not null,
      record_key bytea not null,
      person_bidx bytea not null,
      occurred_on date not null,
      data jsonb not null,
      batch_id uuid not null,
      row_no integer not null,
      primary key (county_code, source, record_key),
      foreign key (county_code, batch_id) references feed_batch (county_code, id)
    );
    create index feed_record_person on feed_record (county_code, person_bidx);
    create index feed_record_batch on feed_record (county_code, batch_id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table feed_record; drop table feed_batch; drop table api_key;`.execute(db);
}
