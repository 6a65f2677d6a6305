// 发放记录: every payroll line of the case (month, kind, amounts, the bank's answer), for roles that
// may read payroll. Lines of runs not yet approved are shown as such.
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { type CasePayments as Payments, payrollApi } from '../../api/payroll.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { fenToYuan } from '../../lib/format.ts';

type Line = Payments['items'][number];
const BANK_COLOR = { PENDING: 'default', PAID: 'green', FAILED: 'red' } as const;

export function CasePayments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [items, setItems] = useState<Line[] | null>(null);
  const allowed = can(actor.role, 'payroll.read');
  useEffect(() => {
    if (!allowed) return;
    payrollApi
      .casePayments(caseId)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [caseId, allowed]);
  if (!allowed || items === null || items.length === 0) return null;
  const columns: TableColumnsType<Line> = [
    { title: t('cases.payments.month'), dataIndex: 'month', render: (m: string) => m.slice(0, 7) },
    {
      title: t('cases.payments.kind'),
      dataIndex: 'kind',
      render: (k: Line['kind']) => t(`payroll.kinds.${k}`),
    },
    {
      title: t('cases.payments.net'),
      dataIndex: 'netFen',
      align: 'right',
      render: (f: number) => fenToYuan(f),
    },
    {
      title: t('cases.payments.deduction'),
      dataIndex: 'deductionFen',
      align: 'right',
      render: (f: number) => (f > 0 ? fenToYuan(f) : '—'),
    },
    {
      title: t('cases.payments.bank'),
      dataIndex: 'bankStatus',
      render: (s: Line['bankStatus'], l) =>
        l.runStatus === 'APPROVED' ? (
          <Tag color={BANK_COLOR[s]} title={l.bankReason ?? undefined}>
            {t(`cases.payments.bankStatus.${s}`)}
          </Tag>
        ) : (
          <Tag>{t(`payroll.statuses.${l.runStatus}`)}</Tag>
        ),
    },
  ];
  return (
    <Card size="small" title={t('cases.payments.title')} data-testid="case-payments">
      <Table
        size="small"
        rowKey={(l) => `${l.month}:${l.kind}:${l.item}`}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
      />
    </Card>
  );
}
