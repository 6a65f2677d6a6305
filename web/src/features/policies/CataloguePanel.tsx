// 目录: the catalogue (code, department, name, subject, target groups, active, matches) with a text
// search and a department filter; the editor opens for a new policy or a row (read-only without
// policies.manage).
import { Button, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import type React from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDepartmentCode } from '../../../../contracts/policies.ts';
import { type PolicyView, policiesApi } from '../../api/policies.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { PolicyEditor } from './PolicyEditor.tsx';
import { categoryLabel, departmentOptions, filterPolicies } from './policyModel.ts';

const rowTestId = (id: string) =>
  ({ 'data-testid': 'policy-row', 'data-id': id }) as React.HTMLAttributes<HTMLElement>;

export function CataloguePanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [items, setItems] = useState<PolicyView[] | null>(null);
  const [q, setQ] = useState('');
  const [dept, setDept] = useState<PolicyDepartmentCode | undefined>();
  const [editing, setEditing] = useState<{ policy: PolicyView | null } | null>(null);

  const load = useCallback(() => {
    policiesApi.list().then((r) => setItems(r.items), notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const rows = useMemo(() => filterPolicies(items ?? [], q, dept), [items, q, dept]);
  const columns: TableColumnsType<PolicyView> = [
    { title: t('policies.col.code'), dataIndex: 'code', width: 130, render: (v: string) => <code>{v}</code> },
    { title: t('policies.col.department'), dataIndex: 'departmentName', width: 150 },
    { title: t('policies.col.name'), dataIndex: 'name' },
    {
      title: t('policies.col.subject'),
      dataIndex: 'subject',
      width: 90,
      render: (v: PolicyView['subject']) => t(`policies.subjects.${v}`),
    },
    {
      title: t('policies.col.targets'),
      key: 'targets',
      render: (_, p) => p.targetCategories.map((c) => <Tag key={c}>{categoryLabel(c, lang)}</Tag>),
    },
    {
      title: t('policies.col.active'),
      key: 'active',
      width: 110,
      render: (_, p) => (
        <Space size={2} wrap>
          {p.active ? <Tag color="green">{t('policies.col.active')}</Tag> : <Tag>{t('common.no')}</Tag>}
          {p.active && p.referable && <Tag color="blue">{t('policies.col.referable')}</Tag>}
        </Space>
      ),
    },
    { title: t('policies.col.matches'), dataIndex: 'matchCount', width: 90, align: 'right' },
    {
      key: 'act',
      width: 80,
      render: (_, p) => (
        <Button size="small" onClick={() => setEditing({ policy: p })} data-testid="policy-edit">
          {manage ? t('policies.actions.edit') : t('policies.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('policies.filter.search')}
          aria-label={t('policies.filter.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 280 }}
          data-testid="policy-search"
        />
        <Select
          allowClear
          placeholder={t('policies.filter.department')}
          aria-label={t('policies.col.department')}
          value={dept}
          onChange={setDept}
          options={departmentOptions(lang)}
          style={{ width: 240 }}
          data-testid="policy-department-filter"
        />
        {manage && (
          <Button type="primary" onClick={() => setEditing({ policy: null })} data-testid="policy-create">
            {t('policies.actions.create')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={items === null}
        dataSource={rows}
        columns={columns}
        onRow={(p) => rowTestId(p.id)}
        pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { count: n }) }}
        data-testid="policy-table"
      />
      {editing && (
        <PolicyEditor
          policy={editing.policy}
          readOnly={!manage}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </>
  );
}
