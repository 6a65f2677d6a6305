// The department-liaison accounts linked to a department (users.manage): link one of the accounts
// with that role, or unlink. New accounts are created in user administration.
import { App, Button, Empty, List, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DepartmentUser, type DepartmentView, policiesApi } from '../../api/policies.ts';
import { type UserView, usersApi } from '../../api/users.ts';
import { useErrorNotifier } from '../../lib/errors.ts';

export function DepartmentUsersModal({
  department,
  onClose,
}: {
  department: DepartmentView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [linked, setLinked] = useState<DepartmentUser[] | null>(null);
  const [liaisons, setLiaisons] = useState<UserView[]>([]);
  const [pick, setPick] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    policiesApi.departmentUsers(department.code).then((r) => setLinked(r.items), notifyError);
  }, [department.code, notifyError]);
  useEffect(load, [load]);
  useEffect(() => {
    usersApi
      .list({ role: 'department_liaison', page: 1, pageSize: 200 })
      .then((r) => setLiaisons(r.items.filter((u) => !u.disabled)), notifyError);
  }, [notifyError]);

  const options = useMemo(() => {
    const taken = new Set((linked ?? []).map((u) => u.userId));
    return liaisons
      .filter((u) => !taken.has(u.id))
      .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  }, [liaisons, linked]);

  const act = async (p: Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await p;
      message.success(done);
      setPick(undefined);
      load();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('policies.departments.usersTitle', { name: department.name })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.back')}</Button>}
      data-testid="department-users-modal"
    >
      <Typography.Paragraph type="secondary">{t('policies.departments.usersHint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          placeholder={t('policies.departments.pickUser')}
          aria-label={t('policies.departments.pickUser')}
          options={options}
          value={pick}
          onChange={setPick}
          data-testid="department-user-pick"
        />
        <Button
          type="primary"
          disabled={!pick}
          loading={busy}
          onClick={() =>
            pick && void act(policiesApi.linkUser(department.code, pick), t('policies.departments.linked'))
          }
          data-testid="department-user-link"
        >
          {t('policies.actions.link')}
        </Button>
      </Space.Compact>
      {linked && linked.length === 0 ? (
        <Empty description={t('policies.departments.noUsers')} />
      ) : (
        <List
          loading={linked === null}
          dataSource={linked ?? []}
          renderItem={(u) => (
            <List.Item
              data-testid="department-user"
              actions={[
                <Button
                  key="unlink"
                  size="small"
                  danger
                  disabled={busy}
                  onClick={() =>
                    void act(
                      policiesApi.unlinkUser(department.code, u.userId),
                      t('policies.departments.unlinked'),
                    )
                  }
                >
                  {t('policies.actions.unlink')}
                </Button>,
              ]}
            >
              {u.displayName}（{u.username}）
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
