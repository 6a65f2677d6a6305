// 监测预警看板 (§7.3 数字监督; issue 6 part 6): alerts by type and state, the on-time rate and its
// monthly trend, the monitored population by category and town (§7.1, de-duplicated), the comparison
// run with its job progress (monitoring.run) and the rules (changed by the district administrator).
import { Button, Card, Col, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_TYPES } from '../../../../contracts/alerts.ts';
import { MONITORED_CATEGORIES, MONITORED_CATEGORY_CODES } from '../../../../contracts/monitoring.ts';
import { can } from '../../../../contracts/roles.ts';
import {
  type CompareRunView,
  type DashboardView,
  monitoringApi,
  type PopulationView,
} from '../../api/monitoring.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { RunJobProgress } from '../../components/RunJobProgress.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { RulesPanel } from './RulesPanel.tsx';

// EChart registers the line chart; the dashboard also needs bars and a pie (registration is global).
echarts.use([BarChart, PieChart]);

/** Room for every label of a horizontal bar chart: ECharts drops labels that would overlap. */
const barsHeight = (rows: number, barsPerRow: number) => Math.max(320, 80 + rows * (12 + 8 * barsPerRow));
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function MonitoringDashboard() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const [dash, setDash] = useState<DashboardView | null>(null);
  const [pop, setPop] = useState<PopulationView | null>(null);
  const [runs, setRuns] = useState<CompareRunView[]>([]);
  const [jobId, setJobId] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([monitoringApi.dashboard(), monitoringApi.population(), monitoringApi.runs()])
      .then(([d, p, r]) => {
        setDash(d);
        setPop(p);
        setRuns(r.items);
        const running = r.items.find((x) => x.status === 'RUNNING');
        if (running?.jobId) setJobId(running.jobId);
      })
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const start = async () => {
    try {
      setJobId((await monitoringApi.startRun()).jobId);
    } catch (e) {
      notifyError(e);
    }
  };
  const onDone = useCallback(() => {
    setJobId(null);
    load();
  }, [load]);

  const typeName = useCallback(
    (x: string) => (x in ALERT_TYPES ? ALERT_TYPES[x as keyof typeof ALERT_TYPES][lang] : x),
    [lang],
  );
  const catName = useCallback(
    (c: string) =>
      c in MONITORED_CATEGORIES ? MONITORED_CATEGORIES[c as keyof typeof MONITORED_CATEGORIES][lang] : c,
    [lang],
  );

  const charts = useMemo(() => {
    if (!dash || !pop) return null;
    const byType: EChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('monitoring.dashboard.openAlerts'), t('monitoring.dashboard.totalAlerts')] },
      grid: { left: 140, right: 20, top: 16, bottom: 64 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        data: dash.byType.map((r) => typeName(r.type)),
        axisLabel: { interval: 0 },
      },
      series: [
        { name: t('monitoring.dashboard.openAlerts'), type: 'bar', data: dash.byType.map((r) => r.open) },
        { name: t('monitoring.dashboard.totalAlerts'), type: 'bar', data: dash.byType.map((r) => r.total) },
      ],
    };
    const byState: EChartOption = {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: dash.byState
            .filter((s) => s.n > 0)
            .map((s) => ({ name: t(`monitoring.states.${s.state}`), value: s.n })),
        },
      ],
    };
    const trend: EChartOption = {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: dash.onTimeByMonth.map((m) => m.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          data: dash.onTimeByMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
        },
      ],
    };
    const cats = MONITORED_CATEGORY_CODES.filter((c) => (pop.byCategory[c] ?? 0) > 0);
    const byCategory: EChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 20, top: 16, bottom: 40 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: cats.map(catName), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', data: cats.map((c) => pop.byCategory[c] ?? 0) }],
    };
    const byTown: EChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { data: cats.map(catName) },
      xAxis: { type: 'category', data: pop.rows.map((r) => r.name) },
      yAxis: { type: 'value' },
      series: cats.map((c) => ({
        name: catName(c),
        type: 'bar',
        stack: 'cat',
        data: pop.rows.map((r) => r.byCategory[c] ?? 0),
      })),
    };
    return { byType, byState, trend, byCategory, byTown, types: dash.byType.length, cats: cats.length };
  }, [dash, pop, t, typeName, catName]);

  const last = runs[0];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={t('monitoring.title')}
        extra={
          can(actor.role, 'monitoring.run') && (
            <Button type="primary" onClick={start} disabled={!!jobId} data-testid="monitoring-run">
              {t('monitoring.dashboard.run')}
            </Button>
          )
        }
      >
        {jobId && (
          <RunJobProgress
            jobId={jobId}
            onDone={onDone}
            testId="monitoring-run-progress"
            computingText={t('monitoring.dashboard.running')}
          />
        )}
        <Row gutter={24}>
          <Col span={6}>
            <Tooltip title={t('monitoring.dashboard.onTimeHint')}>
              <Statistic
                title={t('monitoring.dashboard.onTime')}
                value={pct(dash?.onTime.rate ?? null)}
                data-testid="monitoring-on-time"
              />
            </Tooltip>
            {dash && (
              <Typography.Text type="secondary" data-testid="monitoring-on-time-counts">
                {dash.onTime.onTime} / {dash.onTime.onTime + dash.onTime.late}
              </Typography.Text>
            )}
          </Col>
          <Col span={6}>
            <Statistic title={t('monitoring.dashboard.overdueOpen')} value={dash?.overdueOpen ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic title={t('monitoring.dashboard.escalatedCount')} value={dash?.escalated ?? 0} />
          </Col>
          <Col span={6}>
            <Statistic
              title={
                <Tooltip title={t('monitoring.dashboard.populationHint')}>
                  {t('monitoring.dashboard.population')} <span aria-hidden>ⓘ</span>
                </Tooltip>
              }
              value={pop?.total ?? 0}
              data-testid="monitoring-population"
            />
            {pop && (
              <Typography.Text type="secondary">
                {t('monitoring.dashboard.unknown')} {pop.unknownToRegistry}
              </Typography.Text>
            )}
          </Col>
        </Row>
        {last && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('monitoring.dashboard.lastRun')}：{last.runOn} · {last.startedByName} ·{' '}
            {t(`monitoring.dashboard.raised`)} {last.raised}
          </Typography.Paragraph>
        )}
      </Card>
      {charts && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('monitoring.dashboard.byType')}>
              <EChart
                option={charts.byType}
                style={{ height: barsHeight(charts.types, 2) }}
                data-testid="chart-alerts-by-type"
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('monitoring.dashboard.byState')}>
              <EChart
                option={charts.byState}
                style={{ height: barsHeight(charts.types, 2) }}
                data-testid="chart-alerts-by-state"
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('monitoring.dashboard.onTimeTrend')}>
              <EChart option={charts.trend} data-testid="chart-on-time" />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('monitoring.dashboard.population')}>
              <EChart
                option={charts.byCategory}
                style={{ height: barsHeight(charts.cats, 1) }}
                data-testid="chart-population-category"
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('monitoring.dashboard.populationByTown')}>
              <EChart option={charts.byTown} data-testid="chart-population-town" />
            </Card>
          </Col>
        </Row>
      )}
      <RulesPanel />
    </Space>
  );
}
