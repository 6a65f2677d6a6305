// 慈善组织 (district): register organisations, keep their contacts, link accounts of the charity role.
import { App, Button, Form, Input, Modal, Space, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { charityApi, type OrgInput, type OrgView } from '../../api/charity.ts';
import { useErrorNotifier } from '../../lib/errors.ts';

type Dialog = { kind: 'edit'; row: OrgView | null } | { kind: 'link'; row: OrgView } | null;

export function OrgsPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<OrgView[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<OrgInput & { username?: string }>();
  const load = useCallback(() => {
    charityApi.orgs().then((r) => setRows(r.items), notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const submit = async (v: OrgInput & { username?: string }) => {
    try {
      if (dialog?.kind === 'link') await charityApi.linkUser(dialog.row.id, v.username ?? '');
      else if (dialog?.row) await charityApi.updateOrg(dialog.row.id, v);
      else await charityApi.createOrg(v);
      message.success(t('charity.form.saved'));
      setDialog(null);
      load();
    } catch (e) {
      notifyError(e);
    }
  };
  const columns: TableColumnsType<OrgView> = [
    { title: t('charity.form.name'), dataIndex: 'name' },
    { title: t('charity.col.creditCode'), dataIndex: 'creditCode' },
    { title: t('charity.col.contact'), key: 'c', render: (_, o) => `${o.contactName} ${o.contactPhone}` },
    {
      title: t('charity.col.users'),
      key: 'u',
      render: (_, o) => o.users.map((u) => <Tag key={u.userId}>{u.username}</Tag>),
    },
    {
      title: t('charity.col.active'),
      key: 'a',
      render: (_, o) => (o.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
    },
    ...(manage
      ? [
          {
            key: 'x',
            render: (_: unknown, o: OrgView) => (
              <Space size="small">
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue(o);
                    setDialog({ kind: 'edit', row: o });
                  }}
                >
                  {t('charity.actions.editOrg')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setDialog({ kind: 'link', row: o });
                  }}
                >
                  {t('charity.actions.linkUser')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  const required = [{ required: true, message: t('charity.form.required') }];
  return (
    <>
      {manage && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ active: true });
            setDialog({ kind: 'edit', row: null });
          }}
        >
          {t('charity.actions.addOrg')}
        </Button>
      )}
      <Table rowKey="id" size="small" loading={rows === null} dataSource={rows ?? []} columns={columns} />
      {dialog && (
        <Modal
          open
          title={dialog.kind === 'link' ? t('charity.actions.linkUser') : t('charity.actions.addOrg')}
          onOk={() => form.submit()}
          onCancel={() => setDialog(null)}
        >
          <Form form={form} layout="vertical" onFinish={submit}>
            {dialog.kind === 'link' ? (
              <Form.Item name="username" label={t('charity.form.username')} rules={required}>
                <Input />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="name" label={t('charity.form.name')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="creditCode" label={t('charity.col.creditCode')} rules={required}>
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name="contactName" label={t('charity.form.contactName')} rules={required}>
                  <Input />
                </Form.Item>
                <Form.Item name="contactPhone" label={t('charity.form.contactPhone')} rules={required}>
                  <Input />
                </Form.Item>
                <Form.Item name="address" label={t('charity.form.address')}>
                  <Input />
                </Form.Item>
                <Form.Item name="active" label={t('charity.col.active')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
