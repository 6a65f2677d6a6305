// 短信发件箱: what the portal's SMS adapter wrote (verification codes first). Without an SMS gateway
// staff relay a code from here to the caller after checking the phone number's last digits.
import { Alert, Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalAdminApi, type SmsOutboxItem } from '../../api/portalAdmin.ts';
import { serverPaging } from '../../components/ListControls.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const PAGE_SIZE = 50;
const STATUS_COLOR: Record<SmsOutboxItem['status'], string> = {
  QUEUED: 'orange',
  SENT: 'green',
  FAILED: 'red',
};

export function SmsOutboxPanel() {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: SmsOutboxItem[] } | null>(null);

  const load = useCallback(() => {
    setData(null);
    portalAdminApi.smsOutbox({ page, pageSize: PAGE_SIZE }).then(setData, (e) => {
      setData({ total: 0, items: [] });
      notifyError(e);
    });
  }, [page, notifyError]);
  useEffect(load, [load]);

  const columns: TableColumnsType<SmsOutboxItem> = [
    {
      title: t('portalAdmin.col.time'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('portalAdmin.col.phone'),
      dataIndex: 'phoneMask',
      width: 140,
      render: (v: string) => <code>{v}</code>,
    },
    { title: t('portalAdmin.col.template'), dataIndex: 'template', width: 140 },
    {
      title: t('portalAdmin.col.body'),
      dataIndex: 'body',
      render: (v: string) => <span data-testid="sms-body">{v}</span>,
    },
    {
      title: t('portalAdmin.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: SmsOutboxItem['status']) => (
        <Tag color={STATUS_COLOR[v]}>{t(`portalAdmin.smsStatus.${v}`)}</Tag>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={t('portalAdmin.outbox.intro')}
        description={t('portalAdmin.outbox.noGateway')}
        data-testid="sms-outbox-hint"
      />
      <Button onClick={load} data-testid="sms-refresh">
        {t('common.refresh')}
      </Button>
      <Table
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={columns}
        onRow={(m) => ({ 'data-testid': 'sms-row', 'data-id': m.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={serverPaging(page, PAGE_SIZE, data?.total, setPage, (n) =>
          t('portalAdmin.total', { count: n }),
        )}
        data-testid="sms-table"
      />
    </Space>
  );
}
