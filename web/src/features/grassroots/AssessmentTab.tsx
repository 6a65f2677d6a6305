// 月度考核 (§9.6): the town (or the district) opens a month that has ended — the automatic metrics
// are computed from the records — enters the five scores with reasons for its assistants and
// confirms. Totals and ranks are the server's (standard competition ranking, ties share a rank).
import { App, Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AssessmentView, grassrootsApi } from '../../api/grassroots.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { MonthPicker } from './MonthPicker.tsx';
import { previousMonth, rawParams } from './rankingModel.ts';
import { ScoreForm } from './ScoreForm.tsx';
import { WeightsPanel } from './WeightsPanel.tsx';

export function AssessmentTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useErrorNotifier();
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const [items, setItems] = useState<AssessmentView[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<AssessmentView | null>(null);
  const load = useCallback(() => {
    setLoading(true);
    grassrootsApi
      .assessments(month)
      .then((r) => setItems(r.items))
      .catch(notify)
      .finally(() => setLoading(false));
  }, [month, notify]);
  useEffect(load, [load]);

  const run = (f: () => Promise<string>) => () =>
    f()
      .then((text) => {
        void message.success(text);
        load();
      })
      .catch(notify);

  const columns: TableColumnsType<AssessmentView> = [
    { title: t('grassroots.roster.village'), dataIndex: 'villageName' },
    { title: t('grassroots.roster.holder'), dataIndex: 'holderName' },
    {
      title: t('grassroots.assessment.metrics'),
      render: (_: unknown, a) => (
        <span style={{ fontSize: 12 }}>{t('grassroots.assessment.raw', rawParams(a))}</span>
      ),
    },
    {
      title: t('grassroots.assessment.score'),
      render: (_: unknown, a) =>
        a.scores
          ? Object.entries(a.scores)
              .map(([d, s]) => `${t(`grassroots.dims.${d}` as 'grassroots.dims.de')}${s.score}`)
              .join(' ')
          : '—',
    },
    {
      title: t('grassroots.assessment.total'),
      dataIndex: 'total',
      render: (v: number | null) => v?.toFixed(2) ?? '—',
    },
    {
      title: t('grassroots.assessment.rankTown'),
      dataIndex: 'rankTown',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('grassroots.assessment.rankDistrict'),
      dataIndex: 'rankDistrict',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: '',
      render: (_: unknown, a) =>
        a.status === 'CONFIRMED' ? (
          <Tag color="green">{t('grassroots.assessment.status.CONFIRMED')}</Tag>
        ) : (
          <Space>
            <Button size="small" onClick={() => setEditing(a)} data-testid={`assess-score-${a.villageCode}`}>
              {t('grassroots.assessment.score')}
            </Button>
            <Button
              size="small"
              disabled={!a.scores}
              onClick={run(async () => {
                await grassrootsApi.confirm(a.month, a.postId);
                return t('grassroots.assessment.confirmed', { n: 1 });
              })}
              data-testid={`assess-confirm-${a.villageCode}`}
            >
              {t('grassroots.assessment.confirm')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <MonthPicker value={month} onChange={setMonth} testId="assess-month" />
        <Button
          onClick={run(async () =>
            t('grassroots.assessment.opened', { n: (await grassrootsApi.openMonth(month)).written }),
          )}
          data-testid="assess-open"
        >
          {t('grassroots.assessment.open')}
        </Button>
        <Button
          type="primary"
          onClick={run(async () =>
            t('grassroots.assessment.confirmed', { n: (await grassrootsApi.confirmAll(month)).confirmed }),
          )}
          data-testid="assess-confirm-all"
        >
          {t('grassroots.assessment.confirmAll')}
        </Button>
      </Space>
      <WeightsPanel month={month} onSaved={load} />
      <Table
        rowKey="postId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        pagination={{ pageSize: 30 }}
        locale={{ emptyText: t('grassroots.assessment.empty') }}
        data-testid="assess-table"
      />
      <ScoreForm
        a={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          load();
        }}
      />
    </Space>
  );
}
