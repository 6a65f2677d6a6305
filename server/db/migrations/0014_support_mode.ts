import { type Kysely, sql } from 'kysely';

// 特困 support mode (供养方式, domain-rules §5.4; S3 Art.19): a person chooses support at home
// (分散供养) or in an institution (集中供养). Centralised support is paid to the institution
// (供养服务机构), so:
// - care_institution: the county's institutions with the account they are paid into. An
//   institution's account is an organisation's, not personal data, so it is stored in clear.
// - assistance_case.support_mode / institution_id: the mode in force (null = not recorded, paid
//   as dispersed, which is how every case before this migration was paid).
// - payroll_line.institution_id: the institution a line was paid to, fixed when the line is
//   computed, so an approved month keeps its payee whatever the case does later.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table care_institution (
      county_code char(6) not null,
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 2 and 100),
      credit_code char(18) not null,
      town_code char(9) not null,
      address text not null default '',
      capacity integer not null check (capacity between 1 and 10000),
      account_name text not null,
      bank_account text not null check (bank_account ~ '^[0-9]{8,30}$'),
      bank_name text not null,
      active boolean not null default true,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (county_code, id),
      unique (county_code, credit_code)
    );

    alter table assistance_case
      add column support_mode text check (support_mode in ('DISPERSED', 'CENTRALISED')),
      add column institution_id uuid,
      add constraint assistance_case_institution
        foreign key (county_code, institution_id) references care_institution (county_code, id),
      add constraint assistance_case_support_mode
        check ((coalesce(support_mode, 'DISPERSED') = 'CENTRALISED') = (institution_id is not null));
    create index assistance_case_institution_idx on assistance_case (county_code, institution_id)
      where institution_id is not null;

    alter table payroll_line
      add column institution_id uuid,
      add constraint payroll_line_institution check ((payee = 'INSTITUTION') = (institution_id is not null));
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table payroll_line drop constraint payroll_line_institution, drop column institution_id;
    drop index assistance_case_institution_idx;
    alter table assistance_case drop constraint assistance_case_support_mode,
      drop constraint assistance_case_institution, drop column institution_id, drop column support_mode;
    drop table care_institution;
  `.execute(db);
}
