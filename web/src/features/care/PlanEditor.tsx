// Editing a care plan (§5.3): a covered person's plan (PUT /api/v1/care/plans/:coverageId) or a
// self-care level's default for new signings (PUT /api/v1/care/plan-defaults/:level). Visits are a
// month's, as the API defines them; the weekly figure is a hint. Limits mirror planInput.
import { Alert, Checkbox, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_ITEM_CODES } from '../../../../contracts/care.ts';
import type { FieldIssue } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import {
  PLAN_LIMITS,
  type PlanBody,
  type PlanProblem,
  type PlanValues,
  perWeek,
  planFieldOf,
  planNotes,
  planProblems,
  toPlanBody,
} from './planForm.ts';

type Plan = { visitsPerMonth: number; minMinutes: number; items: readonly string[] };

type Props = {
  title: string;
  initial: Plan;
  /** A person's plan: the contract it is bought under, for the notes below the form. */
  contract?: { visitsPerMonth: number; items: readonly string[] } | undefined;
  onSave: (body: PlanBody) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
};

export function PlanEditor({ title, initial, contract, onSave, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<PlanValues>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const values = Form.useWatch([], form) as PlanValues | undefined;

  const problemText = (p: PlanProblem) => {
    if (p.field === 'items')
      return t(p.problem === 'required' ? 'care.planForm.itemsRequired' : 'care.planForm.itemsUnknown');
    return t(`care.planForm.${p.problem}`, { min: p.min, max: p.max });
  };
  const rule = (field: PlanProblem['field']) => ({
    validator: async (_: unknown, v: unknown) => {
      const p = planProblems({ ...form.getFieldsValue(), [field]: v }).find((x) => x.field === field);
      if (p) throw new Error(problemText(p));
    },
  });

  const submit = async (v: PlanValues) => {
    if (planProblems(v).length > 0) return;
    setBusy(true);
    setIssues([]);
    try {
      await onSave(toPlanBody(v));
      onDone();
    } catch (err) {
      setIssues(reportFormError(form, err, lang, notifyError, planFieldOf));
    } finally {
      setBusy(false);
    }
  };

  const visits = values?.visitsPerMonth;
  const notes = contract && values ? planNotes(values, contract) : null;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('care.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'care-plan-save' } as Record<string, string>}
      confirmLoading={busy}
      destroyOnHidden
    >
      <FormIssues issues={issues} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ ...initial, items: [...initial.items] }}
        onFinish={submit}
      >
        <Space align="start" wrap>
          <Form.Item
            name="visitsPerMonth"
            label={t('care.fields.visitsPerMonth')}
            rules={[rule('visitsPerMonth')]}
            extra={
              typeof visits === 'number' && Number.isInteger(visits) && visits > 0
                ? t('care.planForm.perWeek', { n: perWeek(visits) })
                : undefined
            }
          >
            <InputNumber
              data-testid="care-plan-visits"
              min={PLAN_LIMITS.visitsPerMonth.min}
              max={PLAN_LIMITS.visitsPerMonth.max}
              precision={0}
            />
          </Form.Item>
          <Form.Item name="minMinutes" label={t('care.fields.minMinutes')} rules={[rule('minMinutes')]}>
            <InputNumber
              data-testid="care-plan-minutes"
              min={PLAN_LIMITS.minMinutes.min}
              max={PLAN_LIMITS.minMinutes.max}
              precision={0}
            />
          </Form.Item>
        </Space>
        <Form.Item name="items" label={t('care.fields.items')} rules={[rule('items')]}>
          <Checkbox.Group
            data-testid="care-plan-items"
            options={SERVICE_ITEM_CODES.map((c) => ({ value: c, label: t(`care.serviceItems.${c}`) }))}
          />
        </Form.Item>
      </Form>
      {contract && (
        <Typography.Paragraph type="secondary">
          {t('care.planForm.contractTerms', {
            n: contract.visitsPerMonth,
            items: contract.items.map((i) => t(`care.serviceItems.${i}` as never)).join('、'),
          })}
        </Typography.Paragraph>
      )}
      {notes && (notes.fewerVisits || notes.itemsNotBought.length > 0) && (
        <Alert
          type="warning"
          showIcon
          data-testid="care-plan-notes"
          title={[
            notes.fewerVisits ? t('care.planForm.fewerVisits', { n: contract?.visitsPerMonth }) : null,
            notes.itemsNotBought.length > 0
              ? t('care.planForm.itemsNotBought', {
                  items: notes.itemsNotBought.map((i) => t(`care.serviceItems.${i}` as never)).join('、'),
                })
              : null,
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
    </Modal>
  );
}
