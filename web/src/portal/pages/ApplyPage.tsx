// 码上办: identity (ID number + SMS code) → the application (scheme, village, household, reason,
// income, materials, consent to the economic check, the pledge) → a receipt with the case number.
import { Button, Descriptions, Form, Input, InputNumber, Radio, Result, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { usePortal } from '../context.tsx';
import { IdentityStep } from '../IdentityStep.tsx';
import { MaterialsUpload } from '../MaterialsUpload.tsx';
import {
  type ApplicationValues,
  applicationFieldTarget,
  applicationPayload,
  isPortalScheme,
  PORTAL_SCHEMES,
} from '../model.ts';
import {
  type ApplicationCreated,
  clearSession,
  type PortalSession,
  portalApi,
  readSession,
} from '../portalApi.ts';
import { ErrorAlert, PortalPage, useFormError } from '../ui.tsx';
import { VillagePicker } from '../VillagePicker.tsx';
import { ConsentAndPledge, MembersField } from './ApplyParts.tsx';

export function SessionBar({ session, onLogout }: { session: PortalSession; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="hjp-location" data-testid="portal-session">
      <span className="hjp-grow">{t('portal.identity.verified', { phone: session.phoneMask })}</span>
      <Button
        type="link"
        onClick={() => {
          clearSession();
          onLogout();
        }}
        data-testid="session-logout"
      >
        {t('portal.identity.logout')}
      </Button>
    </div>
  );
}

export function ApplyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { villageCode } = usePortal();
  const [session, setSession] = useState<PortalSession | null>(() => readSession());
  const [expired, setExpired] = useState(false);
  const [created, setCreated] = useState<ApplicationCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ApplicationValues>();
  const { shown, report, clear } = useFormError();
  const schemeParam = params.get('scheme');
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('portal.required', { field }),
  });

  const submit = async (v: ApplicationValues) => {
    clear();
    setBusy(true);
    try {
      const r = await portalApi.apply(applicationPayload({ ...v, attachmentIds: v.attachmentIds ?? [] }));
      setCreated(r);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        // The session ran out while the form was being filled: verify again, the form keeps its values.
        setSession(null);
        setExpired(true);
      } else {
        report(err, form, { resolve: applicationFieldTarget });
      }
    } finally {
      setBusy(false);
    }
  };

  const step = created ? 2 : session ? 1 : 0;
  return (
    <PortalPage title={t('portal.apply.title')} testId="portal-apply">
      <Steps
        size="small"
        current={step}
        responsive={false}
        className="hjp-gap"
        items={[
          { title: t('portal.apply.stepIdentity') },
          { title: t('portal.apply.stepForm') },
          { title: t('portal.apply.stepDone') },
        ]}
      />

      {created ? (
        <Result
          status="success"
          title={t('portal.apply.receiptTitle')}
          subTitle={t('portal.apply.receiptHint')}
          data-testid="application-receipt"
          extra={
            <Link to="/portal/track">
              <Button type="primary" data-testid="receipt-track">
                {t('portal.apply.track')}
              </Button>
            </Link>
          }
        >
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'no',
                label: t('portal.apply.caseNo'),
                children: <strong data-testid="case-no">{created.caseNo}</strong>,
              },
            ]}
          />
        </Result>
      ) : null}

      {!created && !session ? (
        <IdentityStep
          notice={expired ? t('portal.identity.expired') : undefined}
          onVerified={(s) => {
            setSession(s);
            setExpired(false);
          }}
        />
      ) : null}

      {/* Mounted once verified and kept while re-verifying, so that nothing typed is lost. */}
      <div style={{ display: !created && session ? undefined : 'none' }}>
        {session ? <SessionBar session={session} onLogout={() => setSession(null)} /> : null}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          scrollToFirstError={{ block: 'center' }}
          initialValues={{
            scheme: isPortalScheme(schemeParam) ? schemeParam : 'DIBAO',
            villageCode: villageCode ?? undefined,
            members: [],
            attachmentIds: [],
            consent: false,
            pledge: false,
          }}
          data-testid="application-form"
        >
          <Form.Item name="scheme" label={t('portal.apply.scheme')} rules={[{ required: true }]}>
            <Radio.Group
              className="hjp-radios"
              options={PORTAL_SCHEMES.map((s) => ({ value: s, label: t(`portal.apply.scheme${s}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="villageCode"
            label={t('portal.place.label')}
            rules={[{ required: true, message: t('portal.choose', { field: t('portal.place.label') }) }]}
          >
            <VillagePicker />
          </Form.Item>
          <Form.Item
            name="applicantName"
            label={t('portal.apply.applicantName')}
            rules={[required(t('portal.apply.applicantName'))]}
          >
            <Input maxLength={30} autoComplete="name" data-testid="applicant-name" />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('portal.apply.address')}
            rules={[required(t('portal.apply.address')), { min: 2 }]}
          >
            <Input maxLength={120} autoComplete="street-address" data-testid="applicant-address" />
          </Form.Item>

          <MembersField />

          <Form.Item
            name="reason"
            label={t('portal.apply.reason')}
            rules={[
              required(t('portal.apply.reason')),
              { min: 2, message: t('portal.apply.reasonPlaceholder') },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={800}
              showCount
              placeholder={t('portal.apply.reasonPlaceholder')}
              data-testid="apply-reason"
            />
          </Form.Item>
          <Form.Item
            name="monthlyIncomeYuan"
            label={t('portal.apply.income')}
            extra={t('portal.apply.incomeHint')}
            rules={[{ required: true, message: t('portal.required', { field: t('portal.apply.income') }) }]}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              inputMode="decimal"
              className="hjp-full"
              data-testid="apply-income"
            />
          </Form.Item>
          <Form.Item
            name="attachmentIds"
            label={t('portal.apply.materials')}
            extra={t('portal.apply.materialsHint')}
          >
            <MaterialsUpload />
          </Form.Item>

          <ConsentAndPledge />

          <ErrorAlert shown={shown} />
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="application-submit">
            {t('portal.apply.submit')}
          </Button>
        </Form>
      </div>
    </PortalPage>
  );
}
