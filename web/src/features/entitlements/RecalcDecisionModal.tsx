// 整批通过 / 整批退回: the district officer decides a pending change list as a whole, with a reason.
// A list that went stale (cases changed since it was computed) cannot be approved: the modal says
// so and offers to recompute from the same month.
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { entitlementsApi, type RecalcRunView } from '../../api/entitlements.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { signedYuan } from './RecalcRunsTable.tsx';
import { monthOf, reasonProblem, staleCount } from './recalcModel.ts';

export type Decision = 'approve' | 'reject';

type Props = {
  run: RecalcRunView;
  decision: Decision | null;
  onClose: () => void;
  /** After a decision, or when the run turned out to be decided already. */
  onDecided: () => void;
  /** Recompute from the run's month (after a stale answer); resolves when the new run started. */
  onRecompute: (effectiveFrom: string) => Promise<boolean>;
};

export function RecalcDecisionModal({ run, decision, onClose, onDecided, onRecompute }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [stale, setStale] = useState<number | null>(null);
  const [recomputing, setRecomputing] = useState(false);
  const approve = decision === 'approve';

  const close = () => {
    setStale(null);
    setIssues([]);
    onClose();
  };

  const onFinish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setIssues([]);
    setStale(null);
    try {
      await (approve ? entitlementsApi.approve : entitlementsApi.reject)(run.id, reason.trim());
      message.success(approve ? t('recalc.approved') : t('recalc.rejected'));
      setStale(null);
      onDecided();
    } catch (err) {
      const n = staleCount(err);
      if (n !== null) setStale(n);
      else {
        setIssues(reportFormError(form, err, lang, notifyError));
        // decided meanwhile by someone else: show the run as it is now
        if (isApiError(err) && err.code === 'entitlements.recalc_not_pending') onDecided();
      }
    } finally {
      setBusy(false);
    }
  };

  const recompute = async () => {
    setRecomputing(true);
    try {
      if (await onRecompute(run.effectiveFrom)) close();
    } finally {
      setRecomputing(false);
    }
  };

  return (
    <Modal
      open={decision !== null}
      title={approve ? t('recalc.approveTitle') : t('recalc.rejectTitle')}
      width={600}
      okText={approve ? t('recalc.approve') : t('recalc.reject')}
      okButtonProps={{ danger: !approve, disabled: stale !== null, 'data-testid': 'recalc-decision-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph strong>
        {t('recalc.decisionSummary', {
          month: monthOf(run.effectiveFrom),
          changed: run.casesChanged,
          delta: signedYuan(run.monthlyDeltaFen),
          backPay: fenToYuan(run.backPayFen),
        })}
      </Typography.Paragraph>
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={approve ? t('recalc.approveHint') : t('recalc.rejectHint')}
      />
      {stale !== null ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="recalc-stale"
          title={t('recalc.stale', { count: stale })}
          action={
            <Button
              size="small"
              type="primary"
              loading={recomputing}
              onClick={() => void recompute()}
              data-testid="recalc-stale-recompute"
            >
              {t('recalc.recompute')}
            </Button>
          }
        />
      ) : null}
      <Form<{ reason: string }>
        form={form}
        name="recalc-decision"
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
      >
        <Form.Item
          name="reason"
          label={t('recalc.reason')}
          required
          rules={[
            {
              validator: async (_: unknown, v?: string) => {
                const problem = reasonProblem(v, lang);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('recalc.reasonPlaceholder')}
            data-testid="recalc-decision-reason"
          />
        </Form.Item>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
