// 申请救助: registers an application for a household (低保按户 / 单人保 / 特困). A village assistant
// applies on the family's behalf, so the proxy (代办人, 委托书) is required for that role.
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type CaseScheme, SCHEME_NAMES } from '../../../../contracts/cases.ts';
import { type ApplicationInput, casesApi } from '../../api/cases.ts';
import type { FieldIssue } from '../../api/client.ts';
import { monitoringApi } from '../../api/monitoring.ts';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdDetail } from '../../api/types.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { relationLabel } from '../../lib/codes.ts';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';

const SCHEMES = [
  'DIBAO',
  'DIBAO_SINGLE',
  'TEKUN',
  'DIBAO_EDGE',
  'RIGID',
] as const satisfies readonly CaseScheme[];
type Values = {
  householdId: string;
  scheme: (typeof SCHEMES)[number];
  subjectPersonId?: string;
  useProxy: boolean;
  proxy?: { type: 'VILLAGE_COMMITTEE' | 'OTHER'; name: string; authorizationRef: string };
  pledgeSigned: boolean;
  closeRelative: boolean;
  note?: string;
};

export function ApplicationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [household, setHousehold] = useState<HouseholdDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const proxyRequired = actor.role === 'village_assistant';
  const householdId = Form.useWatch('householdId', form);
  const scheme = Form.useWatch('scheme', form);
  const useProxy = Form.useWatch('useProxy', form);

  useEffect(() => {
    if (!householdId) {
      setHousehold(null);
      return;
    }
    let alive = true;
    registryApi
      .detail(householdId)
      .then((h) => alive && setHousehold(h))
      .catch((e) => alive && notifyError(e));
    return () => {
      alive = false;
    };
  }, [householdId, notifyError]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    const input: ApplicationInput = {
      householdId: v.householdId,
      scheme: v.scheme,
      subjectPersonId: v.scheme === 'DIBAO' ? null : (v.subjectPersonId ?? null),
      proxy:
        v.useProxy && v.proxy
          ? {
              type: v.proxy.type,
              name: v.proxy.name.trim(),
              authorizationRef: v.proxy.authorizationRef.trim(),
            }
          : null,
      pledgeSigned: v.pledgeSigned as true,
      closeRelative: !!v.closeRelative,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    try {
      const r = await casesApi.apply(input);
      message.success(t('cases.application.created', { caseNo: r.caseNo }));
      // Opened from a monitoring alert (§7.4 APPLICATION_STARTED): link the new case to the alert.
      const alertId = params.get('alert');
      if (alertId)
        await monitoringApi
          .dispose(alertId, { disposition: 'APPLICATION_STARTED', caseId: r.id })
          .then(() => message.success(t('monitoring.applicationLinked')))
          .catch(notifyError);
      navigate(`/cases/${r.id}`, { replace: true });
    } catch (err) {
      setIssues(reportFormError(form, err, lang, notifyError));
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('cases.form.required') };
  const schemeName = (s: CaseScheme) => (lang === 'en' ? SCHEME_NAMES[s].en : SCHEME_NAMES[s].zh);

  return (
    <Card title={t('cases.application.title')} style={{ maxWidth: 820 }}>
      <Form<Values>
        form={form}
        name="case-application"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          householdId: params.get('household') ?? undefined,
          scheme: 'DIBAO',
          useProxy: proxyRequired,
          proxy: { type: 'VILLAGE_COMMITTEE' },
          pledgeSigned: false,
          closeRelative: false,
        }}
      >
        <Form.Item name="householdId" label={t('cases.application.household')} rules={[required]}>
          <HouseholdPicker id="application-household" initial={household} />
        </Form.Item>
        <Form.Item name="scheme" label={t('cases.application.scheme')} rules={[required]}>
          <Radio.Group
            id="application-scheme"
            options={SCHEMES.map((s) => ({ value: s, label: schemeName(s) }))}
          />
        </Form.Item>
        {scheme && scheme !== 'DIBAO' && (
          <Form.Item name="subjectPersonId" label={t('cases.application.subject')} rules={[required]}>
            <Select
              id="application-subject"
              placeholder={t('cases.application.subjectPlaceholder')}
              options={(household?.members ?? []).map((m) => ({
                value: m.personId,
                label: `${m.name}（${relationLabel(m.relationCode)}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="useProxy" valuePropName="checked">
          <Checkbox id="application-use-proxy" disabled={proxyRequired}>
            {t('cases.application.proxy')}
          </Checkbox>
        </Form.Item>
        {proxyRequired && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cases.application.proxyRequired')}
          />
        )}
        {(useProxy || proxyRequired) && (
          <Space wrap align="start">
            <Form.Item name={['proxy', 'type']} label={t('cases.application.proxyType')} rules={[required]}>
              <Select
                id="application-proxy-type"
                style={{ width: 200 }}
                options={(['VILLAGE_COMMITTEE', 'OTHER'] as const).map((v) => ({
                  value: v,
                  label: t(`cases.application.proxyTypes.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name={['proxy', 'name']}
              label={t('cases.application.proxyName')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input id="application-proxy-name" maxLength={60} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name={['proxy', 'authorizationRef']}
              label={t('cases.application.authorizationRef')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input id="application-proxy-ref" maxLength={120} style={{ width: 280 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="pledgeSigned"
          valuePropName="checked"
          rules={[
            {
              validator: async (_: unknown, v?: boolean) => {
                if (!v) throw new Error(t('cases.application.pledgeRequired'));
              },
            },
          ]}
        >
          <Checkbox id="application-pledge">{t('cases.application.pledge')}</Checkbox>
        </Form.Item>
        <Form.Item name="closeRelative" valuePropName="checked">
          <Checkbox id="application-close-relative">{t('cases.application.closeRelative')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('cases.application.note')}>
          <Input.TextArea id="application-note" rows={3} maxLength={2000} />
        </Form.Item>
        <FormIssues issues={issues} />
        <Space>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="application-submit">
            {t('cases.application.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
