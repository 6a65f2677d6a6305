// 办理答复 of a referral: granted (同意/已办理) with the date and an optional amount in yuan (sent as
// fen), or refused (不予办理) with the reason. The answer closes the link in the household's chain.
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { policiesApi, type ReferralView } from '../../api/policies.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { answerBody } from './referralModel.ts';

type Values = {
  outcome: 'GRANTED' | 'REFUSED';
  grantedOn?: Dayjs;
  amountYuan?: string;
  note?: string;
  reason?: string;
};

export function AnswerReferralModal({
  referral,
  onClose,
  onDone,
}: {
  referral: ReferralView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) ?? 'GRANTED';
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const today = todayInShanghai();

  const submit = async (v: Values) => {
    const r = answerBody({ ...v, grantedOn: v.grantedOn?.format('YYYY-MM-DD') });
    if (!r.ok) {
      const msg = {
        grantedOn: t('policies.form.required'),
        amountYuan: t('policies.referrals.badAmount'),
        reason: t('policies.referrals.refuseReasonHelp'),
      }[r.field];
      form.setFields([{ name: r.field, errors: [msg] }]);
      return;
    }
    setSaving(true);
    setIssues([]);
    try {
      await policiesApi.answer(referral.id, r.body);
      message.success(t('policies.referrals.answered'));
      onDone();
    } catch (e) {
      setIssues(
        reportFormError(form, e, lang, notifyError, (p) =>
          p[0] === 'amountFen' ? ['amountYuan'] : p.length ? p : null,
        ),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('policies.referrals.answerTitle', {
        policy: referral.policyName,
        person: referral.personName,
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ loading: saving, 'data-testid': 'answer-submit' } as ButtonProps}
      forceRender
      data-testid="answer-modal"
    >
      <Typography.Paragraph type="secondary">{referral.reason}</Typography.Paragraph>
      <FormIssues issues={issues} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'GRANTED', grantedOn: dayjs(today) }}
        onFinish={submit}
      >
        <Form.Item name="outcome" label={t('policies.referrals.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="answer-outcome"
            options={[
              { value: 'GRANTED', label: t('policies.referrals.granted') },
              { value: 'REFUSED', label: t('policies.referrals.refused') },
            ]}
          />
        </Form.Item>
        {outcome === 'GRANTED' ? (
          <>
            <Form.Item
              name="grantedOn"
              label={t('policies.referrals.grantedOn')}
              rules={[{ required: true, message: t('policies.form.required') }]}
            >
              <DatePicker
                disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                aria-label={t('policies.referrals.grantedOn')}
                data-testid="answer-granted-on"
              />
            </Form.Item>
            <Form.Item
              name="amountYuan"
              label={t('policies.referrals.amount')}
              extra={t('policies.referrals.amountHelp')}
              rules={[
                { pattern: /^\s*(\d{1,10})(\.\d{1,2})?\s*$/, message: t('policies.referrals.badAmount') },
              ]}
            >
              <Input
                inputMode="decimal"
                style={{ width: 200 }}
                suffix={t('policies.referrals.yuan')}
                data-testid="answer-amount"
              />
            </Form.Item>
            <Form.Item name="note" label={t('policies.referrals.note')}>
              <Input.TextArea maxLength={400} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={t('policies.referrals.refuseReason')}
            extra={t('policies.referrals.refuseReasonHelp')}
            rules={[
              { required: true, whitespace: true, min: 2, message: t('policies.referrals.refuseReasonHelp') },
            ]}
          >
            <Input.TextArea
              maxLength={400}
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid="answer-reason"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
