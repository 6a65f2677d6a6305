// 花名册 (§9.6, §2.3 one assistant in every village): the posts in the caller's jurisdiction, the
// current holder of each village first and, on demand, the former holders. Towns and the district
// appoint (or hand over: the current post ends the day before) and end posts.
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grassrootsApi, type PostView } from '../../api/grassroots.ts';
import { VillagePicker } from '../../components/DivisionSelect.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';

type AppointForm = {
  villageCode: string;
  holderName: string;
  fromOn: dayjs.Dayjs;
  linkAccount: boolean;
  replaceCurrent: boolean;
  endReason?: string;
};

export function RosterTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useErrorNotifier();
  const [posts, setPosts] = useState<PostView[]>([]);
  const [loading, setLoading] = useState(false);
  const [history, setHistory] = useState(false);
  const [appointing, setAppointing] = useState(false);
  const [ending, setEnding] = useState<PostView | null>(null);
  const [form] = Form.useForm<AppointForm>();
  const [endForm] = Form.useForm<{ toOn: dayjs.Dayjs; reason: string }>();

  const load = useCallback(() => {
    setLoading(true);
    grassrootsApi
      .posts()
      .then((r) => setPosts(r.items))
      .catch(notify)
      .finally(() => setLoading(false));
  }, [notify]);
  useEffect(load, [load]);

  const shown = useMemo(() => (history ? posts : posts.filter((p) => p.toOn === null)), [posts, history]);

  const appoint = async () => {
    const v = await form.validateFields();
    try {
      await grassrootsApi.appoint({
        villageCode: v.villageCode,
        holderName: v.holderName,
        fromOn: v.fromOn.format('YYYY-MM-DD'),
        useVillageAccount: v.linkAccount,
        replaceCurrent: v.replaceCurrent,
        endReason: v.endReason ?? '',
      });
      setAppointing(false);
      form.resetFields();
      load();
    } catch (e) {
      reportFormError(form, e, lang, notify);
    }
  };
  const end = async () => {
    if (!ending) return;
    const v = await endForm.validateFields();
    try {
      await grassrootsApi.endPost(ending.id, { toOn: v.toOn.format('YYYY-MM-DD'), reason: v.reason });
      setEnding(null);
      endForm.resetFields();
      load();
    } catch (e) {
      reportFormError(endForm, e, lang, notify);
    }
  };

  const columns: TableColumnsType<PostView> = [
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    { title: t('grassroots.roster.holder'), dataIndex: 'holderName' },
    { title: t('grassroots.roster.account'), dataIndex: 'username', render: (u: string | null) => u ?? '—' },
    { title: t('grassroots.roster.from'), dataIndex: 'fromOn' },
    {
      title: t('grassroots.roster.to'),
      render: (_: unknown, p) =>
        p.toOn ? (
          `${p.toOn}（${p.endReason ?? ''}）`
        ) : (
          <Tag color="green">{t('grassroots.roster.current')}</Tag>
        ),
    },
    ...(manage
      ? [
          {
            title: '',
            render: (_: unknown, p: PostView) =>
              p.toOn === null ? (
                <Button
                  size="small"
                  onClick={() => setEnding(p)}
                  data-testid={`assistants-end-${p.villageCode}`}
                >
                  {t('grassroots.roster.end')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={history} onChange={setHistory} data-testid="assistants-roster-history" />
        {t('grassroots.roster.history')}
        {manage ? (
          <Button type="primary" onClick={() => setAppointing(true)} data-testid="assistants-appoint">
            {t('grassroots.roster.appoint')}
          </Button>
        ) : null}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 30 }}
        data-testid="assistants-roster-table"
      />
      <Modal
        open={appointing}
        title={t('grassroots.roster.appoint')}
        onOk={appoint}
        onCancel={() => setAppointing(false)}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ linkAccount: true, replaceCurrent: false, fromOn: dayjs() }}
        >
          <Form.Item name="villageCode" label={t('grassroots.roster.village')} rules={[{ required: true }]}>
            <VillagePicker />
          </Form.Item>
          <Form.Item name="holderName" label={t('grassroots.roster.holder')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="fromOn" label={t('grassroots.roster.from')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="linkAccount" valuePropName="checked">
            <Checkbox>{t('grassroots.roster.account')}</Checkbox>
          </Form.Item>
          <Form.Item name="replaceCurrent" valuePropName="checked">
            <Checkbox>{t('grassroots.roster.replaceCurrent')}</Checkbox>
          </Form.Item>
          <Form.Item name="endReason" label={t('grassroots.roster.endReason')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={ending !== null}
        title={`${t('grassroots.roster.end')} ${ending?.holderName ?? ''}`}
        onOk={end}
        onCancel={() => setEnding(null)}
      >
        <Form form={endForm} layout="vertical">
          <Form.Item name="toOn" label={t('grassroots.roster.to')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t('grassroots.roster.reason')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
