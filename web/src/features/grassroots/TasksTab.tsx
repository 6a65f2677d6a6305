// 待办汇总: per village of the caller's jurisdiction, the assistant in office and their open items now
// (reviews due within a month or overdue, alerts to verify and the overdue ones).
import { Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grassrootsApi, type TaskSummaryRow } from '../../api/grassroots.ts';
import { useErrorNotifier } from '../../lib/errors.ts';

const count = (n: number, overdue: number, label: string) => (
  <>
    {n}
    {overdue > 0 ? <Tag color="red" style={{ marginLeft: 6 }}>{`${label} ${overdue}`}</Tag> : null}
  </>
);

export function TasksTab() {
  const { t } = useTranslation();
  const notify = useErrorNotifier();
  const [rows, setRows] = useState<TaskSummaryRow[]>([]);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    grassrootsApi
      .taskSummary()
      .then((r) => setRows(r.items))
      .catch(notify)
      .finally(() => setLoading(false));
  }, [notify]);
  const overdue = t('grassroots.tasks.overdue');
  const columns: TableColumnsType<TaskSummaryRow> = [
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    {
      title: t('grassroots.roster.holder'),
      dataIndex: 'holderName',
      render: (h: string | null) => h ?? <Tag color="orange">{t('grassroots.roster.vacant')}</Tag>,
    },
    {
      title: t('grassroots.tasks.reviewsDue'),
      sorter: (a, b) => a.reviewsOverdue - b.reviewsOverdue,
      render: (_: unknown, r) => count(r.reviewsDue, r.reviewsOverdue, overdue),
    },
    {
      title: t('grassroots.tasks.alertsOpen'),
      sorter: (a, b) => a.alertsOverdue - b.alertsOverdue,
      render: (_: unknown, r) => count(r.alertsOpen, r.alertsOverdue, overdue),
    },
  ];
  return (
    <Table
      rowKey="villageCode"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 30 }}
      data-testid="assistants-tasks-table"
    />
  );
}
