// The outcome of a household import: counts on success, the rows with errors otherwise.
import { Alert, Button, Result, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { importErrorsUrl } from '../../api/ops.ts';
import type { ImportJobResult, ImportRowError, JobView } from '../../api/types.ts';
import { useLang } from '../../lib/lang.ts';

type Props = { job: JobView; onAgain: () => void };

export function ImportResultView({ job, onAgain }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const again = (
    <Button onClick={onAgain} data-testid="import-again">
      {t('imports.again')}
    </Button>
  );
  const result = job.result as ImportJobResult | null;

  if (job.status === 'failed' || !result) {
    const e = job.error as { message?: string; messageEn?: string; code?: string } | null;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          data-testid="import-failed"
          title={t('imports.jobFailed')}
          description={(lang === 'en' ? e?.messageEn : e?.message) ?? e?.code}
        />
        {again}
      </Space>
    );
  }

  if (result.ok) {
    return (
      <Result
        status="success"
        data-testid="import-succeeded"
        title={t('imports.succeeded', { households: result.households, persons: result.persons })}
        extra={again}
      />
    );
  }

  const rows = result.errors.map((e, i) => ({ ...e, key: i }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        data-testid="import-errors"
        title={t('imports.failed', { count: result.errorCount })}
        description={result.truncated ? t('imports.truncated', { shown: result.errors.length }) : undefined}
      />
      <Space>
        <Button type="primary" href={importErrorsUrl(job.id)} download data-testid="import-errors-download">
          {t('imports.downloadErrors')}
        </Button>
        {again}
      </Space>
      <Table<ImportRowError & { key: number }>
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="import-error-table"
        columns={[
          { title: t('imports.line'), dataIndex: 'line', width: 90 },
          {
            title: t('imports.column'),
            dataIndex: 'column',
            width: 160,
            render: (c: string | null) => c ?? '—',
          },
          {
            title: t('imports.reason'),
            key: 'message',
            render: (_, r) => (lang === 'en' ? r.messageEn : r.message),
          },
        ]}
      />
    </Space>
  );
}
