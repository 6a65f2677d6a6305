// The receipt of an objection or a complaint: tracking number and query code read the answer later.
import { Button, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SubmissionReceipt } from './portalApi.ts';
import { withQuery } from './portalApi.ts';

export function SubmissionReceiptCard({ receipt }: { receipt: SubmissionReceipt }) {
  const { t } = useTranslation();
  const lookup = withQuery('/portal/submissions', {
    trackingNo: receipt.trackingNo,
    queryCode: receipt.queryCode,
  });
  return (
    <Result
      status="success"
      title={t('portal.receipt.title')}
      subTitle={t('portal.receipt.hint')}
      data-testid="submission-receipt"
      extra={[
        <Link key="check" to={lookup}>
          <Button type="primary" data-testid="receipt-lookup">
            {t('portal.receipt.check')}
          </Button>
        </Link>,
        <Link key="home" to="/portal">
          <Button>{t('portal.receipt.home')}</Button>
        </Link>,
      ]}
    >
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'no',
            label: t('portal.receipt.trackingNo'),
            children: <strong data-testid="tracking-no">{receipt.trackingNo}</strong>,
          },
          {
            key: 'code',
            label: t('portal.receipt.queryCode'),
            children: <strong data-testid="query-code">{receipt.queryCode}</strong>,
          },
          {
            key: 'due',
            label: t('portal.receipt.dueOn'),
            children: <span data-testid="feedback-due">{receipt.feedbackDueOn}</span>,
          },
        ]}
      />
    </Result>
  );
}
