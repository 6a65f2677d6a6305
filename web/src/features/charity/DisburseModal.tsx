// 登记帮扶: money, or goods at their value, from a project (the server refuses what exceeds its budget).
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { charityApi, type ProjectView, type ReferralView } from '../../api/charity.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';

type Values = {
  projectId?: string;
  kind: 'CASH' | 'IN_KIND';
  yuan: number;
  itemDescription?: string;
  on?: Dayjs;
  note?: string;
};

export function DisburseModal({
  referral,
  onClose,
  onDone,
}: {
  referral: ReferralView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [projects, setProjects] = useState<ProjectView[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    charityApi
      .projects()
      .then(
        (r) => setProjects(r.items.filter((p) => p.orgId === referral.orgId && p.status === 'ACTIVE')),
        notifyError,
      );
  }, [referral.orgId, notifyError]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      await charityApi.disburse({
        referralId: referral.id,
        ...(referral.projectId ? {} : { projectId: v.projectId }),
        kind: v.kind,
        valueFen: yuanToFen(v.yuan) ?? 0,
        ...(v.kind === 'IN_KIND' ? { itemDescription: v.itemDescription } : {}),
        ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}),
        note: v.note ?? '',
      });
      message.success(t('charity.form.saved'));
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('charity.form.required') }];
  return (
    <Modal
      open
      title={t('charity.actions.disburse')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'CASH' }}>
        {!referral.projectId && (
          <Form.Item name="projectId" label={t('charity.col.project')} rules={required}>
            <Select
              options={projects.map((p) => ({
                value: p.id,
                label: `${p.name}（${t('charity.col.left')} ${fenToYuan(p.leftFen)}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('charity.col.kind')}>
          <Radio.Group
            options={(['CASH', 'IN_KIND'] as const).map((k) => ({
              value: k,
              label: t(`charity.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="yuan" label={t('charity.col.value')} rules={required}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        {kind === 'IN_KIND' && (
          <Form.Item name="itemDescription" label={t('charity.col.item')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="on" label={t('charity.col.on')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('charity.form.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
