// 考核排名 (§9.6 ranking per town and district with month-to-month trends): for a month, the bar chart
// of totals with their competition ranks (1, 2, 2, 4) in the district or one town, the table behind
// it, and the trend of a chosen assistant against the town averages over twelve months.
import { Card, Col, Empty, Row, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentView, grassrootsApi, type TrendView } from '../../api/grassroots.ts';
import { EChart } from '../../components/EChart.tsx';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { MonthPicker } from './MonthPicker.tsx';
import { previousMonth, ranked, rankingChart, trendChart } from './rankingModel.ts';

// The shared chart host registers line charts only; the bar chart is registered here.
echarts.use([BarChart]);

export function RankingTab() {
  const { t } = useTranslation();
  const notify = useErrorNotifier();
  const actor = useActor();
  const { tree } = useDivisionTree();
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const [items, setItems] = useState<AssessmentView[]>([]);
  const [scope, setScope] = useState<string>('district');
  const [postId, setPostId] = useState<string | undefined>();
  const [trend, setTrend] = useState<TrendView | null>(null);

  useEffect(() => {
    let alive = true;
    grassrootsApi
      .assessments(month)
      .then((r) => alive && setItems(r.items))
      .catch((e) => alive && notify(e));
    return () => {
      alive = false;
    };
  }, [month, notify]);
  useEffect(() => {
    let alive = true;
    grassrootsApi
      .trend(month, postId)
      .then((r) => alive && setTrend(r))
      .catch((e) => alive && notify(e));
    return () => {
      alive = false;
    };
  }, [month, postId, notify]);

  const countyWide = actor.jurisdictionCode.length === 6;
  const by = countyWide && scope === 'district' ? 'district' : 'town';
  const shown = useMemo(
    () => (scope === 'district' ? items : items.filter((a) => a.townCode === scope)),
    [items, scope],
  );
  const rows = useMemo(() => ranked(shown, by), [shown, by]);
  const bars = useMemo(() => rankingChart(shown, by), [shown, by]);
  const lines = useMemo(() => (trend ? trendChart(trend) : null), [trend]);
  const towns = [...new Set(items.map((a) => a.townCode))].sort();
  const townName = (code: string) => findDivision(tree, code)?.name ?? code;

  const columns: TableColumnsType<AssessmentView> = [
    {
      title:
        by === 'district' ? t('grassroots.assessment.rankDistrict') : t('grassroots.assessment.rankTown'),
      render: (_: unknown, a) => (by === 'district' ? a.rankDistrict : a.rankTown),
      width: 90,
    },
    { title: t('grassroots.roster.holder'), dataIndex: 'holderName' },
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    { title: t('grassroots.trainings.town'), dataIndex: 'townCode', render: townName },
    { title: t('grassroots.assessment.total'), dataIndex: 'total', render: (v: number) => v.toFixed(2) },
    {
      title: '',
      dataIndex: 'status',
      render: (s: 'DRAFT' | 'CONFIRMED') => (
        <Tag color={s === 'CONFIRMED' ? 'green' : 'default'}>{t(`grassroots.assessment.status.${s}`)}</Tag>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthPicker value={month} onChange={setMonth} testId="assistants-ranking-month" />
        <Select
          value={scope}
          onChange={setScope}
          style={{ width: 180 }}
          data-testid="assistants-ranking-scope"
          options={[
            ...(countyWide || towns.length !== 1
              ? [{ value: 'district', label: t('grassroots.ranking.scopeDistrict') }]
              : []),
            ...towns.map((c) => ({ value: c, label: townName(c) })),
          ]}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('grassroots.ranking.chart', { month })}>
            {rows.length === 0 ? (
              <Empty description={t('grassroots.ranking.none')} />
            ) : (
              <EChart
                option={bars}
                style={{ height: Math.max(320, rows.length * 18) }}
                data-testid="assistants-ranking-chart"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('grassroots.ranking.trend')}
            extra={
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('grassroots.ranking.pickAssistant')}
                style={{ width: 220 }}
                value={postId}
                onChange={setPostId}
                options={items.map((a) => ({
                  value: a.postId,
                  label: `${a.holderName}（${a.villageName}）`,
                }))}
                data-testid="assistants-trend-pick"
              />
            }
          >
            {lines ? <EChart option={lines} data-testid="assistants-trend-chart" /> : null}
          </Card>
        </Col>
      </Row>
      <Table
        rowKey="postId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        data-testid="assistants-ranking-table"
        onRow={(a) =>
          ({ 'data-testid': `assistants-ranking-row-${a.villageCode}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Space>
  );
}
