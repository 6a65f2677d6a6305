// The departments' API keys (district administrator): list with status and last use, create (the
// secret shown once), revoke.
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKeyCreated, type ApiKeyView, feedsApi } from '../../api/feeds.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { CreateKeyModal } from './CreateKeyModal.tsx';
import { departmentName, sourceName } from './feedsModel.ts';
import { SecretModal } from './SecretModal.tsx';

export function ApiKeysPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [keys, setKeys] = useState<ApiKeyView[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setKeys((await feedsApi.keys()).keys);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, [notifyError]);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (id: string) => {
    try {
      await feedsApi.revokeKey(id);
      message.success(t('feeds.keys.revokedDone'));
      await load();
    } catch (e) {
      notifyError(e);
    }
  };

  const columns: TableColumnsType<ApiKeyView> = [
    {
      title: t('feeds.keys.prefix'),
      dataIndex: 'prefix',
      width: 170,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('feeds.department'),
      dataIndex: 'department',
      width: 160,
      render: (v: string) => departmentName(v, lang),
    },
    { title: t('feeds.keys.label'), dataIndex: 'label' },
    {
      title: t('feeds.keys.scopes'),
      dataIndex: 'scopes',
      render: (v: string[]) => (
        <Space wrap size={4}>
          {v.map((c) => (
            <Tag key={c}>{sourceName(c, lang)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('feeds.keys.createdAt'),
      width: 150,
      render: (_, k) => (
        <span>
          {formatDateTime(k.createdAt)}
          {k.createdByName && <Typography.Text type="secondary"> · {k.createdByName}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('feeds.keys.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('feeds.keys.status'),
      width: 90,
      render: (_, k) =>
        k.revokedAt ? (
          <Tag>{t('feeds.keys.revoked')}</Tag>
        ) : (
          <Tag color="success">{t('feeds.keys.active')}</Tag>
        ),
    },
    {
      title: '',
      width: 80,
      render: (_, k) =>
        !k.revokedAt && (
          <Popconfirm title={t('feeds.keys.revokeConfirm')} onConfirm={() => revoke(k.id)}>
            <Button size="small" danger data-testid={`key-revoke-${k.prefix}`}>
              {t('feeds.keys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('feeds.keys.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} data-testid="key-create">
        {t('feeds.keys.create')}
      </Button>
      <Table<ApiKeyView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={keys}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="api-keys"
      />
      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(k) => {
          setCreating(false);
          setCreated(k);
          void load();
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </Space>
  );
}
