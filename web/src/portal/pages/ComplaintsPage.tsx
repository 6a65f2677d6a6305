// 投诉举报 12349: a complaint, real-name or anonymous → tracking number, query code, feedback due date.

import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTAL_COMPLAINT_CATEGORIES } from '../../../../contracts/portal.ts';
import { useLang } from '../../lib/lang.ts';
import { ContactFields } from '../ContactFields.tsx';
import { usePortal } from '../context.tsx';
import { fieldsOf } from '../fieldErrors.ts';
import { contactPayload } from '../model.ts';
import { portalApi, type SubmissionReceipt } from '../portalApi.ts';
import { SubmissionReceiptCard } from '../SubmissionReceiptCard.tsx';
import { ErrorAlert, Hotlines, PortalPage, useFormError } from '../ui.tsx';
import { VillagePicker } from '../VillagePicker.tsx';

type Values = {
  category?: string;
  villageCode?: string;
  content?: string;
  contactName?: string;
  contactPhone?: string;
};

export function ComplaintsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { villageCode } = usePortal();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const [busy, setBusy] = useState(false);
  const { shown, report, clear } = useFormError();

  const submit = async (v: Values) => {
    clear();
    setBusy(true);
    try {
      setReceipt(
        await portalApi.complaint({
          category: v.category ?? 'OTHER',
          ...(v.villageCode ? { villageCode: v.villageCode } : {}),
          content: (v.content ?? '').trim(),
          ...contactPayload(v),
        }),
      );
      window.scrollTo({ top: 0 });
    } catch (err) {
      report(err, form, {
        resolve: fieldsOf('category', 'villageCode', 'content', 'contactName', 'contactPhone'),
        atField: ['content'],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalPage title={t('portal.complaints.title')} testId="portal-complaints">
      {receipt ? (
        <SubmissionReceiptCard receipt={receipt} />
      ) : (
        <>
          <p className="hjp-muted">{t('portal.complaints.intro')}</p>
          <Hotlines />
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            initialValues={{ villageCode: villageCode ?? undefined }}
          >
            <Form.Item
              name="category"
              label={t('portal.complaints.category')}
              rules={[
                { required: true, message: t('portal.choose', { field: t('portal.complaints.category') }) },
              ]}
            >
              <Radio.Group
                className="hjp-radios"
                data-testid="complaint-category"
                options={Object.entries(PORTAL_COMPLAINT_CATEGORIES).map(([code, c]) => ({
                  value: code,
                  label: c[lang],
                }))}
              />
            </Form.Item>
            <Form.Item name="villageCode" label={t('portal.complaints.village')}>
              <VillagePicker allowClear />
            </Form.Item>
            <Form.Item
              name="content"
              label={t('portal.complaints.content')}
              rules={[
                { required: true, whitespace: true, message: t('portal.complaints.contentMin') },
                { min: 5, message: t('portal.complaints.contentMin') },
              ]}
            >
              <Input.TextArea
                rows={6}
                maxLength={2000}
                showCount
                placeholder={t('portal.complaints.contentPlaceholder')}
                data-testid="complaint-content"
              />
            </Form.Item>
            <ContactFields kind="complaint" />
            <ErrorAlert shown={shown} />
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="complaint-submit">
              {t('portal.complaints.submit')}
            </Button>
          </Form>
        </>
      )}
    </PortalPage>
  );
}
