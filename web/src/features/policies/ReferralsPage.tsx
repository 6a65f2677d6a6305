// 部门转办 worklist (§9.3): the referrals the matching runs sent to departments, by due date, with the
// reason the platform found the person. 民政 staff filter by department; a department liaison sees its
// own department's only (the API filters). An answer closes the link in the household's assistance chain.
import { Button, Card, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type PolicyDepartmentCode, REFERRAL_STATES } from '../../../../contracts/policies.ts';
import { can } from '../../../../contracts/roles.ts';
import { policiesApi, type ReferralQuery, type ReferralView } from '../../api/policies.ts';
import { VillagePicker } from '../../components/DivisionSelect.tsx';
import { OnlySwitch, serverPaging } from '../../components/ListControls.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { AnswerReferralModal } from './AnswerReferralModal.tsx';
import { DueTag } from './DueTag.tsx';
import { departmentOptions } from './policyModel.ts';

const PAGE_SIZE = 50;
const STATE_COLOR: Record<ReferralView['state'], string> = {
  PENDING: 'orange',
  GRANTED: 'green',
  REFUSED: 'red',
  WITHDRAWN: 'default',
};
type Filters = {
  departmentCode?: PolicyDepartmentCode;
  state?: ReferralView['state'];
  overdue: boolean;
  villageCode?: string;
};

export function ReferralsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const notifyError = useErrorNotifier();
  const liaison = actor.role === 'department_liaison';
  const answer = can(actor.role, 'referrals.answer');
  const householdLinks = can(actor.role, 'registry.read');
  const [filters, setFilters] = useState<Filters>({ state: 'PENDING', overdue: false });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: ReferralView[] } | null>(null);
  const [answering, setAnswering] = useState<ReferralView | null>(null);

  const load = useCallback(() => {
    const q: ReferralQuery = {
      departmentCode: liaison ? undefined : filters.departmentCode,
      state: filters.state,
      overdue: filters.overdue || undefined,
      villageCode: filters.villageCode,
      page,
      pageSize: PAGE_SIZE,
    };
    setData(null);
    policiesApi.referrals(q).then(setData, (e) => {
      setData({ total: 0, items: [] });
      notifyError(e);
    });
  }, [filters, page, liaison, notifyError]);
  useEffect(load, [load]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<ReferralView> = [
    { title: t('policies.col.referredOn'), dataIndex: 'referredOn', width: 105 },
    {
      title: t('policies.col.dueOn'),
      key: 'due',
      width: 170,
      render: (_, r) => <DueTag dueOn={r.dueOn} overdue={r.overdue} open={r.state === 'PENDING'} />,
    },
    {
      title: t('policies.col.policy'),
      key: 'policy',
      render: (_, r) => (
        <>
          <code>{r.policyCode}</code> {r.policyName}
          {!liaison && (
            <div>
              <Typography.Text type="secondary">{r.departmentName}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('policies.col.person'),
      key: 'person',
      render: (_, r) => (
        <>
          {r.personName}
          <div>
            {householdLinks ? (
              <Link
                to={`/households/${r.householdId}#chain`}
                title={t('policies.referrals.chainHint')}
                data-testid="referral-chain-link"
              >
                {r.householdNo}
              </Link>
            ) : (
              <Typography.Text type="secondary">{r.householdNo}</Typography.Text>
            )}
          </div>
        </>
      ),
    },
    { title: t('policies.col.village'), key: 'village', render: (_, r) => `${r.townName} ${r.villageName}` },
    {
      title: t('policies.col.reason'),
      dataIndex: 'reason',
      render: (v: string) => (
        <Typography.Paragraph
          style={{ margin: 0, maxWidth: 360 }}
          ellipsis={{ rows: 2, expandable: 'collapsible' }}
          data-testid="referral-reason"
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('policies.col.state'),
      key: 'state',
      width: 100,
      render: (_, r) => (
        <Tag color={STATE_COLOR[r.state]} data-testid="referral-state">
          {t(`policies.referralStates.${r.state}`)}
        </Tag>
      ),
    },
    {
      title: t('policies.col.answer'),
      key: 'answer',
      render: (_, r) =>
        r.answeredOn ? (
          <>
            <div>
              {r.answerReason ?? ''}
              {r.amountFen !== null && ` ${fenToYuan(r.amountFen)} ${t('policies.referrals.yuan')}`}
            </div>
            <Typography.Text type="secondary">
              {t('policies.referrals.answeredBy', { on: r.answeredOn, by: r.answeredBy ?? '' })}
            </Typography.Text>
          </>
        ) : (
          ''
        ),
    },
    ...(answer
      ? [
          {
            key: 'act',
            width: 100,
            render: (_: unknown, r: ReferralView) =>
              r.state === 'PENDING' && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAnswering(r)}
                  data-testid="answer-referral"
                >
                  {t('policies.actions.answer')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('policies.referralsTitle')} data-testid="referrals-page">
      <Typography.Paragraph type="secondary">{t('policies.referrals.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {!liaison && (
          <Select
            allowClear
            placeholder={t('policies.filter.department')}
            aria-label={t('policies.col.department')}
            style={{ width: 220 }}
            value={filters.departmentCode}
            onChange={(v) => setFilter({ departmentCode: v })}
            options={departmentOptions(lang)}
            data-testid="referral-department-filter"
          />
        )}
        <Select
          allowClear
          placeholder={t('policies.filter.state')}
          aria-label={t('policies.col.state')}
          style={{ width: 140 }}
          value={filters.state}
          onChange={(v) => setFilter({ state: v })}
          options={REFERRAL_STATES.map((s) => ({ value: s, label: t(`policies.referralStates.${s}`) }))}
          data-testid="referral-state-filter"
        />
        <VillagePicker
          // VillagePicker passes every prop to its TreeSelect; its own Props do not list allowClear.
          allowClear
          placeholder={t('policies.filter.village')}
          style={{ width: 220 }}
          value={filters.villageCode}
          onChange={(v) => setFilter({ villageCode: v })}
          data-testid="referral-village-filter"
        />
        <OnlySwitch
          checked={filters.overdue}
          onChange={(v) => setFilter({ overdue: v })}
          label={t('policies.filter.overdueOnly')}
          data-testid="referral-overdue-filter"
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={columns}
        onRow={(r) =>
          ({
            'data-testid': 'referral-row',
            'data-id': r.id,
            'data-state': r.state,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={serverPaging(page, PAGE_SIZE, data?.total, setPage, (n) =>
          t('common.total', { count: n }),
        )}
        data-testid="referral-table"
      />
      {answering && (
        <AnswerReferralModal
          referral={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            load();
          }}
        />
      )}
    </Card>
  );
}
