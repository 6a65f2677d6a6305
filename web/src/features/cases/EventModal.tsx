// The form of one step on a case (one of detail.allowedEvents): fields from the event's schema,
// plus the signature pad, the position and the economic facts of a home visit. 400 errors go to
// the fields; a refusal (403/409) is shown as an alert with the server's reason.
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { type ApiError, type FieldIssue, isApiError } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { applyFieldErrors, errorText, type NamePath, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { eventKey } from './caseModel.ts';
import { EventFields } from './EventFields.tsx';
import { eventForm, factsEdits, type Gps, machineOf, toBody } from './eventForms.ts';
import { FactsFields } from './FactsFields.tsx';
import { SignaturePad } from './SignaturePad.tsx';

type Props = { detail: CaseDetail; type: string; onClose: () => void; onDone: () => void };
type Failure = { rule?: string; zh: string; en: string };

function useGeolocation(enabled: boolean): Gps | null {
  const [gps, setGps] = useState<Gps | null>(null);
  useEffect(() => {
    if (!enabled || typeof navigator === 'undefined' || !navigator.geolocation) return;
    let alive = true;
    try {
      navigator.geolocation.getCurrentPosition(
        (p) =>
          alive &&
          setGps({
            lat: p.coords.latitude,
            lng: p.coords.longitude,
            ...(Number.isFinite(p.coords.accuracy) ? { accuracyM: p.coords.accuracy } : {}),
          }),
        () => undefined, // refused or unavailable: the visit is recorded without a position
        { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
      );
    } catch {
      // no position
    }
    return () => {
      alive = false;
    };
  }, [enabled]);
  return gps;
}

export function EventModal({ detail, type, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const machine = machineOf(detail.scheme, detail.stage);
  const def = useMemo(() => (machine ? eventForm(machine, type) : null), [machine, type]);
  const gps = useGeolocation(!!def?.gps);
  const eventName = t(eventKey(type), { defaultValue: type });

  const known = useMemo(() => {
    const names = new Set((def?.fields ?? []).map((f) => JSON.stringify([f.name])));
    const members = (detail.facts?.household as { members?: unknown[] } | undefined)?.members ?? [];
    if (def?.facts) {
      for (let i = 0; i < members.length; i++)
        names.add(JSON.stringify(['facts', 'members', i, 'wageFenPerMonth']));
      names.add(JSON.stringify(['facts', 'financialAssetsFen']));
    }
    return names;
  }, [def, detail.facts]);

  if (!def) return null;

  const onFinish = async (values: Record<string, unknown>) => {
    setBusy(true);
    setIssues([]);
    setRefusal(null);
    try {
      const body = toBody(def, values, {
        expectedVersion: detail.version,
        facts: detail.facts,
        signaturePng: signature,
        gps,
      });
      await casesApi.record(detail.id, body);
      message.success(t('cases.form.done', { event: eventName }));
      onDone();
    } catch (err) {
      if (isApiError(err) && err.fieldIssues.length > 0)
        setIssues(
          applyFieldErrors(form, err, lang, (p: NamePath) => (known.has(JSON.stringify(p)) ? p : null)),
        );
      else if (isApiError(err) && [403, 404, 409].includes(err.status)) setRefusal(err);
      else notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const failures = ((refusal?.details as { failures?: Failure[] } | undefined)?.failures ?? []).filter(
    (f) => typeof f?.zh === 'string',
  );

  return (
    <Modal
      open
      title={t('cases.form.title', { event: eventName, caseNo: detail.caseNo })}
      width={def.signature || def.facts ? 720 : 560}
      okText={t('cases.form.submit')}
      okButtonProps={{ 'data-testid': 'event-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          data-testid="event-refusal"
          style={{ marginBottom: 16 }}
          title={`${t('cases.form.refused')}：${errorText(refusal, lang)}`}
          description={
            failures.length > 0 && (
              <>
                <Typography.Text>{t('cases.form.failures')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {failures.map((f) => (
                    <li key={`${f.rule}:${f.zh}`}>{lang === 'en' ? f.en : f.zh}</li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
      <Form
        form={form}
        name="case-event"
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        initialValues={def.facts ? { facts: factsEdits(detail.facts) ?? undefined } : {}}
        data-testid="event-form"
      >
        <EventFields
          fields={def.fields.filter((f) => f.name !== 'at' && f.name !== 'opinion')}
          detail={detail}
        />
        {def.facts && <FactsFields detail={detail} />}
        {def.signature && (
          <Form.Item label={t('cases.form.signature')}>
            <SignaturePad onChange={setSignature} />
          </Form.Item>
        )}
        {def.gps && (
          <Form.Item label={t('cases.form.gps')}>
            <Typography.Text type="secondary" data-testid="event-gps">
              {gps
                ? t('cases.form.gpsOk', {
                    lat: gps.lat.toFixed(5),
                    lng: gps.lng.toFixed(5),
                    acc: Math.round(gps.accuracyM ?? 0),
                  })
                : t('cases.form.gpsNone')}
            </Typography.Text>
          </Form.Item>
        )}
        <EventFields
          fields={def.fields.filter((f) => f.name === 'at' || f.name === 'opinion')}
          detail={detail}
        />
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
