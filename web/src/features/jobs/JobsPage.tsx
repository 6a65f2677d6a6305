// 后台任务: the latest jobs of the county (or one's own), refreshed every 2 s while any is running.
import { Button, Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobsApi } from '../../api/ops.ts';
import type { JobView } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { JobStatusTag } from '../../components/Tags.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { jobSummary } from './jobSummary.ts';

const RUNNING = new Set(['queued', 'running']);

export function JobsPage() {
  const { t, i18n } = useTranslation();
  const notifyError = useErrorNotifier();
  const lang = useLang();
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
    i18n.exists(`jobs.names.${name}`) ? t(`jobs.names.${name}` as 'jobs.names.payroll.compute') : name;

  const columns: TableColumnsType<JobView> = [
    { title: t('jobs.name'), dataIndex: 'name', width: 150, render: (n: string) => jobName(n) },
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
          {jobSummary(j, t, lang)}
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
