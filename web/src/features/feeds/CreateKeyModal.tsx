// A new department key: the department, a name, and which of that department's sources it may use.
import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_CODES, type DepartmentCode } from '../../../../contracts/feeds.ts';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { type ApiKeyCreated, feedsApi } from '../../api/feeds.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { applyFieldErrors, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { departmentName, sourcesOf } from './feedsModel.ts';

type Values = { department: DepartmentCode; label: string; scopes: string[] };
type Props = { open: boolean; onClose: () => void; onCreated: (k: ApiKeyCreated) => void };

export function CreateKeyModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const department = Form.useWatch('department', form);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const required = [{ required: true, message: t('feeds.keys.required') }];

  const onFinish = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    try {
      onCreated(await feedsApi.createKey({ department: v.department, label: v.label, scopes: v.scopes }));
    } catch (e) {
      if (isApiError(e) && e.fieldIssues.length > 0)
        setIssues(applyFieldErrors(form, e, lang, (p) => (p[0] === 'scopes' ? ['scopes'] : p)));
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('feeds.keys.create')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'key-create-ok' } as Record<string, string>}
    >
      <FormIssues issues={issues} />
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="department" label={t('feeds.department')} rules={required}>
          <Select
            options={DEPARTMENT_CODES.filter((d) => sourcesOf(d).length > 0).map((d) => ({
              value: d,
              label: departmentName(d, lang),
            }))}
            onChange={() => form.setFieldValue('scopes', [])}
            data-testid="key-department"
          />
        </Form.Item>
        <Form.Item name="label" label={t('feeds.keys.label')} rules={required}>
          <Input maxLength={100} placeholder={t('feeds.keys.labelHint')} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('feeds.keys.scopes')}
          extra={t('feeds.keys.scopesHint')}
          rules={required}
        >
          <Checkbox.Group options={sourcesOf(department).map((s) => ({ value: s.code, label: s[lang] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
