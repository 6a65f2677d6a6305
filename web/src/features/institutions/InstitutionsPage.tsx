// 供养机构 (§5.4): the county's institutions for centralised 特困 support, with their beds, the
// persons placed now and the account the payroll pays. The district edits; towns and auditors read.
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import type { FieldIssue } from '../../api/client.ts';
import { type InstitutionInput, type InstitutionView, institutionsApi } from '../../api/institutions.ts';
import { DivisionLevelPicker } from '../../components/DivisionSelect.tsx';
import { FormIssues } from '../../components/FormIssues.tsx';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';

type Editing = { row: InstitutionView | null } | null;

export function InstitutionsPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [items, setItems] = useState<InstitutionView[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const manage = can(actor.role, 'institutions.manage');

  const load = useCallback(() => {
    institutionsApi
      .list()
      .then((r) => setItems(r.items))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const columns: TableColumnsType<InstitutionView> = [
    { title: t('institutions.fields.name'), dataIndex: 'name' },
    {
      title: t('institutions.fields.townCode'),
      dataIndex: 'townCode',
      render: (c: string) => findDivision(tree, c)?.name ?? c,
    },
    { title: t('institutions.fields.creditCode'), dataIndex: 'creditCode' },
    {
      title: t('institutions.fields.residents'),
      key: 'beds',
      align: 'right',
      render: (_, r) => `${r.residents} / ${r.capacity}`,
    },
    {
      title: t('institutions.fields.bankAccount'),
      key: 'account',
      render: (_, r) => `${r.bankName} ${r.bankAccount}`,
    },
    {
      title: t('institutions.fields.active'),
      dataIndex: 'active',
      render: (a: boolean) =>
        a ? <Tag color="green">{t('institutions.active')}</Tag> : <Tag>{t('institutions.inactive')}</Tag>,
    },
    ...(manage
      ? [
          {
            key: 'edit',
            render: (_: unknown, r: InstitutionView) => (
              <Button size="small" onClick={() => setEditing({ row: r })}>
                {t('institutions.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('institutions.title')}
      extra={
        manage ? (
          <Button type="primary" data-testid="institution-add" onClick={() => setEditing({ row: null })}>
            {t('institutions.add')}
          </Button>
        ) : null
      }
    >
      <p>{t('institutions.intro')}</p>
      <Table rowKey="id" size="small" loading={items === null} dataSource={items ?? []} columns={columns} />
      {editing && (
        <InstitutionModal
          row={editing.row}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}

const FIELDS = new Set([
  'name',
  'creditCode',
  'townCode',
  'address',
  'capacity',
  'accountName',
  'bankAccount',
  'bankName',
  'active',
]);

function InstitutionModal({
  row,
  onClose,
  onSaved,
}: {
  row: InstitutionView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<InstitutionInput>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const required = [{ required: true, message: t('cases.form.required') }];

  const onFinish = async (v: InstitutionInput) => {
    setBusy(true);
    setIssues([]);
    try {
      if (row) await institutionsApi.update(row.id, v);
      else await institutionsApi.create(v);
      message.success(t('institutions.saved'));
      onSaved();
    } catch (err) {
      setIssues(
        reportFormError(form, err, lang, notifyError, (p) =>
          p.length === 1 && FIELDS.has(String(p[0])) ? p : null,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={row ? t('institutions.editTitle') : t('institutions.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={row ?? { active: true, capacity: 50, address: '' }}
      >
        <Form.Item name="name" label={t('institutions.fields.name')} rules={required}>
          <Input id="institution-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('institutions.fields.creditCode')} rules={required}>
          <Input id="institution-creditCode" maxLength={18} />
        </Form.Item>
        <Form.Item name="townCode" label={t('institutions.fields.townCode')} rules={required}>
          <DivisionLevelPicker level="town" id="institution-townCode" />
        </Form.Item>
        <Form.Item name="address" label={t('institutions.fields.address')}>
          <Input />
        </Form.Item>
        <Form.Item name="capacity" label={t('institutions.fields.capacity')} rules={required}>
          <InputNumber id="institution-capacity" min={1} max={10_000} precision={0} />
        </Form.Item>
        <Form.Item name="accountName" label={t('institutions.fields.accountName')} rules={required}>
          <Input id="institution-accountName" />
        </Form.Item>
        <Form.Item name="bankAccount" label={t('institutions.fields.bankAccount')} rules={required}>
          <Input id="institution-bankAccount" inputMode="numeric" />
        </Form.Item>
        <Form.Item name="bankName" label={t('institutions.fields.bankName')} rules={required}>
          <Input id="institution-bankName" />
        </Form.Item>
        <Form.Item name="active" label={t('institutions.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
