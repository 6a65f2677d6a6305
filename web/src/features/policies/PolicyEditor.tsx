// The editor of one policy (create or edit; read-only for roles that may not manage the catalogue):
// every field of policyInput, the CEL editor with its context, and the server's issues on save —
// expression issues at the expression with their position, other field issues at their fields.
import { App, Button, Drawer, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_SUBJECTS, type PolicySubject } from '../../../../contracts/policies.ts';
import type { FieldIssue } from '../../api/client.ts';
import { type CelIssue, type PolicyInput, type PolicyView, policiesApi } from '../../api/policies.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { CelEditor } from './CelEditor.tsx';
import { celIssuesOfError } from './celModel.ts';
import { categoryOptions, departmentOptions, NEW_POLICY, policyFormValues } from './policyModel.ts';

type Props = {
  policy: PolicyView | null;
  readOnly: boolean;
  onClose: () => void;
  onSaved: (p: PolicyView) => void;
};

export function PolicyEditor({ policy, readOnly, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<PolicyInput>();
  const subject = (Form.useWatch('subject', form) ?? policy?.subject ?? 'PERSON') as PolicySubject;
  const [saving, setSaving] = useState(false);
  const [serverIssues, setServerIssues] = useState<CelIssue[] | null>(null);
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([]);

  const submit = async (values: PolicyInput) => {
    // What is saved is trimmed: the editor shows that text, so the server's positions point into it.
    const eligibility = values.eligibility.trim();
    form.setFieldValue('eligibility', eligibility);
    const body: PolicyInput = { ...values, eligibility };
    setSaving(true);
    setUnplaced([]);
    setServerIssues(null);
    try {
      const saved = policy
        ? await policiesApi.update(policy.id, { ...body, version: policy.version })
        : await policiesApi.create(body);
      message.success(t('policies.form.saved'));
      onSaved(saved);
    } catch (e) {
      const cel = celIssuesOfError(e);
      if (cel) {
        setServerIssues(cel);
        form.setFields([{ name: 'eligibility', errors: [t('policies.cel.issuesTitle')] }]);
        form.scrollToField('eligibility', { block: 'center' });
      } else setUnplaced(reportFormError(form, e, lang, notifyError));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('policies.form.required') }];
  const title = readOnly
    ? t('policies.form.viewTitle', { code: policy?.code ?? '' })
    : policy
      ? t('policies.form.editTitle', { code: policy.code })
      : t('policies.form.createTitle');
  return (
    <Drawer
      open
      title={title}
      size="min(1180px, 100vw)"
      onClose={onClose}
      destroyOnHidden
      data-testid="policy-editor"
      extra={
        <Space>
          {policy && (
            <Typography.Text type="secondary">
              {t('policies.form.version', { version: policy.version })}
            </Typography.Text>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="policy-save">
              {t('policies.actions.save')}
            </Button>
          )}
        </Space>
      }
    >
      <FormIssues issues={unplaced} />
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={policy ? policyFormValues(policy) : NEW_POLICY}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('eligibility' in changed) setServerIssues(null);
        }}
      >
        <Space wrap align="start" size="middle">
          <Form.Item
            name="code"
            label={t('policies.form.code')}
            extra={t('policies.form.codeHelp')}
            rules={[
              ...required,
              { pattern: /^[A-Z0-9][A-Z0-9_-]{1,19}$/, message: t('policies.form.codeHelp') },
            ]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input
              maxLength={20}
              style={{ width: 200 }}
              disabled={!!policy || readOnly}
              data-testid="policy-code"
            />
          </Form.Item>
          <Form.Item name="departmentCode" label={t('policies.form.department')} rules={required}>
            <Select
              style={{ width: 260 }}
              options={departmentOptions(lang)}
              aria-label={t('policies.form.department')}
              data-testid="policy-department"
            />
          </Form.Item>
          <Form.Item name="subject" label={t('policies.form.subject')} rules={required}>
            <Radio.Group
              optionType="button"
              options={POLICY_SUBJECTS.map((s) => ({ value: s, label: t(`policies.subjects.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('policies.form.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="referable"
            label={t('policies.form.referable')}
            valuePropName="checked"
            tooltip={t('policies.form.referableHelp')}
          >
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t('policies.form.name')} rules={required}>
          <Input maxLength={80} data-testid="policy-name" />
        </Form.Item>
        <Form.Item name="summary" label={t('policies.form.summary')} rules={required}>
          <Input.TextArea maxLength={400} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('policies.form.legalBasis')} rules={required}>
          <Input.TextArea maxLength={400} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="targetCategories" label={t('policies.form.targetCategories')}>
          <Select
            mode="multiple"
            allowClear
            options={categoryOptions(lang)}
            aria-label={t('policies.form.targetCategories')}
          />
        </Form.Item>
        <Form.Item
          name="eligibility"
          label={t('policies.form.eligibility')}
          rules={[{ required: true, whitespace: true, message: t('policies.form.required') }]}
        >
          <CelEditor subject={subject} serverIssues={serverIssues} disabled={readOnly} />
        </Form.Item>
        <Form.Item
          name="eligibilityText"
          label={t('policies.form.eligibilityText')}
          extra={t('policies.form.eligibilityTextHelp')}
          rules={required}
        >
          <Input.TextArea maxLength={400} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="benefit" label={t('policies.form.benefit')} rules={required}>
          <Input.TextArea maxLength={400} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="howToApply" label={t('policies.form.howToApply')} rules={required}>
          <Input.TextArea maxLength={400} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="contact" label={t('policies.form.contact')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
