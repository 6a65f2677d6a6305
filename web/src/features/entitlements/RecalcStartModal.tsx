// 手动重算: recompute every active case under the values in force from a chosen month.
import { Alert, DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthStart } from './recalcModel.ts';

type Props = {
  open: boolean;
  onClose: () => void;
  /** Starts the run from 'YYYY-MM-01'; resolves true when it started (errors are shown by the page). */
  onStart: (effectiveFrom: string) => Promise<boolean>;
};

export function RecalcStartModal({ open, onClose, onStart }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ month: Dayjs }>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ month }: { month: Dayjs }) => {
    setBusy(true);
    try {
      if (await onStart(monthStart(month))) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('recalc.manualTitle')}
      okText={t('recalc.start')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'recalc-start-ok' } as Record<string, string>}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('recalc.manualHint')} />
      <Form<{ month: Dayjs }>
        form={form}
        name="recalc-start"
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
      >
        <Form.Item
          name="month"
          label={t('recalc.month')}
          rules={[{ required: true, message: t('recalc.monthRequired') }]}
        >
          <DatePicker
            picker="month"
            format="YYYY-MM"
            style={{ width: 200 }}
            placeholder={t('recalc.monthPlaceholder')}
            data-testid="recalc-start-month"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
