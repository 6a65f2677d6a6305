import type { TrendView } from '../../../contracts/grassroots.ts';
import { monthParam } from '../../../contracts/grassroots.ts';
import type { RequestContext } from '../../platform/context.ts';
import { requirePermission } from '../../platform/policies.ts';
import { addMonths } from '../../rules/calendar.ts';
import { parseOr400 } from '../cases/case-support.ts';
import * as arepo from './assessment.repository.ts';
import { scopeOf } from './grassroots.repository.ts';
import type { Deps } from './roster.usecases.ts';

// Month-to-month trends of the assessment (§9.6 ranking with trends): over the twelve months up to a
// month, the total of one assistant and the average total of each town in the caller's scope (and
// the district's when the caller is the district). A village assistant gets their own line and their
// town's average — averages name nobody.

const TREND_MONTHS = 12;

export async function assessmentTrend(
  deps: Deps,
  ctx: RequestContext,
  q: { to: string; postId?: string | undefined },
): Promise<TrendView> {
  requirePermission(ctx.actor, 'assistants.read');
  const to = parseOr400(monthParam, q.to, 'to');
  const last = `${to}-01`;
  const first = addMonths(last, -(TREND_MONTHS - 1));
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => addMonths(first, i).slice(0, 7));
  const county = ctx.actor.countyCode;
  const own = ctx.actor.role === 'village_assistant';
  const townScope = own
    ? { county, column: 'town_code' as const, value: ctx.actor.jurisdictionCode.slice(0, 9) }
    : scopeOf(ctx.actor);
  // The assistant's view averages confirmed months only: drafts are the town's work in progress.
  const rows = (await arepo.listRange(deps.db, townScope, first, last)).filter(
    (r) => !own || r.status === 'CONFIRMED',
  );
  const mine = own ? await arepo.listOwn(deps.db, county, ctx.actor.userId, first, last) : [];
  const idx = (m: string) => months.indexOf(m.slice(0, 7));

  const average = (list: typeof rows) => {
    const sum = months.map(() => 0);
    const n = months.map(() => 0);
    for (const r of list)
      if (r.total_centi !== null) {
        sum[idx(r.month)] = (sum[idx(r.month)] ?? 0) + r.total_centi;
        n[idx(r.month)] = (n[idx(r.month)] ?? 0) + 1;
      }
    return months.map((_, i) => (n[i] ? Math.round((sum[i] ?? 0) / (n[i] ?? 1)) / 100 : null));
  };
  const series: TrendView['series'] = [];
  const person = own ? mine : q.postId ? rows.filter((r) => r.post_id === q.postId) : [];
  if (person.length > 0) {
    const values: (number | null)[] = months.map(() => null);
    for (const r of person) values[idx(r.month)] = r.total_centi === null ? null : r.total_centi / 100;
    series.push({ key: `post:${person[0]?.post_id}`, name: person[0]?.holder_name ?? '', values });
  }
  const towns = [...new Set(rows.map((r) => r.town_code))].sort();
  const townNames = new Map(
    (
      await deps.db
        .selectFrom('admin_unit')
        .select(['code', 'name'])
        .where('code', 'in', towns.length ? towns.map((t) => t.padEnd(12, '0')) : [''])
        .execute()
    ).map((u) => [u.code.slice(0, 9), u.name]),
  );
  for (const t of towns)
    series.push({
      key: `town:${t}`,
      name: townNames.get(t) ?? t,
      values: average(rows.filter((r) => r.town_code === t)),
    });
  if (!own && ctx.actor.jurisdictionCode.length === 6)
    series.push({ key: 'district', name: '全区 district', values: average(rows) });
  return { months, series };
}
