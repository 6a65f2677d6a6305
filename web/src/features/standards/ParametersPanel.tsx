// 政策参数 (§13): every parameter the county may set, with the value in force, the shipped default,
// the legal bounds and basis, and its last change; a district administrator adds a value from a
// month on with the basis (文件依据). Nothing is overwritten; a change starts a recalculation.
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parameterChange } from '../../../../contracts/parameters.ts';
import type { FieldIssue } from '../../api/client.ts';
import { type ParameterItem, parametersApi } from '../../api/standards.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { schemaRule } from '../../lib/schemaRule.ts';
import { RecalcStartedNotice } from '../entitlements/RecalcStartedNotice.tsx';
import {
  boundsText,
  type ParameterFormValues,
  parameterSpec,
  parseParameter,
  resolveParameterField,
  showParameter,
  toParameterChange,
} from './parametersModel.ts';

export function ParametersPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [items, setItems] = useState<ParameterItem[]>([]);
  const [today, setToday] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ParameterItem | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const view = await parametersApi.get();
      setItems(view.items);
      setToday(view.date);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, [notifyError]);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<ParameterItem> = [
    {
      title: t('standards.parameters.name'),
      key: 'name',
      render: (_, p) => (
        <>
          <div>{parameterSpec(p.key)?.[lang] ?? p.key}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.key}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('standards.parameters.current'),
      key: 'current',
      width: 150,
      render: (_, p) =>
        p.current === null ? (
          <>
            {showParameter(p.kind, p.shipped)} <Tag>{t('standards.parameters.default')}</Tag>
          </>
        ) : (
          <Typography.Text strong data-testid={`parameter-current-${p.key}`}>
            {showParameter(p.kind, p.current)}
          </Typography.Text>
        ),
    },
    {
      title: t('standards.parameters.shipped'),
      key: 'shipped',
      width: 120,
      render: (_, p) => showParameter(p.kind, p.shipped),
    },
    {
      title: t('standards.parameters.bounds'),
      key: 'bounds',
      width: 170,
      render: (_, p) => {
        const spec = parameterSpec(p.key);
        if (!spec) return '—';
        return spec.kind === 'phone' ? t('standards.parameters.phoneBounds') : boundsText(spec);
      },
    },
    { title: t('standards.parameters.basis'), dataIndex: 'rule', width: 170 },
    {
      title: t('standards.parameters.lastChange'),
      key: 'last',
      render: (_, p) => {
        const h = p.history[0];
        if (!h) return '—';
        return (
          <Typography.Text ellipsis={{ tooltip: h.reason }} style={{ maxWidth: 260 }}>
            {t('standards.parameters.changeLine', {
              from: h.effectiveFrom,
              value: showParameter(p.kind, h.value),
              reason: h.reason,
            })}
          </Typography.Text>
        );
      },
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'act',
            width: 90,
            render: (_: unknown, p: ParameterItem) => (
              <Button size="small" onClick={() => setEditing(p)} data-testid={`parameter-adjust-${p.key}`}>
                {t('standards.parameters.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('standards.parameters.title')} data-testid="parameters-panel">
      <Typography.Paragraph type="secondary">{t('standards.parameters.hint')}</Typography.Paragraph>
      <Table<ParameterItem>
        rowKey="key"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000 }}
      />
      {manage && editing && today ? (
        <ParameterModal
          item={editing}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : null}
    </Card>
  );
}

function ParameterModal({
  item,
  today,
  onClose,
  onSaved,
}: {
  item: ParameterItem;
  /** The server's date (the injected clock), not the browser's. */
  today: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<ParameterFormValues>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const spec = parameterSpec(item.key)!;

  const onFinish = async (v: ParameterFormValues) => {
    const parsed = parseParameter(spec, v.value);
    if (!parsed.ok) return;
    setBusy(true);
    setIssues([]);
    try {
      const out = await parametersApi.add([toParameterChange(item.key, parsed.value, v)]);
      message.success(t('standards.parameters.saved'));
      const notice = <RecalcStartedNotice recalc={out.recalc ?? null} />;
      if (out.recalc) message.info({ content: notice, duration: 10 });
      onSaved();
    } catch (err) {
      setIssues(reportFormError(form, err, lang, notifyError, resolveParameterField));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('standards.parameters.adjustTitle', { name: spec[lang] })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'parameter-ok' } as Record<string, string>}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <FormIssues issues={issues} />
      <Form<ParameterFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ month: dayjs(today).add(1, 'month').startOf('month') }}
      >
        <Form.Item
          name="value"
          label={
            spec.kind === 'phone'
              ? t('standards.parameters.valuePhone')
              : t('standards.parameters.value', { bounds: boundsText(spec) })
          }
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                const r = parseParameter(spec, v);
                if (!r.ok)
                  throw new Error(t(`standards.parameters.errors.${r.reason}`, { bounds: boundsText(spec) }));
              },
            },
          ]}
        >
          <Input
            id="parameter-value"
            inputMode="decimal"
            suffix={spec.kind === 'fen' ? t('common.yuan') : undefined}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('standards.parameters.month')}
          rules={[{ required: true, message: t('standards.parameters.monthRequired') }]}
        >
          <DatePicker id="parameter-month" picker="month" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('standards.parameters.reason')}
          rules={[schemaRule(parameterChange.shape.reason, lang)]}
        >
          <Input.TextArea
            id="parameter-reason"
            rows={2}
            placeholder={t('standards.parameters.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
