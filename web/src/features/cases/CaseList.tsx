// 案件办理 worklist: tabs by stage, filters (scheme, state, overdue, case or household number) in the
// URL, server pagination; the server sorts by deadline. A row opens the case. The standing deadline and
// review reminders sit above the tabs.
import { Button, Card, Checkbox, Input, Select, Space, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { CASE_SCHEMES, type CaseScheme, SCHEME_NAMES } from '../../../../contracts/cases.ts';
import { can } from '../../../../contracts/roles.ts';
import { type CaseStage, type CaseSummary, casesApi } from '../../api/cases.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { stateColor, stateKey } from './caseModel.ts';
import { DeadlineText } from './DeadlineText.tsx';
import { RemindersPanel } from './RemindersPanel.tsx';

const STAGES = ['APPLICATION', 'ACTIVE', 'CLOSED'] as const satisfies readonly CaseStage[];
const STATES = Object.keys(zhCN.cases.states);
const isStage = (s: string | null): s is CaseStage => STAGES.includes(s as CaseStage);
const isScheme = (s: string | null): s is CaseScheme => CASE_SCHEMES.includes(s as CaseScheme);
/** Roles that register applications (the district confirms, it does not apply). */
export const canApply = (role: string) => role === 'village_assistant' || role === 'town_officer';

export function CaseList() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const navigate = useNavigate();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [params, setParams] = useSearchParams();
  const rawStage = params.get('stage');
  const stage: CaseStage = isStage(rawStage) ? rawStage : 'APPLICATION';
  const rawScheme = params.get('scheme');
  const scheme = isScheme(rawScheme) ? rawScheme : undefined;
  const state = params.get('state') ?? undefined;
  const overdue = params.get('overdue') === '1';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));

  const [text, setText] = useState(q);
  const [data, setData] = useState<{ items: CaseSummary[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  useEffect(() => setText(q), [q]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey forces a re-query of the same filters.
  useEffect(() => {
    let alive = true;
    setLoading(true);
    casesApi
      .worklist({
        stage,
        scheme,
        state,
        overdue,
        q: q || undefined,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })
      .then((r) => alive && setData(r))
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [stage, scheme, state, overdue, q, page, pageSize, notifyError, reloadKey]);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const schemeName = (s: CaseScheme) => (lang === 'en' ? SCHEME_NAMES[s].en : SCHEME_NAMES[s].zh);
  const stateName = (s: string) => t(stateKey(s), { defaultValue: s });

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.col.caseNo'),
      dataIndex: 'caseNo',
      render: (no: string, r) => (
        <Link to={`/cases/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {no}
        </Link>
      ),
    },
    { title: t('cases.col.scheme'), dataIndex: 'scheme', render: schemeName },
    { title: t('cases.col.applicant'), dataIndex: 'applicantMask', render: (v: string | null) => v ?? '—' },
    {
      title: t('cases.col.village'),
      dataIndex: 'villageCode',
      render: (c: string) => findDivision(tree, c)?.name ?? c,
    },
    {
      title: t('cases.col.state'),
      dataIndex: 'state',
      render: (s: string) => <Tag color={stateColor(s)}>{stateName(s)}</Tag>,
    },
    {
      title: t('cases.col.deadline'),
      dataIndex: 'deadline',
      render: (d: string | null, r) => <DeadlineText deadline={d} overdue={r.overdue} />,
    },
    ...(stage === 'ACTIVE'
      ? [
          {
            title: t('cases.col.amount'),
            dataIndex: 'currentAmountFen',
            align: 'right' as const,
            render: (f: number | null) => fenToYuan(f),
          },
        ]
      : []),
    {
      title: t('cases.col.tags'),
      key: 'tags',
      render: (_: unknown, r: CaseSummary) => (
        <Space size={4}>
          {r.closeRelative && <Tag color="magenta">{t('cases.closeRelative')}</Tag>}
          {r.legacy && <Tag>{t('cases.legacy')}</Tag>}
        </Space>
      ),
    },
    { title: t('cases.col.appliedOn'), dataIndex: 'appliedOn', width: 120 },
  ];

  return (
    <Card
      title={t('cases.title')}
      extra={
        can(actor.role, 'cases.write') &&
        canApply(actor.role) && (
          <Space>
            <Button data-testid="urgent-report" onClick={() => navigate('/cases/urgent/new')}>
              {t('urgent.newReport')}
            </Button>
            <Button type="primary" data-testid="case-apply" onClick={() => navigate('/cases/new')}>
              {t('cases.apply')}
            </Button>
          </Space>
        )
      }
    >
      <RemindersPanel />
      <Tabs
        activeKey={stage}
        onChange={(k) => update({ stage: k === 'APPLICATION' ? undefined : k, state: undefined })}
        items={STAGES.map((s) => ({ key: s, label: t(`cases.tabs.${s}`) }))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          id="case-search"
          allowClear
          enterButton={t('common.search')}
          placeholder={t('cases.searchPlaceholder')}
          value={text}
          maxLength={40}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => (v.trim() === q ? setReloadKey((k) => k + 1) : update({ q: v.trim() }))}
          style={{ width: 320 }}
        />
        <Select
          id="case-scheme"
          allowClear
          placeholder={t('cases.schemePlaceholder')}
          value={scheme}
          onChange={(v: CaseScheme | undefined) => update({ scheme: v })}
          options={CASE_SCHEMES.map((s) => ({ value: s, label: schemeName(s) }))}
          style={{ width: 200 }}
        />
        <Select
          id="case-state"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('cases.statePlaceholder')}
          value={state}
          onChange={(v: string | undefined) => update({ state: v })}
          options={STATES.map((s) => ({ value: s, label: stateName(s) }))}
          style={{ width: 180 }}
        />
        <Checkbox
          id="case-overdue"
          checked={overdue}
          onChange={(e) => update({ overdue: e.target.checked ? 1 : undefined })}
        >
          {t('cases.overdueOnly')}
        </Checkbox>
        <Button onClick={() => setParams(new URLSearchParams())}>{t('common.reset')}</Button>
      </Space>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="case-table"
        onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
        }}
        scroll={{ x: 1100 }}
      />
    </Card>
  );
}
