// Contracts (§5.4 CareServiceContract) with their covered persons and each person's plan (§5.3). An
// overlapping coverage of the same service is refused by the server with a bilingual message.
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_ITEM_CODES, SERVICE_TYPE_CODES } from '../../../../contracts/care.ts';
import { type ContractView, type CoverageView, careApi, type ProviderView } from '../../api/care.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { CasePicker } from './CasePicker.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { perWeek } from './planForm.ts';

const d = (v: Dayjs | undefined) => v?.format('YYYY-MM-DD') ?? '';

export function ContractsTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [rows, setRows] = useState<ContractView[] | null>(null);
  const [providers, setProviders] = useState<ProviderView[]>([]);
  const [dialog, setDialog] = useState<DialogProps['dialog'] | null>(null);
  const [plan, setPlan] = useState<{ person: CoverageView; contract: ContractView } | null>(null);
  const load = useCallback(() => {
    careApi
      .contracts()
      .then((r) => setRows(r.items))
      .catch(notifyError);
  }, [notifyError]);
  useEffect(load, [load]);
  useEffect(() => {
    if (manage)
      careApi
        .providers()
        .then((r) => setProviders(r.items))
        .catch(notifyError);
  }, [manage, notifyError]);
  const personColumns = (k: ContractView) => [
    { title: t('care.fields.caseNo'), dataIndex: 'caseNo' },
    { title: t('care.fields.persons'), dataIndex: 'nameMask' },
    {
      title: t('care.fields.careLevel'),
      dataIndex: 'careLevel',
      render: (l: string) => t(`care.levels.${l}` as never),
    },
    { title: t('care.fields.period'), render: (_: unknown, p: CoverageView) => `${p.fromOn} ~ ${p.toOn}` },
    {
      title: t('care.fields.plan'),
      render: (_: unknown, p: CoverageView) => (
        <span
          data-testid={`care-plan-${p.caseNo}`}
          title={t('care.planForm.perWeek', { n: perWeek(p.plan.visitsPerMonth) })}
        >
          {`${t('care.perMonth', { n: p.plan.visitsPerMonth })} · ≥ ${p.plan.minMinutes}′ · ${p.plan.items.map((i) => t(`care.serviceItems.${i}` as never)).join('、')}`}
        </span>
      ),
    },
    {
      title: '',
      render: (_: unknown, p: CoverageView) => t('care.visitsThisMonth', { n: p.visitsThisMonth }),
    },
    ...(manage
      ? [
          {
            key: 'plan',
            render: (_: unknown, p: CoverageView) => (
              <Button
                size="small"
                data-testid={`care-plan-edit-${p.caseNo}`}
                onClick={() => setPlan({ person: p, contract: k })}
              >
                {t('care.planForm.editPlan')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      {manage && (
        <Button
          type="primary"
          data-testid="care-contract-add"
          onClick={() => setDialog({ kind: 'contract' })}
        >
          {t('care.addContract')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        expandable={{
          expandedRowRender: (k) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={k.persons}
              columns={personColumns(k)}
            />
          ),
        }}
        columns={[
          { title: t('care.fields.contractNo'), dataIndex: 'contractNo' },
          { title: t('care.fields.provider'), dataIndex: 'providerName' },
          {
            title: t('care.fields.town'),
            dataIndex: 'townCode',
            render: (c: string) => findDivision(tree, c)?.name ?? c,
          },
          {
            title: t('care.fields.serviceType'),
            dataIndex: 'serviceType',
            render: (s: string) => <Tag>{t(`care.services.${s}` as never)}</Tag>,
          },
          { title: t('care.fields.visitsPerMonth'), dataIndex: 'visitsPerMonth' },
          {
            title: t('care.fields.fee'),
            dataIndex: 'feeFen',
            align: 'right',
            render: (f: number) => fenToYuan(f),
          },
          { title: t('care.fields.period'), render: (_, k) => `${k.validFrom} ~ ${k.validTo}` },
          { title: t('care.fields.persons'), render: (_, k) => k.persons.length },
          ...(manage
            ? [
                {
                  key: 'add',
                  render: (_: unknown, k: ContractView) => (
                    <Button
                      size="small"
                      data-testid="care-person-add"
                      onClick={() => setDialog({ kind: 'person', id: k.id, townCode: k.townCode })}
                    >
                      {t('care.addPerson')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && (
        <ContractDialog
          dialog={dialog}
          providers={providers}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            load();
          }}
        />
      )}
      {plan && (
        <PlanEditor
          title={t('care.planForm.personTitle', { name: plan.person.nameMask, caseNo: plan.person.caseNo })}
          initial={plan.person.plan}
          contract={plan.contract}
          onSave={(body) => careApi.updatePlan(plan.person.id, body)}
          onClose={() => setPlan(null)}
          onDone={() => {
            setPlan(null);
            load();
          }}
        />
      )}
    </>
  );
}

type DialogProps = {
  dialog: { kind: 'contract' } | { kind: 'person'; id: string; townCode: string };
  providers: ProviderView[];
  onClose: () => void;
  onDone: () => void;
};

function ContractDialog({ dialog, providers, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/suspicious/noExplicitAny: antd form values.
  const submit = async (v: any) => {
    setBusy(true);
    try {
      if (dialog.kind === 'contract')
        await careApi.createContract({
          contractNo: v.contractNo,
          providerId: v.providerId,
          townCode: v.townCode,
          serviceType: v.serviceType,
          items: v.items ?? [],
          visitsPerMonth: v.visitsPerMonth,
          feeFen: yuanToFen(v.fee) ?? 0,
          validFrom: d(v.validFrom),
          validTo: d(v.validTo),
        });
      else await careApi.cover(dialog.id, { caseId: v.caseId, fromOn: d(v.fromOn), toOn: d(v.toOn) });
      onDone();
    } catch (err) {
      // The overlap refusal (care.coverage_overlap, 409) has no field: it is shown as a notification.
      reportFormError(form, err, lang, notifyError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(dialog.kind === 'contract' ? 'care.addContract' : 'care.addPerson')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {dialog.kind === 'contract' ? (
          <>
            <Form.Item name="contractNo" label={t('care.fields.contractNo')}>
              <Input />
            </Form.Item>
            <Form.Item name="providerId" label={t('care.fields.provider')}>
              <Select options={providers.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
            <Form.Item name="townCode" label={t('care.fields.town')}>
              <Input placeholder="370971001" />
            </Form.Item>
            <Form.Item name="serviceType" label={t('care.fields.serviceType')}>
              <Select
                options={SERVICE_TYPE_CODES.map((s) => ({ value: s, label: t(`care.services.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="items" label={t('care.fields.items')}>
              <Select
                mode="multiple"
                options={SERVICE_ITEM_CODES.map((s) => ({ value: s, label: t(`care.serviceItems.${s}`) }))}
              />
            </Form.Item>
            <Space>
              <Form.Item name="visitsPerMonth" label={t('care.fields.visitsPerMonth')}>
                <InputNumber min={1} max={62} />
              </Form.Item>
              <Form.Item name="fee" label={t('care.fields.fee')}>
                <InputNumber min={0} step={0.01} />
              </Form.Item>
            </Space>
            <Space>
              <Form.Item name="validFrom" label={t('care.fields.validFrom')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="validTo" label={t('care.fields.validTo')}>
                <DatePicker />
              </Form.Item>
            </Space>
          </>
        ) : (
          <>
            <Form.Item
              name="caseId"
              label={t('care.fields.caseId')}
              extra={t('care.casePicker.hint')}
              rules={[{ required: true, message: t('care.casePicker.required') }]}
            >
              <CasePicker townCode={dialog.townCode} />
            </Form.Item>
            <Space>
              <Form.Item name="fromOn" label={t('care.fields.fromOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="toOn" label={t('care.fields.toOn')}>
                <DatePicker />
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </Modal>
  );
}
