// 发放台账: year-to-date net paid by town and scheme, month by month, from approved runs.
import { Card, InputNumber, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PayrollLedger, payrollApi } from '../../api/payroll.ts';
import { fenToYuan } from '../../lib/format.ts';

type Row = PayrollLedger['items'][number];

export function PayrollLedgerCard({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(defaultYear);
  const [items, setItems] = useState<Row[]>([]);
  useEffect(() => {
    payrollApi
      .ledger(year)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [year]);
  const months = Array.from({ length: 12 }, (_, i) => i);
  const columns: TableColumnsType<Row> = [
    {
      title: t('payroll.ledger.town'),
      dataIndex: 'townName',
      fixed: 'left',
      render: (n: string | null, r) => n ?? r.townCode,
    },
    {
      title: t('payroll.ledger.scheme'),
      dataIndex: 'scheme',
      render: (s: Row['scheme']) => t(`payroll.schemes.${s}`),
    },
    ...months.map((m) => ({
      title: t('payroll.ledger.month', { month: m + 1 }),
      key: `m${m}`,
      align: 'right' as const,
      render: (_: unknown, r: Row) => ((r.byMonthFen[m] ?? 0) > 0 ? fenToYuan(r.byMonthFen[m]) : '—'),
    })),
    {
      title: t('payroll.ledger.total'),
      dataIndex: 'totalFen',
      align: 'right',
      fixed: 'right',
      render: (f: number) => fenToYuan(f),
    },
  ];
  return (
    <Card
      size="small"
      title={t('payroll.ledger.title')}
      data-testid="payroll-ledger"
      extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />}
    >
      <Table
        size="small"
        rowKey={(r) => `${r.townCode}:${r.scheme}`}
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1400 }}
      />
    </Card>
  );
}
