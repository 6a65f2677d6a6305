// 异议与投诉: objections to a publicity and 12349 complaints from the portal, by feedback deadline, with
// masked contacts; an officer records the feedback (and for an objection on a case, optionally the
// route it takes in the case).
import { Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { portalAdminApi, type SubmissionQuery, type SubmissionView } from '../../api/portalAdmin.ts';
import { OnlySwitch, serverPaging } from '../../components/ListControls.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { DueTag } from '../policies/DueTag.tsx';
import { FeedbackModal } from './FeedbackModal.tsx';
import { categoryLabel, contactText } from './portalAdminModel.ts';

const PAGE_SIZE = 50;
const KINDS = ['OBJECTION', 'COMPLAINT'] as const;
const STATES = ['RECEIVED', 'IN_PROGRESS', 'ANSWERED'] as const;
const STATE_COLOR: Record<SubmissionView['state'], string> = {
  RECEIVED: 'orange',
  IN_PROGRESS: 'blue',
  ANSWERED: 'green',
};
type Filters = { kind?: SubmissionView['kind']; state?: SubmissionView['state']; overdue: boolean };

export function SubmissionsPanel({ answer, caseLinks }: { answer: boolean; caseLinks: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [filters, setFilters] = useState<Filters>({ overdue: false });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ total: number; items: SubmissionView[] } | null>(null);
  const [open, setOpen] = useState<SubmissionView | null>(null);

  const load = useCallback(() => {
    const q: SubmissionQuery = {
      kind: filters.kind,
      state: filters.state,
      overdue: filters.overdue || undefined,
      page,
      pageSize: PAGE_SIZE,
    };
    setData(null);
    portalAdminApi.submissions(q).then(setData, (e) => {
      setData({ total: 0, items: [] });
      notifyError(e);
    });
  }, [filters, page, notifyError]);
  useEffect(load, [load]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<SubmissionView> = [
    {
      title: t('portalAdmin.col.kind'),
      key: 'kind',
      width: 120,
      render: (_, s) => (
        <Tag color={s.kind === 'OBJECTION' ? 'purple' : 'cyan'}>{t(`portalAdmin.kinds.${s.kind}`)}</Tag>
      ),
    },
    { title: t('portalAdmin.col.trackingNo'), dataIndex: 'trackingNo', width: 150 },
    { title: t('portalAdmin.col.category'), key: 'cat', render: (_, s) => categoryLabel(s.category, lang) },
    { title: t('portalAdmin.col.village'), key: 'village', render: (_, s) => s.villageName ?? '—' },
    {
      title: t('portalAdmin.col.case'),
      key: 'case',
      render: (_, s) =>
        s.caseId && s.caseNo ? caseLinks ? <Link to={`/cases/${s.caseId}`}>{s.caseNo}</Link> : s.caseNo : '—',
    },
    {
      title: t('portalAdmin.col.content'),
      dataIndex: 'content',
      render: (v: string) => (
        <Typography.Paragraph
          style={{ margin: 0, maxWidth: 360 }}
          ellipsis={{ rows: 2, expandable: 'collapsible' }}
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('portalAdmin.col.contact'),
      key: 'contact',
      render: (_, s) =>
        contactText(s) ?? <Typography.Text type="secondary">{t('portalAdmin.anonymous')}</Typography.Text>,
    },
    { title: t('portalAdmin.col.received'), dataIndex: 'receivedOn', width: 105 },
    {
      title: t('portalAdmin.col.due'),
      key: 'due',
      width: 170,
      render: (_, s) => <DueTag dueOn={s.feedbackDueOn} overdue={s.overdue} open={s.state !== 'ANSWERED'} />,
    },
    {
      title: t('portalAdmin.col.state'),
      key: 'state',
      width: 90,
      render: (_, s) => <Tag color={STATE_COLOR[s.state]}>{t(`portalAdmin.states.${s.state}`)}</Tag>,
    },
    {
      key: 'act',
      width: 80,
      render: (_, s) =>
        s.state !== 'ANSWERED' && answer ? (
          <Button size="small" type="primary" onClick={() => setOpen(s)} data-testid="submission-feedback">
            {t('portalAdmin.feedback.action')}
          </Button>
        ) : (
          <Button size="small" onClick={() => setOpen(s)} data-testid="submission-view">
            {t('portalAdmin.feedback.view')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('portalAdmin.filter.kind')}
          aria-label={t('portalAdmin.col.kind')}
          style={{ width: 160 }}
          value={filters.kind}
          onChange={(v) => setFilter({ kind: v })}
          options={KINDS.map((k) => ({ value: k, label: t(`portalAdmin.kinds.${k}`) }))}
          data-testid="submission-kind-filter"
        />
        <Select
          allowClear
          placeholder={t('portalAdmin.filter.state')}
          aria-label={t('portalAdmin.col.state')}
          style={{ width: 140 }}
          value={filters.state}
          onChange={(v) => setFilter({ state: v })}
          options={STATES.map((s) => ({ value: s, label: t(`portalAdmin.states.${s}`) }))}
          data-testid="submission-state-filter"
        />
        <OnlySwitch
          checked={filters.overdue}
          onChange={(v) => setFilter({ overdue: v })}
          label={t('portalAdmin.filter.overdueOnly')}
          data-testid="submission-overdue-filter"
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={columns}
        onRow={(s) =>
          ({
            'data-testid': 'submission-row',
            'data-id': s.id,
            'data-tracking-no': s.trackingNo,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={serverPaging(page, PAGE_SIZE, data?.total, setPage, (n) =>
          t('portalAdmin.total', { count: n }),
        )}
        data-testid="submission-table"
      />
      {open && (
        <FeedbackModal
          submission={open}
          readOnly={!answer || open.state === 'ANSWERED'}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            load();
          }}
        />
      )}
    </>
  );
}
