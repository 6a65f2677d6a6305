// The recalculation runs of the county, newest first: status, month, trigger, counts and totals,
// and who decided. Choosing a row shows its change list.
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecalcRunView } from '../../api/entitlements.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { isKnownTrigger, monthOf, type RecalcTrigger, signOf, statusColor } from './recalcModel.ts';

export function RecalcStatusTag({ status }: { status: RecalcRunView['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(status)} data-testid="recalc-status" data-status={status}>
      {t(`recalc.statuses.${status}`)}
    </Tag>
  );
}

export function TriggerText({ trigger }: { trigger: string }) {
  const { t } = useTranslation();
  return <>{isKnownTrigger(trigger) ? t(`recalc.triggers.${trigger as RecalcTrigger}`) : trigger}</>;
}

export const signedYuan = (fen: number) => `${signOf(fen)}${fenToYuan(fen)}`;

type Props = {
  runs: RecalcRunView[];
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

export function RecalcRunsTable({ runs, loading, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const done = (r: RecalcRunView) => r.status !== 'COMPUTING';
  const columns: TableColumnsType<RecalcRunView> = [
    {
      title: t('recalc.status'),
      dataIndex: 'status',
      width: 130,
      render: (_, r) => <RecalcStatusTag status={r.status} />,
    },
    {
      title: t('recalc.effectiveFrom'),
      dataIndex: 'effectiveFrom',
      width: 100,
      render: (v: string) => monthOf(v),
    },
    {
      title: t('recalc.trigger'),
      dataIndex: 'trigger',
      width: 120,
      render: (v: string) => <TriggerText trigger={v} />,
    },
    { title: t('recalc.checked'), dataIndex: 'casesChecked', align: 'right', width: 90 },
    { title: t('recalc.changed'), dataIndex: 'casesChanged', align: 'right', width: 90 },
    {
      title: t('recalc.ineligibleCount'),
      dataIndex: 'casesIneligible',
      align: 'right',
      width: 110,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: t('recalc.monthlyDelta'),
      dataIndex: 'monthlyDeltaFen',
      align: 'right',
      width: 140,
      render: (v: number, r) => (done(r) ? signedYuan(v) : t('common.none')),
    },
    {
      title: t('recalc.backPayTotal'),
      dataIndex: 'backPayFen',
      align: 'right',
      width: 130,
      render: (v: number, r) => (done(r) ? fenToYuan(v) : t('common.none')),
    },
    {
      title: t('recalc.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('recalc.decidedBy'),
      dataIndex: 'decidedByName',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('recalc.decidedAt'),
      dataIndex: 'decidedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('recalc.decisionReason'),
      dataIndex: 'decisionReason',
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 240 }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<RecalcRunView>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={runs}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 1500 }}
      locale={{ emptyText: t('recalc.noRuns') }}
      data-testid="recalc-runs"
      rowSelection={{
        type: 'radio',
        columnWidth: 40,
        selectedRowKeys: selectedId ? [selectedId] : [],
        onChange: (keys) => {
          const k = keys[0];
          if (k !== undefined) onSelect(String(k));
        },
      }}
      onRow={(r) =>
        ({
          onClick: () => onSelect(r.id),
          style: { cursor: 'pointer' },
          'data-testid': `recalc-run-${r.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
