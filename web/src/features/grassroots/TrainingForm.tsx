// The form of a new training session: a town organises for its own villages, the district for all;
// materials are links or files (≤ 2 MB each, sent as base64 like case attachments).
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Upload } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingInput } from '../../api/grassroots.ts';
import { grassrootsApi } from '../../api/grassroots.ts';
import { DivisionLevelPicker } from '../../components/DivisionSelect.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';

type Values = {
  level: 'TOWN' | 'DISTRICT';
  townCode?: string;
  title: string;
  heldOn: dayjs.Dayjs;
  place: string;
  trainer: string;
  hours: number;
  content?: string;
  links?: { title: string; url: string }[];
};
type FileMaterial = {
  title: string;
  filename: string;
  mime: 'application/pdf' | 'image/png' | 'image/jpeg';
  dataBase64: string;
};

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });

export function TrainingForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const actor = useActor();
  const district = actor.jurisdictionCode.length === 6;
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileMaterial[]>([]);
  const level = Form.useWatch('level', form);

  const submit = async () => {
    const v = await form.validateFields();
    const body: TrainingInput = {
      level: v.level,
      townCode: v.level === 'TOWN' ? (district ? (v.townCode ?? null) : actor.jurisdictionCode) : null,
      title: v.title,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      place: v.place,
      trainer: v.trainer,
      hours: v.hours,
      content: v.content ?? '',
      materials: [...(v.links ?? []), ...files],
    };
    try {
      await grassrootsApi.createTraining(body);
      form.resetFields();
      setFiles([]);
      onCreated();
    } catch (e) {
      reportFormError(form, e, lang, notify);
    }
  };

  return (
    <Modal open={open} title={t('grassroots.trainings.create')} onOk={submit} onCancel={onClose} width={640}>
      <Form form={form} layout="vertical" initialValues={{ level: district ? 'DISTRICT' : 'TOWN', hours: 2 }}>
        <Form.Item name="level" label={t('grassroots.trainings.level')}>
          <Select
            options={(district ? (['DISTRICT', 'TOWN'] as const) : (['TOWN'] as const)).map((l) => ({
              value: l,
              label: t(`grassroots.trainings.levels.${l}`),
            }))}
          />
        </Form.Item>
        {district && level === 'TOWN' ? (
          <Form.Item name="townCode" label={t('grassroots.trainings.town')} rules={[{ required: true }]}>
            <DivisionLevelPicker level="town" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="title"
          label={t('grassroots.trainings.titleField')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input maxLength={100} data-testid="training-title" />
        </Form.Item>
        <Space>
          <Form.Item name="heldOn" label={t('grassroots.trainings.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('grassroots.trainings.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={99} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('grassroots.trainings.place')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="trainer"
          label={t('grassroots.trainings.trainer')}
          rules={[{ required: true, min: 2 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="content" label={t('grassroots.trainings.content')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key}>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={t('grassroots.trainings.linkTitle')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'url']} rules={[{ required: true, type: 'url' }]} noStyle>
                    <Input placeholder="https://" style={{ width: 260 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>+ {t('grassroots.trainings.link')}</Button>
            </Space>
          )}
        </Form.List>
        <Upload
          accept=".pdf,.png,.jpg,.jpeg"
          fileList={files.map((f, i) => ({ uid: String(i), name: f.filename }))}
          onRemove={(f) => setFiles((x) => x.filter((_, i) => String(i) !== f.uid))}
          beforeUpload={(file) => {
            if (file.size > 2 * 1024 * 1024) {
              notify(new Error(t('grassroots.trainings.file')));
              return Upload.LIST_IGNORE;
            }
            const mime = (
              file.type === 'image/png' || file.type === 'image/jpeg' ? file.type : 'application/pdf'
            ) as FileMaterial['mime'];
            void toBase64(file).then((dataBase64) =>
              setFiles((x) => [
                ...x,
                { title: file.name.replace(/\.[^.]+$/, ''), filename: file.name, mime, dataBase64 },
              ]),
            );
            return false;
          }}
        >
          <Button style={{ marginTop: 12 }}>{t('grassroots.trainings.file')}</Button>
        </Upload>
      </Form>
    </Modal>
  );
}
