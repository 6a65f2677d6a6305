// The outcome of a file delivery: the counts, or every bad row (line, column, problem in the UI language).
import { Alert, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedDelivery, FeedRowIssue } from '../../api/feeds.ts';
import { useLang } from '../../lib/lang.ts';

export type UploadOutcome =
  | { kind: 'ok'; delivery: FeedDelivery; filename: string }
  | { kind: 'rows'; issues: FeedRowIssue[]; summary: string; filename: string };

export function UploadResult({ outcome }: { outcome: UploadOutcome }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (outcome.kind === 'ok') {
    const d = outcome.delivery;
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 12 }}
        data-testid="feed-upload-ok"
        title={outcome.filename}
        description={t('feeds.upload.succeeded', { records: d.recordCount, fresh: d.newCount })}
      />
    );
  }
  const rows = outcome.issues.map((i, key) => ({ ...i, key }));
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
      <Alert
        type="error"
        showIcon
        data-testid="feed-upload-errors"
        title={outcome.filename}
        description={t('feeds.upload.failed', { message: outcome.summary })}
      />
      <Table<FeedRowIssue & { key: number }>
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="feed-upload-error-table"
        columns={[
          { title: t('feeds.upload.line'), dataIndex: 'row', width: 80, render: (v: number) => v || '—' },
          {
            title: t('feeds.upload.column'),
            dataIndex: 'column',
            width: 180,
            render: (v: string) => v || '—',
          },
          {
            title: t('feeds.upload.reason'),
            key: 'm',
            render: (_, r) => (lang === 'en' ? r.messageEn : r.message),
          },
        ]}
      />
    </Space>
  );
}
