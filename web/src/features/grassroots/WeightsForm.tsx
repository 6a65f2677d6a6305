// Setting the county's assessment weights (§9.6 "weights are configurable"): from a month on, the
// five town scores and the four automatic metrics as whole percentages summing to 100 — checked here
// as the server checks it (weightsInput), the server's issues shown at their fields or above.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, METRICS, type WeightKey, type Weights } from '../../../../contracts/grassroots.ts';
import type { FieldIssue } from '../../api/client.ts';
import { isApiError } from '../../api/client.ts';
import { grassrootsApi, type WeightsView } from '../../api/grassroots.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { checkWeights, monthOf, weightsIssuePath, weightsValues } from './formsModel.ts';

type Values = { effectiveFrom: dayjs.Dayjs | null; weights: Weights; note: string };

export function WeightsForm({
  open,
  start,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The weights the form starts from (those in force). */
  start: WeightsView | null;
  onClose: () => void;
  onSaved: (saved: WeightsView) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const weights = Form.useWatch('weights', form) as Partial<Weights> | undefined;
  const check = checkWeights(weights ?? {});

  useEffect(() => {
    if (!open) return;
    setIssues([]);
    form.resetFields();
    form.setFieldsValue({
      effectiveFrom: dayjs(`${monthOf(todayInShanghai())}-01`),
      weights: weightsValues(start),
      note: '',
    });
  }, [open, start, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.effectiveFrom || !checkWeights(v.weights).ok) return;
    const month = v.effectiveFrom.format('YYYY-MM');
    setBusy(true);
    setIssues([]);
    try {
      onSaved(
        await grassrootsApi.setWeights({ effectiveFrom: month, weights: v.weights, note: v.note.trim() }),
      );
    } catch (e) {
      if (isApiError(e) && e.code === 'assistants.weights_exist')
        form.setFields([{ name: 'effectiveFrom', errors: [lang === 'en' ? e.messageEn : e.message] }]);
      else setIssues(reportFormError(form, e, lang, notify, weightsIssuePath));
    } finally {
      setBusy(false);
    }
  };

  const weightRule = {
    validator: async (_: unknown, v: unknown) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100)
        throw new Error(t('grassroots.weightsForm.weightBad'));
    },
  };
  const field = (k: WeightKey, label: string) => (
    <Form.Item key={k} name={['weights', k]} label={label} rules={[weightRule]} style={{ marginBottom: 8 }}>
      <InputNumber
        min={0}
        max={100}
        precision={0}
        suffix="%"
        style={{ width: 110 }}
        data-testid={`weight-${k}`}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={t('grassroots.weightsForm.edit')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'weights-save' } as Record<string, string>}
      width={640}
      destroyOnHidden
    >
      <FormIssues issues={issues} />
      <Form<Values> form={form} layout="vertical" data-testid="weights-form">
        <Form.Item
          name="effectiveFrom"
          label={t('grassroots.weightsForm.effectiveFrom')}
          rules={[{ required: true, message: t('grassroots.weightsForm.monthRequired') }]}
        >
          <DatePicker picker="month" allowClear={false} data-testid="weights-from" />
        </Form.Item>
        <Typography.Text strong>{t('grassroots.weightsForm.dims')}</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {DIMENSIONS.map((d) => field(d, t(`grassroots.dims.${d}`)))}
        </Space>
        <Typography.Text strong style={{ display: 'block' }}>
          {t('grassroots.weightsForm.metricsPart')}
        </Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {METRICS.map((m) => field(m, t(`grassroots.metrics.${m}`)))}
        </Space>
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          style={{ margin: '8px 0 16px' }}
          title={
            check.ok
              ? t('grassroots.weightsForm.sum', { sum: check.sum })
              : t('grassroots.weightsForm.sumBad', { sum: check.sum })
          }
          data-testid="weights-sum"
        />
        <Form.Item name="note" label={t('grassroots.weightsForm.note')}>
          <Input maxLength={200} data-testid="weights-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
