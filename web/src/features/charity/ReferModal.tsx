// 转介慈善帮扶: refer a household to an organisation (and optionally one of its projects), from a
// case, an alert or directly; the household is taken from the case or alert by the server.
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { charityApi, type OrgView, type ProjectView, type ReferralInput } from '../../api/charity.ts';
import type { FieldIssue } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { needOptions } from './charityLabels.ts';

export type ReferSource = { caseId?: string; alertId?: string; householdId?: string };
type Values = Pick<ReferralInput, 'orgId' | 'projectId' | 'need' | 'description'>;

export function ReferModal({
  source,
  onClose,
  onDone,
}: {
  source: ReferSource;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [orgs, setOrgs] = useState<OrgView[]>([]);
  const [projects, setProjects] = useState<ProjectView[]>([]);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const orgId = Form.useWatch('orgId', form);

  useEffect(() => {
    Promise.all([charityApi.orgs(), charityApi.projects()]).then(([o, p]) => {
      setOrgs(o.items.filter((x) => x.active));
      setProjects(p.items.filter((x) => x.status === 'ACTIVE'));
    }, notifyError);
  }, [notifyError]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    try {
      await charityApi.refer({ ...source, ...v });
      message.success(t('charity.form.saved'));
      onDone();
    } catch (err) {
      setIssues(
        reportFormError(form, err, lang, notifyError, (p) =>
          ['orgId', 'projectId', 'need', 'description'].includes(String(p[0])) ? p : null,
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('charity.form.required') }];
  return (
    <Modal
      open
      title={t('charity.actions.refer')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="orgId" label={t('charity.col.org')} rules={required}>
          <Select id="charity-org" options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="projectId" label={t('charity.col.project')}>
          <Select
            allowClear
            options={projects.filter((p) => p.orgId === orgId).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="need" label={t('charity.col.need')} rules={required}>
          <Select id="charity-need" options={needOptions(lang)} />
        </Form.Item>
        <Form.Item name="description" label={t('charity.form.description')} rules={required}>
          <Input.TextArea id="charity-description" rows={3} maxLength={2000} />
        </Form.Item>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
