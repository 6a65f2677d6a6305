// The secret of a new key, shown this once: copy it, hand it to the department, close.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiKeyCreated } from '../../api/feeds.ts';

export function SecretModal({ created, onClose }: { created: ApiKeyCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('feeds.keys.secretTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="key-secret-done">
          {t('feeds.keys.close')}
        </Button>
      }
    >
      {created && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('feeds.keys.secretWarn')} />
          <Typography.Paragraph>
            {created.label} · <Typography.Text code>{created.prefix}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph
            code
            copyable={{ text: created.secret, tooltips: [t('feeds.keys.copy'), t('feeds.keys.copied')] }}
            data-testid="key-secret"
            style={{ wordBreak: 'break-all', userSelect: 'all' }}
          >
            {created.secret}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
