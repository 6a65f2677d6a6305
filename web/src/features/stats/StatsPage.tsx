// 统计分析 (§12): the press-release figures for a year with a town / village drill-down (breadcrumb
// back), and the monthly reports A–E. The URL keeps the state: ?tab=&year=&town=&village=&report=&period=
import { Breadcrumb, Button, Card, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { STATS_REPORTS, type StatsOverview, type StatsReportCode, statsApi } from '../../api/stats.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { StatsOverviewPanel } from './StatsOverviewPanel.tsx';
import { StatsReportsPanel } from './StatsReportsPanel.tsx';
import { lastCompleteMonth } from './statsModel.ts';

export function StatsPage() {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [params, setParams] = useSearchParams();
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const town = params.get('town') ?? undefined;
  const village = params.get('village') ?? undefined;
  const tab = params.get('tab') === 'reports' ? 'reports' : 'overview';
  const reportParam = params.get('report') as StatsReportCode | null;
  const report = reportParam && STATS_REPORTS.includes(reportParam) ? reportParam : 'A';
  const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '')
    ? params.get('period')!
    : lastCompleteMonth(today);
  const [view, setView] = useState<StatsOverview | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    statsApi
      .overview({ year, townCode: town, villageCode: village })
      .then((v) => {
        if (live) setView(v);
      })
      .catch((e) => {
        if (live) {
          setView(null);
          notifyError(e);
        }
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [year, town, village, notifyError]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: false });
  };
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const crumbs = view?.scope.path ?? [];

  return (
    <Card
      title={t('stats.title')}
      extra={
        <Space wrap>
          <Select
            value={year}
            style={{ width: 110 }}
            onChange={(y) => update({ year: String(y) })}
            options={years.map((y) => ({ value: y, label: t('stats.yearLabel', { year: y }) }))}
            data-testid="stats-year"
          />
          <Link to={`/stats/print?year=${year}${town ? `&town=${town}` : ''}`} target="_blank">
            <Button>{t('stats.print')}</Button>
          </Link>
        </Space>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={crumbs.map((c, i) => ({
          key: c.code,
          title:
            i === crumbs.length - 1 ? (
              c.name
            ) : (
              <Typography.Link
                onClick={() =>
                  update(
                    c.level === 'town'
                      ? { town: c.code, village: undefined }
                      : { town: undefined, village: undefined },
                  )
                }
              >
                {c.name}
              </Typography.Link>
            ),
        }))}
      />
      {view ? (
        <Typography.Paragraph type="secondary">
          {t('stats.asOfLine', { from: view.from, asOf: view.asOf })}
        </Typography.Paragraph>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'overview' ? undefined : k })}
        items={[
          {
            key: 'overview',
            label: t('stats.tabOverview'),
            children: (
              <Spin spinning={loading}>
                {view ? (
                  <StatsOverviewPanel
                    view={view}
                    onDrill={(d) => update({ town: d.townCode, village: d.villageCode })}
                  />
                ) : (
                  <div style={{ minHeight: 200 }} />
                )}
              </Spin>
            ),
          },
          {
            key: 'reports',
            label: t('stats.tabReports'),
            children: (
              <StatsReportsPanel
                code={report}
                period={period}
                townCode={town}
                onChange={(n) => update({ report: n.code ?? report, period: n.period ?? period })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
