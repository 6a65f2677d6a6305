// 急难型临时救助报告 (§6.5 REPORTED): the town or village reports an emergency; the case page then
// takes it through first aid (approve, pay within 24 hours from the reserve fund) and the paperwork.
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { FieldIssue } from '../../../api/client.ts';
import { urgentApi } from '../../../api/reserveFund.ts';
import { VillagePicker } from '../../../components/DivisionSelect.tsx';
import { FormIssues } from '../../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/lang.ts';
import { HouseholdSearchSelect } from './HouseholdSearchSelect.tsx';
import {
  toUrgentReport,
  URGENT_CAUSES,
  URGENT_SOURCES,
  type UrgentFormValues,
  urgentFieldOf,
} from './urgentForm.ts';

export function UrgentReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<UrgentFormValues>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const villageCode = Form.useWatch('villageCode', form);
  const nonLocal = Form.useWatch('nonLocalHukou', form) === true;

  const onFinish = async (v: UrgentFormValues) => {
    setBusy(true);
    setIssues([]);
    try {
      const out = await urgentApi.report(toUrgentReport(v));
      message.success(t('urgent.reported', { caseNo: out.caseNo }));
      navigate(`/cases/${out.id}`);
    } catch (e) {
      setIssues(reportFormError(form, e, lang, notifyError, urgentFieldOf));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('urgent.title')} style={{ maxWidth: 860 }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('urgent.intro')} />
      <FormIssues issues={issues} />
      <Form<UrgentFormValues>
        form={form}
        name="urgent-report"
        layout="vertical"
        initialValues={{ nonLocalHukou: false, householdId: null }}
        onFinish={onFinish}
        onFinishFailed={() => message.error(t('common.fixFields'))}
        onValuesChange={(changed: UrgentFormValues) => {
          if ('nonLocalHukou' in changed && changed.nonLocalHukou) form.setFieldValue('householdId', null);
        }}
      >
        <Form.Item
          name="villageCode"
          label={t('urgent.village')}
          rules={[{ required: true, message: t('urgent.villageRequired') }]}
        >
          <VillagePicker
            placeholder={t('urgent.villagePlaceholder')}
            style={{ width: 360 }}
            data-testid="urgent-village"
          />
        </Form.Item>
        <Form.Item
          name="nonLocalHukou"
          valuePropName="checked"
          extra={nonLocal ? t('urgent.nonLocalHint') : null}
        >
          <Checkbox data-testid="urgent-nonlocal">{t('urgent.nonLocal')}</Checkbox>
        </Form.Item>
        {nonLocal ? (
          <Form.Item
            name="personDescription"
            label={t('urgent.personDescription')}
            rules={[{ required: true, whitespace: true, message: t('urgent.personDescriptionRequired') }]}
          >
            <Input maxLength={200} placeholder={t('urgent.personDescriptionPlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="householdId"
            label={t('urgent.household')}
            rules={[{ required: true, message: t('urgent.householdRequired') }]}
          >
            <HouseholdSearchSelect
              villageCode={villageCode}
              onPicked={(h) => {
                if (!form.getFieldValue('villageCode')) form.setFieldValue('villageCode', h.villageCode);
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="source"
          label={t('urgent.source')}
          rules={[{ required: true, message: t('urgent.sourceRequired') }]}
        >
          <Radio.Group
            options={URGENT_SOURCES.map((s) => ({ value: s, label: t(`urgent.sources.${s}`) }))}
            data-testid="urgent-source"
          />
        </Form.Item>
        <Form.Item
          name="cause"
          label={t('urgent.cause')}
          rules={[{ required: true, message: t('urgent.causeRequired') }]}
        >
          <Select
            style={{ width: 240 }}
            options={URGENT_CAUSES.map((c) => ({ value: c, label: t(`urgent.causes.${c}`) }))}
            data-testid="urgent-cause"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('urgent.summary')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('urgent.summaryRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('urgent.summaryPlaceholder')} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="urgent-submit">
            {t('urgent.submit')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
