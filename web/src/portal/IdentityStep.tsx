// Who the citizen is: ID number + mobile number + the SMS code → a portal session. The server gives
// the same answer whether or not the ID number is known, so this step reveals nothing either.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { fieldsOf } from './fieldErrors.ts';
import { type PortalApiError, type PortalSession, portalApi, saveSession } from './portalApi.ts';
import { ErrorAlert, useFormError } from './ui.tsx';
import { idNumberIssue, isMobile, isOtpCode, normaliseIdNumber } from './validate.ts';

type Values = { idNumber?: string; phone?: string; code?: string };
const IDENTITY_FIELDS = fieldsOf('idNumber', 'phone', 'code');

const ID_MESSAGE = {
  length: 'portal.identity.idLength',
  format: 'portal.identity.idFormat',
  birth_date: 'portal.identity.idBirthDate',
  check_digit: 'portal.identity.idCheckDigit',
} as const;

/** A Form rule for an 18-character identity number (GB 11643). */
export function useIdNumberRule() {
  const { t } = useTranslation();
  return {
    validator: async (_: unknown, v: string | undefined) => {
      if (!v) return;
      const issue = idNumberIssue(v);
      if (issue) throw new Error(t(ID_MESSAGE[issue]));
    },
  };
}

export function IdentityStep({
  onVerified,
  notice,
}: {
  onVerified: (s: PortalSession) => void;
  notice?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const idRule = useIdNumberRule();
  const { shown, report, clear } = useFormError();
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    clear();
    let v: Values;
    try {
      v = await form.validateFields(['idNumber', 'phone']);
    } catch {
      return;
    }
    setSending(true);
    try {
      const r = await portalApi.requestOtp({
        idNumber: normaliseIdNumber(v.idNumber ?? ''),
        phone: (v.phone ?? '').trim(),
      });
      setSent(true);
      setWait(Math.max(0, Math.round(r.resendAfterSeconds)));
    } catch (err) {
      const after = (err as PortalApiError).retryAfterSeconds;
      if (isApiError(err) && err.status === 429 && after) setWait(after);
      report(err, form, { resolve: IDENTITY_FIELDS, atField: ['phone'] });
    } finally {
      setSending(false);
    }
  };

  const verify = async (v: Values) => {
    clear();
    setVerifying(true);
    try {
      const session = await portalApi.createSession({
        idNumber: normaliseIdNumber(v.idNumber ?? ''),
        phone: (v.phone ?? '').trim(),
        code: (v.code ?? '').trim(),
      });
      saveSession(session);
      onVerified(session);
    } catch (err) {
      report(err, form, { resolve: IDENTITY_FIELDS, atField: ['code'] });
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card title={t('portal.identity.title')} data-testid="identity-step" className="hjp-gap">
      {notice ? <Alert type="warning" showIcon title={notice} className="hjp-gap" /> : null}
      <p className="hjp-muted">{t('portal.identity.hint')}</p>
      <Form form={form} layout="vertical" onFinish={verify} requiredMark={false} autoComplete="off">
        <Form.Item
          name="idNumber"
          label={t('portal.identity.idNumber')}
          rules={[
            { required: true, message: t('portal.required', { field: t('portal.identity.idNumber') }) },
            idRule,
          ]}
          validateTrigger="onBlur"
        >
          <Input
            maxLength={18}
            inputMode="text"
            autoCapitalize="characters"
            data-testid="identity-id-number"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('portal.identity.phone')}
          rules={[
            { required: true, message: t('portal.required', { field: t('portal.identity.phone') }) },
            {
              validator: async (_: unknown, v: string | undefined) => {
                if (v && !isMobile(v)) throw new Error(t('portal.identity.phoneInvalid'));
              },
            },
          ]}
          validateTrigger="onBlur"
        >
          <Input maxLength={11} inputMode="numeric" type="tel" data-testid="identity-phone" />
        </Form.Item>
        <Form.Item label={t('portal.identity.code')} required={false}>
          <div className="hjp-row">
            <Form.Item
              name="code"
              noStyle
              rules={[
                {
                  validator: async (_: unknown, v: string | undefined) => {
                    if (!v || !isOtpCode(v)) throw new Error(t('portal.identity.codeInvalid'));
                  },
                },
              ]}
            >
              <Input
                id="identity-code"
                aria-label={t('portal.identity.code')}
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                className="hjp-grow"
                data-testid="otp-code"
              />
            </Form.Item>
            <Button onClick={send} loading={sending} disabled={wait > 0} data-testid="otp-send">
              {wait > 0 ? t('portal.identity.resend', { seconds: wait }) : t('portal.identity.send')}
            </Button>
          </div>
        </Form.Item>
        {sent ? (
          <Alert
            type="success"
            showIcon
            title={t('portal.identity.sent')}
            className="hjp-gap"
            data-testid="otp-sent"
          />
        ) : null}
        <ErrorAlert shown={shown} />
        <Button type="primary" htmlType="submit" block loading={verifying} data-testid="otp-verify">
          {t('portal.identity.verify')}
        </Button>
      </Form>
    </Card>
  );
}
