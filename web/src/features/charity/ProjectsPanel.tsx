// 慈善项目: budget, used and left, target groups, needs and period; organisations edit their own.
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { charityApi, type OrgView, type ProjectView } from '../../api/charity.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, yuanToFen } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { needLabel, needOptions, TARGET_CATEGORY_NAMES, targetOptions } from './charityLabels.ts';

type Values = Omit<
  ProjectView,
  'id' | 'orgName' | 'budgetFen' | 'usedFen' | 'leftFen' | 'periodFrom' | 'periodTo'
> & {
  budgetYuan: number;
  period: [Dayjs, Dayjs];
};

export function ProjectsPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<ProjectView[] | null>(null);
  const [orgs, setOrgs] = useState<OrgView[]>([]);
  const [editing, setEditing] = useState<{ row: ProjectView | null } | null>(null);
  const load = useCallback(() => {
    Promise.all([charityApi.projects(), charityApi.orgs()]).then(([p, o]) => {
      setRows(p.items);
      setOrgs(o.items);
    }, notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const columns: TableColumnsType<ProjectView> = [
    { title: t('charity.form.name'), dataIndex: 'name' },
    { title: t('charity.col.org'), dataIndex: 'orgName' },
    { title: t('charity.col.period'), key: 'period', render: (_, p) => `${p.periodFrom} ~ ${p.periodTo}` },
    {
      title: t('charity.col.targets'),
      key: 'targets',
      render: (_, p) => [
        ...p.targetCategories.map((c) => (
          <Tag key={c}>{lang === 'en' ? TARGET_CATEGORY_NAMES[c].en : TARGET_CATEGORY_NAMES[c].zh}</Tag>
        )),
        ...p.needs.map((n) => (
          <Tag key={n} color="blue">
            {needLabel(n, lang)}
          </Tag>
        )),
      ],
    },
    { title: t('charity.col.budget'), key: 'b', align: 'right', render: (_, p) => fenToYuan(p.budgetFen) },
    { title: t('charity.col.used'), key: 'u', align: 'right', render: (_, p) => fenToYuan(p.usedFen) },
    { title: t('charity.col.left'), key: 'l', align: 'right', render: (_, p) => fenToYuan(p.leftFen) },
    {
      key: 'bar',
      width: 120,
      render: (_, p) => <Progress size="small" percent={Math.round((p.usedFen * 100) / p.budgetFen)} />,
    },
    { title: t('charity.form.status'), key: 's', render: (_, p) => t(`charity.projectStatus.${p.status}`) },
    ...(manage
      ? [
          {
            key: 'e',
            render: (_: unknown, p: ProjectView) => (
              <Button size="small" onClick={() => setEditing({ row: p })}>
                {t('charity.actions.editProject')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      {manage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing({ row: null })}>
          {t('charity.actions.addProject')}
        </Button>
      )}
      <Table rowKey="id" size="small" loading={rows === null} dataSource={rows ?? []} columns={columns} />
      {editing && (
        <ProjectModal
          row={editing.row}
          orgs={orgs}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </>
  );
}

function ProjectModal({
  row,
  orgs,
  onClose,
  onSaved,
}: {
  row: ProjectView | null;
  orgs: OrgView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('charity.form.required') }];
  const onFinish = async (v: Values) => {
    setBusy(true);
    const body = {
      orgId: v.orgId,
      name: v.name,
      description: v.description ?? '',
      budgetFen: yuanToFen(v.budgetYuan) ?? 0,
      targetCategories: v.targetCategories,
      needs: v.needs,
      periodFrom: v.period[0].format('YYYY-MM-DD'),
      periodTo: v.period[1].format('YYYY-MM-DD'),
      status: v.status,
      ...(row ? { version: row.version } : {}),
    };
    try {
      if (row) await charityApi.updateProject(row.id, body);
      else await charityApi.createProject(body);
      message.success(t('charity.form.saved'));
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const initial = row
    ? { ...row, budgetYuan: row.budgetFen / 100, period: [dayjs(row.periodFrom), dayjs(row.periodTo)] }
    : {
        status: 'ACTIVE',
        orgId: orgs.length === 1 ? orgs[0]?.id : undefined,
        targetCategories: ['DIBAO'],
        needs: ['LIVING'],
      };
  return (
    <Modal
      open
      title={row ? t('charity.actions.editProject') : t('charity.actions.addProject')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={600}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Form.Item name="orgId" label={t('charity.col.org')} rules={required}>
          <Select disabled={!!row} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('charity.form.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('charity.form.description2')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="budgetYuan" label={t('charity.col.budget')} rules={required}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="targetCategories" label={t('charity.col.targets')} rules={required}>
          <Select mode="multiple" options={targetOptions(lang)} />
        </Form.Item>
        <Form.Item name="needs" label={t('charity.col.need')} rules={required}>
          <Select mode="multiple" options={needOptions(lang)} />
        </Form.Item>
        <Form.Item name="period" label={t('charity.col.period')} rules={required}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="status" label={t('charity.form.status')}>
          <Select
            options={(['ACTIVE', 'SUSPENDED', 'CLOSED'] as const).map((s) => ({
              value: s,
              label: t(`charity.projectStatus.${s}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
