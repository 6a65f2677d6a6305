// 培训管理 (§9.6): the sessions the caller sees (the district's and their town's), their materials
// (links, or files of up to 2 MB) and the roll — present, or absent with a reason — which towns and
// the district record for the assistants expected at the session.
import { Button, Input, Radio, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grassrootsApi, type TrainingView } from '../../api/grassroots.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { TrainingForm } from './TrainingForm.tsx';

type Mark = { present: boolean | null; absenceReason: string | null };

function AttendanceEditor({ s, manage, onSaved }: { s: TrainingView; manage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const notify = useErrorNotifier();
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      s.attendance.map((a) => [a.postId, { present: a.present, absenceReason: a.absenceReason }]),
    ),
  );
  const [saving, setSaving] = useState(false);
  const set = (id: string, m: Partial<Mark>) =>
    setMarks((x) => ({ ...x, [id]: { ...(x[id] as Mark), ...m } }));
  const save = async () => {
    const records = Object.entries(marks)
      .filter(([, m]) => m.present !== null)
      .map(([postId, m]) => ({
        postId,
        present: m.present as boolean,
        absenceReason: m.present ? null : m.absenceReason,
      }));
    if (records.length === 0) return;
    setSaving(true);
    try {
      await grassrootsApi.attendance(s.id, { records });
      onSaved();
    } catch (e) {
      notify(e);
    } finally {
      setSaving(false);
    }
  };
  const columns: TableColumnsType<TrainingView['attendance'][number]> = [
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    { title: t('grassroots.roster.holder'), dataIndex: 'holderName' },
    {
      title: t('grassroots.trainings.attendance'),
      render: (_: unknown, a) => {
        const m = marks[a.postId] ?? { present: null, absenceReason: null };
        if (!manage)
          return m.present === null ? (
            <Tag>{t('grassroots.trainings.unmarked')}</Tag>
          ) : m.present ? (
            <Tag color="green">{t('grassroots.trainings.present')}</Tag>
          ) : (
            <Tag color="orange">{`${t('grassroots.trainings.absent')}：${m.absenceReason ?? ''}`}</Tag>
          );
        return (
          <Space>
            <Radio.Group
              value={m.present}
              onChange={(e) => set(a.postId, { present: e.target.value as boolean })}
              options={[
                { value: true, label: t('grassroots.trainings.present') },
                { value: false, label: t('grassroots.trainings.absent') },
              ]}
            />
            {m.present === false ? (
              <Input
                size="small"
                placeholder={t('grassroots.trainings.reason')}
                value={m.absenceReason ?? ''}
                onChange={(e) => set(a.postId, { absenceReason: e.target.value })}
                style={{ width: 200 }}
              />
            ) : null}
          </Space>
        );
      },
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table rowKey="postId" size="small" pagination={false} columns={columns} dataSource={s.attendance} />
      {manage ? (
        <Button type="primary" loading={saving} onClick={save} data-testid={`training-save-${s.id}`}>
          {t('grassroots.trainings.save')}
        </Button>
      ) : null}
    </Space>
  );
}

export function TrainingsTab({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const notify = useErrorNotifier();
  const [items, setItems] = useState<TrainingView[]>([]);
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    setLoading(true);
    grassrootsApi
      .trainings()
      .then((r) => setItems(r.items))
      .catch(notify)
      .finally(() => setLoading(false));
  }, [notify]);
  useEffect(load, [load]);

  const columns: TableColumnsType<TrainingView> = [
    { title: t('grassroots.trainings.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('grassroots.trainings.level'),
      dataIndex: 'level',
      width: 80,
      render: (l: 'TOWN' | 'DISTRICT') => <Tag>{t(`grassroots.trainings.levels.${l}`)}</Tag>,
    },
    { title: t('grassroots.trainings.titleField'), dataIndex: 'title' },
    { title: t('grassroots.trainings.place'), dataIndex: 'place' },
    { title: t('grassroots.trainings.trainer'), dataIndex: 'trainer' },
    { title: t('grassroots.trainings.hours'), dataIndex: 'hours', width: 70 },
    {
      title: t('grassroots.trainings.materials'),
      render: (_: unknown, s) => (
        <Space wrap>
          {s.materials.map((m) => (
            <a key={m.id} href={m.url ?? grassrootsApi.materialUrl(m.id)} target="_blank" rel="noreferrer">
              {m.title}
            </a>
          ))}
        </Space>
      ),
    },
    {
      title: `${t('grassroots.trainings.present')} / ${t('grassroots.trainings.expected')}`,
      render: (_: unknown, s) => `${s.present} / ${s.expected}`,
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {manage ? (
        <Button type="primary" onClick={() => setCreating(true)} data-testid="training-create">
          {t('grassroots.trainings.create')}
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        data-testid="training-table"
        expandable={{ expandedRowRender: (s) => <AttendanceEditor s={s} manage={manage} onSaved={load} /> }}
      />
      <TrainingForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          load();
        }}
      />
    </Space>
  );
}
