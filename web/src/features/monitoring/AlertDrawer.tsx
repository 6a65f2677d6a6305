// One alert (§7.4): the evidence the rule found, its basis, the timeline, and the actions the server
// says the caller may take now (verify, a disposition, close). "Start an application" opens the
// existing application form for the household with ?alert=, which records APPLICATION_STARTED once
// the application is created (the application use case stays the only way to open a case).
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  ALERT_TYPES,
  DISPOSITIONS,
  type Disposition,
  type RuleCondition,
  VERIFY_METHODS,
} from '../../../../contracts/alerts.ts';
import { DEPARTMENT_CODES, DEPARTMENTS, feedSource } from '../../../../contracts/feeds.ts';
import { can } from '../../../../contracts/roles.ts';
import { type AlertDetail, monitoringApi } from '../../api/monitoring.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { ReferModal } from '../charity/ReferModal.tsx';
import { conditionText, fieldLabel, valueText } from '../feeds/feedValues.ts';
import { stateColor } from './AlertsPage.tsx';

type Values = {
  method?: string;
  findings?: string;
  disposition?: Disposition;
  note?: string;
  department?: string;
  feedback?: string;
};

export function AlertDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [alert, setAlert] = useState<AlertDetail | null>(null);
  const actor = useActor();
  const [busy, setBusy] = useState(false);
  const [referring, setReferring] = useState(false);
  const [form] = Form.useForm<Values>();
  const disposition = Form.useWatch('disposition', form);

  useEffect(() => {
    setAlert(null);
    form.resetFields();
    if (!id) return;
    let alive = true;
    monitoringApi
      .alert(id)
      .then((a) => alive && setAlert(a))
      .catch((e) => alive && notifyError(e));
    return () => {
      alive = false;
    };
  }, [id, notifyError, form]);

  const run = async (fn: () => Promise<AlertDetail>) => {
    setBusy(true);
    try {
      setAlert(await fn());
      form.resetFields();
      message.success(t('monitoring.actions.done'));
      onChanged();
    } catch (err) {
      message.error(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  const allowed = new Set(alert?.allowed ?? []);
  // Starting an application and referring to charity are dispositions their own forms record.
  const dispositions = DISPOSITIONS.filter(
    (d) => allowed.has(`DISPOSE:${d}`) && d !== 'APPLICATION_STARTED' && d !== 'CHARITY_REFERRED',
  );
  const canReferToCharity =
    allowed.has('DISPOSE:CHARITY_REFERRED') && !!alert?.householdId && can(actor.role, 'charity.refer');
  const src = alert ? feedSource(String(alert.evidence.source)) : undefined;
  const fields = (alert?.evidence.fields ?? {}) as Record<string, unknown>;
  const conditions = (alert?.evidence.conditions ?? []) as RuleCondition[];
  const label = (k: string) => fieldLabel(src, k, lang);
  const shown = (k: string, v: unknown) => valueText(src, k, v, lang);

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={t('monitoring.detail.title')}
      data-testid="alert-drawer"
    >
      {!alert ? (
        <Spin />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('monitoring.columns.type')}>
              {lang === 'en' ? ALERT_TYPES[alert.alertType].en : ALERT_TYPES[alert.alertType].zh}{' '}
              <Tag color={stateColor(alert.state)} data-testid="alert-state">
                {t(`monitoring.states.${alert.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.columns.person')}>
              {alert.personName
                ? `${alert.personName} ${alert.personIdMask ?? ''}`
                : t('monitoring.unknownPerson')}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.columns.dueOn')}>
              {alert.dueOn} {alert.overdue && <Tag color="red">{t('monitoring.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.detail.source')}>
              {src ? (lang === 'en' ? src.en : src.zh) : String(alert.evidence.source)} ·{' '}
              {String(alert.evidence.occurredOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.detail.evidence')}>
              {Object.entries(fields).map(([k, v]) => (
                <div key={k}>
                  {label(k)}：{shown(k, v)}
                </div>
              ))}
            </Descriptions.Item>
            {conditions.length > 0 && (
              <Descriptions.Item label={t('monitoring.detail.conditions')}>
                {conditions.map((c) => (
                  <div key={c.field}>{conditionText(src, c, lang)}</div>
                ))}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('monitoring.detail.basis')}>{alert.legalBasis}</Descriptions.Item>
            {alert.linkedCaseId && (
              <Descriptions.Item label={t('monitoring.detail.linkedCase')}>
                <Link to={`/cases/${alert.linkedCaseId}`}>{t('monitoring.detail.openCase')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>

          {allowed.has('VERIFY') && (
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) =>
                run(() =>
                  monitoringApi.verify(alert.id, {
                    method: v.method as 'VISIT',
                    findings: v.findings ?? '',
                    version: alert.version,
                  }),
                )
              }
            >
              <Form.Item
                name="method"
                label={t('monitoring.actions.method')}
                rules={[{ required: true }]}
                initialValue="VISIT"
              >
                <Radio.Group
                  id="alert-method"
                  options={VERIFY_METHODS.map((m) => ({ value: m, label: t(`monitoring.methods.${m}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="findings"
                label={t('monitoring.actions.findings')}
                rules={[{ required: true, min: 2 }]}
              >
                <Input.TextArea id="alert-findings" rows={3} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="alert-verify">
                {t('monitoring.actions.verify')}
              </Button>
            </Form>
          )}

          {allowed.has('DISPOSE:APPLICATION_STARTED') && alert.householdId && (
            <Space orientation="vertical">
              <Button
                type="primary"
                data-testid="alert-start-application"
                onClick={() => navigate(`/cases/new?household=${alert.householdId}&alert=${alert.id}`)}
              >
                {t('monitoring.actions.startApplication')}
              </Button>
              <Typography.Text type="secondary">
                {t('monitoring.actions.startApplicationHint')}
              </Typography.Text>
            </Space>
          )}

          {canReferToCharity && alert && (
            <Space orientation="vertical">
              <Button data-testid="alert-refer-charity" onClick={() => setReferring(true)}>
                {t('monitoring.actions.referCharity')}
              </Button>
              <Typography.Text type="secondary">{t('monitoring.actions.referCharityHint')}</Typography.Text>
              {referring && (
                <ReferModal
                  source={{ alertId: alert.id }}
                  onClose={() => setReferring(false)}
                  onDone={() => {
                    setReferring(false);
                    monitoringApi.alert(alert.id).then(setAlert, notifyError);
                    onChanged();
                  }}
                />
              )}
            </Space>
          )}

          {dispositions.length > 0 && (
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) => {
                const d = v.disposition as Disposition;
                const note = v.note ?? '';
                const body =
                  d === 'DISMISSED'
                    ? { disposition: d, reason: note }
                    : d === 'PUSHED_TO_DEPT'
                      ? { disposition: d, note, department: v.department ?? '' }
                      : { disposition: d, note };
                return run(() =>
                  monitoringApi.dispose(alert.id, { ...body, version: alert.version } as never),
                );
              }}
            >
              <Form.Item
                name="disposition"
                label={t('monitoring.actions.dispose')}
                rules={[{ required: true }]}
              >
                <Select
                  id="alert-disposition"
                  options={dispositions.map((d) => ({ value: d, label: t(`monitoring.states.${d}`) }))}
                />
              </Form.Item>
              {disposition === 'PUSHED_TO_DEPT' && (
                <Form.Item
                  name="department"
                  label={t('monitoring.actions.department')}
                  rules={[{ required: true }]}
                >
                  <Select
                    options={DEPARTMENT_CODES.map((c) => ({
                      value: c,
                      label: lang === 'en' ? DEPARTMENTS[c].en : DEPARTMENTS[c].zh,
                    }))}
                  />
                </Form.Item>
              )}
              <Form.Item
                name="note"
                label={
                  disposition === 'DISMISSED' ? t('monitoring.actions.reason') : t('monitoring.actions.note')
                }
                rules={[{ required: true, min: 2 }]}
              >
                <Input.TextArea id="alert-note" rows={2} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={busy} data-testid="alert-dispose">
                {t('monitoring.actions.submit')}
              </Button>
            </Form>
          )}

          {allowed.has('CLOSE') && (
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) =>
                run(() =>
                  monitoringApi.close(alert.id, { feedback: v.feedback ?? '', version: alert.version }),
                )
              }
            >
              <Form.Item
                name="feedback"
                label={t('monitoring.actions.feedbackText')}
                rules={[{ required: true, min: 2 }]}
              >
                <Input.TextArea id="alert-feedback" rows={2} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={busy} data-testid="alert-close">
                {t('monitoring.actions.close')}
              </Button>
            </Form>
          )}

          <div>
            <Typography.Title level={5}>{t('monitoring.detail.timeline')}</Typography.Title>
            <Timeline
              data-testid="alert-timeline"
              items={alert.events.map((e) => ({
                content: (
                  <div>
                    <b>{e.onDate}</b> {t(`monitoring.states.${e.stateAfter}`, { defaultValue: e.stateAfter })}{' '}
                    · {e.actorName}
                    {e.note && <div>{e.note}</div>}
                  </div>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
