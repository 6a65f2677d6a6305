// A masked identifier with an audited 查看 (show) action for the roles allowed to see the full value.
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Permission } from '../../../contracts/roles.ts';
import { type RevealField, registryApi } from '../api/registry.ts';
import { useActor } from '../console/AuthContext.tsx';
import { reportFormError, useErrorNotifier } from '../lib/errors.ts';
import { useLang } from '../lib/lang.ts';

const PERMISSION: Record<RevealField, Permission> = {
  idNumber: 'reveal.id_number',
  phone: 'reveal.phone',
  bankAccount: 'reveal.bank_account',
};

type Props = { personId: string; field: RevealField; masked: string | null };

export function RevealButton({ personId, field, masked }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  if (!masked) return <span>{t('common.none')}</span>;
  if (value) {
    return (
      <Typography.Text copyable strong data-testid={`revealed-${field}-${personId}`}>
        {value}
      </Typography.Text>
    );
  }

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const out = await registryApi.reveal(personId, field, reason.trim());
      setValue(out.value);
      setOpen(false);
    } catch (err) {
      const rest = reportFormError(form, err, lang, notifyError, (p) =>
        p[0] === 'reason' ? ['reason'] : null,
      );
      if (rest.length > 0) notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldName = t(`reveal.fields.${field}`);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <span>{masked}</span>
      {can(actor.role, PERMISSION[field]) && (
        <Button
          type="link"
          size="small"
          data-testid={`reveal-${field}-${personId}`}
          onClick={() => setOpen(true)}
        >
          {t('reveal.button')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('reveal.title', { field: fieldName })}
        okText={t('reveal.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('reveal.notice')} style={{ marginBottom: 16 }} />
        <Form form={form} name={`reveal_${field}`} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="reason"
            label={t('reveal.reasonLabel')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('reveal.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={200} placeholder={t('reveal.reasonPlaceholder')} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </span>
  );
}
