// The dashboard: the press-release figures as KPI cards, a bar chart by town (click a bar to drill
// down to that town, then to a village) and a line chart by month.
import { Card, Col, Row, Statistic } from 'antd';
import { BarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../api/stats.ts';
import { EChart } from '../../components/EChart.tsx';
import { drillTarget, kpiList, monthsChart, unitsChart } from './statsModel.ts';

// The shared chart host registers line charts only; the bar chart is registered here.
echarts.use([BarChart]);

type Props = {
  view: StatsOverview;
  onDrill: (target: { townCode?: string; villageCode?: string }) => void;
};

export function StatsKpiCards({ view }: { view: StatsOverview }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {kpiList(view).map((k) => (
        <Col key={k.key} xs={12} md={8} xl={6}>
          <Card size="small" data-testid={`stats-kpi-${k.key}`}>
            <Statistic
              title={t(`stats.kpi.${k.key}`)}
              value={k.value}
              suffix={t(`stats.unit.${k.unit}`)}
              formatter={(v) => String(v)}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function StatsOverviewPanel({ view, onDrill }: Props) {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      dibao: t('stats.series.dibao'),
      tekun: t('stats.series.tekun'),
      temp: t('stats.series.temp'),
      paid: t('stats.series.paid'),
    }),
    [t],
  );
  const bars = useMemo(() => unitsChart(view, labels), [view, labels]);
  const lines = useMemo(() => monthsChart(view, labels), [view, labels]);
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef({ view, onDrill });
  latest.current = { view, onDrill };

  // Clicks reach the chart through its DOM node: the host keeps the instance to itself.
  const hasUnits = view.units.length > 0;
  useEffect(() => {
    if (!hasUnits) return;
    const el = box.current?.querySelector('[data-testid="stats-units-chart"]') as HTMLDivElement | null;
    const chart = el ? echarts.getInstanceByDom(el) : undefined;
    if (!chart) return;
    const handler = (p: { dataIndex?: number }) => {
      const target = drillTarget(latest.current.view, p.dataIndex ?? -1);
      if (target) latest.current.onDrill(target);
    };
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [hasUnits]);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <StatsKpiCards view={view} />
      </Col>
      {view.units.length > 0 ? (
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={view.scope.level === 'county' ? t('stats.byTown') : t('stats.byVillage')}
            extra={t('stats.clickToDrill')}
          >
            <div ref={box}>
              <EChart option={bars} data-testid="stats-units-chart" />
            </div>
          </Card>
        </Col>
      ) : null}
      <Col xs={24} xl={view.units.length > 0 ? 12 : 24}>
        <Card size="small" title={t('stats.byMonth')}>
          <EChart option={lines} data-testid="stats-months-chart" />
        </Card>
      </Col>
    </Row>
  );
}
