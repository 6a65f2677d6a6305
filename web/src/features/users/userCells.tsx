// Cells of the user table: the status tags and the row actions (reset password, disable/enable),
// each action confirmed first.
import { App, Button, type ButtonProps, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UserView, usersApi } from '../../api/users.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const isLocked = (u: UserView) => !!u.lockedUntil && Date.parse(u.lockedUntil) > Date.now();

export function UserStatus({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>}
      {isLocked(user) && (
        <Tag color="orange">{t('users.lockedUntil', { until: formatDateTime(user.lockedUntil) })}</Tag>
      )}
      {user.mustChangePassword && <Tag color="blue">{t('users.mustChange')}</Tag>}
    </Space>
  );
}

type ActionsProps = {
  user: UserView;
  /** After a reset: the one-time password to show once. */
  onPassword: (user: UserView, oneTimePassword: string) => void;
  /** After any change: reload the list. */
  onChanged: () => void;
};

export function UserActions({ user: u, onPassword, onChanged }: ActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotifier();
  const actor = useActor();
  const names = { name: u.displayName, username: u.username };
  // Own account: the password is changed with 修改密码, and an administrator cannot lock themself out.
  const self = u.id === actor.userId;
  const title = self ? t('users.self') : undefined;

  const confirmReset = () =>
    modal.confirm({
      title: t('users.resetTitle', names),
      content: t('users.resetBody'),
      okText: t('users.resetOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        try {
          const r = await usersApi.resetPassword(u.id);
          onPassword(u, r.oneTimePassword);
          onChanged();
        } catch (e) {
          notifyError(e);
        }
      },
    });

  const disabling = !u.disabled;
  const confirmToggle = () =>
    modal.confirm({
      title: t(disabling ? 'users.disableTitle' : 'users.enableTitle', names),
      content: t(disabling ? 'users.disableBody' : 'users.enableBody'),
      okText: t(disabling ? 'users.disable' : 'users.enable'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: disabling, 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        try {
          await (disabling ? usersApi.disable(u.id) : usersApi.enable(u.id));
          message.success(t(disabling ? 'users.disabledOk' : 'users.enabledOk', { username: u.username }));
          onChanged();
        } catch (e) {
          notifyError(e);
        }
      },
    });

  return (
    <Space size={0}>
      <Button
        type="link"
        size="small"
        disabled={self}
        title={title}
        data-testid={`reset-${u.username}`}
        onClick={confirmReset}
      >
        {t('users.resetPassword')}
      </Button>
      <Button
        type="link"
        size="small"
        danger={disabling}
        disabled={self}
        title={title}
        data-testid={`${disabling ? 'disable' : 'enable'}-${u.username}`}
        onClick={confirmToggle}
      >
        {disabling ? t('users.disable') : t('users.enable')}
      </Button>
    </Space>
  );
}
