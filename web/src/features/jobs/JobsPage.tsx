// 后台任务: the latest jobs of the county (or one's own), refreshed every 2 s while any is running.
import { Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobsApi } from '../../api/ops.ts';
import type { ImportJobResult, JobView } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { JobStatusTag } from '../../components/Tags.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';

const RUNNING = new Set(['queued', 'running']);
const IMPORT_JOB = 'registry.import_households';

function useSummary() {
  const { t } = useTranslation();
  const lang = useLang();
  return (j: JobView): string => {
    if (j.status === 'failed' && j.error) {
      const e = j.error as { message?: string; messageEn?: string; code?: string };
      return (lang === 'en' ? e.messageEn : e.message) ?? e.code ?? '';
    }
    if (!j.result) return j.progressMessage ?? '';
    if (j.name === IMPORT_JOB) {
      const r = j.result as ImportJobResult;
      const summary = r.ok
        ? t('jobs.importOk', { households: r.households, persons: r.persons })
        : t('jobs.importBad', { count: r.errorCount });
      return r.filename ? `${r.filename} · ${summary}` : summary;
    }
    return JSON.stringify(j.result);
  };
}

export function JobsPage() {
  const { t, i18n } = useTranslation();
  const notifyError = useErrorNotifier();
  const summary = useSummary();
  const [items, setItems] = useState<JobView[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        setItems((await jobsApi.list()).items);
      } catch (e) {
        notifyError(e);
      } finally {
        if (!quiet) setLoading(false);
      }
    },
    [notifyError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const anyRunning = items.some((j) => RUNNING.has(j.status));
  useEffect(() => {
    if (!anyRunning) return;
    const timer = setInterval(() => void load(true), 2000);
    return () => clearInterval(timer);
  }, [anyRunning, load]);

  const jobName = (name: string) =>
    i18n.exists(`jobs.names.${name}`) ? t(`jobs.names.${name}` as `jobs.names.${typeof IMPORT_JOB}`) : name;

  const columns: TableColumnsType<JobView> = [
    { title: t('jobs.name'), dataIndex: 'name', render: (n: string) => jobName(n) },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <JobStatusTag status={s} />,
    },
    { title: t('jobs.progress'), key: 'progress', width: 220, render: (_, j) => <JobProgress job={j} /> },
    {
      title: t('jobs.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('jobs.finishedAt'),
      dataIndex: 'finishedAt',
      width: 180,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('jobs.result'),
      key: 'result',
      render: (_, j) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 420 }}>
          {summary(j)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card
      title={t('jobs.title')}
      extra={
        <Space>
          {anyRunning && <Typography.Text type="secondary">{t('jobs.autoRefresh')}</Typography.Text>}
          <Button onClick={() => void load()} loading={loading}>
            {t('common.refresh')}
          </Button>
        </Space>
      }
    >
      <Table<JobView>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="jobs-table"
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
