// 用户管理 (district administrators): find accounts, create them, reset passwords, disable/enable.
import { Button, Card, Form, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLES, type Role } from '../../../../contracts/roles.ts';
import { type UserQuery, type UserView, usersApi } from '../../api/users.ts';
import { SearchResetButtons } from '../../components/SearchResetButtons.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { type OneTimePasswordInfo, OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserActions, UserStatus } from './userCells.tsx';

type Filters = { q?: string; role?: Role };

export function UsersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize: 50 });
  const [data, setData] = useState<{ items: UserView[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const [otp, setOtp] = useState<OneTimePasswordInfo | null>(null);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    void reloadKey; // a reload asks for the same query again
    usersApi
      .list(query)
      .then((r) => alive && setData(r))
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [query, reloadKey, notifyError]);

  const search = (f: Filters) =>
    setQuery((q) => ({ page: 1, pageSize: q.pageSize, q: f.q?.trim() || undefined, role: f.role }));

  const roleOptions = useMemo(() => ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r][lang] })), [lang]);

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => ROLE_NAMES[r]?.[lang] ?? r },
    {
      title: t('users.jurisdiction'),
      key: 'jurisdiction',
      render: (_, u) => (
        <span title={u.jurisdictionCode}>
          {u.jurisdictionName ?? t('common.none')}{' '}
          <Typography.Text type="secondary">{u.jurisdictionCode}</Typography.Text>
        </span>
      ),
    },
    { title: t('users.status'), key: 'status', render: (_, u) => <UserStatus user={u} /> },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <UserActions
          user={u}
          onChanged={reload}
          onPassword={(user, password) =>
            setOtp({ username: user.username, displayName: user.displayName, password })
          }
        />
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" data-testid="users-new" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Form<Filters>
        form={form}
        name="users"
        layout="inline"
        onFinish={search}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 220 }}
            maxLength={64}
          />
        </Form.Item>
        <Form.Item name="role">
          <Select
            allowClear
            options={roleOptions}
            placeholder={t('users.rolePlaceholder')}
            style={{ width: 180 }}
          />
        </Form.Item>
        <SearchResetButtons
          testId="users-search"
          onReset={() => {
            form.resetFields();
            search({});
          }}
        />
      </Form>
      <Table<UserView>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="users-table"
        scroll={{ x: 1100 }}
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
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          setOtp({ username: user.username, displayName: user.displayName, password });
          reload();
        }}
      />
      <OneTimePasswordModal info={otp} onClose={() => setOtp(null)} />
    </Card>
  );
}
