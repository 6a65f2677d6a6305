import { type Kysely, sql } from 'kysely';

// The township's temporary-assistance reserve fund (备用金, §6.3, §6.5): first aid for urgent cases is
// paid from it within 24 hours and regularised afterwards; the town reconciles it monthly. A ledger
// of entries (never edited): ALLOCATE adds, DRAW and RETURN (money handed back to the district)
// subtract, RECONCILE records the monthly check with its counts.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reserve_fund_entry (
      county_code char(6) not null,
      id bigint generated always as identity,
      town_code char(9) not null,
      on_date date not null,
      kind text not null check (kind in ('ALLOCATE', 'DRAW', 'RETURN', 'RECONCILE')),
      amount_fen bigint not null check (amount_fen >= 0),
      case_id uuid,
      month date check (month is null or extract(day from month) = 1),
      note text not null default '',
      detail jsonb not null default '{}'::jsonb,
      created_by uuid,
      created_by_name text not null,
      created_at timestamptz not null,
      primary key (county_code, id),
      check ((kind = 'DRAW') = (case_id is not null)),
      check ((kind = 'RECONCILE') = (month is not null))
    );
    create index reserve_fund_town on reserve_fund_entry (county_code, town_code, on_date);
    create unique index reserve_fund_one_reconcile on reserve_fund_entry (county_code, town_code, month)
      where kind = 'RECONCILE';
    create trigger reserve_fund_no_update before update or delete on reserve_fund_entry
      for each row execute function append_only();
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table reserve_fund_entry;`.execute(db);
}
