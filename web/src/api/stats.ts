// Statistics (§12): the dashboard of the press-release figures (as of a year end or a date, with a
// town / village drill-down) and the monthly reports A–E as JSON or xlsx. Amounts are integer fen
// in the overview; the report tables carry their own units (户 / 人 / 万元 / 元).
import type {
  StatsOverview,
  StatsReport,
  StatsReportCode,
  StatsTable,
  StatsTableRow,
} from '../../../contracts/stats.ts';
import { apiGet, withQuery } from './client.ts';

export { AGGREGATION, STATS_REPORTS } from '../../../contracts/stats.ts';
export type { StatsOverview, StatsReport, StatsReportCode, StatsTable, StatsTableRow };

export type OverviewQuery = { year?: number; asOf?: string; townCode?: string; villageCode?: string };

export const statsApi = {
  overview: (q: OverviewQuery) => apiGet<StatsOverview>('/api/v1/stats/overview', q),
  /** `period` as YYYY-MM. */
  report: (code: StatsReportCode, period: string, townCode?: string) =>
    apiGet<StatsReport>(`/api/v1/stats/reports/${code}`, { period, townCode }),
  /** A link that downloads the report as xlsx (same-origin GET: the session cookie goes along). */
  xlsxUrl: (code: StatsReportCode, period: string, townCode?: string) =>
    withQuery(`/api/v1/stats/reports/${code}.xlsx`, { period, townCode }),
};
