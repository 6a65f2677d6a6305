// 户籍管理: search by name / ID number / household number, filter by town or village and status.
// The filters live in the URL so that "back" from a household returns to the same page of results.
import { Button, Card, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdListItem } from '../../api/types.ts';
import { DivisionFilter } from '../../components/DivisionSelect.tsx';
import { HouseholdStatusTag } from '../../components/Tags.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';

const STATUSES = ['active', 'closed'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (s: string | null): s is Status => s === 'active' || s === 'closed';

export function HouseholdList() {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const notifyError = useErrorNotifier();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const divisionCode = params.get('division') ?? undefined;
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));

  const [text, setText] = useState(q);
  const [data, setData] = useState<{ items: HouseholdListItem[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => setText(q), [q]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey forces a re-query of the same filters.
  useEffect(() => {
    let alive = true;
    setLoading(true);
    registryApi
      .search({ q: q || undefined, divisionCode, status, page, pageSize })
      .then((r) => alive && setData({ items: r.items, total: r.total }))
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [q, divisionCode, status, page, pageSize, notifyError, reloadKey]);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<HouseholdListItem> = [
    {
      title: t('household.householdNo'),
      dataIndex: 'householdNo',
      render: (no: string, r) => (
        <Link to={`/households/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    {
      title: t('household.head'),
      dataIndex: 'headNameMasked',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('household.headId'),
      dataIndex: 'headIdMasked',
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('household.village'), dataIndex: 'villageName' },
    { title: t('household.town'), dataIndex: 'townName' },
    { title: t('household.memberCount'), dataIndex: 'memberCount', align: 'right', width: 80 },
    {
      title: t('household.urbanRural'),
      dataIndex: 'urbanRural',
      width: 90,
      render: (v: 'urban' | 'rural') => t(`urbanRural.${v}`),
    },
    {
      title: t('household.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: Status) => <HouseholdStatusTag status={v} />,
    },
    {
      title: t('household.updatedAt'),
      dataIndex: 'updatedAt',
      width: 180,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <Card
      title={t('household.listTitle')}
      extra={
        can(actor.role, 'registry.write') && (
          <Button type="primary" data-testid="household-new" onClick={() => navigate('/households/new')}>
            {t('household.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          id="household-search"
          data-testid="household-search"
          allowClear
          enterButton={t('common.search')}
          placeholder={t('household.searchPlaceholder')}
          value={text}
          maxLength={40}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => (v.trim() === q ? setReloadKey((k) => k + 1) : update({ q: v.trim() }))}
          style={{ width: 360 }}
        />
        <DivisionFilter
          id="household-division"
          data-testid="household-division"
          placeholder={t('household.divisionPlaceholder')}
          value={divisionCode}
          onChange={(v) => update({ division: v })}
          style={{ width: 240 }}
        />
        <Select
          id="household-status"
          data-testid="household-status"
          allowClear
          placeholder={t('household.statusPlaceholder')}
          value={status}
          onChange={(v: Status | undefined) => update({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 140 }}
        />
        <Button onClick={() => setParams(new URLSearchParams())}>{t('common.reset')}</Button>
      </Space>
      <Table<HouseholdListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="household-table"
        onRow={(r) => ({ onClick: () => navigate(`/households/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
        }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
