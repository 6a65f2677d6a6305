// 匹配: start a matching run (policies.run) and follow its job; the run's figures and the policies whose
// expression failed for some subject; below, the matches with filters (names masked by the API).
import { Alert, Button, Card, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MATCH_STATES, type PolicyDepartmentCode } from '../../../../contracts/policies.ts';
import { jobsApi } from '../../api/ops.ts';
import {
  type MatchQuery,
  type MatchRunResult,
  type MatchView,
  type PolicyView,
  policiesApi,
} from '../../api/policies.ts';
import { DivisionFilter } from '../../components/DivisionSelect.tsx';
import { serverPaging } from '../../components/ListControls.tsx';
import { RunJobProgress } from '../../components/RunJobProgress.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { MatchRunSummary } from './MatchRunSummary.tsx';
import { departmentLabel, departmentOptions, divisionQuery } from './policyModel.ts';

const PAGE_SIZE = 50;
const STATE_COLOR: Record<MatchView['state'], string> = {
  ELIGIBLE: 'blue',
  PUSHED: 'orange',
  GRANTED: 'green',
  REFUSED: 'red',
  LAPSED: 'default',
};

type Filters = {
  policyId?: string;
  departmentCode?: PolicyDepartmentCode;
  state?: MatchView['state'];
  division?: string;
};
type Outcome = { result: MatchRunResult } | { failed: string } | null;

export function MatchingPanel({ run, householdLinks }: { run: boolean; householdLinks: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [policies, setPolicies] = useState<PolicyView[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: MatchView[] } | null>(null);

  useEffect(() => {
    policiesApi.list().then((r) => setPolicies(r.items), notifyError);
  }, [notifyError]);

  const load = useCallback(() => {
    const q: MatchQuery = {
      policyId: filters.policyId,
      departmentCode: filters.departmentCode,
      state: filters.state,
      ...divisionQuery(filters.division),
      page,
      pageSize: PAGE_SIZE,
    };
    setData(null);
    policiesApi.matches(q).then(setData, (e) => {
      setData({ total: 0, items: [] });
      notifyError(e);
    });
  }, [filters, page, notifyError]);
  useEffect(load, [load]);

  const setFilter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const start = async () => {
    setOutcome(null);
    try {
      setJobId((await policiesApi.startMatchRun()).jobId);
    } catch (e) {
      notifyError(e);
    }
  };
  const onDone = useCallback(() => {
    const id = jobId;
    setJobId(null);
    load();
    if (!id) return;
    jobsApi.get(id).then((j) => {
      if (j.status === 'failed') {
        const msg = (j.error as { message?: unknown } | null)?.message;
        setOutcome({ failed: typeof msg === 'string' ? msg : j.status });
      } else if (j.result) setOutcome({ result: j.result as unknown as MatchRunResult });
    }, notifyError);
  }, [jobId, load, notifyError]);

  const columns: TableColumnsType<MatchView> = [
    {
      title: t('policies.col.policy'),
      key: 'policy',
      render: (_, m) => (
        <>
          <code>{m.policyCode}</code> {m.policyName}
        </>
      ),
    },
    {
      title: t('policies.col.department'),
      key: 'dept',
      render: (_, m) => departmentLabel(m.departmentCode, lang),
    },
    {
      title: t('policies.col.household'),
      key: 'hh',
      render: (_, m) =>
        householdLinks ? (
          <Link to={`/households/${m.householdId}#chain`}>{m.householdNo}</Link>
        ) : (
          m.householdNo
        ),
    },
    { title: t('policies.col.person'), dataIndex: 'personName' },
    { title: t('policies.col.village'), dataIndex: 'villageName' },
    {
      title: t('policies.col.state'),
      key: 'state',
      render: (_, m) => <Tag color={STATE_COLOR[m.state]}>{t(`policies.matchStates.${m.state}`)}</Tag>,
    },
    { title: t('policies.col.firstMatched'), dataIndex: 'firstMatchedOn', width: 110 },
    { title: t('policies.col.lastMatched'), dataIndex: 'lastMatchedOn', width: 110 },
  ];

  const r = outcome && 'result' in outcome ? outcome.result : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {run && (
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Button type="primary" onClick={start} disabled={!!jobId} data-testid="start-match-run">
                {t('policies.matching.start')}
              </Button>
              <Typography.Text type="secondary">{t('policies.matching.startHint')}</Typography.Text>
            </Space>
            {jobId && (
              <RunJobProgress
                jobId={jobId}
                onDone={onDone}
                testId="match-run-progress"
                computingText={t('policies.matching.running')}
              />
            )}
            {outcome && 'failed' in outcome && (
              <Alert
                type="error"
                showIcon
                title={t('policies.matching.failed', { message: outcome.failed })}
              />
            )}
            {r && <MatchRunSummary result={r} />}
          </Space>
        </Card>
      )}
      <Space wrap>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('policies.filter.policy')}
          aria-label={t('policies.col.policy')}
          style={{ width: 260 }}
          value={filters.policyId}
          onChange={(v) => setFilter({ policyId: v })}
          options={policies.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          data-testid="match-policy-filter"
        />
        <Select
          allowClear
          placeholder={t('policies.filter.department')}
          aria-label={t('policies.col.department')}
          style={{ width: 200 }}
          value={filters.departmentCode}
          onChange={(v) => setFilter({ departmentCode: v })}
          options={departmentOptions(lang)}
          data-testid="match-department-filter"
        />
        <Select
          allowClear
          placeholder={t('policies.filter.state')}
          aria-label={t('policies.col.state')}
          style={{ width: 140 }}
          value={filters.state}
          onChange={(v) => setFilter({ state: v })}
          options={MATCH_STATES.map((s) => ({ value: s, label: t(`policies.matchStates.${s}`) }))}
          data-testid="match-state-filter"
        />
        <DivisionFilter
          placeholder={t('policies.filter.division')}
          style={{ width: 220 }}
          value={filters.division}
          onChange={(v) => setFilter({ division: v })}
          data-testid="match-division-filter"
        />
        <Typography.Text type="secondary">{t('policies.matching.masked')}</Typography.Text>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={columns}
        onRow={(m) => ({ 'data-testid': 'match-row', 'data-id': m.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={serverPaging(page, PAGE_SIZE, data?.total, setPage, (n) =>
          t('common.total', { count: n }),
        )}
        data-testid="match-table"
      />
    </Space>
  );
}
