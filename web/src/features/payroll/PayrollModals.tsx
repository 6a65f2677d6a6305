// Starting a run (scheme + month, never a month not yet reached) and approving one with a note.
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayrollSchemeCode } from '../../api/payroll.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { isFutureMonth, monthOf, monthStart, SCHEMES } from './payrollModel.ts';

type StartProps = {
  open: boolean;
  onClose: () => void;
  onStart: (scheme: PayrollSchemeCode, month: string) => Promise<boolean>;
};

export function PayrollStartModal({ open, onClose, onStart }: StartProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ scheme: PayrollSchemeCode; month: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const today = todayInShanghai();

  const onFinish = async (v: { scheme: PayrollSchemeCode; month: Dayjs }) => {
    setBusy(true);
    try {
      if (await onStart(v.scheme, monthStart(v.month))) onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('payroll.startTitle')}
      okText={t('payroll.start')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        preserve={false}
        initialValues={{ scheme: 'DIBAO' }}
      >
        <Form.Item name="scheme" label={t('payroll.scheme')} rules={[{ required: true }]}>
          <Select
            data-testid="payroll-scheme"
            options={SCHEMES.map((s) => ({ value: s, label: t(`payroll.schemes.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('payroll.month')}
          rules={[{ required: true, message: t('payroll.monthRequired') }]}
          extra={t('payroll.monthHint')}
        >
          <DatePicker
            picker="month"
            style={{ width: '100%' }}
            data-testid="payroll-month"
            disabledDate={(d) => isFutureMonth(monthStart(d), today)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ApproveProps = {
  open: boolean;
  month: string;
  onClose: () => void;
  onApprove: (note: string) => Promise<boolean>;
};

export function PayrollApproveModal({ open, month, onClose, onApprove }: ApproveProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ note }: { note: string }) => {
    setBusy(true);
    try {
      if (await onApprove(note)) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('payroll.approveTitle', { month: monthOf(month) })}
      okText={t('payroll.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="note"
          label={t('payroll.note')}
          extra={t('payroll.approveHint')}
          rules={[{ required: true, min: 2, message: t('payroll.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="payroll-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
