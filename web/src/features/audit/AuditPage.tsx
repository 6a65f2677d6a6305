// 审计日志: every read of personal data and every change, filterable, with the chain check.
import { Card, DatePicker, Form, Input, Table, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLES, type Role } from '../../../../contracts/roles.ts';
import { type AuditQuery, auditApi } from '../../api/ops.ts';
import type { AuditEntry, AuditVerifyResult } from '../../api/types.ts';
import { SearchResetButtons } from '../../components/SearchResetButtons.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { AuditVerifyButton, AuditVerifyResultView } from './AuditVerify.tsx';

type Filters = {
  action?: string;
  actor?: string;
  recordId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

const isRole = (r: string | null): r is Role => !!r && (ROLES as readonly string[]).includes(r);

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: AuditEntry[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    auditApi
      .list(query)
      .then((r) => alive && setData(r))
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [query, notifyError]);

  const search = (f: Filters) =>
    setQuery({
      page: 1,
      pageSize: query.pageSize,
      action: f.action?.trim() || undefined,
      actor: f.actor?.trim() || undefined,
      recordId: f.recordId?.trim() || undefined,
      from: f.range?.[0]?.format('YYYY-MM-DD'),
      to: f.range?.[1]?.format('YYYY-MM-DD'),
    });

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorUsername', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.role'),
      dataIndex: 'actorRole',
      render: (r: string | null) =>
        isRole(r)
          ? ROLE_NAMES[r][lang]
          : r && i18n.exists(`audit.actors.${r}`)
            ? t(`audit.actors.${r}` as 'audit.actors.public')
            : (r ?? '—'),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
    },
    {
      title: t('audit.record'),
      key: 'record',
      render: (_, e) =>
        e.recordId ? (
          <Typography.Text copyable={{ text: e.recordId }}>
            {e.recordType ? `${e.recordType} ` : ''}
            {e.recordId.length > 12 ? `${e.recordId.slice(0, 8)}…` : e.recordId}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('audit.ip'), dataIndex: 'clientIp', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      render: (d: Record<string, unknown>) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
          {JSON.stringify(d)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card title={t('audit.title')} extra={<AuditVerifyButton onResult={setVerify} />}>
      {verify && <AuditVerifyResultView result={verify} onClose={() => setVerify(null)} />}
      <Form<Filters>
        form={form}
        name="audit"
        layout="inline"
        onFinish={search}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="recordId" label={t('audit.recordId')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dateRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <SearchResetButtons
          testId="audit-search"
          onReset={() => {
            form.resetFields();
            search({});
          }}
        />
      </Form>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="audit-table"
        scroll={{ x: 1200 }}
        expandable={{
          expandedRowRender: (e) => (
            <div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                requestId: {e.requestId ?? '—'} · hash: <Typography.Text code>{e.hash}</Typography.Text>
              </div>
              <pre
                style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}
              >
                {JSON.stringify(e.detail, null, 2)}
              </pre>
            </div>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
      />
    </Card>
  );
}
