// The town's five scores (德能勤绩廉, 0–100) with a reason each, for one assistant and month.
import { Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS } from '../../../../contracts/grassroots.ts';
import { type AssessmentView, grassrootsApi, type ScoresInput } from '../../api/grassroots.ts';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { rawParams } from './rankingModel.ts';

export function ScoreForm({
  a,
  onClose,
  onSaved,
}: {
  a: AssessmentView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const [form] = Form.useForm<ScoresInput>();
  useEffect(() => {
    form.resetFields();
    if (a?.scores) form.setFieldsValue(a.scores as ScoresInput);
  }, [a, form]);
  const save = async () => {
    if (!a) return;
    const v = await form.validateFields();
    try {
      await grassrootsApi.saveScores(a.month, a.postId, v);
      onSaved();
    } catch (e) {
      reportFormError(form, e, lang, notify);
    }
  };
  return (
    <Modal
      open={a !== null}
      title={`${a?.holderName ?? ''} · ${a?.villageName ?? ''} · ${a?.month ?? ''}`}
      onOk={save}
      onCancel={onClose}
      width={640}
    >
      {a ? (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 12 }}
          title={t('grassroots.assessment.metrics')}
        >
          {Object.entries(a.metricScores).map(([k, v]) => (
            <Descriptions.Item key={k} label={t(`grassroots.metrics.${k}` as 'grassroots.metrics.visits')}>
              {v}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('grassroots.assessment.rawHint')} span={2}>
            {t('grassroots.assessment.raw', rawParams(a))}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form form={form} layout="horizontal" labelCol={{ span: 3 }}>
        {DIMENSIONS.map((d) => (
          <Form.Item key={d} label={t(`grassroots.dims.${d}`)} style={{ marginBottom: 8 }}>
            <Form.Item name={[d, 'score']} noStyle rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} data-testid={`score-${d}`} />
            </Form.Item>
            <Form.Item name={[d, 'reason']} noStyle rules={[{ required: true, min: 2 }]}>
              <Input
                placeholder={t('grassroots.assessment.reason')}
                style={{ width: 380, marginLeft: 8 }}
                data-testid={`reason-${d}`}
              />
            </Form.Item>
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
