// 我的工作台 for a village assistant (§9.6): my post, my open tasks (reviews due, alerts to verify,
// trainings to come), and my confirmed monthly scores with the town's reasons and the automatic
// metrics, with my trend against my town's average.
import { Card, Col, Collapse, Descriptions, Empty, List, Row, Space, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ALERT_TYPES, type AlertType } from '../../../../contracts/alerts.ts';
import { type AssessmentView, grassrootsApi, type TaskView, type TrendView } from '../../api/grassroots.ts';
import { EChart } from '../../components/EChart.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { previousMonth, rawParams, trendChart } from './rankingModel.ts';

function ScoreCard({ a }: { a: AssessmentView }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered>
      {Object.entries(a.scores ?? {}).map(([d, s]) => (
        <Descriptions.Item key={d} label={`${t(`grassroots.dims.${d}` as 'grassroots.dims.de')} ${s.score}`}>
          {s.reason}
        </Descriptions.Item>
      ))}
      {Object.entries(a.metricScores).map(([k, v]) => (
        <Descriptions.Item
          key={k}
          label={`${t(`grassroots.metrics.${k}` as 'grassroots.metrics.visits')} ${v}`}
        >
          {k === 'visits' || k === 'alerts' ? t('grassroots.assessment.rawHint') : ''}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('grassroots.assessment.metrics')}>
        {t('grassroots.assessment.raw', rawParams(a))}
      </Descriptions.Item>
      <Descriptions.Item label={t('grassroots.assessment.scoredBy')}>
        {a.confirmedByName ?? a.scoredByName ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function MyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const [tasks, setTasks] = useState<TaskView | null>(null);
  const [mine, setMine] = useState<AssessmentView[]>([]);
  const [trend, setTrend] = useState<TrendView | null>(null);
  useEffect(() => {
    grassrootsApi.tasks().then(setTasks).catch(notify);
    grassrootsApi
      .mine()
      .then((r) => setMine(r.items))
      .catch(notify);
    grassrootsApi.trend(previousMonth(new Date())).then(setTrend).catch(notify);
  }, [notify]);
  const lines = useMemo(() => (trend ? trendChart(trend) : null), [trend]);
  const alertName = (x: string) =>
    ALERT_TYPES[x as AlertType] ? ALERT_TYPES[x as AlertType][lang === 'en' ? 'en' : 'zh'] : x;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('grassroots.mine.post')} data-testid="my-post">
            {tasks?.post
              ? `${tasks.post.villageName} · ${tasks.post.holderName} · ${tasks.post.fromOn}`
              : t('grassroots.tasks.noPost')}
          </Card>
          <Card size="small" title={t('grassroots.tasks.reviewsDue')}>
            <List
              size="small"
              dataSource={tasks?.reviewsDue ?? []}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> {r.dueOn}
                  {r.overdue ? <Tag color="red">{t('grassroots.tasks.overdue')}</Tag> : null}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('grassroots.tasks.alertsOpen')}>
            <List
              size="small"
              dataSource={tasks?.alertsOpen ?? []}
              renderItem={(a) => (
                <List.Item>
                  <Link to={`/alerts?alert=${a.alertId}`}>{alertName(a.alertType)}</Link> {a.dueOn}
                  {a.overdue ? <Tag color="red">{t('grassroots.tasks.overdue')}</Tag> : null}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('grassroots.tasks.trainingsUpcoming')}>
            <List
              size="small"
              dataSource={tasks?.trainingsUpcoming ?? []}
              renderItem={(x) => <List.Item>{`${x.heldOn} ${x.title} · ${x.place}`}</List.Item>}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('grassroots.ranking.trend')}>
            {lines ? <EChart option={lines} data-testid="my-trend-chart" /> : null}
          </Card>
          <Card size="small" title={t('grassroots.mine.scores')} data-testid="my-scores">
            {mine.length === 0 ? (
              <Empty description={t('grassroots.mine.noScores')} />
            ) : (
              <Collapse
                defaultActiveKey={[mine[0]?.month ?? '']}
                items={mine.map((a) => ({
                  key: a.month,
                  label: `${a.month} · ${t('grassroots.assessment.total')} ${a.total?.toFixed(2) ?? '—'} · ${t('grassroots.assessment.rankTown')} ${a.rankTown ?? '—'} · ${t('grassroots.assessment.rankDistrict')} ${a.rankDistrict ?? '—'}`,
                  children: <ScoreCard a={a} />,
                }))}
              />
            )}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
