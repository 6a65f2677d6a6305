// Pure helpers of the assistants pages: the default month, the ranking bar chart and the trend lines
// (ECharts options), and the reading of an assessment's automatic metrics.
import type { AssessmentView, TrendView } from '../../api/grassroots.ts';

/** The month before `today` as YYYY-MM: the latest month that can be assessed (§9.6). */
export function previousMonth(today: Date): string {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** Scored assessments, best first; equal totals keep their shared rank (1, 2, 2, 4). */
export function ranked(items: readonly AssessmentView[], by: 'district' | 'town'): AssessmentView[] {
  const rank = (a: AssessmentView) => (by === 'district' ? a.rankDistrict : a.rankTown);
  return items
    .filter((a) => a.total !== null && rank(a) !== null)
    .sort((a, b) => (rank(a) as number) - (rank(b) as number) || a.villageCode.localeCompare(b.villageCode));
}

/** Horizontal bars, the best at the top; the label carries the competition rank. */
export function rankingChart(items: readonly AssessmentView[], by: 'district' | 'town') {
  const rows = ranked(items, by).reverse();
  const rank = (a: AssessmentView) => (by === 'district' ? a.rankDistrict : a.rankTown);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 160, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      data: rows.map(
        (a) =>
          `${rank(a)}. ${a.holderName}（${a.villageName.replace(/村民委员会|村委会|居委会|社区居委会/, '')}）`,
      ),
      axisLabel: { fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((a) => a.total),
        label: { show: true, position: 'right', formatter: '{c}' },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
}

/** One line per series (an assistant, each town's average, the district's); gaps where nothing was scored. */
export function trendChart(t: TrendView) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: t.months },
    yAxis: { type: 'value', scale: true },
    series: t.series.map((s) => ({
      name: s.name,
      type: 'line',
      connectNulls: false,
      lineStyle: s.key.startsWith('post:') ? { width: 3 } : { type: 'dashed' },
      data: s.values,
    })),
  };
}

/** The raw counts behind the metrics, for the "reviews 3/1 · alerts 5/0 …" line. */
export const rawParams = (a: AssessmentView) => ({
  ro: a.raw.reviewsOnTime,
  rl: a.raw.reviewsLate,
  ao: a.raw.alertsOnTime,
  al: a.raw.alertsLate,
  dq: a.raw.dqIntegrityAlerts + a.raw.dqCorrections,
  c: a.raw.complaints,
});
