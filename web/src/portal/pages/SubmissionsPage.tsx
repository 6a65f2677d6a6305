// 查询办理结果: tracking number + query code → the state and the answer of an objection or complaint.
import { Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { fieldsOf } from '../fieldErrors.ts';
import { portalApi, type SubmissionStatus } from '../portalApi.ts';
import { ErrorAlert, PortalPage, useFormError } from '../ui.tsx';

type Values = { trackingNo?: string; queryCode?: string };

export function SubmissionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [status, setStatus] = useState<SubmissionStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const { shown, report, clear } = useFormError();

  const lookup = async (v: Values) => {
    clear();
    setStatus(null);
    const trackingNo = (v.trackingNo ?? '').trim();
    const queryCode = (v.queryCode ?? '').trim();
    setBusy(true);
    try {
      setStatus(await portalApi.submission(trackingNo, queryCode));
      setParams({ trackingNo, queryCode }, { replace: true });
    } catch (err) {
      // Not found and a wrong code get the same answer from the server; show it at the code.
      report(err, form, { resolve: fieldsOf('trackingNo', 'queryCode'), atField: ['queryCode'] });
    } finally {
      setBusy(false);
    }
  };

  // A receipt links here with both values: look them up at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival
  useEffect(() => {
    const trackingNo = params.get('trackingNo');
    const queryCode = params.get('queryCode');
    if (trackingNo && queryCode) {
      form.setFieldsValue({ trackingNo, queryCode });
      void lookup({ trackingNo, queryCode });
    }
  }, []);

  return (
    <PortalPage title={t('portal.submissions.title')} testId="portal-submissions">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={lookup}>
        <Form.Item
          name="trackingNo"
          label={t('portal.submissions.trackingNo')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('portal.required', { field: t('portal.submissions.trackingNo') }),
            },
          ]}
        >
          <Input maxLength={40} data-testid="submission-tracking-no" />
        </Form.Item>
        <Form.Item
          name="queryCode"
          label={t('portal.submissions.queryCode')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('portal.required', { field: t('portal.submissions.queryCode') }),
            },
          ]}
        >
          <Input maxLength={12} data-testid="submission-query-code" />
        </Form.Item>
        <ErrorAlert shown={shown} />
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="submission-query">
          {t('portal.submissions.query')}
        </Button>
      </Form>

      {status ? (
        <Card size="small" className="hjp-top" data-testid="submission-status">
          <div className="hjp-row hjp-wrap hjp-gap">
            <span className="hjp-card-title hjp-grow">
              {t(`portal.submissions.kind${status.kind}`)} {status.trackingNo}
            </span>
            <Tag color={status.state === 'ANSWERED' ? 'green' : 'processing'} data-testid="submission-state">
              {t(`portal.submissions.state${status.state}`)}
            </Tag>
          </div>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'received', label: t('portal.submissions.receivedOn'), children: status.receivedOn },
              { key: 'due', label: t('portal.submissions.dueOn'), children: status.feedbackDueOn },
              {
                key: 'feedback',
                label: t('portal.submissions.feedback'),
                children: (
                  <span data-testid="submission-feedback" className="hjp-prose">
                    {status.feedback ?? t('portal.submissions.noFeedback')}
                  </span>
                ),
              },
              ...(status.answeredOn
                ? [
                    {
                      key: 'answered',
                      label: t('portal.submissions.answeredOn'),
                      children: status.answeredOn,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
    </PortalPage>
  );
}
