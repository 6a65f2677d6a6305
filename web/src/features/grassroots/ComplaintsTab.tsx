// 投诉登记 (§9.6): complaints against the village assistants of the town (or of the district), per
// assistant, and the form to record one with the outcome of the town's check. Substantiated
// complaints feed the complaints metric of the month received (see the assessment tab).
import { Alert, App, Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { type ComplaintView, grassrootsApi, type PostView } from '../../api/grassroots.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ComplaintForm } from './ComplaintForm.tsx';
import { sortComplaints } from './formsModel.ts';

export function ComplaintsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const [posts, setPosts] = useState<PostView[]>([]);
  const [postId, setPostId] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<ComplaintView[]>([]);
  const [loading, setLoading] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    grassrootsApi
      .posts()
      .then((r) => setPosts([...r.items].sort((a, b) => Number(a.toOn !== null) - Number(b.toOn !== null))))
      .catch(notify);
  }, [notify]);
  const load = useCallback(() => {
    setLoading(true);
    grassrootsApi
      .complaints({ postId })
      .then((r) => {
        setUnavailable(false);
        setItems(sortComplaints(r.items));
      })
      .catch((e) => {
        // The list route is not on every server yet (only POST is): recording still works.
        if (isApiError(e) && e.status === 404 && e.code === 'route.not_found') setUnavailable(true);
        else notify(e);
      })
      .finally(() => setLoading(false));
  }, [postId, notify]);
  useEffect(load, [load]);

  const columns: TableColumnsType<ComplaintView> = [
    { title: t('grassroots.complaints.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    { title: t('grassroots.roster.holder'), dataIndex: 'holderName' },
    {
      title: t('grassroots.complaints.channel'),
      dataIndex: 'channel',
      render: (c: ComplaintView['channel']) => t(`grassroots.complaints.channels.${c}`),
    },
    { title: t('grassroots.complaints.summary'), dataIndex: 'summary' },
    {
      title: t('grassroots.complaints.substantiated'),
      dataIndex: 'substantiated',
      render: (s: boolean) =>
        s ? (
          <Tag color="red">{t('grassroots.complaints.yes')}</Tag>
        ) : (
          <Tag>{t('grassroots.complaints.no')}</Tag>
        ),
    },
    { title: t('grassroots.complaints.finding'), dataIndex: 'finding' },
    {
      title: t('grassroots.complaints.recordedBy'),
      render: (_: unknown, c) => (
        <span style={{ fontSize: 12 }}>
          {c.recordedByName} · {formatDateTime(c.recordedAt)}
        </span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 320 }}
          placeholder={t('grassroots.complaints.allAssistants')}
          value={postId}
          onChange={(v?: string) => setPostId(v)}
          data-testid="complaint-filter"
          options={posts.map((p) => ({
            value: p.id,
            label: `${p.holderName} · ${p.villageName}${p.toOn ? ` (${p.fromOn}–${p.toOn})` : ''}`,
          }))}
        />
        <Button type="primary" onClick={() => setAdding(true)} data-testid="complaint-add">
          {t('grassroots.complaints.add')}
        </Button>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('grassroots.complaints.hint')}
      </Typography.Text>
      {unavailable ? (
        <Alert
          type="info"
          showIcon
          title={t('grassroots.complaints.listUnavailable')}
          data-testid="complaint-list-unavailable"
        />
      ) : (
        <Table<ComplaintView>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={items}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: t('grassroots.complaints.empty') }}
          onRow={(c) => ({ 'data-testid': `complaint-row-${c.id}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="complaint-table"
        />
      )}
      <ComplaintForm
        open={adding}
        posts={posts}
        postId={postId}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void message.success(t('grassroots.complaints.saved'));
          load();
        }}
      />
    </Space>
  );
}
