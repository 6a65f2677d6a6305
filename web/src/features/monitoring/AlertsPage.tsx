// 预警处置 worklist (§7.4): the server filters by the caller's jurisdiction (village assistants their
// village, towns their town, the district all); filters by type, state, open and overdue live in the
// URL; a row opens the alert drawer with the evidence, the timeline and the allowed actions.
import { Card, Checkbox, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  ALERT_STATES,
  ALERT_TYPE_CODES,
  ALERT_TYPES,
  type AlertState,
  type AlertType,
} from '../../../../contracts/alerts.ts';
import { type AlertSummary, monitoringApi } from '../../api/monitoring.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { AlertDrawer } from './AlertDrawer.tsx';

export const stateColor = (s: string) =>
  s === 'ASSIGNED' ? 'orange' : s === 'VERIFIED' ? 'blue' : s === 'CLOSED' ? 'default' : 'green';

export function AlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? undefined;
  const state = params.get('state') ?? undefined;
  const open = params.get('open') !== '0';
  const overdue = params.get('overdue') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const selected = params.get('alert');
  const pageSize = 20;
  const [data, setData] = useState<{ items: AlertSummary[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey re-queries the same filters.
  useEffect(() => {
    let alive = true;
    setLoading(true);
    monitoringApi
      .alerts({
        type,
        state,
        open: open || undefined,
        overdue: overdue || undefined,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })
      .then((r) => alive && setData(r))
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [type, state, open, overdue, page, notifyError, reloadKey]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in patch) && !('alert' in patch)) next.delete('page');
    setParams(next);
  };
  const onChanged = useCallback(() => setReloadKey((k) => k + 1), []);
  const typeName = (x: AlertType) => (lang === 'en' ? ALERT_TYPES[x].en : ALERT_TYPES[x].zh);

  const columns: TableColumnsType<AlertSummary> = [
    { title: t('monitoring.columns.type'), dataIndex: 'alertType', render: (x: AlertType) => typeName(x) },
    {
      title: t('monitoring.columns.person'),
      render: (_: unknown, a) =>
        a.personName ? `${a.personName} ${a.personIdMask ?? ''}` : <Tag>{t('monitoring.unknownPerson')}</Tag>,
    },
    {
      title: t('monitoring.columns.village'),
      render: (_: unknown, a) =>
        a.villageCode ? (findDivision(tree, a.villageCode)?.name ?? a.villageCode) : '—',
    },
    { title: t('monitoring.columns.raisedOn'), dataIndex: 'raisedOn' },
    {
      title: t('monitoring.columns.dueOn'),
      render: (_: unknown, a) => (
        <Space size={4}>
          <span style={a.overdue ? { color: '#cf1322' } : undefined}>{a.dueOn}</span>
          {a.overdue && <Tag color="red">{t('monitoring.overdue')}</Tag>}
          {a.escalatedOn && <Tag color="volcano">{t('monitoring.escalated')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('monitoring.columns.assignee'),
      render: (_: unknown, a) => t(`monitoring.levels.${a.assigneeLevel}`),
    },
    {
      title: t('monitoring.columns.state'),
      dataIndex: 'state',
      render: (s: AlertState) => <Tag color={stateColor(s)}>{t(`monitoring.states.${s}`)}</Tag>,
    },
  ];

  return (
    <Card title={t('monitoring.alertsTitle')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          id="alerts-type"
          allowClear
          placeholder={t('monitoring.filters.type')}
          style={{ width: 200 }}
          value={type}
          onChange={(v) => update({ type: v })}
          options={ALERT_TYPE_CODES.map((x) => ({ value: x, label: typeName(x) }))}
        />
        <Select
          id="alerts-state"
          allowClear
          placeholder={t('monitoring.filters.state')}
          style={{ width: 160 }}
          value={state}
          onChange={(v) => update({ state: v })}
          options={ALERT_STATES.map((s) => ({ value: s, label: t(`monitoring.states.${s}`) }))}
        />
        <Checkbox checked={open} onChange={(e) => update({ open: e.target.checked ? undefined : '0' })}>
          {t('monitoring.filters.open')}
        </Checkbox>
        <Checkbox
          id="alerts-overdue"
          checked={overdue}
          onChange={(e) => update({ overdue: e.target.checked ? '1' : undefined })}
        >
          {t('monitoring.filters.overdue')}
        </Checkbox>
      </Space>
      <Table<AlertSummary>
        rowKey="id"
        data-testid="alerts-table"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        onRow={(a) => ({ onClick: () => update({ alert: a.id }), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: false,
          onChange: (p) => update({ page: String(p) }),
        }}
      />
      <AlertDrawer id={selected} onClose={() => update({ alert: undefined })} onChanged={onChanged} />
    </Card>
  );
}
