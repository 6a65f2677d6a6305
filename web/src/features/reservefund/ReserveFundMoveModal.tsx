// 拨付 / 收回: the district moves money into or out of a town's reserve fund. The amount is typed in
// yuan and sent in fen; a return may not exceed the balance.
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { reserveFundApi } from '../../api/reserveFund.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { movementAmount } from './reserveFundModel.ts';

type Values = { amountYuan: string; note: string };

type Props = {
  kind: 'ALLOCATE' | 'RETURN' | null;
  townCode: string;
  townName: string;
  balanceFen: number;
  onClose: () => void;
  onDone: () => void;
};

export function ReserveFundMoveModal({ kind, townCode, townName, balanceFen, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    if (!kind) return;
    const amount = movementAmount(v.amountYuan, kind, balanceFen);
    if (!amount.ok) return;
    setBusy(true);
    setIssues([]);
    try {
      const out = await reserveFundApi.move({ townCode, kind, amountFen: amount.fen, note: v.note.trim() });
      message.success(t('reserveFund.moved', { amount: fenToYuan(out.balanceFen) }));
      onDone();
    } catch (e) {
      setIssues(
        reportFormError(form, e, lang, notifyError, (p) => (p[0] === 'amountFen' ? ['amountYuan'] : p)),
      );
    } finally {
      setBusy(false);
    }
  };

  const amountRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!kind) return;
      const r = movementAmount(value, kind, balanceFen);
      if (r.ok) return;
      const key = {
        required: 'reserveFund.amountRequired',
        format: 'reserveFund.amountFormat',
        positive: 'reserveFund.amountPositive',
        exceeds: 'reserveFund.amountExceeds',
      } as const;
      throw new Error(t(key[r.problem], { amount: fenToYuan(balanceFen) }));
    },
  };

  return (
    <Modal
      open={kind !== null}
      title={t(kind === 'RETURN' ? 'reserveFund.returnTitle' : 'reserveFund.allocateTitle', {
        town: townName,
      })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'rf-move-ok' } as Record<string, string>}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('reserveFund.currentBalance', { amount: fenToYuan(balanceFen) })}
      />
      <FormIssues issues={issues} />
      <Form<Values> form={form} name="rf-move" layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="amountYuan" label={t('reserveFund.amountYuan')} rules={[amountRule]}>
          <Input inputMode="decimal" suffix={t('common.yuan')} style={{ width: 220 }} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('reserveFund.moveNote')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('reserveFund.moveNoteRequired') }]}
        >
          <Input maxLength={200} placeholder={t('reserveFund.moveNotePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
