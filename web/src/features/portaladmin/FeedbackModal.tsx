// The feedback to an objection or complaint; an objection to a case's publicity can also be recorded
// on the case (OBJECTION event) with its route: investigate again or put to democratic review.
import { App, type ButtonProps, Checkbox, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { portalAdminApi, type SubmissionView } from '../../api/portalAdmin.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import {
  CASE_ROUTES,
  canRecordOnCase,
  categoryLabel,
  contactText,
  type FeedbackValues,
  feedbackBody,
} from './portalAdminModel.ts';

export function FeedbackModal({
  submission: s,
  readOnly,
  onClose,
  onDone,
}: {
  submission: SubmissionView;
  readOnly: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<FeedbackValues>();
  const recordOnCase = Form.useWatch('recordOnCase', form);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = async (v: FeedbackValues) => {
    setSaving(true);
    setIssues([]);
    try {
      await portalAdminApi.feedback(s.id, feedbackBody(s, v));
      message.success(t('portalAdmin.feedback.saved'));
      onDone();
    } catch (e) {
      setIssues(reportFormError(form, e, lang, notifyError, (p) => (p.length ? p : null)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('portalAdmin.feedback.title', { trackingNo: s.trackingNo })}
      onCancel={onClose}
      onOk={readOnly ? onClose : () => form.submit()}
      cancelButtonProps={readOnly ? { style: { display: 'none' } } : undefined}
      okButtonProps={{ loading: saving, 'data-testid': 'feedback-submit' } as ButtonProps}
      forceRender
      data-testid="feedback-modal"
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'kind', label: t('portalAdmin.col.kind'), children: t(`portalAdmin.kinds.${s.kind}`) },
          { key: 'cat', label: t('portalAdmin.col.category'), children: categoryLabel(s.category, lang) },
          ...(s.caseNo ? [{ key: 'case', label: t('portalAdmin.col.case'), children: s.caseNo }] : []),
          { key: 'content', label: t('portalAdmin.col.content'), children: s.content },
          {
            key: 'contact',
            label: t('portalAdmin.col.contact'),
            children: contactText(s) ?? t('portalAdmin.anonymous'),
          },
          ...(s.feedback
            ? [
                {
                  key: 'fb',
                  label: t('portalAdmin.col.feedback'),
                  children: (
                    <>
                      <div>{s.feedback}</div>
                      <Typography.Text type="secondary">
                        {t('portalAdmin.feedback.answeredOn', {
                          on: s.answeredOn ?? '',
                          by: s.answeredBy ?? '',
                        })}
                      </Typography.Text>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {!readOnly && (
        <>
          {!s.realName && (
            <Typography.Paragraph type="secondary">
              {t('portalAdmin.feedback.anonymousHint')}
            </Typography.Paragraph>
          )}
          <FormIssues issues={issues} />
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ recordOnCase: false }}>
            <Form.Item
              name="feedback"
              label={t('portalAdmin.feedback.text')}
              extra={s.realName ? t('portalAdmin.feedback.textHelp') : undefined}
              rules={[
                { required: true, whitespace: true, min: 2, message: t('portalAdmin.feedback.required') },
              ]}
            >
              <Input.TextArea
                maxLength={2000}
                autoSize={{ minRows: 3, maxRows: 8 }}
                data-testid="feedback-text"
              />
            </Form.Item>
            {canRecordOnCase(s) && (
              <>
                <Form.Item name="recordOnCase" valuePropName="checked">
                  <Checkbox data-testid="feedback-record-on-case">
                    {t('portalAdmin.feedback.recordOnCase', { caseNo: s.caseNo ?? '' })}
                  </Checkbox>
                </Form.Item>
                {recordOnCase && (
                  <Form.Item
                    name="caseRoute"
                    label={t('portalAdmin.feedback.route')}
                    extra={t('portalAdmin.feedback.routeHelp')}
                    rules={[{ required: true, message: t('portalAdmin.feedback.routeRequired') }]}
                  >
                    <Radio.Group
                      data-testid="feedback-case-route"
                      options={CASE_ROUTES.map((r) => ({ value: r, label: t(`portalAdmin.routes.${r}`) }))}
                    />
                  </Form.Item>
                )}
              </>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
