// 登记投诉 (§9.6, §2.3): the town records a complaint against a village assistant with the outcome
// of its check; a substantiated one counts in the complaints metric of the month received.
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { type ComplaintInput, grassrootsApi, type PostView } from '../../api/grassroots.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';

export const CHANNELS = ['HOTLINE_12349', 'VISIT', 'LETTER', 'OTHER'] as const;

type Values = Omit<ComplaintInput, 'receivedOn'> & { receivedOn: dayjs.Dayjs | null };

export function ComplaintForm({
  open,
  posts,
  postId,
  onClose,
  onSaved,
}: {
  open: boolean;
  posts: PostView[];
  /** The assistant chosen in the list, preselected. */
  postId: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const today = todayInShanghai();

  useEffect(() => {
    if (!open) return;
    setIssues([]);
    form.resetFields();
    form.setFieldsValue({ postId, receivedOn: dayjs(today), channel: 'HOTLINE_12349' });
  }, [open, postId, today, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.receivedOn) return;
    setBusy(true);
    setIssues([]);
    try {
      await grassrootsApi.complaint({
        postId: v.postId,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        channel: v.channel,
        summary: v.summary.trim(),
        substantiated: v.substantiated,
        finding: v.finding.trim(),
      });
      onSaved();
    } catch (e) {
      setIssues(reportFormError(form, e, lang, notify));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('grassroots.complaints.title')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'complaint-save' } as Record<string, string>}
      width={600}
      destroyOnHidden
    >
      <FormIssues issues={issues} />
      <Form<Values> form={form} layout="vertical" data-testid="complaint-form">
        <Form.Item
          name="postId"
          label={t('grassroots.complaints.assistant')}
          rules={[{ required: true, message: t('grassroots.complaints.pickAssistant') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="complaint-post"
            options={posts.map((p) => ({
              value: p.id,
              label: `${p.holderName} · ${p.villageName}${p.toOn ? ` (${p.fromOn}–${p.toOn})` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('grassroots.complaints.receivedOn')}
          rules={[{ required: true, message: t('grassroots.complaints.dateRequired') }]}
        >
          <DatePicker
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            data-testid="complaint-date"
          />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t('grassroots.complaints.channel')}
          rules={[{ required: true, message: t('grassroots.complaints.channelRequired') }]}
        >
          <Radio.Group
            data-testid="complaint-channel"
            options={CHANNELS.map((c) => ({ value: c, label: t(`grassroots.complaints.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('grassroots.complaints.summary')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 4,
              max: 500,
              message: t('grassroots.complaints.summaryRule'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="complaint-summary" />
        </Form.Item>
        <Form.Item
          name="substantiated"
          label={t('grassroots.complaints.substantiated')}
          rules={[{ required: true, message: t('grassroots.complaints.conclusionRequired') }]}
        >
          <Radio.Group
            data-testid="complaint-substantiated"
            options={[
              { value: true, label: t('grassroots.complaints.yes') },
              { value: false, label: t('grassroots.complaints.no') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('grassroots.complaints.finding')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 500,
              message: t('grassroots.complaints.findingRule'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="complaint-finding" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
