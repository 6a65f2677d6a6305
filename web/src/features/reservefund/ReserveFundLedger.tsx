// The month's ledger of a town's reserve fund: allocations, first-aid draws (with whether their
// paperwork is done), returns and the reconciliation.
import { Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReserveFundEntry, ReserveFundEntryKind } from '../../api/reserveFund.ts';
import { fenToYuan } from '../../lib/format.ts';
import { kindColor, signedFen } from './reserveFundModel.ts';

const KINDS: readonly string[] = ['ALLOCATE', 'DRAW', 'RETURN', 'RECONCILE'];

export function ReserveFundLedger({ entries, loading }: { entries: ReserveFundEntry[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableProps<ReserveFundEntry>['columns'] = [
    { title: t('reserveFund.on'), dataIndex: 'on', width: 120 },
    {
      title: t('reserveFund.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => (
        <Tag color={kindColor(k)}>
          {KINDS.includes(k) ? t(`reserveFund.kinds.${k as ReserveFundEntryKind}`) : k}
        </Tag>
      ),
    },
    {
      title: t('reserveFund.amount'),
      key: 'amount',
      align: 'right',
      width: 140,
      render: (_, e) => {
        if (e.kind === 'RECONCILE') return t('common.none');
        const s = signedFen(e);
        return (
          <Typography.Text
            type={s < 0 ? 'danger' : 'success'}
          >{`${s > 0 ? '+' : ''}${fenToYuan(s)}`}</Typography.Text>
        );
      },
    },
    {
      title: t('reserveFund.caseNo'),
      dataIndex: 'caseNo',
      width: 170,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reserveFund.regularizedCol'),
      dataIndex: 'regularized',
      width: 110,
      render: (v: boolean | null) =>
        v === null ? (
          '—'
        ) : v ? (
          <Tag color="success">{t('reserveFund.regularizedYes')}</Tag>
        ) : (
          <Tag color="error">{t('reserveFund.regularizedNo')}</Tag>
        ),
    },
    {
      title: t('reserveFund.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (v: string | null) => v || '—',
    },
    { title: t('reserveFund.by'), dataIndex: 'by', width: 120, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<ReserveFundEntry>
      rowKey={(e) => String(e.id)}
      size="middle"
      data-testid="rf-ledger"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('reserveFund.empty') }}
      scroll={{ x: 900 }}
    />
  );
}
