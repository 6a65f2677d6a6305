// The deliveries of one source, newest first.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedBatchView } from '../../api/feeds.ts';
import { formatDateTime } from '../../lib/format.ts';

export function FeedBatchesTable({ batches, loading }: { batches: FeedBatchView[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<FeedBatchView>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={batches}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="feed-batches"
      columns={[
        {
          title: t('feeds.batches.at'),
          dataIndex: 'deliveredAt',
          width: 160,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: t('feeds.batches.channel'),
          dataIndex: 'channel',
          width: 100,
          render: (v: FeedBatchView['channel']) => (
            <Tag color={v === 'API' ? 'purple' : 'blue'}>{t(`feeds.batches.channels.${v}`)}</Tag>
          ),
        },
        {
          title: t('feeds.batches.file'),
          render: (_, b) => b.filename ?? b.apiKeyPrefix ?? '—',
        },
        { title: t('feeds.batches.by'), dataIndex: 'deliveredByName', width: 160 },
        { title: t('feeds.batches.records'), dataIndex: 'recordCount', width: 90, align: 'right' },
        { title: t('feeds.batches.fresh'), dataIndex: 'newCount', width: 80, align: 'right' },
      ]}
    />
  );
}
