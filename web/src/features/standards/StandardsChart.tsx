// The timeline of the picked standards: a step line per series (a value holds until the next one
// takes effect), x = effective dates, y = yuan. 城市低保 and 农村低保 are shown until others are picked.
import { Empty, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_SERIES, type StandardSeries } from '../../../../contracts/standards.ts';
import type { StandardsView } from '../../api/standards.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { useLang } from '../../lib/lang.ts';
import { chartSeries, DEFAULT_CHART_SERIES, seriesName } from './standardsModel.ts';

export function StandardsChart({ view }: { view: StandardsView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [keys, setKeys] = useState<StandardSeries[]>(DEFAULT_CHART_SERIES);

  const options = useMemo(
    () => STANDARD_SERIES.map((s) => ({ value: s.key, label: `${s.category} · ${seriesName(s.key, lang)}` })),
    [lang],
  );
  const lines = useMemo(() => chartSeries(view, keys, lang), [view, keys, lang]);

  const option = useMemo<EChartOption>(() => {
    const yuan = t('standards.yuanUnit');
    const effective = new Map(
      view.series.map((s) => [s.key, new Set(s.history.map((h) => h.effectiveFrom))]),
    );
    return {
      animation: false,
      grid: { left: 16, right: 32, top: 48, bottom: 16, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)} ${yuan}` : String(v ?? '')),
      },
      xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}-{MM}', hideOverlap: true } },
      yAxis: {
        type: 'value',
        scale: true,
        name: yuan,
        axisLabel: { formatter: (v: number) => String(v) },
      },
      series: lines.map((l, i) => ({
        type: 'line',
        name: l.name,
        step: 'end',
        symbolSize: 7,
        // the view's date, so that announced values to its right read as upcoming
        markLine:
          i === 0
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#8c8c8c' },
                label: { formatter: t('standards.today', { date: view.date }), position: 'insideEndTop' },
                data: [{ xAxis: view.date }],
              }
            : undefined,
        // the closing point at the right edge is not a value of its own: no marker there
        data: l.points.map(([d, v]) =>
          effective.get(l.key)?.has(d) ? { value: [d, v] } : { value: [d, v], symbol: 'none' },
        ),
      })),
    };
  }, [lines, view, t]);

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('standards.chartPick')}</Typography.Text>
        <Select<StandardSeries[]>
          mode="multiple"
          value={keys}
          onChange={setKeys}
          options={options}
          style={{ minWidth: 440, maxWidth: 720 }}
          maxTagCount="responsive"
          placeholder={t('standards.chartPickPlaceholder')}
          data-testid="standards-chart-series"
        />
      </Space>
      <div data-testid="standards-chart">
        {lines.length > 0 ? (
          <EChart option={option} style={{ height: 340 }} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={keys.length === 0 ? t('standards.chartPickPlaceholder') : t('standards.chartEmpty')}
          />
        )}
      </div>
    </Space>
  );
}
