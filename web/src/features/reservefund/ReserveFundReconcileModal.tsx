// 月度对账: the town closes a finished month; the confirmation lists the draws whose paperwork is
// still outstanding, which the reconciliation records as not yet written off.
import { Alert, App, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type ReserveFundMonth, reserveFundApi } from '../../api/reserveFund.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { monthOfDate, outstandingFen } from './reserveFundModel.ts';

type Props = { open: boolean; view: ReserveFundMonth; onClose: () => void; onDone: () => void };

export function ReserveFundReconcileModal({ open, view, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const month = monthOfDate(view.month);

  const confirm = async () => {
    setBusy(true);
    try {
      await reserveFundApi.reconcile({ townCode: view.townCode, month, note: note.trim() });
      message.success(t('reserveFund.reconciledMsg', { month }));
      setNote('');
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reserveFund.reconcileTitle', { month })}
      okText={t('reserveFund.reconcileOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'rf-reconcile-ok' } as Record<string, string>}
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        {t('reserveFund.reconcileIntro', {
          draws: view.draws,
          drawn: fenToYuan(view.drawnFen),
          regularized: view.regularized,
          balance: fenToYuan(view.balanceFen),
        })}
      </Typography.Paragraph>
      {view.outstanding.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rf-reconcile-outstanding"
          title={t('reserveFund.reconcileOutstanding', { count: view.outstanding.length })}
          description={
            <List
              size="small"
              dataSource={view.outstanding}
              footer={t('reserveFund.outstandingCount', {
                count: view.outstanding.length,
                amount: fenToYuan(outstandingFen(view)),
              })}
              renderItem={(o) => (
                <List.Item>
                  {o.caseId ? <Link to={`/cases/${o.caseId}`}>{o.caseNo}</Link> : o.caseNo}
                  <Typography.Text type="danger">
                    {fenToYuan(o.amountFen)} {t('common.yuan')}
                  </Typography.Text>
                </List.Item>
              )}
            />
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reserveFund.reconcileAllDone')}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('reserveFund.reconcileNote')}>
          <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
