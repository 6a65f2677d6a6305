// 救助标准 (§9.4): the county's twelve standards in nine categories with the value in force, the full
// history of every series, a timeline chart, and (district administrators) adding new values.
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { type Key, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import type { StandardSeries } from '../../../../contracts/standards.ts';
import { type StandardsView, type StandardValue, standardsApi } from '../../api/standards.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { ParametersPanel } from './ParametersPanel.tsx';
import { StandardAdjustModal } from './StandardAdjustModal.tsx';
import { StandardsChart } from './StandardsChart.tsx';
import {
  DEFAULT_CHART_SERIES,
  newestFirst,
  type StandardRow,
  seriesName,
  shippedDefault,
  standardRows,
  upcoming,
} from './standardsModel.ts';

function HistoryTable({ row, date }: { row: StandardRow; date: string }) {
  const { t } = useTranslation();
  const entries = useMemo(() => newestFirst(row.history), [row.history]);
  // an entry is superseded when a later entry of the same effective date replaced it
  const superseded = useMemo(() => {
    const seen = new Set<string>();
    const out = new Set<number>();
    for (const h of entries) {
      if (seen.has(h.effectiveFrom)) out.add(h.id);
      seen.add(h.effectiveFrom);
    }
    return out;
  }, [entries]);

  const columns: TableColumnsType<StandardValue> = [
    {
      title: t('standards.amountYuan'),
      dataIndex: 'amountFen',
      align: 'right',
      width: 130,
      render: (v: number) => <Typography.Text strong>{fenToYuan(v)}</Typography.Text>,
    },
    {
      title: t('standards.effectiveFrom'),
      dataIndex: 'effectiveFrom',
      width: 200,
      render: (v: string, h) => (
        <Space size={4}>
          <span>{v}</span>
          {h.id === row.inForce?.id ? <Tag color="green">{t('standards.inForce')}</Tag> : null}
          {v > date ? <Tag color="blue">{t('standards.upcoming')}</Tag> : null}
          {superseded.has(h.id) ? <Tag>{t('standards.superseded')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('standards.reason'), dataIndex: 'reason', render: (v: string) => v },
    { title: t('standards.createdBy'), dataIndex: 'createdByName', width: 140 },
    {
      title: t('standards.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Table<StandardValue>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      data-testid={`standards-history-${row.key}`}
    />
  );
}

export function StandardsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const manage = can(actor.role, 'standards.manage');
  const [view, setView] = useState<StandardsView | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [adjusting, setAdjusting] = useState<StandardSeries[] | null>(null);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    void reloadKey; // a reload asks again
    standardsApi
      .get()
      .then((v) => {
        if (!alive) return;
        setView(v);
        setFailure(null);
      })
      .catch((e) => {
        if (!alive) return;
        setFailure(e);
        notifyError(e);
      })
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [reloadKey, notifyError]);

  const rows = useMemo(() => (view ? standardRows(view) : []), [view]);

  const toggle = (key: string) =>
    setExpanded((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));

  const unsetHint = (row: StandardRow): string => {
    if (!view) return '';
    const d = shippedDefault(row.key, view);
    if (d.kind === 'amount') return t('standards.unsetDefault', { amount: fenToYuan(d.fen) });
    if (d.kind === 'followsDibao') {
      return t('standards.unsetFollowsDibao', {
        dibao: seriesName(d.area === 'urban' ? 'dibao.urban' : 'dibao.rural', lang),
        multiplier: d.multiplier,
        amount: fenToYuan(d.fen),
      });
    }
    return t('standards.unsetNone');
  };

  const columns: TableColumnsType<StandardRow> = [
    {
      title: t('standards.category'),
      key: 'category',
      width: 90,
      render: (_, r) =>
        r.firstOfCategory ? (
          <Typography.Text strong>{t('standards.categoryN', { n: r.def.category })}</Typography.Text>
        ) : null,
    },
    {
      title: t('standards.series'),
      key: 'name',
      render: (_, r) => <span title={r.key}>{seriesName(r.key, lang)}</span>,
    },
    {
      title: t('standards.current'),
      key: 'current',
      align: 'right',
      width: 170,
      render: (_, r) =>
        r.current === null ? (
          <Tooltip title={unsetHint(r)}>
            <Tag data-testid={`standards-unset-${r.key}`} style={{ marginInlineEnd: 0, cursor: 'help' }}>
              {t('standards.unset')}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text strong data-testid={`standards-current-${r.key}`}>
            {fenToYuan(r.current)}
          </Typography.Text>
        ),
    },
    {
      title: t('standards.effectiveFrom'),
      key: 'effectiveFrom',
      width: 200,
      render: (_, r) => {
        const next = view ? upcoming(r.history, view.date)[0] : undefined;
        return (
          <Space orientation="vertical" size={0}>
            <span>{r.inForce?.effectiveFrom ?? t('common.none')}</span>
            {next ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('standards.nextValue', { date: next.effectiveFrom, amount: fenToYuan(next.amountFen) })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('standards.history'),
      key: 'history',
      width: 120,
      render: (_, r) =>
        r.history.length === 0 ? (
          <Typography.Text type="secondary">{t('standards.noHistory')}</Typography.Text>
        ) : (
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0 }}
            onClick={() => toggle(r.key)}
            data-testid={`standards-history-toggle-${r.key}`}
          >
            {expanded.includes(r.key)
              ? t('standards.hideHistory')
              : t('standards.showHistory', { count: r.history.length })}
          </Button>
        ),
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => setAdjusting([r.key])}
          data-testid={`standards-adjust-${r.key}`}
        >
          {t('standards.adjustOne')}
        </Button>
      ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('standards.title')}
        extra={
          <Space>
            {view ? (
              <Typography.Text type="secondary">{t('standards.asOf', { date: view.date })}</Typography.Text>
            ) : null}
            <Button onClick={reload} loading={loading}>
              {t('common.refresh')}
            </Button>
            {manage ? (
              <Button
                type="primary"
                disabled={!view}
                onClick={() => setAdjusting(DEFAULT_CHART_SERIES)}
                data-testid="standards-adjust"
              >
                {t('standards.adjust')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('standards.appendOnly')}
          description={t('standards.intro')}
          data-testid="standards-note"
        />
        {failure && !view ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('common.loadFailed')}
            description={errorText(failure, lang)}
            action={
              <Button size="small" onClick={reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <Table<StandardRow>
          rowKey="key"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="standards-table"
          scroll={{ x: 900 }}
          onRow={(r) => ({ 'data-testid': `standards-row-${r.key}` }) as Record<string, string>}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys),
            rowExpandable: (r) => r.history.length > 0,
            showExpandColumn: false,
            expandedRowRender: (r) => (view ? <HistoryTable row={r} date={view.date} /> : null),
          }}
        />
      </Card>
      <Card title={t('standards.chartTitle')}>
        {view ? (
          <StandardsChart view={view} />
        ) : (
          <div data-testid="standards-chart" style={{ height: 340 }} />
        )}
      </Card>
      <ParametersPanel manage={manage} />
      {manage ? (
        <StandardAdjustModal
          open={adjusting !== null}
          view={view}
          initialSeries={adjusting ?? DEFAULT_CHART_SERIES}
          onClose={() => setAdjusting(null)}
          onSaved={() => {
            setAdjusting(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}
