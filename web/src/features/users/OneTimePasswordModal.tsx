// The one-time password of a new or reset account, shown once: copy it, hand it over, close.
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export type OneTimePasswordInfo = { username: string; displayName: string; password: string };

/** Clipboard API where the page is a secure context, else the old selection-based copy. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function OneTimePasswordModal({
  info,
  onClose,
}: {
  info: OneTimePasswordInfo | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const copy = async () => {
    if (!info) return;
    if (await copyText(info.password)) message.success(t('users.copied'));
    else message.error(t('users.copyFailed'));
  };

  return (
    <Modal
      open={info !== null}
      title={t('users.otpTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-done">
          {t('users.otpDone')}
        </Button>
      }
    >
      {info && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('users.otpWarning')}
            description={t('users.otpHint')}
          />
          <Typography.Paragraph>
            {t('users.otpFor', { name: info.displayName, username: info.username })}
          </Typography.Paragraph>
          <Space align="center" size="middle">
            <Typography.Text
              code
              strong
              data-testid="one-time-password"
              style={{ fontSize: 20, letterSpacing: 1, userSelect: 'all' }}
            >
              {info.password}
            </Typography.Text>
            <Button onClick={() => void copy()} data-testid="one-time-password-copy">
              {t('users.copy')}
            </Button>
          </Space>
        </>
      )}
    </Modal>
  );
}
