// The case page's panel of economic-status checks: each request with its purpose, status and start-by
// date (S1 Art.17: 3 working days, overdue in red), links to its report versions, and for the
// district the button that starts the check (the report follows at once) or re-runs it.
import { App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { type CheckRequestView, verificationApi } from '../../api/verification.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';

const STATUS_COLOR = { REQUESTED: 'default', STARTED: 'processing', REPORTED: 'success' } as const;

/** `version` changes whenever the case does, so a new REQUEST_CHECK shows up without a reload. */
export function CaseChecksPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [items, setItems] = useState<CheckRequestView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const readable = can(actor.role, 'checks.read');
  const county = can(actor.role, 'checks.request') && actor.jurisdictionCode.length === 6;

  const load = useCallback(async () => {
    if (!readable) return;
    try {
      setItems((await verificationApi.caseChecks(caseId)).items);
    } catch (e) {
      notifyError(e);
    }
  }, [caseId, readable, notifyError]);

  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  if (!readable) return null;

  const run = async (r: CheckRequestView) => {
    setBusy(r.id);
    try {
      const out =
        r.status === 'REQUESTED' ? await verificationApi.start(r.id) : await verificationApi.rerun(r.id);
      message.success(t('verification.started', { version: out.report.version }));
      navigate(`/checks/${out.report.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('verification.caseChecks')} data-testid="case-checks">
      {items && items.length === 0 ? (
        <Empty description={t('verification.noRequests')} />
      ) : (
        <Table<CheckRequestView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={items === null}
          dataSource={items ?? []}
          columns={[
            {
              title: t('verification.col.purpose'),
              key: 'purpose',
              render: (_, r) => t(`verification.purpose.${r.purpose}`),
            },
            {
              title: t('verification.col.status'),
              key: 'status',
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOR[r.status]}>{t(`verification.status.${r.status}`)}</Tag>
                  {r.startedLate && <Tag color="red">{t('verification.late')}</Tag>}
                </Space>
              ),
            },
            { title: t('verification.col.requestedOn'), dataIndex: 'requestedOn' },
            {
              title: t('verification.col.startBy'),
              key: 'startBy',
              render: (_, r) =>
                r.overdue ? (
                  <Typography.Text type="danger">{`${r.startBy} ${t('verification.overdue')}`}</Typography.Text>
                ) : (
                  r.startBy
                ),
            },
            {
              title: t('verification.col.reports'),
              key: 'reports',
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.reports.map((v) => (
                    <Link key={v.id} to={`/checks/${v.id}`} data-testid={`check-report-v${v.version}`}>
                      {t('verification.version', { version: v.version })}
                    </Link>
                  ))}
                </Space>
              ),
            },
            ...(county
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, r: CheckRequestView) => (
                      <Button
                        size="small"
                        loading={busy === r.id}
                        onClick={() => void run(r)}
                        data-testid="check-run"
                      >
                        {r.status === 'REQUESTED' ? t('verification.start') : t('verification.rerun')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
