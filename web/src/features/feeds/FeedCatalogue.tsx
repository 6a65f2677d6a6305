// The catalogue by department: records held and last delivery per source; a source opens its drawer.
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeedSourceStats, feedsApi } from '../../api/feeds.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { FeedSourceDrawer } from './FeedSourceDrawer.tsx';
import { type CatalogueRow, catalogueRows, departmentName } from './feedsModel.ts';

export function FeedCatalogue() {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [stats, setStats] = useState<FeedSourceStats[]>([]);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setStats((await feedsApi.catalogue()).sources);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, [notifyError]);
  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => catalogueRows(stats), [stats]);
  const columns: TableColumnsType<CatalogueRow> = [
    {
      title: t('feeds.department'),
      width: 180,
      onCell: (r) => ({ rowSpan: r.deptSpan }),
      render: (_, r) => departmentName(r.source.dept, lang),
    },
    {
      title: t('feeds.source'),
      render: (_, r) => (
        <span>
          {r.source[lang]} <Typography.Text type="secondary">{r.source.code}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('feeds.level'),
      width: 90,
      render: (_, r) => <Tag>{t(`feeds.levels.${r.source.level}`)}</Tag>,
    },
    {
      title: t('feeds.records'),
      width: 110,
      align: 'right',
      render: (_, r) => (r.stats?.recordCount ?? 0).toLocaleString(),
    },
    {
      title: t('feeds.lastDelivery'),
      width: 260,
      render: (_, r) => {
        const b = r.stats?.lastDelivery;
        if (!b) return <Typography.Text type="secondary">{t('feeds.never')}</Typography.Text>;
        return (
          <span>
            {formatDateTime(b.deliveredAt)} · {t(`feeds.batches.channels.${b.channel}`)} ·{' '}
            {b.recordCount.toLocaleString()}
          </span>
        );
      },
    },
    {
      title: '',
      width: 130,
      render: (_, r) => (
        <Button
          size="small"
          onClick={() => setOpen(r.source.code)}
          data-testid={`feed-open-${r.source.code}`}
        >
          {t('feeds.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<CatalogueRow>
        size="small"
        rowKey={(r) => r.source.code}
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        bordered
        data-testid="feeds-catalogue"
      />
      <FeedSourceDrawer code={open} onClose={() => setOpen(null)} onDelivered={() => void load()} />
    </>
  );
}
