// 照护服务 (§5.4 分散供养 → purchased care; §9.1): the district's providers, contracts with the persons
// covered, their care plans and the plan defaults (PlansTab.tsx); the town's monthly verification. Providers record visits on /care/visits.
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { careApi, type ProviderView } from '../../api/care.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { ContractsTab } from './ContractsTab.tsx';
import { PlansTab } from './PlansTab.tsx';
import { VerificationTab } from './VerificationTab.tsx';

export function CarePage() {
  const { t } = useTranslation();
  const actor = useActor();
  const manage = can(actor.role, 'care.manage');
  const verify = can(actor.role, 'care.verify');
  const items = [
    { key: 'providers', label: t('care.tabs.providers'), children: <ProvidersTab manage={manage} /> },
    { key: 'contracts', label: t('care.tabs.contracts'), children: <ContractsTab manage={manage} /> },
    { key: 'plans', label: t('care.tabs.plans'), children: <PlansTab manage={manage} /> },
    {
      key: 'verification',
      label: t('care.tabs.verification'),
      children: <VerificationTab verify={verify} />,
    },
  ];
  return (
    <Card title={t('care.title')}>
      <p>{t('care.intro')}</p>
      <Tabs
        defaultActiveKey={verify && !manage ? 'verification' : 'providers'}
        items={items}
        destroyOnHidden
      />
    </Card>
  );
}

function ProvidersTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const { modal } = App.useApp();
  const [rows, setRows] = useState<ProviderView[] | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'provider' | 'staff' | 'account'; id?: string } | null>(null);
  const load = useCallback(() => {
    careApi
      .providers()
      .then((r) => setRows(r.items))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);
  const done = (msg?: string) => {
    setDialog(null);
    if (msg) modal.info({ content: msg });
    load();
  };
  return (
    <>
      {manage && (
        <Button
          type="primary"
          data-testid="care-provider-add"
          onClick={() => setDialog({ kind: 'provider' })}
        >
          {t('care.addProvider')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={[
          { title: t('care.fields.name'), dataIndex: 'name' },
          { title: t('care.fields.creditCode'), dataIndex: 'creditCode' },
          { title: t('care.fields.contactName'), render: (_, r) => `${r.contactName} ${r.contactPhone}` },
          { title: t('care.fields.bankAccount'), render: (_, r) => `${r.bankName} ${r.bankAccount}` },
          {
            title: t('care.fields.staff'),
            render: (_, r) => r.staff.map((s) => <Tag key={s.id}>{`${s.name} ${s.phoneMask ?? ''}`}</Tag>),
          },
          {
            title: t('care.fields.accounts'),
            render: (_, r) => r.accounts.map((a) => <Tag key={a.username}>{a.username}</Tag>),
          },
          ...(manage
            ? [
                {
                  key: 'act',
                  render: (_: unknown, r: ProviderView) => (
                    <Space>
                      <Button size="small" onClick={() => setDialog({ kind: 'staff', id: r.id })}>
                        {t('care.addStaff')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'account', id: r.id })}>
                        {t('care.addAccount')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && (
        <ProviderDialog dialog={dialog} rows={rows ?? []} onClose={() => setDialog(null)} onDone={done} />
      )}
    </>
  );
}

type Dialog = { kind: 'provider' | 'staff' | 'account'; id?: string };
const PROVIDER_FIELDS = [
  'name',
  'creditCode',
  'qualification',
  'contactName',
  'contactPhone',
  'address',
  'accountName',
  'bankAccount',
  'bankName',
] as const;

function ProviderDialog({
  dialog,
  rows,
  onClose,
  onDone,
}: {
  dialog: Dialog;
  rows: ProviderView[];
  onClose: () => void;
  onDone: (msg?: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const staff = rows.find((r) => r.id === dialog.id)?.staff ?? [];
  const submit = async (v: Record<string, string>) => {
    setBusy(true);
    try {
      if (dialog.kind === 'provider') await careApi.createProvider(v as never);
      if (dialog.kind === 'staff')
        await careApi.addStaff(dialog.id as string, {
          name: v.name as string,
          ...(v.phone ? { phone: v.phone } : {}),
        });
      if (dialog.kind === 'account') {
        const r = await careApi.createAccount(dialog.id as string, {
          username: v.username as string,
          displayName: v.displayName as string,
          staffId: v.staffId ?? null,
        });
        return onDone(t('care.accountCreated', { username: r.username, password: r.password ?? '—' }));
      }
      onDone();
    } catch (err) {
      reportFormError(form, err, lang, notifyError);
    } finally {
      setBusy(false);
    }
  };
  const fields =
    dialog.kind === 'provider'
      ? PROVIDER_FIELDS
      : dialog.kind === 'staff'
        ? (['name', 'phone'] as const)
        : (['username', 'displayName'] as const);
  return (
    <Modal
      open
      title={t(
        dialog.kind === 'provider'
          ? 'care.addProvider'
          : dialog.kind === 'staff'
            ? 'care.addStaff'
            : 'care.addAccount',
      )}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={t(`care.fields.${f}`)}>
            <Input data-testid={`care-${dialog.kind}-${f}`} />
          </Form.Item>
        ))}
        {dialog.kind === 'account' && staff.length > 0 && (
          <Form.Item name="staffId" label={t('care.fields.staff')}>
            <Select
              allowClear
              data-testid="care-account-staff"
              options={staff.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
