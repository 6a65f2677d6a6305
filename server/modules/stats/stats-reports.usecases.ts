import type { StatsNote, StatsReport, StatsReportCode, StatsTable } from '../../../contracts/stats.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { StatsDeps } from './stats.usecases.ts';
import { reportContext } from './stats-report-context.ts';
import { A_NOTES, B_NOTES, reportA, reportB } from './stats-reports-ab.ts';
import { C_NOTES, D_NOTES, E_NOTES, reportC, reportD, reportE } from './stats-reports-cde.ts';

// The monthly reports A–E of §12.2 for a month (YYYY-MM), as of its last day, for the caller's
// jurisdiction (or one town inside it).

const REPORTS: Record<
  StatsReportCode,
  {
    title: string;
    titleEn: string;
    notes: StatsNote[];
    build: (deps: StatsDeps, r: Awaited<ReturnType<typeof reportContext>>) => Promise<StatsTable[]>;
  }
> = {
  A: {
    title: '城乡最低生活保障月报表',
    titleEn: 'Minimum living allowance (低保)',
    notes: A_NOTES,
    build: reportA,
  },
  B: {
    title: '特困人员救助供养月报表',
    titleEn: 'People in extreme poverty (特困)',
    notes: B_NOTES,
    build: reportB,
  },
  C: { title: '临时救助月报表', titleEn: 'Temporary assistance', notes: C_NOTES, build: reportC },
  D: { title: '低收入人口月报表', titleEn: 'Low-income population', notes: D_NOTES, build: reportD },
  E: { title: '社会救助主要指标', titleEn: 'Key figures (press release)', notes: E_NOTES, build: reportE },
};

export async function statsReport(
  deps: StatsDeps,
  ctx: RequestContext,
  code: StatsReportCode,
  q: { period: string; townCode?: string },
): Promise<StatsReport> {
  const r = await reportContext(deps, ctx, q);
  const def = REPORTS[code];
  return {
    report: code,
    title: def.title,
    titleEn: def.titleEn,
    period: r.period,
    from: code === 'E' ? r.yearFrom : r.from,
    asOf: r.asOf,
    districtName: r.districtName,
    scope: r.resolved.view,
    tables: await def.build(deps, r),
    notes: def.notes,
  };
}
