// 码上查 · 提出异议: an objection to a publicity, real-name or anonymous → tracking number + query code.

import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { ContactFields } from '../ContactFields.tsx';
import { fieldsOf } from '../fieldErrors.ts';
import { contactPayload } from '../model.ts';
import { portalApi, type SubmissionReceipt } from '../portalApi.ts';
import { SubmissionReceiptCard } from '../SubmissionReceiptCard.tsx';
import { ErrorAlert, PortalPage, useFormError } from '../ui.tsx';
import type { ObjectionTarget } from './NoticesPage.tsx';

type Values = { content?: string; contactName?: string; contactPhone?: string };

export function ObjectionPage() {
  const { t } = useTranslation();
  const { noticeId = '' } = useParams();
  const target = useLocation().state as ObjectionTarget | null;
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const [busy, setBusy] = useState(false);
  const { shown, report, clear } = useFormError();

  const submit = async (v: Values) => {
    clear();
    setBusy(true);
    try {
      setReceipt(
        await portalApi.objection({ noticeId, content: (v.content ?? '').trim(), ...contactPayload(v) }),
      );
    } catch (err) {
      report(err, form, {
        resolve: fieldsOf('content', 'contactName', 'contactPhone'),
        atField: ['content'],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalPage title={t('portal.objection.title')} testId="portal-objection">
      {receipt ? (
        <SubmissionReceiptCard receipt={receipt} />
      ) : (
        <>
          {target ? (
            <Alert
              type="info"
              className="hjp-gap"
              data-testid="objection-target"
              title={t('portal.objection.about', { name: target.name, scheme: target.scheme })}
              description={target.villageName}
            />
          ) : null}
          <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
            <Form.Item
              name="content"
              label={t('portal.objection.content')}
              rules={[
                { required: true, whitespace: true, message: t('portal.objection.contentMin') },
                { min: 5, message: t('portal.objection.contentMin') },
              ]}
            >
              <Input.TextArea
                rows={5}
                maxLength={800}
                showCount
                placeholder={t('portal.objection.contentPlaceholder')}
                data-testid="objection-content"
              />
            </Form.Item>
            <ContactFields kind="objection" />
            <ErrorAlert shown={shown} />
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="objection-submit">
              {t('portal.objection.submit')}
            </Button>
          </Form>
        </>
      )}
    </PortalPage>
  );
}
