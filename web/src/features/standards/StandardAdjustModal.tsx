// 调整标准: adds one or several values at once (the yearly adjustment changes urban and rural together),
// each from the first day of a month, all with one basis (文件依据). Nothing is overwritten.
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_SERIES, type StandardSeries, standardChange } from '../../../../contracts/standards.ts';
import type { FieldIssue } from '../../api/client.ts';
import { type StandardsView, standardsApi } from '../../api/standards.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { schemaRule } from '../../lib/schemaRule.ts';
import { RecalcStartedNotice } from '../entitlements/RecalcStartedNotice.tsx';
import {
  type AdjustValues,
  parseStandardYuan,
  resolveAdjustField,
  seriesName,
  toStandardChanges,
} from './standardsModel.ts';

type Props = {
  open: boolean;
  view: StandardsView | null;
  /** The series of the rows the form starts with. */
  initialSeries: StandardSeries[];
  onClose: () => void;
  onSaved: (count: number) => void;
};

export function StandardAdjustModal({ open, view, initialSeries, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<AdjustValues>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const rows = Form.useWatch('changes', form);

  const options = useMemo(
    () => STANDARD_SERIES.map((s) => ({ value: s.key, label: `${s.category} · ${seriesName(s.key, lang)}` })),
    [lang],
  );
  const currentOf = (key?: StandardSeries) => view?.series.find((s) => s.key === key)?.current ?? null;

  const amountRule = {
    validator: async (_: unknown, v?: string) => {
      const r = parseStandardYuan(v);
      if (!r.ok) throw new Error(t(`standards.amountErrors.${r.reason}`));
    },
  };
  const seriesRule = (index: number) => ({
    validator: async (_: unknown, v?: StandardSeries) => {
      if (!v) throw new Error(t('standards.seriesRequired'));
      const all = (form.getFieldValue('changes') ?? []) as AdjustValues['changes'];
      if (all?.some((r, i) => i !== index && r?.series === v)) throw new Error(t('standards.seriesTwice'));
    },
  });
  const reasonRule = schemaRule(standardChange.shape.reason, lang);

  const onFinish = async (v: AdjustValues) => {
    setBusy(true);
    setIssues([]);
    try {
      const changes = toStandardChanges(v);
      // the API also reports the recalculation the change started (§9.4)
      const out = await standardsApi.add(changes);
      message.success(t('standards.saved', { count: changes.length }));
      const notice = <RecalcStartedNotice recalc={out.recalc ?? null} />;
      if (out.recalc) message.info({ content: notice, duration: 10 });
      else message.warning({ content: notice, duration: 10 });
      onSaved(changes.length);
    } catch (err) {
      setIssues(reportFormError(form, err, lang, notifyError, resolveAdjustField));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('standards.adjustTitle')}
      width={820}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'standards-adjust-ok' } as Record<string, string>}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('standards.adjustHint')} />
      <Form<AdjustValues>
        form={form}
        name="standards-adjust"
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        initialValues={{ changes: initialSeries.map((series) => ({ series })) }}
        scrollToFirstError
      >
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const current = currentOf(rows?.[i]?.series);
                return (
                  <Row key={f.key} gutter={12} align="top" data-testid={`standards-adjust-row-${i}`}>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[f.name, 'series']}
                        label={i === 0 ? t('standards.series') : undefined}
                        required
                        rules={[seriesRule(f.name)]}
                      >
                        <Select
                          options={options}
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('standards.seriesPlaceholder')}
                          data-testid={`standards-adjust-series-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[f.name, 'amountYuan']}
                        label={i === 0 ? t('standards.amountYuan') : undefined}
                        required
                        rules={[amountRule]}
                        extra={
                          rows?.[i]?.series
                            ? current === null
                              ? t('standards.currentUnset')
                              : t('standards.currentIs', { amount: fenToYuan(current) })
                            : undefined
                        }
                      >
                        <Input
                          suffix={t('standards.yuanUnit')}
                          inputMode="decimal"
                          autoComplete="off"
                          maxLength={14}
                          data-testid={`standards-adjust-amount-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item
                        name={[f.name, 'month']}
                        label={i === 0 ? t('standards.effectiveMonth') : undefined}
                        rules={[{ required: true, message: t('standards.monthRequired') }]}
                      >
                        <DatePicker
                          picker="month"
                          format="YYYY-MM"
                          style={{ width: '100%' }}
                          placeholder={t('standards.monthPlaceholder')}
                          data-testid={`standards-adjust-month-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={2}>
                      <Form.Item label={i === 0 ? ' ' : undefined}>
                        <Button
                          type="text"
                          danger
                          disabled={fields.length <= 1}
                          onClick={() => remove(f.name)}
                          aria-label={t('standards.removeRow')}
                          title={t('standards.removeRow')}
                          data-testid={`standards-adjust-remove-${i}`}
                        >
                          ×
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })}
              <Button
                type="dashed"
                block
                style={{ marginBottom: 16 }}
                disabled={fields.length >= 20}
                onClick={() => add({})}
                data-testid="standards-adjust-add-row"
              >
                {t('standards.addRow')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name="reason"
          label={t('standards.reason')}
          required
          rules={[reasonRule]}
          extra={t('standards.reasonHelp')}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t('standards.reasonPlaceholder')}
            data-testid="standards-adjust-reason"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('standards.appendOnly')}
        </Typography.Paragraph>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
