import { type Kysely, sql } from 'kysely';

// The built-in rule DISABILITY_SEVERE (§7.4 新发一、二级残疾人证) was seeded with its English name as
// its Chinese one, so the zh-CN console showed English. New counties get the Chinese name from the
// rule catalogue; this corrects the rows already seeded, unless a county renamed the rule itself.

const EN = 'New grade 1–2 disability certificate';
const ZH = '新发一、二级残疾人证';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and never import app types.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update alert_rule set name_zh = ${ZH}
    where code = 'DISABILITY_SEVERE' and built_in and name_zh = ${EN}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update alert_rule set name_zh = ${EN}
    where code = 'DISABILITY_SEVERE' and built_in and name_zh = ${ZH}`.execute(db);
}
