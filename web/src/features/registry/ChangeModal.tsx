// A modal form for one change of a household: the fields, a required 变更原因, and the common
// handling of the answer (field errors at the fields, version conflict → reload, others notified).
import { App, Form, type FormInstance, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { type FieldResolver, reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';

export type ChangeValues = { reason: string };

type Props<V extends ChangeValues> = {
  open: boolean;
  /** antd Form name: the inputs get ids `${formName}_${field}`. */
  formName: string;
  title: string;
  okText?: string;
  width?: number;
  initialValues?: Partial<V>;
  /** Sends the change (the caller adds expectedVersion). */
  submit: (values: V) => Promise<unknown>;
  /** Top-level fields of the form besides `reason`: server issues about them are shown there. */
  fields?: readonly string[];
  /** Custom server field → form field mapping (member fields); overrides `fields`. */
  resolve?: (form: FormInstance<V>) => FieldResolver;
  onClose: () => void;
  /** After success, and after the user accepts to reload on a version conflict. */
  onChanged: () => void;
  children: ReactNode;
};

export function ChangeModal<V extends ChangeValues>(props: Props<V>) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const onFinish = async (values: V) => {
    setBusy(true);
    setIssues([]);
    try {
      await props.submit({ ...values, reason: values.reason.trim() });
      message.success(t('household.saved'));
      props.onClose();
      props.onChanged();
    } catch (err) {
      if (isApiError(err) && err.code === 'registry.version_conflict') {
        modal.warning({
          title: t('household.versionConflictTitle'),
          content: t('household.versionConflictBody'),
          okText: t('common.refresh'),
          onOk: () => props.onChanged(),
        });
        return;
      }
      const known = new Set(['reason', ...(props.fields ?? [])]);
      const resolver: FieldResolver =
        props.resolve?.(form) ?? ((p) => (p.length === 1 && known.has(String(p[0])) ? p : null));
      setIssues(reportFormError(form, err, lang, notifyError, resolver));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 560}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': `${props.formName}-ok` } as Record<string, string>}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<V>
        form={form}
        name={props.formName}
        layout="vertical"
        preserve={false}
        initialValues={props.initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        {props.children}
        <Form.Item
          name="reason"
          label={t('change.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('change.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('change.reasonPlaceholder')} />
        </Form.Item>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
